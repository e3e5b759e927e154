"""rules-2026.11.11: the third round of broad cues (sets 8 and 9), each against a near miss.

Written for these tests; see test_rules_cues for why every positive has a negative beside it.
"""

from __future__ import annotations

from shared.analysis.rules import classify
from shared.analysis.ticket_text import read_ticket
from tests.factories import unanswered as _missing

_ACCESS = "Harbor `ml-models` project Developer role please. "


def test_approvals_and_reasons_said_in_passing() -> None:
    reason = "I'm the new owner of the reranker model and push release images. "
    assert "approver" not in _missing("Harbor", _ACCESS + reason + "Okay'd by Yuna (ML lead).", "access")
    assert "approver" not in _missing("Harbor", _ACCESS + reason + "Approver is Kevin Jang.", "access")
    assert "approver" in _missing("Harbor", _ACCESS + reason + "Approver is not decided yet.", "access")
    approved = _ACCESS + "Approved by Yuna (ML lead). "
    assert "justification" not in _missing(
        "Harbor", approved + "I want to try the new Bedrock models.", "access"
    )
    assert "justification" not in _missing(
        "Harbor", approved + "We're moving the pipeline from Jenkins to Actions.", "access"
    )
    assert "justification" in _missing("Harbor", approved + "I want access.", "access")


def test_taking_access_away_is_the_permission_change() -> None:
    base = "Tom leaves on Friday (HR-2291). Approved by Eunji, Head of Platform.\n"
    removal = base + "* GitLab group `platform` -> remove membership\n* Vault `ops-admin` policy -> revoke"
    assert "role" not in _missing("Offboarding Tom", removal, "access")
    assert "role" in _missing(
        "Access for Tom", base + "* GitLab group `platform`\n* Vault `ops-admin`", "access"
    )


def test_a_scope_named_in_upper_snake_case_or_an_account_number() -> None:
    base = "Snowflake read access for the Q2 audit, approved by Eun-ji (Controller), role ANALYST_RO. "
    assert "scope" not in _missing("Snowflake", base + "Database: ANALYTICS_PROD.", "access")
    assert "scope" not in _missing(
        "AWS", "PowerUser on AWS account 7781-2290-5512 for a PoC, approved by Ji-ho.", "access"
    )
    assert "scope" in _missing("Snowflake", base, "access")


_TROUBLE = "Since 13:00 today `spark-driver` pods in prod-kr ns analytics stay Pending. "


def test_a_label_over_a_fenced_block_is_that_blocks_name() -> None:
    logged = "checkout-api in prod returns 502s.\n\ningress-nginx log:\n```\nupstream closed connection\n```"
    field = next(f for f in read_ticket(logged).fields if f.label == "ingress-nginx log")
    assert field.filled and field.value == "upstream closed connection"
    assert "error" not in _missing("502", logged, "troubleshooting")


def test_a_command_in_backticks_is_not_an_error_and_not_looking_is_no_negative_answer() -> None:
    run = (
        _TROUBLE
        + "Reproduce with `kubectl create job --from=cronjob/agg test-1`. The exec dashboards are 2h stale. "
    )
    assert "error" in _missing("Pending", run + "Haven't looked at logs yet.", "troubleshooting")
    assert "error" not in _missing("Pending", run + "No errors in the pod logs.", "troubleshooting")
    assert "impact" not in _missing("Pending", run, "troubleshooting")
    assert "impact" in _missing(
        "Pending", run.replace(" The exec dashboards are 2h stale.", ""), "troubleshooting"
    )


def test_how_often_it_fails_is_not_who_it_hurts() -> None:
    body = (
        "오늘 08:20 부터 jenkins agent `linux-build-03` 에서 빌드가 실패합니다.\n```\nERROR: No space left on device\n```\n"
        "해당 노드로 잡 배정되면 100% 실패합니다."
    )
    assert "impact" in _missing("디스크 풀", body, "troubleshooting")
    assert "impact" not in _missing(
        "디스크 풀", body + " 모바일팀 5명이 릴리즈 빌드를 못 하고 있습니다.", "troubleshooting"
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
