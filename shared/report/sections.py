"""The sections of the monthly report, built once from the aggregate (rendered twice)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from shared.report import charts
from shared.report.blocks import (
    KEYS,
    NA,
    NAME,
    NUM,
    PALETTE,
    Block,
    Chart,
    Figures,
    Fine,
    Note,
    Pair,
    Section,
    Sub,
    Table,
    _month,
    _share,
    category,
    change,
    hours,
    month_name,
    num,
    pct,
)
from shared.report.charts import Bar
from shared.report.models import Aggregate, MonthlyReport, Narrative, Ranked
from shared.report.not_applicable import not_applicable_section
from shared.report.sections_deflection import deflection_section, link_marker
from shared.report.sections_effect import accuracy_section, effect_section
from shared.report.sections_readiness import readiness_section


# The sections -------------------------------------------------------------------------------------
def _ranked_table(caption: str, items: Sequence[Ranked], prev: bool, *, spent: bool = False) -> Table:
    """Ranked requests with their evidence; `spent` adds tickets × median resolution instead of the
    share; "vs last month" only when a previous month is stored (the first month says so once)."""
    headers = ["#", "Request", "Tickets", "Tickets × median" if spent else "Share"]
    headers += ["vs last month"] if prev else []
    rows = []
    for i, r in enumerate(items, 1):
        median = r.median_resolution_hours
        third = (NA if median is None else hours(r.count * median)) if spent else pct(r.share)
        rows.append(
            [str(i), r.name, num(r.count), third, *([change(r, prev)] if prev else []), hours(median),
             ", ".join(r.examples) or "-"]
        )  # fmt: skip
    headers += ["Median resolution", "Examples"]
    classes = {j: NUM for j in range(len(headers) - 1) if j != 1} | {1: NAME, len(headers) - 1: KEYS}
    return Table(caption, headers, rows, classes, header_col=1)


def _glance(a: Aggregate, prev: bool) -> Section:
    e, c = a.effect, a.accuracy
    recurring = sum(r.count for r in a.recurring)
    judged = sum(map(sum, c.matrix))
    blocks: list[Block] = []
    if a.batches_missing:
        blocks.append(
            Note(
                f"Partial numbers: {len(a.batches_missing)} of {a.batches} batches of tickets could not be "
                'read. See "Missing data" below.'
            )
        )
    completion = f"{num(e.completed)} of {num(e.questioned)} questioned tickets"
    figures = [
        ("Tickets", num(a.tickets), f"created in {month_name(a.month)}"),
        ("Median resolution", hours(a.median_resolution_hours), "of resolved tickets"),
        (
            "Recurring work",
            pct(_share(recurring, a.tickets)),
            f"{num(recurring)} tickets in repeated requests",
        ),
        ("Completion after our question", pct(e.completion_rate), completion),
        ("Category accuracy", pct(c.accuracy), f"{num(judged)} tickets with a known category"),
    ]
    blocks.append(Figures(figures))
    if not prev:
        blocks.append(
            Fine(
                "No earlier month is stored, so this report compares nothing with last month; the "
                "comparisons appear from next month on."
            )
        )
    if a.by_language:
        total = sum(a.by_language.values())
        langs = ", ".join(f"{k} {num(v)} ({pct(_share(v, total))})" for k, v in a.by_language.items())
        blocks.append(f"Languages: {langs}.")
    blocks.append(Sub("Share by category"))
    if not a.by_category:
        return Section("glance", "At a glance", [*blocks, "No tickets this month."])
    colors = {r.name: PALETTE[i % len(PALETTE)] for i, r in enumerate(a.by_category)}
    bars = [
        Bar(category(r.name), r.count, f"{num(r.count)} ({pct(r.share)})", colors[r.name])
        for r in a.by_category
    ]
    desc = "; ".join(f"{b.label}: {b.text}" for b in bars)
    chart = charts.hbar_chart("chart-categories", "Tickets by category", desc, bars, width=420, label_max=170)
    rows = [
        [category(r.name), num(r.count), pct(r.share), *([change(r, prev)] if prev else []),
         hours(r.median_resolution_hours)]
        for r in a.by_category
    ]  # fmt: skip
    headers = ["Category", "Tickets", "Share", *(["vs last month"] if prev else []), "Median resolution"]
    table = Table("Tickets by category", headers, rows, dict.fromkeys(range(1, len(headers)), NUM))
    return Section("glance", "At a glance", [*blocks, Pair(Chart(chart), table)])


def _trend(a: Aggregate) -> Section:
    days, total, start = a.daily_created, sum(a.daily_created), _month(a.month)
    if not total:
        return Section("trend", "Tickets per day", ["No tickets were created in this month."])
    weekend = {i for i in range(len(days)) if start and (start.weekday() + i) % 7 >= 5}
    work = [v for i, v in enumerate(days) if i not in weekend]
    top = max(range(len(days)), key=lambda i: (days[i], -i))
    day = f"{calendar.month_name[start.month]} {top + 1}" if start else f"day {top + 1}"
    text = (
        f"{num(total)} tickets were created in {len(days)} days; the busiest day was {day} with {days[top]}."
    )
    if weekend and work:
        off = [days[i] for i in sorted(weekend)]
        text += (
            f" On average {sum(work) / len(work):.1f} a working day, {sum(off) / len(off):.1f} a weekend day."
        )
    bars = [
        Bar(str(i + 1), v, str(v), charts.LIGHT if i in weekend else charts.BLUE) for i, v in enumerate(days)
    ]
    legend = [("weekday", charts.BLUE), ("weekend", charts.LIGHT)] if weekend else []
    svg = charts.column_chart(
        "chart-trend",
        "Tickets created per day",
        text,
        bars,
        x_title="Day of month",
        y_title="Tickets created",
        legend=legend,
    )
    per_day = ", ".join(f"{i + 1}: {v}" for i, v in enumerate(days))
    return Section(
        "trend", "Tickets per day", [text, Chart(svg), Fine(f"Created per day (day: tickets): {per_day}.")]
    )


def _recurring(a: Aggregate, prev: bool) -> Section:
    if not a.recurring:
        return Section(
            "recurring", "Recurring work", ["No request came in twice this month: nothing recurs yet."]
        )
    n = sum(r.count for r in a.recurring)
    text = (
        f"{len(a.recurring)} kinds of request came in at least twice: {num(n)} tickets, "
        f"{pct(_share(n, a.tickets))} of the month. A request is named by its normalised signature "
        "(category/subject/role or environment), the same for Korean and English tickets."
    )
    bars = [Bar(r.name, r.count, f"{num(r.count)} ({pct(r.share)})") for r in a.recurring[:10]]
    desc = "; ".join(f"{b.label}: {b.text}" for b in bars)
    chart = charts.hbar_chart("chart-recurring", "Top 10 recurring requests", desc, bars, width=900)
    table = _ranked_table("Requests seen at least twice", a.recurring, prev)
    return Section("recurring", "Recurring work", [text, Chart(chart), table])


def _automation(a: Aggregate, prev: bool) -> Section:
    if not a.automation_candidates:
        return Section("automation", "Automation candidates", ["No routine request repeated often enough."])
    intro = (
        "Routine requests that repeat, most total handling time first (tickets × median resolution). "
        "The examples are ticket keys to open before deciding."
    )
    table = _ranked_table("Automation candidates", a.automation_candidates, prev, spent=True)
    return Section("automation", "Automation candidates", [intro, table])


def _documentation(a: Aggregate) -> Section:
    if not a.documentation_candidates:
        return Section("documentation", "Documentation first", ["No kind of request kept needing questions."])
    rows = [
        [str(i), r.name, num(r.count), pct(r.share), link_marker(a.documentation_links.get(r.name)),
         ", ".join(r.examples) or "-"]
        for i, r in enumerate(a.documentation_candidates, 1)
    ]  # fmt: skip
    intro = (
        "Kinds of request where people most often had to be asked for more information: a request "
        "template or a how-to page for these saves the most questions. \"Faster path\" says which of "
        "their signatures have no page in DEFLECTION_LINKS yet."
    )
    headers = ["#", "Request kind", "Tickets", "Share", "Faster path", "Examples"]
    table = Table(
        "Documentation first", headers, rows, {0: NUM, 1: NAME, 2: NUM, 3: NUM, 5: KEYS}, header_col=1
    )
    return Section("documentation", "Documentation first", [intro, table])


def _bot(a: Aggregate) -> Section:
    b = a.bot
    month = month_name(a.month)
    if not b.ticks:
        text = (
            f"No scan tick ran in {month}, so there is nothing to count here. The bot's effect above follows "
            f"the tickets created in {month} that the bot asked about, whenever it asked."
        )
        return Section("bot", "The bot's own figures", [text])
    text = (
        f"Counted over the {num(b.ticks)} scan ticks that ran in {month}. A ticket judged again (its "
        "reporter answered, or it changed) counts again, so these figures are the bot's work in the month, "
        f"not a count of {month}'s tickets; the effect above counts those."
    )
    figures = [
        ("Scan ticks", num(b.ticks)),
        ("Tickets analyzed", num(b.tickets_analyzed)),
        ("Comments posted", num(b.comments_posted)),
        ("Labels written", num(b.labels_written)),
        ("LLM calls", num(b.llm_calls)),
        ("Tokens in", num(b.tokens_in)),
        ("Tokens out", num(b.tokens_out)),
        ("Estimated cost", f"${b.estimated_cost_usd:,.2f}"),
        ("Failures", num(b.failures)),
        ("Parked tickets", num(b.parked)),
    ]
    table = Table(f"The bot's work in {month}", ["Figure", "Value"], [list(f) for f in figures], {1: NUM})
    return Section("bot", "The bot's own figures", [text, table])


def _missing(a: Aggregate) -> Section:
    if not a.batches_missing:
        text = (
            f"Nothing is missing: all {a.batches} batches of tickets were read."
            if a.batches
            else "No batches ran."
        )
        return Section("missing", "Missing data", [text])
    which = ", ".join(str(i) for i in a.batches_missing)
    text = (
        f"{len(a.batches_missing)} of {a.batches} batches of tickets failed after retries and are missing "
        f"(batch {which}). Every number in this report covers only the batches that were read; run the month "
        "again to fill them in."
    )
    return Section("missing", "Missing data", [Note(text)])


def _narrative(n: Narrative) -> Section:
    if not n.available:
        note = f": {n.note.rstrip('.')}" if n.note else ""
        text = f"The narrative is not available for this month{note}. The numbers above are all there."
        return Section("narrative", "Narrative", [text])
    blocks: list[Block] = [p for p in re.split(r"\n\s*\n", n.summary.strip()) if p]
    for title, items in (("What to automate", n.automation), ("What to document first", n.documentation)):
        if items:
            blocks += [Sub(title), list(items)]
    if n.note:
        blocks.append(Fine(n.note))
    return Section("narrative", "Narrative", blocks or ["The narrative is empty."])


def sections(report: MonthlyReport) -> list[Section]:
    """The report's sections in reading order, shared by the Markdown and the HTML."""
    a = report.aggregate
    prev = any(r.previous is not None for r in [*a.by_category, *a.recurring])
    return [
        _glance(a, prev),
        _trend(a),
        _recurring(a, prev),
        _automation(a, prev),
        _documentation(a),
        deflection_section(a),
        effect_section(a.effect, a.month),
        readiness_section(a.readiness),
        not_applicable_section(a),
        accuracy_section(a.accuracy),
        _bot(a),
        _missing(a),
        _narrative(report.narrative),
    ]
