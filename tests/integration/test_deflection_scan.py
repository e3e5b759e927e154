"""DEFLECTION_LINKS through a real scan tick: the question on a matching ticket carries the page as
an ADF link, the ledger records the link offered, and other tickets' questions carry none."""

from __future__ import annotations

import json
from typing import Any

from sandbox.jira_server import JiraSandbox
from shared.analysis.comment import MARKER_KEY
from shared.scan import run_scan
from tests.conftest import BuildRuntime
from tests.integration.test_scan import our_comments

GITLAB = "https://wiki.example.com/gitlab-access"
DNS = "https://wiki.example.com/dns"


def _links(node: Any) -> list[str]:
    """Every link mark's href in an ADF tree."""
    if isinstance(node, list):
        return [href for child in node for href in _links(child)]
    if not isinstance(node, dict):
        return []
    marks = [m["attrs"]["href"] for m in node.get("marks", []) if m.get("type") == "link"]
    return marks + _links(node.get("content", []))


def _marker(comment: dict[str, Any]) -> dict[str, Any]:
    marker: dict[str, Any] = next(p["value"] for p in comment["properties"] if p["key"] == MARKER_KEY)
    return marker


async def test_a_matching_tickets_question_offers_the_page_and_the_ledger_records_it(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    links = {"access/gitlab": GITLAB, "cloud_resource/dns-record": DNS}
    runtime = await make_runtime(DEFLECTION_LINKS=json.dumps(links))
    report = await run_scan(await runtime.adapters(), runtime.options)
    asked = {r.key for r in report.results if r.commented}
    assert {"OPS-2", "OPS-3", "OPS-5"} <= asked  # GitLab access in English and Korean; a pipeline

    for key, line in (("OPS-2", "This request may be faster through: "), ("OPS-3", "더 빨리")):
        (comment,) = our_comments(jira, key)
        assert _links(comment["body"]) == [GITLAB], key
        assert line in json.dumps(comment["body"], ensure_ascii=False), key
        assert _marker(comment)["link"] == GITLAB
        found = await runtime.ledger.read(key)
        assert found is not None
        record, _ = found
        assert record.commented and record.deflection_link == GITLAB

    (pipeline,) = our_comments(jira, "OPS-5")  # troubleshooting/pipeline: no key matches
    assert _links(pipeline["body"]) == [] and "link" not in _marker(pipeline)
    found = await runtime.ledger.read("OPS-5")
    assert found is not None and found[0].commented and found[0].deflection_link is None
    complete = await runtime.ledger.read("OPS-1")  # no question, so nothing offered
    assert complete is not None and not complete[0].commented and complete[0].deflection_link is None


async def test_without_the_setting_no_question_carries_a_link(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime()
    await run_scan(await runtime.adapters(), runtime.options)
    (comment,) = our_comments(jira, "OPS-2")
    assert _links(comment["body"]) == [] and "link" not in _marker(comment)
    found = await runtime.ledger.read("OPS-2")
    assert found is not None and found[0].deflection_link is None
