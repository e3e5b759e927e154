"""The monthly report reads true at first sight: its Markdown renders cleanly in a real Markdown
renderer (markdown-it-py), ticket keys open the ticket, a first month says once why it compares
nothing, and figures that count different things say what they count."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from shared.report.models import BotFigures, MonthlyReport, Ranked
from shared.report.render import render_html, render_markdown
from tests.report.sample import empty_report, sample_report

BROWSE = "https://acme.atlassian.net/browse"


def rendered(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable("table").render(markdown)
    return html


def with_disagreements() -> MonthlyReport:
    report = sample_report()
    effect = report.aggregate.effect.model_copy(
        update={"judged_by_bot": 405, "disagreements": 6, "disagreement_rate": round(6 / 405, 4)}
    )
    return report.model_copy(update={"aggregate": report.aggregate.model_copy(update={"effect": effect})})


def test_markdown_renders_commands_as_code_and_leaves_no_stray_escapes() -> None:
    md = render_markdown(with_disagreements())
    html = rendered(md)
    assert "<code>python -m tools eval --export-disagreements FILE</code>" in html
    assert "\\`" not in md, "a backslash before a backtick shows in every Markdown viewer's source"
    text = re.sub(r"<[^>]+>", "", html)
    assert not re.search(r"\\[`*_\[\]|]", text), "an escape survived rendering"
    page = render_html(with_disagreements())
    assert "<code>python -m tools eval --export-disagreements FILE</code>" in page


def test_ticket_keys_link_to_the_ticket_in_both_formats() -> None:
    report = sample_report()
    key = report.aggregate.recurring[0].examples[0]
    assert f"[{key}]({BROWSE}/{key})" in render_markdown(report)
    assert f'<a href="{BROWSE}/{key}">{key}</a>' in rendered(render_markdown(report))
    assert f'<a href="{BROWSE}/{key}">{key}</a>' in render_html(report)
    unlinked = report.model_copy(update={"browse_url": None})
    assert f"]({BROWSE}" not in render_markdown(unlinked) and "<a href=\"https://acme" not in render_html(unlinked)


def first_month() -> str:
    report = sample_report()
    a = report.aggregate
    fresh = [r.model_copy(update={"previous": None}) for r in a.by_category]
    recurring: list[Ranked] = [r.model_copy(update={"previous": None}) for r in a.recurring]
    effect = a.effect.model_copy(update={"rounds_previous_month": None})
    aggregate = a.model_copy(update={"by_category": fresh, "recurring": recurring, "effect": effect})
    return render_markdown(report.model_copy(update={"aggregate": aggregate}))


def test_a_first_month_says_once_why_it_compares_nothing() -> None:
    md = first_month()
    assert md.count("No earlier month is stored") == 1
    assert "vs last month" not in md and "Previous month" not in md
    assert "vs last month" in render_markdown(sample_report())  # a later month compares


def test_the_bots_own_figures_say_what_they_count_and_where_the_effect_differs() -> None:
    md = render_markdown(sample_report())
    assert "Counted over the 2,876 scan ticks that ran in October 2026" in md
    assert "Of the tickets created in October 2026, the bot asked for missing information on 142" in md
    report = sample_report()
    idle = report.aggregate.model_copy(update={"bot": BotFigures()})
    md = render_markdown(report.model_copy(update={"aggregate": idle}))
    assert "No scan tick ran in October 2026" in md and "| Tickets analyzed | 0 |" not in md


def test_an_empty_month_still_renders_cleanly() -> None:
    html = rendered(render_markdown(empty_report()))
    assert "\\" not in re.sub(r"<[^>]+>", "", html)
