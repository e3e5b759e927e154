"""The ticket as the rest of the app sees it, normalised defensively from whatever Jira sent.

Production Jira is messy (key only under `fields.key`, `fields` missing, arrays missing or empty,
descriptions as ADF, strings or null). `normalise_issue` turns any of it into a `Ticket` or a
`Rejected` with a reason, and never raises.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.jira.adf_markdown import to_markdown
from shared.jira.fields import Attachment, FieldPolicy, FormField, read_fields
from shared.jira.keys import KEY_PATTERN

# Fields the scan asks the search for: every field (a request form lives in custom fields), less
# the heavy ones nobody judges a request by. With `expand=names,schema` (SCAN_EXPAND) the page names
# each field as the site shows it, so the search costs no extra call.
SCAN_FIELDS = (
    "*all",
    "-worklog",
    "-watches",
    "-votes",
    "-timetracking",
    "-issuelinks",
    "-subtasks",
    "-aggregateprogress",
    "-progress",
    "-thumbnail",
)
SCAN_EXPAND = "names,schema"


class Person(BaseModel):
    model_config = ConfigDict(frozen=True)
    account_id: str
    display_name: str = ""


class TicketComment(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    author_id: str | None
    text: str
    created: datetime | None = None
    updated_by: str | None = None  # who last edited it (a person who edited our question)


class Ticket(BaseModel):
    """One issue, with every field present (possibly empty) and typed."""

    model_config = ConfigDict(frozen=True)
    key: str
    id: str | None = None
    summary: str = ""
    description: str = ""
    issue_type: str | None = None
    status_category: str | None = None
    project: str | None = None
    labels: tuple[str, ...] = ()
    labels_known: bool = Field(True, description="False when Jira sent no `labels` field at all")
    comments_complete: bool = Field(
        True, description="False when Jira sent no `comment` field, or fewer comments than its total"
    )
    components: tuple[str, ...] = ()
    reporter: Person | None = None
    created: datetime | None = None
    updated: datetime | None = None
    comments: tuple[TicketComment, ...] = ()
    form: tuple[FormField, ...] = Field((), description="fields beyond the description, as named on the site")
    attachments: tuple[Attachment, ...] = ()
    request_type: str | None = Field(None, description="the service desk request type, if any")


class Rejected(BaseModel):
    """An issue we could not turn into a ticket, kept with the reason so nothing is lost silently."""

    model_config = ConfigDict(frozen=True)
    ref: str = Field(description="whatever identifies it: key, id, or a short digest")
    reason: str


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def parse_jira_datetime(value: Any) -> datetime | None:
    """Jira's `2026-11-20T09:12:33.000+0000`; None for anything unreadable."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.search(r"[+-]\d{4}$", text):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _person(value: Any) -> Person | None:
    data = _dict(value)
    account = _str(data.get("accountId"))
    if account is None:
        return None
    return Person(account_id=account, display_name=_str(data.get("displayName")) or "")


def parse_comments(comments: list[dict[str, Any]]) -> tuple[TicketComment, ...]:
    """Comments as `GET /issue/{key}/comment` lists them (the same shape as the search's field)."""
    return _comments({"comments": comments})


def _comments_complete(value: Any) -> bool:
    """The search serves a page of comments (or, on some sites, no `comment` field at all): a
    reporter's answer can be among those it left out."""
    if isinstance(value, list):  # the bare list some examples of Atlassian's own spec show
        return True
    if not isinstance(value, dict) or not isinstance(value.get("comments"), list):
        return False
    total = value.get("total")
    return not isinstance(total, int) or total <= len(value["comments"])


def _comments(value: Any) -> tuple[TicketComment, ...]:
    out: list[TicketComment] = []
    listed = value if isinstance(value, list) else _list(_dict(value).get("comments"))
    for raw in listed:
        item = _dict(raw)
        cid = item.get("id")
        if not isinstance(cid, str | int):
            continue
        author = _dict(item.get("author")).get("accountId")
        editor = _dict(item.get("updateAuthor")).get("accountId")
        out.append(
            TicketComment(
                id=str(cid),
                author_id=author if isinstance(author, str) else None,
                text=to_markdown(item.get("body")),
                created=parse_jira_datetime(item.get("created")),
                updated_by=editor if isinstance(editor, str) else None,
            )
        )
    return tuple(out)


def issue_key(raw: Any) -> str | None:
    """The issue key at `key`, else at `fields.key` (a real-site quirk), if it is a valid key."""
    if not isinstance(raw, dict):
        return None
    fields = _dict(raw.get("fields"))
    for candidate in (raw.get("key"), fields.get("key")):
        if isinstance(candidate, str) and KEY_PATTERN.match(candidate.strip()):
            return candidate.strip()
    return None


def normalise_issue(raw: Any, policy: FieldPolicy | None = None) -> Ticket | Rejected:
    """A `Ticket` from one search or GET result, or `Rejected` with the reason. The field names
    come with the issue (`names`, `schema`: a GET with `expand=names,schema`, or the search page's,
    which the client copies onto each issue)."""
    if not isinstance(raw, dict):
        return Rejected(ref=f"<{type(raw).__name__}>", reason="issue is not a JSON object")
    fields = _dict(raw.get("fields"))
    key = issue_key(raw)
    issue_id = raw.get("id")
    ident = str(issue_id) if isinstance(issue_id, str | int) else None
    if key is None:
        ref = f"id:{ident}" if ident else "<unknown>"
        return Rejected(ref=ref, reason="no issue key at `key` or `fields.key`")
    if not isinstance(raw.get("fields"), dict):
        return Rejected(ref=key, reason="issue has no `fields` (permissions?)")
    labels = tuple(x for x in _list(fields.get("labels")) if isinstance(x, str) and x)
    components = tuple(name for c in _list(fields.get("components")) if (name := _str(_dict(c).get("name"))))
    extra = read_fields(fields, _dict(raw.get("names")), _dict(raw.get("schema")), policy)
    return Ticket(
        key=key,
        id=ident,
        summary=_str(fields.get("summary")) or "",
        description=to_markdown(fields.get("description")),
        issue_type=_str(_dict(fields.get("issuetype")).get("name")),
        status_category=_str(_dict(_dict(fields.get("status")).get("statusCategory")).get("key")),
        project=_str(_dict(fields.get("project")).get("key")) or key.rsplit("-", 1)[0],
        labels=labels,
        labels_known=isinstance(fields.get("labels"), list),
        components=components,
        reporter=_person(fields.get("reporter")),
        created=parse_jira_datetime(fields.get("created")),
        updated=parse_jira_datetime(fields.get("updated")),
        comments=_comments(fields.get("comment")),
        comments_complete=_comments_complete(fields.get("comment")),
        form=extra.form,
        attachments=extra.attachments,
        request_type=extra.request_type,
    )
