"""Glossed form labels, scope named in Korean, states that are symptoms, named roles and apps
(rules-2026.12.26, real shapes S to Z, read at leave-one-set-out).

A form label with a long gloss ("Access scope (group / project / namespace)") is still a label, and
"AppProject: viewer" in its value is the reporter's words, not output; "ArgoCD 프로젝트
`telematics-stg`" and a "계정" row name the scope; a measure said to climb, a node NotReady, a job
that died are symptoms; "the **Agent** role" is a role and "joining the on-call" a reason; "Bump x-y
to 4.0.2" names the service and "sync x-y-stg" the Argo CD app. Every case fails on rules-2026.12.25.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    "body",
    [
        "Access scope (group / project / namespace): AppProject 'claims' (prod and nonprod instances)",
        "권한 범위(그룹/프로젝트/네임스페이스): AppProject: viewer (viewer-api-*, viewer-web-* 앱)",
        "| 항목 | 내용 |\n| --- | --- |\n| 계정 | mair-staging (418273645502) |",
        "ArgoCD 프로젝트 `telematics-stg` 에 read-only 권한 요청드립니다.",
    ],
)
def test_a_scope_in_a_glossed_label_a_korean_kind_or_an_account_row(body: str) -> None:
    assert "scope" in present("access", "조회 권한 요청", body)


def test_a_korean_kind_with_no_name_after_it_or_a_scope_as_someone_elses_names_no_scope() -> None:
    assert "scope" not in present("access", "권한 요청", "프로젝트 관리 권한 주세요")
    assert "scope" not in present("access", "Access same as Priya", "권한 범위 (Scope): same as Priya N.")


@pytest.mark.parametrize(
    "summary",
    [
        "Aurora replica lag spikes to 90s during the batch",
        "Service Bus DLQ growing since the 3am batch",
        "AKS nodes NotReady in nonprod",
        "뷰어 세션 Redis evictions 급증",
        "이 빌드 왜 실패하나요?",
        "my job died again",
        "Users logged out randomly",
    ],
)
def test_a_climbing_measure_a_bad_state_or_a_failure_is_the_symptom(summary: str) -> None:
    assert "symptom" in present("troubleshooting", summary, "see link")


def test_a_failure_in_a_condition_is_no_symptom() -> None:
    assert "symptom" not in present("troubleshooting", "알림", "실패 시 알림 설정 부탁드립니다")


def test_a_named_role_and_joining_the_on_call_are_the_role_and_the_reason() -> None:
    assert "role" in present("access", "JSM agents", "Please add me so I get the **Agent** role in DPS.")
    assert "justification" in present("access", "Argo CD", "I join the on-call rotation on 2026-12-01.")
    assert "role" not in present("access", "Same access", "I need the same role as Kim")


def test_a_bumped_or_synced_name_is_the_service_and_an_apps_env_name_the_argocd_app() -> None:
    assert "service" in present("deployment", "Bump sample-tracker to 4.0.2 in prod", "Image is built.")
    found = present("deployment", "Please sync vehicle-state-api-stg-euc1 (OutOfSync)", "on staging")
    assert {"service", "argocd_app"} <= found
    # A group of apps names no one service; a service synced is not an app's name.
    assert "service" not in present("deployment", "Sync team-commerce apps", "sync `team-commerce-apps` to 2.1.0")
    assert "argocd_app" not in present("deployment", "Deploy store-inventory-sync 3.7.1", "bump and sync x-y-z")
