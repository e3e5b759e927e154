"""Read a ticket the way an assignee does: labelled fields, the reporter's prose, pasted logs.

The checklist detectors need more than one flat string. A form field answers an item only when it
has a value ("Approver:" followed by nothing, "TBD" or "미정" answers nothing); pasted logs are
full of words like "failed" or "production" that say nothing about the reporter's own account.
`ticket_reading.read_ticket` splits the text once into a `TicketText`, whose parts and words this
module holds (which lines are logs, what a label is, what a placeholder is):

- `fields`: (label, value) pairs from "Label: value" lines, two-column tables, tables with a
  header row, and a short heading line followed by its content;
- `free`: the text without empty form fields and without table header rows;
- `prose`: `free` without lines that look like pasted logs, commands or tool output;
- `logs`: those log-like lines;
- `blocks`: the lines inside fenced code blocks (```), pasted whatever they look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from shared.analysis.needles import fold
from shared.analysis.vocabulary import TOOL

LIST_MARKER = re.compile(r"^\s*(?:[-*•■□▶◆▪]\s*|\d{1,2}[.)]\s+|#{1,6}\s+|>\s+)")
_COLONS = re.compile(r"\S: .*\S: .*\S: ")
_FIELD_SEPARATOR = re.compile(r"(?:[,;]|\s/\s|\.\s)\s*(?=[^\W\d][\w ]{0,25}?\s*[:：]\s)")
_LABEL_JUNK = re.compile(r"[*_`\"'\[\]]")
_PLACEHOLDER = re.compile(
    r"^(?:value|values|details?|description|field|item|내용|값|항목|설명|"
    r"tbd|tba|tbc|n/?a|none|nil|null|unknown|pending|later|todo|\?+|-+|\.+|x+|…|no response|"
    r"미정|없음|모름|미상|추후\s?\S*|확인\s?중|확인\s?필요|미확인|"
    # ... and in Portuguese or Spanish (rules-2026.12.34, real shapes AJ: "Centro de custo: a definir").
    r"(?:a|por|a ser) (?:definir|confirmar|definido|confirmado)\b.*|pendente|pendiente|"
    r"n[ãa]o sei\b.*|no s[eé]\b.*|desconhecido|desconocido|em aberto|nenhum|ninguno|"
    # "Same as before" names nothing the assignee can act on (rules-2026.12.36, real shapes T).
    r"(?:기존과? ?(?:동일|같)|기존이랑 ?같|전과 ?동일|same as (?:before|existing|current|usual|last time)|"
    r"as (?:before|usual))\b.*|"
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
    label = _LABEL_JUNK.sub("", LIST_MARKER.sub("", _SNAKE.sub(" ", label)))
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
    label_at = len(line) - len(LIST_MARKER.sub("", line).lstrip())
    for m in _CAMEL_COLON.finditer(line):
        word = m.group(0)[:-2]
        if (m.start() != label_at or not TOOL.fullmatch(word)) and not _KIND_NAMED.fullmatch(word):
            return True
    # Three or more "x: " in one line is tool output, unless it is a list of fields.
    return bool(_COLONS.search(line)) and len(split_fields(line)) < 2


def split_fields(line: str) -> list[str]:
    """ "Tool: GitLab, role: Developer. Approved by: Lee" -> one segment per labelled field."""
    return _FIELD_SEPARATOR.split(line)
