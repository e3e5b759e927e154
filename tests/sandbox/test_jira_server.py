"""The Jira sandbox over real loopback HTTP: shapes, paging, edits, comments, faults, counters.

Why: integration, chaos and benchmark runs measure the product against this server, so it must
answer like Jira Cloud (validated against Atlassian's schemas) and fail exactly as asked.
"""

from __future__ import annotations

import base64
import http.client
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from sandbox.jira_server import JiraSandbox
from tests.contract.jira_schema import validate

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
AUTH = ("bot@example.com", "sandbox-token")
ADF = {"type": "doc", "version": 1, "content": [{"type": "paragraph", "content": []}]}
SEARCH = "/rest/api/3/search/jql"


def raw_issue(n: int, labels: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    stamp = f"2026-11-{n:02d}T09:00:00.000+0000"
    return {
        "id": str(10000 + n),
        "key": f"OPS-{n}",
        "self": f"https://example.atlassian.net/rest/api/3/issue/{10000 + n}",
        "fields": {
            "summary": f"Ticket {n} 배포 실패",
            "description": {"type": "doc", "version": 1, "content": []} if n % 2 else "plain",
            "issuetype": {"name": "Service Request"},
            "status": {"name": "Open", "statusCategory": {"key": "new", "name": "To Do"}},
            "project": {"key": "OPS", "name": "Operations"},
            "labels": ["team-a"] if labels is None else labels,
            "components": [{"name": "CI"}],
            "reporter": {"accountId": f"acc-{n}", "displayName": f"Person {n}"},
            "assignee": None,
            "priority": {"name": "Medium"},
            "created": stamp,
            "updated": stamp,
            "resolutiondate": None,
            "comment": {"comments": [], "total": 0, "maxResults": 0, "startAt": 0},
        },
        **extra,
    }


def seed() -> list[dict[str, Any]]:
    issues = [raw_issue(n) for n in range(1, 8)]
    issues[1]["fields"]["labels"] = []
    quirks = ["key_only_in_fields", "no_key", "no_fields", "labels_missing", "comment_missing"]
    issues += [raw_issue(10 + i, _sandbox={"quirk": q}) for i, q in enumerate(quirks)]
    return issues


@pytest.fixture
def sandbox() -> Iterator[JiraSandbox]:
    with JiraSandbox(seed(), now=lambda: NOW) as sb:
        yield sb


@pytest.fixture
def client(sandbox: JiraSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, auth=AUTH, timeout=10) as http:
        yield http


def search(client: httpx.Client, **body: Any) -> dict[str, Any]:
    response = client.post(SEARCH, json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    validate(result, "SearchAndReconcileResults")
    return result


# ----- auth and routing -----
@pytest.mark.parametrize("auth", [None, ("bot@example.com", "wrong"), ("x@example.com", "sandbox-token")])
def test_rest_routes_require_basic_auth(sandbox: JiraSandbox, auth: tuple[str, str] | None) -> None:
    response = httpx.get(f"{sandbox.base_url}/rest/api/3/myself", auth=auth)
    assert response.status_code == 401
    validate(response.json(), "ErrorCollection")
    assert response.json()["errorMessages"] and response.json()["errors"] == {}


def test_old_search_endpoint_is_gone(client: httpx.Client) -> None:
    for response in (
        client.get("/rest/api/3/search?jql=project=OPS"),
        client.post("/rest/api/3/search", json={}),
    ):
        assert response.status_code == 410
        assert "/rest/api/3/search/jql" in response.json()["errorMessages"][0]


def test_unknown_routes_and_issues_are_404_json(client: httpx.Client) -> None:
    assert client.get("/rest/api/3/nope").status_code == 404
    assert client.delete("/rest/api/3/issue/OPS-1").status_code == 404
    missing = client.get("/rest/api/3/issue/OPS-999")
    assert missing.status_code == 404
    assert missing.json() == {
        "errorMessages": ["Issue does not exist or you do not have permission to see it."],
        "errors": {},
    }


def test_myself_is_the_bot(client: httpx.Client) -> None:
    me = client.get("/rest/api/3/myself").json()
    validate(me, "User")
    assert me["accountId"] == "bot-ai-triage" and me["displayName"] == "AI Triage"
    assert me["emailAddress"] == "bot@example.com" and me["active"] is True
    assert me["accountType"] == "atlassian"


# ----- search -----
def test_paging_with_next_page_token_reaches_every_issue_once(
    client: httpx.Client, sandbox: JiraSandbox
) -> None:
    keys: list[str] = []
    page = search(client, jql="project = OPS", fields=["summary"], maxResults=3)
    while True:
        keys += [
            issue.get("fields", {}).get("key") or issue.get("key") or issue["id"] for issue in page["issues"]
        ]
        if page["isLast"]:
            assert "nextPageToken" not in page
            break
        assert isinstance(page["nextPageToken"], str)
        page = search(
            client,
            jql="project = OPS",
            fields=["summary"],
            maxResults=3,
            nextPageToken=page["nextPageToken"],
        )
    assert len(keys) == len(set(keys)) == 12
    assert keys[:3] == ["OPS-1", "OPS-2", "OPS-3"]  # created ascending by default
    assert sandbox.counters["POST /search/jql"] == 4


def test_a_page_stays_stable_while_matching_issues_change(client: httpx.Client) -> None:
    jql = "project = OPS AND (labels IS EMPTY OR labels NOT IN (AI_ANALYZED))"
    first = search(client, jql=jql, maxResults=2)
    for issue in first["issues"]:
        edit = {"update": {"labels": [{"add": "AI_ANALYZED"}]}}
        assert client.put(f"/rest/api/3/issue/{issue['id']}", json=edit).status_code == 204
    second = search(client, jql=jql, maxResults=2, nextPageToken=first["nextPageToken"])
    assert {i["id"] for i in second["issues"]}.isdisjoint({i["id"] for i in first["issues"]})
    assert [i["key"] for i in second["issues"]] == ["OPS-3", "OPS-4"]


def test_without_fields_only_ids_come_back(client: httpx.Client) -> None:
    issue = search(client, jql="key = OPS-1")["issues"][0]
    assert issue == {
        "id": "10001",
        "key": "OPS-1",
        "self": f"{client.base_url}/rest/api/3/issue/10001",
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["summary", "labels"], {"summary", "labels"}),
        (["summary,labels", "updated"], {"summary", "labels", "updated"}),
        (["*all", "-comment"], None),
        (["*navigable"], None),
    ],
)
def test_fields_filtering(client: httpx.Client, fields: list[str], expected: set[str] | None) -> None:
    got = set(search(client, jql="key = OPS-1", fields=fields)["issues"][0]["fields"])
    every = set(raw_issue(1)["fields"])
    assert got == (expected or (every - {"comment"} if "-comment" in fields else every))


def test_order_by_key_desc(client: httpx.Client) -> None:
    page = search(
        client,
        jql="project = OPS AND statusCategory != Done ORDER BY key DESC",
        fields=["summary"],
        maxResults=3,
    )
    assert [i.get("key") for i in page["issues"]] == ["OPS-14", "OPS-13", "OPS-12"]


def test_empty_labels_quirk_over_http(client: httpx.Client) -> None:
    naive = search(client, jql="project = OPS AND labels != AI_ANALYZED", maxResults=100)
    assert "10002" not in {i["id"] for i in naive["issues"]}
    fixed = search(client, jql="project = OPS AND (labels IS EMPTY OR labels != AI_ANALYZED)", maxResults=100)
    assert "10002" in {i["id"] for i in fixed["issues"]}


def test_relative_dates_use_the_injected_clock(client: httpx.Client, sandbox: JiraSandbox) -> None:
    assert {i["key"] for i in search(client, jql="created >= -5d AND project = OPS")["issues"]} == set()
    sandbox.now = lambda: datetime(2026, 11, 5, tzinfo=UTC)
    found = search(client, jql="created >= -2d AND created <= -1d AND project = OPS")
    assert [i["key"] for i in found["issues"]] == ["OPS-3"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"jql": "project = OPS", "startAt": 0}, "startAt"),
        ({"jql": "project = OPS AND"}, "JQL"),
        ({"jql": "bogus = 1"}, "bogus"),
        ({"jql": ""}, "Unbounded"),
        ({"jql": "ORDER BY created"}, "Unbounded"),
        ({"jql": "project = OPS", "maxResults": 0}, "maxResults"),
        ({"jql": "project = OPS", "fields": "summary"}, "Invalid request payload"),
        ({"jql": "project = OPS", "nextPageToken": "forged.1"}, "token"),
    ],
)
def test_bad_searches_are_400_like_jira(client: httpx.Client, body: dict[str, Any], needle: str) -> None:
    response = client.post(SEARCH, json=body)
    assert response.status_code == 400
    validate(response.json(), "ErrorCollection")
    assert needle in response.json()["errorMessages"][0]


def test_max_results_is_capped_at_100(client: httpx.Client, sandbox: JiraSandbox) -> None:
    for n in range(30, 160):
        sandbox.add_issue(raw_issue(n % 28 + 1, id=str(20000 + n), key=f"BIG-{n}"))
    page = search(client, jql="project = OPS", maxResults=1000)
    assert len(page["issues"]) == 100 and page["isLast"] is False


# ----- reading one issue -----
def test_get_issue_by_key_or_id_with_fields_and_changelog(client: httpx.Client) -> None:
    client.put("/rest/api/3/issue/OPS-1", json={"fields": {"summary": "Renamed"}})
    by_key = client.get(
        "/rest/api/3/issue/OPS-1", params={"fields": "summary,labels", "expand": "changelog"}
    ).json()
    validate(by_key, "IssueBean")
    assert set(by_key["fields"]) == {"summary", "labels"}
    assert by_key["changelog"]["histories"][0]["items"][0]["toString"] == "Renamed"
    by_id = client.get("/rest/api/3/issue/10001").json()
    assert by_id["key"] == "OPS-1" and by_id["fields"]["description"]["type"] == "doc"
    assert "changelog" not in by_id
    assert client.get("/rest/api/3/issue/OPS-2").json()["fields"]["description"] == "plain"


def test_quirks_are_applied_when_serialising(client: httpx.Client) -> None:
    def get(key: str) -> dict[str, Any]:
        body: dict[str, Any] = client.get(f"/rest/api/3/issue/{key}").json()
        validate(body, "IssueBean")
        return body

    only_fields = get("OPS-10")
    assert "key" not in only_fields and only_fields["fields"]["key"] == "OPS-10"
    no_key = get("OPS-11")
    assert "key" not in no_key and "key" not in no_key["fields"] and no_key["id"] == "10011"
    assert "fields" not in get("OPS-12")
    assert "labels" not in get("OPS-13")["fields"]
    assert "comment" not in get("OPS-14")["fields"]
    every = client.post(SEARCH, json={"jql": "project = OPS", "fields": ["*all"], "maxResults": 100})
    assert "_sandbox" not in every.text and "quirk" not in every.text
    ids_only = search(client, jql="key = OPS-10")["issues"][0]
    assert ids_only["fields"] == {"key": "OPS-10"} and "key" not in ids_only


def test_writes_work_on_quirked_issues(client: httpx.Client, sandbox: JiraSandbox) -> None:
    edit = {"update": {"labels": [{"add": "AI_ANALYZED"}]}}
    assert client.put("/rest/api/3/issue/10011", json=edit).status_code == 204
    assert client.put("/rest/api/3/issue/OPS-12", json=edit).status_code == 204
    assert "AI_ANALYZED" in sandbox.get_raw("OPS-11")["fields"]["labels"]
    assert sandbox.get_raw("OPS-11")["_sandbox"] == {"quirk": "no_key"}


# ----- editing labels and fields -----
def test_label_update_adds_and_removes_only_ours(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.person_edit_labels("OPS-1", add=["customer-x", "HIGH_QUALITY"])
    edit = {"update": {"labels": [{"add": "AI_ANALYZED"}, {"add": "NEEDS_INFO"}, {"remove": "HIGH_QUALITY"}]}}
    assert client.put("/rest/api/3/issue/OPS-1", json=edit).status_code == 204
    assert sandbox.get_raw("OPS-1")["fields"]["labels"] == [
        "team-a",
        "customer-x",
        "AI_ANALYZED",
        "NEEDS_INFO",
    ]
    assert sandbox.get_raw("OPS-1")["fields"]["updated"] == "2026-11-20T12:00:00.000+0000"
    assert sandbox.counters["writes"] == 1


def test_label_add_is_idempotent_and_a_no_op_is_not_a_write(
    client: httpx.Client, sandbox: JiraSandbox
) -> None:
    edit = {"update": {"labels": [{"add": "AI_ANALYZED"}, {"add": "AI_ANALYZED"}]}}
    for _ in range(2):
        assert client.put("/rest/api/3/issue/OPS-1", json=edit).status_code == 204
    assert sandbox.get_raw("OPS-1")["fields"]["labels"] == ["team-a", "AI_ANALYZED"]
    assert sandbox.counters["writes"] == 1 and sandbox.counters["PUT /issue"] == 2
    assert len(sandbox.get_raw("OPS-1")["changelog"]["histories"]) == 1


def test_fields_labels_replace_the_whole_array(client: httpx.Client, sandbox: JiraSandbox) -> None:
    assert client.put("/rest/api/3/issue/OPS-1", json={"fields": {"labels": ["only"]}}).status_code == 204
    assert sandbox.get_raw("OPS-1")["fields"]["labels"] == ["only"]
    assert (
        client.put("/rest/api/3/issue/OPS-1", json={"update": {"labels": [{"set": ["a", "b"]}]}}).status_code
        == 204
    )
    assert sandbox.get_raw("OPS-1")["fields"]["labels"] == ["a", "b"]


@pytest.mark.parametrize(
    "body",
    [
        {"fields": {"labels": ["x"]}, "update": {"labels": [{"add": "y"}]}},
        {"update": {"labels": [{"add": "NEEDS_INFO"}, {"add": "has space"}]}},
        {"fields": {"labels": ["ok", "not ok"]}},
        {"fields": {"priority": {"name": "High"}}},
        {"update": {"labels": [{"add": "a", "remove": "b"}]}},
        {"update": {"labels": [{"copy": "a"}]}},
        {"fields": {"description": "plain text is not ADF"}},
        {"fields": {"summary": ""}},
        {"fields": ["labels"]},
    ],
)
def test_invalid_edits_are_400_and_change_nothing(
    client: httpx.Client, sandbox: JiraSandbox, body: Any
) -> None:
    before = sandbox.get_raw("OPS-1")
    response = client.put("/rest/api/3/issue/OPS-1", json=body)
    assert response.status_code == 400
    validate(response.json(), "ErrorCollection")
    assert sandbox.get_raw("OPS-1") == before
    assert sandbox.counters["writes"] == 0


def test_invalid_json_body_is_400(client: httpx.Client) -> None:
    response = client.put(
        "/rest/api/3/issue/OPS-1",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400


def test_edits_log_changelog_entries_by_the_bot(client: httpx.Client) -> None:
    body = {
        "fields": {"summary": "New title", "description": ADF},
        "update": {"labels": [{"remove": "team-a"}]},
    }
    assert client.put("/rest/api/3/issue/OPS-3", json=body).status_code == 204
    page = client.get("/rest/api/3/issue/OPS-3/changelog").json()
    validate(page, "PageBeanChangelog")
    assert page["total"] == 1 and page["isLast"] is True and page["startAt"] == 0
    entry = page["values"][0]
    assert entry["author"]["accountId"] == "bot-ai-triage" and entry["created"].startswith("2026-11-20T12:00")
    items = {item["field"]: item for item in entry["items"]}
    assert set(items) == {"summary", "description", "labels"}
    assert (items["labels"]["fromString"], items["labels"]["toString"]) == ("team-a", "")
    assert (items["summary"]["fromString"], items["summary"]["toString"]) == (
        "Ticket 3 배포 실패",
        "New title",
    )


def test_changelog_pages(client: httpx.Client, sandbox: JiraSandbox) -> None:
    for n in range(5):
        sandbox.person_edit_labels("OPS-4", add=[f"l{n}"])
    first = client.get("/rest/api/3/issue/OPS-4/changelog", params={"maxResults": 2}).json()
    assert (len(first["values"]), first["total"], first["isLast"]) == (2, 5, False)
    last = client.get("/rest/api/3/issue/OPS-4/changelog", params={"startAt": 4, "maxResults": 2}).json()
    assert (len(last["values"]), last["isLast"]) == (1, True)
    assert last["values"][0]["author"]["accountId"] == "acc-4"
    assert client.get("/rest/api/3/issue/OPS-4/changelog", params={"startAt": "x"}).status_code == 400


def test_concurrent_label_edits_lose_nothing(sandbox: JiraSandbox) -> None:
    def add(label: str) -> None:
        with httpx.Client(base_url=sandbox.base_url, auth=AUTH) as http:
            http.put("/rest/api/3/issue/OPS-5", json={"update": {"labels": [{"add": label}]}})

    threads = [threading.Thread(target=add, args=(f"bot-{n}",)) for n in range(12)]
    for thread in threads:
        thread.start()
    for n in range(12):
        sandbox.person_edit_labels("OPS-5", add=[f"person-{n}"])
    for thread in threads:
        thread.join()
    labels = set(sandbox.get_raw("OPS-5")["fields"]["labels"])
    assert labels == {"team-a"} | {f"bot-{n}" for n in range(12)} | {f"person-{n}" for n in range(12)}
    assert sandbox.counters["writes"] == 12


# ----- comments -----
def test_comment_with_properties_and_expand(client: httpx.Client, sandbox: JiraSandbox) -> None:
    marker = {"key": "ai-triage", "value": {"fingerprint": "abc", "verdict": "NEEDS_INFO"}}
    response = client.post("/rest/api/3/issue/OPS-1/comment", json={"body": ADF, "properties": [marker]})
    assert response.status_code == 201
    created = response.json()
    validate(created, "Comment")
    assert created["author"]["accountId"] == "bot-ai-triage" and created["jsdPublic"] is True
    assert (
        created["body"] == ADF and created["created"] == created["updated"] == "2026-11-20T12:00:00.000+0000"
    )
    assert "properties" not in created
    plain = client.get("/rest/api/3/issue/OPS-1/comment").json()
    validate(plain, "PageOfComments")
    assert plain["total"] == 1 and "properties" not in plain["comments"][0]
    expanded = client.get("/rest/api/3/issue/OPS-1/comment", params={"expand": "properties"}).json()
    assert expanded["comments"][0]["properties"] == [marker]
    assert sandbox.comments_of("OPS-1")[0]["properties"] == [marker]
    assert sandbox.get_raw("OPS-1")["fields"]["updated"] == "2026-11-20T12:00:00.000+0000"
    assert sandbox.counters["writes"] == 1 and sandbox.counters["POST /comment"] == 1


def test_internal_comment_is_not_public(client: httpx.Client) -> None:
    prop = {"key": "sd.public.comment", "value": {"internal": True}}
    visibility = {"type": "role", "value": "Administrators"}
    body = {"body": ADF, "properties": [prop], "visibility": visibility}
    created = client.post("/rest/api/3/issue/OPS-1/comment", json=body).json()
    assert created["jsdPublic"] is False and created["visibility"] == visibility


@pytest.mark.parametrize(
    "body",
    [
        {"body": "plain text"},
        {"body": {"type": "paragraph"}},
        {},
        {"body": ADF, "properties": [{"key": "k"}]},
    ],
)
def test_comment_body_must_be_adf(client: httpx.Client, sandbox: JiraSandbox, body: Any) -> None:
    assert client.post("/rest/api/3/issue/OPS-1/comment", json=body).status_code == 400
    assert sandbox.comments_of("OPS-1") == [] and sandbox.counters["writes"] == 0


def test_comment_paging_and_order(client: httpx.Client, sandbox: JiraSandbox) -> None:
    for n in range(3):
        sandbox.now = lambda n=n: datetime(2026, 11, 21, n, tzinfo=UTC)  # type: ignore[misc]
        sandbox.person_comment("OPS-2", f"answer {n}")
    page = client.get("/rest/api/3/issue/OPS-2/comment", params={"startAt": 1, "maxResults": 1}).json()
    assert (page["startAt"], page["maxResults"], page["total"]) == (1, 1, 3)
    assert page["comments"][0]["body"]["content"][0]["content"][0]["text"] == "answer 1"
    newest = client.get("/rest/api/3/issue/OPS-2/comment", params={"orderBy": "-created"}).json()
    assert newest["comments"][0]["author"]["accountId"] == "acc-2"
    assert newest["comments"][0]["author"]["displayName"] == "Person 2"


def test_comment_on_missing_issue_is_404(client: httpx.Client) -> None:
    assert client.post("/rest/api/3/issue/NOPE-1/comment", json={"body": ADF}).status_code == 404


# ----- faults, latency, counters -----
def test_status_fault_with_retry_after(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("POST /search/jql", "status", status=429, retry_after=2, times=2)
    for _ in range(2):
        limited = client.post(SEARCH, json={"jql": "project = OPS"})
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "2"
        assert limited.headers["RateLimit-Reason"] == "jira-burst-based"
        validate(limited.json(), "ErrorCollection")
    assert client.post(SEARCH, json={"jql": "project = OPS"}).status_code == 200
    assert sandbox.counters["POST /search/jql"] == 3


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_status_fault_5xx_does_not_write(client: httpx.Client, sandbox: JiraSandbox, status: int) -> None:
    sandbox.add_fault("PUT /issue", "status", status=status)
    edit = {"update": {"labels": [{"add": "AI_ANALYZED"}]}}
    failed = client.put("/rest/api/3/issue/OPS-1", json=edit)
    assert failed.status_code == status and "Retry-After" not in failed.headers
    assert "AI_ANALYZED" not in sandbox.get_raw("OPS-1")["fields"]["labels"]
    assert client.put("/rest/api/3/issue/OPS-1", json=edit).status_code == 204


def test_fault_for_one_issue_key_only(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("GET /issue", "status", status=503, key="OPS-2")
    assert client.get("/rest/api/3/issue/OPS-1").status_code == 200
    assert client.get("/rest/api/3/issue/10002").status_code == 503  # by id, same issue
    assert client.get("/rest/api/3/issue/OPS-2").status_code == 200


def test_delay_fault_triggers_client_timeouts(sandbox: JiraSandbox) -> None:
    sandbox.add_fault("GET /issue", "delay", delay=1.0)
    with (
        httpx.Client(base_url=sandbox.base_url, auth=AUTH, timeout=0.2) as impatient,
        pytest.raises(httpx.ReadTimeout),
    ):
        impatient.get("/rest/api/3/issue/OPS-1")
    sandbox.add_fault("GET /issue", "delay", delay=0.01)
    with httpx.Client(base_url=sandbox.base_url, auth=AUTH, timeout=10) as patient:
        assert patient.get("/rest/api/3/issue/OPS-1").json()["key"] == "OPS-1"


def test_malformed_fault(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("POST /search/jql", "malformed")
    broken = client.post(SEARCH, json={"jql": "project = OPS", "fields": ["summary"]})
    assert broken.status_code == 200 and broken.headers["Content-Type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    assert client.post(SEARCH, json={"jql": "project = OPS"}).status_code == 200


def test_lost_response_performs_the_write(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("POST /comment", "lost_response")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/rest/api/3/issue/OPS-1/comment", json={"body": ADF})
    assert len(sandbox.comments_of("OPS-1")) == 1 and sandbox.counters["writes"] == 1


def test_disconnect_does_nothing(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("PUT /issue", "disconnect", key="OPS-1")
    with pytest.raises(httpx.RemoteProtocolError):
        client.put("/rest/api/3/issue/OPS-1", json={"fields": {"labels": ["gone"]}})
    assert sandbox.get_raw("OPS-1")["fields"]["labels"] == ["team-a"]
    assert sandbox.counters["writes"] == 0 and sandbox.counters["PUT /issue"] == 1


def test_clear_faults_and_bad_faults(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.add_fault("GET /myself", "status", status=500, times=5)
    sandbox.clear_faults()
    assert client.get("/rest/api/3/myself").status_code == 200
    with pytest.raises(ValueError):
        sandbox.add_fault("GET /nowhere", "status")
    with pytest.raises(ValueError):
        sandbox.add_fault("GET /myself", "explode")


def test_latency_switch_still_answers(client: httpx.Client, sandbox: JiraSandbox) -> None:
    sandbox.latency = 0.01
    assert client.get("/rest/api/3/myself").status_code == 200


def test_counters_by_route_template(client: httpx.Client, sandbox: JiraSandbox) -> None:
    client.post(SEARCH, json={"jql": "project = OPS"})
    client.get("/rest/api/3/issue/OPS-1")
    client.put("/rest/api/3/issue/OPS-1", json={"update": {"labels": [{"add": "x"}]}})
    client.post("/rest/api/3/issue/OPS-1/comment", json={"body": ADF})
    client.get("/rest/api/3/issue/OPS-1/comment")
    client.get("/rest/api/3/issue/OPS-1/changelog")
    client.get("/rest/api/3/myself")
    assert dict(sandbox.counters) == {
        "POST /search/jql": 1,
        "GET /issue": 1,
        "PUT /issue": 1,
        "POST /comment": 1,
        "GET /comment": 1,
        "GET /changelog": 1,
        "GET /myself": 1,
        "writes": 2,
    }
    sandbox.reset_counters()
    assert sum(sandbox.counters.values()) == 0


# ----- person simulation and the admin routes -----
def test_person_simulation(sandbox: JiraSandbox) -> None:
    sandbox.person_edit_description("OPS-6", "Here are the logs 로그", author_account_id="acc-6")
    raw = sandbox.get_raw("OPS-6")
    assert raw["fields"]["description"]["content"][0]["content"][0]["text"] == "Here are the logs 로그"
    item = raw["changelog"]["histories"][-1]["items"][0]
    assert item["field"] == "description" and item["toString"] == "Here are the logs 로그"
    comment = sandbox.person_comment("OPS-6", "done", author="acc-other")
    assert (
        comment["author"]["accountId"] == "acc-other"
        and sandbox.comments_of("OPS-6")[-1]["id"] == comment["id"]
    )
    key = sandbox.add_issue(raw_issue(40, labels=[], id="10040", key="OPS-40"))
    assert key == "OPS-40" and sandbox.get_raw("10040")["key"] == "OPS-40"
    with pytest.raises(ValueError):
        sandbox.add_issue(raw_issue(40))
    with pytest.raises(KeyError):
        sandbox.get_raw("OPS-404")
    assert sum(sandbox.counters.values()) == 0


def test_admin_routes_need_no_auth(sandbox: JiraSandbox) -> None:
    with (
        httpx.Client(base_url=f"{sandbox.base_url}/_sandbox") as admin,
        httpx.Client(base_url=sandbox.base_url, auth=AUTH) as api,
    ):
        fault = {"route": "GET /myself", "kind": "status", "status": 503, "retry_after": 0.5}
        assert admin.post("/faults", json=fault).status_code == 204
        failed = api.get("/rest/api/3/myself")
        assert failed.status_code == 503 and failed.headers["Retry-After"] == "0.5"
        assert admin.get("/counters").json() == {"GET /myself": 1}
        assert (
            admin.post("/faults", json={"route": "GET /myself", "kind": "status", "bogus": 1}).status_code
            == 400
        )
        assert admin.post("/faults", json={"route": "GET /myself", "kind": "disconnect"}).status_code == 204
        assert admin.delete("/faults").status_code == 204
        assert api.get("/rest/api/3/myself").status_code == 200
        assert admin.post("/reset").status_code == 204 and admin.get("/counters").json() == {}
        assert (
            admin.post("/issues/OPS-1/labels", json={"add": ["mine"], "remove": ["team-a"]}).status_code
            == 204
        )
        assert admin.get("/issues/OPS-1").json()["fields"]["labels"] == ["mine"]
        assert admin.post("/issues/OPS-1/comments", json={"text": "hi"}).status_code == 201
        assert (
            admin.get("/issues/OPS-1").json()["fields"]["comment"]["comments"][0]["author"]["accountId"]
            == "acc-1"
        )
        assert admin.post("/issues/OPS-1/description", json={"description": "new"}).status_code == 204
        assert admin.get("/issues/OPS-404").status_code == 404
        assert admin.post("/issues", json=raw_issue(50)).json() == {"key": "OPS-50"}
        assert admin.post("/latency", json={"latency": 0}).status_code == 204
        assert admin.get("/nowhere").status_code == 404


# ----- lifecycle -----
def test_one_keep_alive_connection_serves_many_requests(sandbox: JiraSandbox) -> None:
    host, port = sandbox.base_url.removeprefix("http://").split(":")
    token = base64.b64encode(b"bot@example.com:sandbox-token").decode()
    headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        edit = json.dumps({"update": {"labels": [{"add": "x"}]}})
        for method, path, body, status in [
            ("GET", "/rest/api/3/myself", None, 200),
            ("PUT", "/rest/api/3/issue/OPS-1", edit, 204),
            ("GET", "/rest/api/3/issue/OPS-404", None, 404),
            ("POST", SEARCH, json.dumps({"jql": "key = OPS-1"}), 200),
        ]:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            assert response.status == status
            assert len(payload) == int(response.headers.get("Content-Length") or 0)
            assert not response.will_close
    finally:
        connection.close()


def test_keep_alive_connections_are_dropped_on_stop() -> None:
    sandbox = JiraSandbox(seed())
    base = sandbox.start()
    with httpx.Client(base_url=base, auth=AUTH) as http:
        assert http.get("/rest/api/3/myself").status_code == 200
        sandbox.stop()
        with pytest.raises(httpx.TransportError):
            http.get("/rest/api/3/myself")
    sandbox.stop()  # idempotent


def test_runs_standalone_until_sigterm(tmp_path: Path) -> None:
    issues = tmp_path / "issues.json"
    issues.write_text(json.dumps(seed()), encoding="utf-8")
    command = [sys.executable, "-m", "sandbox.jira_server", "--port", "0", "--issues", str(issues)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:  # noqa: S603
        try:
            assert process.stdout is not None
            base = process.stdout.readline().strip()
            assert base.startswith("http://127.0.0.1:")
            assert httpx.get(f"{base}/rest/api/3/issue/OPS-1", auth=AUTH).json()["key"] == "OPS-1"
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0


# ----- field names and schemas (expand) -----
def test_search_names_fields_once_per_page_and_get_names_them_per_issue(
    sandbox: JiraSandbox, client: httpx.Client
) -> None:
    form = raw_issue(30)
    form["fields"].update(customfield_10040={"value": "GitLab", "id": "1"}, customfield_10044=None)
    form["names"] = {"customfield_10040": "Tool", "customfield_10044": "Approver"}
    sandbox.add_issue(form)
    page = search(client, jql="project = OPS", fields=["*all"], expand="names,schema", maxResults=100)
    assert page["names"]["customfield_10040"] == "Tool" and page["names"]["customfield_10044"] == "Approver"
    assert page["names"]["summary"] == "Summary" and page["schema"]["labels"]["type"] == "array"
    assert all("names" not in issue for issue in page["issues"])
    plain = search(client, jql="project = OPS", fields=["*all"], maxResults=100)
    assert "names" not in plain and "schema" not in plain
    got = client.get("/rest/api/3/issue/OPS-30", params={"fields": "*all", "expand": "names,schema"}).json()
    validate(got, "IssueBean")
    assert got["names"]["customfield_10044"] == "Approver" and "customfield_10040" in got["schema"]


def test_a_person_fills_in_a_field_and_the_change_is_logged(sandbox: JiraSandbox, client: httpx.Client) -> None:
    sandbox.person_edit_fields("OPS-1", {"customfield_10044": {"accountId": "a", "displayName": "Lee"}})
    got = client.get("/rest/api/3/issue/OPS-1", params={"fields": "customfield_10044"}).json()
    assert got["fields"]["customfield_10044"]["displayName"] == "Lee"
    log = client.get("/rest/api/3/issue/OPS-1/changelog").json()
    assert any(item["field"] == "customfield_10044" for v in log["values"] for item in v["items"])
