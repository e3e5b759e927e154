"""Production mistakes become test cases: ledger disagreements written in the eval set's format.

For every ledger record with a `disagreement` the ticket is fetched again, redacted (secrets and
emails) and written with `"gold": null` for a person to label, next to what the bot said.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.analysis.comment import MARKER_KEY
from shared.analysis.redact import redact
from shared.analysis.rules import assess_text, detect_language
from shared.jira.client import JiraClient
from shared.jira.errors import JiraNotFound
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Rejected, normalise_issue
from shared.jira.rendering import render_body
from shared.ledger import Ledger
from shared.lifecycle.record import LedgerRecord

_PROJECT_EQ = re.compile(r"\bproject\s*=\s*[\"']?([A-Za-z][A-Za-z0-9_]*)", re.IGNORECASE)
_PROJECT_IN = re.compile(r"\bproject\s+in\s*\(([^)]*)\)", re.IGNORECASE)


def projects_in(jql: str) -> list[str]:
    """Project keys named in the scan scope (`project = OPS`, `project in (OPS, "INFRA")`)."""
    found = [m.group(1) for m in _PROJECT_EQ.finditer(jql)]
    for m in _PROJECT_IN.finditer(jql):
        found += [p.strip().strip("\"'") for p in m.group(1).split(",")]
    return list(dict.fromkeys(p.upper() for p in found if p))


@dataclass
class ExportResult:
    written: int = 0
    skipped: list[str] = field(default_factory=list)


async def export_disagreements(
    jira: JiraClient,
    ledger: Ledger,
    projects: list[str],
    path: Path,
    *,
    bot_account_id: str | None,
    threshold: int,
) -> ExportResult:
    """Write one eval line per disagreement (oldest first); tickets gone from Jira are skipped.
    `threshold` is the rules' (QUALITY_THRESHOLD), for a ticket whose asked items must be re-read."""
    records: list[LedgerRecord] = []
    for project in projects:
        records += [r for r in await ledger.records(project) if r.disagreement]
    records.sort(key=lambda r: (r.disagreed_at is None, r.disagreed_at, r.key))
    bot = bot_account_id
    result = ExportResult()
    lines: list[str] = []
    for record in records:
        try:
            raw = await jira.get_issue(record.key, SCAN_FIELDS, expand=SCAN_EXPAND)
        except JiraNotFound:
            result.skipped.append(f"{record.key}: no longer in Jira")
            continue
        ticket = normalise_issue(raw)
        if isinstance(ticket, Rejected):
            result.skipped.append(f"{record.key}: {ticket.reason}")
            continue
        # An eval file is shared and committed: emails go too, whatever REDACT_EMAILS says.
        summary = redact(ticket.summary, emails=True).text
        body = redact(render_body(ticket, bot), emails=True).text
        line: dict[str, Any] = {
            "id": record.key,
            "language": record.language or detect_language(f"{summary}\n{body}"),
            "summary": summary,
            "description": body,
            "gold": None,
            "tags": ["production", "disagreement"],
            "note": "",
            "disagreement": record.disagreement,
            "disagreed_at": record.disagreed_at.isoformat() if record.disagreed_at else None,
            "fingerprint": record.fingerprint,
            "bot": await _bot_judgement(jira, record, summary, body, threshold),
        }
        lines.append(json.dumps(line, ensure_ascii=False))
        result.written += 1
    await asyncio.to_thread(_write, path, lines)
    return result


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")


async def _bot_judgement(
    jira: JiraClient, record: LedgerRecord, summary: str, body: str, threshold: int
) -> dict[str, Any]:
    """What the bot said: verdict and category from the ledger; the items it asked for from our
    comment's marker, else none for a complete verdict, else a rules re-run on today's text."""
    missing: list[str] | None = None
    source = "verdict"
    if record.commented:
        for comment in await jira.list_comments(record.key):
            if str(comment.get("id")) == record.comment_id or record.comment_id is None:
                marker = _marker(comment)
                if marker is not None:
                    missing, source = [str(m) for m in marker.get("missing") or []], "our comment"
                    break
    if missing is None and record.verdict == "HIGH_QUALITY":
        missing = []
    if missing is None:
        again = assess_text(summary, body, threshold=threshold)
        missing, source = [m.id for m in again.missing], "rules re-run on the current text"
    return {
        "verdict": record.verdict,
        "category": record.category,
        "missing": missing,
        "missing_from": source,
        "score": record.score,
        "analyzer": record.analyzer,
    }


def _marker(comment: dict[str, Any]) -> dict[str, Any] | None:
    for prop in comment.get("properties") or []:
        if isinstance(prop, dict) and prop.get("key") == MARKER_KEY and isinstance(prop.get("value"), dict):
            return dict(prop["value"])
    return None
