"""Parse a ticket's text into a `TicketText` (`ticket_text` says what each part holds).

Line by line: "Label: value" lines, two-column tables, tables with a header row, a short heading
over its content, ADF table cells joined back into rows, attachment mentions taken out. The rules
read a ticket's body alone for the category and with its summary for the items:
`read_with_summary` reuses the body's reading for the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from shared.analysis.table_reading import ADF_CELL, TABLE_ROW, TABLE_RULE, cells, join_adf_cells, table_fields
from shared.analysis.ticket_text import (
    FENCE,
    LIST_MARKER,
    Field,
    TicketText,
    is_filled,
    is_log_line,
    norm_label,
    spaced,
    split_fields,
)

_FIELD = re.compile(r"^(?P<label>[^:：=|\n]{1,60}?)\s*[:：=]\s*(?P<value>.*)$")
# A form's gloss on its label: "Access scope (group / project / namespace)" is a two-word label.
_LABEL_GLOSS = re.compile(r"\s*\([^()]*\)")
_HEADING_LIKE = re.compile(r"^\s*(?:#{1,6}\s*)?[^\W\d_][^\d\-_/.:@()|,`]{0,30}$")
# A Markdown heading or a paragraph that is only a label ("Approver:"): its value may be the next
# paragraph (Jira's editor and GitHub's issue forms put one blank line between them).
_OPENS_PARAGRAPH = re.compile(r"^\s*#{1,6}\s+\S|^[^:：\n]{1,40}[:：]\s*$")
_SIGN_OFF = re.compile(
    r"^(?:thanks|thank you|thx|cheers|regards|best|br\b|감사|고맙|좋은 하루|잘 부탁|수고)", re.IGNORECASE
)
_ERROR_TOKEN = re.compile(
    r"error|fail|fatal|exception|denied|refused|rejected|declined|timeout|timed out|unauthori[sz]ed|"
    r"forbidden|killed|backoff|panic|exit (?:code|status)|\b[45]\d\d\b|invalid|expired|not found|"
    r"unable|cannot|can't|no space|deadline exceeded|unhealthy|stuck|\bwarn(?:ing)?\b|not ?ready|unready|"
    r"no route to host|connection (?:refused|reset)|\babend\b|completion code|"
    # A product's error code (rules-2026.12.44, real shapes BE): "AADSTS50105:", "ORA-00942:", "0x87D300C9".
    r"\b[a-z]{2,8}-?\d{4,6}:|\b0x8[0-9a-f]{7}\b|"
    # A glog line at warning level or worse (rules-2026.12.47, real shapes BT): "W1120 12:03:55.118
    # x.go:233]".
    r"^[EWF]\d{4} +\d{2}:\d{2}:\d{2}",
    re.IGNORECASE,
)
_ATTACHMENTS_LINE = re.compile(r"^\s*(?:attachments?|첨부 ?파일)\s*[:：]\s*(?P<files>\S.*)$", re.IGNORECASE)
_ATTACHMENT_FILE = re.compile(r"(?P<name>[^,()]+?)(?:\s*\([^()]*\))?\s*(?:,|$)")
_MEDIA = re.compile(r"\[attachment(?::\s*(?P<name>[^\]\n]*))?\]")
# An image pasted into Markdown or Jira wiki text: "![image](https://.../shot.png)", "!error.png|thumbnail!".
_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\((?P<url>[^)\s]+)[^)\n]*\)|(?<![\w!])!(?P<wiki>[\w .-]+\.(?:png|jpe?g|gif|bmp|"
    r"webp))(?:\|[^!\n]*)?!",
    re.IGNORECASE,
)


def _image_name(m: re.Match[str]) -> str:
    """The file's name with an image type, so it counts as a screenshot whatever its address says."""
    name = m.group("wiki") or m.group("url").rstrip("/").rsplit("/", 1)[-1] or m.group("alt")
    return f"{name} (image/)"


def _take_attachments(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The lines without their attachment mentions, and the files mentioned (with their type)."""
    found: list[str] = []
    out: list[str] = []
    for line in lines:
        if m := _ATTACHMENTS_LINE.match(line):
            files = (f.group(0).strip(" ,") for f in _ATTACHMENT_FILE.finditer(m.group("files")))
            found += [f for f in files if f]
            out.append("")
            continue
        if "[attachment" in line:
            found += [(m.group("name") or "").strip() for m in _MEDIA.finditer(line)]
            line = _MEDIA.sub("", line)
        if "!" in line and (images := list(_IMAGE.finditer(line))):
            found += [_image_name(m) for m in images]
            line = _IMAGE.sub("", line)
        out.append(line)
    return out, tuple(found)


def _next_value(lines: list[str], i: int, fenced: bool = False) -> str:
    """The content under a label line whose own value is empty (a heading or "Steps:").

    Not the next heading: in "Why / Approval / Lee (team lead)" the reason is simply missing.
    `fenced`: line i is inside a fenced block, so a fence after it closes that block.
    """
    j = i + 1
    opens = _OPENS_PARAGRAPH.match(lines[i]) or (j + 1 < len(lines) and FENCE.match(lines[j + 1]))
    if j + 1 < len(lines) and not lines[j].strip() and opens:
        # "### Approver", blank line, "@Lee": a heading or a "Label:" paragraph, the value next; and a
        # sentence that opens a code block after a blank line ("Please add this pool (research dev,
        # koreacentral):") is kept with the block as its value, not dropped as an empty label
        # (rules-2026.12.43, real shapes BB).
        j += 1
    nxt = lines[j] if j < len(lines) else ""
    if FENCE.match(nxt):  # "ingress-nginx log:" over a fenced block: the block is the value
        return "" if fenced else _block_value(lines, j)
    if not nxt.strip() or nxt.lstrip().startswith("#") or _SIGN_OFF.match(LIST_MARKER.sub("", nxt)):
        return ""
    if _is_label_line(nxt):
        return ""
    if _HEADING_LIKE.match(nxt) and len(nxt.split()) <= 2 and j + 1 < len(lines) and lines[j + 1].strip():
        return ""
    return nxt.strip()


def _block_value(lines: list[str], start: int) -> str:
    """The first non-blank line of the fenced block opening at `start` ("" for an empty block)."""
    for ln in lines[start + 1 :]:
        if FENCE.match(ln):
            return ""
        if ln.strip():
            return ln.strip()
    return ""


def _is_label_line(line: str) -> bool:
    m = _FIELD.match(LIST_MARKER.sub("", line))
    return bool(m and len(m.group("label").split()) <= 5 and "://" not in line)


@lru_cache(maxsize=4096)
def _segments(line: str) -> tuple[str, tuple[str, ...]]:
    """The line without its list marker, and its labelled parts (cached like `is_log_line`)."""
    body = LIST_MARKER.sub("", line)
    return body, tuple(split_fields(body))


def _line_fields(lines: list[str], i: int, fenced: bool = False) -> tuple[list[Field], str | None]:
    """The fields of one line, and the line as the free text keeps it (None: only empty fields)."""
    line = lines[i]
    if FENCE.match(line):
        return [], line  # a fence is never a label
    body, segments = _segments(line)
    if len(segments) > 1:
        parsed = [(seg, _field(seg)) for seg in segments]
        kept = [seg for seg, f in parsed if f is None or f.filled]
        marker = line[: len(line) - len(body)]  # a list line stays one: "1. Datadog - ..., org: x"
        return [f for _, f in parsed if f is not None], marker + ", ".join(kept) if kept else None
    field = _field(body, in_log=is_log_line(line))
    if field is not None:
        if not field.value:
            value = _next_value(lines, i, fenced)
            field = Field(field.label, value, is_filled(value), field.in_log)
        return [field], line if field.filled else None
    heading = line.lstrip().startswith("#")  # a Markdown heading may ask ("### What happened?")
    short = 0 < len(body.split()) <= (8 if heading else 4) and len(body) <= (60 if heading else 40)
    if short and not body.rstrip().endswith((".", "!") if heading else (".", "?", "!")):
        value = _next_value(lines, i, fenced)
        if value:
            return [Field(norm_label(body), value, is_filled(value))], line
    return [], line


@lru_cache(maxsize=4096)
def _field(text: str, *, in_log: bool = False) -> Field | None:
    """A "Label: value" field (the label at most five words, not a URL's scheme)."""
    m = _FIELD.match(text)
    if not m or "://" in m.group("label") + m.group("value")[:3]:
        return None
    bare = _LABEL_GLOSS.sub("", m.group("label"))
    if len(bare.split()) > 5 or (len(m.group("label")) > 40 and bare == m.group("label")):
        return None
    value = m.group("value").strip()
    return Field(norm_label(m.group("label")), value, is_filled(value), in_log)


@dataclass(frozen=True)
class _Reading:
    """A text's lines as parsed, before they are joined: what `read_with_summary` composes."""

    lines: tuple[str, ...]  # the lines the parse walked (cells joined, attachment mentions taken)
    fields: tuple[Field, ...]
    kept: tuple[str, ...]
    log_flags: tuple[bool, ...]
    blocks: tuple[str, ...]
    attachments: tuple[str, ...]

    def text(self) -> TicketText:
        logs = tuple(ln for ln, flag in zip(self.kept, self.log_flags, strict=True) if flag)
        prose = [ln for ln, flag in zip(self.kept, self.log_flags, strict=True) if not flag]
        return TicketText(
            fields=self.fields,
            free="\n".join(self.kept),
            prose="\n".join(prose),
            logs=logs,
            error_logs=any(_ERROR_TOKEN.search(ln) for ln in (*logs, *self.blocks)),
            blocks=self.blocks,
            attachments=self.attachments,
        )


@lru_cache(maxsize=16)
def read_ticket(text: str) -> TicketText:
    """Parse a ticket's text (cached: `ChecklistItem.found_in` asks item by item)."""
    return _read(text).text()


@lru_cache(maxsize=16)
def read_with_summary(summary: str, body: str) -> TicketText:
    """`read_ticket(f"{summary}\n{body}")`, reusing the body's own reading (the rules read the body
    alone for the category, then with the summary for the items: one parse, not two). A summary
    line is parsed on its own, its value looked for on the body's lines as the whole parse would;
    a summary the whole parse would join with the body (a table row, a cell, a fence) is read whole."""
    line = spaced(summary)
    rest = _read(body)
    parsed = _summary_line(line, rest.lines)
    if parsed is None:
        return read_ticket(f"{summary}\n{body}")
    fields, kept_line = parsed
    kept = rest.kept if kept_line is None else (kept_line, *rest.kept)
    flags = rest.log_flags if kept_line is None else (is_log_line(kept_line), *rest.log_flags)
    return _Reading(
        lines=(line, *rest.lines),
        fields=(*fields, *rest.fields),
        kept=kept,
        log_flags=flags,
        blocks=rest.blocks,
        attachments=rest.attachments,
    ).text()


def _summary_line(line: str, body_lines: tuple[str, ...]) -> tuple[list[Field], str | None] | None:
    """The summary line's fields and kept text, as the whole parse would make them; None when the
    whole parse would join it with the body's lines or change their reading."""
    first = body_lines[0] if body_lines else ""
    if (
        line.splitlines() != [line]
        or ADF_CELL.match(line)
        or ADF_CELL.match(first)
        or TABLE_ROW.match(line)
        or FENCE.match(line)
        or _take_attachments([line]) != ([line], ())
    ):
        return None
    fields, kept_line = _line_fields([line, *body_lines], 0)
    if kept_line is not None and FENCE.match(kept_line):
        return None
    return fields, kept_line


@lru_cache(maxsize=16)
def _read(text: str) -> _Reading:
    lines, attachments = _take_attachments(join_adf_cells(spaced(text).splitlines()))
    walked = tuple(lines)
    fields: list[Field] = []
    dropped: set[int] = set()
    i = 0
    fenced = False  # inside a fenced block at line i
    while i < len(lines):
        if TABLE_ROW.match(lines[i]):
            start = i
            while i < len(lines) and TABLE_ROW.match(lines[i]):
                i += 1
            block = [(n, cells(lines[n])) for n in range(start, i) if not TABLE_RULE.match(lines[n])]
            if not block:
                continue
            found, skip = table_fields([c for _, c in block])
            fields += found
            dropped |= {block[k][0] for k in skip}
            continue
        found, kept_line = _line_fields(lines, i, fenced)
        fenced ^= bool(FENCE.match(lines[i]))
        fields += found
        if kept_line is None:
            dropped.add(i)
        else:
            lines[i] = kept_line
        i += 1
    kept = tuple(ln for n, ln in enumerate(lines) if n not in dropped)
    blocks: list[str] = []
    fenced = False
    for ln in kept:
        if FENCE.match(ln):
            fenced = not fenced
        elif fenced:
            blocks.append(ln)
    return _Reading(
        lines=walked,
        fields=tuple(fields),
        kept=kept,
        log_flags=tuple(is_log_line(ln) for ln in kept),
        blocks=tuple(blocks),
        attachments=attachments,
    )
