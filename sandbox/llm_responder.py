"""Default answers of the fake LLM endpoint: plausible, schema-valid content for each of our calls.

It reads the request back (the ticket in the triage prompt, the ticket list of a report batch, the
aggregate of the narrative) and answers with what the rules find, so tests and benchmarks exercise
the real client, prompts and parsing with deterministic content. Never deployed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from shared.analysis.rules import assess_text
from shared.analysis.signatures import signature

_TICKET = re.compile(r"<ticket>\nSummary: (?P<summary>.*?)\n\n(?P<body>.*)\n</ticket>", re.DOTALL)


def _user_text(request: dict[str, Any]) -> str:
    messages = request.get("messages") or []
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content", "")
            return content if isinstance(content, str) else ""
    return ""


def respond(request: dict[str, Any]) -> dict[str, Any]:
    schema = ((request.get("response_format") or {}).get("json_schema") or {}).get("name", "")
    if schema == "ReportBatch":
        return _report_batch(_user_text(request))
    if schema == "ReportNarrative":
        return {
            "automation": ["Automate the most frequent access grants (fake endpoint)."],
            "documentation": ["Publish a request template for cloud resources (fake endpoint)."],
            "summary": "Fake narrative over the aggregate numbers.",
        }
    match = _TICKET.search(_user_text(request))
    summary, body = (match.group("summary"), match.group("body")) if match else ("", "")
    rules = assess_text(summary, body, threshold=85)
    return {
        "category": rules.category,
        "language": rules.language,
        "score": rules.score,
        "present": list(rules.present),
        "missing": [m.id for m in rules.missing],
        "rationale": "fake endpoint: mirrors the rules checklist",
    }


def _report_batch(text: str) -> dict[str, Any]:
    try:
        rows = json.loads(text)
    except json.JSONDecodeError:
        rows = []
    tickets = []
    for row in rows if isinstance(rows, list) else []:
        summary, body = str(row.get("summary", "")), str(row.get("description", ""))
        category = assess_text(summary, body, threshold=85).category
        _, subject, sig = signature(category, summary, body)
        qualifier = sig.split("/")[2] if sig.count("/") >= 2 else ""
        tickets.append(
            {"key": str(row.get("key", "")), "category": category, "subject": subject, "qualifier": qualifier}
        )
    return {"tickets": tickets}
