"""The model's answers, kept so a figure measured once against a deployment can be replayed later.

`python -m tools eval --analyzer llm --record FILE` writes one line per answered request:
`{"key": <hash of the ticket block>, "prompt": <prompt id>, "answer": <the model's judgement>}`,
the format `bench/llm_replay.py` serves back from a loopback endpoint. The key hashes the ticket
block alone, so a recording outlives a change of the rules pre-check in the same message; the
prompt id pins it to the exact prompt text it answered.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def request_key(user_message: str) -> str:
    """The ticket block's hash."""
    start = user_message.find("<ticket>")
    ticket = user_message[start:] if start >= 0 else user_message
    return hashlib.sha256(ticket.encode("utf-8")).hexdigest()[:20]


class AnswerRecorder:
    """Collects the model's parsed answers during a run, then writes them (sorted, one per key)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def __call__(self, messages: list[dict[str, str]], prompt: str, answer: dict[str, Any]) -> None:
        user = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
        key = request_key(user)
        self.rows[key] = {"key": key, "prompt": prompt, "answer": answer}

    def write(self, path: Path) -> int:
        lines = [json.dumps(self.rows[k], ensure_ascii=False) for k in sorted(self.rows)]
        path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        return len(lines)
