"""The operator's HTTP API: reanalyze a ticket now, read its audit trail, check health.

Thin: parse and validate the request, call a use case from `shared.reanalysis`, translate its
result or error into JSON or an `application/problem+json` answer. Heavy imports happen inside
the handlers so indexing the app stays cheap.
"""

from __future__ import annotations

import azure.functions as func

from shared.functions.http_common import answers_problems, flags, no_body, runtime_or_problem
from shared.functions.problems import Problem, json_response
from shared.jira.keys import KEY_PATTERN

bp = func.Blueprint()  # type: ignore[no-untyped-call]
_KEY_MAX = 64  # a project key (at most 10 characters in Jira Cloud), a dash and an issue number


def ticket_key(req: func.HttpRequest) -> str:
    raw = (req.route_params.get("key") or "").strip()
    if len(raw) > _KEY_MAX or not KEY_PATTERN.match(raw):
        shown = raw[:40].encode("unicode_escape").decode("ascii")
        raise Problem("invalid-key", 400, f"'{shown}' is not a Jira issue key like OPS-123 (upper case)")
    return raw


@bp.function_name("reanalyze_ticket")
@bp.route(route="tickets/{key}/reanalyze", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@answers_problems
async def reanalyze_ticket(req: func.HttpRequest) -> func.HttpResponse:
    """POST /api/tickets/{key}/reanalyze[?dryRun=true][&force=true]"""
    key = ticket_key(req)
    options = flags(req, ("dryRun", "force"))
    no_body(req)
    from shared.functions.http_reanalyze import run_reanalysis

    return await run_reanalysis(key, dry_run=options.get("dryRun", False), force=options.get("force", False))


@bp.function_name("get_ticket")
@bp.route(route="tickets/{key}", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@answers_problems
async def get_ticket(req: func.HttpRequest) -> func.HttpResponse:
    """GET /api/tickets/{key}: the ledger's record and audit trail for one ticket."""
    key = ticket_key(req)
    flags(req, ())
    no_body(req)
    from shared.reanalysis import ticket_record

    record = await ticket_record((await runtime_or_problem()).ledger, key)
    if record is None:
        raise Problem("not-found", 404, f"no ledger record for {key}: the bot has not seen this ticket")
    return json_response(record.model_dump(mode="json"))


@bp.function_name("health")
@bp.route(route="health", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
@answers_problems
async def health(req: func.HttpRequest) -> func.HttpResponse:
    """GET /api/health: version, mode, analyzer, and whether storage and Jira answer."""
    flags(req, ())
    no_body(req)
    from shared.reanalysis import health as check
    from shared.reanalysis import start_failed
    from shared.runtime import get_runtime

    try:
        runtime = await get_runtime()
    except Exception as exc:  # the answer says what failed to start; the route stays up
        result = start_failed(exc)
    else:
        result = await check(
            runtime.ledger, runtime.jira, rollout_mode=runtime.options.mode, analyzer=runtime.analyzer.version
        )
    return json_response(result.model_dump(mode="json"), 200 if result.status == "ok" else 503)
