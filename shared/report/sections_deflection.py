"""The "Faster path" section: resolution time with the DEFLECTION_LINKS page offered and without,
and the marker the "Documentation first" table shows for requests that have no link yet."""

from __future__ import annotations

from shared.report.blocks import NA, NAME, NUM, SMALL, Block, Fine, Section, Table, hours, num
from shared.report.models import Aggregate, DeflectionRow, LinkCoverage

NO_LINK_YET = "no link yet"
_LISTED = 3


def link_marker(coverage: LinkCoverage | None) -> str:
    """"linked", "no link yet", or the signatures still without one when only some have it."""
    if coverage is None or not coverage.unlinked:
        return "linked" if coverage and coverage.linked else NO_LINK_YET
    if not coverage.linked:
        return NO_LINK_YET
    more = len(coverage.unlinked) - _LISTED
    names = ", ".join(coverage.unlinked[:_LISTED]) + (f" (+{more} more)" if more > 0 else "")
    return f"{NO_LINK_YET}: {names}"


def _difference(r: DeflectionRow) -> str:
    if r.with_median_hours is None or r.without_median_hours is None:
        return NA
    return f"{r.with_median_hours - r.without_median_hours:+.1f} h"


def deflection_section(a: Aggregate) -> Section:
    title = "Faster path"
    if not a.deflection:
        text = (
            "No request this month had a faster path (a how-to or self-service page in DEFLECTION_LINKS) "
            "offered or configured, so there is nothing to compare yet."
        )
        return Section("deflection", title, [text])
    intro = (
        "Requests with a how-to or self-service page (DEFLECTION_LINKS) that our question can point to. "
        "Median time to resolution of the tickets whose question offered the page, against the same "
        "request's tickets without it (asked before the page was configured, the holdout, complete "
        "tickets, tickets the bot did not ask about)."
    )
    headers = ["Request", "Link", "With link: tickets", "resolved", "median", "Without: tickets", "resolved",
               "median", "Difference"]  # fmt: skip
    rows = [
        [r.signature, r.link or "-", num(r.with_n), num(r.with_resolved), hours(r.with_median_hours),
         num(r.without_n), num(r.without_resolved), hours(r.without_median_hours), _difference(r)]
        for r in a.deflection
    ]  # fmt: skip
    classes = {0: NAME} | dict.fromkeys(range(2, len(headers)), NUM)
    table = Table("Resolution time with the faster path offered and without", headers, rows, classes)
    blocks: list[Block] = [intro, table]
    if any(0 < min(r.with_resolved, r.without_resolved) < SMALL for r in a.deflection):
        small = f"Fewer than {SMALL} resolved tickets on a side: read the difference as a hint, not a result."
        blocks.append(Fine(small))
    return Section("deflection", title, blocks)
