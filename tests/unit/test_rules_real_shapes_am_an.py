"""What real shapes AM and AN showed once opened after their first contact (rules-2026.12.36).

A cloud CLI's `--profile lumio-prod` names the account (.39 took back "a static IP is its own resource
type": the sandbox's form tickets name one in the summary and leave the SKU open); a DR
site is an environment (not the "(AWS DR)" in a team's name); "일반 계정" is a role and a
permission-set name ("DataAnalystReadOnly") a role's value; "대상 서버 그룹" is the scope; "GPKI
인증서 관리 콘솔" names the tool; "deploy data portal to prod" names the service ("deploy my change"
does not); a command after a shell prompt and a four-step menu path are the steps; "리전: 기존과
동일" (same as before) names no region. Every positive case fails on rules-2026.12.35.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


def test_a_cloud_clis_profile_flag_names_the_account() -> None:
    body = "```bash\naws elasticache create-replication-group \\\n  --profile lumio-prod --region ap-northeast-2\n```"
    assert "subscription" in present("cloud_resource", "ElastiCache Redis", body)


def test_a_dr_site_is_an_environment() -> None:
    assert "environment" in present("cloud_resource", "DR Aurora cluster", "see screenshot for the spec we need")


def test_a_teams_name_with_dr_in_it_is_not() -> None:
    body = "소속 (Organisation): Cloudbridge Partners (AWS DR)\n\nhttps://confluence.x.kr/pages/viewpage.action?pageId=1"
    assert "environment" not in present("cloud_resource", "Need this provisioned", body)


def test_a_server_group_and_an_account_permission_answer_scope_and_role() -> None:
    body = (
        "| 성명 | 대상 서버 그룹 | 계정 권한 |\n| --- | --- | --- |\n"
        "| 오민석 | `IF-BATCH-PRD` (batch-if-prd-01~02) | batch (일반 계정, sudo 없음) |"
    )
    assert {"scope", "role"} <= present("access", "서버 접근제어(HIWARE) 계정 발급 요청", body)


def test_a_permission_set_name_is_a_roles_value() -> None:
    body = "| 항목 | 내용 |\n| --- | --- |\n| 계정 | lumio-data |\n| Permission set | DataAnalystReadOnly |"
    assert "role" in present("access", "AWS SSO 권한 요청", body)


def test_a_systems_console_names_the_tool() -> None:
    assert "tool" in present("access", "GPKI 인증서 관리 콘솔 관리자 권한 요청", "")


def test_deploy_a_named_thing_to_an_environment_names_the_service() -> None:
    assert "service" in present("deployment", "Data portal prod deploy", "Please deploy data portal to prod today.")


def test_deploy_my_change_does_not() -> None:
    assert "service" not in present("deployment", "pls deploy my change to dev", "")


def test_a_command_after_a_shell_prompt_is_the_steps() -> None:
    body = "아래 명령으로 테스트했습니다.\n\n```bash\n[batch@batch-if-prd-01 ~]$ sftp -P 10022 dasi_if@10.20.30.15\n```"
    assert "steps" in present("troubleshooting", "SFTP 접속 안 됨", body)


def test_a_four_step_menu_path_is_the_steps() -> None:
    body = "민원 신청 > 구비서류 첨부 > 10MB 넘는 PDF 선택 > 업로드 → 브라우저에 413 표시됩니다."
    assert "steps" in present("troubleshooting", "STG 민원 포털 파일 업로드 413 에러", body)


@pytest.mark.parametrize("value", ["기존과 동일", "same as before", "as usual"])
def test_same_as_before_names_no_region(value: str) -> None:
    """Real shapes T: "리전: 기존과 동일" was read as the region."""
    assert "region" not in present("cloud_resource", "고정 IP(EIP) 2개", f"- 계정: mair-prod\n- 리전: {value}")
