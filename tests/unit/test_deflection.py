"""DEFLECTION_LINKS: which page a question points to (longest key on whole segments), how a bad
map fails at start-up, and the line the question gains, in both languages, as a real ADF link."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft4Validator  # type: ignore[import-untyped,unused-ignore]

from shared.analysis.comment import MARKER_KEY, comment_properties, needs_info_comment
from shared.analysis.deflection import check_links, link_for, offered_link
from shared.analysis.models import Assessment, MissingItem
from shared.config import SettingsError, load_settings
from shared.jira.models import Ticket, normalise_issue
from tests.adf_schema import nodes_of, schema
from tests.factories import issue

LINKS = {
    "access": "https://wiki.example.com/access",
    "access/gitlab": "https://wiki.example.com/gitlab-access",
    "access/gitlab/developer": "https://wiki.example.com/gitlab-developer",
    "cloud_resource/dns-record": "https://wiki.example.com/dns",
}
BASE = {
    "JIRA_BASE_URL": "https://site.atlassian.net",
    "JIRA_EMAIL": "bot@example.com",
    "JIRA_SCAN_JQL": "project = OPS",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
}
URL = "https://wiki.example.com/gitlab-access"
NEEDS = Assessment(
    score=60,
    verdict="NEEDS_INFO",
    category="access",
    language="en",
    missing=(MissingItem(id="role", label="Which role", why="least privilege"),),
    version="v",
)


# Matching -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sig", "expected"),
    [
        ("access/gitlab/developer", "https://wiki.example.com/gitlab-developer"),  # exact, longest
        ("access/gitlab/maintainer", "https://wiki.example.com/gitlab-access"),  # prefix
        ("access/vault/read-only", "https://wiki.example.com/access"),  # the category alone
        ("cloud_resource/dns-record/prod", "https://wiki.example.com/dns"),
        ("cloud_resource/dns/prod", None),  # "dns" is not "dns-record"
        ("troubleshooting/pipeline", None),
    ],
)
def test_longest_key_on_whole_segments_wins(sig: str, expected: str | None) -> None:
    assert link_for(sig, LINKS) == expected


def test_a_key_never_matches_inside_a_segment() -> None:
    assert link_for("access/gitlab/developer", {"access/git": "https://w.example.com/git"}) is None
    assert link_for("access/git/developer", {"access/git": "https://w.example.com/git"}) is not None
    assert link_for("access/gitlab/developer", {}) is None


def _ticket(summary: str, body: str) -> Ticket:
    t = normalise_issue(issue(1, summary, body))
    assert isinstance(t, Ticket)
    return t


def test_the_offered_link_follows_the_tickets_signature() -> None:
    gitlab = _ticket("GitLab developer access", "Please give me developer access to group payments.")
    assert offered_link(gitlab, NEEDS, LINKS, None) == "https://wiki.example.com/gitlab-developer"
    vault = _ticket("Vault access", "I need read-only access to the payments path.")
    assert offered_link(vault, NEEDS, {"access/gitlab": URL}, None) is None


def test_no_link_without_a_question() -> None:
    gitlab = _ticket("GitLab developer access", "Please give me developer access to group payments.")
    complete = NEEDS.model_copy(update={"verdict": "HIGH_QUALITY", "score": 100, "missing": ()})
    nothing_to_ask = NEEDS.model_copy(update={"missing": ()})
    assert offered_link(gitlab, complete, LINKS, None) is None
    assert offered_link(gitlab, nothing_to_ask, LINKS, None) is None


# Validation ---------------------------------------------------------------------------------------
def test_the_setting_reads_a_json_map_and_defaults_to_none() -> None:
    assert load_settings(BASE).DEFLECTION_LINKS == {}
    assert load_settings({**BASE, "DEFLECTION_LINKS": "{}"}).DEFLECTION_LINKS == {}
    s = load_settings({**BASE, "DEFLECTION_LINKS": '{"access/gitlab": "https://wiki.example.com/g"}'})
    assert s.DEFLECTION_LINKS == {"access/gitlab": "https://wiki.example.com/g"}


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ('{"acess/gitlab": "https://wiki.example.com/g"}', "must start with a category"),
        ('{"access/GitLab": "https://wiki.example.com/g"}', "lower-case slugs"),
        ('{"access/gitlab/developer/extra": "https://wiki.example.com/g"}', "more than 3 segments"),
        ('{"access/": "https://wiki.example.com/g"}', "lower-case slugs"),
        ('{"access/gitlab": "http://wiki.example.com/g"}', "https URL"),
        ('{"access/gitlab": "wiki.example.com/g"}', "https URL"),
        ('{"access/gitlab": 3}', "valid string"),
        ('["access/gitlab"]', "valid dictionary"),
        ("access/gitlab=https://wiki.example.com/g", "JSON object"),
    ],
)
def test_a_bad_map_fails_naming_the_setting(value: str, why: str) -> None:
    with pytest.raises(SettingsError, match=f"DEFLECTION_LINKS[:.].*{why}"):
        load_settings({**BASE, "DEFLECTION_LINKS": value})


def test_check_links_names_the_bad_entries() -> None:
    with pytest.raises(ValueError, match="'deploy/x'"):
        check_links({"deploy/x": "https://wiki.example.com/d"})
    assert check_links(LINKS) == LINKS


# The question's line ------------------------------------------------------------------------------


def _links_in(body: dict[str, Any]) -> list[str]:
    return [
        m["attrs"]["href"]
        for n in nodes_of(body)
        for m in n.get("marks", [])
        if m.get("type") == "link"
    ]


@pytest.mark.parametrize(
    ("language", "line"),
    [("en", "This request may be faster through: "), ("ko", "이 요청은 다음 경로로 더 빨리 처리될 수 있습니다: ")],
)
def test_the_question_offers_the_link_in_the_reporters_language(language: str, line: str) -> None:
    body = needs_info_comment(NEEDS.model_copy(update={"language": language}), "rep", URL)
    paragraphs = [b for b in body["content"] if b["type"] == "paragraph"]
    faster = [p for p in paragraphs if p["content"][0].get("text") == line]
    assert len(faster) == 1
    assert faster[0]["content"][1] == {
        "type": "text",
        "text": URL,
        "marks": [{"type": "link", "attrs": {"href": URL}}],
    }
    assert _links_in(body) == [URL]
    Draft4Validator(schema()).validate(body)  # Atlassian's ADF schema: a link mark Jira accepts


def test_no_line_and_no_link_when_nothing_matches() -> None:
    for language in ("en", "ko"):
        body = needs_info_comment(NEEDS.model_copy(update={"language": language}), "rep", None)
        texts = " ".join(n.get("text", "") for n in nodes_of(body))
        assert "faster" not in texts and "더 빨리" not in texts and _links_in(body) == []
        assert needs_info_comment(NEEDS.model_copy(update={"language": language}), "rep") == body


def test_the_marker_records_the_link_offered() -> None:
    marker = comment_properties(NEEDS, "fp", internal=False, link=URL)[0]
    assert marker["key"] == MARKER_KEY and marker["value"]["link"] == URL
    assert "link" not in comment_properties(NEEDS, "fp", internal=False)[0]["value"]
