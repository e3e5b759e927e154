"""What a link into a tool says about an access request: where in the tool the access is wanted.

Its own module because a bare link is a whole request on real desks ("이거 권한 주세요" and the
address): "https://gitlab.x/dch/mbank/mbank-transfer" names the project, a Grafana dashboard's
address names the dashboard, a login page or a person's profile names nothing.
"""

from __future__ import annotations

import re

from shared.analysis import vocabulary as vocab


def names_a_place(url: str) -> bool:
    """A link into a tool names where in it: "https://gitlab.x/dch/mbank/mbank-transfer", a Grafana
    dashboard's address (rules-2026.12.29, real shapes AB/AC: "이거 권한 주세요" and the link)."""
    host, _, path = url.split("://", 1)[-1].partition("/")
    if not vocab.TOOL.search(host):
        return False
    parts = [p for p in re.split(r"[/?#&=]", path) if p]
    if any(_PERSON_PAGE.fullmatch(p) for p in parts):
        return False  # a person's profile: whom, not where
    return any(
        _PLACE_PART.fullmatch(p) and p.lower() not in _NOT_A_PLACE and not _ISSUE_KEY.fullmatch(p)
        for p in parts
    )


_PLACE_PART = re.compile(r"[A-Za-z][\w.-]{1,60}")
_PERSON_PAGE = re.compile(r"users?|profiles?|people|members?|viewprofile\.jspa|~\w+", re.IGNORECASE)
_ISSUE_KEY = re.compile(r"[A-Z][A-Z0-9]+-\d+")  # a ticket the link points at, not a place
# Parts of a tool's address that name a page of the tool, not a place in it.
_NOT_A_PLACE = frozenset((
    "d", "dashboard", "dashboards", "explore", "login", "signin", "sign_in", "users", "user", "profile",
    "settings", "admin", "home", "wiki", "display", "pages", "page", "spaces", "space", "browse",
    "projects", "project", "groups", "group", "orgs", "org", "job", "view", "-", "merge_requests",
    "issues", "pulls", "pull", "tree", "blob", "edit", "new", "applications", "app", "orgid", "search",
    "secure", "overview", "index.html",
))  # fmt: skip
