"""What the site already knows: a category its request type decides, items its mapped fields
answer, and the empty field a question can point to."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from shared.analysis.analyzer import Analyzer
from shared.analysis.comment import needs_info_comment
from shared.analysis.models import Category
from shared.config import SettingsError, load_settings
from shared.jira.adf_markdown import to_markdown
from shared.jira.fields import FieldPolicy
from shared.jira.models import Ticket, normalise_issue

NAMES = {
    "customfield_10010": "Request Type",
    "customfield_10040": "Tool",
    "customfield_10041": "Access scope",
    "customfield_10042": "Role",
    "customfield_10043": "Business justification",
    "customfield_10044": "Approver",
    "customfield_10077": "CF 77",
}


def access_request(request_type: str = "Request access", **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "summary": "New starter",
        "issuetype": {"name": "Service Request"},
        "reporter": {"accountId": "rep-1", "displayName": "Kim"},
        "customfield_10010": {"requestType": {"name": request_type}},
        "customfield_10040": {"value": "GitLab"},
        "customfield_10041": "platform/payments",
        "customfield_10042": {"value": "Developer"},
        "customfield_10043": "I joined the payments team and push merge requests",
        "customfield_10044": None,
        **fields,
    }
    return {"key": "OPS-7", "fields": values, "names": NAMES}


def judge(raw: dict[str, Any], policy: FieldPolicy | None = None, **kwargs: Any) -> Any:
    ticket = normalise_issue(raw, policy)
    assert isinstance(ticket, Ticket)
    return asyncio.run(Analyzer(threshold=85, **kwargs).assess(ticket, None))


def test_a_question_points_at_the_empty_field_where_the_answer_belongs() -> None:
    judged = judge(access_request())
    assert judged.category == "access" and [m.id for m in judged.missing] == ["approver"]
    assert judged.missing[0].field == "Approver"
    comment = to_markdown(needs_info_comment(judged, "rep-1"))
    assert "please fill in the \u201cApprover\u201d field on this ticket" in comment


def test_a_missing_item_without_a_field_is_asked_as_before() -> None:
    judged = judge(access_request(customfield_10041=None, customfield_10044={"accountId": "a", "displayName": "Lee"}))
    (scope,) = judged.missing
    assert scope.id == "scope" and scope.field == "Access scope"
    raw = access_request(customfield_10044={"accountId": "a", "displayName": "Lee"})
    del raw["fields"]["customfield_10041"]
    judged = judge(raw)
    assert [(m.id, m.field) for m in judged.missing] == [("scope", None)]
    assert judged.missing[0].why in to_markdown(needs_info_comment(judged, None))


def test_a_mapped_field_answers_its_item_filled_and_is_named_empty() -> None:
    policy = FieldPolicy(items={"customfield_10077": "approver"})
    raw = access_request(customfield_10044=None, customfield_10077={"accountId": "a", "displayName": "Lee"})
    del raw["fields"]["customfield_10044"]
    assert judge(raw).verdict == "NEEDS_INFO"  # "CF 77: Lee" says nothing to the rules
    judged = judge(raw, policy)
    assert judged.verdict == "HIGH_QUALITY" and judged.score == 100
    raw["fields"]["customfield_10077"] = None
    judged = judge(raw, policy)
    assert [(m.id, m.field) for m in judged.missing] == [("approver", "CF 77")]


@pytest.mark.parametrize(
    ("request_type", "issue_type", "expected"),
    [
        ("Request access", "Task", "access"),
        ("report a PROBLEM", "Task", "troubleshooting"),  # names match whatever their case
        ("Something else", "Incident", "troubleshooting"),
        ("Something else", "Task", None),
    ],
)
def test_the_site_map_decides_the_category_where_it_knows_the_type(
    request_type: str, issue_type: str, expected: Category | None
) -> None:
    mapping: dict[str, Category] = {
        "requestType:Request access": "access",
        "requestType:Report a problem": "troubleshooting",
        "issuetype:Incident": "troubleshooting",
    }
    raw = access_request(request_type, issuetype={"name": issue_type})
    judged = judge(raw, category_map=mapping)
    if expected is None:
        assert judged.category_source == "analyzer"
    else:
        assert judged.category == expected and judged.category_source == "site"


def test_a_new_category_map_is_a_new_analyzer_version() -> None:
    plain = Analyzer(threshold=85).version
    one = Analyzer(threshold=85, category_map={"issuetype:Incident": "troubleshooting"}).version
    two = Analyzer(threshold=85, category_map={"issuetype:Incident": "other"}).version
    assert len({plain, one, two}) == 3 and one.startswith(plain)


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("FIELD_ITEM_MAP", '{"customfield_10077": "approvr"}', "FIELD_ITEM_MAP"),
        ("FIELD_ITEM_MAP", "not json", "FIELD_ITEM_MAP"),
        ("TRIAGE_CATEGORY_MAP", '{"component:Git": "access"}', "TRIAGE_CATEGORY_MAP"),
        ("TRIAGE_CATEGORY_MAP", '{"issuetype:Bug": "bugs"}', "TRIAGE_CATEGORY_MAP"),
        ("FIELDS_IGNORE", "[not json", "FIELDS_IGNORE"),
    ],
)
def test_bad_field_settings_fail_at_start_with_their_name(name: str, value: str, named: str) -> None:
    env = {"JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_EMAIL": "b@x.io", "JIRA_API_TOKEN": "t",
           "JIRA_SCAN_JQL": "project = OPS", "AzureWebJobsStorage": "UseDevelopmentStorage=true", name: value}
    with pytest.raises(SettingsError, match=named):
        load_settings(env)


def test_field_settings_read_lists_and_maps() -> None:
    env = {"JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_EMAIL": "b@x.io", "JIRA_API_TOKEN": "t",
           "JIRA_SCAN_JQL": "project = OPS", "AzureWebJobsStorage": "UseDevelopmentStorage=true",
           "FIELDS_IGNORE": "Rank, customfield_10019", "FIELD_ITEM_MAP": '{"CF 77": "approver"}',
           "TRIAGE_CATEGORY_MAP": '{"requestType:Request access": "access"}'}
    settings = load_settings(env)
    assert settings.FIELDS_IGNORE == ["Rank", "customfield_10019"]
    assert settings.FIELD_ITEM_MAP == {"CF 77": "approver"}
    assert settings.TRIAGE_CATEGORY_MAP == {"requestType:Request access": "access"}
