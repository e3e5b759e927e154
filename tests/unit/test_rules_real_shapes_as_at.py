"""What real shapes AS and AT showed once opened after their first contact (rules-2026.12.40).

A list of subnets, a resource pool, "계정은 cpo-qa", "Region Seoul." and a "위치" row answer the
cloud items; "ArgoCD apps:" with a list names the apps; "오픈뱅킹 GW 배포 요청" names the service
("PRD 배포 요청" does not); "화면 먹통" is a symptom; "on SIT", "portal sandbox" and "prod 계정" say
where; a count of units hit is the impact; "FDS 조직" is the scope. Every positive case fails on
rules-2026.12.39.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("- Subnets: existing private-2a / private-2c, no new SGs", "network"),
     ("Env: TEST. vSphere resource pool RP-DCP-TST.", "subscription"),
     ("아 계정은 cpo-qa, 리전 서울이요", "subscription"),
     ("Please allocate 2 Elastic IPs.\n\nRegion Seoul.", "region"),
     ("| 항목 | 내용 |\n| --- | --- |\n| 위치 | DC1 본점 전산센터 |", "region")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


@pytest.mark.parametrize(
    "body",
    ["| Item | Value |\n| --- | --- |\n| ArgoCD apps | - fds-rule-engine-prd-dc1 <br> - fds-rule-engine-prd-dc2 |",
     "```yaml\n# ArgoCD apps: mbk-push-sender-prd-dc1, mbk-push-sender-prd-dc2\n```"],
)  # fmt: skip
def test_argocd_apps_listed_name_the_app(body: str) -> None:
    assert "argocd_app" in present("deployment", "Promote to PRD", body)


@pytest.mark.parametrize("summary", ["오픈뱅킹 GW 배포 요청", "FDS 관리자 화면 배포 요청"])
def test_a_system_by_its_acronym_before_a_deploy_request_names_the_service(summary: str) -> None:
    assert "service" in present("deployment", summary)


@pytest.mark.parametrize("summary", ["[긴급] PRD 배포 요청", "운영 배포 요청"])
def test_an_environment_before_a_deploy_request_does_not(summary: str) -> None:
    assert "service" not in present("deployment", summary)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("충전기 화면 먹통", "화면 먹통입니다 사진첨부", "symptom"),
     ("MCI error on SIT - balance inquiry", "Getting this error when calling balance inquiry through MCI on SIT.",
      "where"),
     ("OBK developer portal sandbox login broken", "Developer portal sandbox login is broken.", "where"),
     ("IoT Core shadow 업데이트 안 들어옴", "prod 계정 IoT Core 쪽 shadow 값이 갱신이 안 됩니다.", "where"),
     ("UpdateFirmware fails for 20 units", "These 20 units cannot get the security patch.", "impact")],
)  # fmt: skip
def test_troubleshooting_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


def test_an_organisation_by_its_acronym_is_the_scope() -> None:
    body = "Grafana **FDS** 조직 대시보드 Viewer 권한 부여 요청드립니다."
    assert "scope" in present("access", "Grafana FDS 조직 Viewer 권한", body)
