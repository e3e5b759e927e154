"""Map (facts per ticket) and reduce (the month's aggregate): pure functions, no I/O, no clock."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from shared.analysis.models import Category
from shared.analysis.rules import classify, detect_language
from shared.analysis.signatures import llm_signature, signature
from shared.analysis.site_fields import site_category
from shared.jira.fields import FieldPolicy
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Ticket, normalise_issue, parse_jira_datetime
from shared.jira.rendering import render_body
from shared.lifecycle.record import LedgerRecord
from shared.report import metrics
from shared.report.deflection import deflection_rows, documentation_links
from shared.report.models import Aggregate, BotFigures, Ranked, TicketFacts
from shared.report.not_applicable import not_applicable_items
from shared.report.readiness import readiness

# The same fields and names the scan reads (the request form included): one rendering everywhere.
REPORT_FIELDS = SCAN_FIELDS
REPORT_EXPAND = SCAN_EXPAND
_HEAD_CHARS = 8000
_QUESTION = re.compile(
    r"\?|？|(요|까|나요|가요|습니까|ㄹ까요)\s*$|(알려\s?주|확인\s?부탁|말씀해)", re.MULTILINE
)


def actual_category(ticket: Ticket, raw_fields: Mapping[str, Any], mapping: Mapping[str, str]) -> str | None:
    """The category the ticket ended in, by the team's mapping of components, labels, issue type."""
    keys = [f"component:{c}" for c in ticket.components] + [f"label:{label}" for label in ticket.labels]
    if ticket.issue_type:
        keys.append(f"issuetype:{ticket.issue_type}")
    for key in keys:
        if key in mapping:
            return mapping[key]
    return None


def _work_started(changelog: Sequence[Mapping[str, Any]], resolved: datetime | None) -> datetime | None:
    for entry in changelog:
        for item in entry.get("items") or []:
            if item.get("field") == "status" and str(item.get("toString", "")).lower() in (
                "in progress",
                "진행 중",
            ):
                return parse_jira_datetime(entry.get("created"))
    return resolved


def extract_facts(
    raw: Mapping[str, Any],
    *,
    bot_account_id: str | None,
    record: LedgerRecord | None,
    changelog: Sequence[Mapping[str, Any]] = (),
    mapping: Mapping[str, str],
    llm: tuple[str, str, str] | None = None,
    site_map: Mapping[str, Category] | None = None,
    policy: FieldPolicy | None = None,
) -> TicketFacts | None:
    """Facts of one ticket; None for an issue we cannot read (counted by the caller). A category
    the site's request or issue type decides (`site_map`) is taken as it is and marked so: it is
    not the analyzer's to be measured on."""
    ticket = normalise_issue(dict(raw), policy)
    if not isinstance(ticket, Ticket):
        return None
    fields = raw.get("fields") or {}
    resolved = parse_jira_datetime(fields.get("resolutiondate"))
    by_site = site_category(ticket, site_map or {})
    category = by_site or (record.category if record and record.category else None)
    # The ask is at the top of the one rendering (fields, then the description); pasted logs add
    # nothing here.
    head = render_body(ticket, bot_account_id)[:_HEAD_CHARS]
    # Only the category and the language are needed here, not the checklist: the report reads
    # 400-500 tickets beside the batch's LLM call, so the rules' cheaper half is all it runs.
    language = detect_language(f"{ticket.summary}\n{head}")
    if llm is not None and by_site is None:  # the LLM's reading of the batch, already validated
        category = llm[0]
        kind, subject, sig = llm_signature(*llm)
    else:
        category = category or classify(ticket.summary, head)
        kind, subject, sig = signature(category, ticket.summary, head)
    reporter = ticket.reporter.account_id if ticket.reporter else None
    started = _work_started(changelog, resolved)
    rounds = sum(
        1
        for c in ticket.comments
        if c.author_id not in (reporter, bot_account_id)
        and (started is None or c.created is None or c.created <= started)
        and _QUESTION.search(c.text)
    )
    ours = _our_comment_time(ticket, record, bot_account_id)
    # Judged NEEDS_INFO and not asked (holdout, shadow, outside the pilot): did the reporter
    # supply more anyway? The baseline our question is measured against.
    since = ours or _judged_needs_info_at(record)
    supplied_at = _supplied_after(ticket, changelog, reporter, since) if since else None
    hours = None
    if resolved and ticket.created:
        hours = round((resolved - ticket.created).total_seconds() / 3600, 2)
    return TicketFacts(
        key=ticket.key,
        created=ticket.created,
        resolved=resolved,
        status_category=ticket.status_category,
        language=language,
        category=category,
        category_by_site=by_site is not None,
        actual_category=actual_category(ticket, fields, mapping),
        request_kind=kind,
        subject=subject,
        signature=sig,
        resolution_hours=hours,
        comments=len(ticket.comments),
        clarifying_rounds=rounds,
        verdict=record.verdict if record else None,
        bot_commented=bool(record and record.commented),
        holdout=bool(record and record.holdout),
        disagreement=bool(record and record.disagreement),
        not_applicable=tuple(f"{record.category}.{i}" for i in record.not_applicable)
        if record and record.category
        else (),
        deflection_link=record.deflection_link if record and record.commented else None,
        info_supplied=(supplied_at is not None) if since else None,
        info_supplied_hours=round((supplied_at - since).total_seconds() / 3600, 2)
        if since and supplied_at
        else None,
        mode=record.mode if record else None,
        bot_category=record.category if record else None,
        bot_wrote=bool(record and record.labels_written),
    )


def with_llm(fact: TicketFacts, reading: tuple[str, str, str] | None) -> TicketFacts:
    """Apply the LLM's (validated) reading of a ticket on top of the rules-based facts (never over a
    category the site decided)."""
    if reading is None or fact.category_by_site:
        return fact
    kind, subject, sig = llm_signature(*reading)
    return fact.model_copy(
        update={"category": reading[0], "request_kind": kind, "subject": subject, "signature": sig}
    )


def _our_comment_time(ticket: Ticket, record: LedgerRecord | None, bot: str | None) -> datetime | None:
    if not record or not record.commented:
        return None
    for comment in ticket.comments:
        if (record.comment_id and comment.id == record.comment_id) or (
            not record.comment_id and comment.author_id == bot
        ):
            return comment.created
    return None


def _judged_needs_info_at(record: LedgerRecord | None) -> datetime | None:
    """When the bot first judged the ticket NEEDS_INFO (from the audit trail)."""
    if record is None:
        return None
    return next((d.at for d in record.history if d.outcome == "analyzed" and d.verdict == "NEEDS_INFO"), None)


def _supplied_after(
    ticket: Ticket, changelog: Sequence[Mapping[str, Any]], reporter: str | None, since: datetime
) -> datetime | None:
    """First moment after our question when the reporter replied or edited the ticket's content."""
    moments = [
        c.created for c in ticket.comments if c.author_id == reporter and c.created and c.created > since
    ]
    for entry in changelog:
        author = (entry.get("author") or {}).get("accountId")
        at = parse_jira_datetime(entry.get("created"))
        edited = any(
            i.get("field") in ("description", "summary", "Component", "components")
            for i in entry.get("items") or []
        )
        if author == reporter and at and at > since and edited:
            moments.append(at)
    return min(moments) if moments else None


def _ranked(counter: Counter[str], total: int, previous: Mapping[str, int], examples: Mapping[str, list[str]],
            hours: Mapping[str, list[float]], limit: int = 20) -> list[Ranked]:  # fmt: skip
    return [
        Ranked(
            name=name,
            count=count,
            share=round(count / total, 4) if total else 0.0,
            previous=previous.get(name),
            examples=examples.get(name, [])[:5],
            median_resolution_hours=round(statistics.median(hours[name]), 1) if hours.get(name) else None,
        )
        for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ]


def _key_order(f: TicketFacts) -> tuple[str, int]:
    project, _, number = f.key.rpartition("-")
    return project, int(number) if number.isdigit() else 0


def reduce_facts(
    facts: Iterable[TicketFacts],
    *,
    month: str,
    days_in_month: int,
    batches: int,
    batches_missing: Sequence[int],
    bot: BotFigures,
    previous: Aggregate | None,
    links: Mapping[str, str] | None = None,
) -> Aggregate:
    """Deterministic aggregate: same facts in any order give the same report. `links`:
    DEFLECTION_LINKS as configured now, for the faster-path table and the documentation marker."""
    items = sorted(facts, key=_key_order)
    total = len(items)
    by_cat: Counter[str] = Counter(f.category for f in items)
    by_sig: Counter[str] = Counter(f.signature for f in items)
    examples: defaultdict[str, list[str]] = defaultdict(list)
    hours: defaultdict[str, list[float]] = defaultdict(list)
    for f in items:
        examples[f.signature].append(f.key)
        examples[f.category].append(f.key)
        if f.resolution_hours is not None:
            hours[f.signature].append(f.resolution_hours)
            hours[f.category].append(f.resolution_hours)
    prev_sig = {r.name: r.count for r in previous.recurring} if previous else {}
    prev_cat = {r.name: r.count for r in previous.by_category} if previous else {}
    recurring = _ranked(
        Counter({s: n for s, n in by_sig.items() if n >= 2}), total, prev_sig, examples, hours, 25
    )
    daily = [0] * days_in_month
    for f in items:
        if f.created and f.created.strftime("%Y-%m") == month:
            daily[f.created.day - 1] += 1
    all_hours = [f.resolution_hours for f in items if f.resolution_hours is not None]
    documentation = metrics.documentation_candidates(items, total)
    return Aggregate(
        month=month,
        tickets=total,
        batches=batches,
        batches_missing=sorted(batches_missing),
        by_category=_ranked(by_cat, total, prev_cat, examples, hours),
        by_language=dict(sorted(Counter(f.language for f in items).items())),
        recurring=recurring,
        automation_candidates=metrics.automation_candidates(recurring, items),
        documentation_candidates=documentation,
        daily_created=daily,
        median_resolution_hours=round(statistics.median(all_hours), 1) if all_hours else None,
        effect=metrics.effect(items, previous.effect if previous else None),
        accuracy=metrics.confusion(items),
        bot=bot,
        readiness=readiness(items),
        not_applicable=not_applicable_items(items),
        deflection=deflection_rows(items, links or {}),
        documentation_links=documentation_links(documentation, items, links or {}),
    )
