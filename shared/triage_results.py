"""How one ticket's outcome is reported: to the scan summary, the HTTP API and the CLI."""

from __future__ import annotations

from shared.analysis.llm import LLMUnavailable
from shared.analysis.models import Assessment
from shared.decisions import ActionPlan
from shared.jira.errors import JiraNotFound, JiraRateLimited, JiraTransient
from shared.jira.models import Ticket
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
