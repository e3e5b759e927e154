"""Translate the reanalysis use case's outcomes and errors into HTTP answers."""

from __future__ import annotations

import azure.functions as func

from shared.functions.http_common import runtime_or_problem
from shared.functions.problems import Problem, json_response
from shared.jira.errors import JiraAuthError, JiraError, JiraNotFound, JiraRateLimited
from shared.ledger import LedgerUnavailable
from shared.lifecycle.results import FAILED, ErrorKind
from shared.reanalysis import BudgetExceeded, ForceNotAllowed, reanalyze

_FAILED_STATUS: dict[ErrorKind, tuple[str, int]] = {
    "rate_limited": ("rate-limited", 429),
    "llm_rate_limited": ("rate-limited", 429),
    "jira_unavailable": ("upstream-unavailable", 503),
    "llm_unavailable": ("upstream-unavailable", 503),
    "not_found": ("not-found", 404),
}


async def run_reanalysis(key: str, *, dry_run: bool, force: bool) -> func.HttpResponse:
    runtime = await runtime_or_problem()
    try:
        outcome = await reanalyze(
            await runtime.adapters(),
            runtime.options,
            key,
            dry_run=dry_run,
            force=force,
            allow_force=runtime.settings.REANALYZE_ALLOW_FORCE,
            budget_s=runtime.settings.REANALYZE_TIME_BUDGET_SECONDS,
        )
    except ForceNotAllowed as exc:
        raise Problem("force-not-allowed", 403, str(exc)) from None
    except JiraNotFound:
        raise Problem("not-found", 404, f"{key} does not exist or the bot's account cannot see it") from None
    except JiraAuthError:
        raise Problem(
            "jira-token-rejected", 502, "Jira rejected the bot's token (expired or revoked?)"
        ) from None
    except JiraRateLimited as exc:
        raise Problem(
            "rate-limited", 429, "Jira is rate limiting the bot", retry_after=exc.retry_after or 30
        ) from None
    except (JiraError, LedgerUnavailable) as exc:
        raise Problem("upstream-unavailable", 503, str(exc), retry_after=30) from None
    except BudgetExceeded as exc:
        raise Problem("timeout", 504, str(exc), extra={"stage": exc.stage}) from None
    result = outcome.result
    body = outcome.model_dump(mode="json")
    if result.outcome == "busy":
        raise Problem(
            "ticket-busy", 409, f"{key} is claimed by a running scan; try again shortly",
            retry_after=result.retry_after or 60, extra={"ledger": body["ledger"]},
        )  # fmt: skip
    if result.outcome == "rejected":
        raise Problem("unreadable-ticket", 422, result.reason)
    if result.outcome in FAILED:
        known = _FAILED_STATUS.get(result.error_kind) if result.error_kind else None
        slug, status = known or ("upstream-error", 502)
        retry = result.retry_after if status in (429, 503) else None
        if status in (429, 503):
            retry = retry or 30
        raise Problem(slug, status, result.reason, retry_after=retry, extra={"result": body["result"]})
    return json_response(body)
