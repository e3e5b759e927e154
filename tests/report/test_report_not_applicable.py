"""Evidence about the checklist: which question reporters called not applicable, for which kinds
of request, from the ledger's rows through the facts to the table in all three renderings."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from markdown_it import MarkdownIt

from shared.lifecycle.record import LedgerRecord
from shared.report.mapreduce import extract_facts, reduce_facts
from shared.report.models import Aggregate, BotFigures, MonthlyReport, Narrative, TicketFacts
from shared.report.render import render_html, render_json, render_markdown
from tests.factories import INCOMPLETE_EN, issue


def _facts(n: int, kind: str, called: tuple[str, ...], category: str = "access") -> TicketFacts:
    return TicketFacts(
        key=f"OPS-{n}", category=category, request_kind=kind, subject="gitlab", signature=f"{kind}/gitlab",
        verdict="HIGH_QUALITY", bot_commented=True, not_applicable=called,
    )  # fmt: skip


def _month() -> Aggregate:
    facts = [
        _facts(1, "access:read-only", ("access.approver",)),
        _facts(2, "access:read-only", ("access.approver",)),
        _facts(3, "access:grant", ("access.approver", "access.justification")),
        _facts(4, "access:grant", ()),
        _facts(5, "cloud_resource:dns", ("cloud_resource.cost_owner",), "cloud_resource"),
    ]
    return reduce_facts(
        facts,
        month="2026-10",
        days_in_month=31,
        batches=1,
        batches_missing=(),
        bot=BotFigures(),
        previous=None,
    )


def test_the_facts_carry_the_items_the_ledger_recorded_as_not_applicable() -> None:
    record = LedgerRecord(
        key="OPS-2", state="done", verdict="HIGH_QUALITY", category="access", commented=True,
        not_applicable=("approver",),
    )  # fmt: skip
    facts = extract_facts(issue(2, *INCOMPLETE_EN), bot_account_id="bot", record=record, mapping={})
    assert facts is not None and facts.not_applicable == ("access.approver",)
    plain = extract_facts(issue(2, *INCOMPLETE_EN), bot_account_id="bot", record=None, mapping={})
    assert plain is not None and plain.not_applicable == ()


def test_per_item_counts_of_those_asked_and_the_request_kinds() -> None:
    rows = _month().not_applicable
    assert [(r.category, r.item, r.count, r.asked) for r in rows] == [
        ("access", "approver", 3, 4),
        ("access", "justification", 1, 4),
        ("cloud_resource", "cost_owner", 1, 1),
    ]
    assert rows[0].kinds == {"access:read-only": 2, "access:grant": 1}
    assert rows[0].label == "Who approves the request" and rows[0].examples == ["OPS-1", "OPS-2", "OPS-3"]


def test_the_table_is_in_the_html_the_markdown_and_the_json() -> None:
    report = MonthlyReport(
        month="2026-10", generated_at=datetime(2026, 11, 1, tzinfo=UTC), aggregate=_month(),
        narrative=Narrative(available=False),
    )  # fmt: skip
    md = MarkdownIt("commonmark").enable("table").render(render_markdown(report))
    page = render_html(report)
    for html in (md, page):
        assert "Questions reporters called not applicable" in html
        row = html[html.index("Who approves the request") :].split("</tr>")[0]
        assert "75.0% of 4" in row and "access:read-only (2), access:grant (1)" in row
    dumped = json.loads(render_json(report))["aggregate"]["not_applicable"]
    assert dumped[0]["item"] == "approver" and dumped[0]["kinds"] == {
        "access:read-only": 2,
        "access:grant": 1,
    }


def test_a_month_without_any_says_so() -> None:
    empty = reduce_facts(
        [_facts(1, "access:grant", ())], month="2026-10", days_in_month=31, batches=1, batches_missing=(),
        bot=BotFigures(), previous=None,
    )  # fmt: skip
    report = MonthlyReport(
        month="2026-10", generated_at=datetime(2026, 11, 1, tzinfo=UTC), aggregate=empty,
        narrative=Narrative(available=False),
    )  # fmt: skip
    assert empty.not_applicable == []
    assert "No reporter answered that a question of ours does not apply" in render_markdown(report)
