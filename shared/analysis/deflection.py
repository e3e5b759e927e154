"""A faster path where one exists: the how-to or self-service page (DEFLECTION_LINKS) our question
points to, chosen by the ticket's request signature (`shared.analysis.signatures`).

A key is a signature, a prefix of one, or a category: `access/gitlab/developer`, `access/gitlab`,
`access`. The longest key that matches on whole path segments wins, so `access/git` never matches
`access/gitlab`. Pure: the triage, the settings and the report share these rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from shared.analysis.models import CATEGORIES, Assessment
from shared.analysis.signatures import signature
from shared.jira.models import Ticket
from shared.jira.rendering import render_body

# A signature's segments after the category: slugs like `gitlab`, `dns-record`, `read-only`.
_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MAX_SEGMENTS = 3  # category/subject/role-or-environment, the longest signature there is


def key_problem(key: str) -> str | None:
    """Why `key` cannot match any signature, or None when it looks like one (or a prefix)."""
    parts = key.split("/")
    if parts[0] not in CATEGORIES:
        return f"{key!r} must start with a category ({', '.join(CATEGORIES)})"
    if len(parts) > _MAX_SEGMENTS:
        return f"{key!r} has more than {_MAX_SEGMENTS} segments"
    if not all(_SEGMENT.match(p) for p in parts[1:]):
        return f"{key!r}: segments after the category are lower-case slugs like gitlab or dns-record"
    return None


def link_problem(url: str) -> str | None:
    """Why `url` is not a page to send a reporter to, or None when it is an https URL."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in url):
        return f"{url!r} must be an https URL"
    return None


def check_links(links: Mapping[str, str]) -> dict[str, str]:
    """The map as given, or ValueError naming the first bad keys and values (for the settings)."""
    problems = [p for k, v in links.items() for p in (key_problem(k), link_problem(v)) if p]
    if problems:
        raise ValueError("; ".join(problems[:3]))
    return dict(links)


def link_for(sig: str, links: Mapping[str, str]) -> str | None:
    """The link of the longest key that is `sig` itself or a prefix of it on whole segments."""
    parts = sig.split("/")
    for n in range(len(parts), 0, -1):
        found = links.get("/".join(parts[:n]))
        if found:
            return found
    return None


def offered_link(
    ticket: Ticket, assessment: Assessment, links: Mapping[str, str], bot_account_id: str | None
) -> str | None:
    """The link our question offers: only a question that asks for something, only on a match."""
    if not links or assessment.verdict != "NEEDS_INFO" or not assessment.missing:
        return None
    _, _, sig = signature(assessment.category, ticket.summary, render_body(ticket, bot_account_id))
    return link_for(sig, links)
