"""What real shapes BM to BQ showed once opened after their first contact (rules-2026.12.46).

An account or project named beside its region or environment, "the x project", a console address's
project and region, "계정·프로젝트" name where a resource lives; a company host's page linked bare,
a server or DB named after its kind, "운영 settle-db", a syslog line's host, a log's ns= and pod=, a
system named in the summary by a Korean compound or an English name before "portal" / "batch", a
station, a gate or a yard area name where a problem is; the work or the move the access is for is
the reason; a schedule's Responder and a key's scopes are the role; FortiManager and
S/4HANA are tools. Every case that reads an item fails on rules-2026.12.45; the ones that read none
hold the new wording's edges.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("Please raise the Fargate vCPU quota in mc-prod / ap-northeast-2 from 400 to 1000.", "subscription"),
     ("New ECS service rx-pdf-renderer in mc-stg (staging), ap-northeast-2.", "subscription"),
     ("It points at the existing prod LB in the mall-prod project.", "subscription"),
     ("Need one more like https://console.ncloud.com/vpc-compute/server?projectName=mall-dev&x=1", "subscription"),
     ("KT Cloud 계정·프로젝트 (Account / Project): hbfare-settle-prd", "subscription"),
     ("clone it: https://console.ktcloud.com/console/project/hbfare-kms-stg/region/KR-CA/servers/kms-sim-01",
      "region"),
     ("VM 2대, KT Cloud KR-M2 (목동2) 에 만들어 주세요.", "region")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


def test_a_projects_page_on_a_forge_names_no_cloud_project() -> None:
    body = "See https://github.com/orgs/jenkinsci/projects/enhancing-an-existing-llm-model-with-jenkins-data"
    assert "subscription" not in present("cloud_resource", "GPU credits", body)


@pytest.mark.parametrize(
    ("summary", "body"),
    [("이거 안돼요", "https://settle.hbfare.co.kr/admin/batch/8812\n확인좀요"),
     ("NX 라이선스 체크아웃 실패", "오늘 13시부터 라이선스 못 받아옵니다. 라이선스 서버는 lic-cad-01 입니다."),
     ("failover 원인 분석", "11/21 03:12 운영 settle-db(PostgreSQL HA) primary 가 standby로 failover 됐습니다."),
     ("크레인 스위치 포트 flapping", "로그 보시면 됩니다\nNov 27 22:14:03 ot-sw-crane-02 %LINK-3-UPDOWN: Interface Gi1/0/7 down"),
     ("FI 마스터 로드 job 실패", "```text\n2026-11-27T02:13:55Z  ns=sap-migration  pod=fi-load-7kq2x\n[ERROR] failed\n```"),
     ("정산포털 화면 이상", "이렇게 떠요 확인 부탁드립니다"),
     ("Survey portal slow again", "Portal takes forever to load pages again."),
     ("게이트 카드 인식 실패", "| 역명 | 게이트ID | 오류코드 |\n| --- | --- | --- |\n| 강남 | GN-0212 | E-213 |")],
)  # fmt: skip
def test_where_said_the_sites_way(summary: str, body: str) -> None:
    assert "where" in present("troubleshooting", summary, body)


@pytest.mark.parametrize(
    ("summary", "body"),
    [("지표 좀 봐주세요", "https://grafana.bwg-internal.net/d/k3Jd9aZ4z/ccu?orgId=1"),
     ("pls check", "https://hbpay.atlassian.net/wiki/spaces/PG/pages/2233445/Incident+notes"),
     ("[장애] 현장 시스템 문의", "확인 부탁드립니다"),
     ("Azure portal issue", "see screenshot")],
)  # fmt: skip
def test_a_tools_page_or_a_generic_system_names_no_place(summary: str, body: str) -> None:
    assert "where" not in present("troubleshooting", summary, body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("royalty_reports dataset", "Our analyst needs access to the dataset to reconcile Q3 statements.",
      "justification"),
     ("Vault read for key ceremony", "Need **read** on Vault path `secret/kms/*` to prepare the key ceremony.",
      "justification"),
     ("Datadog read-only", "Please give me read-only access. I audit crane monitoring for the survey.", "justification"),
     ("Same access as me", "He's covering my work while I'm on parental leave.", "justification"),
     ("AWS 권한 하향", "@김태호 님 데이터팀으로 이동해서 ReadOnlyAccess 로 변경 부탁드립니다.", "justification"),
     ("Vault + ArgoCD 권한", "bank-gw 운영 담당으로 옮겨서 권한 요청합니다.", "justification"),
     ("PagerDuty", "Please add me to the PagerDuty schedule `pos-oncall` as a Responder.", "role"),
     ("PagerDuty 온콜", "PagerDuty `consult-backend-primary` 스케줄에 Responder로 넣어주세요.", "role"),
     ("Datadog key", "A personal API key in the org, scopes metrics_write only.", "role"),
     ("ADOM 권한", "FortiManager ADOM `OT-CRANE` read-write 권한 필요합니다.", "tool")],
)  # fmt: skip
def test_access_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("access", summary, body)
