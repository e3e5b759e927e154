"""What real shapes AG and AH showed once opened after their first contact (rules-2026.12.32).

"ArgoCD sync error" and "Build error" are symptoms; GHE is GitHub Enterprise; "VPC 엔드포인트는
필요 없습니다" and a zone-file record answer the network; "Started 2026-11-26" is when; a product
named in CamelCase is the service (a registry is not); "all groups" is a scope. Every positive
case fails on rules-2026.12.31.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize("summary", ["ArgoCD sync error", "Build error", "nightly backup failures"])
def test_an_operations_error_said_as_a_title_is_the_symptom(summary: str) -> None:
    assert "symptom" in present("troubleshooting", summary, "see screenshot")


def test_ghe_is_a_tool() -> None:
    assert "tool" in present("access", "GHE org mukja-data: add 3 analysts", "")


@pytest.mark.parametrize(
    "body",
    ["- VPC 엔드포인트는 필요 없습니다 (기존 NAT 게이트웨이 경유)",
     "```text\nreferrals.sahealth.hrv.com.au.  300  IN  CNAME  k8s-referral-prod.elb.amazonaws.com.\n```"],
)  # fmt: skip
def test_a_network_said_not_needed_or_written_as_a_zone_record(body: str) -> None:
    assert "network" in present("cloud_resource", "new resource", body)


def test_started_with_a_date_is_when() -> None:
    assert "when" in present("troubleshooting", "ED whiteboard not loading", "Started 2026-11-26 around 06:40.")


@pytest.mark.parametrize(
    "body",
    ["Please roll back MedsChart in UAT to the previous version.",
     "could we please get CareRecord 5.2.1 into our Training environment before Monday?"],
)  # fmt: skip
def test_a_product_named_in_camel_case_is_the_service(body: str) -> None:
    assert "service" in present("deployment", "deploy request", body)


def test_a_registry_named_in_camel_case_is_not() -> None:
    body = "is it possible to upload a new release to PyPI? we rely on PyPI to deploy our software"
    assert "service" not in present("deployment", "Upload new release", body)


def test_all_groups_is_a_scope() -> None:
    assert "scope" in present("access", "access", "Please deactivate his account entirely, all groups.")


def test_started_before_a_word_is_when_only_for_the_words_that_say_so() -> None:
    """.32 let "started" meet any "at/on/this..." prefix ("started attempting"); .33 restores the
    word boundary and adds the date alone."""
    assert "when" not in present("troubleshooting", "VPN flapping", "The client started attempting to reconnect.")


def test_a_zone_record_is_written_in_capitals() -> None:
    assert "network" not in present("cloud_resource", "new pods", "We run 3 in ns payments, please add capacity.")
