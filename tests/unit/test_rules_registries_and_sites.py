"""Readings added in rules-2026.12.18, from every open real-writing set and real shapes Q and R.

A public registry is the target of an open-source release and its package page names the service;
rights named by what they let one do are the role; a purpose told as what the access is for is
the justification; a private cloud's project or tenant is the subscription; an infra team's own
improvement work is "other". Every case fails on rules-2026.12.17; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [
        ("Publish to NPM", "The package there is from March.", "environment"),
        ("Upload new release to PyPI", "", "environment"),
        ("本番環境にデプロイする", "mainブランチの内容を反映してください。", "environment"),
        (
            "New PyPI release?",
            "A new release on [PyPI](https://pypi.org/project/pyqs/) would be great.",
            "service",
        ),
        ("New image on docker", "https://hub.docker.com/r/h2non/imaginary/", "service"),
        (
            "쿠폰 API 릴리즈",
            "https://github.com/acme/coupon-api/releases/tag/v1.9.0 배포 부탁드립니다.",
            "service",
        ),
    ],
)
def test_a_registry_and_a_release_page_answer_deployment_items(summary: str, body: str, item: str) -> None:
    assert item in present("deployment", summary, body)


def test_a_release_without_a_target_still_lacks_one() -> None:
    assert "environment" not in present("deployment", "Make a new release", "v0.3 has bugs fixed on master.")


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [
        ("Request Commit Access For kasaurov", "", "role"),
        ("npm publishing access", "", "role"),
        ("Please can I join this organisation?", "", "role"),
        ("Push Access Request to Repository", "", "role"),
        (
            "Request for access to AIX",
            "I'd like temporary access to the AIX CI machine to resolve the issue.",
            "justification",
        ),
        ("Request Commit Access", "I work on keeping the bazel build happy.", "justification"),
        ("Horizon access", "OpenStack Horizon, project prj-noc-monitoring", "tool"),
        ("Leaver: remove all access", "Approval: not needed for leaver removal (HR case).", "approver"),
        (
            "데이터독 권한 요청",
            "본사 IT에서 매장에서도 직접 확인하라고 하셔서 요청드립니다.",
            "justification",
        ),
    ],
)
def test_access_items_said_the_way_real_desks_say_them(summary: str, body: str, item: str) -> None:
    assert item in present("access", summary, body)


def test_a_slack_thread_is_no_tool() -> None:
    assert "tool" not in present(
        "access", "슬랙 문의 건 티켓으로 올립니다", "Pasted from the Slack thread: 권한 부탁"
    )


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("Zone in Designate, project `prj-noc-tools`, region sangam-1.", "subscription"),
        ("Please delete these volumes in project prj-legacy-ems, region sangam-1.", "region"),
        ("| NCP account | hbtel-bss-prod |", "subscription"),
        ("신규 SBC 외부 연동용 공인 IP 2개 할당 요청드립니다.", "resource_spec"),
        ("Set up the back office server, the same standard build as the other UK stores.", "resource_spec"),
    ],
)
def test_a_private_clouds_words_answer_cloud_items(body: str, item: str) -> None:
    assert item in present("cloud_resource", "VM request", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [
        ("latency high again", "latency is high again, see the dashboard", "symptom"),
        ("Horizon slow", "", "symptom"),
        ("셀프서비스 포털 로그인 후 흰 화면", "", "symptom"),
        ("포털 장애", "1. SSO 로그인\n2. 대시보드 진입\n3. 흰 화면", "steps"),
        (
            "Price screens showing wrong prices",
            "Store number: US-1093\n\nThe screens show old prices.",
            "where",
        ),
    ],
)
def test_trouble_said_plainly(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        (
            "Infrastructure as Code",
            "Move our infrastructure setup to code; consider Terraform or AWS CDK.",
            "other",
        ),
        (
            "Use Terraform to manage cloud infrastructure",
            "Deploy and manage the cloud servers with it.",
            "other",
        ),
        ("Move infrastructure CI to GitHub Actions", "Travis is going away.", "other"),
        ("Investigate possibility of requesting IBM runner access", "For ppc64le and s390x.", "other"),
        ("Jenkins was out for awhile today", "Builds failed with 503 until the disk was cleaned.", "other"),
    ],
)
def test_an_infra_teams_own_work_is_other(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_a_move_to_a_cloud_stays_a_request() -> None:
    assert classify("Move the build VMs to a bigger instance type", "Need 8 vCPU.") != "other"
