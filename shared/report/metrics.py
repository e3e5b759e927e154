"""The month's numbers over extracted facts: effect of the bot, category accuracy, candidates.

Pure and deterministic; every rate comes with its n so a reader can judge small samples.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence

from shared.analysis.models import CATEGORIES
from shared.report.models import Confusion, Effect, Ranked, TicketFacts

ROUTINE = ("access", "cloud_resource", "deployment")


def _mean(values: Sequence[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


def effect(facts: Sequence[TicketFacts], previous: Effect | None) -> Effect:
    """Completion after our question, and clarifying rounds: commented vs holdout vs untouched."""
    questioned = [f for f in facts if f.bot_commented]
    completed = [f for f in questioned if f.info_supplied]
    waits = [f.info_supplied_hours for f in completed if f.info_supplied_hours is not None]
    commented = [float(f.clarifying_rounds) for f in questioned]
    holdout = [float(f.clarifying_rounds) for f in facts if f.holdout and f.verdict == "NEEDS_INFO"]
    # Judged in shadow mode only (nothing written) is untouched for the people working the ticket.
    untouched = [float(f.clarifying_rounds) for f in facts if f.verdict is None or not f.bot_wrote]
    judged = [f for f in facts if f.verdict is not None and f.bot_wrote]
    disagreed = sum(1 for f in judged if f.disagreement)
    return Effect(
        judged_by_bot=len(judged),
        disagreements=disagreed,
        disagreement_rate=round(disagreed / len(judged), 4) if judged else None,
        questioned=len(questioned),
        completed=len(completed),
        completion_rate=round(len(completed) / len(questioned), 4) if questioned else None,
        median_hours_to_complete=round(statistics.median(waits), 1) if waits else None,
        rounds_commented=_mean(commented),
        rounds_holdout=_mean(holdout),
        rounds_untouched=_mean(untouched),
        rounds_previous_month=previous.rounds_untouched if previous else None,
        commented_n=len(commented),
        holdout_n=len(holdout),
        untouched_n=len(untouched),
    )


def confusion(facts: Sequence[TicketFacts]) -> Confusion:
    """Our category against the one the ticket ended in (where the mapping knows it). Tickets whose
    category the site's request or issue type set are left out: they measure the map, not us."""
    labels = list(CATEGORIES)
    index: dict[str, int] = {c: i for i, c in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    by_site = [f for f in facts if f.category_by_site]
    facts = [f for f in facts if not f.category_by_site]
    known = [f for f in facts if f.actual_category in index and f.category in index]
    for f in known:
        matrix[index[str(f.actual_category)]][index[f.category]] += 1
    correct = sum(matrix[i][i] for i in range(len(labels)))
    precision: dict[str, float | None] = {}
    recall: dict[str, float | None] = {}
    for c, i in index.items():
        predicted = sum(matrix[r][i] for r in range(len(labels)))
        actual = sum(matrix[i])
        precision[c] = round(matrix[i][i] / predicted, 4) if predicted else None
        recall[c] = round(matrix[i][i] / actual, 4) if actual else None
    return Confusion(
        labels=list(labels),
        matrix=matrix,
        accuracy=round(correct / len(known), 4) if known else None,
        coverage=round(len(known) / len(facts), 4) if facts else 0.0,
        precision=precision,
        recall=recall,
        decided_by_site=len(by_site),
    )


def automation_candidates(recurring: Sequence[Ranked], facts: Sequence[TicketFacts]) -> list[Ranked]:
    """Routine requests that repeat: ranked by count times typical handling time (hours saved)."""
    routine = [r for r in recurring if r.name.split("/", 1)[0] in ROUTINE and r.count >= 3]
    return sorted(routine, key=lambda r: (-(r.count * (r.median_resolution_hours or 1.0)), r.name))[:10]


def documentation_candidates(facts: Sequence[TicketFacts], total: int) -> list[Ranked]:
    """Kinds of request where people keep being asked for more: document the template first."""
    rounds: defaultdict[str, list[int]] = defaultdict(list)
    needs_info: defaultdict[str, int] = defaultdict(int)
    keys: defaultdict[str, list[str]] = defaultdict(list)
    for f in facts:
        rounds[f.request_kind].append(f.clarifying_rounds)
        keys[f.request_kind].append(f.key)
        if f.verdict == "NEEDS_INFO":
            needs_info[f.request_kind] += 1
    scored = []
    for kind, values in rounds.items():
        asked = sum(values) + needs_info[kind]
        if len(values) >= 2 and asked > 0:
            scored.append((asked, kind, values))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [
        Ranked(
            name=kind,
            count=len(values),
            share=round(len(values) / total, 4) if total else 0.0,
            previous=None,
            examples=keys[kind][:5],
            median_resolution_hours=None,
        )
        for _, kind, values in scored[:10]
    ]
