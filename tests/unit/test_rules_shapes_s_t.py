"""What real shapes S and T showed after their first contact (rules-2026.12.20).

Open and tuned on: the manager a form names as the approver, a cloud project named the way a site
names it, a role's ARN naming its account, a thread's day, an audit finding or a leaver as the
reason, a named thing that is broken or slower, and the service a tag belongs to. Every case fails
on rules-2026.12.19; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.models import Category
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("category", "summary", "body", "item"),
    [
        ("access", "ArgoCD 조회 권한 요청", "담당 팀장: 강세진\n대상 시스템 / Tool: ArgoCD", "approver"),
        ("access", "VPN for the vendor", "Line manager: Nadia Petrova\nSystem: VPN", "approver"),
        (
            "access",
            "Downgrade Yuki's ArgoCD role",
            "Finding **AUD-2026-14** from the ISMS-P pre-audit: no admin.",
            "justification",
        ),
        (
            "access",
            "Leaver: remove Marco Rossi's access",
            "Marco Rossi left Meridian Air on 2026-11-27.",
            "justification",
        ),
        (
            "cloud_resource",
            "DNS: live-jp",
            "| Project / zone | `ct-shared-net` / zone `classtree-kr` |",
            "subscription",
        ),
        (
            "cloud_resource",
            "quiz-stg A 레코드 추가",
            "- Cloud DNS: `ct-shared-net` 프로젝트 / zone `classtree-kr`",
            "subscription",
        ),
        (
            "cloud_resource",
            "Aurora cluster",
            'role_arn = "arn:aws:iam::418273645501:role/terraform-apply"',
            "subscription",
        ),
        (
            "troubleshooting",
            "[장애] 화면 공유 끊김",
            "#incident-live 스레드 그대로 옮깁니다 (2026-11-20)",
            "when",
        ),
        ("troubleshooting", "ArgoCD sync broken for loyalty-service", "see screenshot", "symptom"),
        ("troubleshooting", "booking-api Jenkins pipeline 8x slower", "", "symptom"),
        (
            "deployment",
            "Hotfix",
            "Please deploy hotfix tag `v1.12.3-hotfix.1` of baggage-tracker.",
            "service",
        ),
    ],
)
def test_site_words_answer_items(category: Category, summary: str, body: str, item: str) -> None:
    assert item in present(category, summary, body)


@pytest.mark.parametrize(
    ("category", "summary", "body", "item"),
    [
        ("troubleshooting", "Broken", "", "symptom"),
        ("access", "Access request", "Manager approval: TBD", "approver"),
        ("troubleshooting", "Checkout slow", "Needed by 2026-12-01.", "when"),
    ],
)
def test_near_misses_stay_unanswered(category: Category, summary: str, body: str, item: str) -> None:
    assert item not in present(category, summary, body)
