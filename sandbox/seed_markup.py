"""Fill hand-written ticket templates and render them as ADF or as a plain string.

Templates use a small line markup so they stay readable and one template yields both an ADF
document and a legacy plain-text description. A placeholder named after a checklist item
(`{role}`, `{role.2}`) marks the line as carrying that item; the line is dropped when the item is
missing, so the generator knows exactly what each ticket really says.

Line markup: `## heading`, `- bullet`, `1. ordered`, `| table | row |` (first row is the header),
`> panel text`, a fenced code block, anything else a paragraph. Inline: `<br>` hard break,
`@[Name]` mention, `<https://...>` inline card, `:pray:` emoji, `` `code` ``, `**strong**`.
`a || b` takes the first alternative whose items are all present (a line ending in ` ||`
continues on the next). `{?item}` tags a line without carrying the item. In a table only the
cell naming a missing item is left blank, as people leave form fields. A `%%` line marks where
extra lines (fallbacks, pasted secrets) go.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sandbox.seed_people import Reporter, account_id

PLACEHOLDER = re.compile(r"\{(\?)?([a-z_]+)(?:\.([a-z0-9_]+))?\}")
INLINE = re.compile(
    r"@\[(?P<mention>[^\]]+)\]|<(?P<card>https?://[^>\s]+)>|:(?P<emoji>[a-z_]+):"
    r"|`(?P<code>[^`]+)`|\*\*(?P<strong>[^*]+)\*\*|(?P<br><br>)"
)
ORDERED = re.compile(r"^\d+\. ")
HEADING = re.compile(r"#{1,5} ")
MARKER = "%%"
EMOJI = {
    "pray": "🙏",
    "smile": "🙂",
    "bow": "🙇",
    "thumbsup": "👍",
    "fire": "🔥",
    "rotating_light": "🚨",
    "sweat_smile": "😅",
    "eyes": "👀",
    "white_check_mark": "✅",
    "warning": "⚠️",
}


@dataclass(frozen=True)
class CategoryTexts:
    """One category's checklist and hand-written texts in both languages.

    `miss_weights` (aligned with `items`) says which items reporters tend to forget; `context`
    draws the values the templates' placeholders need for one ticket (it is told the missing
    items so no other value gives them away). A body whose first line is `= summary` brings its
    own summary.
    """

    name: str
    items: tuple[str, ...]
    miss_weights: tuple[float, ...]
    summaries: Mapping[str, tuple[str, ...]]
    bodies: Mapping[str, tuple[str, ...]]
    fallbacks: Mapping[str, Mapping[str, str]]
    context: Callable[[random.Random, str, Reporter, datetime, Collection[str]], dict[str, str]]


def line_items(line: str, items: Collection[str]) -> tuple[set[str], set[str]]:
    """Return (items the line needs, items the line carries) from its placeholders."""
    needs: set[str] = set()
    carries: set[str] = set()
    for m in PLACEHOLDER.finditer(line):
        if m.group(2) in items:
            needs.add(m.group(2))
            if not m.group(1):
                carries.add(m.group(2))
    return needs, carries


def unwrap(text: str) -> str:
    """Join alternatives continued on the next line (a line ending in ` ||`)."""
    return text.replace(" ||\n", " || ")


def fill_line(line: str, ctx: Mapping[str, str]) -> str:
    """Substitute placeholders; a multi-line value continues the line's list or panel."""
    marker = next((p for p in ("- ", "> ") if line.startswith(p)), "")
    ordered = ORDERED.match(line)

    def value(m: re.Match[str]) -> str:
        if m.group(1):
            return ""
        key = m.group(2) if m.group(3) is None else f"{m.group(2)}.{m.group(3)}"
        if not ordered:
            return ctx[key].replace("\n", "\n" + marker)
        first = int(ordered.group(0)[:-2])
        parts = ctx[key].split("\n")
        return parts[0] + "".join(f"\n{first + n}. {p}" for n, p in enumerate(parts[1:], 1))

    return PLACEHOLDER.sub(value, line).rstrip()


def _fill_row(
    row: str, ctx: Mapping[str, str], items: Collection[str], missing: set[str]
) -> tuple[str, set[str]]:
    """Fill a table row; a cell whose item is missing stays blank, as people leave form fields."""
    cells, carried = [], set()
    for cell in row.strip().strip("|").split("|"):
        needs, carries = line_items(cell, items)
        if needs & missing:
            cells.append(" ")
        else:
            cells.append(fill_line(cell, ctx) + " ")
            carried |= carries
    return "|" + "|".join(cells) + "|", carried


def fill(
    text: str, ctx: Mapping[str, str], items: Collection[str], missing: Collection[str]
) -> tuple[list[str], set[str]]:
    """Fill a template without the missing items; return its lines and the items they carry."""
    out: list[str] = []
    carried: set[str] = set()
    missing = set(missing)
    lines = unwrap(text).strip("\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            end = lines.index("```", i + 1)
            block = "\n".join(lines[i : end + 1])
            needs, carries = line_items(block, items)
            if not needs & missing:
                out.extend(fill_line(b, ctx) for b in lines[i : end + 1])
                carried |= carries
            i = end + 1
            continue
        if line.startswith("|"):
            row, carries = _fill_row(line, ctx, items, missing)
            out.append(row)
            carried |= carries
            i += 1
            continue
        for alt in line.split(" || "):
            needs, carries = line_items(alt, items)
            if not needs & missing:
                out.append(fill_line(alt, ctx))
                carried |= carries
                break
        i += 1
    return "\n".join(out).split("\n"), carried


def insert_extra(lines: list[str], extra: Sequence[str]) -> list[str]:
    """Put extra lines at the template's `%%` marker (or at the end) and drop the marker."""
    at = lines.index(MARKER) if MARKER in lines else len(lines)
    return [ln for ln in [*lines[:at], *extra, *lines[at:]] if ln != MARKER]


def inline(text: str) -> list[dict[str, Any]]:
    """Turn one line of inline markup into ADF inline nodes (never an empty text node)."""
    nodes: list[dict[str, Any]] = []

    def add_text(s: str, marks: list[dict[str, Any]] | None = None) -> None:
        if s:
            node: dict[str, Any] = {"type": "text", "text": s}
            if marks:
                node["marks"] = marks
            nodes.append(node)

    pos = 0
    for m in INLINE.finditer(text):
        if m.group("emoji") and m.group("emoji") not in EMOJI:
            continue
        add_text(text[pos : m.start()])
        pos = m.end()
        if m.group("mention"):
            name = m.group("mention")
            attrs = {"id": account_id(name), "text": "@" + name, "accessLevel": ""}
            nodes.append({"type": "mention", "attrs": attrs})
        elif m.group("card"):
            nodes.append({"type": "inlineCard", "attrs": {"url": m.group("card")}})
        elif m.group("emoji"):
            short = m.group("emoji")
            attrs = {"shortName": f":{short}:", "text": EMOJI[short]}
            nodes.append({"type": "emoji", "attrs": attrs})
        elif m.group("code"):
            add_text(m.group("code"), [{"type": "code"}])
        elif m.group("strong"):
            add_text(m.group("strong"), [{"type": "strong"}])
        else:
            nodes.append({"type": "hardBreak"})
    add_text(text[pos:])
    return nodes


def paragraph(text: str) -> dict[str, Any]:
    """Build a paragraph node (ADF allows an empty paragraph without content)."""
    content = inline(text)
    return {"type": "paragraph", "content": content} if content else {"type": "paragraph"}


def _table(rows: list[str]) -> dict[str, Any]:
    """Build a table whose first row is the header row."""
    out = []
    for n, row in enumerate(r for r in rows if not re.fullmatch(r"\|[\s|:-]+\|", r)):
        cell_type = "tableHeader" if n == 0 else "tableCell"
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        content = [{"type": cell_type, "attrs": {}, "content": [paragraph(c)]} for c in cells]
        out.append({"type": "tableRow", "content": content})
    return {
        "type": "table",
        "attrs": {"isNumberColumnEnabled": False, "layout": "default"},
        "content": out,
    }


def _run(lines: list[str], i: int, test: re.Pattern[str]) -> int:
    """Return the index after the run of lines starting at i that match test."""
    while i < len(lines) and test.match(lines[i]):
        i += 1
    return i


def to_adf(lines: list[str]) -> dict[str, Any]:
    """Render filled lines as an ADF document."""
    blocks: list[dict[str, Any]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            end = lines.index("```", i + 1)
            code = "\n".join(lines[i + 1 : end])
            node: dict[str, Any] = {"type": "codeBlock", "attrs": {}}
            if line[3:].strip():
                node["attrs"] = {"language": line[3:].strip()}
            if code:
                node["content"] = [{"type": "text", "text": code}]
            blocks.append(node)
            i = end + 1
        elif not line.strip():
            i += 1
        elif HEADING.match(line):
            level = len(line) - len(line.lstrip("#"))
            attrs = {"level": min(level + 1, 6)}
            blocks.append({"type": "heading", "attrs": attrs, "content": inline(line[level:].strip())})
            i += 1
        elif line.startswith("- ") or ORDERED.match(line):
            ordered = not line.startswith("- ")
            end = _run(lines, i, ORDERED if ordered else re.compile(r"- "))
            items = [ln.split(" ", 1)[1] for ln in lines[i:end]]
            node = {
                "type": "orderedList" if ordered else "bulletList",
                "content": [{"type": "listItem", "content": [paragraph(t)]} for t in items],
            }
            if ordered:
                node["attrs"] = {"order": 1}
            blocks.append(node)
            i = end
        elif line.startswith("|"):
            end = _run(lines, i, re.compile(r"\|"))
            blocks.append(_table(lines[i:end]))
            i = end
        elif line.startswith("> "):
            end = _run(lines, i, re.compile(r"> "))
            content = [paragraph(ln[2:]) for ln in lines[i:end]]
            blocks.append({"type": "panel", "attrs": {"panelType": "info"}, "content": content})
            i = end
        else:
            blocks.append(paragraph(line))
            i += 1
    return {"type": "doc", "version": 1, "content": blocks}


def to_plain(lines: list[str]) -> str:
    """Render filled lines the way an old tool or an email import would store them."""
    text = "\n".join(lines).strip()
    text = re.sub(r"@\[([^\]]+)\]", r"@\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    return text.replace("<br>", "\n")
