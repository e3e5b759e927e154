"""What one run reports for one ticket (to the scan summary, the HTTP API and the CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from shared.analysis.models import Assessment, MissingItem
from shared.jira.errors import JiraNotFound, JiraRateLimited, JiraTransient
from shared.lifecycle.claims import ClaimDecision
from shared.lifecycle.policy import ActionPlan, WritePolicy
from shared.lifecycle.record import LedgerRecord, Outcome
from shared.llm.errors import LLMUnavailable

# What an operator (or an HTTP client, or the scan's breaker) can do about a failure.
ErrorKind = Literal[
    "rate_limited",
    "jira_unavailable",
    "llm_rate_limited",
    "llm_unavailable",
    "not_found",
    "stopped",
    "failed",
]
LLM_DOWN: frozenset[ErrorKind] = frozenset({"llm_rate_limited", "llm_unavailable"})
# Outcomes that leave a ticket for a later run: the watermark stays, the window still covers it.
UNFINISHED: frozenset[Outcome] = frozenset({"failed", "deferred", "busy"})
FAILED: frozenset[Outcome] = frozenset({"failed", "poisoned"})
# Outcomes an operator's command counts as done (the CLI's exit code 0).
SETTLED: frozenset[Outcome] = frozenset({"analyzed", "dry_run", "unchanged"})


class RunStopped(Exception):
    """The run was stopped from outside (its time budget ran out, the host shut down) before it
    finished the ticket: not the ticket's fault, so not an attempt toward parking it."""


class TicketResult(BaseModel):
    """What happened to one ticket in one run, and why."""

    key: str
    outcome: Outcome = Field(
        description="analyzed | unchanged | busy | parked | rejected | failed | poisoned | deferred | dry_run"
        " | disagreement"
    )
    reason: str = ""
    verdict: str | None = None
    score: int | None = None
    category: str | None = None
    language: str | None = None
    missing: list[MissingItem] = Field(default_factory=list)
    commented: bool = False
    would_comment: bool = False
    labels_added: list[str] = Field(default_factory=list)
    labels_removed: list[str] = Field(default_factory=list)
    fallback_reason: str | None = None
    holdout: bool = False
    error_kind: ErrorKind | None = None
    retry_after: float | None = None
    mode: str | None = Field(None, description="the rollout mode that applied to this ticket")
    mode_reason: str | None = Field(None, description="which mode applied and why")


def error_kind(exc: Exception) -> tuple[ErrorKind, float | None]:
    if isinstance(exc, JiraRateLimited):
        return "rate_limited", exc.retry_after
    if isinstance(exc, JiraTransient):
        return "jira_unavailable", exc.retry_after
    if isinstance(exc, LLMUnavailable):
        return ("llm_rate_limited" if exc.rate_limited else "llm_unavailable"), exc.retry_after
    if isinstance(exc, JiraNotFound):
        return "not_found", None
    if isinstance(exc, RunStopped):
        return "stopped", None
    return "failed", None


def counts_toward_parking(exc: Exception) -> bool:
    """An unavailable LLM or a run stopped from outside is everyone's problem, not the ticket's."""
    return not isinstance(exc, LLMUnavailable | RunStopped)


def failed_result(key: str, outcome: Outcome, exc: Exception) -> TicketResult:
    kind, retry_after = error_kind(exc)
    return TicketResult(
        key=key, outcome=outcome, reason=str(exc)[:300], error_kind=kind, retry_after=retry_after
    )


def analyzed_result(
    key: str, assessment: Assessment, plan: ActionPlan, policy: WritePolicy, *, posted: bool
) -> TicketResult:
    wrote = plan.write_jira and not policy.dry_run
    return TicketResult(
        key=key,
        outcome="dry_run" if policy.dry_run else "analyzed",
        reason=plan.reason,
        verdict=assessment.verdict,
        score=assessment.score,
        category=assessment.category,
        language=assessment.language,
        missing=list(assessment.missing),
        commented=posted,
        would_comment=plan.comment,
        labels_added=list(plan.add) if wrote else [],
        labels_removed=list(plan.remove) if wrote else [],
        fallback_reason=assessment.fallback_reason,
        holdout=policy.holdout,
        mode=policy.mode,
        mode_reason=policy.reason,
    )


def busy(key: str, why: str = "claimed by another run", retry_after: float | None = None) -> TicketResult:
    return TicketResult(key=key, outcome="busy", reason=why, retry_after=retry_after)


def left_alone(
    key: str, decision: ClaimDecision, prior: LedgerRecord, now: datetime, disagreement: str | None
) -> TicketResult:
    """What a run reports for a ticket it does not work on: unchanged since its analysis (or, with
    `disagreement`, newly overruled by a person), claimed by another run, or parked."""
    if decision == "busy":
        return busy(key, retry_after=(prior.lease_until - now).total_seconds() if prior.lease_until else None)
    if decision == "parked":
        return TicketResult(key=key, outcome="parked", reason=prior.last_error or "parked")
    return TicketResult(
        key=key,
        outcome="disagreement" if disagreement else "unchanged",
        reason=disagreement or "content unchanged since analysis",
        verdict=prior.verdict,
        score=prior.score,
        category=prior.category,
    )
