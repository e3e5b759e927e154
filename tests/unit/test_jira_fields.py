"""The fields of an issue read as the screen shows them, and the one rendering built from them."""

from __future__ import annotations

from typing import Any

import pytest

from shared.jira.fields import FieldPolicy, read_fields, render_value
from shared.jira.models import Person, Ticket, TicketComment, normalise_issue
from shared.jira.rendering import follow_ups, form_lines, render_body
from shared.lifecycle.claims import fingerprint

NAMES = {
    "customfield_10010": "Request Type",
    "customfield_10019": "Rank",
    "customfield_10020": "Sprint",
    "customfield_10000": "development",
    "customfield_10030": "Time to first response",
    "customfield_10044": "Approver",
    "customfield_10052": "Cloud / region",
    "customfield_10055": "Cost center",
    "customfield_10060": "Notify",
    "customfield_10077": "CF 77",
}
FIELDS: dict[str, Any] = {
    "summary": "Need a Redis cache",
    "issuetype": {"name": "Service Request"},
    "priority": {"name": "High"},
    "duedate": "2026-12-15",
    "components": [{"name": "Azure"}, {"name": "Networking"}],
    "environment": {"type": "doc", "version": 1, "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "qa, koreacentral"}]},
        {"type": "paragraph", "content": [{"type": "text", "text": "behind the AKS VNet"}]},
    ]},
    "customfield_10010": {"requestType": {"id": "12", "name": "Request a cloud resource"}},
    "customfield_10019": "0|i0003b:",
    "customfield_10020": [{"id": 3, "name": "Sprint 3", "state": "active", "boardId": 1}],
    "customfield_10000": "{}",
    "customfield_10030": {"id": "1", "name": "TTFR", "completedCycles": [], "ongoingCycle": {}},
    "customfield_10044": {"accountId": "u9", "displayName": "Lee Sujin"},
    "customfield_10052": {"value": "Azure", "child": {"value": "koreacentral"}},
    "customfield_10055": None,
    "customfield_10060": [{"value": "Slack"}, {"value": "Email"}],
    "customfield_10077": "  ",
    "attachment": [{"id": "1", "filename": "topology.png", "mimeType": "image/png", "size": 48213}],
    "labels": ["urgent", "AI_ANALYZED"],
}  # fmt: skip


def raw(**changes: Any) -> dict[str, Any]:
    return {"key": "OPS-9", "fields": {**FIELDS, **changes}, "names": NAMES}


def ticket(policy: FieldPolicy | None = None, **changes: Any) -> Ticket:
    found = normalise_issue(raw(**changes), policy)
    assert isinstance(found, Ticket)
    return found


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ({"accountId": "a1", "displayName": "Kim Minji"}, "Kim Minji"),
        ({"value": "Production", "id": "10021"}, "Production"),
        ([{"value": "Slack"}, {"value": "Email"}], "Slack, Email"),
        ({"value": "Azure", "child": {"value": "koreacentral"}}, "Azure / koreacentral"),
        ("2026-12-01", "2026-12-01"),
        ("2026-12-01T09:30:00.000+0900", "2026-12-01 09:30"),
        (3, "3"),
        (2.5, "2.5"),
        (True, "yes"),
        ("https://wiki.example.com/x", "https://wiki.example.com/x"),
        (["prod", "eu"], "prod, eu"),
        ({"name": "High"}, "High"),
        ({"type": "doc", "version": 1, "content": [{"type": "codeBlock", "content": [{"type": "text", "text": "x"}]}]},
         "```\nx\n```"),
        (None, ""),
        ([], ""),
        ({}, ""),
    ],
)
def test_each_value_type_as_the_screen_shows_it(value: Any, shown: str) -> None:
    assert render_value(value) == shown


def test_filled_fields_are_form_lines_by_their_site_names_and_internal_ones_stay_out() -> None:
    lines = form_lines(ticket())
    assert lines[:1] == ["Request type: Request a cloud resource"]
    for line in (
        "Issue type: Service Request", "Priority: High", "Due date: 2026-12-15",
        "Components: Azure, Networking", "Approver: Lee Sujin", "Cloud / region: Azure / koreacentral",
        "Notify: Slack, Email", "Attachments: topology.png (image/png, 47 KB)",
    ):  # fmt: skip
        assert line in lines
    body = "\n".join(lines)
    assert "Environment:\nqa, koreacentral\n\nbehind the AKS VNet" in body
    for internal in ("Rank", "0|i0003b", "Sprint", "development", "TTFR", "Time to first response", "CF 77"):
        assert internal not in body
    assert "AI_ANALYZED" not in body and "urgent" not in body  # labels are ours or triage's, not the ask


def test_the_development_summary_as_jira_sends_it_stays_out() -> None:
    summary = (
        "{pullrequest={dataType=pullrequest, state=OPEN, stateCount=1}, json={\"cachedValue\":{\"errors\":[],"
        "\"summary\":{\"pullrequest\":{\"overall\":{\"count\":1,\"state\":\"OPEN\"}}}},\"isStale\":false}}"
    )
    body = "\n".join(form_lines(ticket(customfield_10000=summary)))
    assert "pullrequest" not in body and "development" not in body
    assert "CF 77: {not a dev summary}" in form_lines(ticket(customfield_10077="{not a dev summary}"))


def test_empty_fields_are_kept_for_the_question_but_never_rendered() -> None:
    found = ticket()
    empty = {f.name for f in found.form if not f.filled}
    assert {"Cost center", "CF 77"} <= empty
    assert "Cost center" not in render_body(found, None)


def test_ignored_fields_and_fields_mapped_to_an_item() -> None:
    policy = FieldPolicy(ignore=frozenset({"notify", "customfield_10052"}), items={"customfield_10077": "approver"})
    found = ticket(policy)
    names = {f.name for f in found.form}
    assert "Notify" not in names and "Cloud / region" not in names
    assert next(f for f in found.form if f.id == "customfield_10077").item == "approver"


def test_without_names_a_system_field_keeps_its_jira_name_and_a_custom_one_its_id() -> None:
    found = read_fields({"priority": {"name": "Low"}, "customfield_10099": "blue"})
    assert [(f.name, f.value) for f in found.form] == [("Priority", "Low"), ("customfield_10099", "blue")]


def test_follow_ups_are_the_reporters_own_comments_only() -> None:
    reporter = Person(account_id="rep")
    comments = (
        TicketComment(id="1", author_id="rep", text="Approver: Lee"),
        TicketComment(id="2", author_id="bot", text="our question"),
        TicketComment(id="3", author_id=None, text="anonymous"),
        TicketComment(id="4", author_id="other", text="a colleague"),
    )
    base = Ticket(key="OPS-1", summary="s", reporter=reporter, comments=comments)
    assert follow_ups(base, "bot") == ["Approver: Lee"]
    assert follow_ups(base.model_copy(update={"reporter": None}), "bot") == []


def test_an_edit_to_a_field_rejudges_the_ticket_and_our_labels_do_not() -> None:
    before = fingerprint(ticket(), "v1", None)
    assert fingerprint(ticket(customfield_10055="CC-4130"), "v1", None) != before
    assert fingerprint(ticket(attachment=[]), "v1", None) != before
    assert fingerprint(ticket(labels=["urgent", "AI_ANALYZED", "NEEDS_INFO"]), "v1", None) == before
    assert fingerprint(ticket(customfield_10019="0|i0009z:"), "v1", None) == before  # a rank moved
