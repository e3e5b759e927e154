"""The operator's HTTP API: reanalyze a ticket now, read its audit trail, check health.

Thin: parse and validate the request, call a use case from `shared.reanalysis`, translate its
result or error into JSON or an `application/problem+json` answer. Heavy imports happen inside
the handlers so indexing the app stays cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import azure.functions as func

from shared.functions.problems import Problem, json_response
from shared.jira.keys import KEY_PATTERN

bp = func.Blueprint()  # type: ignore[no-untyped-call]
log = logging.getLogger(__name__)
_BOOL = {"true": True, "false": False}
_KEY_MAX = 64  # a project key (at most 10 characters in Jira Cloud), a dash and an issue number


def ticket_key(req: func.HttpRequest) -> str:
    raw = (req.route_params.get("key") or "").strip()
    if len(raw) > _KEY_MAX or not KEY_PATTERN.match(raw):
        shown = raw[:40].encode("unicode_escape").decode("ascii")
        raise Problem("invalid-key", 400, f"'{shown}' is not a Jira issue key like OPS-123 (upper case)")
    return raw


def flags(req: func.HttpRequest, allowed: tuple[str, ...]) -> dict[str, bool]:
    """Boolean query parameters; anything unknown or not true/false is a 400."""
    values: dict[str, bool] = {}
    for name, value in req.params.items():
        if name not in allowed:
            expected = ", ".join(allowed) or "none"
            raise Problem(
                "unknown-parameter", 400, f"unknown query parameter '{name[:40]}' (allowed: {expected})"
            )
        parsed = _BOOL.get(value.strip().lower())
        if parsed is None:
            raise Problem("invalid-parameter", 400, f"query parameter '{name}' must be true or false")
        values[name] = parsed
    return values


def no_body(req: func.HttpRequest) -> None:
    if req.get_body():
        raise Problem("unexpected-body", 400, "this route takes no request body")


async def _answer(
    req: func.HttpRequest, handler: Callable[[], Awaitable[func.HttpResponse]]
) -> func.HttpResponse:
    """Every failure becomes a problem answer; nothing else (no trace, no secret) leaves."""
    try:
        return await handler()
    except Problem as problem:
        return problem.response(req.url)
    except Exception:
        log.exception("unhandled error in %s", req.url.split("?")[0])
        return Problem("internal-error", 500, "unexpected error; see the function's logs").response(req.url)


@bp.function_name("reanalyze_ticket")
@bp.route(route="tickets/{key}/reanalyze", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
async def reanalyze_ticket(req: func.HttpRequest) -> func.HttpResponse:
    """POST /api/tickets/{key}/reanalyze[?dryRun=true][&force=true]"""

    async def handle() -> func.HttpResponse:
        key = ticket_key(req)
        options = flags(req, ("dryRun", "force"))
        no_body(req)
        from shared.functions.http_reanalyze import run_reanalysis

        return await run_reanalysis(
            key, dry_run=options.get("dryRun", False), force=options.get("force", False)
        )

    return await _answer(req, handle)


@bp.function_name("get_ticket")
@bp.route(route="tickets/{key}", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
async def get_ticket(req: func.HttpRequest) -> func.HttpResponse:
    """GET /api/tickets/{key}: the ledger's record and audit trail for one ticket."""

    async def handle() -> func.HttpResponse:
        key = ticket_key(req)
        flags(req, ())
        no_body(req)
        from shared.functions.http_reanalyze import runtime_or_problem
        from shared.reanalysis import ticket_record

        record = await ticket_record((await runtime_or_problem()).ledger, key)
        if record is None:
            raise Problem("not-found", 404, f"no ledger record for {key}: the bot has not seen this ticket")
        return json_response(record.model_dump(mode="json"))

    return await _answer(req, handle)


@bp.function_name("health")
@bp.route(route="health", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
async def health(req: func.HttpRequest) -> func.HttpResponse:
    """GET /api/health: version, mode, analyzer, and whether storage and Jira answer."""

    async def handle() -> func.HttpResponse:
        flags(req, ())
        no_body(req)
        from shared.reanalysis import health as check
        from shared.runtime import get_runtime

        result = await check(get_runtime)
        return json_response(result.model_dump(mode="json"), 200 if result.status == "ok" else 503)

    return await _answer(req, handle)
