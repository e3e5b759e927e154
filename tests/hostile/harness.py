"""Run the hostile catalogue through real scan ticks and keep what the checks read afterwards.

Shared by tests/hostile (the stated outcome per case) and tests/security (nothing secret leaves).
Everything goes over loopback: the Jira sandbox, the fake LLM (which records every prompt), Azurite.
`capture_all_logs` keeps every log record, at DEBUG and from every library, with its traceback.
"""

from __future__ import annotations

import logging
import re
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sandbox.jira_server import JiraSandbox
from sandbox.llm_responder import respond
from sandbox.llm_server import FakeLLM, Responder
from sandbox.stack import Azurite
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.comment import needs_info_comment
from shared.analysis.models import Assessment, MissingItem
from shared.config import load_settings
from shared.runtime import Runtime, build_runtime
from shared.scan import Adapters, run_scan
from shared.scan_models import ScanReport
from shared.telemetry import log_scan_summary
from tests.conftest import settings_env
from tests.hostile.catalogue import Case, catalogue

# Configured secrets of the run: distinctive, so any appearance anywhere is a leak.
JIRA_TOKEN = "ATATT3xFfGF0-configured-jira-token-4d1f9a"
OPENAI_KEY = "sk-configured-openai-key-7c2e81b5"
BOT = "bot-ai-triage"


class Capture(logging.Handler):
    """Every record, formatted with its traceback, from every logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a record that cannot be formatted is itself worth seeing
            self.lines.append(f"UNFORMATTABLE {record.name} {record.msg!r} {traceback.format_exc()}")

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@contextmanager
def capture_all_logs() -> Iterator[Capture]:
    root = logging.getLogger()
    handler = Capture()
    before = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(before)


@dataclass
class HostileRun:
    cases: list[Case]
    jira: JiraSandbox
    llm: FakeLLM
    runtime: Runtime
    reports: list[ScanReport]
    env: dict[str, str]
    results: dict[str, Any] = field(default_factory=dict)

    def result_of(self, case: Case) -> Any:
        key = case.raw.get("key")
        if case.expect.outcome == "rejected":
            return self.results.get(f"id:{case.raw['id']}") or self.results.get(str(key))
        return self.results.get(str(key))

    def internal_key(self, case: Case) -> str:
        return str(case.raw["key"])


async def run_catalogue(
    azurite: Azurite, responder: Responder = respond, *, only: set[str] | None = None, **settings: str
) -> HostileRun:
    """Two ticks over the whole catalogue (the second must change nothing), LLM path on.
    Wrap it in `capture_all_logs()` to keep every log line."""
    cases = [c for c in catalogue() if only is None or c.name in only]
    jira = JiraSandbox([c.raw for c in cases], api_token=JIRA_TOKEN, bot_account_id=BOT)
    jira.start()
    llm = FakeLLM(responder, api_key=OPENAI_KEY)
    env = settings_env(
        azurite,
        jira.base_url,
        JIRA_API_TOKEN=JIRA_TOKEN,
        ANALYZER="llm",
        OPENAI_BASE_URL=llm.start(),
        OPENAI_API_KEY=OPENAI_KEY,
        LLM_MAX_RETRIES="0",
        LEDGER_TABLE="hostile" + uuid.uuid4().hex[:12],
        **settings,
    )
    runtime = await build_runtime(load_settings(env))
    reports = []
    for _ in range(2):
        report = await run_scan(Adapters(runtime.jira, runtime.ledger, runtime.analyzer, BOT), runtime.options)
        log_scan_summary(report)
        reports.append(report)
    run = HostileRun(cases, jira, llm, runtime, reports, env)
    run.results = {r.key: r for r in reports[0].results}
    return run


async def close(run: HostileRun) -> None:
    await run.runtime.aclose()
    run.jira.stop()
    run.llm.stop()


def our_wording() -> set[str]:
    """Every text a question of ours can contain (numbers as `#`): built by the product itself."""
    texts: set[str] = set()
    for language in ("en", "ko"):
        for category, items in CHECKLISTS.items():
            missing = tuple(MissingItem(id=i.id, label=i.label(language), why=i.why(language)) for i in items)
            assessment = Assessment(
                score=42, verdict="NEEDS_INFO", category=category, language=language,
                missing=missing, version="wording",
            )  # fmt: skip
            for reporter in ("someone", None):
                texts.update(_normal(t) for t, _ in adf_nodes(needs_info_comment(assessment, reporter)))
    return texts


def adf_nodes(node: Any) -> Iterator[tuple[str, str]]:
    """(text, "") for text nodes and ("", account id) for mentions, depth first."""
    if isinstance(node, dict):
        if node.get("type") == "text":
            yield str(node.get("text", "")), ""
        elif node.get("type") == "mention":
            yield "", str((node.get("attrs") or {}).get("id", ""))
        for child in node.get("content") or []:
            yield from adf_nodes(child)


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def normal(text: str) -> str:
    return _normal(text)
