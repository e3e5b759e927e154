"""Jira Cloud REST v3 over httpx: the only code that talks to Jira.

Retries live here (stamina: exponential backoff with jitter, `Retry-After` honoured, bounded by
attempts and by the caller's deadline). A comment POST is never retried blindly after the request
may have reached Jira: the caller gets `WriteOutcomeUnknown` and checks for our marker instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Sequence
from contextvars import ContextVar
from typing import Any, Literal

import httpx
import stamina

from shared import metering
from shared.jira.errors import (
    JiraAuthError,
    JiraError,
    JiraNotFound,
    JiraRateLimited,
    JiraRequestError,
    JiraTransient,
    WriteOutcomeUnknown,
)

API = "/rest/api/3"
# A 403 here means the account cannot work at all; on one issue's route it is about that issue only.
_ACCOUNT_WIDE = frozenset({"GET /myself", "POST /search/jql"})
# time.monotonic() by which the current run must be done. A context variable, not an attribute:
# the scan and an on-demand reanalysis may share one client in a worker, each with its own budget.
DEADLINE: ContextVar[float | None] = ContextVar("jira_deadline", default=None)


class JiraClient:
    """One Jira site. Construct with an `httpx.AsyncClient` (base URL, auth, timeout set)."""

    def __init__(self, http: httpx.AsyncClient, *, max_attempts: int = 4) -> None:
        self._http = http
        self._max_attempts = max_attempts

    @classmethod
    def create(
        cls, base_url: str, email: str, token: str, *, timeout: float = 20.0, max_attempts: int = 4
    ) -> JiraClient:
        http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            auth=httpx.BasicAuth(email, token),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"Accept": "application/json", "User-Agent": "ai-ticket-triage/1"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )
        return cls(http, max_attempts=max_attempts)

    async def aclose(self) -> None:
        await self._http.aclose()

    # -- reads -------------------------------------------------------------------------------
    async def myself(self) -> dict[str, Any]:
        """The account we act as; also the cheapest credential check."""
        return _object(await self._request("GET /myself", "GET", f"{API}/myself"))

    async def search(
        self, jql: str, fields: Sequence[str], *, page_size: int = 100, expand: str | None = None
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Pages of raw issues for `jql` (enhanced search, `nextPageToken` paging). With `expand`
        holding `names` / `schema`, each issue carries the page's names and schemas of its own
        custom fields, the shape `GET /issue?expand=names,schema` gives: one way to read them."""
        token: str | None = None
        while True:
            body: dict[str, Any] = {"jql": jql, "fields": list(fields), "maxResults": page_size}
            if expand:
                body["expand"] = expand
            if token:
                body["nextPageToken"] = token
            page = _object(await self._request("POST /search/jql", "POST", f"{API}/search/jql", json=body))
            issues = page.get("issues")
            listed = [i for i in issues if isinstance(i, dict)] if isinstance(issues, list) else []
            yield [_with_page_meta(issue, page) for issue in listed]
            next_token = page.get("nextPageToken")
            if not isinstance(next_token, str) or not next_token or page.get("isLast") is True:
                return
            token = next_token

    async def get_issue(
        self, key: str, fields: Sequence[str], *, expand: str | None = None
    ) -> dict[str, Any]:
        params = {"fields": ",".join(fields)}
        if expand:
            params["expand"] = expand
        return _object(await self._request("GET /issue", "GET", f"{API}/issue/{key}", params=params))

    async def list_comments(self, key: str) -> list[dict[str, Any]]:
        """Every comment on the issue with its entity properties (to find our marker)."""
        out: list[dict[str, Any]] = []
        start = 0
        while True:
            params: dict[str, str | int] = {"startAt": start, "maxResults": 100, "expand": "properties"}
            page = _object(
                await self._request("GET /comment", "GET", f"{API}/issue/{key}/comment", params=params)
            )
            batch = [c for c in page.get("comments") or [] if isinstance(c, dict)]
            out.extend(batch)
            total = page.get("total")
            start += len(batch)
            if not batch or not isinstance(total, int) or start >= total:
                return out

    async def changelog(self, key: str) -> list[dict[str, Any]]:
        """Every changelog entry of the issue (who changed what, when), oldest first."""
        out: list[dict[str, Any]] = []
        start = 0
        while True:
            params: dict[str, str | int] = {"startAt": start, "maxResults": 100}
            page = _object(
                await self._request("GET /changelog", "GET", f"{API}/issue/{key}/changelog", params=params)
            )
            batch = [v for v in page.get("values") or [] if isinstance(v, dict)]
            out.extend(batch)
            start += len(batch)
            if not batch or page.get("isLast") is True or start >= int(page.get("total") or 0):
                return out

    # -- writes ------------------------------------------------------------------------------
    async def edit_labels(self, key: str, add: Sequence[str], remove: Sequence[str]) -> None:
        """Add/remove only the given labels, atomically on the server; a person's labels are
        never read and rewritten. Idempotent, so retried."""
        ops = [{"add": label} for label in add] + [{"remove": label} for label in remove]
        if not ops:
            return
        await self._request("PUT /issue", "PUT", f"{API}/issue/{key}", json={"update": {"labels": ops}})

    async def post_comment(
        self, key: str, body: dict[str, Any], properties: Sequence[dict[str, Any]]
    ) -> dict[str, Any]:
        """Post one comment. Retried only when Jira surely did not act (429, 503 before work);
        otherwise `WriteOutcomeUnknown` so the caller looks for the marker first."""
        payload = {"body": body, "properties": list(properties)}
        result = await self._request(
            "POST /comment", "POST", f"{API}/issue/{key}/comment", json=payload, idempotent=False
        )
        return _object(result)

    async def get_comment(self, key: str, comment_id: str) -> dict[str, Any]:
        """One comment as it is now (who last edited it, before we edit it)."""
        url = f"{API}/issue/{key}/comment/{comment_id}"
        return _object(await self._request("GET /comment/{id}", "GET", url))

    async def edit_comment(self, key: str, comment_id: str, body: dict[str, Any]) -> None:
        """Replace our comment's body in place, telling no one (`notifyUsers=false`): the same
        question, kept current. Its properties (our marker) stay. Idempotent, so retried."""
        await self._request(
            "PUT /comment",
            "PUT",
            f"{API}/issue/{key}/comment/{comment_id}",
            params={"notifyUsers": "false"},
            json={"body": body},
        )

    # -- plumbing ----------------------------------------------------------------------------
    async def _request(
        self, route: str, method: str, url: str, *, idempotent: bool = True, **kwargs: Any
    ) -> Any:
        remaining = self._remaining()
        async for attempt in stamina.retry_context(
            on=_backoff,
            attempts=self._max_attempts,
            timeout=remaining,
            wait_initial=0.5,
            wait_max=15.0,
            wait_jitter=1.0,
        ):
            with attempt:
                if attempt.num > 1 and (usage := metering.current()) is not None:
                    usage.jira_retries += 1
                return await self._once(route, method, url, idempotent=idempotent, **kwargs)
        raise AssertionError("unreachable")  # pragma: no cover

    def _remaining(self) -> float | None:
        deadline = DEADLINE.get()
        if deadline is None:
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise JiraTransient("time budget of this run is used up")
        return left

    async def _once(self, route: str, method: str, url: str, *, idempotent: bool, **kwargs: Any) -> Any:
        if (usage := metering.current()) is not None:
            usage.jira_calls[route] += 1
        try:
            response = await self._http.request(method, url, **kwargs)
        except httpx.TimeoutException as exc:
            if not idempotent and not isinstance(exc, httpx.ConnectTimeout):
                raise WriteOutcomeUnknown(f"{route}: timed out after sending") from None
            raise JiraTransient(f"{route}: timed out") from None
        except httpx.TransportError as exc:
            if not idempotent and not isinstance(exc, httpx.ConnectError):
                raise WriteOutcomeUnknown(f"{route}: connection lost after sending") from None
            raise JiraTransient(f"{route}: {exc.__class__.__name__}") from None
        return self._interpret(route, response, idempotent=idempotent)

    def _interpret(self, route: str, response: httpx.Response, *, idempotent: bool) -> Any:
        status = response.status_code
        retry_after = _retry_after(response)
        if status == 401 or (status == 403 and route in _ACCOUNT_WIDE):
            raise JiraAuthError(
                f"Jira token rejected ({status}) on {route}: check JIRA_EMAIL/JIRA_API_TOKEN "
                "(tokens expire) and the account's project permissions"
            )
        if status == 403:  # this one issue (a security level, no comment permission): not the token
            raise JiraRequestError(
                f"{route}: forbidden for this issue (403): check the project's permissions", 403
            )
        if status == 404:
            raise JiraNotFound(f"{route}: not found or not visible to this account")
        if status == 429 or (status == 503 and retry_after is not None):
            reason = response.headers.get("RateLimit-Reason", "rate limited")
            raise JiraRateLimited(f"{route}: {status} {reason}", retry_after=retry_after)
        if status >= 500:
            if not idempotent:
                # A 503 turned the request away; a 500 may have stored part of it (the comment
                # without its marker property); a gateway's 502/504 says nothing of Jira behind it.
                known: Literal["refused", "unknown"] = "refused" if status == 503 else "unknown"
                raise WriteOutcomeUnknown(f"{route}: server error {status} after sending", known=known)
            raise JiraTransient(f"{route}: server error {status}", retry_after=retry_after)
        if status >= 400:
            raise JiraRequestError(f"{route}: rejected with {status}: {_messages(response)}", status)
        if status == 204 or not response.content:
            return None
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            if not idempotent:
                raise WriteOutcomeUnknown(f"{route}: unreadable answer after sending", known="done") from None
            raise JiraTransient(f"{route}: malformed JSON in the answer") from None


def _backoff(exc: Exception) -> bool | float:
    """stamina hook: retry transient failures, waiting `Retry-After` when Jira names it."""
    if isinstance(exc, JiraTransient):
        return exc.retry_after if exc.retry_after is not None else True
    return False


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), 300.0))
    except ValueError:
        return None


def _messages(response: httpx.Response) -> str:
    """Jira's error text, from every form its bodies take: `{errorMessages, errors: {field: msg}}`,
    `errors` as a list of `{message}`, a bare list of strings, or `{message, statusCode}`."""
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "(no readable body)"
    return "; ".join(_error_texts(data))[:300] or "(no message)"


def _error_texts(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data] if data.strip() else []
    if isinstance(data, list):
        return [text for item in data for text in _error_texts(item)]
    if not isinstance(data, dict):
        return []
    parts = _error_texts(data.get("errorMessages"))
    errors = data.get("errors")
    if isinstance(errors, dict):
        parts += [f"{k}: {v}" for k, v in errors.items() if isinstance(v, str)]
    else:
        parts += _error_texts(errors)
    parts += _error_texts(data.get("message"))
    return parts


def _with_page_meta(issue: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    """The page's field names and schemas, narrowed to the issue's own fields, on the issue."""
    fields = issue.get("fields")
    if not isinstance(fields, dict):
        return issue
    out = dict(issue)
    for meta in ("names", "schema"):
        table = page.get(meta)
        if isinstance(table, dict) and not isinstance(issue.get(meta), dict):
            # Empty fields keep their names too: a question can point at an empty "Approver".
            out[meta] = {k: v for k, v in table.items() if k in fields}
    return out


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise JiraTransient("expected a JSON object in Jira's answer")
    return value


__all__ = ["JiraClient", "JiraError"]
