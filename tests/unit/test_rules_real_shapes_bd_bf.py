"""What real shapes BD, BE and BF showed once opened after their first contact (rules-2026.12.44).

A resource table's "Project" column holding an id is the cloud's project (a business project's
name is not); "범위는 ...", a device group and a mailbox's address are the scope; Exchange's "Full
Access" / "Send As" are the role and M365 the tool; the work or the team the access is for is the
reason; a product's error code in a pasted block is the error; "started Monday" and "2026-11-25
부터" say when; people left waiting and work on hold are the impact; an endpoint's address, in a
field or a pasted request, is where; a "재현" heading over a list is the steps; "No ArgoCD there"
makes the app moot; a vCPU "쿼터" is the spec; duplicate orders are what happened. Every case fails
on rules-2026.12.43.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    "body",
    ["Please delete:\n| VM | Project | Zone | Type |\n| --- | --- | --- | --- |\n"
     "| pos-legacy-01 | hb-pos-legacy | asia-northeast3-a | e2-standard-4 |",
     "| Item | Value |\n| --- | --- |\n| Project / env | hb-storefront-prod / production |",
     "| Zone (project) | Record | Type |\n| --- | --- | --- |\n| hanbitdf-com (hb-shared-net) | cn-partner | CNAME |"],
)  # fmt: skip
def test_a_cloud_project_by_its_id_is_the_subscription(body: str) -> None:
    assert "subscription" in present("cloud_resource", "resource request", body)


def test_a_business_project_is_not_the_subscription() -> None:
    body = "- Project: Deduplication efforts ahead of the Yale catalog load\n- Number of VMs: 4"
    assert "subscription" not in present("cloud_resource", "Request new VMs", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("Intune 역할 요청", '범위는 "서울본사-노트북" 디바이스 그룹만.', "scope"),
     ("SSL-VPN 계정 발급 요청", "VPN은 그룹 구분 없이 계정 단위라 범위는 해당없음.", "scope"),
     ("Shared mailbox access", "Please add me on the shared mailbox `litigation-team@hanbitlaw.co.kr`.", "scope"),
     ("Shared mailbox access", "Please give me Full Access + Send As on it.", "role"),
     ("Shared mailbox access", "Please add me to the mailbox (M365 / Exchange Online).", "tool"),
     ("DOPS 프로젝트 관리자 권한", "Project admin 권한 부탁드립니다. 요청 양식/워크플로 수정 필요해서요.", "justification"),
     ("SharePoint 사이트 권한", "신규 사건 TF 구성돼서 SharePoint 사이트 권한 부탁드립니다.", "justification"),
     ("GitLab 권한 요청", "pos-gateway 유지보수 외주 인력(Ryu Jinho) 권한 요청입니다.", "justification")],
)  # fmt: skip
def test_access_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("access", summary, body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("Cannot access audit site", "```text\nAADSTS50105: Your administrator has configured the application.\n```",
      "error"),
     ("Cannot access audit site", "Sure - started Monday 24 Nov after my password reset.", "when"),
     ("애드인 설치 실패", "설치 누르면 실패로 끝납니다. 2026-11-25 부터 그렇습니다.", "when"),
     ("Cannot access audit site", "Our fieldwork is on hold until we can download it.", "impact"),
     ("Cannot access audit site", "3 auditors waiting.", "impact"),
     ("Order sync API returns 401", "| Item | Detail |\n| --- | --- |\n| Endpoint | https://partner-api.hanbitdf.com/v2/orders |",
      "where"),
     ("Voucher API 422", "We always get 422.\n```http\nPOST https://partner-api.hanbitdf.com/v2/vouchers\n-> 422\n```",
      "where"),
     ("ingest 실패", "### 재현\n1. raw 파일 재처리:\n2. `ingestctl replay --pass SAR1`\n3. 같은 오류로 abort 됨", "steps"),
     ("order-svc: duplicate orders when customers double-tap Pay", "Since the release, first ticket 12-01.", "symptom")],
)  # fmt: skip
def test_troubleshooting_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


def test_no_argocd_in_the_enclave_makes_the_app_moot() -> None:
    body = "No ArgoCD there - enclave releases go through the offline transfer so there's no app to sync."
    assert "argocd_app" in present("deployment", "Release tasking-planner to the enclave", body)


def test_a_vcpu_quota_is_the_spec() -> None:
    assert "resource_spec" in present("cloud_resource", "vCPU 쿼터 증설", "G 패밀리 On-Demand vCPU 쿼터 증설 요청.")
