"""What real writing held-out J and real shapes U and V showed after their first contact
(rules-2026.12.21).

Open and tuned on: DNS records, certificates, environments and machines asked for in few words; a
mirror or a build server that stopped; a sentence that mentions a moment is the reporter's words,
not a log; an approval line, a region named like "KR1" and an affected system. Every case fails on
rules-2026.12.20; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.models import Category
from shared.analysis.rules import classify
from shared.analysis.ticket_text import is_log_line
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Add TXT record to DNS for Google Webmaster/Search Console", "Value below.", "cloud_resource"),
        ("SSL 인증서 갱신", "다음 달 만료라 미리 갱신 부탁드립니다.", "cloud_resource"),
        ("Setup staging environment", "For the new API.", "cloud_resource"),
        ("obtain GPU server", "For the vision model training.", "cloud_resource"),
        ("Turn off GCP composer environments", "They cost us money and nobody uses them.", "cloud_resource"),
        ("This mirror is not in sync anymore", "Last update was a week ago.", "troubleshooting"),
        ("The buildbot server no longer start new builds", "Since this morning.", "troubleshooting"),
        ("[BE] 인증서 만료", "사이트 접속 시 경고가 뜹니다.", "troubleshooting"),
        (
            "subdomains suddenly stopped resolving (NXDOMAIN)",
            "Our CNAME records look right.",
            "troubleshooting",
        ),
    ],
)
def test_asks_and_problems_in_few_words(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("cert-manager 인증서 갱신 실패 - stg", "Certificate 가 Ready 가 안 됩니다.", "troubleshooting"),
    ],
)
def test_near_misses_keep_their_category(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_a_sentence_with_a_moment_is_prose_and_a_timestamped_line_is_output() -> None:
    sentence = (
        "Webhooks stopped arriving at our lims-webhook service. Last event received 2026-11-16 22:10 UTC."
    )
    assert not is_log_line(sentence)
    assert is_log_line("2026-11-22T01:02:51.004Z Run actions/checkout@v4")


@pytest.mark.parametrize(
    ("category", "summary", "body", "item"),
    [
        (
            "troubleshooting",
            "Webhooks stopped",
            "Benchling webhooks stopped arriving at our lims-webhook service (eks-research-prod). "
            "Last event received 2026-11-16 22:10 UTC.",
            "where",
        ),
        (
            "troubleshooting",
            "Label printing fails",
            "Affected system: Benchling\n\nPrinting stopped working.",
            "where",
        ),
        ("access", "ArgoCD 조회 권한", "| 결재 라인 | 김도윤 PM → 박정훈 보안담당 |", "approver"),
        (
            "cloud_resource",
            "Scale out node pool",
            "NHN project pubsvc-opendata-prd, region KR1, 2 more nodes.",
            "region",
        ),
    ],
)
def test_items_said_the_way_these_sites_say_them(
    category: Category, summary: str, body: str, item: str
) -> None:
    assert item in present(category, summary, body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [
        ("Helm upgrade fails", "It fails in the deploy job, starting with the 14:05 ET run.", "when"),
        ("작업 실패", "Slurm partition: cpu-long\nSlurm job ID: 5512093", "where"),
    ],
)
def test_a_us_clock_time_and_a_slurm_partition(summary: str, body: str, item: str) -> None:
    """rules-2026.12.22 (real shapes V)."""
    assert item in present("troubleshooting", summary, body)


def test_cloud_parts_said_not_to_apply_are_answered() -> None:
    """rules-2026.12.22 (real shapes V): the parts named in the list, each with the reason given."""
    body = "This is the on-prem helix cluster, so there's no AWS account, region or VPC involved."
    assert {"region", "network", "subscription"} <= present("cloud_resource", "Increase scratch quota", body)


def test_a_region_still_wanted_is_no_moot_one() -> None:
    body = "No idea which region yet, but it is needed by Friday."
    assert "region" not in present("cloud_resource", "New bucket", body)
