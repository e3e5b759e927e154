"""The effect and accuracy sections of the monthly report: what the bot changed, measured."""

from __future__ import annotations

from shared.report import charts
from shared.report.blocks import (
    NA,
    NUM,
    Block,
    Chart,
    Fine,
    Pair,
    Section,
    Sub,
    Table,
    _caveat,
    _share,
    category,
    hours,
    month_name,
    num,
    pct,
    rounds,
)
from shared.report.charts import Bar
from shared.report.models import Confusion, Effect


def _completion(e: Effect, month: str) -> list[Block]:
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
        none = f"The bot asked about none of the tickets created in {month}, so there is no completion rate."
        return [none, table]
    wait = (
        ""
        if e.median_hours_to_complete is None
        else f", after a median of {hours(e.median_hours_to_complete)}"
    )
    text = (
        f"Of the tickets created in {month}, the bot asked for missing information on "
        f"{num(e.questioned)} (whenever it asked); on {num(e.completed)} of them ({pct(e.completion_rate)}) "
        f"the reporter supplied it afterwards{wait}." + _caveat(e.questioned)
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
    if e.rounds_previous_month is not None:
        other += f"The previous month's figure was {rounds(e.rounds_previous_month)}."
    if other:
        said.append(other.strip())
    groups: list[tuple[str, str, float | None, int | None, str]] = [
        ("Commented by the bot", "Commented", e.rounds_commented, e.commented_n, charts.BLUE),
        ("Holdout (control)", "Holdout", e.rounds_holdout, e.holdout_n, charts.AMBER),
        ("Not analyzed", "Not analyzed", e.rounds_untouched, e.untouched_n, charts.SLATE),
    ]
    if e.rounds_previous_month is not None:  # a first month has none: said once, at the top
        groups.append(("Previous month", "Last month", e.rounds_previous_month, None, charts.LIGHT))
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
        "question was not needed. `python -m tools eval --export-disagreements FILE` turns them into test "
        "cases." + _caveat(e.judged_by_bot)
    )
    table = Table(
        "Disagreements",
        ["Measure", "Value", "n"],
        [["Disagreement rate", pct(e.disagreement_rate), num(e.judged_by_bot)]],
        {1: NUM, 2: NUM},
    )
    return [text, table]


def effect_section(e: Effect, month: str) -> Section:
    blocks = [
        Sub("Completion after our question"), *_completion(e, month_name(month)), Sub("Clarifying rounds"),
        *_rounds(e),
        Sub("Disagreements"), *_disagreements(e),
    ]  # fmt: skip
    return Section("effect", "The bot's effect", blocks)


def accuracy_section(c: Confusion) -> Section:
    size = len(c.labels)
    cell = [
        [c.matrix[i][j] if i < len(c.matrix) and j < len(c.matrix[i]) else 0 for j in range(size)]
        for i in range(size)
    ]
    judged, correct = sum(map(sum, cell)), sum(cell[i][i] for i in range(size))
    by_site = (
        f" {num(c.decided_by_site)} tickets took their category from the site's request or issue type "
        "(TRIAGE_CATEGORY_MAP): they measure that map, not the analyzer, and are not counted here."
        if c.decided_by_site
        else ""
    )
    if not judged:
        text = (
            f"No ticket's real category is known (coverage {pct(c.coverage)}): accuracy cannot be measured."
            + by_site
        )
        return Section("accuracy", "Category accuracy", [text])
    text = (
        f"Our category matched the category the ticket ended in for {num(correct)} of {num(judged)} tickets "
        f"({pct(c.accuracy)}). The real category is known for {pct(c.coverage)} of the month's tickets "
        "(coverage); the others are not counted." + by_site + _caveat(judged)
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
