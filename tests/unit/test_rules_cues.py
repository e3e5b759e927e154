"""rules-2026.11.9: wording that answers an item without looking like an answer (answer_cues).

Each test pairs a ticket that answers the item in passing with one that says nearly the same words
but does not answer it, so the cue is held to its substance (a person and a yes, a party and a
consequence), not to a word. The tickets are written for these tests.
"""

from __future__ import annotations

from shared.analysis.rules import classify
from tests.factories import unanswered as _missing

_ACCESS = (
    "Could I get Editor on the `growth-kpis` folder in Grafana? I'm rebuilding the weekly funnel panels. "
)


def test_a_yes_in_passing_names_the_approver() -> None:
    for said in (
        "Hana Cho (Growth EM) said go ahead.",
        "+1 from Dae-ho, he owns the folder.",
        "Our lead Jisoo agreed on Monday.",
    ):
        assert "approver" not in _missing("Grafana", _ACCESS + said, "access")
    assert "approver" in _missing("Grafana", _ACCESS + "Who should approve this?", "access")
    ko = "Grafana `growth-kpis` 폴더 Editor 권한 부탁드립니다. 주간 퍼널 대시보드 개편 때문입니다. "
    for said in (
        "김소연 팀장님께 말씀드렸고 승인하겠다고 하셨습니다.",
        "승인은 제가 하겠습니다 (파트장).",
        "보안 지침상 별도 승인 절차가 필요 없습니다.",
    ):
        assert "approver" not in _missing("권한", ko + said, "access")
    assert "approver" in _missing("권한", ko + "승인자는 정해지면 알려드릴게요.", "access")


def test_a_reason_in_a_clause_is_the_justification() -> None:
    base = "Please make me Maintainer on the `ml/serving` group in GitLab. Approved by Jun (ML lead). "
    for why in (
        "We've got 3 new people joining and I'd rather add them myself.",
        "We're standing up the new feature-store service there.",
    ):
        assert "justification" not in _missing("GitLab", base + why, "access")
    assert "justification" in _missing("GitLab", base + "Thanks a lot!", "access")


def test_a_permission_said_as_what_the_person_does_is_the_role() -> None:
    base = "Sentry `checkout-web` project access please, for the on-call rotation. Approved by Mina (EM). "
    assert "role" not in _missing("Sentry", base + "Add me as a Member.", "access")
    assert "role" not in _missing("TFC", "TFC `net-prod` workspace 에 plan/apply 권한 요청합니다.", "access")
    assert "role" in _missing("Sentry", base + "Add me please.", "access")


_TROUBLE = (
    "Since 09:40 today `ledger-api` in prod (aks-prod-02) returns 503 on POST /entries:\n"
    "```\nERROR upstream connect error or disconnect/reset before headers\n```\n"
    "Every call fails, a retry gives the same. "
)


def test_a_party_and_a_consequence_is_the_impact() -> None:
    for impact in (
        "Finance can't close the daily books until this works.",
        "This is pretty painful, the month-end run is tonight.",
    ):
        assert "impact" not in _missing("ledger 503", _TROUBLE + impact, "troubleshooting")
    assert "impact" in _missing("ledger 503", _TROUBLE + "Please fix asap!!", "troubleshooting")
    ko = _TROUBLE.replace("Every call fails, a retry gives the same. ", "재시도해도 똑같습니다. ")
    assert "impact" not in _missing("ledger 503", ko + "정산 일정이 계속 밀리고 있습니다.", "troubleshooting")
    assert "impact" in _missing("ledger 503", ko + "급해요 빨리 봐주세요", "troubleshooting")


def test_steps_told_as_a_story_or_answered_in_the_negative() -> None:
    base = (
        "Since 11:05 today the `web-stg` ingress on aks-stage-01 serves the fake certificate:\n"
        "```\nWarning Failed cert-manager order is in errored state\n```\nQA is blocked for the day. "
    )
    assert "steps" in _missing("fake cert", base, "troubleshooting")
    story = "I was rotating the issuer, deleted the old secret and ever since it serves the fake one."
    assert "steps" not in _missing("fake cert", base + story, "troubleshooting")
    assert "steps" not in _missing("fake cert", base + "Nothing changed on our side.", "troubleshooting")


def test_a_clock_time_and_introduced_output_answer_when_and_error() -> None:
    base = "`pay-api` 가 prod 에서 502 를 냅니다. 결제팀 전원이 확인을 못 하고 있습니다. 새로고침하면 매번 재현됩니다.\n"
    assert "when" in _missing("502", base, "troubleshooting")
    assert "when" not in _missing("502", "오늘 14시 배포 이후 " + base, "troubleshooting")
    logged = base + "ingress 로그에는 아래처럼 찍힙니다.\n```\nupstream prematurely closed connection\n```"
    assert "error" not in _missing("502", logged, "troubleshooting")
    assert "error" in _missing("502", base, "troubleshooting")


def test_infrastructure_code_and_resource_names_answer_a_cloud_request() -> None:
    hcl = (
        'Please apply:\n```hcl\nresource "azurerm_key_vault" "kv" {\n  name = "kv-orders-prod"\n'
        '  location = "koreacentral"\n  resource_group_name = "rg-orders-prod"\n  sku_name = "standard"\n'
        '  network_acls { default_action = "Deny" }\n  tags = { cost_center = "CC-4410" }\n}\n```'
    )
    assert _missing("Key Vault", hcl, "cloud_resource") == set()
    assert "network" in _missing(
        "Key Vault", hcl.replace('network_acls { default_action = "Deny" }', ""), "cloud_resource"
    )
    assert "environment" not in _missing(
        "DNS", "stage 신규 게이트웨이용 A 레코드 부탁드립니다. api-stg → 10.1.2.3", "cloud_resource"
    )


def test_the_category_edges_set_five_found() -> None:
    assert classify("pls add me to Opsgenie", "") == "access"
    assert classify("Jenkins 또 죽음", "") == "troubleshooting"
    assert (
        classify("api 1.4.0 배포하고 나서 결제 안 됨", "prod 배포하고 나서부터 결제가 안 됩니다.")
        == "troubleshooting"
    )
    assert (
        classify("cart-bff rc3", "QA passed build #91, please go ahead and push it to stage.") == "deployment"
    )
    notice = "Heads-up: the Nexus upgrade is Sunday 01:00-03:00. No action needed."
    assert classify("[Maintenance] Nexus upgrade", notice) == "other"
    assert classify("Kafka ACL 권한은 어떻게 신청하나요?", "어떤 양식으로 해야 하는지 궁금합니다.") == "other"
    assert classify("SLO overview", "Could you add them to the Datadog SLO dashboard?") != "access"
