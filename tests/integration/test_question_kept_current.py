"""One question that keeps up: edited in place (telling no one) as the reporter answers, never a
second comment, never over a person's edit, and no call at all when nothing changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sandbox.jira_server import JiraSandbox
from shared.jira.models import normalise_issue, parse_comments
from shared.triage import Triage
from tests.conftest import BuildRuntime
from tests.integration.test_scan import our_comments, scan

KEY = "OPS-2"  # "Please give me access to GitLab group platform/payments.": role, reason, approver missing


def question(jira: JiraSandbox) -> dict[str, Any]:
    (ours,) = our_comments(jira, KEY)
    return ours


def text_of(comment: dict[str, Any]) -> str:
    return parse_comments([comment])[0].text


async def test_a_partial_answer_edits_the_question_in_place_without_notifying(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime()
    await scan(runtime)
    first = question(jira)
    asked = text_of(first)
    assert "Which role or permission level" in asked and "Who approves the request" in asked
    jira.person_comment(KEY, "Role: Developer", author="rep-1")
    report = await scan(runtime)
    result = next(r for r in report.results if r.key == KEY)
    assert result.verdict == "NEEDS_INFO" and "updated in place" in result.reason, result
    edited = question(jira)  # still one question, the same comment
    assert edited["id"] == first["id"] and edited["_notified"] is False
    assert edited["properties"] == first["properties"], "our marker keeps its identity"
    now = text_of(edited)
    assert "Received, thank you" in now and "✓ Which role or permission level" in now
    assert "Who approves the request" in now.split("Received")[0], "still asked, above what was received"
    found = await runtime.ledger.read(KEY)
    assert found is not None
    record = found[0]
    assert "role" in record.items("asked") and "role" not in record.items("open")
    assert "updated in place" in record.history[-1].reason


async def test_the_last_answer_says_everything_is_here_and_swaps_the_labels(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime()
    await scan(runtime)
    jira.person_comment(
        KEY,
        "Tool: GitLab, role: Developer, reason: I joined the payments team. Approved by: Lee (team lead)",
        author="rep-1",
    )
    report = await scan(runtime)
    result = next(r for r in report.results if r.key == KEY)
    assert result.verdict == "HIGH_QUALITY" and "everything is here" in result.reason
    assert "everything we asked for is here now" in text_of(question(jira))
    labels = jira.get_raw(KEY)["fields"]["labels"]
    assert "HIGH_QUALITY" in labels and "NEEDS_INFO" not in labels


async def test_a_question_a_person_edited_is_left_as_they_wrote_it(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime()
    await scan(runtime)
    jira.person_edit_comment(
        KEY, str(question(jira)["id"]), "Only the approver, please.", author="assignee-7"
    )
    jira.person_comment(KEY, "Role: Developer", author="rep-1")
    jira.reset_counters()
    report = await scan(runtime)
    result = next(r for r in report.results if r.key == KEY)
    assert "edited by a person" in result.reason and jira.counters["PUT /comment"] == 0
    assert text_of(question(jira)) == "Only the approver, please."
    found = await runtime.ledger.read(KEY)
    assert found is not None and found[0].question_kept_by_person
    jira.person_comment(KEY, "Reason: I joined the payments team.", author="rep-1")
    await scan(runtime)
    assert text_of(question(jira)) == "Only the approver, please." and jira.counters["PUT /comment"] == 0


async def test_no_edit_when_the_missing_items_did_not_change(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """The reporter says something that answers nothing: re-judged, the same items missing, no PUT."""
    runtime = await make_runtime()
    await scan(runtime)
    jira.person_comment(KEY, "Any news?", author="rep-1")
    jira.reset_counters()
    report = await scan(runtime)
    assert next(r for r in report.results if r.key == KEY).outcome == "analyzed"
    assert jira.counters["PUT /comment"] == 0 and jira.counters["POST /comment"] == 0


async def test_a_person_editing_after_the_search_is_not_overwritten(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """The search's copy of the ticket is older than the person's edit of our question: who last
    edited it is read again just before the PUT, and the person's words stay."""
    runtime = await make_runtime()
    await scan(runtime)
    jira.person_comment(KEY, "Role: Developer", author="rep-1")
    page = jira.search({"jql": f"key = {KEY}", "fields": ["*all"], "expand": "names,schema"})
    snapshot = {**page["issues"][0], "names": page["names"], "schema": page["schema"]}
    jira.person_edit_comment(
        KEY, str(question(jira)["id"]), "Only the approver, please.", author="assignee-7"
    )
    triage = Triage(await runtime.adapters(), runtime.options, run_id="late", clock=lambda: datetime.now(UTC))
    result = await triage.run(normalise_issue(snapshot), in_pilot=False)
    assert "edited by a person" in result.reason, result
    assert text_of(question(jira)) == "Only the approver, please." and jira.counters["PUT /comment"] == 0


async def test_the_kept_question_keeps_its_faster_path(make_runtime: BuildRuntime, jira: JiraSandbox) -> None:
    runtime = await make_runtime(DEFLECTION_LINKS='{"access": "https://wiki.example.com/access"}')
    await scan(runtime)
    assert "wiki.example.com/access" in text_of(question(jira))
    jira.person_comment(KEY, "Role: Developer", author="rep-1")
    await scan(runtime)
    edited = text_of(question(jira))
    assert "Received, thank you" in edited and "wiki.example.com/access" in edited
