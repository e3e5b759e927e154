"""What the site already knows about a ticket, used before and after judging it.

- The category, when the service desk's request type or the issue type says it outright
  (`TRIAGE_CATEGORY_MAP`, e.g. {"requestType:Request access": "access"}): the analyzer does not
  guess then.
- The checklist items a form field answers when its name says nothing (`FIELD_ITEM_MAP`,
  "customfield_10077" -> "approver"): filled, the item is present.
- The empty form field where a missing item belongs ("Approver" exists but is empty): the
  question then says "please fill in the Approver field" instead of asking in general.
"""

from __future__ import annotations

from collections.abc import Mapping

from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import Assessment, Category, MissingItem
from shared.analysis.rules import score_items, verdict_for
from shared.analysis.ticket_text import norm_label
from shared.jira.fields import FormField
from shared.jira.models import Ticket

_MAX_FIELD_NAME = 60


def site_category(ticket: Ticket, mapping: Mapping[str, Category]) -> Category | None:
    """The category the site's request type (first) or issue type names, by the team's map."""
    if not mapping:
        return None
    lowered = {k.lower(): v for k, v in mapping.items()}
    for kind, value in (("requesttype", ticket.request_type), ("issuetype", ticket.issue_type)):
        if value and (found := lowered.get(f"{kind}:{value.strip().lower()}")):
            return found
    return None


def answered_by_fields(ticket: Ticket, category: Category) -> frozenset[str]:
    """Items of the category that a mapped, filled field answers."""
    allowed = {i.id for i in CHECKLISTS[category]}
    return frozenset(f.item for f in ticket.form if f.item in allowed and f.filled)


def credit_fields(assessment: Assessment, answered: frozenset[str], threshold: int) -> Assessment:
    """The assessment with the items mapped fields answer counted as present (score = share of
    the checklist present, as both analyzers define it)."""
    if not answered & {m.id for m in assessment.missing}:
        return assessment
    items = CHECKLISTS[assessment.category]
    present = {*assessment.present, *answered} | ({i.id for i in items} - {m.id for m in assessment.missing})
    score = score_items(items, present)
    verdict = verdict_for(score, threshold)
    missing = tuple(m for m in assessment.missing if m.id not in answered) if verdict == "NEEDS_INFO" else ()
    return assessment.model_copy(
        update={
            "score": score,
            "verdict": verdict,
            "missing": missing,
            "present": tuple(i.id for i in items if i.id in present),
        }
    )


def point_to_fields(assessment: Assessment, ticket: Ticket) -> Assessment:
    """Each missing item that has an empty form field on this ticket names that field."""
    if not assessment.missing or not ticket.form:
        return assessment
    empty = [f for f in ticket.form if not f.filled]
    if not empty:
        return assessment
    items = {i.id: i for i in CHECKLISTS[assessment.category]}
    pointed: list[MissingItem] = []
    for missing in assessment.missing:
        field = _field_for(missing.id, empty, items)
        pointed.append(missing.model_copy(update={"field": field}) if field else missing)
    return assessment.model_copy(update={"missing": tuple(pointed)})


def _field_for(item_id: str, empty: list[FormField], items: Mapping[str, ChecklistItem]) -> str | None:
    item = items.get(item_id)
    pattern = item.labels if item is not None else None
    for field in empty:
        named = pattern is not None and pattern.fullmatch(norm_label(field.name))
        if field.item == item_id or (field.item is None and named):
            name = " ".join(field.name.split())
            return name if 0 < len(name) <= _MAX_FIELD_NAME else None
    return None
