"""Our one question, kept current as the reporter answers: the items received, the ones still
missing, or that everything is here. Edited in place, never posted twice.

Like the question itself, it is built only from our own localized wording for checklist items:
nothing the ticket says goes into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shared.analysis.checklists import CHECKLISTS
from shared.analysis.comment import needs_info_comment
from shared.analysis.models import Assessment, Language
from shared.jira import adf

_TEXT = {
    "en": {
        "received": "Received, thank you:",
        "na": " (not applicable)",
        "done": "Thank you: everything we asked for is here now.",
        "footer": "(Automated triage, score {score}/100.)",
    },
    "ko": {
        "received": "받은 정보 (감사합니다):",
        "na": " (해당 없음)",
        "done": "감사합니다. 요청드린 정보가 모두 확인되었습니다.",
        "footer": "(자동 분류, 점수 {score}/100)",
    },
}


def item_label(item_id: str, language: Language) -> str:
    """The checklist item's label in the reporter's language (its id if the catalogue lost it)."""
    for items in CHECKLISTS.values():
        for item in items:
            if item.id == item_id:
                return item.label(language)
    return item_id


def still_missing(assessment: Assessment) -> tuple[str, ...]:
    """The items the question must still ask for, by id (none once the ticket is complete)."""
    return tuple(m.id for m in assessment.missing) if assessment.verdict == "NEEDS_INFO" else ()


def kept_current(
    assessment: Assessment, asked: Sequence[str], reporter_account_id: str | None, link: str | None = None
) -> dict[str, Any]:
    """The question's new body: what is still missing (as first asked), then what was received."""
    text = _TEXT[assessment.language]
    open_ids = set(still_missing(assessment))
    na = set(assessment.not_applicable)
    received = [
        item_label(i, assessment.language) + (text["na"] if i in na else "")
        for i in asked
        if i not in open_ids
    ]
    got = [
        adf.paragraph(adf.text(text["received"])),
        adf.bullet_list([[adf.text(f"✓ {x}")] for x in received]),
    ]
    if open_ids:
        doc = needs_info_comment(assessment, reporter_account_id, link)
        content = list(doc["content"])
        if received:
            content[-1:-1] = got  # before the footer
        return {**doc, "content": content}
    footer = adf.paragraph(adf.text(text["footer"].format(score=assessment.score)))
    return adf.doc(adf.paragraph(adf.text(text["done"])), *(got if received else []), footer)
