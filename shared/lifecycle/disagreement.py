"""A person told us we were wrong: the signal that feeds the eval set and the report's figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import CATEGORIES
from shared.analysis.not_applicable import calls, form_names
from shared.jira.models import Ticket
from shared.lifecycle.policy import Labels
from shared.lifecycle.record import DisagreementKind, LedgerRecord

_NOT_NEEDED = re.compile(
    r"not needed|no need|unnecessary|not necessary"
    r"|already (provided|there|included|in the (description|ticket))|irrelevant|doesn'?t apply"
    r"|필요\s?없|불필요|이미\s?(적|작성|기재|있|포함|드렸)|해당\s?없|상관\s?없",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Disagreement:
    """What a person did (`kind`) and the sentence the audit trail shows."""

    kind: DisagreementKind
    text: str


def detect_disagreement(
    ticket: Ticket, record: LedgerRecord | None, labels: Labels, bot_account_id: str | None
) -> Disagreement | None:
    """A person changed or removed our labels, or answered our question that it was not needed.
    Production mistakes become test cases."""
    if record is None or record.verdict is None:
        return None
    present = set(ticket.labels)
    if record.labels_written and ticket.labels_known:  # no `labels` field is not "removed"
        ours, other = labels.verdict_pair(record.verdict)
        if ours not in present and other in present:
            return Disagreement("labels", f"a person changed our verdict {ours} to {other}")
        if ours not in present and labels.analyzed not in present:
            return Disagreement("labels", "a person removed our labels")
        if ours not in present:
            return Disagreement("labels", f"a person removed our verdict label {ours}")
    if record.commented:
        asked_at = next((c.created for c in ticket.comments if c.id == record.comment_id), None)
        if asked_at is None:  # our question is not in what Jira sent: the order is unknown
            return None
        for comment in ticket.comments:
            later = comment.created is not None and comment.created > asked_at
            if (
                comment.author_id != bot_account_id
                and later
                and _NOT_NEEDED.search(_own_words(comment.text, record, ticket))
            ):
                return Disagreement("reply", "a reply says our question was not needed")
    return None


def _own_words(text: str, record: LedgerRecord, ticket: Ticket) -> str:
    """The reply without its sentences that call checklist items not applicable ("승인자: 해당 없음"):
    those answer our question, item by item. What is left may still say the whole question was
    not needed ("이미 적었습니다", "already in the description")."""
    category = next((c for c in CATEGORIES if c == record.category), None)
    if category is None:
        return text
    for call in calls(text, CHECKLISTS[category], form_names(ticket.form)):
        text = text.replace(call.sentence, " ")
    return text
