"""RFC 9457 problem answers: every error of the HTTP API is JSON with a stable `type`.

Bodies name the problem, never a stack trace, a secret, or the ticket's text.
"""

from __future__ import annotations

import json
import math
from typing import Any

import azure.functions as func

PROBLEM_BASE = "https://ai-ticket-triage.dev/problems/"

TITLES = {
    "invalid-key": "The ticket key is not valid",
    "unknown-parameter": "Unknown query parameter",
    "invalid-parameter": "Invalid query parameter value",
    "unexpected-body": "This route takes no request body",
    "not-found": "Not found",
    "force-not-allowed": "Forcing is not allowed",
    "unreadable-ticket": "The ticket cannot be read",
    "ticket-busy": "The ticket is being worked on by a scan",
    "report-running": "The month's report is running",
    "rate-limited": "Rate limited upstream",
    "upstream-unavailable": "Jira, the LLM or Table Storage is unavailable",
    "upstream-error": "Jira or the LLM refused the request",
    "jira-token-rejected": "Jira rejected the bot's token",
    "internal-error": "Unexpected error",
    "timeout": "The request ran out of its time budget",
    "misconfigured": "The app's settings are invalid",
}


class Problem(Exception):
    """Raised inside a handler; turned into one `application/problem+json` answer."""

    def __init__(
        self,
        slug: str,
        status: int,
        detail: str,
        *,
        retry_after: float | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.slug, self.status, self.detail = slug, status, detail
        self.retry_after = retry_after
        self.extra = extra or {}

    def response(self, instance: str) -> func.HttpResponse:
        body = {
            "type": PROBLEM_BASE + self.slug,
            "title": TITLES[self.slug],
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
            **self.extra,
        }
        headers = {}
        if self.retry_after is not None:
            headers["Retry-After"] = str(max(1, math.ceil(self.retry_after)))
        return func.HttpResponse(
            json.dumps(body, ensure_ascii=False),
            status_code=self.status,
            headers=headers,
            mimetype="application/problem+json",
            charset="utf-8",
        )


def json_response(data: Any, status: int = 200) -> func.HttpResponse:
    return func.HttpResponse(
        json.dumps(data, ensure_ascii=False, default=str),
        status_code=status,
        mimetype="application/json",
        charset="utf-8",
    )
