"""The report's activities: everything that touches the world (Jira, ledger, blobs, LLM).

Each takes and returns small JSON dicts (references to blobs, counts), never ticket lists, so
Durable payloads stay far below the 45 KB limit.
"""

from __future__ import annotations

import asyncio
import calendar
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from shared.jira.client import JiraClient
from shared.jira.jql import quote
from shared.jira.models import Ticket, normalise_issue
from shared.ledger import Ledger
from shared.lifecycle.record import LedgerRecord
from shared.llm.structured import StructuredLLM
from shared.metering import llm_cost
from shared.report.llm_map import classify_batch
from shared.report.mapreduce import REPORT_EXPAND, REPORT_FIELDS, extract_facts, reduce_facts, with_llm
from shared.report.models import BatchRef, BatchResult, BotFigures, MonthlyReport, TicketFacts
from shared.report.narrative import narrate
from shared.report.options import ReportOptions
from shared.report.render import render_html, render_json, render_markdown
from shared.report.store import ReportStore
from shared.scan_models import ScanOptions


def month_bounds(month: str) -> tuple[datetime, datetime]:
    year, mon = (int(x) for x in month.split("-"))
    start = datetime(year, mon, 1, tzinfo=UTC)
    end = datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=UTC)
    return start, end


def previous_month(month: str) -> str:
    start, _ = month_bounds(month)
    return f"{start.year - (start.month == 1)}-{(start.month - 2) % 12 + 1:02d}"


async def list_month(
    jira: JiraClient, store: ReportStore, month: str, batch_size: int, *, scope_jql: str
) -> list[dict[str, Any]]:
    """Page through the month's tickets (by created date) into batch blobs; return references."""
    start, end = month_bounds(month)
    jql = (
        f"({scope_jql}) AND created >= {quote(f'{start:%Y-%m-%d}')} "
        f"AND created < {quote(f'{end:%Y-%m-%d}')} ORDER BY created ASC"
    )
    refs: list[BatchRef] = []
    batch: list[dict[str, Any]] = []

    async def flush() -> None:
        name = f"{month}/batches/{len(refs):04d}.json"
        await store.put_json(name, batch)
        refs.append(BatchRef(month=month, index=len(refs), blob=name, count=len(batch)))
        batch.clear()

    async for page in jira.search(jql, REPORT_FIELDS, page_size=100, expand=REPORT_EXPAND):
        for raw in page:
            batch.append(raw)
            if len(batch) >= batch_size:
                await flush()
    if batch:
        await flush()
    return [r.model_dump() for r in refs]


async def map_batch(
    jira: JiraClient,
    ledger: Ledger,
    llm: StructuredLLM | None,
    store: ReportStore,
    ref: BatchRef,
    options: ReportOptions,
    *,
    bot_account_id: str | None,
) -> dict[str, Any]:
    """Facts for one batch. Raises on failure so the orchestrator's RetryOptions retry it.

    The LLM call (one per batch, when `llm` is given) runs while the ledger and changelogs are read."""
    raws = await store.get_json(ref.blob) or []
    bot = bot_account_id
    policy = options.field_policy
    tickets = [(raw, t) for raw in raws if isinstance(t := normalise_issue(raw, policy), Ticket)]
    reads = asyncio.Semaphore(8)

    async def history(ticket: Ticket) -> tuple[LedgerRecord | None, list[dict[str, Any]]]:
        # Every ticket's row, labelled or not: one judged in shadow mode (nothing written) still
        # counts toward its category's readiness, measured by what people did.
        async with reads:
            found = await ledger.read(ticket.key)
            record = found[0] if found else None
            changelog = await jira.changelog(ticket.key) if record and record.commented else []
            return record, changelog

    llm_task = asyncio.ensure_future(classify_batch(llm, [t for _, t in tickets], bot)) if llm else None
    try:
        histories = await asyncio.gather(*(history(t) for _, t in tickets))
    except BaseException:
        if llm_task:
            llm_task.cancel()
        raise
    mapping = options.category_map
    site_map = options.site_map

    def rules_facts() -> list[TicketFacts]:
        out = []
        for (raw, _), (record, changelog) in zip(tickets, histories, strict=True):
            fact = extract_facts(
                raw, bot_account_id=bot, record=record, changelog=changelog, mapping=mapping,
                site_map=site_map, policy=policy,
            )  # fmt: skip
            if fact is not None:
                out.append(fact)
        return out

    # The CPU-bound part runs in a thread while the batch's LLM call is in flight.
    facts = await asyncio.to_thread(rules_facts)
    readings, tokens_in, tokens_out = await llm_task if llm_task else ({}, 0, 0)
    facts = [with_llm(f, readings.get(f.key)) for f in facts]
    name = f"{ref.month}/facts/{ref.index:04d}.json"
    await store.put_json(name, [f.model_dump(mode="json") for f in facts])
    return BatchResult(
        index=ref.index, blob=name, count=len(facts), llm_calls=1 if llm and tickets else 0,
        tokens_in=tokens_in, tokens_out=tokens_out,
    ).model_dump()  # fmt: skip


async def bot_figures(ledger: Ledger, month: str, projects: set[str]) -> BotFigures:
    ticks = await ledger.ticks(month)
    parked = 0
    for project in sorted(projects):
        parked += sum(1 for r in await ledger.records(project) if r.state == "poisoned")

    def total(name: str) -> int:
        return sum(int(t.get(name) or 0) for t in ticks)

    return BotFigures(
        ticks=len(ticks),
        tickets_analyzed=total("analyzed"),
        comments_posted=total("comments_posted"),
        labels_written=total("label_edits"),
        llm_calls=total("llm_calls"),
        tokens_in=total("tokens_in"),
        tokens_out=total("tokens_out"),
        estimated_cost_usd=round(sum(float(t.get("estimated_cost_usd") or 0) for t in ticks), 4),
        failures=total("failures"),
        parked=parked,
    )


async def reduce_month(
    ledger: Ledger,
    llm: StructuredLLM | None,
    store: ReportStore,
    month: str,
    results: list[dict[str, Any]],
    generated_at: str,
    *,
    browse_url: str | None,
    links: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Aggregate every batch's facts, add last month's figures and the narrative, store JSON.
    `links`: DEFLECTION_LINKS, to say which requests have a faster path."""
    parsed = [BatchResult.model_validate(r) for r in results]
    facts: list[TicketFacts] = []
    for result in parsed:
        if result.blob:
            facts.extend(TicketFacts.model_validate(f) for f in await store.get_json(result.blob) or [])
    previous_raw = await store.get_json(f"{previous_month(month)}/report.json")
    previous = MonthlyReport.model_validate(previous_raw).aggregate if previous_raw else None
    projects = {f.key.rsplit("-", 1)[0] for f in facts}
    start, _ = month_bounds(month)
    aggregate = reduce_facts(
        facts,
        month=month,
        days_in_month=calendar.monthrange(start.year, start.month)[1],
        batches=len(parsed),
        batches_missing=[r.index for r in parsed if r.error],
        bot=await bot_figures(ledger, month, projects),
        previous=previous,
        links=links,
    )
    narrative = await narrate(llm, aggregate)
    report = MonthlyReport(
        month=month,
        generated_at=datetime.fromisoformat(generated_at),
        aggregate=aggregate,
        narrative=narrative,
        browse_url=browse_url,
    )
    name = f"{month}/report.json"
    await store.put_text(name, render_json(report), "application/json")
    return {
        "month": month,
        "blob": name,
        "tickets": aggregate.tickets,
        "batches_missing": aggregate.batches_missing,
    }


async def render_month(store: ReportStore, month: str) -> dict[str, Any]:
    """Markdown and the self-contained HTML page next to the JSON."""
    report = MonthlyReport.model_validate(await store.get_json(f"{month}/report.json"))
    md = await store.put_text(f"{month}/report.md", render_markdown(report), "text/markdown; charset=utf-8")
    html = await store.put_text(f"{month}/report.html", render_html(report), "text/html; charset=utf-8")
    return {"month": month, "json": f"{month}/report.json", "markdown": md, "html": html}


def run_summary(params: dict[str, Any], summary: dict[str, Any], options: ScanOptions) -> dict[str, Any]:
    """The report run's telemetry record: counts, LLM spend and duration (no ticket data)."""
    results = [BatchResult.model_validate(r) for r in params["results"]]
    tokens_in = sum(r.tokens_in for r in results)
    tokens_out = sum(r.tokens_out for r in results)
    started = datetime.fromisoformat(params.get("started_at") or params["generated_at"])
    return {
        "month": params["month"],
        "status": "completed",
        "tickets": summary["tickets"],
        "batches": len(results),
        "batches_missing": len(summary["batches_missing"]),
        "llm_calls": sum(r.llm_calls for r in results),
        "tokens_in": tokens_in,
        "tokens_out": tokens_out,
        "estimated_cost_usd": llm_cost(
            tokens_in, tokens_out, options.price_in_per_mtok, options.price_out_per_mtok
        ),
        "duration_s": round((datetime.now(UTC) - started).total_seconds(), 3),
    }
