"""Default answers of the fake LLM endpoint: a plausible, schema-valid judgement.

It reads the ticket back out of the prompt our LLM analyzer sends and answers with what the rules
analyzer finds, so tests and benchmarks exercise the real client, prompt and parsing with
deterministic content. Never deployed.
"""

from __future__ import annotations

import re
from typing import Any

from shared.analysis.rules import assess_text

_TICKET = re.compile(r"<ticket>\nSummary: (?P<summary>.*?)\n\n(?P<body>.*)\n</ticket>", re.DOTALL)


def respond(request: dict[str, Any]) -> dict[str, Any]:
    messages = request.get("messages") or []
    user = next(
        (m.get("content", "") for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "user"),
        "",
    )
    match = _TICKET.search(user if isinstance(user, str) else "")
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
