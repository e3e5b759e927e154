"""What real shapes AE and AF showed once opened after their first contact (rules-2026.12.31).

Perforce is a tool access is granted on; "kr-seoul-1" and "Seoul region" are regions; a row
labelled 시스템 says where; "QA2" and "라이브 배포" name the environment. Every positive case fails
on rules-2026.12.30.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize("summary", ["perforce 권한 주세요", "P4 계정 생성 요청", "Helix Core access for the art team"])
def test_perforce_is_a_tool(summary: str) -> None:
    assert "tool" in present("access", summary, "")


@pytest.mark.parametrize(
    "body", ["Environment: Dev / OpenStack kr-seoul-1 / project: build-agents", "same spec, Seoul region obviously"]
)
def test_a_city_region(body: str) -> None:
    assert "region" in present("cloud_resource", "4 more runners", body)


def test_a_row_labelled_system_says_where() -> None:
    body = "| **시스템** | 품질 대시보드 (quality-dashboard) |\n| **발생 시점** | 확인 중 |"
    assert "where" in present("troubleshooting", "확인 부탁드립니다", body)


@pytest.mark.parametrize("body", ["이 릴리즈 QA2에 올려주세요", "1.8.5 릴리즈 노트 첨부합니다. 라이브 배포 부탁드려요."])
def test_a_numbered_qa_stage_or_the_live_service_is_the_environment(body: str) -> None:
    assert "environment" in present("deployment", "배포 요청", body)


@pytest.mark.parametrize("body", ["라이브 방송 중에 끊겨요", "qa2 팀이 확인했습니다 (qa-team)"])
def test_a_live_broadcast_is_no_environment(body: str) -> None:
    assert "environment" not in present("deployment", "배포 요청", body)
