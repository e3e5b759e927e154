"""Atlassian Document Format: read any description into text, build our comments.

Jira v3 gives descriptions as ADF, but real sites also give plain strings or null, and ADF grows
new node types. Reading must never crash: unknown nodes contribute their text children or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_BLOCK_NODES = {
    "paragraph",
    "heading",
    "blockquote",
    "codeBlock",
    "listItem",
    "tableRow",
    "panel",
    "rule",
    "mediaSingle",
    "mediaGroup",
    "expand",
    "nestedExpand",
    "decisionItem",
    "taskItem",
}
_MAX_DEPTH = 64


def to_text(value: Any) -> str:
    """Plain text of an ADF document, a plain string, or nothing (None -> "")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts: list[str] = []
    _walk(value, parts, 0)
    text = "".join(parts)
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip()


def _walk(node: Any, out: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH or not isinstance(node, dict):
        return
    kind = node.get("type")
    raw_attrs = node.get("attrs")
    attrs: dict[str, Any] = raw_attrs if isinstance(raw_attrs, dict) else {}
    if kind == "text":
        text = node.get("text")
        if isinstance(text, str):
            out.append(text)
        return
    if kind == "hardBreak":
        out.append("\n")
        return
    if kind == "mention":
        out.append(str(attrs.get("text") or "@mention"))
        return
    if kind == "emoji":
        out.append(str(attrs.get("text") or attrs.get("shortName") or ""))
        return
    if kind in ("inlineCard", "blockCard", "embedCard"):
        url = attrs.get("url")
        if isinstance(url, str):
            out.append(url)
        return
    if kind == "status" or kind == "date":
        out.append(str(attrs.get("text") or attrs.get("timestamp") or ""))
        return
    if kind == "tableCell" or kind == "tableHeader":
        _children(node, out, depth)
        out.append(" | ")
        return
    if kind == "listItem":
        out.append("- ")
    _children(node, out, depth)
    if kind in _BLOCK_NODES and not (out and out[-1].endswith("\n")):
        out.append("\n")


def _children(node: dict[str, Any], out: list[str], depth: int) -> None:
    content = node.get("content")
    if isinstance(content, list):
        for child in content:
            _walk(child, out, depth + 1)


def text(value: str, *, strong: bool = False) -> dict[str, Any]:
    """An ADF text node."""
    node: dict[str, Any] = {"type": "text", "text": value}
    if strong:
        node["marks"] = [{"type": "strong"}]
    return node


def paragraph(*inlines: dict[str, Any]) -> dict[str, Any]:
    return {"type": "paragraph", "content": list(inlines)}


def bullet_list(items: Iterable[list[dict[str, Any]]]) -> dict[str, Any]:
    """A bullet list whose items are each one paragraph of inline nodes."""
    return {
        "type": "bulletList",
        "content": [{"type": "listItem", "content": [paragraph(*item)]} for item in items],
    }


def mention(account_id: str) -> dict[str, Any]:
    return {"type": "mention", "attrs": {"id": account_id}}


def doc(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": "doc", "version": 1, "content": list(blocks)}
