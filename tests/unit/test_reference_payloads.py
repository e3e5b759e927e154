"""Real Jira payloads nobody on this team wrote (Atlassian's spec examples and editor fixtures, other
Jira clients' recorded responses: tests/fixtures/jira-payloads/README.md), one test each, read the
way the scan reads them: no text, address, title or date lost, no bogus "Label: value" pair, and
every error body's message found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.analysis.ticket_reading import read_ticket
from shared.analysis.ticket_text import norm_label
from shared.jira.adf_markdown import to_markdown
from shared.jira.client import _messages
from shared.jira.models import Rejected, Ticket, normalise_issue, parse_comments
from shared.jira.rendering import render_body

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jira-payloads"
FILES = sorted(p.name for p in FIXTURES.glob("*.json"))


def load(name: str) -> tuple[str, Any]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data["kind"], data["payload"]


def parts_of(node: Any, out: list[str]) -> list[str]:
    """Texts, link addresses, card addresses, expand titles, mention names of a document."""
    if isinstance(node, list):
        for child in node:
            parts_of(child, out)
    elif isinstance(node, dict):
        attrs: dict[str, Any] = node["attrs"] if isinstance(node.get("attrs"), dict) else {}
        if node.get("type") == "text":
            out.append(node["text"])
            out += [m["attrs"]["href"] for m in node.get("marks", []) if m.get("type") == "link"]
        if node.get("type") in ("inlineCard", "blockCard", "embedCard", "expand", "nestedExpand", "mention"):
            out.append(str(attrs.get("url") or attrs.get("title") or attrs.get("text") or ""))
        parts_of(node.get("content"), out)
    return [p for p in out if p.strip()]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\|", "|")).strip()


def test_every_reference_payload_has_a_test_of_its_kind() -> None:
    kinds = {load(name)[0] for name in FILES}
    assert kinds <= {"adf", "issue", "search_page", "comment_page", "comment", "changelog_page", "error", "myself"}
    assert len(FILES) >= 25


@pytest.mark.parametrize("name", FILES)
def test_reference_payload_reads_whole(name: str) -> None:
    kind, payload = load(name)
    match kind:
        case "adf":
            out = to_markdown(payload)
            for part in parts_of(payload, []):
                for line in part.splitlines():
                    assert flat(line) in flat(out), f"{name}: {line!r} lost"
            stamps = re.findall(r'"timestamp": "(\d+)"', json.dumps(payload))
            assert not any(stamp in out for stamp in stamps), "dates stay epoch milliseconds"
            # Paragraph boundaries hold: a "Label: value" pair spans two blocks only where the first
            # is a heading or a bare "Label:" (whose value the next paragraph is), never two prose lines.
            blocks = [b for b in out.split("\n\n") if b.strip()]
            within = {(f.label, f.value) for b in blocks for f in read_ticket(b).fields}
            openers = {norm_label(line) for line in out.splitlines() if line.startswith("#") or line.endswith(":")}
            for label, _ in {(f.label, f.value) for f in read_ticket(out).fields} - within:
                assert label in openers, f"{name}: bogus pair under {label!r}"
        case "issue":
            ticket = normalise_issue(payload)
            assert isinstance(ticket, Ticket), name
            description = payload["fields"].get("description")
            body = render_body(ticket, None)
            for part in parts_of(description, []) if isinstance(description, dict) else [description or ""]:
                assert flat(part) in flat(body), f"{name}: {part!r} lost"
            for attachment in payload["fields"].get("attachment") or []:
                assert attachment["filename"] in body and attachment["mimeType"] in body
        case "search_page":
            read = [normalise_issue(raw) for raw in payload["issues"]]
            assert read and all(isinstance(t, Ticket | Rejected) for t in read)
            assert any(isinstance(t, Ticket) for t in read), name
        case "comment_page":
            comments = parse_comments(payload["comments"])
            assert len(comments) == len(payload["comments"])
            for raw, comment in zip(payload["comments"], comments, strict=True):
                body = raw["body"]  # ADF in v3, wiki markup (a string) in v2
                for part in [body] if isinstance(body, str) else parts_of(body, []):
                    assert flat(part) in flat(comment.text)
        case "comment":
            (comment,) = parse_comments([payload])
            assert comment.author_id == payload["author"]["accountId"] and comment.text
        case "changelog_page":
            values = payload["values"]
            assert values and all(isinstance(item.get("field"), str) for v in values for item in v["items"])
        case "error":
            said = _messages(httpx.Response(400, json=payload))
            assert said != "(no message)"
            for text in re.findall(r'"(?:message|errorMessages)": "([^"]+)"|"([^"]+)"', json.dumps(payload)):
                found = next(t for t in text if t)
                if found not in ("message", "statusCode", "errorMessages", "errors"):
                    assert found in said or said in found, f"{name}: {found!r} not in {said!r}"
        case "myself":
            assert isinstance(payload.get("accountId"), str)


def test_an_issue_without_a_reporter_does_not_adopt_anonymous_comments() -> None:
    """Comments without an author are nobody's answer: with no reporter on the issue, they used
    to count as the reporter's, so the text changed whenever such a comment came and went."""
    comment = {"id": "1", "body": "irrelevant chatter", "created": "2026-11-20T09:00:00.000+0000"}
    raw = {"key": "OPS-1", "fields": {"summary": "s", "description": "d", "comment": {"comments": [comment]}}}
    ticket = normalise_issue(raw)
    assert isinstance(ticket, Ticket) and ticket.reporter is None
    assert render_body(ticket, None) == "d"
