"""One rendering of the whole ticket everywhere: the scan, reanalysis, the LLM prompt and the
report's map all read a request that lives only in its form fields, and an edit to a field
re-judges it as an edit to the description does.

The ticket below says nothing in its description ("see the form"): each path can only judge it
right by reading the fields the sandbox serves with `expand=names,schema`.
"""

from __future__ import annotations

import json
from typing import Any

from sandbox.jira_server import JiraSandbox
from sandbox.llm_server import FakeLLM
from shared.analysis.comment import MARKER_KEY
from shared.jira.adf_markdown import to_markdown
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS
from shared.report.mapreduce import extract_facts
from shared.runtime import Runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from tests.conftest import BuildRuntime, operator_reanalysis
from tests.factories import adf_doc, issue

KEY = "OPS-30"
NAMES = {
    "customfield_10010": "Request Type",
    "customfield_10040": "Tool",
    "customfield_10041": "Access scope",
    "customfield_10042": "Requested role",
    "customfield_10043": "Business justification",
    "customfield_10044": "Approver",
}


def form_ticket() -> dict[str, Any]:
    raw = issue(30, "신규 입사자 요청", description=adf_doc("폼에 작성했습니다. 확인 부탁드립니다."))
    raw["fields"].update(
        {
            "customfield_10010": {"requestType": {"id": "1", "name": "Request access"}},
            "customfield_10040": {"value": "GitLab", "id": "1"},
            "customfield_10041": "platform/payments-api",
            "customfield_10042": {"value": "Developer", "id": "2"},
            "customfield_10043": "결제팀 합류로 MR 작업이 필요합니다",
            "customfield_10044": None,
            "attachment": [{"id": "7", "filename": "org-chart.pdf", "mimeType": "application/pdf", "size": 9000}],
        }
    )
    raw["names"] = NAMES
    return raw


async def scan(runtime: Runtime) -> ScanReport:
    return await run_scan(await runtime.adapters(), runtime.options)


def our_question(jira: JiraSandbox) -> str:
    (comment,) = [
        c for c in jira.comments_of(KEY) if any(p.get("key") == MARKER_KEY for p in c.get("properties", []))
    ]
    return to_markdown(comment["body"])


async def test_the_scan_reads_the_form_and_points_at_its_empty_field(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    jira.add_issue(form_ticket())
    runtime = await make_runtime()
    result = next(r for r in (await scan(runtime)).results if r.key == KEY)
    assert result.category == "access" and [m.id for m in result.missing] == ["approver"]
    question = our_question(jira)
    assert "\u201cApprover\u201d 필드를 채워 주세요" in question
    assert "도구" not in question and "역할" not in question  # tool and role were in the form

    jira.person_edit_fields(KEY, {"customfield_10044": {"accountId": "lead-1", "displayName": "Lee Sujin"}})
    again = next(r for r in (await scan(runtime)).results if r.key == KEY)
    assert again.outcome == "analyzed" and again.verdict == "HIGH_QUALITY"
    assert "HIGH_QUALITY" in jira.get_raw(KEY)["fields"]["labels"]
    assert len([c for c in jira.comments_of(KEY) if c.get("properties")]) == 1  # no second question


async def test_reanalysis_judges_the_same_form_as_the_scan(make_runtime: BuildRuntime, jira: JiraSandbox) -> None:
    jira.add_issue(form_ticket())
    runtime = await make_runtime()
    scanned = next(r for r in (await scan(runtime)).results if r.key == KEY)
    outcome = await operator_reanalysis(runtime, KEY, dry_run=True)
    assert (outcome.result.verdict, outcome.result.category) == (scanned.verdict, scanned.category)
    assert [(m.id, m.field) for m in outcome.result.missing] == [("approver", "Approver")]


async def test_the_llm_is_shown_the_form(make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM) -> None:
    jira.add_issue(form_ticket())
    runtime = await make_runtime(ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test")
    await scan(runtime)
    (prompt,) = [r["messages"][1]["content"] for r in llm.requests if "신규 입사자" in json.dumps(r, ensure_ascii=False)]
    for line in ("Request type: Request access", "Tool: GitLab", "Access scope: platform/payments-api",
                 "Requested role: Developer", "Attachments: org-chart.pdf (application/pdf"):  # fmt: skip
        assert line in prompt


async def test_the_reports_map_reads_the_form(make_runtime: BuildRuntime, jira: JiraSandbox) -> None:
    jira.add_issue(form_ticket())
    runtime = await make_runtime()
    pages = [page async for page in runtime.jira.search(f"key = {KEY}", SCAN_FIELDS, expand=SCAN_EXPAND)]
    (raw,) = pages[0]
    facts = extract_facts(raw, bot_account_id=None, record=None, mapping={})
    assert facts is not None and facts.category == "access"
    assert facts.signature.startswith("access/gitlab")
