"""What real shapes AA to AD showed, left-one-set-out, once opened (rules-2026.12.29).

A link into a tool names where in it; a data centre named by its code is the region; a menu path
the reporter went down, a resubmission that fails again and "로그인 후 ... 하얗게" are the steps; an
alert that keeps firing and a white screen are the symptom; "since build 20261104.3" is when; a
Flux HelmRelease makes the ArgoCD app moot; `az role assignment` names the tool; and a field named
for an item, filled in, answers it whatever the learned layer reads in the words around it. Every
positive case fails on rules-2026.12.28.
"""

from __future__ import annotations

import pytest

from shared.analysis.learned import ItemModel, LearnedJudge, load_judge
from shared.analysis.rules import assess_text
from tests.rules_reading import present


@pytest.mark.parametrize(
    "body",
    ["이거 권한 주세요\n\n https://grafana.harborline.tv/d/cdn-edge-7/cdn-edge-overview?orgId=1",
     "Hi, I need access to this repository:\n\n https://gitlab.hanbit-inc.co.kr/dch/mbank/mbank-transfer"],
)  # fmt: skip
def test_a_link_into_a_tool_names_the_scope(body: str) -> None:
    assert "scope" in present("access", "access please", body)


@pytest.mark.parametrize(
    "body",
    ["https://grafana.x.io/login", "https://issues.jenkins.io/secure/ViewProfile.jspa?name=spambot",
     "`PROJECT_NAME`: https://pypi.org/project/"],
)  # fmt: skip
def test_a_tools_login_page_a_profile_or_a_bare_prefix_names_no_scope(body: str) -> None:
    assert "scope" not in present("access", "access please", body)


@pytest.mark.parametrize(
    "body", ["Environment: 운영 / 상암 센터(SA1)", "Environment: Production - DR center (AS1)", "가산 IDC 에 한 대"]
)
def test_a_data_centre_named_by_its_code_is_the_region(body: str) -> None:
    assert "region" in present("cloud_resource", "New VM", body)


def test_a_call_centre_is_no_region() -> None:
    assert "region" not in present("cloud_resource", "New VM", "콜센터 문의가 많아 VM 한 대 필요합니다")


@pytest.mark.parametrize(
    "body",
    ["our HR admins are getting an error when they do Reports > Year end > P60 bulk export.",
     "They submitted via Payroll > RTI > Submit FPS for period 8. Resubmitting gives the same result.",
     "로그인 후 화면이 하얗게 나옵니다"],
)  # fmt: skip
def test_a_menu_path_a_resubmission_or_what_came_first_are_the_steps(body: str) -> None:
    assert "steps" in present("troubleshooting", "export failing", body)


def test_resubmitting_alone_is_the_steps() -> None:
    assert "steps" in present("troubleshooting", "FPS rejected", "Resubmitting gives the same result.")


@pytest.mark.parametrize("summary", ["PagerDuty alert for timesheet-sync keeps firing", "로그인 후 화면이 하얗게 나옵니다"])
def test_an_alert_that_keeps_firing_or_a_white_screen_is_the_symptom(summary: str) -> None:
    assert "symptom" in present("troubleshooting", summary, "")


def test_since_a_numbered_build_is_when() -> None:
    body = "The CI pipeline has failed on every run since build **20261104.3** (4 Nov, 11:20)."
    assert "when" in present("troubleshooting", "CI failing", body)


def test_a_flux_release_makes_the_argocd_app_moot() -> None:
    body = "This is a Flux HelmRelease, UK prod has no ArgoCD apps, so nothing to name there."
    assert "argocd_app" in present("deployment", "deploy web-portal", body)


def test_a_clouds_own_command_names_the_tool() -> None:
    body = "```shell\naz role assignment create --role \"Reader\" --scope /subscriptions/x/resourceGroups/rg-a\n```"
    assert "tool" in present("access", "Reader on rg-a", body)


def _never_given(key: str) -> LearnedJudge:
    """The shipped layer, but with one item's model that learned "never given": the worst habit."""
    weights = load_judge().weights
    items = {**weights.items, key: ItemModel(bias=0.0, constant=False)}
    return LearnedJudge(weights.model_copy(update={"items": items}))


def test_a_filled_field_named_for_the_item_answers_it_whatever_the_layer_says() -> None:
    body = "대상 시스템: GitLab\n요청 권한 수준: 개발자(Developer)\n요청 사유: 오픈뱅킹 과제(PRJ-2026-118) 개발 참여"
    judged = assess_text("GitLab 권한 신청", body, threshold=85, category="access",
                         judge=_never_given("access:justification"))  # fmt: skip
    assert "justification" in judged.present


def test_a_field_left_as_a_placeholder_is_still_the_layers_to_judge() -> None:
    body = "대상 시스템: GitLab\n요청 권한 수준: 개발자(Developer)\n요청 사유: 미정"
    judged = assess_text("GitLab 권한 신청", body, threshold=85, category="access",
                         judge=_never_given("access:justification"))  # fmt: skip
    assert "justification" not in judged.present
