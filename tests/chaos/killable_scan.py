"""One scan tick in a process of its own that stops dead at a chosen step boundary.

`python -m tests.chaos.killable_scan` reads the app settings from the environment and runs the
same use case as the timer. Every request to Jira or to Table Storage is a step boundary: the
moment before it is the last moment the process can die without that step having happened.
Requests are made one at a time, so the order of steps is the same on every run.

- `CHAOS_KILL_AT=k`: print `AT k <step>` before the k-th request and wait there (the test
  SIGKILLs the process);
- unset: print `STEP i <step>` for each request and `STEPS n` at the end.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from typing import Any
from urllib.parse import unquote

import httpx
from azure.data.tables.aio import TableClient

from shared.config import load_settings
from shared.jira.client import JiraClient
from shared.ledger import _RETRY, Ledger
from shared.runtime import build_runtime
from shared.scan import run_scan
from tests.chaos.tables import WrappedTransport, classify


class Boundaries:
    """Counts steps, serializes them, and stops at the chosen one."""

    def __init__(self, kill_at: int | None) -> None:
        self.kill_at = kill_at
        self.n = 0
        self.lock = asyncio.Lock()

    async def step(self, label: str) -> None:
        self.n += 1
        if self.n == self.kill_at:
            print(f"AT {self.n} {label}", flush=True)
            await asyncio.Event().wait()  # the test kills the process here
        elif self.kill_at is None:
            print(f"STEP {self.n} {label}", flush=True)


class JiraSteps(httpx.AsyncBaseTransport):
    def __init__(self, steps: Boundaries) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._steps = steps

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/rest/api/3")
        async with self._steps.lock:
            await self._steps.step(f"jira {request.method} {path}")
            response = await self._inner.handle_async_request(request)
            await response.aread()
            return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class TableSteps(WrappedTransport):
    def __init__(self, steps: Boundaries) -> None:
        super().__init__()
        self._steps = steps

    async def send(self, request: Any, **kwargs: Any) -> Any:
        op, entity = classify(request.method, request.url, request.headers)
        if op == "insert":
            body = json.loads(getattr(request, "content", None) or "{}")
            entity = f"{body.get('PartitionKey')}|{body.get('RowKey')}"
        async with self._steps.lock:
            await self._steps.step(f"ledger {op} {unquote(entity or '')}".rstrip())
            return await self._inner.send(request, **kwargs)


async def main() -> int:
    kill_at = os.environ.get("CHAOS_KILL_AT")
    steps = Boundaries(int(kill_at) if kill_at else None)
    settings = load_settings(dict(os.environ))
    runtime = await build_runtime(settings)
    await runtime.ledger.aclose()
    assert settings.STORAGE is not None and settings.JIRA_API_TOKEN is not None
    runtime.ledger = Ledger(
        TableClient.from_connection_string(
            settings.STORAGE.get_secret_value(), settings.LEDGER_TABLE, transport=TableSteps(steps), **_RETRY
        )
    )
    await runtime.jira.aclose()
    runtime.jira = JiraClient(
        httpx.AsyncClient(
            base_url=str(settings.JIRA_BASE_URL).rstrip("/"),
            auth=httpx.BasicAuth(settings.JIRA_EMAIL, settings.JIRA_API_TOKEN.get_secret_value()),
            timeout=settings.JIRA_TIMEOUT_SECONDS,
            headers={"Accept": "application/json"},
            transport=JiraSteps(steps),
        )
    )
    try:
        await run_scan(await runtime.adapters(), runtime.options)
    finally:
        await runtime.aclose()
    print(f"STEPS {steps.n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
