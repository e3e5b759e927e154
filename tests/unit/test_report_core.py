"""Map/reduce and the effect metrics on hand-built data with known answers."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.analysis.signatures import signature
from shared.lifecycle.record import LedgerRecord
from shared.report.mapreduce import extract_facts, reduce_facts
from shared.report.metrics import confusion, effect
from shared.report.models import BotFigures, TicketFacts
from shared.report.sections_effect import accuracy_section
from tests.factories import adf_doc, issue, jira_time

T0 = datetime(2026, 10, 6, 9, 0, tzinfo=UTC)


def test_same_request_in_korean_and_english_has_one_signature() -> None:
    en = signature("access", "GitLab developer access to group X", "")
    ko = signature("access", "GitLab 그룹 X Developer 권한 요청", "")
    assert en == ko == ("access:grant", "gitlab", "access/gitlab/developer")
    assert signature("cloud_resource", "QA 환경 PostgreSQL DB 생성", "")[2] == "cloud_resource/postgres/qa"
    assert (
        signature("cloud_resource", "Need a Postgres database in QA", "")[2] == "cloud_resource/postgres/qa"
    )
    assert signature("deployment", "order-service 운영 배포", "")[2] == "deployment/order-service/prod"


def comment(cid: str, author: str, text: str, at: datetime) -> dict[str, Any]:
    return {"id": cid, "author": {"accountId": author}, "body": adf_doc(text), "created": jira_time(at)}


def raw_ticket(comments: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    raw = issue(7, "GitLab access please", "Please give me access to GitLab group platform/payments.")
    raw["fields"]["created"] = jira_time(T0)
    raw["fields"]["comment"] = {"comments": comments, "total": len(comments), "startAt": 0, "maxResults": 50}
    raw["fields"].update(fields)
    return raw


def test_facts_see_the_reporter_answer_our_question_and_count_clarifying_rounds() -> None:
    record = LedgerRecord(key="OPS-7", state="done", verdict="NEEDS_INFO", category="access",
                          commented=True, comment_id="100")  # fmt: skip
    comments = [
        comment("100", "bot", "Hi, please add: role", T0 + timedelta(minutes=15)),
        comment("101", "rep-1", "Role: Developer, approved by Lee", T0 + timedelta(hours=3)),
        comment("102", "assignee", "어떤 그룹인가요?", T0 + timedelta(hours=4)),
        comment("103", "assignee", "done", T0 + timedelta(hours=30)),
    ]
    changelog = [{"created": jira_time(T0 + timedelta(hours=5)), "author": {"accountId": "assignee"},
                  "items": [{"field": "status", "toString": "In Progress"}]}]  # fmt: skip
    raw = raw_ticket(
        comments, resolutiondate=jira_time(T0 + timedelta(hours=30)), components=[{"name": "GitLab"}]
    )
    facts = extract_facts(raw, bot_account_id="bot", record=record, changelog=changelog,
                          mapping={"component:GitLab": "access"})  # fmt: skip
    assert facts is not None
    assert facts.bot_commented and facts.info_supplied is True and facts.info_supplied_hours == 2.75
    assert facts.clarifying_rounds == 1  # the assignee's question before work started; "done" is not one
    assert facts.resolution_hours == 30.0 and facts.actual_category == "access" and facts.comments == 4
    assert facts.signature.startswith("access/gitlab/")


def test_description_edit_by_the_reporter_counts_as_supplying_information() -> None:
    record = LedgerRecord(key="OPS-7", state="done", category="access", commented=True, comment_id="100")
    raw = raw_ticket([comment("100", "bot", "please add", T0 + timedelta(hours=1))])
    changelog = [{"created": jira_time(T0 + timedelta(hours=9)), "author": {"accountId": "rep-1"},
                  "items": [{"field": "description"}]}]  # fmt: skip
    facts = extract_facts(raw, bot_account_id="bot", record=record, changelog=changelog, mapping={})
    assert facts is not None and facts.info_supplied is True and facts.info_supplied_hours == 8.0
    silent = extract_facts(raw, bot_account_id="bot", record=record, changelog=[], mapping={})
    assert silent is not None and silent.info_supplied is False and silent.info_supplied_hours is None


def fact(key: str, **kw: Any) -> TicketFacts:
    base = {"key": key, "category": "access", "request_kind": "access:grant", "subject": "gitlab",
            "signature": "access/gitlab/developer"}  # fmt: skip
    return TicketFacts.model_validate({**base, **kw})


def test_effect_compares_commented_holdout_and_untouched() -> None:
    facts = [
        fact(
            "OPS-1",
            verdict="NEEDS_INFO",
            bot_commented=True,
            info_supplied=True,
            info_supplied_hours=2.0,
            clarifying_rounds=0,
        ),
        fact(
            "OPS-2",
            verdict="NEEDS_INFO",
            bot_commented=True,
            info_supplied=True,
            info_supplied_hours=6.0,
            clarifying_rounds=1,
        ),
        fact("OPS-3", verdict="NEEDS_INFO", bot_commented=True, info_supplied=False, clarifying_rounds=1),
        fact("OPS-4", verdict="NEEDS_INFO", holdout=True, clarifying_rounds=2, disagreement=True),
        fact("OPS-5", verdict="NEEDS_INFO", holdout=True, clarifying_rounds=3),
        fact("OPS-6", clarifying_rounds=4),
    ]
    e = effect(facts, None)
    assert (e.questioned, e.completed) == (3, 2) and e.completion_rate == round(2 / 3, 4)
    assert e.median_hours_to_complete == 4.0
    assert e.rounds_commented == round(2 / 3, 2) and e.rounds_holdout == 2.5 and e.rounds_untouched == 4.0
    assert (e.commented_n, e.holdout_n, e.untouched_n) == (3, 2, 1)
    assert (e.judged_by_bot, e.disagreements, e.disagreement_rate) == (5, 1, 0.2)


def test_confusion_matrix_accuracy_precision_recall_coverage() -> None:
    facts = [
        fact("OPS-1", category="access", actual_category="access"),
        fact("OPS-2", category="access", actual_category="cloud_resource"),
        fact("OPS-3", category="cloud_resource", actual_category="cloud_resource"),
        fact("OPS-4", category="troubleshooting", actual_category=None),
    ]
    c = confusion(facts)
    assert c.accuracy == round(2 / 3, 4) and c.coverage == 0.75
    assert c.precision["access"] == 0.5 and c.recall["cloud_resource"] == 0.5 and c.recall["access"] == 1.0
    assert c.precision["deployment"] is None
    assert c.matrix[c.labels.index("cloud_resource")][c.labels.index("access")] == 1


def test_categories_the_site_decided_are_left_out_of_accuracy_and_counted() -> None:
    facts = [
        fact("OPS-1", category="access", actual_category="access"),
        fact("OPS-2", category="access", actual_category="cloud_resource"),
        fact("OPS-3", category="access", actual_category="access", category_by_site=True),
        fact("OPS-4", category="troubleshooting", actual_category="troubleshooting", category_by_site=True),
    ]
    c = confusion(facts)
    assert c.accuracy == 0.5 and c.decided_by_site == 2 and sum(map(sum, c.matrix)) == 2
    text = str(accuracy_section(c).blocks[0])
    assert "2 tickets took their category from the site's request or issue type" in text


def test_reduce_is_deterministic_and_ranks_recurring_work() -> None:
    facts = [
        fact(f"OPS-{i}", created=T0 + timedelta(days=i % 20), resolution_hours=float(i)) for i in range(1, 9)
    ]
    facts += [fact("OPS-20", signature="access/vault/admin", request_kind="access:grant")]
    facts += [fact(f"OPS-{i}", category="cloud_resource", signature="cloud_resource/postgres/qa",
                   request_kind="cloud_resource:postgres", resolution_hours=20.0) for i in (30, 31, 32)]  # fmt: skip
    shuffled = facts[:]
    random.Random(3).shuffle(shuffled)
    args: dict[str, Any] = {"month": "2026-10", "days_in_month": 31, "batches": 2, "batches_missing": [1],
                            "bot": BotFigures(), "previous": None}  # fmt: skip
    a, b = reduce_facts(facts, **args), reduce_facts(shuffled, **args)
    assert a == b
    assert [r.name for r in a.recurring] == ["access/gitlab/developer", "cloud_resource/postgres/qa"]
    assert a.recurring[0].count == 8 and a.recurring[0].median_resolution_hours == 4.5
    assert a.recurring[0].examples == ["OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-5"]
    assert [r.name for r in a.automation_candidates] == [
        "cloud_resource/postgres/qa",
        "access/gitlab/developer",
    ]
    assert a.batches_missing == [1] and sum(a.daily_created) == 8 and a.tickets == 12
    again = reduce_facts(facts, **{**args, "previous": a})
    assert again.recurring[0].previous == 8


def test_report_run_summary_names_every_telemetry_field() -> None:
    from shared.config import load_settings
    from shared.report.activities import run_summary
    from shared.scan_models import ScanOptions
    from shared.telemetry import REPORT_FIELDS

    settings = load_settings({"JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_EMAIL": "a@b.c",
                              "JIRA_SCAN_JQL": "project = OPS", "AzureWebJobsStorage": "x"})  # fmt: skip
    params = {
        "month": "2026-10", "started_at": "2026-11-01T02:00:00+00:00", "generated_at": "2026-11-01T02:00:09+00:00",
        "results": [{"index": 0, "blob": "f/0", "count": 50, "llm_calls": 1, "tokens_in": 1_000_000, "tokens_out": 0},
                    {"index": 1, "error": "Jira unavailable"}],
    }  # fmt: skip
    fields = run_summary(params, {"tickets": 50, "batches_missing": [1]}, ScanOptions.from_settings(settings))
    assert set(REPORT_FIELDS) <= set(fields)
    assert (
        fields["llm_calls"] == 1 and fields["batches_missing"] == 1 and fields["estimated_cost_usd"] == 0.4
    )
