"""A JQL subset for the Jira sandbox: enough to run the product's scan and report queries.

It reproduces the Jira behaviours the product depends on, notably that `labels != X` and
`labels NOT IN (X)` never match an issue without labels, and that a date-only value means
midnight (so `created <= "2026-11-01"` excludes that day), all in UTC.
"""

from __future__ import annotations

import operator
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = ["Expr", "JqlError", "OrderBy", "Query", "parse", "parse_jira_datetime"]

Issue = Mapping[str, Any]
DateValue = Callable[[datetime], datetime]


class JqlError(ValueError):
    """Raised for JQL this sandbox cannot parse or does not support (Jira answers 400)."""


def parse_jira_datetime(value: object) -> datetime | None:
    """Read Jira's `2026-11-20T09:12:33.000+0000` (or ISO forms); None when absent or bad."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _fields(issue: Issue) -> Mapping[str, Any]:
    raw = issue.get("fields")
    return raw if isinstance(raw, Mapping) else {}


def _names(value: object, *attrs: str) -> list[str]:
    """The given attributes of a dict (or of each dict in a list), as strings."""
    items = value if isinstance(value, list) else [value]
    return [str(item[a]) for item in items if isinstance(item, Mapping) for a in attrs if item.get(a)]


_CATEGORY_NAMES = {"new": "To Do", "indeterminate": "In Progress", "done": "Done"}


def _status_category(issue: Issue) -> list[str]:
    status = _fields(issue).get("status")
    cat = status.get("statusCategory") if isinstance(status, Mapping) else None
    found = _names(cat, "key", "name", "id")
    return found + [_CATEGORY_NAMES[v] for v in found if v in _CATEGORY_NAMES]


def _labels(issue: Issue) -> list[str]:
    labels = _fields(issue).get("labels")
    return [str(x) for x in labels] if isinstance(labels, list) else []


def _key(issue: Issue) -> list[str]:
    fields = _fields(issue)
    return [str(v) for v in (issue.get("key"), fields.get("key"), issue.get("id")) if v]


def _sub(name: str, *attrs: str) -> Callable[[Issue], list[str]]:
    return lambda issue: _names(_fields(issue).get(name), *attrs)


_TEXT_FIELDS: dict[str, Callable[[Issue], list[str]]] = {
    "project": _sub("project", "key", "name", "id"),
    "key": _key,
    "issuetype": _sub("issuetype", "name", "id"),
    "status": _sub("status", "name", "id"),
    "statuscategory": _status_category,
    "labels": _labels,
    "component": _sub("components", "name", "id"),
    "reporter": _sub("reporter", "accountId"),
    "assignee": _sub("assignee", "accountId"),
    "priority": _sub("priority", "name", "id"),
}
_DATE_FIELDS = {"created", "updated", "resolutiondate"}
_ALIASES = dict(issuekey="key", issue="key", type="issuetype", components="component")
_ALIASES.update(createddate="created", updateddate="updated", resolved="resolutiondate")
_ORDERABLE = {"created", "updated", "key"}
_KEYWORDS = {"AND", "OR", "NOT", "IN", "IS", "EMPTY", "NULL", "ORDER", "BY", "ASC", "DESC"}
_TOKEN = re.compile(
    r"""\s*(?:(?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<op>!=|>=|<=|!~|[=<>~(),])"""
    r"""|(?P<word>[^\s()=,!<>~"']+))"""
)


class Expr(ABC):
    """A parsed JQL condition."""

    @abstractmethod
    def matches(self, issue: Issue, now: datetime) -> bool:
        """Whether a raw Jira issue dict satisfies the condition at time `now`."""

    @abstractmethod
    def negated(self) -> Expr:
        """NOT pushed into the operators, as Jira does: an empty field matches neither side."""


@dataclass(frozen=True)
class Junction(Expr):
    """`a AND b AND ...` (any_=False) or `a OR b OR ...` (any_=True)."""

    any_: bool
    parts: tuple[Expr, ...]

    def matches(self, issue: Issue, now: datetime) -> bool:
        results = (part.matches(issue, now) for part in self.parts)
        return any(results) if self.any_ else all(results)

    def negated(self) -> Expr:
        return Junction(not self.any_, tuple(part.negated() for part in self.parts))


_OPPOSITE = {"=": "!=", "in": "not in", "is": "is not", ">": "<=", "<": ">="}
_OPPOSITE.update({v: k for k, v in _OPPOSITE.items()})
_COMPARE = {"=": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge}
_COMPARE.update({"<": operator.lt, "<=": operator.le})


@dataclass(frozen=True)
class TextClause(Expr):
    """`=`, `!=`, `IN`, `NOT IN`, `IS [NOT] EMPTY` on a (possibly multi-valued) text field."""

    field: str
    op: str  # "=", "!=", "in", "not in", "is", "is not"
    values: tuple[str, ...] = ()

    def matches(self, issue: Issue, now: datetime) -> bool:
        have = {v.casefold() for v in _TEXT_FIELDS[self.field](issue)}
        wanted = {v.casefold() for v in self.values}
        if self.op in ("is", "is not"):
            return (not have) == (self.op == "is")
        if self.op in ("=", "in"):
            return bool(have & wanted)
        # Jira quirk: negative operators never match an empty field.
        return bool(have) and not have & wanted

    def negated(self) -> Expr:
        return TextClause(self.field, _OPPOSITE[self.op], self.values)


@dataclass(frozen=True)
class DateClause(Expr):
    """A comparison of created/updated/resolutiondate against an absolute or relative time."""

    field: str
    op: str
    value: DateValue | None  # None for IS [NOT] EMPTY

    def matches(self, issue: Issue, now: datetime) -> bool:
        have = parse_jira_datetime(_fields(issue).get(self.field))
        if self.value is None:
            return (have is None) == (self.op == "is")
        want = self.value(now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC))
        return have is not None and bool(_COMPARE[self.op](have, want))

    def negated(self) -> Expr:
        return DateClause(self.field, _OPPOSITE[self.op], self.value)


@dataclass(frozen=True)
class OrderBy:
    field: str  # "created", "updated" or "key"
    descending: bool = False


@dataclass(frozen=True)
class Query(Expr):
    """A whole JQL query: an optional condition plus the ORDER BY terms."""

    where: Expr | None
    order_by: tuple[OrderBy, ...] = field(default=())

    @property
    def bounded(self) -> bool:
        """Jira's /search/jql refuses a query without any restriction."""
        return self.where is not None

    def matches(self, issue: Issue, now: datetime) -> bool:
        return self.where is None or self.where.matches(issue, now)

    def negated(self) -> Expr:
        raise JqlError("A whole query cannot be negated.")


def _month_start(now: datetime, offset: int) -> datetime:
    index = now.year * 12 + now.month - 1 + offset
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def _day_start(now: datetime, offset: int) -> datetime:
    return datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=offset)


_MS = timedelta(milliseconds=1)
_FUNCTIONS: dict[str, Callable[[datetime, int], datetime]] = {
    "startofmonth": _month_start,
    "endofmonth": lambda now, n: _month_start(now, n + 1) - _MS,
    "startofday": _day_start,
    "endofday": lambda now, n: _day_start(now, n + 1) - _MS,
    "now": lambda now, n: now,
}
_UNITS = {"w": timedelta(weeks=1), "d": timedelta(days=1), "h": timedelta(hours=1)}
_UNITS["m"] = timedelta(minutes=1)


def _date_literal(text: str) -> DateValue:
    rel = re.fullmatch(r"([+-]?)(\d+)([wdhm])", text.strip())
    if rel:
        delta = int(rel.group(2)) * _UNITS[rel.group(3)]
        sign = -1 if rel.group(1) == "-" else 1
        return lambda now: now + sign * delta
    for fmt in ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d"):
        try:
            when = datetime.strptime(text.strip(), fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
        return lambda _now: when
    raise JqlError(
        f"Date value '{text}' for field is invalid. Valid formats include: "
        "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', "
        "or a period format e.g. '-5d', '-4w'."
    )


class _Parser:
    """Recursive descent over tokens: (kind, text, position)."""

    def __init__(self, jql: str) -> None:
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(jql):
            m = _TOKEN.match(jql, pos)
            if m is None or m.end() == pos:
                if jql[pos:].strip() == "":
                    break
                raise self._error(f"Unexpected character '{jql[pos]}'", pos)
            kind = m.lastgroup or ""
            text, start = m.group(kind), m.start(kind) + 1
            if kind == "str":
                text = re.sub(r"\\(.)", r"\1", text[1:-1])
            elif kind == "word" and text.upper() in _KEYWORDS:
                kind, text = "kw", text.upper()
            self.tokens.append((kind, text, start))
            pos = m.end()
        self.i = 0

    @staticmethod
    def _error(msg: str, pos: int) -> JqlError:
        return JqlError(f"Error in the JQL Query: {msg}. (line 1, character {pos})")

    def peek(self, *accept: str) -> bool:
        if self.i >= len(self.tokens):
            return False
        kind, text, _ = self.tokens[self.i]
        return text in accept if kind in ("kw", "op") else False

    def _ahead(self, *accept: str) -> bool:
        self.i += 1
        try:
            return self.peek(*accept)
        finally:
            self.i -= 1

    def take(self, *accept: str) -> str:
        if self.i >= len(self.tokens):
            raise self._error(f"Expecting {' or '.join(accept) or 'more'} but reached the end", 0)
        kind, text, pos = self.tokens[self.i]
        if accept and not (kind in ("kw", "op") and text in accept):
            raise self._error(f"Expecting {' or '.join(accept)} but got '{text}'", pos)
        self.i += 1
        return text

    def value(self) -> str:
        if self.i >= len(self.tokens):
            raise self._error("Expecting a value but reached the end", 0)
        kind, text, pos = self.tokens[self.i]
        if kind not in ("str", "word"):
            raise self._error(f"Expecting either a value or a function but got '{text}'", pos)
        self.i += 1
        if kind == "word" and self.peek("("):
            self.take("(")
            arg = "" if self.peek(")") else self.value()
            self.take(")")
            return f"{text}({arg})"
        return text

    def query(self) -> Query:
        where = None if not self.tokens or self.peek("ORDER") else self.or_expr()
        order: list[OrderBy] = []
        if self.peek("ORDER"):
            self.take("ORDER")
            self.take("BY")
            while True:
                name = self.value().lower()
                name = _ALIASES.get(name, name)
                if name not in _ORDERABLE:
                    raise JqlError(f"Not able to sort using field '{name}'.")
                desc = self.take("ASC", "DESC") == "DESC" if self.peek("ASC", "DESC") else False
                order.append(OrderBy(name, desc))
                if not self.peek(","):
                    break
                self.take(",")
        if self.i < len(self.tokens):
            _, text, pos = self.tokens[self.i]
            raise self._error(f"Expecting operator but got '{text}'", pos)
        return Query(where, tuple(order))

    def or_expr(self, word: str = "OR") -> Expr:
        """OR binds looser than AND; both are n-ary junctions."""
        inner = self.not_expr if word == "AND" else lambda: self.or_expr("AND")
        parts = [inner()]
        while self.peek(word):
            self.take(word)
            parts.append(inner())
        return parts[0] if len(parts) == 1 else Junction(word == "OR", tuple(parts))

    def not_expr(self) -> Expr:
        if self.peek("NOT"):
            self.take("NOT")
            return self.not_expr().negated()
        if self.peek("("):
            self.take("(")
            expr = self.or_expr()
            self.take(")")
            return expr
        return self.clause()

    def clause(self) -> Expr:
        pos = self.tokens[self.i][2] if self.i < len(self.tokens) else 0
        raw = self.value()
        name = _ALIASES.get(raw.lower(), raw.lower())
        if name not in _TEXT_FIELDS and name not in _DATE_FIELDS:
            raise self._error(f"Field '{raw}' does not exist or you do not have permission to view it", pos)
        if self.peek("IS") or (self.peek("=", "!=") and self._ahead("EMPTY", "NULL")):
            # `x = EMPTY` is Jira's other spelling of `x IS EMPTY`.
            word = self.take()
            negative = word == "!=" or (word == "IS" and self.peek("NOT") and bool(self.take()))
            self.take("EMPTY", "NULL")
            op = "is not" if negative else "is"
            return TextClause(name, op) if name in _TEXT_FIELDS else DateClause(name, op, None)
        if self.peek("NOT", "IN"):
            op = "not in" if self.peek("NOT") and self.take("NOT") else "in"
            self.take("IN")
            self.take("(")
            values = [self.value()]
            while self.peek(","):
                self.take(",")
                values.append(self.value())
            self.take(")")
            if name in _DATE_FIELDS:
                raise JqlError(
                    f"The operator '{op.upper()}' is not supported by the '{raw}' field in this sandbox."
                )
            return TextClause(name, op, tuple(values))
        op = self.take("=", "!=", ">", ">=", "<", "<=", "~", "!~")
        if name in _DATE_FIELDS and op not in ("~", "!~"):
            return DateClause(name, op, self._date(self.value()))
        if op not in ("=", "!="):
            raise JqlError(f"The operator '{op}' is not supported by the '{raw}' field.")
        return TextClause(name, op, (self.value(),))

    @staticmethod
    def _date(text: str) -> DateValue:
        call = re.fullmatch(r"(\w+)\((.*)\)", text)
        if call is None:
            return _date_literal(text)
        func = _FUNCTIONS.get(call.group(1).lower())
        arg = call.group(2).strip()
        if func is None or not re.fullmatch(r"[+-]?\d*", arg):
            raise JqlError(f"Unable to find JQL function '{text}'.")
        offset = int(arg) if arg.strip("+-") else 0
        return lambda now: func(now, offset)


def parse(jql: str) -> Query:
    """Parse a JQL string; raises JqlError with a Jira-like message when it is not supported."""
    if not isinstance(jql, str):
        raise JqlError("The JQL query must be a string.")
    return _Parser(jql).query()
