"""Where a problem is, named in the reporter's prose: a named service, cluster or repository, a
named machine, a system and its state, a request pasted with its address. The troubleshooting
checklist's `where` detectors, kept apart so `checklist_troubleshooting` stays readable.
"""

from __future__ import annotations

import re

from shared.analysis import vocabulary as vocab
from shared.analysis.ticket_text import TicketText

_ACTIVITY = frozenset(
    ("deploy", "deployment", "build", "ci", "cd", "release", "test", "testing", "integration", "nightly",
     "main", "default", "shared", "whole", "old", "current")
)  # fmt: skip


def named_where(doc: TicketText) -> bool:
    """ "the checkout service", "aks-core-prod 클러스터"; "the deploy pipeline" names no pipeline."""
    return any(
        m.group("id").lower() not in vocab.STOPWORDS and m.group("id").lower() not in _ACTIVITY
        for m in _WHERE_KINDS.finditer(doc.prose)
    ) or _NAMED_MACHINE.search(doc.prose) is not None


# A request pasted with the address it went to (rules-2026.12.44, real shapes BF): "POST
# https://partner-api.hanbitdf.com/v2/vouchers", "curl -sv https://pay-gw.internal/health".
_REQUEST_LINE = re.compile(
    r"^\s*(?:\$ *)?(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD) +|curl\b[^\n]*?)https?://[\w-]+(?:\.[\w-]+)+",
    re.MULTILINE,
)


def requested_address(doc: TicketText) -> bool:
    return any(_REQUEST_LINE.search(block) for block in doc.blocks)


def named_system_state(doc: TicketText) -> bool:
    """A line that is a named system and its state (rules-2026.12.29, real shapes N-T): "MES 느림",
    "3라인 HMI 멈춤", "Horizon slow", "gpu03 노드 다운된 것 같습니다"; "Forum down" and "The server is
    down" name a kind of thing, not which one."""
    for m in _STATE_LINE.finditer(doc.prose):
        names = m.group("name").split()
        if any(_NAME_TOKEN.fullmatch(n) and n.lower() not in _COMMON for n in names):
            return True
        # A capitalised word is a name only alone ("Horizon slow"): in "The Mirrors are slow" it is
        # sentence case.
        if len(names) == 1 and names[0].istitle() and names[0].lower() not in _COMMON:
            return True
    return False


_STATE_LINE = re.compile(
    r"^(?:\[[^\]\n]*\] *)?(?P<name>[\w.-]+(?: [\w.-]+){0,2}) +(?:is +)?(?:slow|down|frozen|hangs?|hanging|"
    r"freezes|멈춤|멈췄|느림|느려요|다운|먹통|접속 ?안 ?됨|접속 ?안 ?돼요|접속 ?불가|안 ?열림|flat-?lined)",
    re.MULTILINE | re.IGNORECASE,
)
# A name: an acronym (MES, HMI) or a word with a digit (gpu03, 3라인).
_NAME_TOKEN = re.compile(r"[A-Z]{2,}\w*|\w*\d\w*")
_COMMON = frozenset((
    "the", "your", "our", "my", "this", "it", "everything", "website", "site", "server", "forum", "bot",
    "scheduler", "build", "builds", "mailing", "list", "wiki", "mail", "email", "internet", "network",
    "wifi", "app", "system", "page", "portal", "login", "ci", "cd", "api", "ui", "db", "vm",
))  # fmt: skip




_WHERE_KINDS = re.compile(
    r"(?<![\w/.@:-])(?P<id>[A-Za-z][\w-]*)[`'\"]? ?(?:서비스|service|서버|server|클러스터|cluster|"
    r"네임스페이스|namespace|저장소|repo(?:sitory)?|파이프라인|pipeline)(?![\w-])",
    re.IGNORECASE,
)
# ... a node, a host, a runner, a database or a bucket by a name with a digit or a hyphen
# (rules-2026.12.45, real shapes BJ): "gpu-3090-07 노드"; not "self-hosted runner", "the database".
_NAMED_MACHINE = re.compile(
    r"(?<![\w/.@:-])(?!(?:self|github|gitlab)-hosted\b)(?:[a-z][a-z_]*\d[\w]*(?:-\w+)*|[a-z]\w*(?:-\w+)+)[`'\"]?"
    r"(?: (?:node|host|runner|database|bucket)\b| ?(?:노드|호스트|러너|데이터베이스|버킷))",
    re.IGNORECASE,
)
