"""Whether a run may work on a ticket now: its fingerprint, the ledger's claim and its lease.

Pure: no I/O and no clock here; the triage runner passes `now` and the ledger row in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from shared.jira.models import Ticket
from shared.jira.rendering import render_body
from shared.lifecycle.record import LedgerRecord, State

ClaimDecision = Literal["process", "unchanged", "busy", "parked", "recover"]
# The named groups are typed, so a misspelt member fails the type check (a tuple of strings would not).
HELD: frozenset[State] = frozenset({"claimed", "commenting"})  # a run holds the row while its lease lives
LEFT_ALONE: frozenset[ClaimDecision] = frozenset({"unchanged", "busy", "parked"})  # this run does no work
RETRIED_BY_OPERATOR: frozenset[ClaimDecision] = frozenset(
    {"unchanged", "parked"}
)  # a reanalysis works anyway
NOT_READ: frozenset[ClaimDecision] = frozenset({"busy", "parked"})  # no need to look for a disagreement


def fingerprint(ticket: Ticket, analyzer_version: str, bot_account_id: str | None) -> str:
    """Digest of what the judgement depends on: the summary and the one rendering the analyzers
    read (the fields, the description, the reporter's own follow-up comments), and the analyzer's
    version. An edit to a field re-judges a ticket as an edit to the description does; our labels
    and comments are left out, so our own writes never make a ticket look changed."""
    parts = [analyzer_version, ticket.summary, render_body(ticket, bot_account_id)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def decide_claim(
    record: LedgerRecord | None, fp: str, now: datetime, max_attempts: int, *, may_write: bool = False
) -> ClaimDecision:
    """What the ledger says about working on this ticket now. `may_write`: this run may write
    to the ticket in Jira (full mode, or inside the pilot scope)."""
    if record is None:
        return "process"
    lease_live = record.lease_until is not None and record.lease_until > now
    if record.state in HELD and lease_live:
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


def lease_until(now: datetime, seconds: int) -> datetime:
    return now + timedelta(seconds=seconds)


@dataclass
class Claim:
    """The ledger row a run holds for one ticket, with its current ETag (each write changes it).

    `look_first`: look for our question on the ticket before asking (a run died between intent
    and record, or the ticket was parked with its question's fate unknown, or our label is there
    without a ledger row). `verdict_stands`: an operator re-ran an unchanged, analyzed ticket, so
    a failure of this run leaves the verdict on record standing."""

    record: LedgerRecord
    etag: str
    look_first: bool = False
    verdict_stands: bool = False
