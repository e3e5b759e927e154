"""The ledger's record of one ticket, and the only ways it changes.

A ticket's row moves `claimed` -> (`commenting`) -> `done`, or to `failed`/`poisoned` when a run
fails; each move is a method here that returns the next record, so the lifecycle reads in one
place and a misspelt state or outcome is a type error (`State`, `Outcome` are Literals). Pure
data: the ledger adapter stores it, the triage runner decides which move to make.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator

if TYPE_CHECKING:
    from shared.analysis.models import Assessment

State = Literal["claimed", "commenting", "done", "failed", "poisoned"]
# What happened to one ticket in one run (a `TicketResult`, a line of the audit trail).
Outcome = Literal[
    "analyzed", "unchanged", "busy", "parked", "rejected", "failed", "poisoned", "deferred", "dry_run",
    "disagreement",
]  # fmt: skip
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
# How a person disagreed with us: by our labels (we stop managing them there) or by a reply.
DisagreementKind = Literal["labels", "reply"]
HISTORY_LIMIT = 25


class Decision(BaseModel):
    """One line of the audit trail."""

    model_config = ConfigDict(frozen=True)
    at: datetime
    outcome: Outcome
    reason: str = ""
    fingerprint: str = ""
    verdict: str | None = None
    score: int | None = None
    mode: str | None = None
    mode_reason: str | None = None  # which mode applied and why (ROLLOUT_CATEGORIES or ROLLOUT_MODE)


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
    # Our question's items, comma-separated (a table cell holds no list): as first asked, and as
    # the comment shows them still missing now. Empty when unknown (rows from before).
    asked_items: str = ""
    open_items: str = ""
    question_kept_by_person: bool = False  # a person edited our question: we leave it as they wrote it
    deflection_link: str | None = None  # the faster path our question offered (DEFLECTION_LINKS)
    holdout: bool = False
    labels_written: bool = False
    # Item ids the reporter called not applicable; one "a,b" string in a table row (no list type there).
    not_applicable: Annotated[
        tuple[str, ...],
        BeforeValidator(lambda v: tuple(i for i in v.split(",") if i) if isinstance(v, str) else v),
        PlainSerializer(",".join, return_type=str, when_used="json"),
    ] = ()
    disagreement: str = ""
    disagreement_kind: DisagreementKind | Literal[""] = ""
    disagreed_at: datetime | None = None
    outcome: Outcome | Literal[""] = ""
    history: tuple[Decision, ...] = Field(default=())

    @model_validator(mode="before")
    @classmethod
    def _kind_of_older_rows(cls, data: Any) -> Any:
        """Rows written before the kind was stored: the sentence says which it was."""
        if isinstance(data, dict) and data.get("disagreement") and not data.get("disagreement_kind"):
            by_labels = str(data["disagreement"]).startswith("a person")
            data = {**data, "disagreement_kind": "labels" if by_labels else "reply"}
        return data

    @property
    def labels_overruled(self) -> bool:
        """A person overruled our labels on this ticket once: we stop managing them there."""
        return self.disagreement_kind == "labels"

    def with_decision(self, decision: Decision) -> tuple[Decision, ...]:
        return (*self.history, decision)[-HISTORY_LIMIT:]

    # ----- the moves -------------------------------------------------------------------------
    @classmethod
    def new_claim(cls, key: str, fingerprint: str, *, owner: str, until: datetime) -> LedgerRecord:
        """The row a run inserts for a ticket the ledger has never seen."""
        return cls(key=key, state="claimed", fingerprint=fingerprint, lease_owner=owner, lease_until=until)

    def claimed(self, fingerprint: str, *, owner: str, until: datetime, recovering: bool) -> LedgerRecord:
        """Taken over by a run. A row found in `commenting` stays there (`recovering`): a run died
        between intent and record, so the question may be on the ticket already. Attempts count
        per version of the ticket: an edit starts them again."""
        return self.model_copy(
            update={
                "state": "commenting" if recovering else "claimed",
                "fingerprint": fingerprint,
                "lease_owner": owner,
                "lease_until": until,
                "attempts": self.attempts if self.fingerprint == fingerprint else 0,
            }
        )

    def renewed(self, until: datetime) -> LedgerRecord:
        """The same claim, held longer: the run is alive and still working on the ticket."""
        return self.model_copy(update={"lease_until": until})

    def retried_by_operator(self) -> LedgerRecord:
        """An operator asked for this ticket: its attempts toward parking start again."""
        return self.model_copy(update={"attempts": 0})

    def commenting(self, until: datetime) -> LedgerRecord:
        """The intent, written before the question is posted (with the lease renewed): a run that
        dies after posting leaves this behind, and the next run looks for our question before
        asking."""
        return self.model_copy(update={"state": "commenting", "lease_until": until})

    def asked(
        self, comment_id: str | None, items: tuple[str, ...] = (), link: str | None = None
    ) -> LedgerRecord:
        """Our question is on the ticket (asking for `items`, when known, with the faster path it
        offered, if any; a question found again after a crash keeps what the row knew)."""
        update: dict[str, Any] = {"commented": True, "comment_id": comment_id}
        if items:
            update.update(asked_items=",".join(items), open_items=",".join(items))
        if link:
            update["deflection_link"] = link
        return self.model_copy(update=update)

    def question_updated(self, still_open: tuple[str, ...]) -> LedgerRecord:
        """Our question, edited in place, now shows these items as still missing."""
        return self.model_copy(update={"open_items": ",".join(still_open)})

    def question_left_to_person(self) -> LedgerRecord:
        """A person edited our question: from now on it is theirs."""
        return self.model_copy(update={"question_kept_by_person": True})

    def items(self, which: Literal["asked", "open"]) -> tuple[str, ...]:
        value = self.asked_items if which == "asked" else self.open_items
        return tuple(x for x in value.split(",") if x)

    def disagreed(
        self, kind: DisagreementKind, disagreement: str, *, at: datetime, fingerprint: str
    ) -> LedgerRecord:
        """A person's disagreement with our verdict, recorded once, with its time."""
        return self.model_copy(
            update={
                "disagreement": disagreement,
                "disagreement_kind": kind,
                "disagreed_at": at,
                "history": self.with_decision(
                    Decision(at=at, outcome="disagreement", reason=disagreement, fingerprint=fingerprint)
                ),
            }
        )

    def analyzed(
        self,
        assessment: Assessment,
        *,
        reason: str,
        wrote_jira: bool,
        fingerprint: str,
        at: datetime,
        mode: str,
        holdout: bool,
        mode_reason: str | None = None,
    ) -> LedgerRecord:
        """Judged: the lease released, the verdict and why, one more decision."""
        return self.model_copy(
            update={
                "state": "done",
                "lease_owner": "",
                "lease_until": None,
                "attempts": 0,
                "last_error": "",
                "verdict": assessment.verdict,
                "score": assessment.score,
                "category": assessment.category,
                "language": assessment.language,
                "analyzer": assessment.analyzer,
                "mode": mode,
                "holdout": holdout,
                "not_applicable": assessment.not_applicable,
                "labels_written": self.labels_written or wrote_jira,
                "outcome": "analyzed",
                "history": self.with_decision(
                    Decision(
                        at=at,
                        outcome="analyzed",
                        reason=reason,
                        fingerprint=fingerprint,
                        verdict=assessment.verdict,
                        score=assessment.score,
                        mode=mode,
                        mode_reason=mode_reason,
                    )
                ),
            }
        )

    def failed(
        self,
        error: str,
        *,
        counts: bool,
        max_attempts: int,
        verdict_stands: bool,
        fingerprint: str,
        at: datetime,
        mode: str,
    ) -> LedgerRecord:
        """A run failed on the ticket; the lease is released.

        `counts`: the failure is the ticket's, so it moves toward being parked (an unavailable
        LLM or a run stopped from outside is everyone's problem, retried next tick). A row left
        in `commenting` stays there, so the next run looks for our question before asking. An
        operator's re-run of an unchanged, analyzed ticket that fails leaves the verdict on
        record (and in Jira) standing."""
        attempts = self.attempts + (1 if counts else 0)
        parked = attempts >= max_attempts
        state: State
        if verdict_stands and self.state != "commenting":
            state, attempts, parked = "done", 0, False
        else:
            state = "poisoned" if parked else ("commenting" if self.state == "commenting" else "failed")
        outcome: Outcome = "poisoned" if parked else "failed"
        decision = Decision(at=at, outcome=outcome, reason=error[:300], fingerprint=fingerprint, mode=mode)
        return self.model_copy(
            update={
                "state": state,
                "lease_owner": "",
                "lease_until": None,
                "attempts": attempts,
                "last_error": error[:500],
                "outcome": outcome,
                "history": self.with_decision(decision),
            }
        )
