"""The sandbox's JQL subset: each clause, Jira's empty-labels quirk, dates against a fixed clock.

Why: the scan's JQL is only as trustworthy as the sandbox that answers it; a sandbox kinder than
Jira (matching empty labels on `!=`) would hide the bug the product most needs to avoid.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sandbox.jql import JqlError, OrderBy, parse, parse_jira_datetime

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def issue(
    *,
    key: str = "OPS-1",
    labels: list[str] | None = None,
    created: str = "2026-11-15T10:00:00.000+0000",
    updated: str | None = None,
    category: dict[str, str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "summary": "VPN broken",
        "issuetype": {"name": "Service Request"},
        "status": {"name": "Waiting for support", "statusCategory": category or {"key": "new"}},
        "project": {"key": "OPS", "name": "Operations"},
        "components": [{"name": "Network"}],
        "reporter": {"accountId": "acc-kim", "displayName": "Kim"},
        "assignee": None,
        "priority": {"name": "High"},
        "created": created,
        "updated": updated or created,
        "resolutiondate": None,
        **fields,
    }
    if labels is not None:
        body["labels"] = labels
    return {"id": "10001", "key": key, "fields": body}


def hits(jql: str, *issues: dict[str, Any], now: datetime = NOW) -> bool | list[bool]:
    query = parse(jql)
    found = [query.matches(i, now) for i in issues]
    return found[0] if len(found) == 1 else found


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("project = OPS", True),
        ("project = Operations", True),
        ("project = DEV", False),
        ("project in (DEV, OPS)", True),
        ("project not in (DEV, OPS)", False),
        ("key = OPS-1", True),
        ("key in (OPS-2, OPS-3)", False),
        ('issuetype = "Service Request"', True),
        ("type = Incident", False),
        ('status = "Waiting for support"', True),
        ("statusCategory = new", True),
        ('statusCategory = "To Do"', True),
        ("statusCategory != Done", True),
        ('statusCategory = "In Progress"', False),
        ("component = network", True),
        ("component = Database", False),
        ("reporter = acc-kim", True),
        ("reporter = acc-lee", False),
        ("assignee is EMPTY", True),
        ("assignee is not EMPTY", False),
        ("priority = High", True),
        ("labels = infra", True),
        ("labels in (x, INFRA)", True),
        ("labels != infra", False),
        ("labels != other", True),
        ("labels not in (other, more)", True),
        ("labels is not EMPTY", True),
        ("resolutiondate is EMPTY", True),
    ],
)
def test_each_clause(jql: str, expected: bool) -> None:
    assert hits(jql, issue(labels=["infra"])) is expected


def test_keywords_are_case_insensitive_and_values_may_be_quoted() -> None:
    assert hits("PROJECT = 'OPS' and LABELS In (\"infra\") oRdEr By KEY desc", issue(labels=["infra"]))


def test_status_category_name_matches_even_when_only_the_key_is_stored() -> None:
    done = issue(category={"key": "done"})
    assert hits("statusCategory = Done", done)
    assert not hits("statusCategory != done", done)
    named = issue(category={"key": "indeterminate", "name": "In Progress"})
    assert hits('statusCategory = "in progress"', named)


@pytest.mark.parametrize(
    "jql",
    ["labels != AI_ANALYZED", "labels not in (AI_ANALYZED)", "NOT labels = AI_ANALYZED"],
)
def test_negative_label_clauses_skip_issues_without_labels(jql: str) -> None:
    """Real Jira: a brand-new ticket with no labels is NOT found by `labels != X`."""
    assert hits(jql, issue(labels=[]), issue(labels=None), issue(labels=["other"])) == [
        False,
        False,
        True,
    ]


def test_the_documented_workaround_finds_unlabelled_issues() -> None:
    jql = "project = OPS AND (labels IS EMPTY OR labels NOT IN (AI_ANALYZED))"
    found = hits(jql, issue(labels=[]), issue(labels=["AI_ANALYZED"]), issue(labels=["x"]))
    assert found == [True, False, True]


@given(
    labels=st.lists(st.sampled_from(["A", "B", "C", "AI_ANALYZED"]), max_size=3),
    target=st.sampled_from(["A", "AI_ANALYZED"]),
)
def test_not_equal_means_has_labels_and_none_is_the_target(labels: list[str], target: str) -> None:
    subject = issue(labels=labels)
    assert hits(f"labels != {target}", subject) is (bool(labels) and target not in labels)
    assert hits(f"labels = {target}", subject) is (target in labels)


def test_and_binds_tighter_than_or_and_parentheses_override() -> None:
    subject = issue(labels=["a"])
    assert hits("project = DEV AND labels = a OR labels = a", subject)
    assert not hits("project = DEV AND (labels = a OR labels = a)", subject)
    assert hits("NOT (project = DEV OR labels = b)", subject)


@pytest.mark.parametrize(
    ("jql", "created", "expected"),
    [
        ("created >= -15m", "2026-11-20T11:50:00.000+0000", True),
        ("created >= -15m", "2026-11-20T11:40:00.000+0000", False),
        ('updated > "-2h"', "2026-11-20T10:30:00.000+0000", True),
        ("created >= -7d", "2026-11-13T12:00:00.000+0000", True),
        ("created > -1w", "2026-11-13T11:59:59.000+0000", False),
        ("created < -1w", "2026-11-13T11:59:59.000+0000", True),
        ('created >= "2026-11-01"', "2026-11-01T00:00:00.000+0000", True),
        ('created <= "2026-11-01"', "2026-11-01T08:00:00.000+0000", False),
        ('created < "2026-11-01 10:30"', "2026-11-01T10:29:00.000+0000", True),
        ('created >= "2026/11/01 10:30"', "2026-11-01T10:29:00.000+0000", False),
        ("created >= startOfMonth()", "2026-11-01T00:00:00.000+0000", True),
        ("created >= startOfMonth()", "2026-10-31T23:59:59.000+0000", False),
        ("created >= startOfMonth(-1)", "2026-10-01T00:00:00.000+0000", True),
        ("created <= endOfMonth(-1)", "2026-10-31T23:59:59.000+0000", True),
        ("created <= endOfMonth(-1)", "2026-11-01T00:00:00.000+0000", False),
        ("created <= endOfMonth()", "2026-11-30T23:59:59.000+0000", True),
        ("created >= 2026-11-20 AND created < 2026-11-21", "2026-11-20T05:00:00.000+0900", False),
    ],
)
def test_dates_relative_to_the_injected_clock(jql: str, created: str, expected: bool) -> None:
    assert hits(jql, issue(created=created, updated=created)) is expected


def test_month_functions_cross_the_year_boundary() -> None:
    january = datetime(2027, 1, 10, tzinfo=UTC)
    december = issue(created="2026-12-15T00:00:00.000+0000")
    assert hits("created >= startOfMonth(-1) AND created <= endOfMonth(-1)", december, now=january)
    assert not hits("created >= startOfMonth()", december, now=january)


def test_order_by_is_parsed_and_exposed() -> None:
    assert parse("project = OPS").order_by == ()
    assert parse("project = OPS ORDER BY updated DESC").order_by == (OrderBy("updated", True),)
    query = parse("project = OPS order by created, key asc")
    assert query.order_by == (OrderBy("created"), OrderBy("key"))
    assert not parse("ORDER BY created").bounded
    assert not parse("   ").bounded
    assert parse("labels = a").bounded


@pytest.mark.parametrize(
    "jql",
    [
        "project =",
        "project = OPS AND",
        "(project = OPS",
        "project = OPS)",
        "foo = bar",
        "labels > x",
        "labels ~ x",
        'created >= "yesterday"',
        "created >= nextWeek()",
        "created in (-1d)",
        "project in ()",
        "project = OPS ORDER BY summary",
        'summary = "unterminated',
        "project OPS",
    ],
)
def test_unsupported_or_malformed_jql_raises(jql: str) -> None:
    with pytest.raises(JqlError):
        parse(jql)


def test_error_messages_read_like_jira() -> None:
    with pytest.raises(JqlError, match="Field 'foo' does not exist"):
        parse("foo = bar")


def test_jira_timestamps_parse_with_their_offset() -> None:
    parsed = parse_jira_datetime("2026-11-20T09:12:33.000+0900")
    assert parsed == datetime(2026, 11, 20, 0, 12, 33, tzinfo=UTC)
    assert parse_jira_datetime(None) is None
    assert parse_jira_datetime("not a date") is None


def test_matching_is_defensive_about_missing_fields() -> None:
    bare = {"id": "1"}
    assert hits("labels is EMPTY", bare)
    assert not hits("project = OPS", bare)
    assert not hits("created >= -1d", bare)
    assert hits("key = 1", bare)


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("labels = EMPTY", [True, False]),
        ("labels != empty", [False, True]),
        ("labels is null", [True, False]),
        ("labels IS NOT EMPTY", [False, True]),
    ],
)
def test_equals_empty_is_another_spelling_of_is_empty(jql: str, expected: list[bool]) -> None:
    assert hits(jql, issue(labels=[]), issue(labels=["x"])) == expected


def test_day_functions_and_a_clock_in_another_zone() -> None:
    today = issue(created="2026-11-20T12:00:00.000+0000")
    assert hits("created >= startOfDay() AND created <= endOfDay()", today)
    assert not hits("created >= startOfDay(1)", today)
    assert hits("created >= startOfDay(-1)", today, now=datetime(2026, 11, 21, tzinfo=UTC))
    seoul_morning = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=9)))
    assert hits("created >= startOfDay()", today, now=seoul_morning)  # still the 20th in UTC
    assert hits("created <= now()", today, now=seoul_morning)
