"""The ledger's record of one ticket: what we decided, when, and why. Pure data."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

State = Literal["claimed", "commenting", "done", "failed", "poisoned"]
HISTORY_LIMIT = 25


class Decision(BaseModel):
    """One line of the audit trail."""

    model_config = ConfigDict(frozen=True)
    at: datetime
    outcome: str
    reason: str = ""
    fingerprint: str = ""
    verdict: str | None = None
    score: int | None = None
    mode: str | None = None


class LedgerRecord(BaseModel):
    """Everything the scan needs to know about a ticket it saw before."""

    model_config = ConfigDict(frozen=True)
    key: str
    state: State
    fingerprint: str = ""
    lease_owner: str = ""
    lease_until: datetime | None = None
    attempts: int = 0
    last_error: str = ""
    verdict: str | None = None
    score: int | None = None
    category: str | None = None
    language: str | None = None
    analyzer: str | None = None
    mode: str | None = None
    commented: bool = False
    comment_id: str | None = None
    holdout: bool = False
    labels_written: bool = False
    disagreement: str = ""
    disagreed_at: datetime | None = None
    outcome: str = ""
    history: tuple[Decision, ...] = Field(default=())

    def with_decision(self, decision: Decision) -> tuple[Decision, ...]:
        return (*self.history, decision)[-HISTORY_LIMIT:]
