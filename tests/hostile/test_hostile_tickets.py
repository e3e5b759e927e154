"""Each hostile ticket gets its stated outcome; none of them stops the batch or steers our words.

One scan (LLM path, full mode) over the whole catalogue at once, then a second tick; each case
is a test of its own against that run.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from sandbox.stack import Azurite
from tests.chaos.stats import STATS
from tests.hostile.catalogue import Case, catalogue
from tests.hostile.harness import BOT, HostileRun, adf_nodes, close, normal, our_wording, run_catalogue

OURS = {"AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO"}
CASES = catalogue()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def hostile(azurite: Azurite) -> AsyncIterator[HostileRun]:
    run = await run_catalogue(azurite)
    try:
        yield run
    finally:
        await close(run)


def test_the_catalogue_is_large_named_once_and_each_stated_outcome_published() -> None:
    names = [c.name for c in CASES]
    assert len(names) >= 30 and len(set(names)) == len(names)
    published = (Path(__file__).resolve().parents[2] / "docs" / "reliability.md").read_text("utf-8")
    assert not [n for n in names if f"| `{n}` |" not in published], "docs/reliability.md lists every case"


async def test_the_batch_survives_every_case_and_the_next_tick_changes_nothing(hostile: HostileRun) -> None:
    first, second = hostile.reports
    assert first.stopped_early is None and second.stopped_early is None
    assert len(first.results) == len(CASES), "every hostile ticket got a result"
    assert not {"failed", "poisoned", "deferred"} & set(first.outcomes), first.outcomes
    assert second.comments_posted == 0 and second.label_edits == 0 and second.llm_calls == 0


async def test_every_prompt_keeps_the_ticket_inside_one_delimited_block(hostile: HostileRun) -> None:
    prompts = [r["messages"][-1]["content"] for r in hostile.llm.requests]
    assert len(prompts) == sum(1 for c in CASES if c.expect.outcome == "analyzed")
    for prompt in prompts:
        assert prompt.count("<ticket>") == 1 and prompt.count("</ticket>") == 1, prompt[:300]
        assert prompt.rstrip().endswith("</ticket>")
        assert len(prompt) / 4 <= 2000 * 1.05, "input trimmed to the token budget"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_hostile_ticket_gets_its_stated_outcome(hostile: HostileRun, case: Case) -> None:
    result = hostile.result_of(case)
    assert result is not None, f"{case.name}: no result: silently dropped"
    assert result.outcome == case.expect.outcome, (result.outcome, result.reason)
    STATS[f"hostile:{result.outcome}"] += 1
    if case.expect.outcome == "rejected":
        await _rejection_recorded(hostile, result.key, case.expect.reason)
        assert not hostile.jira.comments_of(hostile.internal_key(case)), "nothing written to it"
        return
    assert result.verdict in ("HIGH_QUALITY", "NEEDS_INFO")
    if case.expect.verdict:
        assert result.verdict == case.expect.verdict, (result.verdict, result.score, result.missing)
    key = hostile.internal_key(case)
    labels = set(hostile.jira.get_raw(key)["fields"].get("labels") or [])
    assert {"AI_ANALYZED", result.verdict} <= labels
    assert set(case.person_labels) <= labels, "a label a person set is gone"
    assert labels <= set(case.person_labels) | OURS, "only our three labels are ever added"
    comments = [c for c in hostile.jira.comments_of(key) if (c.get("author") or {}).get("accountId") == BOT]
    assert len(comments) == (1 if result.verdict == "NEEDS_INFO" and result.missing else 0)
    for comment in comments:
        _only_our_words_and_the_reporter(comment["body"], case)
        if case.expect.language:
            assert result.language == case.expect.language


def _only_our_words_and_the_reporter(body: Any, case: Case) -> None:
    allowed = our_wording()
    for text, mention in adf_nodes(body):
        if mention:
            assert case.reporter is not None and mention == case.reporter, f"mentions {mention}"
        else:
            assert normal(text) in allowed, f"{case.name}: text not ours: {text[:120]!r}"
    dumped = json.dumps(body, ensure_ascii=False)
    for planted in ("@everyone", "@here", "@channel", "HIGH_QUALITY", "</ticket>", "ceo-account"):
        assert planted not in dumped


async def _rejection_recorded(run: HostileRun, ref: str, reason: str) -> None:
    from azure.data.tables.aio import TableClient

    async with TableClient.from_connection_string(
        run.env["AzureWebJobsStorage"], run.env["LEDGER_TABLE"]
    ) as table:
        entity = await table.get_entity("_rejected", ref)
    assert reason in str(entity.get("reason")), entity
