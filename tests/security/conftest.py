"""One exposed run for the leak checks: scan, reanalysis over HTTP, health, monthly report.

Everything the outside world could see is kept: every log line (DEBUG, every library, with
tracebacks), every prompt the LLM endpoint received, every comment, every ledger row, every
HTTP answer (headers and body), every scan summary and every rendered report.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio
from azure.data.tables.aio import TableClient

import shared.runtime
from sandbox.stack import DEV_KEY, Azurite
from tests.functions.conftest import app, call
from tests.hostile.catalogue import catalogue
from tests.hostile.harness import BOT, HostileRun, capture_all_logs, close, run_catalogue
from tools.local_report import run_report_locally


@dataclass
class Exposure:
    run: HostileRun
    logs: str
    prompts: str
    comments: str
    ledger: str
    answers: list[tuple[str, int, dict[str, str], Any]]
    summaries: str
    report: dict[str, str]

    def surfaces(self) -> dict[str, str]:
        return {
            "logs": self.logs,
            "comments": self.comments,
            "ledger": self.ledger,
            "http answers": json.dumps(self.answers, ensure_ascii=False, default=str),
            "scan summaries": self.summaries,
            **{f"report {name}": text for name, text in self.report.items()},
        }


def planted_secrets() -> list[str]:
    return [s for case in catalogue() for s in case.expect.secrets]


def configured_secrets(env: dict[str, str]) -> dict[str, str]:
    return {
        "JIRA_API_TOKEN": env["JIRA_API_TOKEN"],
        "OPENAI_API_KEY": env["OPENAI_API_KEY"],
        "storage account key": DEV_KEY,
        "storage connection string": env["AzureWebJobsStorage"],
    }


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def exposed(azurite: Azurite) -> AsyncIterator[Exposure]:
    with capture_all_logs() as logs, pytest.MonkeyPatch.context() as mp:
        run = await run_catalogue(azurite)
        try:
            answers = await _http_answers(run, mp)
            month = f"{datetime.now(UTC):%Y-%m}"
            output, _ = await run_report_locally(run.runtime, month, retry_ms=10)
            store = await run.runtime.report_store()
            report = {kind: await store.get_text(output[kind]) or "" for kind in ("json", "markdown", "html")}
            ledger = await _ledger_dump(run)
        except BaseException:
            await close(run)
            raise
    keys = [str(c.raw["key"]) for c in run.cases]
    ours = [
        c for k in keys for c in run.jira.comments_of(k) if (c.get("author") or {}).get("accountId") == BOT
    ]
    comments = json.dumps(ours, ensure_ascii=False)
    exposure = Exposure(
        run=run,
        logs=logs.text,
        prompts=json.dumps(run.llm.requests, ensure_ascii=False),
        comments=comments,
        ledger=ledger,
        answers=answers,
        summaries=json.dumps([r.model_dump(mode="json") for r in run.reports], ensure_ascii=False),
        report=report,
    )
    try:
        yield exposure
    finally:
        await close(run)


async def _http_answers(
    run: HostileRun, mp: pytest.MonkeyPatch
) -> list[tuple[str, int, dict[str, str], Any]]:
    """The operator API on the same Jira and ledger, as the Functions host would call it."""
    for name, value in run.env.items():
        mp.setenv(name, value)
    mp.setattr(shared.runtime, "_runtime", None)
    secret_keys = [str(c.raw["key"]) for c in run.cases if c.expect.secrets][:4]
    calls: list[tuple[str, dict[str, Any]]] = []
    for key in secret_keys:
        calls += [
            (
                "reanalyze_ticket",
                {"method": "POST", "route_params": {"key": key}, "params": {"dryRun": "true"}},
            ),
            ("reanalyze_ticket", {"method": "POST", "route_params": {"key": key}}),
            ("get_ticket", {"route_params": {"key": key}}),
        ]
    calls += [
        ("reanalyze_ticket", {"method": "POST", "route_params": {"key": "OPS-9999"}}),
        (
            "reanalyze_ticket",
            {"method": "POST", "route_params": {"key": "OPS-501"}, "params": {"force": "true"}},
        ),
        ("health", {}),
    ]
    answers = []
    try:
        for name, kwargs in calls:
            status, headers, body = await call(name, **kwargs)
            answers.append((name, status, headers, body))
        # Bad settings: the answer names the setting, never a value.
        mp.setenv("JIRA_BASE_URL", f"not-a-url-{run.env['JIRA_API_TOKEN']}")
        mp.setenv("OPENAI_BASE_URL", f"also bad {run.env['OPENAI_API_KEY']}")
        if shared.runtime._runtime is not None:
            await shared.runtime._runtime.aclose()
        mp.setattr(shared.runtime, "_runtime", None)
        bad_settings: list[tuple[str, dict[str, Any]]] = [
            ("health", {}),
            ("get_ticket", {"route_params": {"key": "OPS-501"}}),
        ]
        for name, kwargs in bad_settings:
            status, headers, body = await call(name, **kwargs)
            answers.append((name, status, headers, body))
    finally:
        if shared.runtime._runtime is not None:
            await shared.runtime._runtime.aclose()
        mp.setattr(shared.runtime, "_runtime", None)
    return answers


async def _ledger_dump(run: HostileRun) -> str:
    async with TableClient.from_connection_string(
        run.env["AzureWebJobsStorage"], run.env["LEDGER_TABLE"]
    ) as table:
        rows = [dict(e) async for e in table.list_entities()]
    return json.dumps(rows, ensure_ascii=False, default=str)


__all__ = ["Exposure", "app", "configured_secrets", "exposed", "planted_secrets"]
