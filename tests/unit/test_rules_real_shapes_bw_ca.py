"""What real shapes BW to CA showed once opened after their first contact (rules-2026.12.48).

A government cloud's zone (DJ-AZ1), a city's centre (대전센터, 부산 DR센터), a cloud and its city, an
HCL datacenter, "리전은 해당 없습니다" and a "센터/존" field are the region; a tenant by its name and a
console address's project are where a resource lives; a service by its
name and version, in a registry path, or before 승격 / 반영 is the service; lab, plant and
public-sector systems are tools. Every case that reads an item fails on rules-2026.12.47; the ones
that read none hold the new wording's edges.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("Please raise the quota of project `gis-prd` in G-Cloud (DJ-AZ1) from 64 to 128 vCPU.", "region"),
     ("설치 위치: HB-APIGW 테넌트, 대전센터 L4 443 리스너", "region"),
     ('```hcl\n  datacenter    = "BSN-DR"\n```', "region"),
     ("사내 Mailman 서버라 구독/리전은 해당 없습니다.", "region"),
     ("센터/존 (Region/Zone): G-클라우드 대전센터 / DJ-AZ1", "region"),
     ("Please raise the vCPU quota of tenant **HB-GIS** from 64 to 128.", "subscription"),
     ("please resize https://console.gcloud.go.kr/projects/HB-GIS/instances/gis-tile-01 to 8 cores", "subscription")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


def test_a_plants_city_is_no_region() -> None:
    body = "The new line in Ulsan needs 2 VMs. Zone: TBD, size: TBD."
    assert "region" not in present("cloud_resource", "New line servers", body)


@pytest.mark.parametrize(
    ("summary", "body"),
    [("부산 DR 반영", "PROD에 반영된 mdf-krx 2.8.0 을 부산 DR에도 반영 부탁드립니다."),
     ("배포", "이미지 빌드 완료됐습니다.\n```text\nharbor.mukja.io/order/order-event-consumer:20261125-a1b2c3d\n```"),
     ("운영 승격", "mes-erp-if QA -> PRD 승격 부탁드립니다.")],
)  # fmt: skip
def test_the_service_said_the_sites_way(summary: str, body: str) -> None:
    assert "service" in present("deployment", summary, body)


def test_an_app_of_apps_names_no_service() -> None:
    assert "service" not in present("deployment", "prod-apps 앱 싱크 부탁드립니다", "싱크 부탁드립니다.")


@pytest.mark.parametrize(
    ("summary", "body"),
    [("KEP 권한", "Please make me admin in KEPServerEX on edge-mty-02, project MTY_Line5."),
     ("문서함 열람권한", "온-나라 문서관리시스템에서 복지정책과 부서문서함 열람 권한 부탁드립니다."),
     ("MES DB 읽기 권한", "sqlmes-bn-01 SQL Server 의 MES_BN DB `db_datareader` 부탁드립니다.")],
)  # fmt: skip
def test_tools_named_the_sites_way(summary: str, body: str) -> None:
    assert "tool" in present("access", summary, body)
