"""What real shapes BR to BV showed once opened after their first contact (rules-2026.12.47).

A site's "<code>-R<n>" region, a CLI's --location and "(global)" are the region; a load balancer by
its name answers the network; failure words the vocabulary lacked are what happened, a date then
what it started with is when, work not done and how much is the impact, a pod by its full name
in a log is where; the work the access is needed for, a transfer and the person's own work are the
reason; a consumer ACL, a desk's agent and Databricks's "Can Use" are the role; Akamai, Active
Directory and APISIX are tools; an app named for its environment and an image's tag name the
service; "VAL 환경" is an environment. Every case that reads an item fails on rules-2026.12.46; the
ones that read none hold the new wording's edges.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("OpenStack 프로젝트 `scada-hist-prd` (NJ-R1, 운영) 의 백업 볼륨 증설 요청합니다.", "region"),
     ("```bash\nopenstack volume create --location sangam --size 500 vol-01\n```", "region"),
     ("Attach it to the existing prod HTTPS LB in project playon-web-prod (global).", "region"),
     ("Google-managed certificate attached to the existing prod HTTPS LB `lb-microsites`.", "network")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("호텔 검색", "prod 호텔 검색에서 결과가 0건으로 나오는 케이스가 있습니다.", "symptom"),
     ("앱 결제 크래시", "앱 결제 단계에서 일부 사용자 앱이 튕긴다는 리포트가 있습니다.", "symptom"),
     ("Vouchers", "Since Nov 20 the voucher-mailer on prod sends each hotel voucher 2-3 times.", "symptom"),
     ("Chat delayed", "Viewers report chat lagging 20-30 seconds behind the stream.", "symptom"),
     ("Queries", "Queries from Power BI to the SQL warehouse hang for 10+ minutes.", "symptom"),
     ("태블릿 오류", "작업지시 처리하다 보면 오류 떠요. 2026-11-18 점검 때부터 그럽니다.", "when"),
     ("ArgoCD 앱 Degraded", "어젯밤 auto-sync 이후로 앱이 Degraded 입니다.", "when"),
     ("ADF pipeline failing", "It failed three nights in a row, first failure on the 23rd.", "when"),
     ("DNS 조회 실패", "백업이 누락되고 있습니다(변전소 40개소 중 10개소).", "impact"),
     ("업로드 먹통", "내일 기관 담당자 교육때 시연해야 하는데 교육 진행이 어렵습니다.", "impact"),
     ("gds timeouts", "```text\n2026-11-20T03:12:44 WARN gds-adapter-sabre-5f6b9-q8wzr ReadTimeout\n```", "where")],
)  # fmt: skip
def test_troubleshooting_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


def test_a_dashboard_named_lag_is_no_symptom() -> None:
    body = "https://grafana.ccp-hmc.io/d/kafka-lag-prd/telematics-consumer-lag?orgId=1"
    assert "symptom" not in present("troubleshooting", "그라파나 확인 부탁", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("Sentry access for QA", "The QA team needs Sentry access to attach traces to bug reports.", "justification"),
     ("Grafana API key", "I need a key to pull panel data with a script instead of screenshots.", "justification"),
     ("Remove from Grafana", "Kim (emp. 2140988) transferred to the 전력거래 department on 11/13.", "justification"),
     ("Sentry access", "Please add me to Sentry as Member. I triage player crash reports.", "justification"),
     ("GitHub invite", "Please invite priya-nair-csv with Read. She reviews our CSV deliverables.", "justification"),
     ("Kafka ACL", "Need a consumer ACL on topic `donation-events` for the prod cluster.", "role"),
     ("Databricks", "- 권한: Workspace user + cluster policy 'rnd-small' Can Use", "role"),
     ("리포트 권한", "Akamai Control Center에서 리포트 조회 권한 부탁드립니다.", "tool"),
     ("API key", "APISIX admin API key 발급 요청합니다.", "tool"),
     ("stg 계정 ReadOnly", "tripon-stg 계정 ReadOnlyAccess 부탁드려요.", "scope"),
     ("Harbor access", "Need access to Harbor project `portal` to push images.", "scope")],
)  # fmt: skip
def test_access_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("access", summary, body)


def test_can_use_in_a_sentence_is_no_role() -> None:
    assert "role" not in present("access", "Access to the build farm", "Please give me access so I can use the farm.")


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("gds-adapter-amadeus-stg sync 부탁", "values에 태그 반영해서 머지했습니다.", "service"),
     ("싱크 요청", "Version / image tag: cdn-steering:2026.11.21-rc2", "service"),
     ("extranet-web v2.0.7 배포", "extranet-web v2.0.7 배포 부탁드립니다. argo 앱은 `extranet-web`입니다.", "argocd_app"),
     ("mes-batch-worker 배포", "mes-batch-worker 태그 `2.8.1-rc3` VAL 환경에 sync 부탁드립니다.", "environment")],
)  # fmt: skip
def test_deployment_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("deployment", summary, body)
