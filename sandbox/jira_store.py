"""The sandbox's Jira state and REST operations, kept apart from HTTP so tests can drive both.

Issues stay raw Jira-shaped dicts; every answer is built in the shapes of Atlassian's v3 spec,
with the seed's `_sandbox` quirks applied only when serialising for a client.
"""

from __future__ import annotations

import copy
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sandbox.jql import JqlError, OrderBy, Query, parse, parse_jira_datetime
from sandbox.seed_forms import FIELDS as FORM_FIELDS

Json = dict[str, Any]
INVALID_PAYLOAD = "Invalid request payload. Refer to the REST API documentation and try again."
NOT_FOUND = "Issue does not exist or you do not have permission to see it."
_SEARCH_KEYS = {"jql", "fields", "maxResults", "nextPageToken", "expand", "properties"}
_SEARCH_KEYS |= {"fieldsByKeys", "reconcileIssues"}
_EDITABLE = {"labels", "summary", "description"}
_UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction."
# The site's field catalogue, as `expand=names,schema` reports it (system fields, then custom).
_SYSTEM_FIELDS: dict[str, tuple[str, Json]] = {
    "summary": ("Summary", {"type": "string", "system": "summary"}),
    "description": ("Description", {"type": "string", "system": "description"}),
    "issuetype": ("Issue Type", {"type": "issuetype", "system": "issuetype"}),
    "status": ("Status", {"type": "status", "system": "status"}),
    "project": ("Project", {"type": "project", "system": "project"}),
    "labels": ("Labels", {"type": "array", "items": "string", "system": "labels"}),
    "components": ("Components", {"type": "array", "items": "component", "system": "components"}),
    "reporter": ("Reporter", {"type": "user", "system": "reporter"}),
    "assignee": ("Assignee", {"type": "user", "system": "assignee"}),
    "priority": ("Priority", {"type": "priority", "system": "priority"}),
    "created": ("Created", {"type": "datetime", "system": "created"}),
    "updated": ("Updated", {"type": "datetime", "system": "updated"}),
    "resolutiondate": ("Resolved", {"type": "datetime", "system": "resolutiondate"}),
    "duedate": ("Due date", {"type": "date", "system": "duedate"}),
    "environment": ("Environment", {"type": "string", "system": "environment"}),
    "attachment": ("Attachment", {"type": "array", "items": "attachment", "system": "attachment"}),
    "comment": ("Comment", {"type": "comments-page", "system": "comment"}),
}


class ApiError(Exception):
    """A Jira error answer: status plus the ErrorCollection body."""

    def __init__(self, status: int, *messages: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(status, messages, errors)
        self.status = status
        self.body: Json = {"errorMessages": list(messages), "errors": errors or {}}


def jira_time(moment: datetime) -> str:
    """Jira's timestamp format, e.g. `2026-11-20T09:12:33.000+0000`."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}{moment:%z}"


def adf_doc(text: str) -> Json:
    """A one-paragraph ADF document, as the Jira editor would store `text`."""
    para = [{"type": "paragraph", "content": [{"type": "text", "text": text}]}] if text else []
    return {"type": "doc", "version": 1, "content": para}


def adf_text(node: object) -> str:
    """Plain text of an ADF node (changelog strings carry text, not ADF)."""
    if isinstance(node, list):
        return " ".join(str(x) for x in node)
    if not isinstance(node, dict):
        return "" if node is None else str(node)
    if node.get("type") == "text":
        return str(node.get("text", ""))
    sep = "\n" if node.get("type") == "doc" else ""
    return sep.join(adf_text(child) for child in node.get("content") or [])


def _quirks(raw: Json) -> set[str]:
    meta = raw.get("_sandbox")
    found = meta.get("quirk", meta.get("quirks", ())) if isinstance(meta, dict) else ()
    return {found} if isinstance(found, str) else {str(q) for q in found or ()}


def check_labels(value: object) -> list[str]:
    """Jira's label rules (non-empty strings, no spaces), de-duplicated in order."""
    if not isinstance(value, list):
        raise ApiError(400, errors={"labels": "Labels must be a list of strings."})
    for label in value:
        if not isinstance(label, str) or not label or len(label) > 255:
            raise ApiError(400, errors={"labels": f"The label '{label}' is invalid."})
        if re.search(r"\s", label):
            msg = f"The label '{label}' contains spaces which is invalid."
            raise ApiError(400, errors={"labels": msg})
    return list(dict.fromkeys(value))


def _sort_value(field: str, raw: Json) -> Any:
    if field == "key":
        m = re.fullmatch(r"(.*?)-(\d+)", str(raw["key"]))
        return (m.group(1), int(m.group(2))) if m else (str(raw["key"]), 0)
    when = parse_jira_datetime(raw["fields"].get(field))
    return when or datetime.min.replace(tzinfo=UTC)


def _comments(raw: Json) -> list[Json]:
    box = raw["fields"].get("comment")
    return list(box.get("comments") or []) if isinstance(box, dict) else []


class JiraStore:
    """Thread-safe issues, comments and changelogs, plus the REST operations on them."""

    def __init__(
        self,
        issues: Iterable[Json],
        *,
        email: str = "bot@example.com",
        api_token: str = "sandbox-token",  # noqa: S107 - a local stand-in's well-known token
        bot_account_id: str = "bot-ai-triage",
        bot_display_name: str = "AI Triage",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.email, self.api_token = email, api_token
        self.bot_account_id, self.bot_display_name = bot_account_id, bot_display_name
        self.now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.base_url = "http://127.0.0.1"
        self._lock = threading.RLock()
        self._issues: dict[str, Json] = {}
        self._ids: dict[str, str] = {}
        self._users: dict[str, Json] = {bot_account_id: {"displayName": bot_display_name}}
        self._pages: OrderedDict[str, list[str]] = OrderedDict()
        self._seq = {"issue": 10000, "comment": 10000, "history": 10000}
        self._fields: dict[str, tuple[str, Json]] = {**_SYSTEM_FIELDS}
        for fid, (name, schema) in FORM_FIELDS.items():
            self._fields[fid] = (name, {**schema, "customId": int(fid.rsplit("_", 1)[1])})
        for raw in issues:
            self.add_issue(raw)

    def user(self, account_id: str | None = None) -> Json:
        """UserDetails for an account (the bot by default)."""
        account_id = account_id or self.bot_account_id
        name = self._users.get(account_id, {}).get("displayName", account_id)
        url = f"{self.base_url}/rest/api/3/user?accountId={account_id}"
        return {"self": url, "accountId": account_id, "displayName": name, "active": True}

    def _next(self, kind: str, seen: object = None) -> str:
        """A fresh id, or (with `seen`) note an existing one so fresh ids never collide."""
        if seen is not None:
            digits = str(seen).isdigit()
            self._seq[kind] = max(self._seq[kind], int(str(seen)) if digits else 0)
            return str(seen)
        self._seq[kind] += 1
        return str(self._seq[kind])

    # ----- issues and people, for tests and the admin routes -----
    def add_issue(self, raw: Json) -> str:
        """Store a copy of a raw issue; returns its key (kept internally even when quirked)."""
        raw = copy.deepcopy(raw)
        fields = raw.setdefault("fields", {})
        meta = raw["_sandbox"] if isinstance(raw.get("_sandbox"), dict) else {}
        names, schemas = raw.pop("names", None), raw.pop("schema", None)
        with self._lock:
            for fid, name in (names or {}).items():  # a site field this issue brings (eval shapes)
                if isinstance(name, str) and fid not in self._fields:
                    self._fields[fid] = (name, (schemas or {}).get(fid) or {"type": "any"})
            ident = self._next("issue", raw["id"]) if raw.get("id") else self._next("issue")
            key = str(raw.get("key") or fields.get("key") or meta.get("key") or f"SBX-{ident}")
            if key in self._issues or ident in self._ids:
                raise ValueError(f"duplicate issue {key} / {ident}")
            raw.update(id=ident, key=key)
            comments = _comments(raw)
            people = [fields.get("reporter"), fields.get("assignee")]
            for person in people + [c.get("author") for c in comments]:
                if isinstance(person, dict) and person.get("accountId"):
                    self._users.setdefault(person["accountId"], person)
            for comment in comments:
                seen = comment.get("id")
                comment["id"] = self._next("comment", seen) if seen else self._next("comment")
                comment.setdefault("properties", [])
            for entry in (raw.get("changelog") or {}).get("histories") or []:
                self._next("history", entry.get("id", 0))
            self._issues[key], self._ids[ident] = raw, key
        return key

    def resolve(self, key_or_id: str) -> str | None:
        """The internal key of an issue named by key or id."""
        with self._lock:
            return key_or_id if key_or_id in self._issues else self._ids.get(key_or_id)

    def _raw(self, key_or_id: str) -> Json:
        key = self.resolve(key_or_id)
        if key is None:
            raise ApiError(404, NOT_FOUND)
        return self._issues[key]

    def get_raw(self, key: str) -> Json:
        """The whole stored issue, comments and properties included (a copy)."""
        with self._lock:
            if self.resolve(key) is None:
                raise KeyError(key)
            return copy.deepcopy(self._raw(key))

    def comments_of(self, key: str) -> list[Json]:
        """The stored comments of an issue, with their properties (a copy)."""
        return _comments(self.get_raw(key))

    def person_edit_labels(
        self,
        key: str,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
        author_account_id: str = "",
    ) -> None:
        """A person edits labels in the UI (not a bot call, so not counted)."""
        with self._lock:
            raw = self._raw(key)
            kept = [x for x in raw["fields"].get("labels") or [] if x not in remove]
            author = author_account_id or self._reporter(raw)
            self._apply(raw, {"labels": check_labels(kept + list(add))}, author)

    def person_edit_description(
        self, key: str, text_or_adf: str | Json | None, author_account_id: str = ""
    ) -> None:
        """A person rewrites the description (a plain string becomes an ADF paragraph)."""
        doc = adf_doc(text_or_adf) if isinstance(text_or_adf, str) else text_or_adf
        with self._lock:
            raw = self._raw(key)
            self._apply(raw, {"description": doc}, author_account_id or self._reporter(raw))

    def person_edit_fields(self, key: str, changes: Json, author_account_id: str = "") -> None:
        """A person fills in or changes fields (a request form's custom fields, the environment...)."""
        with self._lock:
            raw = self._raw(key)
            self._apply(raw, copy.deepcopy(changes), author_account_id or self._reporter(raw))

    def person_comment(self, key: str, text: str | Json, author: str = "") -> Json:
        """A person comments (by default the reporter, answering the bot)."""
        body = adf_doc(text) if isinstance(text, str) else text
        with self._lock:
            raw = self._raw(key)
            return self._comment(raw, body, [], author or self._reporter(raw), None)

    @staticmethod
    def _reporter(raw: Json) -> str:
        reporter = raw["fields"].get("reporter")
        return str(reporter.get("accountId") or "someone") if isinstance(reporter, dict) else ""

    # ----- writes -----
    def _touch(self, raw: Json) -> str:
        raw["fields"]["updated"] = stamp = jira_time(self.now())
        return stamp

    def _apply(self, raw: Json, changes: Json, author: str) -> bool:
        """Set fields and log one changelog entry; False when nothing actually changed."""
        fields, items = raw["fields"], []
        for name, new in changes.items():
            old = fields.get(name)
            if (name == "labels" and list(old or []) == new) or old == new:
                continue
            # Jira sends "from"/"to" null for these; the spec types them string, so omit them.
            item: Json = {"field": name, "fieldtype": "jira", "fieldId": name}
            item.update(fromString=adf_text(old), toString=adf_text(new))
            items.append(item)
            fields[name] = new
        if not items:
            return False
        entry: Json = {"id": self._next("history"), "author": self.user(author)}
        entry.update(created=self._touch(raw), items=items)
        raw.setdefault("changelog", {}).setdefault("histories", []).append(entry)
        return True

    def _comment(self, raw: Json, body: Json, props: list[Json], author: str, vis: Any) -> Json:
        internal = any(p["key"] == "sd.public.comment" and p["value"] == {"internal": True} for p in props)
        stamp = self._touch(raw)
        comment: Json = {"id": self._next("comment"), "author": self.user(author), "body": body}
        comment.update(updateAuthor=self.user(author), created=stamp, updated=stamp)
        comment.update(jsdPublic=not internal, properties=copy.deepcopy(props))
        if vis is not None:
            comment["visibility"] = vis
        box = raw["fields"].setdefault("comment", {"comments": [], "startAt": 0})
        box.setdefault("comments", []).append(comment)
        box["total"] = box["maxResults"] = len(box["comments"])
        return copy.deepcopy(comment)

    # ----- serialisation -----
    def public_comment(self, raw: Json, comment: Json, with_props: bool) -> Json:
        """A Comment as clients see it: properties only when expanded."""
        out = {
            k: v for k, v in comment.items() if (k != "properties" or with_props) and not k.startswith("_")
        }
        if with_props:
            out.setdefault("properties", [])
        out["self"] = f"{self.base_url}/rest/api/3/issue/{raw['id']}/comment/{comment['id']}"
        return copy.deepcopy(out)

    def serialize(self, raw: Json, wanted: Sequence[str] | None, expand: str = "") -> Json:
        """An IssueBean as Jira returns it, with the seed's quirks applied."""
        quirks, key = _quirks(raw), raw["key"]
        out: Json = {"id": raw["id"], "key": key}
        out["self"] = f"{self.base_url}/rest/api/3/issue/{raw['id']}"
        if quirks & {"no_key", "key_only_in_fields"}:
            del out["key"]
        names = [n.strip() for item in wanted or () for n in item.split(",") if n.strip()]
        every = bool({"*all", "*navigable"} & set(names))
        dropped = {n[1:] for n in names if n.startswith("-")}
        dropped |= {f for f in ("labels", "comment") if f"{f}_missing" in quirks}
        chosen = {k: v for k, v in raw["fields"].items() if (every or k in names)}
        chosen = {k: v for k, v in chosen.items() if k not in dropped}
        if isinstance(chosen.get("comment"), dict):
            listed = [self.public_comment(raw, c, False) for c in _comments(raw)]
            chosen["comment"] = {"comments": listed, "maxResults": len(listed)}
            chosen["comment"].update(total=len(listed), startAt=0)
        if "key_only_in_fields" in quirks:
            chosen["key"] = key
        if (names or "key_only_in_fields" in quirks) and "no_fields" not in quirks:
            out["fields"] = copy.deepcopy(chosen)
        expands = {e.strip() for e in expand.split(",")}
        shown = out.get("fields") or {}
        if "names" in expands:
            out["names"] = {f: self._fields[f][0] for f in shown if f in self._fields}
        if "schema" in expands:
            out["schema"] = {f: copy.deepcopy(self._fields[f][1]) for f in shown if f in self._fields}
        if "changelog" in expands:
            histories = copy.deepcopy((raw.get("changelog") or {}).get("histories") or [])
            out["changelog"] = {"startAt": 0, "maxResults": len(histories)}
            out["changelog"].update(total=len(histories), histories=histories)
        return out

    # ----- REST operations -----
    def search(self, body: object) -> Json:
        """POST /rest/api/3/search/jql with cursor paging over a snapshot of the hits."""
        if not isinstance(body, dict):
            raise ApiError(400, INVALID_PAYLOAD)
        for name in sorted(set(body) - _SEARCH_KEYS):
            raise ApiError(400, f'Unrecognized field "{name}", not marked as ignorable.')
        jql, wanted, size = body.get("jql", ""), body.get("fields"), body.get("maxResults", 50)
        token = body.get("nextPageToken")
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ApiError(400, "The maxResults parameter must be a positive integer.")
        listed = isinstance(wanted, list) and all(isinstance(f, str) for f in wanted)
        if not (isinstance(jql, str) and (wanted is None or listed)):
            raise ApiError(400, INVALID_PAYLOAD)
        if not (token is None or isinstance(token, str)):
            raise ApiError(400, INVALID_PAYLOAD)
        try:
            query = parse(jql)
        except JqlError as exc:
            raise ApiError(400, str(exc)) from None
        if not query.bounded:
            raise ApiError(400, _UNBOUNDED)
        with self._lock:
            if token is None:
                keys, token_id, offset = self._matching(query), secrets.token_urlsafe(9), 0
                self._pages[token_id] = keys
                while len(self._pages) > 256:
                    self._pages.popitem(last=False)
            else:
                token_id, _, off = token.rpartition(".")
                if token_id not in self._pages or not off.isdigit():
                    raise ApiError(400, "The provided next page token is invalid or expired.")
                keys, offset = self._pages[token_id], int(off)
            end = offset + min(size, 100)
            page = [self._issues[k] for k in keys[offset:end] if k in self._issues]
            asked = body.get("expand")
            expand = asked if isinstance(asked, str) else ""
            issues = [self.serialize(r, wanted or None, expand) for r in page]
            result: Json = {"issues": issues}
            for meta in ("names", "schema"):  # the search names fields once per page, not per issue
                if meta in expand.split(","):
                    tables = [issue.pop(meta, None) or {} for issue in issues]
                    result[meta] = {k: v for table in tables for k, v in table.items()}
            if end < len(keys):
                result["nextPageToken"] = f"{token_id}.{end}"
            result["isLast"] = end >= len(keys)
            return result

    def _matching(self, query: Query) -> list[str]:
        now = self.now()
        hits = [raw for raw in self._issues.values() if query.matches(raw, now)]
        hits.sort(key=lambda r: (len(r["id"]), r["id"]))
        for term in reversed(query.order_by or (OrderBy("created"),)):
            field = term.field
            hits.sort(key=lambda r: _sort_value(field, r), reverse=term.descending)
        return [str(raw["key"]) for raw in hits]

    def get_issue(self, key_or_id: str, fields: str | None, expand: str | None) -> Json:
        """GET /rest/api/3/issue/{keyOrId}; fields default to *all."""
        with self._lock:
            return self.serialize(self._raw(key_or_id), [fields or "*all"], expand or "")

    def edit_issue(self, key_or_id: str, body: object) -> bool:
        """PUT /rest/api/3/issue/{keyOrId}: validated in full, then applied atomically."""
        sets = body.get("fields", {}) if isinstance(body, dict) else None
        ops = body.get("update", {}) if isinstance(body, dict) else None
        if not isinstance(sets, dict) or not isinstance(ops, dict):
            raise ApiError(400, INVALID_PAYLOAD)
        for name in sorted(set(sets) & set(ops)):
            msg = f"Field '{name}' cannot appear in both 'fields' and 'update'."
            raise ApiError(400, errors={name: msg})
        for name in sorted((set(sets) | set(ops)) - _EDITABLE):
            msg = "cannot be set. It is not on the appropriate screen, or unknown."
            raise ApiError(400, errors={name: f"Field '{name}' {msg}"})
        with self._lock:
            raw = self._raw(key_or_id)
            changes = {k: check_labels(v) if k == "labels" else v for k, v in sets.items()}
            for name, verbs in ops.items():
                current: list[str] = list(raw["fields"].get("labels") or [])
                for verb in verbs if isinstance(verbs, list) else [None]:
                    if not isinstance(verb, dict) or len(verb) != 1:
                        raise ApiError(400, errors={name: "Each operation needs one verb."})
                    ((kind, value),) = verb.items()
                    if name == "labels" and kind in ("add", "remove", "set"):
                        new = check_labels(value if kind == "set" else [value])
                        kept = [x for x in current if x not in new]
                        current = new if kind == "set" else kept + new * (kind == "add")
                        changes[name] = current
                    elif name != "labels" and kind == "set":
                        changes[name] = value
                    else:
                        raise ApiError(400, errors={name: f"Operation '{kind}' is not supported."})
            summary, doc = changes.get("summary", "-"), changes.get("description")
            if not (isinstance(summary, str) and summary.strip()):
                raise ApiError(400, errors={"summary": "You must specify a summary of the issue."})
            if doc is not None and not (isinstance(doc, dict) and doc.get("type") == "doc"):
                msg = "Operation value must be an Atlassian Document (see the ADF format)."
                raise ApiError(400, errors={"description": msg})
            return self._apply(raw, changes, self.bot_account_id)

    def add_comment(self, key_or_id: str, body: object, expand: str | None) -> Json:
        """POST /rest/api/3/issue/{key}/comment: an ADF body, optional entity properties."""
        if not isinstance(body, dict):
            raise ApiError(400, INVALID_PAYLOAD)
        doc, props, vis = body.get("body"), body.get("properties", []), body.get("visibility")
        if not isinstance(doc, dict) or doc.get("type") != "doc":
            raise ApiError(400, errors={"comment": "Comment body is not a valid ADF document."})
        if not isinstance(props, list) or not all(
            isinstance(p, dict) and isinstance(p.get("key"), str) and "value" in p for p in props
        ):
            raise ApiError(400, errors={"properties": "Each property needs a key and a value."})
        if vis is not None and not isinstance(vis, dict):
            raise ApiError(400, INVALID_PAYLOAD)
        with self._lock:
            raw = self._raw(key_or_id)
            created = self._comment(raw, doc, props, self.bot_account_id, vis)
            return self.public_comment(raw, created, "properties" in (expand or ""))

    def edit_comment(
        self, key_or_id: str, comment_id: str, body: object, expand: str | None, *, notify: bool
    ) -> Json:
        """PUT /rest/api/3/issue/{key}/comment/{id}: a new ADF body by the bot; properties stay.
        `notify` is kept on the comment (`_notified`) so tests can see what Jira was told."""
        doc = body.get("body") if isinstance(body, dict) else None
        if not isinstance(doc, dict) or doc.get("type") != "doc":
            raise ApiError(400, errors={"comment": "Comment body is not a valid ADF document."})
        with self._lock:
            raw = self._raw(key_or_id)
            return self._edit(
                raw, comment_id, doc, self.bot_account_id, notify, "properties" in (expand or "")
            )

    def get_comment(self, key_or_id: str, comment_id: str, expand: str | None) -> Json:
        """GET /rest/api/3/issue/{key}/comment/{id}."""
        with self._lock:
            raw = self._raw(key_or_id)
            found = [c for c in _comments(raw) if str(c.get("id")) == comment_id]
            if not found:
                raise ApiError(404, errors={"comment": "Can not find a comment for the id."})
            return self.public_comment(raw, found[0], "properties" in (expand or ""))

    def person_edit_comment(self, key: str, comment_id: str, text: str, author: str = "") -> None:
        """A person edits a comment in the UI (not a bot call, so not counted)."""
        with self._lock:
            raw = self._raw(key)
            self._edit(raw, comment_id, adf_doc(text), author or self._reporter(raw), True, False)

    def _edit(
        self, raw: Json, comment_id: str, doc: Json, author: str, notify: bool, with_props: bool
    ) -> Json:
        found = [c for c in _comments(raw) if str(c.get("id")) == comment_id]
        if not found:
            raise ApiError(404, errors={"comment": "Can not find a comment for the id."})
        comment = found[0]
        comment.update(body=doc, updateAuthor=self.user(author), updated=jira_time(self.now()))
        comment["_notified"] = notify
        return self.public_comment(raw, comment, with_props)

    def list_comments(self, key_or_id: str, start: int, size: int, order: str, expand: str | None) -> Json:
        """GET /rest/api/3/issue/{key}/comment as a PageOfComments."""
        with self._lock:
            raw = self._raw(key_or_id)
            found = _comments(raw)
            found.sort(key=lambda c: str(c.get("created") or ""), reverse=order == "-created")
            with_props = "properties" in (expand or "")
            listed = [self.public_comment(raw, c, with_props) for c in found[start : start + size]]
            return {"comments": listed, "startAt": start, "maxResults": size, "total": len(found)}

    def changelog(self, key_or_id: str, start: int, size: int) -> Json:
        """GET /rest/api/3/issue/{key}/changelog as a PageBeanChangelog."""
        with self._lock:
            raw = self._raw(key_or_id)
            histories = (raw.get("changelog") or {}).get("histories") or []
            url = f"{self.base_url}/rest/api/3/issue/{raw['key']}/changelog"
            page: Json = {"self": f"{url}?startAt={start}&maxResults={size}"}
            if start + size < len(histories):
                page["nextPage"] = f"{url}?startAt={start + size}&maxResults={size}"
            page.update(maxResults=size, startAt=start, total=len(histories))
            page.update(isLast=start + size >= len(histories))
            return {**page, "values": copy.deepcopy(histories[start : start + size])}

    def myself(self) -> Json:
        """GET /rest/api/3/myself: the bot's own user."""
        me = {**self.user(), "accountType": "atlassian", "emailAddress": self.email}
        return {**me, "timeZone": "UTC", "locale": "en_US"}
