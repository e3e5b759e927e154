"""The checklist questions reporters answered "does not apply", per item and request kind.

Evidence about the checklist itself: a question called not applicable again and again for one kind
of request ("approver" for read-only access) is one to drop or reword for that kind. Counted from
the ledger's record of each ticket (`TicketFacts.not_applicable`, "category.item"); pure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from shared.analysis.checklists import CHECKLISTS, item
from shared.analysis.models import CATEGORIES
from shared.report.blocks import KEYS, NAME, NUM, Section, Table, _share, category, num, pct
from shared.report.models import Aggregate, NotApplicableItem, TicketFacts

_EXAMPLES = 5


def not_applicable_items(facts: Sequence[TicketFacts]) -> list[NotApplicableItem]:
    """Per checklist item: how many tickets called it not applicable, of how many asked in its
    category, in which request kinds; most often called first. `facts` in key order."""
    tickets: defaultdict[str, list[TicketFacts]] = defaultdict(list)
    for fact in facts:
        for called in dict.fromkeys(fact.not_applicable):
            tickets[called].append(fact)
    asked = Counter(f.bot_category or f.category for f in facts if f.bot_commented)
    rows = []
    for called, found in tickets.items():
        cat, _, item_id = called.partition(".")
        known = next((c for c in CATEGORIES if c == cat), None)
        question = item(known, item_id) if known is not None else None
        kinds = Counter(f.request_kind for f in found)
        rows.append(
            NotApplicableItem(
                category=cat,
                item=item_id,
                label=question.label_en if question is not None else item_id,
                count=len(found),
                asked=asked.get(cat, 0),
                kinds=dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
                examples=[f.key for f in found[:_EXAMPLES]],
            )
        )
    order = {f"{c}.{i.id}": n for n, (c, i) in enumerate((c, i) for c in CATEGORIES for i in CHECKLISTS[c])}
    return sorted(rows, key=lambda r: (-r.count, order.get(f"{r.category}.{r.item}", len(order)), r.item))


def not_applicable_section(a: Aggregate) -> Section:
    """The table: which question reporters said does not apply, how often, for which kinds."""
    title = "Questions reporters called not applicable"
    if not a.not_applicable:
        text = "No reporter answered that a question of ours does not apply this month."
        return Section("not-applicable", title, [text])
    intro = (
        "Checklist items the reporter answered with \u201cnot applicable\u201d (\u201cApprover: N/A\u201d, "
        "\u201c승인자: 해당 없음\u201d) instead of the information: each counts as answered. A question "
        "called not applicable often for one kind of request is one to drop or reword for that kind."
    )
    rows = [
        [
            category(r.category), r.label, num(r.count), f"{pct(_share(r.count, r.asked))} of {num(r.asked)}",
            ", ".join(f"{kind} ({n})" for kind, n in r.kinds.items()), ", ".join(r.examples) or "-",
        ]
        for r in a.not_applicable
    ]  # fmt: skip
    headers = ["Category", "Question", "Tickets", "Of those asked", "Request kinds", "Examples"]
    table = Table(title, headers, rows, {0: NAME, 2: NUM, 3: NUM, 5: KEYS}, header_col=1)
    return Section("not-applicable", title, [intro, table])
