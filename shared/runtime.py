"""Composition root: builds the adapters once per worker process from validated settings.

Faces (the timer, HTTP triggers, the CLI) call `get_runtime()` and pass its parts to a use case;
nothing else constructs clients.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shared.analysis.analyzer import Analyzer
from shared.analysis.learned import LearnedJudge, WeightsError, load_judge
from shared.config import Settings, SettingsError, load_settings
from shared.jira.client import JiraClient
from shared.ledger import Ledger
from shared.llm_setup import build_judge
from shared.scan_models import ScanOptions
from shared.secrets import resolve
from shared.triage import Adapters

if TYPE_CHECKING:
    from shared.llm.structured import StructuredLLM
    from shared.report.store import ReportStore


@dataclass
class Runtime:
    settings: Settings
    jira: JiraClient
    ledger: Ledger
    analyzer: Analyzer
    options: ScanOptions
    bot_account_id: str | None = None
    _store: ReportStore | None = None

    @property
    def llm(self) -> StructuredLLM | None:
        """The model adapter (the judge's), for the report's map and narrative; None without one."""
        return self.analyzer.judge.llm if self.analyzer.judge is not None else None

    async def bot_id(self) -> str | None:
        """The account we post as (cached): to tell our comments from people's."""
        if self.bot_account_id is None:
            me = await self.jira.myself()
            account = me.get("accountId")
            self.bot_account_id = account if isinstance(account, str) else None
        return self.bot_account_id

    async def adapters(self) -> Adapters:
        """What a ticket's life touches, for the scan and reanalysis use cases."""
        return Adapters(self.jira, self.ledger, self.analyzer, await self.bot_id())

    async def report_store(self) -> ReportStore:
        """Blob container for reports (created on first use, cached)."""
        if self._store is None:
            from shared.report.store import ReportStore

            assert self.settings.STORAGE is not None
            store = ReportStore.create(
                self.settings.STORAGE.get_secret_value(), self.settings.REPORT_CONTAINER
            )
            try:
                await store.ensure()
            except BaseException:  # storage down: close what was opened, try again next time
                await store.aclose()
                raise
            self._store = store
        return self._store

    async def aclose(self) -> None:
        if self._store is not None:
            await self._store.aclose()
        await self.jira.aclose()
        await self.ledger.aclose()
        if self.analyzer.judge is not None:
            await self.analyzer.judge.aclose()


async def build_runtime(settings: Settings) -> Runtime:
    settings = await resolve(settings)
    assert settings.JIRA_API_TOKEN is not None and settings.STORAGE is not None
    learned = _learned_layer(settings)  # before any client exists: a bad weights file leaks nothing
    jira = JiraClient.create(
        str(settings.JIRA_BASE_URL),
        settings.JIRA_EMAIL,
        settings.JIRA_API_TOKEN.get_secret_value(),
        timeout=settings.JIRA_TIMEOUT_SECONDS,
        max_attempts=settings.JIRA_MAX_ATTEMPTS,
    )
    ledger = Ledger.create(settings.STORAGE.get_secret_value(), settings.LEDGER_TABLE)
    try:
        await ledger.ensure_table()
    except BaseException:  # storage down or permissions not there yet: do not leak the clients
        await jira.aclose()
        await ledger.aclose()
        raise
    judge = build_judge(settings)
    analyzer = Analyzer(
        threshold=settings.QUALITY_THRESHOLD,
        judge=judge,
        model=judge.model if judge else "",
        category_map=settings.TRIAGE_CATEGORY_MAP,
        learned=learned,
    )
    return Runtime(settings, jira, ledger, analyzer, ScanOptions.from_settings(settings))


def _learned_layer(settings: Settings) -> LearnedJudge | None:
    if not settings.RULES_LEARNED:
        return None
    try:
        return load_judge()
    except WeightsError as exc:
        hint = "RULES_LEARNED=false runs the rules alone"
        raise SettingsError(f"RULES_LEARNED=true but {exc} ({hint})") from None


_runtime: Runtime | None = None
_lock = asyncio.Lock()


async def get_runtime() -> Runtime:
    """The process-wide runtime, built on first use (settings are validated then)."""
    global _runtime
    async with _lock:
        if _runtime is None:
            _runtime = await build_runtime(load_settings(dict(os.environ)))
        return _runtime
