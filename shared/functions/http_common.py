"""What every HTTP face shares: reading the query and body strictly, turning any failure into a
problem answer, and the runtime or the problem that says why there is none.

Light at import (only the Functions SDK and the problem bodies): the faces are indexed on every
cold start; the runtime's adapters are imported when a request needs them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ParamSpec

import azure.functions as func

from shared.functions.problems import Problem

if TYPE_CHECKING:
    from shared.runtime import Runtime

log = logging.getLogger(__name__)
P = ParamSpec("P")
_BOOL = {"true": True, "false": False}


def query(req: func.HttpRequest, allowed: tuple[str, ...]) -> dict[str, str]:
    """The query parameters; a name not in `allowed` is a 400, not silently ignored."""
    for name in req.params:
        if name not in allowed:
            expected = ", ".join(allowed) or "none"
            raise Problem(
                "unknown-parameter", 400, f"unknown query parameter '{name[:40]}' (allowed: {expected})"
            )
    return dict(req.params)


def flags(req: func.HttpRequest, allowed: tuple[str, ...]) -> dict[str, bool]:
    """Boolean query parameters; anything unknown or not true/false is a 400."""
    values: dict[str, bool] = {}
    for name, value in query(req, allowed).items():
        parsed = _BOOL.get(value.strip().lower())
        if parsed is None:
            raise Problem("invalid-parameter", 400, f"query parameter '{name}' must be true or false")
        values[name] = parsed
    return values


def no_body(req: func.HttpRequest) -> None:
    if req.get_body():
        raise Problem("unexpected-body", 400, "this route takes no request body")


def answers_problems(
    handler: Callable[P, Awaitable[func.HttpResponse]],
) -> Callable[P, Awaitable[func.HttpResponse]]:
    """Every failure of the handler becomes a problem answer; nothing else (no trace, no secret)
    leaves. Innermost decorator of an HTTP function; `wraps` keeps the signature the host binds."""

    @functools.wraps(handler)
    async def answered(*args: P.args, **kwargs: P.kwargs) -> func.HttpResponse:
        req = next(a for a in (*args, *kwargs.values()) if isinstance(a, func.HttpRequest))
        try:
            return await handler(*args, **kwargs)
        except Problem as problem:
            return problem.response(req.url)
        except Exception:
            log.exception("unhandled error in %s", req.url.split("?")[0])
            return Problem("internal-error", 500, "unexpected error; see the function's logs").response(
                req.url
            )

    return answered


async def runtime_or_problem() -> Runtime:
    """The worker's runtime; bad settings are a 500 that says which, storage down a 503."""
    from shared.config import SettingsError
    from shared.ledger import LedgerUnavailable
    from shared.runtime import get_runtime

    try:
        return await get_runtime()
    except SettingsError as exc:
        raise Problem("misconfigured", 500, str(exc)) from None
    except LedgerUnavailable as exc:
        raise Problem("upstream-unavailable", 503, str(exc)) from None
