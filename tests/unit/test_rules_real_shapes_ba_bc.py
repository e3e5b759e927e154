"""What real shapes BA, BB and BC showed once opened after their first contact (rules-2026.12.43).

A sentence that opens a code block after a blank line is read, not dropped as an empty form label;
an availability zone, NCP's "KR-1" and a city in a list name the region; a VLAN, a subnet group and
an ACL kept as it is answer the network; "할 수 있게" gives the reason; "read 가능", "에이전트 권한"
and "Grafana 교통센터 org" answer the role and the scope; "new sensor-gw-adapter build" names the
service; a named service down is a symptom; a test with its result is the steps, and outages
already missed are the impact; "승인은 첨부 메일 참고" names no approver (an attachment answers
nothing). Every case fails on rules-2026.12.42.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


def test_a_sentence_opening_a_code_block_is_read() -> None:
    body = "Please add this pool (research dev, koreacentral):\n\n```bash\naz aks nodepool add --name gpupool\n```"
    assert {"environment", "region"} <= present("cloud_resource", "GPU node pool on aks-research-kc", body)


@pytest.mark.parametrize(
    ("body", "item"),
    [('```hcl\n  availability_zone    = "ap-northeast-2c"\n```', "region"),
     ("Production, LB is in gov-smartparking-prd / KR-1.", "region"),
     ("Production, LB is in gov-smartparking-prd / KR-1.", "subscription"),
     ("- 계정: sbm-data\n- 운영 / 서울", "region"),
     ('```hcl\n  db_subnet_group_name = "sbm-prod-data-private"\n```', "network"),
     ("고정 IP 5개 필요해요 VLAN 30 으로요", "network"),
     ("- 마운트 서버: spk-batch-01, spk-batch-02 (기존 ACL 그대로)", "network")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


@pytest.mark.parametrize(
    ("body", "item"),
    [("팀원들이 대시보드 볼 수 있도록 Grafana 계정 부탁드립니다", "justification"),
     ("Vault 에서 `secret/spk/stg/*` read 가능한 개인 토큰 발급 부탁드립니다.", "role"),
     ("Jira 서비스데스크(HBITS 포털) 에이전트 권한 요청드립니다.", "role"),
     ("Jira 서비스데스크(HBITS 포털) 에이전트 권한 요청드립니다.", "scope"),
     ("신규 관제요원 3명 12월 투입으로 Grafana 교통센터 org 계정 필요합니다.", "scope")],
)  # fmt: skip
def test_access_items_said_in_passing(body: str, item: str) -> None:
    assert item in present("access", "권한 요청", body)


def test_a_named_build_names_the_service() -> None:
    body = "Hi, new sensor-gw-adapter build is attached, please deploy."
    assert "service" in present("deployment", "Please deploy the new adapter build", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("Label printer service down at Pyeongtaek?", "see attached", "symptom"),
     ("Grafana alert not firing", "Test: stop heartbeat on test controller TC-LAB-01 for 5 min -> no alert.",
      "steps"),
     ("Grafana alert not firing", "We already missed 2 real controller outages this week.", "impact")],
)  # fmt: skip
def test_troubleshooting_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


def test_an_approval_only_in_an_attached_mail_names_no_approver() -> None:
    body = "Jira 서비스데스크 에이전트 권한 요청드립니다.\n\n승인은 첨부 메일 참고 바랍니다."
    assert "approver" not in present("access", "JSM 에이전트 라이선스 요청", body)
