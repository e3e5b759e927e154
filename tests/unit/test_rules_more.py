"""rules-2026.11.4: what pasted output answers, multi-part requests, and the category edges.

The labelling conventions (eval/README.md) decide what counts: a log's timestamp and service answer
"when" and "where", its error says what happened, the command it was pasted under is the step, an
item answered in the negative is answered, and questions, feature requests and announcements are
"other".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shared.analysis.rules import assess_text, classify
from shared.analysis.ticket_text import read_ticket
from tests.factories import unanswered as _missing
from tests.scaling import LINEAR_BOUND, growth_ratio


def _trouble(body: str, summary: str = "Help") -> set[str]:
    return _missing(summary, body, "troubleshooting")


# --- troubleshooting: pasted output -----------------------------------------------------------


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


# --- troubleshooting: the reporter's words ----------------------------------------------------


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


# --- access -----------------------------------------------------------------------------------


def test_a_tool_label_in_a_list_is_a_field_not_log_output() -> None:
    doc = read_ticket("- GitHub: Maintainer on org platform/infra")
    assert doc.logs == () and "Maintainer" in doc.prose


def test_a_list_of_tools_with_one_role_left_out_misses_the_role() -> None:
    base = "New hire on the payments team. Approved by Kim (lead).\n- GitLab: Developer on payments/\n"
    assert "role" in _missing("Access", base + "- Jira: project PAY", "access")
    assert "role" not in _missing("Access", base + "- Jira: project PAY, viewer", "access")


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("I need to be able to roll back apps in ArgoCD.", "role"),
        ("`refund-api` 조회 권한 부탁드립니다.", "scope"),
        ("Please give me read access to ledger-api.", "scope"),
        ("I need VPN access.", "tool"),
        ("Dana left the company on Friday, please remove her GitLab access.", "justification"),
        ("I'm preparing the quarterly cost review.", "justification"),
        ("릴리즈 태그를 만들어야되는데 권한이 없습니다.", "justification"),
        ("Add the bot account so Dependabot can open MRs.", "justification"),
    ],
)
def test_access_items_people_write(body: str, item: str) -> None:
    assert item not in _missing("Access request", body, "access")


def test_access_for_a_piece_of_work_does_not_name_a_scope() -> None:
    assert "scope" in _missing("Access", "Could I get Editor access to Grafana for the cart-api migration?")


# --- cloud ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Need a Key Vault (Premium) for the ledger service.",
        "Please create a Standard public IP for the gateway.",
        "/24 서브넷 하나 추가 부탁드립니다.",
        "An App Service plan P2v3 for the portal.",
    ],
)
def test_a_tier_or_size_is_the_resource_spec(body: str) -> None:
    assert "resource_spec" not in _missing("New resource", body, "cloud_resource")


def test_an_allow_list_is_a_network_detail_only_with_what_it_lets_through() -> None:
    assert "network" in _missing(
        "IP", "We need a fixed egress IP so the vendor can whitelist us.", "cloud_resource"
    )
    assert "network" not in _missing("IP", "Open outbound 5432 to the vendor's database.", "cloud_resource")


# --- categories -------------------------------------------------------------------------------


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


# --- deployment and other ---------------------------------------------------------------------


def test_an_mr_given_for_reading_is_not_the_version() -> None:
    assert "version" in _missing("Deploy", "Deploy ledger-api to prod, see MR !91 for context.", "deployment")
    assert "version" not in _missing("Deploy", "Deploy ledger-api MR !91 to prod.", "deployment")
    assert "version" in _missing("배포", "운영 배포 부탁드립니다. 변경 내용은 MR !91 참고.", "deployment")


def test_a_deploy_of_several_services_needs_every_app() -> None:
    rows = "```\nledger-api   v3.0.1  argocd: ledger-api-stg\nrefund-worker v1.2.0{}\n```"
    assert "argocd_app" in _missing("stg 배포", rows.format(""), "deployment")
    assert "argocd_app" not in _missing("stg 배포", rows.format("  argocd: refund-worker-stg"), "deployment")


@pytest.mark.parametrize("body", ["잠깐 통화 가능하실까요?", "Quick call?", "Can we talk?"])
def test_asking_for_a_call_says_nothing_about_what_is_needed(body: str) -> None:
    assert _missing("질문", body, "other") == {"details"}


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "\n".join(f"- GitLab: group {i}" for i in range(n)),
        lambda n: "```\n" * (4 * n),
        lambda n: "\n".join(f"svc-{i}-api v1.{i}.0" for i in range(n)),
    ],
    ids=["form-lines", "fences", "service-versions"],
)
def test_long_inputs_of_the_new_shapes_stay_linear(make: Callable[[int], str]) -> None:
    ratio = growth_ratio(make, lambda body: assess_text("Help", body, threshold=85), 3_000)
    assert ratio < LINEAR_BOUND, f"4x the input took {ratio:.1f}x the time"
