"""What real shapes AK and AL showed once opened after their first contact (rules-2026.12.35).

A removal needs no role ("역할은 해당 없음 – 전부 삭제", a tool line ending "→ 제거"); a service
desk's agent is a role; "scoped to team `ltx`" and a "Slurm account" row are the scope; Trino and
Mirth Connect are tools; "CC-ARC-2200" is a cost centre; the NIC and public IP deleted with a VM
answer the network; a task list of what the reporter did is the steps, and so is "RStudio 켜면 한참
걸립니다"; "for the last couple days" is when. Every positive case fails on rules-2026.12.34.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present

_REMOVAL = """Meridian 계약 종료(11/20)로 권한 전부 회수 요청드립니다.

- GitLab: media-platform 그룹 전체 (현재 Developer) → 제거
- ArgoCD: ltx-*, vod-* 프로젝트 → 제거
- Grafana: Live Transcoding 폴더 Viewer → 제거
"""


@pytest.mark.parametrize(
    "body",
    ["역할은 해당 없음 – 전부 삭제입니다.", "권한 수준은 해당 없음 (전부 제거)", _REMOVAL],
)  # fmt: skip
def test_a_removal_needs_no_role(body: str) -> None:
    assert "role" in present("access", "계정 권한 회수", body)


def test_a_tool_line_with_no_role_still_leaves_the_role_open_when_it_grants() -> None:
    body = "- GitLab: media-platform 그룹 (Developer)\n- ArgoCD: ltx-* 프로젝트\n"
    assert "role" not in present("access", "권한 요청", body)


def test_a_service_desks_agent_is_a_role() -> None:
    body = "Jira 서비스데스크 MPI 프로젝트 **Service Desk Team (agent)** 역할 요청합니다."
    assert "role" in present("access", "Jira MPI 프로젝트 권한 요청", body)


@pytest.mark.parametrize(
    "body",
    ["Requesting a personal Datadog API key, scoped to team `ltx`, role Datadog Standard.",
     "please create a NOVA HPC account\n\n- Slurm account: `lakeshore-cxr`\n- Regular user"],
)  # fmt: skip
def test_scoped_to_a_team_or_a_slurm_account_is_the_scope(body: str) -> None:
    assert "scope" in present("access", "access request", body)


def test_a_heading_that_ends_in_account_is_not_a_scope() -> None:
    assert "scope" not in present("access", "expired account", "expired account\nuser account has expired")


@pytest.mark.parametrize("summary", ["Trino read access for 3 analysts", "Mirth Connect 관리 콘솔 계정 요청"])
def test_trino_and_mirth_are_tools(summary: str) -> None:
    assert "tool" in present("access", summary, "")


def test_a_lettered_cost_centre_code_is_the_cost_owner() -> None:
    assert "cost_owner" in present("cloud_resource", "App Service 신규", "비용센터 빠졌네요. CC-ARC-2200 입니다.")


def test_the_nic_and_public_ip_deleted_with_a_vm_answer_the_network() -> None:
    body = "구 VM 삭제합니다. 디스크/NIC/공인IP 같이 삭제해주세요 (DNS 레코드는 이미 정리함)."
    assert "network" in present("cloud_resource", "구 트랜스코딩 VM 5대 삭제 요청", body)


def test_a_task_list_of_what_the_reporter_did_is_the_steps() -> None:
    body = "- [x] Open CMS editor, new article\n- [x] Drag a 25MB JPEG into the body\n- [x] Upload fails (413)"
    assert "steps" in present("troubleshooting", "CMS image upload fails", body)


def test_what_the_reporter_opens_and_what_follows_is_the_steps() -> None:
    body = "어제부터 VDI에서 RStudio 켜면 한참 걸립니다. 5분 이상요."
    assert "steps" in present("troubleshooting", "연구용 VDI 너무 느림", body)


def test_for_the_last_couple_days_is_when() -> None:
    body = "Trino queries on the data lake have been super slow for the last couple days."
    assert "when" in present("troubleshooting", "Trino super slow", body)
