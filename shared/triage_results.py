"""How one ticket's outcome is reported (to the scan summary, the HTTP API and the CLI), and
what a failure does to its ledger row."""

from __future__ import annotations

from datetime import datetime

from shared.analysis.models import Assessment
from shared.decisions import ActionPlan
from shared.jira.errors import JiraNotFound, JiraRateLimited, JiraTransient
from shared.jira.models import Ticket
from shared.ledger_models import Decision, LedgerRecord
from shared.llm.errors import LLMUnavailable
from shared.scan_models import TicketResult


def error_kind(exc: Exception) -> tuple[str, float | None]:
    """What an operator (or an HTTP client) can do about a failure: wait, or fix something."""
    if isinstance(exc, JiraRateLimited):
        return "rate_limited", exc.retry_after
    if isinstance(exc, JiraTransient):
        return "jira_unavailable", exc.retry_after
    if isinstance(exc, LLMUnavailable):
        return ("rate_limited" if exc.rate_limited else "llm_unavailable"), exc.retry_after
    if isinstance(exc, JiraNotFound):
        return "not_found", None
    if isinstance(exc, RunStopped):
        return "stopped", None
    return "failed", None


def analyzed_result(
    ticket: Ticket, assessment: Assessment, plan: ActionPlan, holdout: bool, *, posted: bool
) -> TicketResult:
    reason = plan.comment_reason if plan.write_jira else f"{plan.mode_reason}; {plan.comment_reason}"
    return TicketResult(
        key=ticket.key,
        outcome="analyzed",
        reason=reason,
        verdict=assessment.verdict,
        score=assessment.score,
        category=assessment.category,
        language=assessment.language,
        missing=list(assessment.missing),
        commented=posted,
        would_comment=plan.comment,
        labels_added=list(plan.add) if plan.write_jira else [],
        labels_removed=list(plan.remove) if plan.write_jira else [],
        fallback_reason=assessment.fallback_reason,
        holdout=holdout,
    )


def left_alone(
    key: str, decision: str, prior: LedgerRecord, now: datetime, disagreement: str | None
) -> TicketResult:
    """What a run reports for a ticket it does not work on: unchanged since its analysis (or, with
    `disagreement`, newly overruled by a person), claimed by another run, or parked."""
    if decision == "busy":
        left = (prior.lease_until - now).total_seconds() if prior.lease_until else None
        return TicketResult(key=key, outcome="busy", reason="claimed by another run", retry_after=left)
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


class RunStopped(Exception):
    """The run was stopped from outside (its time budget ran out, the host shut down) before it
    finished the ticket: not the ticket's fault, so not an attempt toward parking it."""


def failed_record(
    record: LedgerRecord,
    key: str,
    exc: Exception,
    *,
    fingerprint: str,
    at: datetime,
    mode: str,
    max_attempts: int,
    verdict_stands: bool,
) -> tuple[LedgerRecord, TicketResult]:
    """The row after a failed run (lease released) and the result to report.

    An unavailable or rate-limited LLM is everyone's problem, not this ticket's, and so is a run
    stopped from outside: the ticket is retried next tick without moving it toward being parked.
    A row left in "commenting" stays there, so the next run looks for our question before asking.
    An operator's re-run of an unchanged, analyzed ticket that fails leaves the verdict on record
    (and in Jira) standing.
    """
    error = str(exc)
    kind, retry_after = error_kind(exc)
    attempts = record.attempts + (0 if isinstance(exc, LLMUnavailable | RunStopped) else 1)
    parked = attempts >= max_attempts
    if verdict_stands and record.state != "commenting":
        state, attempts, parked = "done", 0, False
    else:
        state = "poisoned" if parked else ("commenting" if record.state == "commenting" else "failed")
    outcome = "poisoned" if parked else "failed"
    decision = Decision(at=at, outcome=outcome, reason=error[:300], fingerprint=fingerprint, mode=mode)
    failed = record.model_copy(
        update={
            "state": state,
            "lease_owner": "",
            "lease_until": None,
            "attempts": attempts,
            "last_error": error[:500],
            "outcome": outcome,
            "history": record.with_decision(decision),
        }
    )
    return failed, TicketResult(
        key=key, outcome=outcome, reason=error[:300], error_kind=kind, retry_after=retry_after
    )


def analyzed_record(
    record: LedgerRecord,
    assessment: Assessment,
    plan: ActionPlan,
    result: TicketResult,
    *,
    fingerprint: str,
    at: datetime,
    mode: str,
    holdout: bool,
) -> LedgerRecord:
    """The row a finished analysis leaves: lease released, verdict and why, one more decision."""
    return record.model_copy(
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
            "labels_written": record.labels_written or plan.write_jira,
            "outcome": "analyzed",
            "history": record.with_decision(
                Decision(
                    at=at,
                    outcome="analyzed",
                    reason=result.reason,
                    fingerprint=fingerprint,
                    verdict=assessment.verdict,
                    score=assessment.score,
                    mode=mode,
                )
            ),
        }
    )


def with_disagreement(
    record: LedgerRecord, disagreement: str, *, at: datetime, fingerprint: str
) -> LedgerRecord:
    """The row once a person's disagreement with our verdict is noticed (recorded once, with its time)."""
    return record.model_copy(
        update={
            "disagreement": disagreement,
            "disagreed_at": at,
            "history": record.with_decision(
                Decision(at=at, outcome="disagreement", reason=disagreement, fingerprint=fingerprint)
            ),
        }
    )
