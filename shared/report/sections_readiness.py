"""The readiness section: per category, whether the bot has earned more autonomy, by a stated rule."""

from __future__ import annotations

from collections.abc import Sequence

from shared.report.blocks import NUM, Fine, Section, Table, category, num, pct
from shared.report.models import Readiness
from shared.report.readiness import MAX_DISAGREEMENT, MIN_JUDGED


def _rate(r: Readiness) -> str:
    if r.disagreement_rate is None or r.interval is None:
        return pct(None)
    low, high = r.interval
    return f"{pct(r.disagreement_rate)} ({pct(low)}–{pct(high)})"


def _completion(r: Readiness) -> str:
    asked = f"{pct(r.completed_after_question)} of {num(r.asked)}" if r.asked else "not asked"
    control = f"{pct(r.completed_in_holdout)} of {num(r.holdout)}" if r.holdout else "none unasked"
    return f"{asked} / {control}"


def readiness_section(rows: Sequence[Readiness]) -> Section:
    rule = (
        f"The rule: a category is ready for full autonomy once the bot has judged at least {MIN_JUDGED} "
        f"of its tickets and the 95% upper bound of its disagreement rate is under {MAX_DISAGREEMENT:.0%}. "
        "A ticket counts as a disagreement when a person overruled the bot, when it ended in another "
        "category, or when "
        "the bot judged it complete and people still asked the reporter for more: the last two need nothing "
        "written, so categories in shadow mode are measured too. A category in full goes back to pilot "
        f"once the interval's lower bound is over {MAX_DISAGREEMENT:.0%}. Set modes with ROLLOUT_CATEGORIES."
    )
    if not rows:
        return Section(
            "readiness", "Readiness per category", ["The bot judged no ticket this month.", Fine(rule)]
        )
    headers = [
        "Category", "Mode this month", "Judged", "Disagreement (95% interval)",
        "Supplied: asked / not asked (holdout, shadow)", "People asked themselves", "Not applicable",
        "Recommendation",
    ]  # fmt: skip
    body = [
        [
            category(r.category), " → ".join(r.modes) or "n/a", num(r.judged), _rate(r), _completion(r),
            pct(r.people_asked), pct(r.not_applicable), f"{r.recommendation}: {r.why}",
        ]
        for r in rows
    ]  # fmt: skip
    table = Table("Readiness per category", headers, body, {2: NUM, 3: NUM, 5: NUM, 6: NUM})
    ready = [category(r.category) for r in rows if r.recommendation == "ready for full"]
    said = (
        f"Ready for full by the rule: {', '.join(ready)}."
        if ready
        else "No category in shadow or pilot mode meets the rule yet."
    )
    return Section("readiness", "Readiness per category", [said, table, Fine(rule)])
