"""Pure decisions: when to work on a ticket, and what to write to Jira."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.analysis.checklists import CHECKLISTS, ITEM_IDS
from shared.analysis.comment import comment_properties, has_marker, needs_info_comment
from shared.analysis.llm import PROMPT_VERSION, ItemId, system_prompt
from shared.analysis.models import Assessment, MissingItem, PromptVersion
from shared.config import RolloutMode, Settings
from shared.jira.jql import pilot_query, scan_query
from shared.jira.models import Person, Ticket, TicketComment
from shared.lifecycle.claims import decide_claim, fingerprint
from shared.lifecycle.policy import (
    ActionPlan,
    Labels,
    RolloutModes,
    WritePolicy,
    in_holdout,
    plan_actions,
    written_label,
)
from shared.lifecycle.record import LedgerRecord
from tests.adf_schema import nodes_of

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
LABELS = Labels("AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO")
MISSING = (MissingItem(id="role", label="Which role", why="least privilege"),)
NEEDS = Assessment(
    score=60, verdict="NEEDS_INFO", category="access", language="en", missing=MISSING, version="v"
)
GOOD = Assessment(score=100, verdict="HIGH_QUALITY", category="access", language="en", version="v")


def ticket(labels: tuple[str, ...] = (), **kw: object) -> Ticket:
    return Ticket.model_validate(
        {"key": "OPS-1", "summary": "s", "description": "d", "labels": labels,
         "reporter": Person(account_id="rep"), **kw}
    )  # fmt: skip


def plan(
    t: Ticket,
    a: Assessment,
    *,
    mode: RolloutMode = "full",
    in_pilot: bool = False,
    holdout: bool = False,
    already_asked: bool = False,
    written_before: str | None = None,
) -> ActionPlan:
    gate = WritePolicy.resolve(
        modes=RolloutModes(mode), category=a.category, in_pilot=in_pilot, key=t.key, holdout_percent=0
    )
    gate = dataclasses.replace(gate, holdout=holdout)
    return plan_actions(t, a, gate, already_asked=already_asked, labels=LABELS, written_before=written_before)


def test_needs_info_posts_and_labels_with_add_remove_only() -> None:
    p = plan(ticket(("urgent", "HIGH_QUALITY")), NEEDS)
    assert p.write_jira and p.comment
    assert p.add == ("AI_ANALYZED", "NEEDS_INFO") and p.remove == ("HIGH_QUALITY",)
    assert "urgent" not in p.add + p.remove


def test_labels_already_right_means_no_label_write() -> None:
    p = plan(ticket(("AI_ANALYZED", "HIGH_QUALITY", "backend")), GOOD)
    assert p.add == () and p.remove == () and not p.comment


def test_a_verdict_we_wrote_is_removed_even_when_the_searched_ticket_does_not_show_it() -> None:
    """An overlapping run's search can predate our earlier label write: the ledger knows it."""
    stale = ticket(())  # searched before the previous run put HIGH_QUALITY on it
    assert plan(stale, NEEDS).remove == ()
    p = plan(stale, NEEDS, written_before="HIGH_QUALITY")
    assert p.add == ("AI_ANALYZED", "NEEDS_INFO") and p.remove == ("HIGH_QUALITY",)
    assert plan(stale, NEEDS, written_before="NEEDS_INFO").remove == ()  # same verdict: nothing to undo
    record = LedgerRecord(key="OPS-1", state="done", fingerprint="f", verdict="HIGH_QUALITY")
    assert written_label(record, LABELS) is None  # never written (shadow mode): not ours to remove
    assert written_label(record.model_copy(update={"labels_written": True}), LABELS) == "HIGH_QUALITY"


def test_completed_ticket_swaps_verdict_labels_without_a_new_question() -> None:
    p = plan(ticket(("AI_ANALYZED", "NEEDS_INFO")), GOOD, already_asked=True)
    assert not p.comment and p.add == ("HIGH_QUALITY",) and p.remove == ("NEEDS_INFO",)


def test_never_asks_twice() -> None:
    p = plan(ticket(("AI_ANALYZED", "NEEDS_INFO")), NEEDS, already_asked=True)
    assert not p.comment and "already" in p.comment_reason


def test_shadow_writes_nothing_but_says_what_it_would_do() -> None:
    p = plan(ticket(), NEEDS, mode="shadow")
    assert not p.write_jira and p.comment and "shadow" in p.mode_reason


def test_pilot_writes_only_inside_scope() -> None:
    assert not plan(ticket(), NEEDS, mode="pilot", in_pilot=False).write_jira
    assert plan(ticket(), NEEDS, mode="pilot", in_pilot=True).write_jira


def test_holdout_gets_labels_but_no_comment() -> None:
    p = plan(ticket(), NEEDS, holdout=True)
    assert p.write_jira and not p.comment and "NEEDS_INFO" in p.add


def test_llm_schema_item_ids_are_the_checklist_ids() -> None:
    assert set(get_args(ItemId)) == ITEM_IDS


def test_the_prompt_versions_agree_with_the_setting_and_v2_v3_spell_out_every_item() -> None:
    assert get_args(Settings.model_fields["LLM_PROMPT_VERSION"].annotation) == get_args(PromptVersion)
    assert Settings.model_fields["LLM_PROMPT_VERSION"].default == PROMPT_VERSION == "triage-v3"
    v1 = system_prompt("triage-v1")
    for version in ("triage-v2", "triage-v3"):
        text = system_prompt(version)
        assert "{checklists}" not in text and text != v1
        for category, items in CHECKLISTS.items():
            line = next(ln for ln in text.splitlines() if ln.startswith(f"- {category}: "))
            for i in items:
                assert f"{i.id} = {i.label_en.lower()}" in line


@given(st.from_regex(r"[A-Z]{2,5}-[1-9][0-9]{0,4}", fullmatch=True))
def test_holdout_only_grows_with_the_percentage(key: str) -> None:
    """Raising HOLDOUT_PERCENT never moves a control ticket back into the treated group."""
    assert not in_holdout(key, 0)
    if in_holdout(key, 10):
        assert in_holdout(key, 20) and in_holdout(key, 50)


def test_holdout_share_is_close_to_the_setting() -> None:
    share = sum(in_holdout(f"OPS-{i}", 10) for i in range(1, 5001)) / 5000
    assert 0.08 < share < 0.12


def test_fingerprint_ignores_our_labels_and_others_comments_but_not_reporter_follow_ups() -> None:
    base = ticket()
    assert fingerprint(base, "v", "bot") == fingerprint(ticket(("AI_ANALYZED", "NEEDS_INFO")), "v", "bot")
    by_bot = ticket(comments=(TicketComment(id="1", author_id="bot", text="question"),))
    by_assignee = ticket(comments=(TicketComment(id="2", author_id="someone", text="on it"),))
    by_reporter = ticket(comments=(TicketComment(id="3", author_id="rep", text="role: Developer"),))
    assert fingerprint(by_bot, "v", "bot") == fingerprint(base, "v", "bot")
    assert fingerprint(by_assignee, "v", "bot") == fingerprint(base, "v", "bot")
    assert fingerprint(by_reporter, "v", "bot") != fingerprint(base, "v", "bot")
    assert fingerprint(base, "v2", "bot") != fingerprint(base, "v", "bot")


def rec(**kw: object) -> LedgerRecord:
    return LedgerRecord.model_validate({"key": "OPS-1", "state": "done", "fingerprint": "fp", **kw})


@pytest.mark.parametrize(
    ("record", "fp", "expected"),
    [
        (None, "fp", "process"),
        (rec(), "fp", "unchanged"),
        (rec(), "other", "process"),
        (rec(state="claimed", lease_until=NOW + timedelta(minutes=5)), "fp", "busy"),
        (rec(state="claimed", lease_until=NOW - timedelta(minutes=5)), "fp", "process"),
        (rec(state="commenting", lease_until=NOW + timedelta(minutes=5)), "fp", "busy"),
        (rec(state="commenting", lease_until=NOW - timedelta(minutes=5)), "fp", "recover"),
        (rec(state="failed", attempts=2), "fp", "process"),
        (rec(state="failed", attempts=5), "fp", "parked"),
        (rec(state="poisoned", attempts=5), "fp", "parked"),
        (rec(state="poisoned", attempts=5), "changed", "process"),
    ],
)
def test_decide_claim(record: LedgerRecord | None, fp: str, expected: str) -> None:
    assert decide_claim(record, fp, NOW, max_attempts=5) == expected


def test_scan_query_uses_is_empty_for_brand_new_tickets_and_rereads_ours_when_updated() -> None:
    jql = scan_query(
        "project = OPS", analyzed_label="AI_ANALYZED", our_labels=("AI_ANALYZED", "NEEDS_INFO", "HIGH_QUALITY"),
        lookback_days=7, changed_within_minutes=45,
    )  # fmt: skip
    assert jql.startswith("(project = OPS) AND statusCategory != Done")
    assert 'labels IS EMPTY OR labels NOT IN ("AI_ANALYZED")' in jql
    assert 'labels IN ("AI_ANALYZED", "NEEDS_INFO", "HIGH_QUALITY") AND updated >= -45m' in jql
    assert pilot_query("project = OPS", "component = infra", ["OPS-1", "OPS-2"]).endswith(
        'key in ("OPS-1", "OPS-2")'
    )


def test_comment_is_built_from_the_catalogue_and_mentions_only_the_reporter() -> None:
    body = needs_info_comment(NEEDS, "rep")
    mentions = [n for n in nodes_of(body) if n.get("type") == "mention"]
    assert [m["attrs"]["id"] for m in mentions] == ["rep"]
    texts = " ".join(n.get("text", "") for n in nodes_of(body))
    assert "Which role" in texts and "least privilege" in texts and "60/100" in texts
    ko = needs_info_comment(NEEDS.model_copy(update={"language": "ko"}), None)
    assert "안녕하세요" in " ".join(n.get("text", "") for n in nodes_of(ko))


def test_comment_properties_mark_ours_and_set_visibility() -> None:
    props = comment_properties(NEEDS, "fp", internal=True)
    assert has_marker({"properties": props})
    assert {"key": "sd.public.comment", "value": {"internal": True}} in props
    assert not any(p["key"] == "sd.public.comment" for p in comment_properties(NEEDS, "fp", internal=False))
    assert not has_marker({"properties": [{"key": "other"}]}) and not has_marker({})




def test_disagreements_are_detected_from_labels_and_replies() -> None:
    from shared.lifecycle.disagreement import Disagreement, detect_disagreement

    asked = rec(verdict="NEEDS_INFO", labels_written=True, commented=True, comment_id="c1")
    ours = ("AI_ANALYZED", "NEEDS_INFO", "urgent")
    assert detect_disagreement(ticket(ours), asked, LABELS, "bot") is None
    swapped = ticket(("AI_ANALYZED", "HIGH_QUALITY"))
    assert detect_disagreement(swapped, asked, LABELS, "bot") == Disagreement(
        "labels", "a person changed our verdict NEEDS_INFO to HIGH_QUALITY"
    )
    removed = Disagreement("labels", "a person removed our labels")
    assert detect_disagreement(ticket(("urgent",)), asked, LABELS, "bot") == removed
    label_gone = detect_disagreement(ticket(("AI_ANALYZED",)), asked, LABELS, "bot")
    assert label_gone is not None and "removed our verdict label" in label_gone.text
    shadow = rec(verdict="NEEDS_INFO", labels_written=False)
    assert detect_disagreement(ticket(()), shadow, LABELS, "bot") is None  # we never labelled it
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    replies = (
        TicketComment(id="c1", author_id="bot", text="please add the role", created=t0),
        TicketComment(
            id="c2",
            author_id="rep",
            text="That's not needed, it is already in the description",
            created=t0 + timedelta(hours=1),
        ),
    )
    assert detect_disagreement(ticket(ours, comments=replies), asked, LABELS, "bot") == Disagreement(
        "reply", "a reply says our question was not needed"
    )
    thanks = (
        replies[0],
        TicketComment(id="c3", author_id="rep", text="Role: Developer", created=t0 + timedelta(hours=1)),
    )
    assert detect_disagreement(ticket(ours, comments=thanks), asked, LABELS, "bot") is None


def test_a_ticket_judged_without_writing_is_acted_on_once_writing_is_allowed() -> None:
    judged_in_shadow = rec(labels_written=False)
    assert decide_claim(judged_in_shadow, "fp", NOW, 5, may_write=False) == "unchanged"
    assert decide_claim(judged_in_shadow, "fp", NOW, 5, may_write=True) == "process"
    assert decide_claim(rec(labels_written=True), "fp", NOW, 5, may_write=True) == "unchanged"


def test_missing_fields_are_not_mistaken_for_a_persons_overrule() -> None:
    from shared.jira.models import normalise_issue
    from shared.lifecycle.disagreement import detect_disagreement

    asked = rec(verdict="NEEDS_INFO", labels_written=True, commented=True, comment_id="c1")
    no_labels_field = normalise_issue({"key": "OPS-1", "fields": {"summary": "s"}})
    assert isinstance(no_labels_field, Ticket) and not no_labels_field.labels_known
    assert detect_disagreement(no_labels_field, asked, LABELS, "bot") is None
    # Our question is not among the comments Jira sent: an old "not needed" cannot be ordered.
    old_reply = (TicketComment(id="c0", author_id="rep", text="필요 없습니다", created=NOW),)
    assert (
        detect_disagreement(ticket(("AI_ANALYZED", "NEEDS_INFO"), comments=old_reply), asked, LABELS, "bot")
        is None
    )
