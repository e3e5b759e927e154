"""Small, readable Jira issues for integration tests (the seeded month is for demo and bench)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from shared.analysis.models import Category
from shared.analysis.rules import assess_text

_now = datetime.now(UTC)


def jira_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def adf_doc(*paragraphs: str) -> dict[str, Any]:
    return {
        "type": "doc",
        "version": 1,
        "content": [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs if p]
        or [{"type": "paragraph", "content": []}],
    }


def issue(
    n: int,
    summary: str,
    *paragraphs: str,
    labels: list[str] | None = None,
    reporter: str = "rep-1",
    status: str = "new",
    age_hours: float = 2.0,
    project: str = "OPS",
    description: Any = ...,
    sandbox: dict[str, Any] | None = None,
) -> dict[str, Any]:
    created = _now - timedelta(hours=age_hours)
    raw: dict[str, Any] = {
        "id": str(10000 + n),
        "key": f"{project}-{n}",
        "self": f"https://sandbox.atlassian.net/rest/api/3/issue/{10000 + n}",
        "fields": {
            "summary": summary,
            "description": adf_doc(*paragraphs) if description is ... else description,
            "issuetype": {"name": "Service Request"},
            "status": {
                "name": {"new": "To Do", "indeterminate": "In Progress", "done": "Done"}[status],
                "statusCategory": {
                    "key": status,
                    "name": {"new": "To Do", "indeterminate": "In Progress", "done": "Done"}[status],
                },
            },
            "project": {"key": project, "name": project},
            "labels": list(labels or []),
            "components": [],
            "reporter": {"accountId": reporter, "displayName": "Reporter"},
            "assignee": None,
            "priority": {"name": "Medium"},
            "created": jira_time(created),
            "updated": jira_time(created),
            "resolutiondate": None,
            "comment": {"comments": [], "total": 0, "maxResults": 50, "startAt": 0},
        },
    }
    if sandbox:
        raw["_sandbox"] = sandbox
    return raw


COMPLETE_EN = (
    "GitLab access request",
    "Tool: GitLab",
    "Group: platform/payments",
    "Role: Developer",
    "Reason: I joined the payments team and need to push merge requests",
    "Approved by: Lee (team lead)",
)
INCOMPLETE_EN = ("GitLab access please", "Please give me access to GitLab group platform/payments.")
INCOMPLETE_KO = ("GitLab 권한 요청", "GitLab payments 그룹 권한 부탁드립니다.")
COMPLETE_DEPLOY = (
    "Deploy order-service v1.4.2 to stg",
    "Service: order-service",
    "Version: v1.4.2",
    "Environment: stg",
    "ArgoCD app: order-service-stg",
)


def small_queue() -> list[dict[str, Any]]:
    """Eight open tickets (two already carry people's labels) plus one done and one keyless."""
    keyless = issue(9, *INCOMPLETE_EN)
    keyless["_sandbox"] = {"quirk": "no_key"}
    return [
        issue(1, *COMPLETE_EN, labels=["urgent"]),
        issue(2, *INCOMPLETE_EN, labels=["backend", "security"]),
        issue(3, *INCOMPLETE_KO),
        issue(4, *COMPLETE_DEPLOY),
        issue(5, "Pipeline is broken", "The build fails."),
        issue(6, "QA 환경 DB 생성 요청", "QA 환경에 PostgreSQL 데이터베이스 생성 부탁드립니다."),
        issue(7, *INCOMPLETE_EN, description=None),
        issue(8, *INCOMPLETE_EN, description="plain string: access to GitLab group platform/payments"),
        keyless,
        issue(10, *INCOMPLETE_EN, status="done"),
    ]


def unanswered(summary: str, body: str, category: Category | None = None) -> set[str]:
    """Every checklist item the rules find unanswered (threshold 101: listed even on a complete
    verdict), for tests of one item's wording at a time."""
    return {m.id for m in assess_text(summary, body, threshold=101, category=category).missing}
