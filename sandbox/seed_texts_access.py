"""Access-request tickets: who wants which tool, where, with what role, why, approved by whom."""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import datetime

from sandbox.seed_bodies_access import BODIES
from sandbox.seed_markup import CategoryTexts
from sandbox.seed_people import Reporter, approver_values

# tool -> scopes as (pattern, Korean kind, English kind) and roles as (ko, en).
# {d} is the reporter's team domain, {s} one of its services.
TOOLS: tuple[tuple[str, tuple[tuple[str, str, str], ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "GitLab",
        (("{d}/{s}", "프로젝트", "project"), ("{d}", "그룹", "group")),
        (("Developer", "Developer"), ("Maintainer", "Maintainer"), ("Reporter", "Reporter")),
    ),
    (
        "ArgoCD",
        (("{d}", "프로젝트", "project"), ("{s}-stg", "애플리케이션", "application")),
        (
            ("read-only", "read-only"),
            ("sync 권한(deployer)", "deployer (sync)"),
            ("admin", "admin"),
        ),
    ),
    (
        "Datadog",
        (("team:{d}", "팀", "team"), ("{s}", "대시보드/모니터", "dashboards and monitors")),
        (("Read Only", "Read Only"), ("Standard", "Standard")),
    ),
    (
        "Azure portal",
        (
            ("sub-{d}-nonprod", "구독", "subscription"),
            ("rg-{s}-qa-krc", "리소스 그룹", "resource group"),
        ),
        (("Reader", "Reader"), ("Contributor", "Contributor"), ("읽기 전용", "read-only")),
    ),
    (
        "Grafana",
        (("{d}", "폴더", "folder"), ("k8s-overview", "폴더", "folder")),
        (("Viewer", "Viewer"), ("Editor", "Editor")),
    ),
    (
        "Vault",
        (("secret/data/{d}/{s}/*", "경로", "path"), ("kv/{s}/stg", "경로", "path")),
        (("read-only 정책", "read-only policy"), ("read/write 정책", "read/write policy")),
    ),
    (
        "Jira",
        (("{D}", "프로젝트", "project"), ("{D}", "보드", "board")),
        (("프로젝트 관리자", "project admin"), ("일반 사용자", "member")),
    ),
    (
        "AKS (kubectl)",
        (("{s}-dev", "네임스페이스", "namespace"), ("{d}-qa", "네임스페이스", "namespace")),
        (("view (읽기 전용)", "view (read-only)"), ("edit", "edit")),
    ),
)

JUSTIFICATIONS = {
    "ko": (
        "신규 입사자 온보딩",
        "{s} 장애 원인 분석",
        "{s} 업무 이관",
        "QA 환경 직접 배포",
        "월말 정산 배치 모니터링 담당",
        "{s} 성능 개선 작업",
        "보안 점검 대응",
    ),
    "en": (
        "onboarding a new team member",
        "investigating the {s} incident",
        "taking over {s} from another team",
        "running the QA deployments myself",
        "on-call monitoring of {s}",
        "the {s} performance work this sprint",
        "the quarterly security review",
    ),
}


def context(
    rng: random.Random, lang: str, reporter: Reporter, created: datetime, missing: Collection[str]
) -> dict[str, str]:
    """Draw two coherent tool/scope/role triples plus reason and approver."""
    ctx: dict[str, str] = {}
    team = reporter.team
    for suffix, (tool, scopes, roles) in zip(("", ".2"), rng.sample(TOOLS, 2), strict=True):
        service = rng.choice(team.services)
        pattern, kind_ko, kind_en = rng.choice(scopes)
        where = pattern.format(d=team.domain, s=service, D=team.domain[:3].upper())
        kind = kind_ko if lang == "ko" else kind_en
        ctx["tool" + suffix] = tool
        ctx["scope" + suffix] = f"{where} {kind}".strip()
        ctx["role" + suffix] = rng.choice(roles)[0 if lang == "ko" else 1]
    reason = rng.choice(JUSTIFICATIONS[lang])
    ctx["justification"] = reason.format(s=rng.choice(team.services))
    ctx.update(approver_values(rng, lang))
    return ctx


SUMMARIES = {
    "ko": (
        "{tool} 권한 요청",
        "[권한요청] {tool} {scope} {role}",
        "{tool} {role} 권한 부탁드립니다",
        "권한 요청드립니다",
        "{tool} 접근 권한 신청 ({scope})",
        "[{tool}] {role} 권한 추가 요청 - {name}",
        "{name} {tool} 계정/권한 요청",
        "{scope} 권한 좀 주세요",
        "{tool} {scope} {role} 권한 요청 (승인: {approver})",
        "신규 입사자 권한 요청",
        "[{tool}] 권한 신청 - {justification}",
    ),
    "en": (
        "{tool} access request",
        "Access to {tool} ({scope})",
        "Need {role} on {tool} {scope}",
        "Requesting {role} role in {tool}",
        "Access request",
        "Please grant me access",
        "[Access] {tool} - {scope} - {role} (approved by {approver})",
        "{tool} permissions for {name}",
        "New joiner: tool access",
        "{tool} access for {justification}",
    ),
}

FALLBACKS = {
    "ko": {
        "tool": "- 시스템: {tool}",
        "scope": "- 범위: {scope}",
        "role": "- 권한: {role}",
        "justification": "- 사유: {justification}",
        "approver": "- 승인자: {approver}",
    },
    "en": {
        "tool": "- Tool: {tool}",
        "scope": "- Scope: {scope}",
        "role": "- Role: {role}",
        "justification": "- Reason: {justification}",
        "approver": "- Approved by: {approver}",
    },
}

ACCESS = CategoryTexts(
    name="access",
    items=("tool", "scope", "role", "justification", "approver"),
    miss_weights=(0.3, 1.2, 1.0, 1.3, 1.5),
    summaries=SUMMARIES,
    bodies=BODIES,
    fallbacks=FALLBACKS,
    context=context,
)
