"""Atlassian Document Format: build the comments we post. (Reading ADF: `adf_markdown`.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def text(value: str, *, strong: bool = False) -> dict[str, Any]:
    """An ADF text node."""
    node: dict[str, Any] = {"type": "text", "text": value}
    if strong:
        node["marks"] = [{"type": "strong"}]
    return node


def link(value: str, href: str) -> dict[str, Any]:
    """A text node carrying a link mark: Jira shows it as a link, not as text to copy."""
    return {"type": "text", "text": value, "marks": [{"type": "link", "attrs": {"href": href}}]}


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
