"""The fields of an issue beyond its description, read as an assignee sees them on the screen.

A Jira Service Management queue puts most of a request in fields: the request type, an Approver
user picker, an Environment select, a Cost center text field, a due date, attachments. Each filled
field becomes a `FormField` named as the site names it (`names` from `expand=names`), its value
rendered by type: user picker -> display name, select -> value, cascading select -> "A / B",
multi-values joined, dates as dates, rich text through the ADF reader. Empty fields are kept as
empty (a question can then point at them); the site's internal fields (rank, sprint, development
summary, SLA timers) and the fields the rest of the ticket already shows are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.jira.adf_markdown import to_markdown

# System fields shown as form lines, with the name Jira gives them when `names` is absent.
SYSTEM_FIELDS: dict[str, str] = {
    "issuetype": "Issue type",
    "priority": "Priority",
    "duedate": "Due date",
    "components": "Components",
    "versions": "Affects versions",
    "fixVersions": "Fix versions",
    "environment": "Environment",
}
ATTACHMENT = "attachment"
# Custom field types nobody fills by hand (schema.custom of `expand=schema` / GET /field).
_INTERNAL_TYPES = re.compile(
    r"gh-lexo-rank|gh-sprint|gh-epic|devsummary|sd-sla|sla-field|sd-request-feedback|"
    r"timeinstatus|firstresponsedate|lastcommentdate|vp-origin-hidden|jpo-custom-field|"
    r"sd-customer-organization|sd-request-participants|issue-flag|atlassian-team|sd-approvals",
    re.IGNORECASE,
)
# The request type field: `{"requestType": {"name": ...}}` (schema.custom ...:vp-origin).
_REQUEST_TYPE_KEY = "requestType"
_RANK = re.compile(r"^\d+\|[0-9a-z]+:[0-9a-z]*$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")
_GREENHOPPER = re.compile(r"^com\.atlassian\.greenhopper\.")
# The development panel's summary as the REST API returns it without a schema:
# "{pullrequest={dataType=pullrequest, state=OPEN, stateCount=1}, json={...}}".
_DEV_SUMMARY = re.compile(r"^\{(?:\w+=\{[^{}]*\bdataType=|json=\{)")


class FieldPolicy(BaseModel):
    """Site settings for reading fields: what to leave out, and which field answers which
    checklist item when its name says nothing ("customfield_10077" -> "approver")."""

    model_config = ConfigDict(frozen=True)
    ignore: frozenset[str] = frozenset()  # field names or ids, lower-case
    items: Mapping[str, str] = Field(default_factory=dict)  # field name or id (lower-case) -> item id

    def ignores(self, field_id: str, name: str) -> bool:
        return field_id.lower() in self.ignore or name.lower() in self.ignore

    def item_of(self, field_id: str, name: str) -> str | None:
        return self.items.get(field_id.lower()) or self.items.get(name.lower())


class FormField(BaseModel):
    """One field of the issue: its id, the name the site shows, the value as text ("" if empty)."""

    model_config = ConfigDict(frozen=True)
    id: str
    name: str
    value: str = ""
    item: str | None = None  # the checklist item the site's settings say this field answers

    @property
    def filled(self) -> bool:
        return bool(self.value.strip())


class Attachment(BaseModel):
    """A file on the issue: its name and type are enough to judge (the file is never read)."""

    model_config = ConfigDict(frozen=True)
    filename: str
    mime_type: str = ""
    size: int | None = None

    def line(self) -> str:
        kind = ", ".join(x for x in (self.mime_type, _size(self.size)) if x)
        return f"{self.filename} ({kind})" if kind else self.filename


class IssueFields(BaseModel):
    """What `read_fields` finds: the form, the attachments and the service desk request type."""

    model_config = ConfigDict(frozen=True)
    form: tuple[FormField, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    request_type: str | None = None


def read_fields(
    fields: Mapping[str, Any],
    names: Mapping[str, Any] | None = None,
    schema: Mapping[str, Any] | None = None,
    policy: FieldPolicy | None = None,
) -> IssueFields:
    """The issue's form fields (system fields first, then custom fields in id order)."""
    names = names if isinstance(names, Mapping) else {}
    schema = schema if isinstance(schema, Mapping) else {}
    policy = policy or FieldPolicy()
    form: list[FormField] = []
    request_type: str | None = None
    custom = sorted((k for k in fields if k.startswith("customfield_")), key=_field_order)
    for field_id in [*SYSTEM_FIELDS, *custom]:
        if field_id not in fields:
            continue
        value = fields[field_id]
        name = _name(field_id, names)
        if policy.ignores(field_id, name) or _internal(value, schema.get(field_id)):
            continue
        if isinstance(value, dict) and isinstance(value.get(_REQUEST_TYPE_KEY), dict):
            request_type = _text(value[_REQUEST_TYPE_KEY].get("name")) or request_type
            continue
        item = policy.item_of(field_id, name)
        form.append(FormField(id=field_id, name=name, value=render_value(value), item=item))
    attachments = _attachments(fields.get(ATTACHMENT))
    return IssueFields(form=tuple(form), attachments=attachments, request_type=request_type)


def render_value(value: Any) -> str:
    """A field value as the screen shows it; "" for empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        parts = [render_value(v) for v in value]
        return ", ".join(p for p in parts if p)
    if isinstance(value, dict):
        return _object(value)
    return ""


def _object(value: dict[str, Any]) -> str:
    if value.get("type") == "doc":
        return to_markdown(value)
    if isinstance(value.get("accountId"), str):  # a user picker
        return _text(value.get("displayName")) or "(a user)"
    if "value" in value:  # select, radio, checkbox option; cascading select with its child
        child = value.get("child")
        head = render_value(value.get("value"))
        tail = render_value(child.get("value")) if isinstance(child, dict) else ""
        return f"{head} / {tail}" if head and tail else head
    for key in ("name", "displayName", "title", "key"):
        if isinstance(value.get(key), str) and value[key].strip():
            return str(value[key]).strip()
    return ""


def _string(value: str) -> str:
    text = value.strip()
    if match := _DATETIME.match(text):
        return f"{match.group(1)} {match.group(2)}"
    return text


def _internal(value: Any, schema: Any) -> bool:
    """Rank, sprint, development summary, SLA and the like: no person typed them."""
    custom = schema.get("custom") if isinstance(schema, dict) else None
    if isinstance(custom, str) and _INTERNAL_TYPES.search(custom):
        return True
    if isinstance(value, str):
        text = value.strip()
        internal = _RANK.match(text) or _GREENHOPPER.match(text) or _DEV_SUMMARY.match(text)
        return bool(internal or text in ("{}", "[]"))
    if isinstance(value, dict):
        return "completedCycles" in value or "ongoingCycle" in value or "errorMessage" in value
    if isinstance(value, list) and value:
        first = value[0]
        sprint = isinstance(first, dict) and "boardId" in first and "state" in first
        return sprint or (isinstance(first, str) and bool(_GREENHOPPER.match(first)))
    return False


def _attachments(value: Any) -> tuple[Attachment, ...]:
    out: list[Attachment] = []
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict) or not _text(item.get("filename")):
            continue
        size = item.get("size")
        out.append(
            Attachment(
                filename=_text(item.get("filename")),
                mime_type=_text(item.get("mimeType")),
                size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            )
        )
    return tuple(out)


def _name(field_id: str, names: Mapping[str, Any]) -> str:
    name = names.get(field_id)
    if isinstance(name, str) and name.strip():
        return name.strip()
    return SYSTEM_FIELDS.get(field_id, field_id)


def _field_order(field_id: str) -> tuple[int, str]:
    number = field_id.removeprefix("customfield_")
    return (int(number), field_id) if number.isdigit() else (1 << 60, field_id)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
