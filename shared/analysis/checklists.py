"""Per-category checklists of this DevOps queue: what an assignee needs before work can start.

Each item has the question we ask (Korean and English), why it matters, and how to see that the
ticket already answers it: a labelled field with a real value ("Role: Developer", "| 승인자 | ... |")
or wording that carries the answer. An empty field ("Approver:", "TBD", "미정") answers nothing.
Both analyzers use the same item ids, so the comment is always built from this catalogue, never
from model-written text. Each category's items live in a module named for it: `checklist_access`,
`checklist_cloud`, `checklist_troubleshooting` (with what pasted logs answer in
`troubleshooting_evidence` and where a problem is named in `where_reading`), `checklist_deploy` and
`checklist_other`. What they share: the item itself in `checklist_item`, the words in `vocabulary`
and the `answer_cues` modules (`answer_cues`, `_access`, `_region`, `_problem`,
`_troubleshooting`), the reading of a ticket's structure in `ticket_text`, `ticket_reading` and
`table_reading`, and of a request for several things in `request_parts`.
"""

from __future__ import annotations

from shared.analysis.checklist_access import ACCESS
from shared.analysis.checklist_cloud import CLOUD
from shared.analysis.checklist_deploy import DEPLOY
from shared.analysis.checklist_item import ChecklistItem, Detector
from shared.analysis.checklist_other import OTHER
from shared.analysis.checklist_troubleshooting import TROUBLE
from shared.analysis.models import Category

__all__ = [
    "ACCESS",
    "CHECKLISTS",
    "CLOUD",
    "DEPLOY",
    "ITEM_IDS",
    "OTHER",
    "TROUBLE",
    "ChecklistItem",
    "Detector",
    "item",
]

CHECKLISTS: dict[Category, tuple[ChecklistItem, ...]] = {
    "access": ACCESS,
    "cloud_resource": CLOUD,
    "troubleshooting": TROUBLE,
    "deployment": DEPLOY,
    "other": OTHER,
}
ITEM_IDS: frozenset[str] = frozenset(i.id for items in CHECKLISTS.values() for i in items)


def item(category: Category, item_id: str) -> ChecklistItem | None:
    return next((i for i in CHECKLISTS[category] if i.id == item_id), None)
