"""The monthly report renders: headline numbers, escaping, empty months, n/a, Korean, accessibility."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from shared.report import charts
from shared.report.blocks import pct
from shared.report.charts import Bar
from shared.report.models import Effect, MonthlyReport, Narrative, Ranked
from shared.report.render import render_html, render_json, render_markdown
from tests.report.sample import empty_report, sample_report

NOT_A_NUMBER = re.compile(r"\b(?:nan|NaN|inf|Infinity|None)\b")
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "rect", "line"}


class _Balance(HTMLParser):
    """Every opened element is closed in order (a broken f-string shows up as a mismatch)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.svg_titles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.stack[-1:] == ["svg"]:
            self.svg_titles += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]} at {self.getpos()}")
        else:
            self.stack.pop()


def _with(report: MonthlyReport, **aggregate: object) -> MonthlyReport:
    return report.model_copy(update={"aggregate": report.aggregate.model_copy(update=aggregate)})


def test_headline_numbers_in_both_formats() -> None:
    report = sample_report()
    md, html = render_markdown(report), render_html(report)
    for text in (md, html):
        assert "monthly report, October 2026" in text
        assert "463" in text  # tickets
        assert "8.4 h" in text  # median resolution
        assert "68.3%" in text  # completion rate, 97 of 142
        assert "88.0%" in text  # category accuracy
        assert "36.3%" in text and "26.1%" in text  # share by category
        assert "access/gitlab/developer" in text and "OPS-4198" in text  # recurring work and its evidence
        assert "cloud_resource:static-ip" in text  # documentation first
        assert "1,214,880" in text and "$4.87" in text  # the bot's own figures
    assert "**Tickets: 463**" in md
    assert "| Access | 168 | 36.3% | +17 (+11%) | 6.5 h |" in md


def test_change_against_previous_month() -> None:
    md = render_markdown(sample_report())
    assert "| access/gitlab/developer | 41 | 8.9% | +6 (+17%) | 4.2 h |" in md
    assert "| access/jira/admin | 9 | 1.9% | new | 8.3 h |" in md
    assert "| deployment/order-service/stg | 15 | 3.2% | no change | 1.4 h |" in md

    first = sample_report()
    unknown = [r.model_copy(update={"previous": None}) for r in first.aggregate.recurring]
    cats = [r.model_copy(update={"previous": None}) for r in first.aggregate.by_category]
    md = render_markdown(_with(first, recurring=unknown, by_category=cats))
    # Not "new" and not a column of n/a: with no month to compare with, the column goes and one
    # sentence at the top says why.
    assert "| access/gitlab/developer | 41 | 8.9% | 4.2 h |" in md
    assert md.count("No earlier month is stored") == 1


def test_strings_from_data_are_escaped_everywhere() -> None:
    evil = "<script>alert(1)</script>"
    report = sample_report()
    recurring = [Ranked(name=evil, count=9, share=0.5, examples=['OPS-1"><img src=x onerror=alert(2)>'])]
    report = _with(report, recurring=recurring, automation_candidates=recurring, by_language={evil: 3})
    report = report.model_copy(
        update={"narrative": Narrative(available=True, summary=evil, automation=[evil])}
    )
    html, md = render_html(report), render_markdown(report)
    for text in (html, md):
        assert "<script" not in text
        assert "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    # inside the SVG too: the recurring chart's label and tooltip
    chart = html[
        html.index('id="chart-recurring"') : html.index("</svg>", html.index('id="chart-recurring"'))
    ]
    assert "&lt;script&gt;" in chart and "<script" not in chart


def test_markdown_table_survives_a_pipe_in_a_name() -> None:
    report = _with(sample_report(), recurring=[Ranked(name="a|b", count=2, share=0.1, examples=["OPS-1"])])
    row = next(line for line in render_markdown(report).splitlines() if "a\\|b" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 8  # 7 columns, none split by the name


def test_empty_month_renders_without_division_by_zero() -> None:
    report = empty_report()
    md, html = render_markdown(report), render_html(report)
    for text in (md, html):
        assert "No tickets this month." in text
        assert "No request came in twice this month" in text
        assert "The bot asked about none of the tickets created in February 2026" in text
        assert "accuracy cannot be measured" in text
        assert "The narrative is not available for this month: no LLM endpoint is configured." in text
        assert not NOT_A_NUMBER.search(text)
    assert "**Tickets: 0**" in md
    assert "**Completion after our question: n/a**" in md
    assert json.loads(render_json(report))["aggregate"]["tickets"] == 0


def test_none_metrics_render_as_na() -> None:
    report = _with(sample_report(), effect=Effect(questioned=3, completed=0), median_resolution_hours=None)
    md = render_markdown(report)
    assert "**Median resolution: n/a**" in md
    assert "| Median time until supplied | n/a | 0 |" in md
    assert "| Holdout (control) | 0 | n/a |" in md
    assert "| Previous month |" not in md  # no stored month: said once at the top, no n/a row
    assert "There is no comparison with the holdout this month" in md
    assert "None" not in md and "None" not in render_html(report)


@pytest.mark.parametrize(
    ("value", "text"), [(0.6831, "68.3%"), (0.0, "0.0%"), (1.0, "100.0%"), (0.00049, "0.0%"), (None, "n/a")]
)
def test_percentages_are_formatted(value: float | None, text: str) -> None:
    assert pct(value) == text


def test_rates_carry_their_n_and_small_samples_say_so() -> None:
    md = render_markdown(sample_report())
    assert "needed 0.62 rounds on average (n = 142)" in md
    assert "needed 1.18 (n = 17): 0.56 fewer rounds per ticket" in md
    assert "With n = 17, read this as a hint, not a result." in md  # the holdout is small
    assert "With n = 142" not in md


def test_korean_text_survives_all_formats() -> None:
    report = _with(
        sample_report(),
        by_category=[Ranked(name="접근 권한", count=3, share=1.0, previous=2)],
        recurring=[Ranked(name="access/깃랩/개발자", count=3, share=1.0, examples=["OPS-1"])],
    )
    report = report.model_copy(
        update={"narrative": Narrative(available=True, summary="고정 IP 요청이 늘었습니다.")}
    )
    md, html, raw = render_markdown(report), render_html(report), render_json(report)
    for text in (md, html, raw):
        assert "접근 권한" in text and "access/깃랩/개발자" in text and "고정 IP 요청이 늘었습니다." in text
    assert '<meta charset="utf-8">' in html
    assert MonthlyReport.model_validate_json(raw) == report


def test_missing_batches_are_reported_as_partial() -> None:
    md = render_markdown(sample_report(missing=(3, 7)))
    assert "Partial numbers: 2 of 10 batches of tickets could not be read." in md
    assert "2 of 10 batches of tickets failed after retries and are missing (batch 3, 7)" in md
    assert "Nothing is missing: all 10 batches of tickets were read." in render_markdown(sample_report())


def test_narrative_section() -> None:
    md = render_markdown(sample_report())
    assert "### What to automate" in md and "- GitLab developer access (41 tickets)" in md
    off = render_markdown(sample_report(narrative=False))
    assert "The narrative is not available for this month: no LLM endpoint is configured." in off
    assert "| access/gitlab/developer |" in off  # the numbers are all there


def test_confusion_matrix_and_scores() -> None:
    md = render_markdown(sample_report())
    assert "| Access | **139** | 3 | 2 | 0 | 3 | 147 |" in md
    assert "| Total | 151 | 107 | 86 | 54 | 9 | 407 |" in md
    assert "| Access | 92.0% | 94.6% | 151 | 147 |" in md
    assert "for 358 of 407 tickets (88.0%)" in md and "87.9% of the month's tickets (coverage)" in md


@pytest.mark.parametrize("report", [sample_report(), empty_report()], ids=["sample", "empty"])
def test_html_is_self_contained_accessible_and_well_formed(report: MonthlyReport) -> None:
    html = render_html(report)
    checker = _Balance()
    checker.feed(html)
    assert checker.errors == [] and checker.stack == []
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>DevOps queue: monthly report" in html and "<h1>" in html and "<h2 " in html
    assert '<th scope="col"' in html
    svgs = html.count("<svg")
    assert svgs == html.count('role="img"') == checker.svg_titles
    for banned in ("<script", "<link", "<img", "@import", "url("):
        assert banned not in html
    # Nothing is loaded from elsewhere: the only addresses are the SVG namespace and the links a
    # reader may follow to open a ticket in Jira.
    links = re.findall(r'<a href="(https?://[^"]+)"', html)
    assert all(link.startswith(f"{report.browse_url}/OPS-") for link in links)
    assert len(links) == (len(re.findall(r"https?://", html)) - svgs)
    assert html.count("http://www.w3.org/2000/svg") == svgs
    if report.aggregate.tickets:
        assert svgs == 5 and '<th scope="row"' in html
        assert "168 (36.3%)" in html[html.index('id="chart-categories"') :]  # bar values as text


def test_chart_helpers_handle_empty_and_zero() -> None:
    assert charts.nice_scale(0) == (1.0, 1.0)
    assert charts.nice_scale(32) == (40.0, 10.0)
    assert charts.nice_scale(1.52) == (2.0, 0.5)
    for svg in (
        charts.hbar_chart("a", "t", "d", []),
        charts.hbar_chart("b", "t", "d", [Bar("x", 0, "0")]),
        charts.column_chart("c", "t", "d", [Bar("1", 0, "0"), Bar("2", None, "n/a")]),
        charts.split_bar("d", "t", "d", [Bar("x", 0, "0"), Bar("y", 0, "0")]),
    ):
        assert svg.startswith("<svg") and 'role="img"' in svg and not NOT_A_NUMBER.search(svg)
    assert charts.fit("고정IP요청" * 10, 60).endswith("…")
    assert charts.text_width("가") > charts.text_width("a")


def test_the_disagreement_rate_is_reported_with_its_n() -> None:
    from shared.report.render import render_markdown
    from tests.report.sample import sample_report

    report = sample_report()
    effect = report.aggregate.effect.model_copy(
        update={"judged_by_bot": 200, "disagreements": 9, "disagreement_rate": 0.045}
    )
    aggregate = report.aggregate.model_copy(update={"effect": effect})
    md = render_markdown(report.model_copy(update={"aggregate": aggregate}))
    assert "People overruled the bot on 9 of the 200 tickets it judged (4.5%)" in md
