"""The seeded month: deterministic, realistic in its shares, valid Jira JSON, honest truth.

Other tests, the demo and the benchmarks score the bot against `_sandbox`; if that truth or the
issue shape drifted, every downstream figure would be wrong without any test failing there.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from sandbox.jira_store import JiraStore
from sandbox.seed import CATEGORIES, QUIRKS, generate_month, generate_open_batch
from sandbox.seed_forms import FORMS, REQUEST_TYPE_FIELD
from sandbox.seed_markup import PLACEHOLDER, fill, fill_line, insert_extra, to_adf, unwrap
from sandbox.seed_people import APPROVERS, TEAMS, Reporter
from sandbox.seed_texts_cloud import REGIONS
from shared.analysis.analyzer import Analyzer
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Ticket, normalise_issue
from tests.contract.jira_schema import validate

Issue = dict[str, Any]
ANCHOR = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
KST = timezone(timedelta(hours=9))
ROOT = Path(__file__).resolve().parents[2]
FULL_SPEC = ROOT.parent / "shared" / "reference" / "jira-cloud-platform-openapi-v3.json"
BOT_LABELS = {"AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO"}
SECRET = re.compile(r"AccountKey=|glpat-|password: |PRIVATE KEY-----")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$")

INLINE = {"text", "hardBreak", "mention", "emoji", "inlineCard"}
BLOCKS = {"paragraph", "heading", "bulletList", "orderedList", "codeBlock", "table", "panel"}
CHILDREN = {
    "doc": BLOCKS,
    "paragraph": INLINE,
    "heading": INLINE,
    "bulletList": {"listItem"},
    "orderedList": {"listItem"},
    "listItem": {"paragraph", "bulletList", "orderedList", "codeBlock"},
    "codeBlock": {"text"},
    "table": {"tableRow"},
    "tableRow": {"tableHeader", "tableCell"},
    "tableHeader": BLOCKS - {"table"},
    "tableCell": BLOCKS - {"table"},
    "panel": {"paragraph", "heading", "bulletList", "orderedList"},
}
ATTRS = {
    "heading": {"level"},
    "mention": {"id", "text"},
    "emoji": {"shortName"},
    "inlineCard": {"url"},
    "panel": {"panelType"},
}


@pytest.fixture(scope="module")
def month() -> list[Issue]:
    return generate_month(anchor=ANCHOR)


@pytest.fixture(scope="module")
def checklist(month: list[Issue]) -> list[Issue]:
    return [i for i in month if i["_sandbox"]["category"] != "other"]


def adf_errors(node: Any, parent: str = "") -> list[str]:
    """What makes this node (and its subtree) invalid ADF for the node types the seed uses."""
    if not isinstance(node, dict) or not isinstance(node.get("type"), str):
        return [f"node without a type under {parent}: {node!r:.80}"]
    kind, errors = node["type"], []
    if parent and kind not in CHILDREN.get(parent, set()):
        errors.append(f"{kind} may not sit in {parent}")
    if kind == "doc" and node.get("version") != 1:
        errors.append("doc without version 1")
    if kind == "text" and not (isinstance(node.get("text"), str) and node["text"]):
        errors.append("text node without text")
    if kind == "text" and parent == "codeBlock" and node.get("marks"):
        errors.append("marks inside a codeBlock")
    if missing := ATTRS.get(kind, set()) - set(node.get("attrs", {})):
        errors.append(f"{kind} lacks attrs {sorted(missing)}")
    content = node.get("content", [])
    if kind in INLINE and content:
        errors.append(f"{kind} has content")
    if not content and kind in {"doc", "bulletList", "orderedList", "listItem", "table", "panel"}:
        errors.append(f"empty {kind}")
    for child in content:
        errors += adf_errors(child, kind)
    return errors


def text_of(description: Any) -> str:
    """All the words a reader sees in a description (ADF, plain string or None)."""
    if description is None or isinstance(description, str):
        return description or ""
    if description.get("type") == "text":
        return str(description["text"])
    attrs = description.get("attrs", {})
    own = str(attrs.get("text") or attrs.get("url") or "")
    return own + "\n".join(text_of(child) for child in description.get("content", []))


def words(issue: Issue) -> str:
    return str(issue["fields"]["summary"]) + "\n" + text_of(issue["fields"]["description"])


def test_same_seed_and_anchor_give_the_same_month(month: list[Issue]) -> None:
    assert generate_month(anchor=ANCHOR) == month
    assert generate_month(anchor=ANCHOR, seed=8) != month


def test_output_does_not_depend_on_hash_randomisation() -> None:
    """Iterating a set of strings would differ between processes; the seed must not."""
    code = (
        "import hashlib, json, datetime as d; from sandbox.seed import generate_month; "
        "m = generate_month(150, anchor=d.datetime(2026, 11, 20, tzinfo=d.UTC)); "
        "print(hashlib.sha256(json.dumps(m, sort_keys=True).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(  # noqa: S603 (fixed argv: this interpreter and a literal)
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        digests.add(run.stdout.strip())
    assert len(digests) == 1


def test_count_keys_ids_and_creation_order(month: list[Issue]) -> None:
    assert len(month) == 520
    assert [i["key"] for i in month] == [f"OPS-{n}" for n in range(1, 521)]
    assert [i["id"] for i in month] == [str(10000 + n) for n in range(1, 521)]
    assert all(i["self"] == f"https://sandbox.atlassian.net/rest/api/3/issue/{i['id']}" for i in month)
    created = [i["fields"]["created"] for i in month]
    assert created == sorted(created)
    assert created[0] >= "2026-10-21T12:00:00.000+0000"
    assert created[-1] < "2026-11-20T12:00:00.000+0000"
    assert {i["fields"]["project"]["key"] for i in month} == {"OPS"}


def test_anchor_defaults_to_now() -> None:
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    issues = generate_month(20, project="DEV")
    assert [i["key"] for i in issues][:2] == ["DEV-1", "DEV-2"]
    latest = max(datetime.strptime(i["fields"]["updated"], "%Y-%m-%dT%H:%M:%S.%f%z") for i in issues)
    assert latest <= before + timedelta(minutes=1)


def test_languages_are_about_half_each(month: list[Issue]) -> None:
    korean = sum(i["_sandbox"]["language"] == "ko" for i in month) / len(month)
    assert 0.35 <= korean <= 0.65
    hangul = [bool(re.search("[가-힣]", words(i))) for i in month if i["_sandbox"]["language"] == "ko"]
    assert sum(hangul) / len(hangul) > 0.95


def test_every_category_appears_in_realistic_shares(month: list[Issue]) -> None:
    counts = Counter(i["_sandbox"]["category"] for i in month)
    assert set(counts) == set(CATEGORIES)
    assert all(0.05 <= counts[c] / len(month) <= 0.40 for c in CATEGORIES)


def test_about_45_percent_of_checklist_tickets_are_complete(checklist: list[Issue]) -> None:
    complete = sum(not i["_sandbox"]["missing"] for i in checklist) / len(checklist)
    assert 0.35 <= complete <= 0.55


def test_truth_is_consistent(month: list[Issue]) -> None:
    for issue in month:
        truth = issue["_sandbox"]
        assert set(truth) == {"category", "language", "present", "missing", "quirk", "form"}
        items = list(CATEGORIES[truth["category"]].items)
        assert sorted(truth["present"] + truth["missing"], key=items.index) == items
        assert not set(truth["present"]) & set(truth["missing"])
        assert len(truth["missing"]) <= 3
        assert truth["quirk"] is None or truth["quirk"] in QUIRKS
    missed = Counter(m for i in month for m in i["_sandbox"]["missing"])
    assert len(missed) >= 15  # which items are missing varies


@pytest.mark.parametrize(
    ("category", "item", "give_away"),
    [
        ("access", "approver", re.compile("|".join(name for name, _, _ in APPROVERS))),
        ("cloud_resource", "region", re.compile("|".join(sorted(set(REGIONS))))),
        ("cloud_resource", "cost_owner", re.compile(r"CC-\d")),
        ("troubleshooting", "error", re.compile(r"```|Exception|ERROR|error:")),
    ],
)
def test_a_missing_item_is_really_absent(
    month: list[Issue], category: str, item: str, give_away: re.Pattern[str]
) -> None:
    lacking = [
        i
        for i in month
        if i["_sandbox"]["category"] == category
        and item in i["_sandbox"]["missing"]
        and i["_sandbox"]["quirk"] != "secret_pasted"
    ]
    assert lacking
    for issue in lacking:
        assert not give_away.search(words(issue)), (issue["key"], words(issue)[:400])
        if item == "error" and isinstance(issue["fields"]["description"], dict):
            assert '"codeBlock"' not in json.dumps(issue["fields"]["description"])


def test_descriptions_are_mostly_adf_some_plain_some_null(month: list[Issue]) -> None:
    kinds = Counter(type(i["fields"]["description"]).__name__ for i in month)
    assert 0.04 <= kinds["str"] / len(month) <= 0.13
    assert 0.01 <= kinds["NoneType"] / len(month) <= 0.08
    used = Counter(
        n["type"] for i in month for n in _nodes(i["fields"]["description"]) if isinstance(n, dict)
    )
    expected = {"heading", "bulletList", "orderedList", "codeBlock", "table", "panel"}
    assert expected | {"hardBreak", "mention", "emoji", "inlineCard"} <= set(used)


def _nodes(node: Any) -> list[Any]:
    if not isinstance(node, dict):
        return []
    return [node, *(n for child in node.get("content", []) for n in _nodes(child))]


def test_every_adf_document_is_well_formed(month: list[Issue]) -> None:
    for issue in month:
        docs = [c["body"] for c in issue["fields"]["comment"]["comments"]]
        if isinstance(issue["fields"]["description"], dict):
            docs.append(issue["fields"]["description"])
        for doc in docs:
            assert doc["type"] == "doc"
            assert adf_errors(doc) == [], issue["key"]


def test_issues_match_jiras_schemas(month: list[Issue]) -> None:
    for issue in month:
        bean = {k: v for k, v in issue.items() if k != "_sandbox"}
        validate(bean, "IssueBean")
        fields = issue["fields"]
        validate(fields["status"], "StatusDetails")
        validate(fields["project"], "ProjectDetails")
        validate(fields["reporter"], "UserDetails")
        if fields["assignee"] is not None:
            validate(fields["assignee"], "UserDetails")
        validate(fields["comment"], "PageOfComments")
        assert fields["comment"]["total"] == len(fields["comment"]["comments"])
        for name in ("created", "updated"):
            assert STAMP.match(fields[name])
        assert 0 < len(fields["summary"]) <= 255
        assert fields["issuetype"]["name"] in {"Service Request", "Task", "Bug", "Incident"}


@pytest.mark.skipif(not FULL_SPEC.exists(), reason="Atlassian's full spec sits beside the checkout")
def test_embedded_objects_match_the_full_spec(month: list[Issue]) -> None:
    from jsonschema import Draft4Validator  # type: ignore[import-untyped,unused-ignore]

    components = json.loads(FULL_SPEC.read_text(encoding="utf-8"))["components"]
    check = {
        name: Draft4Validator({"$ref": f"#/components/schemas/{name}", "components": components})
        for name in ("IssueTypeDetails", "Priority", "ProjectComponent")
    }
    for issue in month[::10]:
        fields = issue["fields"]
        check["IssueTypeDetails"].validate(fields["issuetype"])
        check["Priority"].validate(fields["priority"])
        for component in fields["components"]:
            check["ProjectComponent"].validate(component)


def test_people_labels_only_and_without_spaces(month: list[Issue]) -> None:
    labelled = [i for i in month if i["fields"]["labels"]]
    assert 0.45 <= len(labelled) / len(month) <= 0.75
    for issue in labelled:
        labels = issue["fields"]["labels"]
        assert 1 <= len(labels) <= 3
        assert not set(labels) & BOT_LABELS
        assert all(re.fullmatch(r"[a-z0-9-]+", label) for label in labels)


def test_status_dates_and_comments_follow_the_workflow(month: list[Issue]) -> None:
    is_open = {i["key"]: i["fields"]["status"]["statusCategory"]["key"] != "done" for i in month}
    assert sum(is_open.values()) == round(520 * 0.35)
    recent, old = _open_share(month, 0, 3), _open_share(month, 15, 31)
    assert recent > 0.7 and old < 0.3  # open tickets are mostly the recent ones
    for issue in month:
        fields, quirk = issue["fields"], issue["_sandbox"]["quirk"]
        count = len(fields["comment"]["comments"])
        times = [c["created"] for c in fields["comment"]["comments"]]
        assert times == sorted(times) and all(fields["created"] <= t for t in times)
        if is_open[issue["key"]]:
            assert fields["resolutiondate"] is None and count <= 2
            assert fields["status"]["name"] in {"To Do", "In Progress"}
        else:
            assert fields["assignee"] is not None
            assert fields["created"] <= fields["resolutiondate"] <= fields["updated"]
            assert fields["resolutiondate"] < "2026-11-20T12:00:00.000+0000"
            assert 1 <= count <= 6 or quirk == "empty_arrays"


def _open_share(issues: list[Issue], from_days: int, to_days: int) -> float:
    """Share of open tickets among those created between from_days and to_days ago."""
    aged = [i for i in issues if from_days <= (ANCHOR - _created(i)).days < to_days]
    return sum(i["fields"]["resolutiondate"] is None for i in aged) / len(aged)


def _created(issue: Issue) -> datetime:
    return datetime.strptime(issue["fields"]["created"], "%Y-%m-%dT%H:%M:%S.%f%z")


def test_tickets_are_filed_in_seoul_working_hours_mostly(month: list[Issue]) -> None:
    local = [_created(i).astimezone(KST) for i in month]
    working = sum(t.weekday() < 5 and 8 <= t.hour < 19 for t in local)
    assert working / len(local) > 0.8
    assert sum(t.weekday() >= 5 for t in local) > 0  # but not never on a weekend


def test_quirks_are_present_and_shaped(month: list[Issue]) -> None:
    by_quirk: dict[str, list[Issue]] = {}
    for issue in month:
        by_quirk.setdefault(issue["_sandbox"]["quirk"], []).append(issue)
    assert all(len(by_quirk.get(q, [])) == round(520 * 0.03) for q in QUIRKS)
    for issue in month:
        quirk, fields = issue["_sandbox"]["quirk"], issue["fields"]
        size = len(json.dumps(fields["description"], ensure_ascii=False))
        assert (size >= 200_000) == (quirk == "huge_log"), issue["key"]
        assert bool(SECRET.search(words(issue))) == (quirk == "secret_pasted"), issue["key"]
        assert ("HIGH_QUALITY" in words(issue)) == (quirk == "prompt_injection"), issue["key"]
        if quirk == "empty_arrays":
            assert fields["labels"] == fields["components"] == fields["comment"]["comments"] == []
        assert issue["key"] and "key" not in fields  # the server, not the seed, moves keys
    for issue in by_quirk["prompt_injection"]:
        assert issue["_sandbox"]["missing"] or issue["_sandbox"]["category"] == "other"


def test_open_batch_is_recent_open_quirk_free_and_half_complete() -> None:
    batch = generate_open_batch(anchor=ANCHOR)
    assert batch == generate_open_batch(anchor=ANCHOR)
    assert [i["key"] for i in batch] == [f"OPS-{n}" for n in range(1, 201)]
    assert all(i["fields"]["status"]["statusCategory"]["key"] != "done" for i in batch)
    assert all(i["fields"]["created"] >= "2026-11-18T12:00:00.000+0000" for i in batch)
    assert all(i["_sandbox"]["quirk"] is None for i in batch)
    checklist = [i for i in batch if i["_sandbox"]["category"] != "other"]
    complete = sum(not i["_sandbox"]["missing"] for i in checklist) / len(checklist)
    assert 0.35 <= complete <= 0.65


@pytest.mark.parametrize("name", sorted(CATEGORIES))
def test_every_template_renders_in_both_languages(name: str) -> None:
    """A typo in a rarely drawn template would otherwise surface only in some seeds."""
    texts, rng = CATEGORIES[name], random.Random(1)
    for lang in ("ko", "en"):
        assert set(texts.fallbacks[lang]) == set(texts.items)
        reporter = Reporter("김민준" if lang == "ko" else "Emily Carter", TEAMS[0])
        for missing in [(), *((item,) for item in texts.items), texts.items]:
            ctx = texts.context(rng, lang, reporter, ANCHOR, missing)
            ctx.update(name=reporter.name, team=TEAMS[0].en, svc="payment-api")
            for template in texts.summaries[lang]:
                assert not PLACEHOLDER.search(fill_line(template, ctx))
            for body in texts.bodies[lang]:
                body = unwrap(body).strip("\n")
                if body.startswith("= "):  # the body brings its own summary alternatives
                    own, body = body.split("\n", 1)
                    assert not PLACEHOLDER.search(fill_line(own, ctx))
                lines, carried = fill(body, ctx, texts.items, missing)
                assert not carried & set(missing)
                lines = insert_extra(lines, [])
                assert not PLACEHOLDER.search("\n".join(lines))
                if any(line.strip() for line in lines):  # all items missing may leave nothing
                    assert adf_errors(to_adf(lines)) == []


def test_a_share_of_requests_comes_through_the_service_desk_form(month: list[Issue]) -> None:
    """Form tickets hold each item they give in its field and each item they lack in an empty
    field; the description says little; a problem report's error is an attached screenshot."""
    forms = [i for i in month if i["_sandbox"]["form"]]
    assert 0.05 <= len(forms) / len(month) <= 0.15
    assert {i["_sandbox"]["category"] for i in forms} == set(FORMS)
    for issue in forms:
        fields, truth = issue["fields"], issue["_sandbox"]
        request_type, by_item = FORMS[truth["category"]]
        assert fields[REQUEST_TYPE_FIELD]["requestType"]["name"] == request_type
        for item, field_id in by_item.items():
            assert (fields[field_id] is None) == (item in truth["missing"]), (issue["key"], item)
        screenshots = [a for a in fields.get("attachment", []) if a["mimeType"] == "image/png"]
        if truth["category"] == "troubleshooting":
            assert bool(screenshots) == ("error" not in truth["missing"])
        assert len(words(issue)) < 400


def test_form_tickets_read_as_their_truth_through_the_scans_own_reading(month: list[Issue]) -> None:
    """What the sandbox serves (fields named by `expand=names`) is read by the real normaliser,
    rendering and rules: the form's truth comes out (the reporter's later replies left aside)."""
    store = JiraStore(month)
    analyzer = Analyzer(threshold=85)
    forms = [i for i in month if i["_sandbox"]["form"]]
    agree = 0
    for issue in forms:
        served = store.get_issue(issue["key"], ",".join(SCAN_FIELDS), SCAN_EXPAND)
        assert set(served["names"]) >= {f for f in served["fields"] if f.startswith("customfield_")}
        ticket = normalise_issue(served)
        assert isinstance(ticket, Ticket)
        ticket = ticket.model_copy(update={"comments": ()})
        judged = asyncio.run(analyzer.assess(ticket, None))
        truth = issue["_sandbox"]
        agree += judged.category == truth["category"] and {m.id for m in judged.missing} == set(truth["missing"])
        for missing in judged.missing:  # every empty form field is named in the question
            field_id = FORMS[truth["category"]][1].get(missing.id)
            if field_id is not None and served["fields"][field_id] is None:
                assert missing.field == served["names"][field_id], (issue["key"], missing)
    assert agree / len(forms) >= 0.9
