"""Which categories have earned more autonomy: the readiness table, one row per category.

The team rolls out category by category (ROLLOUT_CATEGORIES). A category earns "full" on measured
agreement with what people did, not on faith. A ticket counts as a disagreement when
- a person overruled the bot (changed or removed its labels, or said the question was not needed:
  only possible where the bot wrote), or
- the category the ticket ended in (REPORT_CATEGORY_MAP) is not the bot's, or
- the bot judged it complete and people still asked the reporter for more before work started.
The last two need nothing written to Jira, so shadow categories get readiness figures too.

The rule: at least `MIN_JUDGED` judged tickets, and the upper bound of the 95% (Wilson) interval
of the disagreement rate under `MAX_DISAGREEMENT`: then "ready for full". A category already in
full is sent "back to pilot" once the interval's lower bound is over that limit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from shared.report.models import Readiness, TicketFacts

MIN_JUDGED = 30
MAX_DISAGREEMENT = 0.10
_Z = 1.959964  # 95%


def wilson(k: int, n: int) -> tuple[float, float] | None:
    """The 95% Wilson score interval of k successes in n (sound for small n and rates near 0)."""
    if n <= 0:
        return None
    p = k / n
    centre = (p + _Z**2 / (2 * n)) / (1 + _Z**2 / n)
    spread = _Z * math.sqrt(p * (1 - p) / n + _Z**2 / (4 * n * n)) / (1 + _Z**2 / n)
    return round(max(0.0, centre - spread), 4), round(min(1.0, centre + spread), 4)


def disagrees(f: TicketFacts) -> bool:
    """What people did says the bot was wrong on this ticket (see the module's docstring). The
    category compared is the bot's own (the one whose rollout mode applied). "People asked for
    more" counts only where the bot never judged the ticket incomplete (`info_supplied` is None:
    no NEEDS_INFO judgement to measure from), so questions asked while it was still incomplete
    are not held against it."""
    ours = f.bot_category or f.category
    wrong_category = f.actual_category is not None and not f.category_by_site and f.actual_category != ours
    missed = f.verdict == "HIGH_QUALITY" and f.info_supplied is None and f.clarifying_rounds > 0
    return f.disagreement or wrong_category or missed


def _share(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def recommend(modes: Sequence[str], judged: int, interval: tuple[float, float] | None) -> tuple[str, str]:
    """The rule, in words a team lead can check. Autonomy is earned on evidence and lost on
    evidence: a shadow or pilot category moves up once the interval's upper bound is under the
    limit; a category in full is sent back only once its lower bound is over it."""
    now = modes[-1] if modes else "shadow"
    if judged < MIN_JUDGED or interval is None:
        return f"stay in {now}", f"{judged} judged; the rule needs at least {MIN_JUDGED}"
    low, high = interval
    limit = f"{MAX_DISAGREEMENT:.0%}"
    if now.startswith("full"):
        if low >= MAX_DISAGREEMENT:
            return "back to pilot", f"disagreement at least {low:.0%} (95% lower bound), over {limit}"
        return "full", f"disagreement {low:.0%}-{high:.0%} (95% interval), not shown over {limit}"
    if high < MAX_DISAGREEMENT:
        return "ready for full", f"disagreement up to {high:.0%} (95% upper bound), under {limit}"
    return f"stay in {now}", f"disagreement up to {high:.0%} (95% upper bound), not under {limit}"


def readiness(facts: Iterable[TicketFacts]) -> list[Readiness]:
    """One row per category the bot judged this month, in the order of the most judged first."""
    by_category: defaultdict[str, list[TicketFacts]] = defaultdict(list)
    for f in facts:
        if f.verdict is not None:
            by_category[f.bot_category or f.category].append(f)
    rows = []
    for name, items in sorted(by_category.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        judged = len(items)
        k = sum(1 for f in items if disagrees(f))
        # An operator's forced reanalysis says nothing of the category's mode.
        seen = [f.mode for f in sorted(items, key=_when) if f.mode and "forced" not in f.mode]
        ordered = [m for m in dict.fromkeys(seen) if m != seen[-1]] + seen[-1:]  # the latest last
        asked = [f for f in items if f.bot_commented]
        # Judged NEEDS_INFO at some point (its supply is measured from then), whatever it ended as.
        needs = [f for f in items if f.info_supplied is not None]
        # Not asked: the holdout, and in shadow (or outside the pilot) everything the bot would ask.
        control = [f for f in needs if not f.bot_commented]
        interval = wilson(k, judged)
        recommendation, why = recommend(ordered, judged, interval)
        rows.append(
            Readiness(
                category=name,
                modes=ordered,
                judged=judged,
                disagreements=k,
                disagreement_rate=_share(k, judged),
                interval=interval,
                asked=len(asked),
                completed_after_question=_share(sum(1 for f in asked if f.info_supplied), len(asked)),
                holdout=len(control),
                completed_in_holdout=_share(sum(1 for f in control if f.info_supplied), len(control)),
                people_asked=_share(sum(1 for f in needs if f.clarifying_rounds > 0), len(needs)),
                not_applicable=_share(sum(1 for f in asked if f.not_applicable), len(asked)),
                recommendation=recommendation,
                why=why,
            )
        )
    return rows


def _when(f: TicketFacts) -> tuple[str, str]:
    return (f.created.isoformat() if f.created else "", f.key)
