"""People, teams, services and labels of the sample DevOps queue.

Kept apart from the text templates so every category draws reporters, approvers and services from
one consistent cast (the same person always has the same account id and team).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

SITE = "https://sandbox.atlassian.net"


def account_id(name: str) -> str:
    """Give every person a stable Atlassian-style account id, whatever the seed."""
    return hashlib.sha256(name.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Team:
    """A requesting team: names in both languages, its services and its cost center."""

    ko: str
    en: str
    domain: str
    services: tuple[str, ...]
    cost_center: str


TEAMS = (
    Team("결제개발팀", "Payments", "commerce", ("payment-api", "settlement-batch"), "CC-4120"),
    Team("주문개발팀", "Order Platform", "commerce", ("order-service", "cart-service"), "CC-4130"),
    Team("회원인증팀", "Identity", "platform", ("auth-gateway", "user-service"), "CC-4210"),
    Team("데이터플랫폼팀", "Data Platform", "data", ("event-collector", "feature-store"), "CC-5230"),
    Team("모바일앱팀", "Mobile", "mobile", ("app-backend", "push-service"), "CC-4410"),
    Team("QA팀", "QA Engineering", "qa", ("e2e-runner", "order-service"), "CC-4600"),
    Team("검색추천팀", "Search", "search", ("search-api", "recommendation-service"), "CC-4350"),
    Team("프론트엔드팀", "Web Frontend", "web", ("web-frontend", "admin-console"), "CC-4420"),
    Team("플랫폼팀", "Platform", "platform", ("notification-service", "auth-gateway"), "CC-4000"),
)

KO_REPORTERS = (
    "김민준", "이서연", "박지호", "최서윤", "정도윤", "강하은", "조예준", "윤지우", "장시우",
    "임수아", "한지민", "오현우", "서지안", "신유준", "권민서", "황준서", "안채원", "송건우",
    "류다인", "전우진", "홍서현", "고은호", "문하린", "양지훈", "손예린", "배도현", "백소율",
    "허준영", "유나연", "남궁민",
)  # fmt: skip
EN_REPORTERS = (
    "Emily Carter", "James Wilson", "Olivia Brown", "Daniel Lee", "Sophia Nguyen",
    "Michael Johnson", "Grace Kim", "Ethan Park", "Hannah Miller", "Ryan Chen", "Chloe Davis",
    "Lucas Martin",
)  # fmt: skip
DEVOPS = ("최현우", "정다은", "강태윤", "윤성호", "Daniel Park", "Emily Chen")
APPROVERS = (
    ("박지훈", "팀장", "team lead"),
    ("이수진", "파트장", "part lead"),
    ("한동욱", "실장", "head of engineering"),
    ("김영희", "팀장", "team lead"),
    ("Sarah Kim", "EM", "Engineering Manager"),
    ("Michael Lee", "본부장", "Head of Platform"),
    ("Jessica Hwang", "리드", "tech lead"),
)

PERSON_LABELS = {
    "access": ("security", "team-platform", "onboarding", "gitlab", "urgent"),
    "cloud_resource": ("infra", "qa-env", "azure", "data", "team-platform", "backend"),
    "troubleshooting": ("urgent", "customer-impact", "backend", "frontend", "k8s", "gitlab"),
    "deployment": ("backend", "frontend", "release", "urgent", "qa-env"),
    "other": ("team-platform", "question", "license", "infra"),
}


@dataclass(frozen=True)
class Reporter:
    """Who files the ticket, and the team whose services and budget they use."""

    name: str
    team: Team


def pick_reporter(rng: random.Random, lang: str) -> Reporter:
    """Korean tickets come from Korean staff; English ones from both (mixed teams write English)."""
    names = KO_REPORTERS if lang == "ko" or rng.random() < 0.45 else EN_REPORTERS
    name = rng.choice(names)
    team = TEAMS[int(account_id(name), 16) % len(TEAMS)]
    return Reporter(name, team)


def approver_values(rng: random.Random, lang: str) -> dict[str, str]:
    """An approver as free text and as a mention (`@[Name]`), phrased for the language."""
    name, title_ko, title_en = rng.choice(APPROVERS)
    text = f"{name} {title_ko}님" if lang == "ko" else f"{name} ({title_en})"
    return {"approver": text, "approver.mention": f"@[{name}]", "approver.name": name}


def pick_labels(rng: random.Random, category: str) -> list[str]:
    """About 60% of tickets carry 1-3 labels a person set; never the bot's own labels."""
    if rng.random() >= 0.6:
        return []
    pool = PERSON_LABELS[category]
    return rng.sample(pool, rng.choice((1, 1, 1, 2, 2, 3)))


def user(name: str) -> dict[str, Any]:
    """A user object as GET /issue returns it (UserDetails)."""
    acc = account_id(name)
    return {
        "self": f"{SITE}/rest/api/3/user?accountId={acc}",
        "accountId": acc,
        "displayName": name,
        "active": True,
        "accountType": "atlassian",
        "timeZone": "Asia/Seoul",
    }
