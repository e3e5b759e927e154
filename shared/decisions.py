"""Pure decisions of the scan: whether to work on a ticket, and what to do to it in Jira.

No I/O and no clock here: the scan passes `now` and the facts in, and records what comes out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from shared.analysis.models import Assessment
from shared.config import RolloutMode
from shared.jira.models import Ticket
from shared.jira.rendering import render_body
from shared.ledger_models import LedgerRecord

ClaimDecision = Literal["process", "unchanged", "busy", "parked", "recover"]


@dataclass(frozen=True)
class Labels:
    analyzed: str
    high_quality: str
    needs_info: str

    @property
    def ours(self) -> frozenset[str]:
        return frozenset((self.analyzed, self.high_quality, self.needs_info))

    def verdict_pair(self, verdict: str | None) -> tuple[str, str]:
        """The label of this verdict and the other verdict's label."""
        if verdict == "NEEDS_INFO":
            return self.needs_info, self.high_quality
        return self.high_quality, self.needs_info


def fingerprint(ticket: Ticket, analyzer_version: str, bot_account_id: str | None) -> str:
    """Digest of what the judgement depends on: the summary and the one rendering the analyzers
    read (the fields, the description, the reporter's own follow-up comments), and the analyzer's
    version. An edit to a field re-judges a ticket as an edit to the description does; our labels
    and comments are left out, so our own writes never make a ticket look changed."""
    parts = [analyzer_version, ticket.summary, render_body(ticket, bot_account_id)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def in_holdout(key: str, percent: int) -> bool:
    """Deterministic control group: the same ticket is always in or out, on every run."""
    if percent <= 0:
        return False
    bucket = int.from_bytes(hashlib.sha256(f"holdout:{key}".encode()).digest()[:4], "big") % 100
    return bucket < percent


def decide_claim(
    record: LedgerRecord | None, fp: str, now: datetime, max_attempts: int, *, may_write: bool = False
) -> ClaimDecision:
    """What the ledger says about working on this ticket now. `may_write`: this run may write
    to the ticket in Jira (full mode, or inside the pilot scope)."""
    if record is None:
        return "process"
    lease_live = record.lease_until is not None and record.lease_until > now
    if record.state in ("claimed", "commenting") and lease_live:
        return "busy"
    if record.state == "commenting":
        return "recover"  # a run died between "about to post" and "recorded": look before posting
    if record.fingerprint != fp:
        return "process"
    if record.state == "done":
        # Judged in shadow mode or outside the pilot, and now we may act: act once.
        return "process" if may_write and not record.labels_written else "unchanged"
    if record.state == "poisoned" or record.attempts >= max_attempts:
        return "parked"
    return "process"  # "failed" (retry) or a "claimed" whose lease lapsed


@dataclass(frozen=True)
class ActionPlan:
    """What we write to Jira for one ticket (or would, when `write_jira` is false), and why."""

    comment: bool
    comment_reason: str
    add: tuple[str, ...]
    remove: tuple[str, ...]
    write_jira: bool
    mode_reason: str


def written_label(record: LedgerRecord | None, labels: Labels) -> str | None:
    """The verdict label the ledger says we wrote on the ticket, if any."""
    if record is None or not record.labels_written or record.verdict is None:
        return None
    return labels.verdict_pair(record.verdict)[0]


def plan_actions(
    ticket: Ticket,
    assessment: Assessment,
    *,
    mode: RolloutMode,
    in_pilot: bool,
    holdout: bool,
    already_asked: bool,
    labels: Labels,
    written_before: str | None = None,
) -> ActionPlan:
    """Comment and label changes for one assessed ticket under the rollout mode.

    `written_before` is the verdict label the ledger says we put on the ticket earlier. It is
    removed when the verdict changes even if the ticket as searched does not show it yet: the
    search can predate another run's label write, and Jira's `remove` of an absent label is a
    no-op, while leaving it would put both verdicts on the ticket."""
    if mode == "shadow":
        write, mode_reason = False, "shadow mode: nothing is written to Jira"
    elif mode == "pilot" and not in_pilot:
        write, mode_reason = False, "pilot mode: ticket is outside PILOT_JQL"
    else:
        write, mode_reason = True, f"{mode} mode"
    needs_info = assessment.verdict == "NEEDS_INFO"
    verdict_label, other_label = labels.verdict_pair(assessment.verdict)
    current = set(ticket.labels)
    add = tuple(x for x in (labels.analyzed, verdict_label) if x not in current)
    remove = (other_label,) if other_label in current or other_label == written_before else ()
    if not needs_info:
        comment, reason = False, "complete: no question needed"
    elif already_asked:
        comment, reason = False, "our question is already on the ticket"
    elif holdout:
        comment, reason = False, "holdout (control group): labels only"
    elif not assessment.missing:
        comment, reason = False, "nothing specific to ask"
    else:
        comment, reason = True, "information missing"
    # Without write access the plan still says what *would* happen: the audit trail shows it.
    return ActionPlan(comment, reason, add, remove, write, mode_reason)


_NOT_NEEDED = re.compile(
    r"not needed|no need|unnecessary|not necessary"
    r"|already (provided|there|included|in the (description|ticket))|irrelevant|doesn'?t apply"
    r"|필요\s?없|불필요|이미\s?(적|작성|기재|있|포함|드렸)|해당\s?없|상관\s?없",
    re.IGNORECASE,
)


def detect_disagreement(
    ticket: Ticket, record: LedgerRecord | None, labels: Labels, bot_account_id: str | None
) -> str | None:
    """A person told us we were wrong: changed or removed our labels, or answered our question
    that it was not needed. Feeds the eval set (production mistakes become test cases)."""
    if record is None or record.verdict is None:
        return None
    present = set(ticket.labels)
    if record.labels_written and ticket.labels_known:  # no `labels` field is not "removed"
        ours, other = labels.verdict_pair(record.verdict)
        if ours not in present and other in present:
            return f"a person changed our verdict {ours} to {other}"
        if ours not in present and labels.analyzed not in present:
            return "a person removed our labels"
        if ours not in present:
            return f"a person removed our verdict label {ours}"
    if record.commented:
        asked_at = next((c.created for c in ticket.comments if c.id == record.comment_id), None)
        if asked_at is None:  # our question is not in what Jira sent: the order is unknown
            return None
        for comment in ticket.comments:
            later = comment.created is not None and comment.created > asked_at
            if comment.author_id != bot_account_id and later and _NOT_NEEDED.search(comment.text):
                return "a reply says our question was not needed"
    return None


def lease_until(now: datetime, seconds: int) -> datetime:
    return now + timedelta(seconds=seconds)
