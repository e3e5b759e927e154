"""The report measures the faster path: resolution time per signature with the DEFLECTION_LINKS page
offered and without, in HTML, Markdown and JSON; "Documentation first" marks what has no link yet."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sandbox.jira_server import JiraSandbox
from shared.jira.models import parse_jira_datetime
from shared.report.mapreduce import reduce_facts
from shared.report.models import Aggregate, BotFigures, MonthlyReport, Narrative, TicketFacts
from shared.report.render import render_html, render_json, render_markdown
from shared.scan import run_scan
from tests.conftest import BuildRuntime
from tests.factories import jira_time
from tests.report.test_report_pipeline import month_of
from tools.local_report import run_report_locally

T0 = datetime(2026, 10, 6, 9, 0, tzinfo=UTC)
GITLAB = "https://wiki.example.com/gitlab-access"
DNS = "https://wiki.example.com/dns"
DNS_SIG = "cloud_resource/dns-record/prod"


def fact(key: str, sig: str, kind: str, hours: float | None, link: str | None = None, **kw: Any) -> TicketFacts:
    return TicketFacts(
        key=key, created=T0, category=sig.split("/")[0], request_kind=kind, subject=sig.split("/")[1],
        signature=sig, resolution_hours=hours, deflection_link=link, **kw,
    )  # fmt: skip


def month(facts: list[TicketFacts], links: dict[str, str]) -> Aggregate:
    return reduce_facts(
        facts, month="2026-10", days_in_month=31, batches=1, batches_missing=[], bot=BotFigures(),
        previous=None, links=links,
    )  # fmt: skip


def facts_of_a_month() -> list[TicketFacts]:
    gitlab = "access/gitlab/developer"
    return [
        # offered the page: resolved in 2, 4 and 9 hours (median 4)
        fact("OPS-1", gitlab, "access:grant", 2.0, GITLAB, verdict="NEEDS_INFO", bot_commented=True),
        fact("OPS-2", gitlab, "access:grant", 4.0, GITLAB, verdict="NEEDS_INFO", bot_commented=True),
        fact("OPS-3", gitlab, "access:grant", 9.0, GITLAB, verdict="NEEDS_INFO", bot_commented=True),
        # the same request without it: complete, holdout, untouched (median 10)
        fact("OPS-4", gitlab, "access:grant", 8.0, verdict="HIGH_QUALITY"),
        fact("OPS-5", gitlab, "access:grant", 12.0, verdict="NEEDS_INFO", holdout=True),
        fact("OPS-6", gitlab, "access:grant", None),
        # access to Vault: asked about, no page for it yet
        fact("OPS-7", "access/vault/read-only", "access:grant", 5.0, verdict="NEEDS_INFO", clarifying_rounds=1),
        fact("OPS-8", "access/vault/read-only", "access:grant", 6.0, verdict="NEEDS_INFO"),
        # DNS: a page configured this month, not offered yet
        fact("OPS-9", DNS_SIG, "cloud_resource:dns-record", 30.0, verdict="NEEDS_INFO", clarifying_rounds=2),
        fact("OPS-10", DNS_SIG, "cloud_resource:dns-record", 20.0, verdict="NEEDS_INFO"),
        # a pipeline that keeps breaking: no page, nothing offered
        fact("OPS-11", "troubleshooting/pipeline", "troubleshooting:pipeline", 3.0, verdict="NEEDS_INFO"),
        fact("OPS-12", "troubleshooting/pipeline", "troubleshooting:pipeline", 7.0, verdict="NEEDS_INFO"),
    ]


def test_with_and_without_the_page_per_signature() -> None:
    a = month(facts_of_a_month(), {"access/gitlab": GITLAB, "cloud_resource/dns-record": DNS})
    rows = {r.signature: r for r in a.deflection}
    assert list(rows) == ["access/gitlab/developer", "cloud_resource/dns-record/prod"]  # most tickets first
    gitlab = rows["access/gitlab/developer"]
    assert (gitlab.link, gitlab.with_n, gitlab.with_resolved, gitlab.with_median_hours) == (GITLAB, 3, 3, 4.0)
    assert (gitlab.without_n, gitlab.without_resolved, gitlab.without_median_hours) == (3, 2, 10.0)
    dns = rows["cloud_resource/dns-record/prod"]
    assert (dns.with_n, dns.with_median_hours, dns.without_n, dns.without_median_hours) == (0, None, 2, 25.0)
    # a link offered before it was taken out of the map still counts, under the link it offered
    gone = month(facts_of_a_month(), {})
    assert [(r.signature, r.link, r.with_n) for r in gone.deflection] == [
        ("access/gitlab/developer", GITLAB, 3)
    ]


def test_documentation_first_says_which_signatures_have_no_link_yet() -> None:
    a = month(facts_of_a_month(), {"access/gitlab": GITLAB, "cloud_resource/dns-record": DNS})
    kinds = {r.name for r in a.documentation_candidates}
    assert kinds == {"access:grant", "cloud_resource:dns-record", "troubleshooting:pipeline"}
    access = a.documentation_links["access:grant"]
    assert access.linked == ["access/gitlab/developer"] and access.unlinked == ["access/vault/read-only"]
    assert a.documentation_links["cloud_resource:dns-record"].unlinked == []
    assert a.documentation_links["troubleshooting:pipeline"].linked == []


def _report(a: Aggregate) -> MonthlyReport:
    return MonthlyReport(
        month="2026-10", generated_at=T0, aggregate=a, narrative=Narrative(available=False)
    )


def test_the_tables_in_html_markdown_and_json() -> None:
    report = _report(month(facts_of_a_month(), {"access/gitlab": GITLAB, "cloud_resource/dns-record": DNS}))
    html, md = render_html(report), render_markdown(report)
    data = json.loads(render_json(report))
    assert data["aggregate"]["deflection"][0]["with_median_hours"] == 4.0
    assert data["aggregate"]["documentation_links"]["access:grant"]["unlinked"] == ["access/vault/read-only"]
    # the with/without table: 3 offered, median 4.0 h; 3 without, 2 resolved, median 10.0 h; 6 h faster
    row = "| access/gitlab/developer | https://wiki.example.com/gitlab-access | 3 | 3 | 4.0 h | 3 | 2 | 10.0 h | -6.0 h |"
    assert row in md
    assert '<section id="deflection"' in html and "Resolution time with the faster path offered" in html
    assert "<td>https://wiki.example.com/gitlab-access</td>" in html and '<td class="num">-6.0 h</td>' in html
    # Documentation first: the pipeline has no page, access only for GitLab, DNS has one
    doc = md.split("## Documentation first", 1)[1].split("## ", 1)[0]
    assert "| Faster path |" in doc
    lines = {line.split(" | ")[1]: line for line in doc.splitlines() if line.startswith("| ") and " | " in line}
    assert "| no link yet |" in lines["troubleshooting:pipeline"]
    assert "no link yet: access/vault/read-only" in lines["access:grant"]
    assert "| linked |" in lines["cloud_resource:dns-record"]
    assert "<td>no link yet</td>" in html


def test_a_month_without_links_says_so_and_marks_every_request() -> None:
    report = _report(month([f for f in facts_of_a_month() if not f.deflection_link], {}))
    md = render_markdown(report)
    assert "nothing to compare yet" in md.split("## Faster path", 1)[1]
    assert render_html(report).count("<td>no link yet</td>") == len(report.aggregate.documentation_candidates)


async def test_a_scan_then_the_report_compares_the_offered_link_with_none(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """GitLab access without a role: asked with the page in English and Korean (OPS-2, OPS-3), and
    the same request closed without any question (OPS-10, done before the bot saw it)."""
    runtime = await make_runtime(DEFLECTION_LINKS=json.dumps({"access/gitlab": GITLAB}))
    scan = await run_scan(await runtime.adapters(), runtime.options)
    assert {"OPS-2", "OPS-3"} <= {r.key for r in scan.results if r.commented}
    for key, hours in (("OPS-2", 5), ("OPS-3", 7), ("OPS-10", 20)):
        created = parse_jira_datetime(jira.get_raw(key)["fields"]["created"])
        assert created is not None
        resolved = jira_time(created + timedelta(hours=hours))
        jira.person_edit_fields(key, {"resolutiondate": resolved}, "assignee")
    output, _ = await run_report_locally(runtime, month_of(jira), retry_ms=1)
    store = await runtime.report_store()
    report = MonthlyReport.model_validate(await store.get_json(output["json"]))
    rows = {r.signature: r for r in report.aggregate.deflection}
    row = rows["access/gitlab/unspecified-role"]
    assert row.link == GITLAB and row.with_n >= 2 and row.with_resolved == 2 and row.with_median_hours == 6.0
    assert row.without_n >= 1 and row.without_resolved == 1 and row.without_median_hours == 20.0
    md = await store.get_text(output["markdown"])
    html = await store.get_text(output["html"])
    assert md is not None and "| access/gitlab/unspecified-role | https://wiki.example.com/gitlab-access |" in md
    assert html is not None and '<section id="deflection"' in html and "| Faster path |" in md
