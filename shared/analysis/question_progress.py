"""Our one question, kept current as the reporter answers: the items received, the ones still
missing, or that everything is here. Edited in place, never posted twice.

Like the question itself, it is built only from our own localized wording for checklist items:
nothing the ticket says goes into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shared.analysis.checklists import item
from shared.analysis.comment import needs_info_comment
from shared.analysis.models import CATEGORIES, Assessment, Category, Language
from shared.jira import adf

_TEXT = {
    "en": {
        "received": "Received, thank you:",
        "na": " (not applicable)",
        "done": "Thank you: everything we asked for is here now.",
        "ready": "Thank you: the ticket has what it needs to go ahead now.",
        "footer": "(Automated triage, score {score}/100.)",
    },
    "ko": {
        "received": "받은 정보 (감사합니다):",
        "na": " (해당 없음)",
        "done": "감사합니다. 요청드린 정보가 모두 확인되었습니다.",
        "ready": "감사합니다. 이제 작업을 진행할 수 있습니다.",
        "footer": "(자동 분류, 점수 {score}/100)",
    },
}


def item_label(item_id: str, category: Category, language: Language) -> str:
    """The checklist item's label in the reporter's language: from the ticket's category, else
    from whichever checklist holds the id (we asked under another), else the id itself."""
    found = item(category, item_id) or next((i for c in CATEGORIES if (i := item(c, item_id))), None)
    return found.label(language) if found is not None else item_id


def progress(assessment: Assessment, asked: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Of the items we asked for: those still missing, and those received (found in the ticket,
    or answered "not applicable"). An asked item the judgement says neither of (the category
    changed, or a model's score passed the threshold without naming it) is in neither: never
    thanked for, never asked again. Items we did not ask for are not added to the question."""
    missing = {m.id for m in assessment.missing} if assessment.verdict == "NEEDS_INFO" else set()
    found = {*assessment.present, *assessment.not_applicable}
    still = tuple(i for i in asked if i in missing)
    received = tuple(i for i in asked if i in found and i not in missing)
    return still, received


def kept_current(
    assessment: Assessment, asked: Sequence[str], reporter_account_id: str | None, link: str | None = None
) -> dict[str, Any]:
    """The question's new body: what is still missing (as first asked), then what was received;
    "everything is here" only when every item we asked for was received."""
    text = _TEXT[assessment.language]
    still, received_ids = progress(assessment, asked)
    na = set(assessment.not_applicable)
    received = [
        item_label(i, assessment.category, assessment.language) + (text["na"] if i in na else "")
        for i in received_ids
    ]
    got = [
        adf.paragraph(adf.text(text["received"])),
        adf.bullet_list([[adf.text(f"✓ {x}")] for x in received]),
    ]
    footer = adf.paragraph(adf.text(text["footer"].format(score=assessment.score)))
    if still:
        missing = [m for m in assessment.missing if m.id in set(still)]
        doc = needs_info_comment(
            assessment.model_copy(update={"missing": tuple(missing)}), reporter_account_id, link
        )
        content = list(doc["content"])
        if received:
            content[-1:-1] = got  # before the footer
        return {**doc, "content": content}
    opening = text["done"] if len(received_ids) == len(asked) else text["ready"]
    return adf.doc(adf.paragraph(adf.text(opening)), *(got if received else []), footer)
