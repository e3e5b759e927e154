"""Does a faster path help? Per signature, time to resolution with the link offered against the
same signature's tickets without it (before it was configured, holdout, complete tickets), and
which "Documentation first" requests have no link yet. Pure and deterministic, over facts.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from shared.analysis.deflection import link_for
from shared.report.models import DeflectionRow, LinkCoverage, Ranked, TicketFacts


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def deflection_rows(facts: Sequence[TicketFacts], links: Mapping[str, str]) -> list[DeflectionRow]:
    """Signatures that had a link offered this month or have one configured now, most tickets first."""
    by_sig: defaultdict[str, list[TicketFacts]] = defaultdict(list)
    for f in facts:
        by_sig[f.signature].append(f)
    rows = []
    for sig, group in by_sig.items():
        offered = [f for f in group if f.deflection_link]
        configured = link_for(sig, links)
        if not offered and configured is None:
            continue
        rest = [f for f in group if not f.deflection_link]
        with_hours = [f.resolution_hours for f in offered if f.resolution_hours is not None]
        without_hours = [f.resolution_hours for f in rest if f.resolution_hours is not None]
        shown = configured or Counter(str(f.deflection_link) for f in offered).most_common(1)[0][0]
        rows.append(
            DeflectionRow(
                signature=sig,
                link=shown,
                with_n=len(offered),
                with_resolved=len(with_hours),
                with_median_hours=_median(with_hours),
                without_n=len(rest),
                without_resolved=len(without_hours),
                without_median_hours=_median(without_hours),
            )
        )
    return sorted(rows, key=lambda r: (-(r.with_n + r.without_n), r.signature))


def documentation_links(
    candidates: Sequence[Ranked], facts: Sequence[TicketFacts], links: Mapping[str, str]
) -> dict[str, LinkCoverage]:
    """For each documentation candidate (a request kind), its signatures with a link and without."""
    names = {c.name for c in candidates}
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        if f.request_kind in names:
            counts[f.request_kind][f.signature] += 1
    out = {}
    for kind in sorted(names):
        ordered = [s for s, _ in sorted(counts[kind].items(), key=lambda kv: (-kv[1], kv[0]))]
        out[kind] = LinkCoverage(
            linked=[s for s in ordered if link_for(s, links)],
            unlinked=[s for s in ordered if not link_for(s, links)],
        )
    return out
