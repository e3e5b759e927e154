"""On-demand use cases for operators: reanalyze one ticket now, show its audit trail, health.

The same triage pipeline as the scan, for one key, under a time budget. Errors surface as typed
exceptions the faces (HTTP, CLI) translate; nothing here knows about HTTP.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import BaseModel, Field

from shared import __version__
from shared.config import SettingsError
from shared.jira.client import DEADLINE, JiraClient
from shared.jira.errors import JiraAuthError, JiraError
from shared.jira.jql import pilot_query, quote
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, normalise_issue
from shared.ledger import Ledger, LedgerUnavailable
from shared.lifecycle.record import LedgerRecord
from shared.lifecycle.results import TicketResult
from shared.scan_models import ScanOptions
from shared.triage import Adapters, Triage


class ForceNotAllowed(Exception):
    """`force` was asked for but `REANALYZE_ALLOW_FORCE` is off."""


class BudgetExceeded(Exception):
    """The request's time budget ran out; `stage` says how far it got."""

    def __init__(self, stage: str) -> None:
        super().__init__(f"time budget ran out during: {stage}")
        self.stage = stage


class Reanalysis(BaseModel):
    """What an operator gets back: the judgement, the actions and the ledger row."""

    key: str
    dry_run: bool
    in_scope: bool = True
    mode: str
    forced: bool
    result: TicketResult
    ledger: LedgerRecord | None = None


class Health(BaseModel):
    status: str
    version: str = __version__
    rollout_mode: str | None = None
    analyzer: str | None = None
    checks: dict[str, str] = Field(default_factory=dict)


def _utcnow() -> datetime:
    return datetime.now(UTC)


async def reanalyze(
    adapters: Adapters,
    options: ScanOptions,
    key: str,
    *,
    dry_run: bool,
    force: bool,
    allow_force: bool,
    budget_s: float,
    clock: Callable[[], datetime] = _utcnow,
) -> Reanalysis:
    """Run the pipeline for one ticket now. Raises JiraNotFound, JiraAuthError, JiraError,
    LedgerUnavailable, ForceNotAllowed or BudgetExceeded; ticket-level failures come back in
    `result` (outcome failed/busy/rejected, with `error_kind` and `retry_after`).
    `allow_force`: the setting REANALYZE_ALLOW_FORCE."""
    if force and not allow_force:
        raise ForceNotAllowed("force=true needs the app setting REANALYZE_ALLOW_FORCE=true")
    stage = ["reading the ticket from Jira"]
    token = DEADLINE.set(time.monotonic() + budget_s)
    try:
        async with asyncio.timeout(budget_s):
            return await _reanalyze(
                adapters, options, key, dry_run=dry_run, force=force, clock=clock, stage=stage
            )
    except TimeoutError:
        raise BudgetExceeded(stage[0]) from None
    finally:
        DEADLINE.reset(token)


async def _reanalyze(
    adapters: Adapters,
    options: ScanOptions,
    key: str,
    *,
    dry_run: bool,
    force: bool,
    clock: Callable[[], datetime],
    stage: list[str],
) -> Reanalysis:
    jira = adapters.jira
    item = normalise_issue(await jira.get_issue(key, SCAN_FIELDS, expand=SCAN_EXPAND), options.field_policy)
    in_pilot = False
    in_scope = True
    if not force:
        # The same scope the scan works in: a mistyped key or a closed ticket gets a judgement
        # but no comment and no labels.
        stage[0] = "checking the scan scope"
        in_scope = await _matches(
            jira, f"({options.scope_jql}) AND statusCategory != Done AND key = {quote(key)}"
        )
    if in_scope and options.modes.uses_pilot and options.pilot_jql and not force:
        stage[0] = "checking the pilot scope"
        in_pilot = await _matches(jira, pilot_query(options.scope_jql, options.pilot_jql, [key]))
    triage = Triage(
        adapters=adapters,
        options=options,
        run_id=f"reanalyze-{clock():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}",
        clock=clock,
    )
    stage[0] = "assessing and acting" if not dry_run else "assessing (dry run)"
    if dry_run or not in_scope:
        result = await triage.preview(item, in_pilot=in_pilot, force=force)
        if not in_scope:
            reason = "outside JIRA_SCAN_JQL or already done: nothing written"
            result = result.model_copy(
                update={"reason": f"{reason}; {result.reason}", "would_comment": False}
            )
    else:
        result = await triage.run(item, in_pilot=in_pilot, reanalyze=True, force=force)
    stage[0] = "reading the ledger record"
    return Reanalysis(
        key=key,
        dry_run=dry_run,
        in_scope=in_scope,
        mode="full" if force else (result.mode or options.mode),
        forced=force,
        result=result,
        ledger=await ticket_record(adapters.ledger, key),
    )


async def _matches(jira: JiraClient, jql: str) -> bool:
    async for page in jira.search(jql, ["key"], page_size=1):
        if page:
            return True
    return False


async def ticket_record(ledger: Ledger, key: str) -> LedgerRecord | None:
    """The audit trail: every decision the bot made on this ticket, with its reason."""
    found = await ledger.read(key)
    return found[0] if found else None


async def health(ledger: Ledger, jira: JiraClient, *, rollout_mode: str, analyzer: str) -> Health:
    """Can we reach Table Storage and Jira? Names and states only: no secrets, no ticket data."""
    checks: dict[str, str] = {}
    try:
        await ledger.get_meta("health")
        checks["tableStorage"] = "ok"
    except LedgerUnavailable as exc:
        checks["tableStorage"] = f"unavailable: {exc}"
    try:
        token = DEADLINE.set(time.monotonic() + 10)
        try:
            await jira.myself()
        finally:
            DEADLINE.reset(token)
        checks["jira"] = "ok"
    except JiraAuthError:
        checks["jira"] = "token rejected"
    except JiraError as exc:
        checks["jira"] = f"unavailable: {exc}"
    status = "ok" if all(v == "ok" for v in checks.values()) else "degraded"
    return Health(status=status, rollout_mode=rollout_mode, analyzer=analyzer, checks=checks)


def start_failed(exc: Exception) -> Health:
    """The app could not start: bad settings are named (never their values); anything else by
    its kind only (messages may hold URLs)."""
    if isinstance(exc, SettingsError):
        return Health(status="misconfigured", checks={"settings": str(exc)[:500]})
    return Health(status="unavailable", checks={"startup": exc.__class__.__name__})
