"""What a run may write to a ticket, and what it writes: the rollout gate and the action plan.

Pure: the rollout mode, the pilot scope, an operator's `force`, the holdout and a dry run are
resolved once per ticket into a `WritePolicy`; everything downstream (the claim, the plan, the
audit trail, reanalysis's answer) reads that one value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from shared.analysis.models import Assessment
from shared.config import RolloutMode
from shared.jira.models import Ticket
from shared.lifecycle.record import LedgerRecord


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


def in_holdout(key: str, percent: int) -> bool:
    """Deterministic control group: the same ticket is always in or out, on every run."""
    if percent <= 0:
        return False
    bucket = int.from_bytes(hashlib.sha256(f"holdout:{key}".encode()).digest()[:4], "big") % 100
    return bucket < percent


@dataclass(frozen=True)
class RolloutModes:
    """The rollout mode of each category: ROLLOUT_CATEGORIES over the default ROLLOUT_MODE."""

    default: RolloutMode
    by_category: Mapping[str, RolloutMode] = field(default_factory=dict)

    def of(self, category: str | None) -> tuple[RolloutMode, str | None]:
        """The mode for a category, and the category when ROLLOUT_CATEGORIES set it."""
        if category is not None and category in self.by_category:
            return self.by_category[category], category
        return self.default, None

    @property
    def uses_pilot(self) -> bool:
        return "pilot" in (self.default, *self.by_category.values())

    @property
    def writes_somewhere(self) -> bool:
        return any(m != "shadow" for m in (self.default, *self.by_category.values()))


@dataclass(frozen=True)
class WritePolicy:
    """Whether this run may write to this ticket in Jira, and why; resolved once per ticket."""

    write_jira: bool  # the rollout allows comments and labels here (a dry run still plans them)
    mode: str  # as the audit trail records it: "full", "pilot", "shadow", "full (forced)"
    reason: str  # which mode applied and why
    holdout: bool  # the control group: labels, never a question
    dry_run: bool = False  # plan and report only: nothing is written to Jira or the ledger

    @classmethod
    def resolve(
        cls,
        *,
        modes: RolloutModes,
        category: str | None,
        in_pilot: bool,
        key: str,
        holdout_percent: int,
        force: bool = False,
        dry_run: bool = False,
    ) -> WritePolicy:
        """The ticket's category picks its mode (ROLLOUT_CATEGORIES, else ROLLOUT_MODE); `force`
        (an operator's reanalysis) acts as full mode, outside the holdout."""
        holdout = not force and in_holdout(key, holdout_percent)
        if force:
            return cls(True, "full (forced)", "full mode (forced)", holdout, dry_run)
        mode, by = modes.of(category)
        named = f"{mode} mode" if by is None else f"{mode} mode for {by} (ROLLOUT_CATEGORIES)"
        if mode == "shadow":
            return cls(False, mode, f"{named}: nothing is written to Jira", holdout, dry_run)
        if mode == "pilot" and not in_pilot:
            return cls(False, mode, f"{named}: ticket is outside PILOT_JQL", holdout, dry_run)
        return cls(True, mode, named, holdout, dry_run)

    @property
    def acts(self) -> bool:
        """Writes to Jira now (not a dry run)."""
        return self.write_jira and not self.dry_run


@dataclass(frozen=True)
class ActionPlan:
    """What we write to Jira for one ticket (or would, when `write_jira` is false), and why."""

    comment: bool
    comment_reason: str
    add: tuple[str, ...]
    remove: tuple[str, ...]
    write_jira: bool
    mode_reason: str

    @property
    def reason(self) -> str:
        """Why, as the result and the audit trail say it (with the mode when it held us back)."""
        return self.comment_reason if self.write_jira else f"{self.mode_reason}; {self.comment_reason}"

    def without_labels(self, why: str) -> ActionPlan:
        return ActionPlan(
            self.comment, f"{self.comment_reason}; {why}", (), (), self.write_jira, self.mode_reason
        )


def question_update(
    record: LedgerRecord | None, still_open: tuple[str, ...], editor: str | None, bot_account_id: str | None
) -> Literal["edit", "left to a person", "no change"]:
    """Whether our question on the ticket should be edited in place now.

    Only when the set of items it shows as missing changed (so a tick where nothing changed costs
    no call), only when we know what it shows, and never over a person's edit (`editor`: who last
    edited our comment): that one is left as they wrote it."""
    if record is None or not record.commented or not record.comment_id or not record.asked_items:
        return "no change"
    if record.question_kept_by_person or set(still_open) == set(record.items("open")):
        return "no change"
    if bot_account_id is None or editor is None:  # who edited it last is unknown: never risk it
        return "no change"
    return "edit" if editor == bot_account_id else "left to a person"


def written_label(record: LedgerRecord | None, labels: Labels) -> str | None:
    """The verdict label the ledger says we wrote on the ticket, if any."""
    if record is None or not record.labels_written or record.verdict is None:
        return None
    return labels.verdict_pair(record.verdict)[0]


def plan_actions(
    ticket: Ticket,
    assessment: Assessment,
    policy: WritePolicy,
    *,
    already_asked: bool,
    labels: Labels,
    written_before: str | None = None,
) -> ActionPlan:
    """Comment and label changes for one assessed ticket under its write policy.

    `written_before` is the verdict label the ledger says we put on the ticket earlier. It is
    removed when the verdict changes even if the ticket as searched does not show it yet: the
    search can predate another run's label write, and Jira's `remove` of an absent label is a
    no-op, while leaving it would put both verdicts on the ticket."""
    needs_info = assessment.verdict == "NEEDS_INFO"
    verdict_label, other_label = labels.verdict_pair(assessment.verdict)
    current = set(ticket.labels)
    add = tuple(x for x in (labels.analyzed, verdict_label) if x not in current)
    remove = (other_label,) if other_label in current or other_label == written_before else ()
    if not needs_info:
        comment, reason = False, "complete: no question needed"
    elif already_asked:
        comment, reason = False, "our question is already on the ticket"
    elif policy.holdout:
        comment, reason = False, "holdout (control group): labels only"
    elif not assessment.missing:
        comment, reason = False, "nothing specific to ask"
    else:
        comment, reason = True, "information missing"
    # Without write access the plan still says what *would* happen: the audit trail shows it.
    return ActionPlan(comment, reason, add, remove, policy.write_jira, policy.reason)
