"""Which category a ticket is: the edges the held-out sets found, questions and announcements as
"other". The tickets are written for these tests.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Add bot to GitLab", "Please add the `ci-bot` user as Maintainer to group infra/.", "access"),
        ("Service account for Jenkins", "We need a service account for the nightly jobs.", "access"),
        (
            "Event Hubs namespace for telemetry",
            "Standard tier, sub-dev-002 / rg-dev-obs. Cost center CC-77.",
            "cloud_resource",
        ),
        ("로그 보관 증설 요청", "운영 로그 보관 용량 1TB -> 3TB 로 늘려주세요.", "cloud_resource"),
        (
            "Spin up a perf environment",
            "Resource group in sub-perf-001, and give me Owner on it.",
            "cloud_resource",
        ),
        ("Blue/green switch for web-shop", "Switch web-shop 4.2.0 to green in prod.", "deployment"),
        (
            "Feature request: alert on failed syncs",
            "Could we get a Teams message when a sync fails?",
            "other",
        ),
        (
            "Alert when a backup fails",
            "It would be nice to get an email when the nightly backup fails.",
            "other",
        ),
        ("[공지] 연말 배포 동결", "12/24~12/26 운영 배포 동결 예정입니다.", "other"),
        ("Retire the old Nexus box?", "Is anyone still using it? If not, let's shut it down.", "other"),
        ("Two problems on staging", "The ingress returns 502s and Grafana shows no data.", "troubleshooting"),
    ],
)
def test_category_edges(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_the_category_edges_sets_six_and_seven_found() -> None:
    assert (
        classify("Harbor push returns 403", "It was working yesterday, today every push fails.")
        == "troubleshooting"
    )
    assert classify("s3 bucket plz", "for the new log pipeline, standard storage class") == "cloud_resource"
    assert classify("dev용 VM 2대", "dev용 VM 2대 부탁드립니다. D2s_v5") == "cloud_resource"
    assert classify("'ArgoCD 배포 가이드' 문서 최신화 요청", "스크린샷 교체 부탁드립니다.") == "other"
    assert (
        classify("ArgoCD 배포 결과를 팀 채널로 받고 싶습니다", "argocd-notifications 라우팅 부탁드립니다.")
        == "other"
    )


def test_the_category_edges_sets_eight_and_nine_found() -> None:
    assert (
        classify("deploy token for CI", "We need a deploy token in GitLab for the Jenkins pipeline.")
        == "access"
    )
    assert (
        classify("Sync notification-worker to 3.8.1", "Fixes the duplicate push bug from last week.")
        == "deployment"
    )
    assert classify("sync geo-tiles-stg → 0.33.0", "geo-tiles on staging pls") == "deployment"
    assert classify("grafana not loading", "can someone check") == "troubleshooting"
    wish = "argocd-notifications 로 sync 실패 이벤트를 팀 채널로 보내주면 좋겠습니다."
    assert classify("ArgoCD 배포 완료 시 Slack 알림 추가 요청", wish) == "other"
    urgent = "어제부터 `notification` 서비스가 운영에서 502 를 냅니다. 급하게 봐주시면 좋겠습니다."
    assert classify("notification 서비스 확인 부탁드립니다", urgent) == "troubleshooting"
    assert (
        classify("Add A record", "api.internal.example.com -> 10.30.1.20 in the prod private zone")
        != "deployment"
    )


def test_the_category_edges_sets_ten_and_eleven_found() -> None:
    assert classify("need jira admin pls", "") == "access"
    assert classify("VPN keeps disconnecting", "drops twice an hour") == "troubleshooting"
    assert classify("긴급", "급합니다 빨리 봐주세요!!!") == "other"
    assert classify("How do I get access to prod Grafana?", "What do I put in the ticket?") == "other"
    assert classify("Redis failover runbook is outdated", "Could someone rewrite it?") == "other"
    assert (
        classify("Datadog usage numbers for renewal", "Procurement asked for 3 months of usage.") == "other"
    )
    slack = "#deploy-noti 알림에 누가 sync 했는지가 같이 나왔으면 좋겠습니다."
    assert classify("ArgoCD 슬랙 알림에 배포자 정보 추가 요청", slack) == "other"
    assert (
        classify("Prod sync needed today", "Can someone sync `payments-suite-prd` in ArgoCD?") == "deployment"
    )
    assert classify(
        "Pods Pending on aks-dev - need a bigger user pool", "0/6 nodes are available: Insufficient cpu"
    ) == ("cloud_resource")
