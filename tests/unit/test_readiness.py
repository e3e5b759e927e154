"""The readiness rule and its figures: what earns a category full autonomy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.report.models import TicketFacts
from shared.report.readiness import disagrees, readiness, recommend, wilson

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def fact(n: int, **kw: object) -> TicketFacts:
    base: dict[str, object] = {
        "key": f"OPS-{n}", "created": T0 + timedelta(hours=n), "category": "access", "bot_category": "access",
        "request_kind": "access:grant", "subject": "gitlab", "signature": "access/gitlab", "verdict": "HIGH_QUALITY",
        "mode": "shadow",
    }  # fmt: skip
    base.update(kw)
    return TicketFacts.model_validate(base)


def test_wilson_matches_known_values() -> None:
    assert wilson(0, 0) is None
    low, high = wilson(0, 30) or (1.0, 1.0)
    assert low == 0.0 and 0.113 < high < 0.115  # 3.84 / (30 + 3.84)
    low, high = wilson(3, 30) or (0.0, 0.0)
    assert 0.034 < low < 0.036 and 0.255 < high < 0.257


def test_the_rule_needs_thirty_judged_and_an_upper_bound_under_ten_percent() -> None:
    assert recommend(["shadow"], 29, wilson(0, 29))[0] == "stay in shadow"
    assert recommend(["shadow"], 40, wilson(0, 40))[0] == "ready for full"  # upper bound 8.8%
    assert recommend(["shadow"], 40, wilson(2, 40))[0] == "stay in shadow"  # upper bound 16.5%
    # In full, it takes evidence of harm to go back: a lower bound over 10%.
    assert recommend(["full"], 30, wilson(0, 30))[0] == "full"  # upper bound 11.4%, no harm shown
    assert recommend(["pilot", "full"], 40, wilson(4, 40))[0] == "full"  # 10%, lower bound 4%
    assert recommend(["full"], 40, wilson(12, 40))[0] == "back to pilot"  # lower bound 18%


def test_shadow_tickets_are_measured_by_what_people_did() -> None:
    wrong_category = fact(1, actual_category="troubleshooting")
    asked_for_more = fact(2, clarifying_rounds=1)  # judged complete, people still asked
    asked_while_incomplete = fact(3, clarifying_rounds=1, info_supplied=True)  # judged NEEDS_INFO first
    site_decided = fact(4, actual_category="troubleshooting", category_by_site=True)
    assert disagrees(wrong_category) and disagrees(asked_for_more)
    assert not disagrees(asked_while_incomplete) and not disagrees(site_decided)


def test_rows_group_by_the_bots_category_and_count_the_holdout_that_completed() -> None:
    facts = [fact(i) for i in range(1, 31)]  # 30 clean shadow tickets
    facts += [fact(40 + i, verdict="HIGH_QUALITY", holdout=True, info_supplied=i < 5) for i in range(7)]
    facts.append(
        fact(99, category="other", bot_category="access", mode="full (forced)")
    )  # report LLM re-read it
    (row,) = readiness(facts)
    assert row.category == "access" and row.judged == 38 and row.modes == ["shadow"]
    assert row.holdout == 7 and row.completed_in_holdout == round(5 / 7, 4)
    assert row.disagreements == 0 and row.recommendation == "ready for full", row.why
