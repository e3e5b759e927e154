"""The monthly report as Markdown, one self-contained HTML page (inline CSS and SVG), and JSON.

Both text formats come from one list of sections built here, so the Markdown and the page always
say the same thing. Every string from the data is escaped with `html.escape` (also in Markdown,
which passes HTML through). Every number appears as text; charts only repeat it. Every rate comes
with its n, and small samples say so in words.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date
from html import escape

from shared.report import charts
from shared.report.charts import Bar
from shared.report.models import Aggregate, Confusion, Effect, MonthlyReport, Narrative, Ranked

SMALL = 30  # fewer tickets than this: a rate is a hint, not a result
NA = "n/a"
CATEGORY_NAMES = {
    "access": "Access",
    "cloud_resource": "Cloud resource",
    "troubleshooting": "Troubleshooting",
    "deployment": "Deployment",
    "other": "Other",
}
PALETTE = ("#2563eb", "#0f766e", "#c2410c", "#7c3aed", "#64748b", "#b45309", "#be185d", "#0369a1")
NUM, KEYS, NAME = "num", "keys", "name"  # table column classes


# Numbers as words ---------------------------------------------------------------------------------
def pct(x: float | None) -> str:
    return NA if x is None else f"{x * 100:.1f}%"


def hours(h: float | None) -> str:
    return NA if h is None else f"{h:.1f} h"


def num(n: int) -> str:
    return f"{n:,}"


def rounds(r: float | None) -> str:
    return NA if r is None else f"{r:.2f}"


def change(r: Ranked, has_previous: bool) -> str:
    """Against the previous month: "+6 (+17%)", "no change", "new", or n/a without a previous month."""
    if not has_previous:
        return NA
    if r.previous is None:
        return "new"
    d = r.count - r.previous
    if d == 0:
        return "no change"
    return f"{d:+d}" + (f" ({d / r.previous * 100:+.0f}%)" if r.previous else "")


def category(name: str) -> str:
    return CATEGORY_NAMES.get(name, name)


def _month(month: str) -> date | None:
    try:
        year, m = (int(p) for p in month.split("-"))
        return date(year, m, 1)
    except (ValueError, IndexError):
        return None


def month_name(month: str) -> str:
    start = _month(month)
    return f"{calendar.month_name[start.month]} {start.year}" if start else month


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _caveat(n: int) -> str:
    return f" With n = {n}, read this as a hint, not a result." if 0 < n < SMALL else ""


# The document: sections of blocks, rendered twice -----------------------------------------------
@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    classes: Mapping[int, str] = field(default_factory=dict)  # column -> NUM | KEYS | NAME
    header_col: int = 0  # the column whose cells are row headers (<th scope="row">)
    strong: frozenset[tuple[int, int]] = frozenset()  # (row, column) cells to emphasise


@dataclass(frozen=True)
class Figures:
    items: Sequence[tuple[str, str, str]]  # label, value, detail


@dataclass(frozen=True)
class Chart:
    svg: str


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Fine:
    text: str


@dataclass(frozen=True)
class Sub:
    title: str


@dataclass(frozen=True)
class Pair:
    """Two blocks side by side on a wide page (a chart and its table); one after the other elsewhere."""

    left: Block
    right: Block


Block = str | list[str] | Table | Figures | Chart | Note | Fine | Sub | Pair  # str: paragraph; list: bullets


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: list[Block]


# The sections -------------------------------------------------------------------------------------
def _ranked_table(caption: str, items: Sequence[Ranked], prev: bool, *, spent: bool = False) -> Table:
    """Ranked requests with their evidence; `spent` adds tickets × median resolution instead of the share."""
    headers = ["#", "Request", "Tickets", "Tickets × median" if spent else "Share", "vs last month"]
    rows = []
    for i, r in enumerate(items, 1):
        median = r.median_resolution_hours
        third = (NA if median is None else hours(r.count * median)) if spent else pct(r.share)
        rows.append(
            [
                str(i),
                r.name,
                num(r.count),
                third,
                change(r, prev),
                hours(median),
                ", ".join(r.examples) or "-",
            ]
        )
    headers += ["Median resolution", "Examples"]
    classes = {0: NUM, 1: NAME, 2: NUM, 3: NUM, 4: NUM, 5: NUM, 6: KEYS}
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
        [category(r.name), num(r.count), pct(r.share), change(r, prev), hours(r.median_resolution_hours)]
        for r in a.by_category
    ]
    headers = ["Category", "Tickets", "Share", "vs last month", "Median resolution"]
    table = Table("Tickets by category", headers, rows, {1: NUM, 2: NUM, 3: NUM, 4: NUM})
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
    if not prev:
        text += " No previous month is stored, so there is no change to show."
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
        [str(i), r.name, num(r.count), pct(r.share), ", ".join(r.examples) or "-"]
        for i, r in enumerate(a.documentation_candidates, 1)
    ]
    intro = (
        "Kinds of request where people most often had to be asked for more information: a request "
        "template or a how-to page for these saves the most questions."
    )
    headers = ["#", "Request kind", "Tickets", "Share", "Examples"]
    table = Table(
        "Documentation first", headers, rows, {0: NUM, 1: NAME, 2: NUM, 3: NUM, 4: KEYS}, header_col=1
    )
    return Section("documentation", "Documentation first", [intro, table])


def _completion(e: Effect) -> list[Block]:
    table = Table(
        "Completion",
        ["Measure", "Value", "n"],
        [
            ["Completion rate", pct(e.completion_rate), num(e.questioned)],
            ["Median time until supplied", hours(e.median_hours_to_complete), num(e.completed)],
        ],
        {1: NUM, 2: NUM},
    )
    if not e.questioned:
        return ["The bot asked no questions this month, so there is no completion rate.", table]
    wait = (
        ""
        if e.median_hours_to_complete is None
        else f", after a median of {hours(e.median_hours_to_complete)}"
    )
    text = (
        f"The bot asked for missing information on {num(e.questioned)} tickets; on {num(e.completed)} of "
        f"them ({pct(e.completion_rate)}) the reporter supplied it afterwards{wait}." + _caveat(e.questioned)
    )
    open_ = max(e.questioned - e.completed, 0)
    parts = [
        Bar(
            "Information supplied",
            e.completed,
            f"{num(e.completed)} ({pct(e.completion_rate)})",
            charts.GREEN,
        ),
        Bar("Not supplied", open_, f"{num(open_)} ({pct(_share(open_, e.questioned))})", charts.PALE),
    ]
    chart = charts.split_bar("chart-completion", "Completion after our question", text, parts, width=420)
    return [text, Pair(Chart(chart), table)]


def _rounds(e: Effect) -> list[Block]:
    said = ["Clarifying rounds are the questions people other than the reporter asked before work started."]
    if e.rounds_commented is not None and e.rounds_holdout is not None:
        diff = e.rounds_holdout - e.rounds_commented
        than = f"{abs(diff):.2f} {'fewer' if diff > 0 else 'more'}" if abs(diff) >= 0.005 else "no fewer"
        said.append(
            f"Tickets the bot asked about needed {rounds(e.rounds_commented)} rounds on average"
            f" (n = {num(e.commented_n)}). The holdout, incomplete tickets the bot deliberately left alone,"
            f" needed {rounds(e.rounds_holdout)} (n = {num(e.holdout_n)}): {than} rounds per ticket with the"
            " bot's question." + _caveat(min(e.commented_n, e.holdout_n))
        )
    else:
        said.append("There is no comparison with the holdout this month: one of the two groups is empty.")
    other = ""
    if e.rounds_untouched is not None:
        other = (
            f"Tickets the bot did not analyze needed {rounds(e.rounds_untouched)} (n = {num(e.untouched_n)});"
            " they are not a random sample, so compare with care. "
        )
    if e.rounds_previous_month is None:
        said.append(other + "No figure from the previous month is stored.")
    else:
        said.append(other + f"The previous month's figure was {rounds(e.rounds_previous_month)}.")
    groups = [
        ("Commented by the bot", "Commented", e.rounds_commented, e.commented_n, charts.BLUE),
        ("Holdout (control)", "Holdout", e.rounds_holdout, e.holdout_n, charts.AMBER),
        ("Not analyzed", "Not analyzed", e.rounds_untouched, e.untouched_n, charts.SLATE),
        ("Previous month", "Last month", e.rounds_previous_month, None, charts.LIGHT),
    ]
    bars = [
        Bar(short, v, rounds(v), col, "" if n is None else f"n = {num(n)}") for _, short, v, n, col in groups
    ]
    desc = "; ".join(f"{b.label}: {b.text}{', ' + b.note if b.note else ''}" for b in bars)
    chart = charts.column_chart(
        "chart-rounds",
        "Mean clarifying rounds per ticket",
        desc,
        bars,
        width=440,
        height=250,
        y_title="Mean clarifying rounds per ticket",
        max_bar=70,
    )
    rows = [[g, NA if n is None else num(n), rounds(v)] for g, _, v, n, _ in groups]
    table = Table("Clarifying rounds", ["Group", "Tickets (n)", "Mean rounds"], rows, {1: NUM, 2: NUM})
    if all(v is None for _, _, v, _, _ in groups):
        return [*said, table]
    return [*said, Pair(Chart(chart), table)]


def _disagreements(e: Effect) -> list[Block]:
    if not e.judged_by_bot:
        return ["The bot judged no ticket of this month, so there is no disagreement rate."]
    text = (
        f"People overruled the bot on {num(e.disagreements)} of the {num(e.judged_by_bot)} tickets it judged "
        f"({pct(e.disagreement_rate)}): they changed or removed its verdict label, or replied that its "
        "question was not needed. `python -m shared eval --export-disagreements FILE` turns them into test "
        "cases." + _caveat(e.judged_by_bot)
    )
    table = Table(
        "Disagreements",
        ["Measure", "Value", "n"],
        [["Disagreement rate", pct(e.disagreement_rate), num(e.judged_by_bot)]],
        {1: NUM, 2: NUM},
    )
    return [text, table]


def _effect(e: Effect) -> Section:
    blocks = [
        Sub("Completion after our question"), *_completion(e), Sub("Clarifying rounds"), *_rounds(e),
        Sub("Disagreements"), *_disagreements(e),
    ]  # fmt: skip
    return Section("effect", "The bot's effect", blocks)


def _accuracy(c: Confusion) -> Section:
    size = len(c.labels)
    cell = [
        [c.matrix[i][j] if i < len(c.matrix) and j < len(c.matrix[i]) else 0 for j in range(size)]
        for i in range(size)
    ]
    judged, correct = sum(map(sum, cell)), sum(cell[i][i] for i in range(size))
    if not judged:
        text = (
            f"No ticket's real category is known (coverage {pct(c.coverage)}): accuracy cannot be measured."
        )
        return Section("accuracy", "Category accuracy", [text])
    text = (
        f"Our category matched the category the ticket ended in for {num(correct)} of {num(judged)} tickets "
        f"({pct(c.accuracy)}). The real category is known for {pct(c.coverage)} of the month's tickets "
        "(coverage); the others are not counted." + _caveat(judged)
    )
    columns = [sum(cell[i][j] for i in range(size)) for j in range(size)]
    rows = [[category(lab), *map(num, cell[i]), num(sum(cell[i]))] for i, lab in enumerate(c.labels)]
    rows.append(["Total", *map(num, columns), num(judged)])
    headers = ["Real ↓ / ours →", *map(category, c.labels), "Total"]
    caption = "Confusion matrix (rows: the category the ticket ended in; columns: ours)"
    diagonal = frozenset((i, i + 1) for i in range(size))
    matrix = Table(caption, headers, rows, dict.fromkeys(range(1, size + 2), NUM), strong=diagonal)
    rows = [
        [category(lab), pct(c.precision.get(lab)), pct(c.recall.get(lab)), num(columns[i]), num(sum(cell[i]))]
        for i, lab in enumerate(c.labels)
    ]
    headers = ["Category", "Precision", "Recall", "Ours (n)", "Real (n)"]
    scores = Table("Precision and recall per category", headers, rows, dict.fromkeys(range(1, 5), NUM))
    words = Fine(
        "Precision: of the tickets we put in a category, the share that really belonged there. "
        "Recall: of the tickets that really belonged there, the share we found."
    )
    return Section("accuracy", "Category accuracy", [text, matrix, scores, words])


def _bot(a: Aggregate) -> Section:
    b = a.bot
    figures = [
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
    table = Table("The bot's own figures", ["Figure", "Value"], [list(f) for f in figures], {1: NUM})
    return Section("bot", "The bot's own figures", [table])


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
        note = f": {n.note}" if n.note else ""
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
        _effect(a.effect),
        _accuracy(a.accuracy),
        _bot(a),
        _missing(a),
        _narrative(report.narrative),
    ]


def _title(report: MonthlyReport) -> tuple[str, str]:
    at = report.generated_at
    stamp = (at.astimezone(UTC) if at.tzinfo else at).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"DevOps queue: monthly report, {month_name(report.month)}",
        f"Month {report.month} · generated {stamp}",
    )


# Markdown -----------------------------------------------------------------------------------------
def _md(text: str, *, line_start: bool = False) -> str:
    """Markdown text: HTML escaped, Markdown punctuation escaped, newlines folded into spaces."""
    s = escape(" ".join(text.split()), quote=False)
    s = re.sub(r"([\\`*\[\]|])", r"\\\1", s)
    s = re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", s)
    if line_start:  # would otherwise start a heading, a quote or a list
        s = re.sub(r"^([#>+=-])", r"\\\1", s)
        s = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", s)
    return s


def _md_block(b: Block) -> str:
    if isinstance(b, str | Fine):
        return _md(b if isinstance(b, str) else b.text, line_start=True)
    if isinstance(b, list):
        return "\n".join(f"- {_md(item, line_start=True)}" for item in b)
    if isinstance(b, Sub):
        return f"### {_md(b.title)}"
    if isinstance(b, Note):
        return f"> **Note:** {_md(b.text)}"
    if isinstance(b, Figures):
        return "\n".join(f"- **{_md(k)}: {_md(v)}** ({_md(d)})" for k, v, d in b.items)
    if isinstance(b, Pair):
        return "\n\n".join(md for md in (_md_block(b.left), _md_block(b.right)) if md)
    if isinstance(b, Table):
        cells = [
            [f"**{_md(v)}**" if (r, j) in b.strong else _md(v) for j, v in enumerate(row)]
            for r, row in enumerate(b.rows)
        ]
        rule = ["---:" if b.classes.get(j) == NUM else "---" for j in range(len(b.headers))]
        lines = [[_md(h) for h in b.headers], rule, *cells]
        return f"**{_md(b.caption)}**\n\n" + "\n".join("| " + " | ".join(line) + " |" for line in lines)
    return ""  # a chart: its numbers are in the text and tables around it


def render_markdown(report: MonthlyReport) -> str:
    title, meta = _title(report)
    out = [f"# {_md(title)}", _md(meta)]
    for s in sections(report):
        out.append(f"## {_md(s.title)}")
        out.extend(md for md in map(_md_block, s.blocks) if md)
    return "\n\n".join(out) + "\n"


# HTML ---------------------------------------------------------------------------------------------
CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f1f5f9;color:#0f172a;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 40px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px;line-height:1.25}
h2{font-size:20px;margin:0 0 8px}
h3{font-size:16px;margin:18px 0 6px;color:#1e293b}
.meta{color:#475569;margin:0 0 12px}
nav ul{display:flex;flex-wrap:wrap;gap:2px 18px;margin:0;padding:0;list-style:none;font-size:14px}
a{color:#1d4ed8}
section{border-top:1px solid #e2e8f0;margin-top:26px;padding-top:14px}
p{max-width:82ch}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:14px 0}
.figures div{border:1px solid #e2e8f0;border-radius:8px;padding:10px 14px;background:#f8fafc}
.figures dt{font-size:13px;color:#475569}
.figures dd{margin:0}
.big{display:block;font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.detail{font-size:12.5px;color:#475569}
.pair{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:32px;align-items:start}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:6px 0 14px;font-size:14px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0;color:#334155}
th,td{padding:5px 10px;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top}
thead th{background:#f1f5f9;font-weight:600;vertical-align:bottom}
tbody th{font-weight:600}
.num{text-align:right}
td.num,th.name{white-space:nowrap}
td.keys{font:12.5px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;color:#334155}
td.keys span{white-space:nowrap}
td.strong{font-weight:700;background:#dbeafe}
.note{border-left:4px solid #c2410c;background:#fff7ed;padding:8px 12px;max-width:none}
.fine{font-size:13px;color:#475569}
figure{margin:8px 0 14px}
svg.chart{display:block;max-width:100%;height:auto}
.chart text{font-size:13px;fill:#0f172a}
.chart .val{font-size:12px;fill:#334155}
.chart .axis{font-size:11px;fill:#475569}
.chart .inbar{font-size:12px;fill:#fff;font-weight:600}
.chart .grid{stroke:#e2e8f0}
.chart .base{stroke:#94a3b8}
@media (max-width:820px){main{padding:16px}.pair{grid-template-columns:1fr}}
@media print{body{background:#fff;font-size:10pt}main{max-width:none;padding:0}nav{display:none}
a{color:inherit;text-decoration:none}table,figure,.figures,.pair{break-inside:avoid}h2,h3{break-after:avoid}
.figures div{background:#fff}}
"""


def _cell(tag: str, text: str, cls: str | None, scope: str = "") -> str:
    attrs = (f' scope="{scope}"' if scope else "") + (f' class="{cls}"' if cls else "")
    if cls and KEYS in cls.split():  # ticket keys wrap between keys, never inside one ("OPS-\n4047")
        return (
            f"<{tag}{attrs}>" + ", ".join(f"<span>{escape(k)}</span>" for k in text.split(", ")) + f"</{tag}>"
        )
    return f"<{tag}{attrs}>{escape(text)}</{tag}>"


def _html_table(b: Table) -> str:
    head = "".join(
        _cell("th", h, NUM if b.classes.get(j) == NUM else None, "col") for j, h in enumerate(b.headers)
    )
    rows = []
    for r, row in enumerate(b.rows):
        cells = []
        for j, v in enumerate(row):
            cls = " ".join(c for c in (b.classes.get(j), "strong" if (r, j) in b.strong else "") if c) or None
            cells.append(_cell("th", v, cls, "row") if j == b.header_col else _cell("td", v, cls))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="scroll"><table><caption>{escape(b.caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _html_block(b: Block) -> str:
    if isinstance(b, str):
        return f"<p>{escape(b)}</p>"
    if isinstance(b, list):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in b) + "</ul>"
    if isinstance(b, Sub):
        return f"<h3>{escape(b.title)}</h3>"
    if isinstance(b, Note):
        return f'<p class="note" role="note">{escape(b.text)}</p>'
    if isinstance(b, Fine):
        return f'<p class="fine">{escape(b.text)}</p>'
    if isinstance(b, Chart):
        return f"<figure>{b.svg}</figure>"  # built by charts.py, which escapes every string in it
    if isinstance(b, Pair):
        return f'<div class="pair"><div>{_html_block(b.left)}</div><div>{_html_block(b.right)}</div></div>'
    if isinstance(b, Figures):
        return (
            '<dl class="figures">'
            + "".join(
                f'<div><dt>{escape(k)}</dt><dd><span class="big">{escape(v)}</span>'
                f'<span class="detail">{escape(d)}</span></dd></div>'
                for k, v, d in b.items
            )
            + "</dl>"
        )
    return _html_table(b)


def render_html(report: MonthlyReport) -> str:
    title, meta = _title(report)
    parts = sections(report)
    nav = "".join(f'<li><a href="#{escape(s.anchor)}">{escape(s.title)}</a></li>' for s in parts)
    body = "".join(
        f'<section id="{escape(s.anchor)}" aria-labelledby="{escape(s.anchor)}-h">'
        f'<h2 id="{escape(s.anchor)}-h">{escape(s.title)}</h2>{"".join(map(_html_block, s.blocks))}</section>'
        for s in parts
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main><header>"
        f'<h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>'
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav></header>{body}</main></body></html>\n'
    )


def render_json(report: MonthlyReport) -> str:
    return report.model_dump_json(indent=2)
