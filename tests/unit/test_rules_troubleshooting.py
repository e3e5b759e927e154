"""The troubleshooting checklist: the reporter's words, and what pasted output answers.

The labelling conventions (eval/README.md) decide what counts: a log's timestamp and service answer
"when" and "where", its error says what happened, the command it was pasted under is the step, and
an item answered in the negative is answered. Each positive has a near miss beside it. The tickets
are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.factories import unanswered as _missing


def _trouble(body: str, summary: str = "Help") -> set[str]:
    return _missing(summary, body, "troubleshooting")


def test_a_log_timestamp_answers_when_but_a_relative_age_does_not() -> None:
    assert "when" not in _trouble("```\n2025-03-04 07:12:55 WARN [ledger-sync] retry budget exhausted\n```")
    assert "when" in _trouble("```\nAGE   STATUS\n5m    Error\n```")


@pytest.mark.parametrize(
    ("log", "answers_where"),
    [
        ("2025-03-04 07:12:55 ERROR [ledger-sync] connection refused", True),
        ("Warning  Failed  pod/invoice-worker-5c8d-q2x  Error: ErrImagePull", True),
        ("$ helm upgrade billing ./chart -n finance --wait", True),
        ("fatal: could not read from 'https://git.corp.example/team/web-shop.git'", True),
        ("2025-03-04 07:12:55 ERROR [http-nio-8443-exec-12] connection refused", False),
    ],
)
def test_a_logs_namespace_object_or_service_tag_answers_where(log: str, answers_where: bool) -> None:
    assert ("where" not in _trouble(f"```\n{log}\n```")) == answers_where


def test_a_pasted_error_says_what_happened_but_an_access_log_level_does_not() -> None:
    assert "symptom" not in _trouble("```\nERROR: Job failed: exit code 137\n```")
    assert "symptom" in _trouble("```\n2025-03-04T07:12:55Z ERROR [cart-api] GET /healthz 200 12ms\n```")


def test_the_command_a_log_was_pasted_under_is_the_step_unless_it_only_reads_state() -> None:
    assert "steps" not in _trouble("```\n$ terraform apply -auto-approve\nError: quota exceeded\n```")
    assert "steps" in _trouble("```\n$ kubectl get pods -n shop\nshop-api-1  0/1  Error\n```")


def test_a_fenced_message_is_the_error_even_without_a_log_level() -> None:
    body = "The runner never picks it up:\n```\nThis job is stuck: no runner matches the tag gpu-large\n```"
    assert "error" not in _trouble(body)


def test_two_inline_names_are_not_an_error_message() -> None:
    body = "In `ledger-api` the field `spec.replicas` keeps drifting in staging since Monday."
    assert "error" in _trouble(body)


@pytest.mark.parametrize(
    "body",
    [
        "The nightly backup job failed.",
        "Grafana panels for staging show no data.",
        "Builds take 40 min instead of 10.",
        "The self-hosted runner is offline.",
        "배포 알림이 슬랙으로 안와요.",
        "배포 잡이 pending 상태로 머물러 있습니다.",
    ],
)
def test_symptoms_people_write(body: str) -> None:
    assert "symptom" not in _trouble(body)


@pytest.mark.parametrize(
    "body",
    [
        "It happens whenever I open the billing page.",
        "Just run any pipeline on main.",
        "To see it: open Kibana > Discover, index app-logs.",
        "I can't push to the repo web/storefront.",
        "새로고침 버튼 누르면 바로 에러가 납니다.",
        "아무 브랜치나 푸시하면 재현됩니다.",
        "관리자 페이지 접속 시 403 이 뜹니다.",
        "1. Open the admin console\n2. Click Export\n3. The download fails",
    ],
)
def test_steps_people_write(body: str) -> None:
    assert "steps" not in _trouble(body)


def test_a_numbered_list_of_two_problems_is_not_steps() -> None:
    body = "1) The staging ingress returns 502s.\n2) Grafana on staging shows no data."
    assert "steps" in _trouble(body)


@pytest.mark.parametrize(
    "body",
    [
        "All nightly exports are failing.",
        "The whole data platform team is waiting on this.",
        "We can't verify the hotfix without it.",
        "알람이 늦게 와서 장애 대응이 늦어질까 걱정입니다.",
        "모니터링이 불가능한 상태입니다.",
    ],
)
def test_impact_people_write(body: str) -> None:
    assert "impact" not in _trouble(body)


def test_a_host_name_answers_where() -> None:
    assert "where" not in _trouble("Logging into sso.corp.example.com fails.")


_UPLOADS_FAIL = (
    "Since 08:00 today `media-api` in prod (aks-prod-01) returns 500 on uploads:\n"
    "```\nERROR S3UploadException: connection reset\n```\n"
)


def test_impact_said_as_lateness_breadth_or_a_stream_of_reports() -> None:
    assert "impact" not in _missing(
        "500", _UPLOADS_FAIL + "Finance reports for the morning are late.", "troubleshooting"
    )
    assert "impact" not in _missing(
        "500", _UPLOADS_FAIL + "That breaks all 14 squads' QA envs.", "troubleshooting"
    )
    assert "impact" in _missing("500", _UPLOADS_FAIL + "Please check.", "troubleshooting")
    ko = _UPLOADS_FAIL + "재시도해도 똑같습니다. "
    assert "impact" not in _missing(
        "500", ko + "CS 문의가 시간당 30건 정도 들어오고 있어요.", "troubleshooting"
    )


def test_steps_said_as_every_time_and_time_said_as_a_clock_or_a_date() -> None:
    base = _UPLOADS_FAIL + "The upload team is blocked. "
    assert "steps" not in _missing("500", base + "It happens every single time.", "troubleshooting")
    assert "steps" in _missing("500", base, "troubleshooting")
    trouble = "`pay-api` 운영에서 결제가 실패합니다. 결제팀 전원이 대기 중입니다. 새로고침하면 매번 재현됩니다.\n```\nERROR PG timeout\n```"
    assert "when" not in _missing("결제", "오늘 14:05 배포 이후 " + trouble, "troubleshooting")
    assert "when" not in _missing("cert", "Renewal should have run on Nov 20. " + trouble, "troubleshooting")
    assert "when" in _missing("결제", trouble, "troubleshooting")


def test_a_message_that_only_says_failed_is_no_error_message() -> None:
    base = "Since 8am none of our deploys in `web-shop` go through. My whole team is blocked. We click deploy and it "
    assert "error" in _missing("deploys", base + "says failed.", "troubleshooting")
    assert "error" not in _missing("deploys", base + "says `quota exceeded for runner`.", "troubleshooting")


_PODS_PENDING = "Since 13:00 today `spark-driver` pods in prod-kr ns analytics stay Pending. "


def test_a_command_in_backticks_is_not_an_error_and_not_looking_is_no_negative_answer() -> None:
    run = (
        _PODS_PENDING
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


_HELM_HANGS = "`inventory-svc` on stg hangs on `helm upgrade` since yesterday 4pm. "


def test_not_copying_the_output_is_no_answer_but_no_actual_error_is() -> None:
    body = _HELM_HANGS + "QA is waiting on me. Run the upgrade from infra/helm-inventory and it sits there. "
    assert "error" in _missing("helm hangs", body + "I didn't copy the output, sorry.", "troubleshooting")
    assert "error" not in _missing("helm hangs", body + "No actual error, it just hangs.", "troubleshooting")
    assert "error" not in _missing(
        "helm hangs", body + "No errors in the connector worker logs.", "troubleshooting"
    )
    ko = "배포 파이프라인 `web-deploy` 가 11/13 부터 25분 이상 걸립니다. 아무 MR 머지하면 재현됩니다. 다들 기다리느라 죽겠습니다. "
    assert "error" not in _missing("느려요", ko + "에러는 안 나고 그냥 느려요.", "troubleshooting")
    assert "impact" not in _missing("느려요", ko, "troubleshooting")
    assert "impact" in _missing("느려요", ko.replace(" 다들 기다리느라 죽겠습니다.", ""), "troubleshooting")


def test_steps_said_as_every_run_and_impact_as_lost_work() -> None:
    base = "`nightly-e2e` on jenkins-qa fails at provision-db since Saturday:\n```\nERROR ServerAlreadyExists\n```\n"
    assert "steps" not in _missing("e2e", base + "It fails on every scheduled run.", "troubleshooting")
    assert "steps" in _missing("e2e", base + "It failed.", "troubleshooting")
    assert "impact" not in _missing(
        "e2e", base + "The CS agents are losing in-progress edits.", "troubleshooting"
    )
