"""What real shapes AQ and AR showed once opened after their first contact (rules-2026.12.38).

A game's live service is an environment: "to **live**", "라이브 도쿄(apne1)", an ArgoCD app named
"guild-svc-live-apne1" (not "infra-live", not "라이브 장애"); a hyphenated name and its version after
a release verb names the service, and so does "deploy the latest drone-ingest to staging" ("deploy
the hotfix to prod" does not). Every positive case fails on rules-2026.12.37.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    "body",
    ["Please release the Android patch bundle to **live**.", "guild-svc 라이브 도쿄(apne1) 배포 요청드립니다.",
     "ArgoCD에서 `ac-telemetry-ingest-live-euc1` 앱 sync 좀 해주세요."],
)  # fmt: skip
def test_a_games_live_service_is_an_environment(body: str) -> None:
    assert "environment" in present("deployment", "배포 요청", body)


@pytest.mark.parametrize(
    "body",
    ["Module is from our usual infra-live repo.", "라이브 장애 공지용 메일링리스트 생성", "a live stream"],
)  # fmt: skip
def test_live_in_other_senses_is_not(body: str) -> None:
    assert "environment" not in present("cloud_resource", "request", body)


@pytest.mark.parametrize(
    "body",
    ["Please release the Android patch bundle **crownsaga-android-patch 1.43.2** (build 8812).",
     "pls deploy the latest drone-ingest to staging, need to test the chunk size fix"],
)  # fmt: skip
def test_a_named_build_or_the_latest_of_a_named_service_names_the_service(body: str) -> None:
    assert "service" in present("deployment", "deploy request", body)


def test_deploy_the_hotfix_does_not() -> None:
    assert "service" not in present("deployment", "deploy the hotfix to prod tonight pls", "")
