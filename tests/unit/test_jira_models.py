"""Normalising whatever Jira sends: the quirks of real sites must never crash or lose a ticket."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from shared.jira.adf_markdown import to_markdown
from shared.jira.models import Rejected, Ticket, normalise_issue

ADF_DESC = {
    "type": "doc",
    "version": 1,
    "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Request"}]},
        {"type": "paragraph", "content": [{"type": "text", "text": "GitLab access"}, {"type": "hardBreak"}]},
        {"type": "bulletList", "content": [
            {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "group: payments"}]}]},
        ]},
        {"type": "codeBlock", "content": [{"type": "text", "text": "fatal: denied"}]},
        {"type": "table", "content": [{"type": "tableRow", "content": [
            {"type": "tableHeader", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "role"}]}]},
            {"type": "tableCell", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Developer"}]}]},
        ]}]},
        {"type": "someFutureNode", "content": [{"type": "text", "text": "still read"}]},
        {"type": "mention", "attrs": {"id": "abc", "text": "@Kim"}},
        {"type": "emoji", "attrs": {"shortName": ":smile:", "text": "😄"}},
        {"type": "inlineCard", "attrs": {"url": "https://git.example.com/mr/1"}},
        {"type": "mediaSingle", "content": [{"type": "media", "attrs": {"id": "x"}}]},
    ],
}  # fmt: skip


def raw(**fields: Any) -> dict[str, Any]:
    return {"id": "10001", "key": "OPS-1", "fields": {"summary": "Need access", **fields}}


def test_adf_text_keeps_every_readable_part_and_skips_unknown_nodes() -> None:
    text = to_markdown(ADF_DESC)
    for part in ("Request", "GitLab access", "- group: payments", "fatal: denied", "role", "Developer",
                 "still read", "@Kim", "😄", "https://git.example.com/mr/1"):  # fmt: skip
        assert part in text


def test_description_as_string_null_or_garbage() -> None:
    assert (
        isinstance(t := normalise_issue(raw(description="plain text")), Ticket)
        and t.description == "plain text"
    )
    assert isinstance(t := normalise_issue(raw(description=None)), Ticket) and t.description == ""
    assert isinstance(t := normalise_issue(raw(description=42)), Ticket) and t.description == ""


def test_key_only_under_fields_is_used() -> None:
    issue = {"id": "7", "fields": {"key": "OPS-7", "summary": "x"}}
    ticket = normalise_issue(issue)
    assert isinstance(ticket, Ticket) and ticket.key == "OPS-7" and ticket.project == "OPS"


def test_no_key_is_rejected_with_reason_and_id() -> None:
    result = normalise_issue({"id": "99", "fields": {"summary": "x"}})
    assert isinstance(result, Rejected)
    assert result.ref == "id:99" and "key" in result.reason


def test_missing_fields_is_rejected() -> None:
    result = normalise_issue({"id": "5", "key": "OPS-5"})
    assert isinstance(result, Rejected) and result.ref == "OPS-5"


def test_missing_and_null_arrays_become_empty() -> None:
    ticket = normalise_issue(raw(labels=None, components=None, comment=None))
    assert isinstance(ticket, Ticket)
    assert ticket.labels == () and ticket.components == () and ticket.comments == ()


def test_labels_components_comments_reporter_and_dates() -> None:
    ticket = normalise_issue(
        raw(
            labels=["urgent", "", 3, "backend"],
            components=[{"name": "infra"}, {}, None],
            reporter={"accountId": "u1", "displayName": "Kim"},
            created="2026-11-20T09:12:33.000+0900",
            comment={"comments": [{"id": "1", "author": {"accountId": "u1"}, "body": ADF_DESC}, {"bad": 1}]},
        )
    )
    assert isinstance(ticket, Ticket)
    assert ticket.labels == ("urgent", "backend")
    assert ticket.components == ("infra",)
    assert ticket.reporter is not None and ticket.reporter.account_id == "u1"
    assert ticket.created is not None and ticket.created.utcoffset() is not None
    assert len(ticket.comments) == 1 and "GitLab access" in ticket.comments[0].text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)


@given(st.dictionaries(st.sampled_from(["id", "key", "fields", "self"]), json_values))
def test_normalise_never_raises_on_arbitrary_json(issue: dict[str, Any]) -> None:
    assert isinstance(normalise_issue(issue), Ticket | Rejected)


@given(json_values)
def test_adf_reader_never_raises(node: Any) -> None:
    assert isinstance(to_markdown({"type": "doc", "content": [node]}), str)


def test_deeply_nested_adf_does_not_recurse_forever() -> None:
    node: dict[str, Any] = {"type": "text", "text": "deep"}
    for _ in range(5000):
        node = {"type": "blockquote", "content": [node]}
    assert to_markdown({"type": "doc", "content": [node]}) == ""


def test_comments_are_complete_only_when_the_search_served_them_all() -> None:
    def served(comment: object) -> bool:
        fields: dict[str, Any] = {"summary": "s"}
        if comment is not None:
            fields["comment"] = comment
        ticket = normalise_issue({"key": "OPS-1", "fields": fields})
        assert isinstance(ticket, Ticket)
        return ticket.comments_complete

    one = [{"id": "1", "author": {"accountId": "a"}, "body": "hi"}]
    assert served({"comments": one, "total": 1, "maxResults": 1})
    assert served({"comments": one})  # no total: nothing says more exist
    assert not served({"comments": one, "total": 25, "maxResults": 1})  # a page of them
    assert not served(None)  # no field at all (some sites)
    assert not served({"total": 3})
