"""The one question we post, built as ADF from the structured assessment.

Nothing from the ticket or from a model's free text goes into it: only our own localized wording
for the checklist items, so a ticket cannot make the bot say something else or mention anyone
but the reporter.
"""

from __future__ import annotations

from typing import Any

from shared.analysis.models import Assessment, MissingItem
from shared.jira import adf

MARKER_KEY = "ai-triage"

_TEXT = {
    "en": {
        "hello": "Hi, to get this started without a round of questions, please add:",
        "field": "please fill in the \u201c{field}\u201d field on this ticket.",
        "hello_to": "Hi {who}, to get this started without a round of questions, please add:",
        "faster": "This request may be faster through: ",
        "footer": (
            "You can edit the description or reply here; the ticket is checked again "
            "automatically. (Automated triage, score {score}/100.)"
        ),
    },
    "ko": {
        "hello": "안녕하세요. 담당자가 바로 작업을 시작할 수 있도록 아래 정보를 추가해 주세요:",
        "field": "이 티켓의 \u201c{field}\u201d 필드를 채워 주세요.",
        "hello_to": "{who}님, 안녕하세요. 담당자가 바로 작업을 시작할 수 있도록 아래 정보를 추가해 주세요:",
        "faster": "이 요청은 다음 경로로 더 빨리 처리될 수 있습니다: ",
        "footer": (
            "설명을 수정하거나 이 댓글에 답글을 남겨 주시면 자동으로 다시 확인합니다. "
            "(자동 분류, 점수 {score}/100)"
        ),
    },
}


def needs_info_comment(
    assessment: Assessment, reporter_account_id: str | None, link: str | None = None
) -> dict[str, Any]:
    """ADF body asking for exactly the missing items, in the ticket's language; with `link` (the
    configured faster path, never the ticket's text) one more line pointing to it."""
    text = _TEXT[assessment.language]
    if reporter_account_id:
        head = text["hello_to"].split("{who}")
        opening = adf.paragraph(
            *([adf.text(head[0])] if head[0] else []),
            adf.mention(reporter_account_id),
            adf.text(head[1]),
        )
    else:
        opening = adf.paragraph(adf.text(text["hello"]))
    items = [[adf.text(m.label, strong=True), adf.text(f": {_ask(m, text)}")] for m in assessment.missing]
    footer = adf.paragraph(adf.text(text["footer"].format(score=assessment.score)))
    faster = [adf.paragraph(adf.text(text["faster"]), adf.link(link, link))] if link else []
    return adf.doc(opening, adf.bullet_list(items), *faster, footer)


def _ask(item: MissingItem, text: dict[str, str]) -> str:
    """Where the ticket has an empty field for the item, point at it; otherwise say why it matters.
    The field's name is the site's own configuration, never the reporter's text."""
    return text["field"].format(field=item.field) if item.field else item.why


def comment_properties(
    assessment: Assessment, fingerprint: str, *, internal: bool, link: str | None = None
) -> list[dict[str, Any]]:
    """Our marker (found again with `expand=properties`), the faster path offered, if any, and,
    for JSM, the visibility."""
    marker: dict[str, Any] = {
        "fingerprint": fingerprint,
        "verdict": assessment.verdict,
        "score": assessment.score,
        "missing": [m.id for m in assessment.missing],
        "version": assessment.version,
    }
    if link:
        marker["link"] = link
    props: list[dict[str, Any]] = [{"key": MARKER_KEY, "value": marker}]
    if internal:
        props.append({"key": "sd.public.comment", "value": {"internal": True}})
    return props


def has_marker(raw_comment: dict[str, Any]) -> bool:
    props = raw_comment.get("properties")
    return isinstance(props, list) and any(isinstance(p, dict) and p.get("key") == MARKER_KEY for p in props)
