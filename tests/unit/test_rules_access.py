"""The access checklist as people write it: which tool, where in it, what role, why, approved by whom.

Each positive has a near miss beside it (a ticket that says nearly the same and does not answer),
so a cue cannot pass on a single word. The tickets are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.factories import unanswered as _missing


def test_a_list_of_tools_with_one_role_left_out_misses_the_role() -> None:
    base = "New hire on the payments team. Approved by Kim (lead).\n- GitLab: Developer on payments/\n"
    assert "role" in _missing("Access", base + "- Jira: project PAY", "access")
    assert "role" not in _missing("Access", base + "- Jira: project PAY, viewer", "access")


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("I need to be able to roll back apps in ArgoCD.", "role"),
        ("`refund-api` 조회 권한 부탁드립니다.", "scope"),
        ("Please give me read access to ledger-api.", "scope"),
        ("I need VPN access.", "tool"),
        ("Dana left the company on Friday, please remove her GitLab access.", "justification"),
        ("I'm preparing the quarterly cost review.", "justification"),
        ("릴리즈 태그를 만들어야되는데 권한이 없습니다.", "justification"),
        ("Add the bot account so Dependabot can open MRs.", "justification"),
    ],
)
def test_access_items_people_write(body: str, item: str) -> None:
    assert item not in _missing("Access request", body, "access")


def test_access_for_a_piece_of_work_does_not_name_a_scope() -> None:
    assert "scope" in _missing("Access", "Could I get Editor access to Grafana for the cart-api migration?")


def test_a_named_permission_and_an_approval_in_a_chat_paste() -> None:
    base = "Jenkins `release-tools` 폴더 job 설정 권한{} 부탁드립니다. 배포 담당이 저로 바뀌어서요. 팀장님 승인 받았습니다."
    assert "role" not in _missing("권한", base.format("(Configure)"), "access")
    assert "role" in _missing("권한", base.format(""), "access")
    unsure = "GitHub `acme/dags` repo. Not sure which permission level I need. Approved by Ravi (lead)."
    assert "role" in _missing("GitHub", unsure, "access")
    chat = "```\n[10:14] 장태식: ㅇㅇ 신청해\n[10:15] 장태식: 👍 승인\n```\nHarbor `ai-infer` 프로젝트 Guest 역할 부탁드립니다."
    assert "approver" not in _missing("Harbor", chat, "access")
    assert "approver" in _missing("Harbor", chat.replace("👍 승인", "확인해볼게"), "access")


def test_reasons_said_as_a_purpose_or_a_change_of_owner() -> None:
    ask = "Please give the `e2e-runner` service account view on the `orders-qa` namespace. Approved by Mina (QA lead). "
    assert "justification" not in _missing(
        "RBAC", ask + "So the nightly e2e suite can read pod logs.", "access"
    )
    assert "justification" in _missing("RBAC", ask, "access")
    ko = "Harbor `ml-models` 프로젝트 Developer 권한 부탁드립니다. 승인: 이수진 리드. "
    assert "justification" not in _missing("Harbor", ko + "모델 서빙 이미지 push 용도입니다.", "access")
    assert "justification" in _missing("Harbor", ko, "access")


_ACCESS = "Harbor `ml-models` project Developer role please. "


def test_approvals_and_reasons_said_in_passing() -> None:
    reason = "I'm the new owner of the reranker model and push release images. "
    assert "approver" not in _missing("Harbor", _ACCESS + reason + "Okay'd by Yuna (ML lead).", "access")
    assert "approver" not in _missing("Harbor", _ACCESS + reason + "Approver is Kevin Jang.", "access")
    assert "approver" in _missing("Harbor", _ACCESS + reason + "Approver is not decided yet.", "access")
    approved = _ACCESS + "Approved by Yuna (ML lead). "
    assert "justification" not in _missing(
        "Harbor", approved + "I want to try the new Bedrock models.", "access"
    )
    assert "justification" not in _missing(
        "Harbor", approved + "We're moving the pipeline from Jenkins to Actions.", "access"
    )
    assert "justification" in _missing("Harbor", approved + "I want access.", "access")


def test_taking_access_away_is_the_permission_change() -> None:
    base = "Tom leaves on Friday (HR-2291). Approved by Eunji, Head of Platform.\n"
    removal = base + "* GitLab group `platform` -> remove membership\n* Vault `ops-admin` policy -> revoke"
    assert "role" not in _missing("Offboarding Tom", removal, "access")
    assert "role" in _missing(
        "Access for Tom", base + "* GitLab group `platform`\n* Vault `ops-admin`", "access"
    )


def test_a_scope_named_in_upper_snake_case_or_an_account_number() -> None:
    base = "Snowflake read access for the Q2 audit, approved by Eun-ji (Controller), role ANALYST_RO. "
    assert "scope" not in _missing("Snowflake", base + "Database: ANALYTICS_PROD.", "access")
    assert "scope" not in _missing(
        "AWS", "PowerUser on AWS account 7781-2290-5512 for a PoC, approved by Ji-ho.", "access"
    )
    assert "scope" in _missing("Snowflake", base, "access")


def test_a_backticked_database_or_team_is_a_scope() -> None:
    base = "Read-only role `ro_analyst` on Teleport for the INC-4471 investigation, approved by Hana (lead). "
    assert "scope" not in _missing("Teleport", base + "Database `orders` on prod-orders-pg-01.", "access")
    assert "scope" not in _missing(
        "Datadog",
        "Datadog read-only in the `checkout` team, for APM traces. Approved by Minjae (EM).",
        "access",
    )
    assert "scope" in _missing("Teleport", base, "access")


def test_reasons_said_as_a_situation_or_a_move() -> None:
    ko = "AWS SSO `analytics-prd` 계정 ReadOnlyAccess 부탁드립니다. 승인자: 김태호 팀장. "
    assert "justification" not in _missing(
        "AWS", ko + "팀장님 출장 중 제가 Glue 잡 이력을 직접 봐야 하는 상황이 되었습니다.", "access"
    )
    assert "justification" in _missing("AWS", ko, "access")
    en = "Please remove Kwon's admin RoleBinding on `ml-pipelines`. I'm the owner, consider it approved. "
    assert "justification" not in _missing("Argo", en + "He moved teams on Nov 1.", "access")
