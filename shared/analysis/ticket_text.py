"""Read a ticket the way an assignee does: labelled fields, the reporter's prose, pasted logs.

The checklist detectors need more than one flat string. A form field answers an item only when it
has a value ("Approver:" followed by nothing, "TBD" or "미정" answers nothing); pasted logs are
full of words like "failed" or "production" that say nothing about the reporter's own account.
`read_ticket` splits the text once into:

- `fields`: (label, value) pairs from "Label: value" lines, two-column tables, tables with a
  header row, and a short heading line followed by its content;
- `free`: the text without empty form fields and without table header rows;
- `prose`: `free` without lines that look like pasted logs, commands or tool output;
- `logs`: those log-like lines;
- `blocks`: the lines inside fenced code blocks (```), pasted whatever they look like.

ADF tables reach us as one cell per line ("Role\\n | Developer\\n |"); they are joined back into rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from shared.analysis.needles import fold
from shared.analysis.vocabulary import TOOL

_ADF_CELL = re.compile(r"^ \|")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]*(?:\|[^|\n]*)+\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
_MARKER = re.compile(r"^\s*(?:[-*•■□▶◆▪]\s*|\d{1,2}[.)]\s+|#{1,6}\s+|>\s+)")
_FIELD = re.compile(r"^(?P<label>[^:：=|\n]{1,60}?)\s*[:：=]\s*(?P<value>.*)$")
# A form's gloss on its label: "Access scope (group / project / namespace)" is a two-word label.
_LABEL_GLOSS = re.compile(r"\s*\([^()]*\)")
_HEADING_LIKE = re.compile(r"^\s*(?:#{1,6}\s*)?[^\W\d_][^\d\-_/.:@()|,`]{0,30}$")
_COLONS = re.compile(r"\S: .*\S: .*\S: ")
# A Markdown heading or a paragraph that is only a label ("Approver:"): its value may be the next
# paragraph (Jira's editor and GitHub's issue forms put one blank line between them).
_OPENS_PARAGRAPH = re.compile(r"^\s*#{1,6}\s+\S|^[^:：\n]{1,40}[:：]\s*$")
_FIELD_SEPARATOR = re.compile(r"(?:[,;]|\s/\s|\.\s)\s*(?=[^\W\d][\w ]{0,25}?\s*[:：]\s)")
_LABEL_JUNK = re.compile(r"[*_`\"'\[\]]")
_SIGN_OFF = re.compile(
    r"^(?:thanks|thank you|thx|cheers|regards|best|br\b|감사|고맙|좋은 하루|잘 부탁|수고)", re.IGNORECASE
)
_PLACEHOLDER = re.compile(
    r"^(?:value|values|details?|description|field|item|내용|값|항목|설명|"
    r"tbd|tba|tbc|n/?a|none|nil|null|unknown|pending|later|todo|\?+|-+|\.+|x+|…|no response|"
    r"미정|없음|모름|미상|추후\s?\S*|확인\s?중|확인\s?필요|미확인|"
    r"(?:other|others|기타)(?:\s*\([^()]*\)?)?|"  # a select's catch-all (rules-2026.12.24)
    r"not sure\b.*|ask me\b.*|don'?t know\b.*|to be (?:confirmed|decided|determined|defined)\b.*|"
    r"will (?:add|update|confirm|follow|attach)\b.*|첨부 ?예정|추후 ?첨부|to be attached|"
    r"\(?(?:작성|공유|전달|정리|기입) ?예정\)?|\(?추후 ?(?:작성|공유|전달|기입)\)?|"
    r"\S*\{(?:env|environment|stage|name|service|app)\}\S*|(?:tbd|tba|tbc|"
    r"미정|unknown|pending)\s*[-–—:,(/].*|"
    r"var\.[\w.]+|\$\{[^}]*\}|<[^<>]*>|"
    # A template's own sample: "e.g. `k8s.io`", "`e.g. europe-west2`", "Example: my-team".
    r"(?:e\.g\.?|eg\.|ex\.|i\.e\.)[:,]?\s.*|(?:example|for example) *:\s.*)$",
    re.IGNORECASE,
)
# Pasted output: commands, log levels, stack frames, timestamps, column-aligned tables, HTTP dumps.
_LOG_START = re.compile(
    r"^(?:\s*\$ |\s*> \$|\s{2,}\S|\s*(?:remote|error|fatal|warning|hint|panic|caused by)\s?:|"
    r"\s*(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|CRITICAL)\b|\s*Traceback\b|\s*at [\w.$<>]+\(|"
    r"\s*File \"|\s*npm (?:ERR|WARN)|\s*Step \d+/\d+|\s*Running with\b|\s*Cloning into\b|"
    r"\s*(?:Downloading|Uploading)\s\S|\s*(?:Writing|Enumerating|Counting|Compressing|Receiving) objects|"
    r"\s*Resolving deltas|\s*HTTP/\d|\s*Server:|\s*Content-\w+:|\s*<[a-z!/]|\s*!\s?\[|\s*[{}]|"
    r"\s*\[(?:error|warn|warning|info|debug|fatal|notice|crit)\])",
    re.IGNORECASE,
)
_LOG_ANYWHERE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}\b|\S {3,}\S|\t\S|"
    r"\b\w+=[^\s;]+[\s;]+\w+=|\(\w+\.(?:java|kt|scala|py|go|js|ts|rb|cs|php):\d+\)|"
    r"\b\w+(?:Error|Exception)\b:|\bexit (?:code|status):? ?\d+|"
    r"\b\w+://[^\s]+@|^[A-Za-z0-9+/=]{40,}$|-----(?:BEGIN|END) "
)
# "ComparisonError: ...", "BackOff: ..." inside a line is output; "GitLab: Developer" at the start of
# a (list) line is a form field naming a tool.
_CAMEL_COLON = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*: ")
# "AppProject: viewer", "ServiceAccount: ci-bot": a Kubernetes or Argo CD kind naming its object is
# a scope in the reporter's words, not output (rules-2026.12.25, real shapes W).
_KIND_NAMED = re.compile(
    r"AppProject|ApplicationSet|ClusterRole|ClusterRoleBinding|RoleBinding|ServiceAccount|ConfigMap|"
    r"StatefulSet|DaemonSet|CronJob|PersistentVolumeClaim|StorageClass|IngressClass|NetworkPolicy"
)
_JSON_FIELD = re.compile(r'^\s*"[^"\n]{1,40}"\s*:\s*(?:"|\d|true|false|null|\[)')
FENCE = re.compile(r"^\s*(?:```|~~~|\{code|\{noformat)")
_ERROR_TOKEN = re.compile(
    r"error|fail|fatal|exception|denied|refused|rejected|declined|timeout|timed out|unauthori[sz]ed|"
    r"forbidden|killed|backoff|panic|exit (?:code|status)|\b[45]\d\d\b|invalid|expired|not found|"
    r"unable|cannot|can't|no space|deadline exceeded|unhealthy|stuck|\bwarn(?:ing)?\b|not ?ready|unready|"
    r"no route to host|connection (?:refused|reset)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Field:
    """One labelled answer; `filled` is False for an empty or placeholder value, `in_log` is True
    for a "Key: value" line of pasted output ("Server: nginx"), `column` for a cell of a table with
    a header row."""

    label: str
    value: str
    filled: bool
    in_log: bool = False
    column: bool = False  # a cell under a table's header row: one row of a request for several


@dataclass(frozen=True)
class TicketText:
    """A ticket read once: its fields, free text, the reporter's prose and the pasted logs."""

    fields: tuple[Field, ...]
    free: str
    prose: str
    logs: tuple[str, ...]
    error_logs: bool
    blocks: tuple[str, ...] = ()  # the lines inside fenced code blocks: pasted output or commands
    attachments: tuple[str, ...] = ()  # files on the ticket or in its description ("" = unnamed media)

    @cached_property
    def folded_free(self) -> str:
        """`free`, folded once for the checklist's case-blind patterns (`needles.folded_pattern`)."""
        return fold(self.free)

    @cached_property
    def folded_prose(self) -> str:
        return fold(self.prose)


# "Attachments: error.png (image/png, 48 KB), x.log (text/plain)" (the rendering's form line) and
# "[attachment: name]" (media in a description). A file answers nothing but the error item: the
# assignee can open a screenshot or a log, but its name says nothing about what, where or when.
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


_MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{_MAX_RUN + 1},}}")
_SCRIPT_SEAM = re.compile(r"(?<=[A-Za-z0-9])(?=[가-힣])|(?<=[가-힣])(?=[A-Za-z0-9])")


def spaced(text: str) -> str:
    """Put a space where Latin meets Hangul ("koreacentral에", "v1.2로", "8명") so word boundaries
    work, and cut runs of 200+ non-space characters (base64, minified output): no identifier is
    that long, and the detectors' cost stays linear in the text."""
    return _LONG_RUN.sub(lambda m: m.group(0)[:_MAX_RUN], _SCRIPT_SEAM.sub(" ", text))


_SNAKE = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])")


def norm_label(label: str) -> str:
    """Lower-case a label without markup, list markers or a trailing colon. A config key's
    underscores part its words ("aws_account", "node_type" in pasted YAML), and a plan's diff
    mark goes ("+ instance_class = ..." in a Terraform plan)."""
    label = _LABEL_JUNK.sub("", _MARKER.sub("", _SNAKE.sub(" ", label)))
    return " ".join(label.lower().split()).strip(" :：-+~")


def is_filled(value: str) -> bool:
    """A value that answers something: not empty, not "TBD", "?", "미정", "(not sure)"..."""
    v = _LABEL_JUNK.sub("", value).strip().strip("|").strip()
    v = v.strip("()").strip()
    return bool(v) and not _PLACEHOLDER.match(v)


# A sentence that mentions a moment ("Last event received 2026-11-16 22:10 UTC.") is the reporter's
# words; only a line that starts with one, or has other marks of output, is a log (rules-2026.12.21).
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?|\b\d{2}:\d{2}:\d{2}\b")
_PROSE_WORD = re.compile(r"(?<![\w.-])[a-z]{3,}(?![\w.-])|[가-힣]{2,}")


def _told_with_a_time(line: str, found: re.Match[str]) -> bool:
    """The only mark of output is a moment inside a sentence of the reporter's own words."""
    if found.start() == 0 or not _MOMENT.match(line, found.start()):
        return False
    if _LOG_ANYWHERE.search(_MOMENT.sub("then", line)):
        return False
    return len(_PROSE_WORD.findall(line[: found.start()])) >= 5


@lru_cache(maxsize=4096)
def is_log_line(line: str) -> bool:
    """Whether a line is tool output, not the reporter's words (cached: a ticket is read twice,
    its text alone for the category and with the summary for the items, and each line is asked
    twice per reading)."""
    if _JSON_FIELD.match(line):  # "scope": "rg-x": a form filled in as JSON, not output
        return False
    if _LOG_START.match(line):
        return True
    if (found := _LOG_ANYWHERE.search(line)) and not _told_with_a_time(line, found):
        return True
    label_at = len(line) - len(_MARKER.sub("", line).lstrip())
    for m in _CAMEL_COLON.finditer(line):
        word = m.group(0)[:-2]
        if (m.start() != label_at or not TOOL.fullmatch(word)) and not _KIND_NAMED.fullmatch(word):
            return True
    # Three or more "x: " in one line is tool output, unless it is a list of fields.
    return bool(_COLONS.search(line)) and len(_split_fields(line)) < 2


def _join_adf_cells(lines: list[str]) -> list[str]:
    """Rebuild ADF table rows. A row renders as "A", " | B", ..., " |" (one closing piece); a row
    whose first cell is empty starts straight with " | B". The header row (no empty cells) tells
    how many cells a row has."""
    out: list[str] = []
    width = count = 0  # cells per row (0 until the header row closed); pieces of the current row
    previous_cell = False
    for line in lines:
        if not _ADF_CELL.match(line):
            if not previous_cell:
                width = 0
            out.append(line)
            count, previous_cell = 1, False
            continue
        previous_cell = True
        if not out:
            out.append(line)
        elif width == 0:
            out[-1] += line
            count += 1
            if line.strip() == "|":
                width, count = count - 1, 0
        elif count == 0:
            out.append("|" + line)
            count = 2
        else:
            out[-1] += line
            count += 1
            if count == width + 1:
                count = 0
    return out


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("||"):  # a Jira wiki header row: "||Field||Value||"
        row = row.replace("||", "|")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") else row
    return [c.strip() for c in row.split("|")]


def _table_fields(rows: list[list[str]]) -> tuple[list[Field], set[int]]:
    """Fields of one table, and the indexes of rows that only carry labels (a header row)."""
    if len(rows[0]) >= 3 and len(rows) > 1:
        header = [norm_label(c) for c in rows[0]]
        found = [
            Field(header[j], cell, is_filled(cell), column=True)
            for row in rows[1:]
            for j, cell in enumerate(row[: len(header)])
        ]
        return found, {0}
    found = [
        Field(norm_label(r[0]), " ".join(r[1:]), is_filled(" ".join(r[1:]))) for r in rows if len(r) >= 2
    ]
    empty = {i for i, r in enumerate(rows) if len(r) >= 2 and not is_filled(" ".join(r[1:]))}
    return found, empty


def _next_value(lines: list[str], i: int, fenced: bool = False) -> str:
    """The content under a label line whose own value is empty (a heading or "Steps:").

    Not the next heading: in "Why / Approval / Lee (team lead)" the reason is simply missing.
    `fenced`: line i is inside a fenced block, so a fence after it closes that block.
    """
    j = i + 1
    if j + 1 < len(lines) and not lines[j].strip() and _OPENS_PARAGRAPH.match(lines[i]):
        j += 1  # "### Approver", blank line, "@Lee": a heading or a "Label:" paragraph, the value next
    nxt = lines[j] if j < len(lines) else ""
    if FENCE.match(nxt):  # "ingress-nginx log:" over a fenced block: the block is the value
        return "" if fenced else _block_value(lines, j)
    if not nxt.strip() or nxt.lstrip().startswith("#") or _SIGN_OFF.match(_MARKER.sub("", nxt)):
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
    m = _FIELD.match(_MARKER.sub("", line))
    return bool(m and len(m.group("label").split()) <= 5 and "://" not in line)


def _split_fields(line: str) -> list[str]:
    """ "Tool: GitLab, role: Developer. Approved by: Lee" -> one segment per labelled field."""
    return _FIELD_SEPARATOR.split(line)


@lru_cache(maxsize=4096)
def _segments(line: str) -> tuple[str, tuple[str, ...]]:
    """The line without its list marker, and its labelled parts (cached like `is_log_line`)."""
    body = _MARKER.sub("", line)
    return body, tuple(_split_fields(body))


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
    body_lines = _read(body).lines
    first = body_lines[0] if body_lines else ""
    if (
        line.splitlines() != [line]
        or _ADF_CELL.match(line)
        or _ADF_CELL.match(first)
        or _TABLE_ROW.match(line)
        or FENCE.match(line)
    ):
        return read_ticket(f"{summary}\n{body}")
    head, attachments = _take_attachments([line])
    if attachments or head != [line]:
        return read_ticket(f"{summary}\n{body}")
    fields, kept_line = _line_fields([line, *body_lines], 0)
    if kept_line is not None and FENCE.match(kept_line):
        return read_ticket(f"{summary}\n{body}")
    rest = _read(body)
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


@lru_cache(maxsize=16)
def _read(text: str) -> _Reading:
    lines, attachments = _take_attachments(_join_adf_cells(spaced(text).splitlines()))
    walked = tuple(lines)
    fields: list[Field] = []
    dropped: set[int] = set()
    i = 0
    fenced = False  # inside a fenced block at line i
    while i < len(lines):
        if _TABLE_ROW.match(lines[i]):
            start = i
            while i < len(lines) and _TABLE_ROW.match(lines[i]):
                i += 1
            block = [(n, _cells(lines[n])) for n in range(start, i) if not _TABLE_RULE.match(lines[n])]
            if not block:
                continue
            found, skip = _table_fields([c for _, c in block])
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
