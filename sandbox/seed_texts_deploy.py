"""Deployment requests (service, version, target environment, ArgoCD app)."""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import datetime

from sandbox.seed_markup import CategoryTexts
from sandbox.seed_people import Reporter

ENVS = (("dev", "개발"), ("qa", "QA"), ("stg", "스테이징"), ("stg", "스테이징"), ("prod", "운영"))
WINDOWS = {
    "ko": ("오늘 18시 이후", "내일 오전 10시", "가능한 빨리", "금요일 점심 전", "오늘 중"),
    "en": ("after 6pm today", "tomorrow 10am KST", "asap", "before Friday lunch", "any time today"),
}
CHANGES = {
    "ko": (
        "결제 취소 API 타임아웃 수정",
        "로그 레벨 조정",
        "주문 목록 페이징 버그 수정",
        "라이브러리 보안 패치",
        "신규 쿠폰 기능 (feature flag off)",
    ),
    "en": (
        "fix for the refund API timeout",
        "log level change",
        "pagination bug fix",
        "library security patch",
        "new coupon feature (behind a flag)",
    ),
}


def context(
    rng: random.Random, lang: str, reporter: Reporter, created: datetime, missing: Collection[str]
) -> dict[str, str]:
    """Draw a service, a version in one of the forms people use, an environment and an app.

    The ArgoCD app names the service and environment only when the ticket states those too, and
    templates put the MR link (which names the service) only on lines that carry the service, so
    a missing service or environment cannot be read off another field.
    """
    team = reporter.team
    service = rng.choice(team.services)
    env, env_ko = rng.choice(ENVS)
    sha = "".join(rng.choices("0123456789abcdef", k=7))
    mr = rng.randint(120, 990)
    versions = [
        f"v1.{rng.randint(0, 14)}.{rng.randint(0, 9)}",
        f"commit {sha}",
        f"tag release-{created:%Y.%m}.{rng.randint(1, 6)}",
        f"{sha} (main 최신)" if lang == "ko" else f"{sha} (latest main)",
        f"MR !{mr}",
    ]
    link = f"<https://gitlab.example.com/{team.domain}/{service}/-/merge_requests/{mr}>"
    if "service" in missing or "environment" in missing:
        app = f"{team.domain}-{rng.choice(('apps', 'workloads', 'services'))}"
    else:
        app = rng.choice((f"{service}-{env}", f"{env}-{service}", f"{team.domain}-{env}/{service}"))
    if lang == "ko":
        environment = rng.choice((env_ko, f"{env_ko}({env})", env))
    else:
        environment = rng.choice((env, {"prod": "production", "stg": "staging"}.get(env, env)))
    return {
        "svc": service,
        "service": service,
        "version": rng.choice(versions),
        "version.link": f"MR !{mr} {link}",
        "environment": environment,
        "argocd_app": app,
        "window": rng.choice(WINDOWS[lang]),
        "change": rng.choice(CHANGES[lang]),
    }


SUMMARIES = {
    "ko": (
        "{service} {environment} 배포 요청",
        "[배포] {service} {version} → {environment}",
        "{service} 배포 부탁드립니다",
        "배포 요청",
        "{environment} 배포 요청 ({version})",
        "[{environment}] {service} {version} 배포 (ArgoCD: {argocd_app})",
        "{service} 핫픽스 배포 요청",
    ),
    "en": (
        "Deploy {service} {version} to {environment}",
        "Deployment request: {service}",
        "Please deploy {service}",
        "Release {version} to {environment}",
        "Deployment request",
        "[{environment}] {service} {version} ({argocd_app})",
        "Hotfix deploy for {service}",
    ),
}

BODIES = {
    "ko": (
        """
안녕하세요, {team} {name}입니다.
{service} {environment} 배포 요청드립니다. || {service} 배포 요청드립니다. ||
{environment} 배포 요청드립니다. || 배포 요청드립니다.
- 버전: {version}
- ArgoCD 앱: `{argocd_app}`
- 배포 희망 시간: {window}
%%
감사합니다!
""",
        """
| 항목 | 값 |
| 서비스 | {service} |
| 버전 | {version} |
| 환경 | {environment} |
| ArgoCD | {argocd_app} |
| 변경 내용 | {change} |
%%
""",
        """
{version}(으)로 올려주세요 || 최신으로 올려주세요
%%
""",
        """
{service} 변경사항 머지 완료했습니다: {version.link} || 변경사항 머지 완료했습니다.
{environment}에 반영 부탁드립니다. || 반영 부탁드립니다.
ArgoCD sync 대상: {argocd_app}
QA 확인 완료 :white_check_mark:
%%
""",
        """
> 핫픽스 배포입니다. {change}
{service} {version} {environment} 배포 부탁드립니다. || {service} {version} 배포 부탁드립니다. ||
{service} 배포 부탁드립니다. || 배포 부탁드립니다.
ArgoCD: {argocd_app}
배포 시간: {window}
%%
""",
        """
배포 순서 부탁드립니다.
1. {argocd_app} 앱 auto-sync 해제 || 1. auto-sync 해제
2. 이미지 태그 {version} 반영 || 2. 이미지 태그 최신으로 반영
3. {environment} 헬스체크 확인 || 3. 헬스체크 확인
서비스는 {service}입니다.
%%
""",
        """
{service} deploy 요청 || deploy 요청
target: {environment}
version: {version}
argo app: {argocd_app}
변경: {change}
%%
""",
    ),
    "en": (
        """
Hi team,
Please deploy {service} to {environment}. || Please deploy {service}. ||
Please deploy to {environment}. || Please deploy.
- Version: {version}
- ArgoCD app: `{argocd_app}`
- Window: {window}
%%
Thanks!
""",
        """
| Field | Value |
| Service | {service} |
| Version | {version} |
| Environment | {environment} |
| ArgoCD app | {argocd_app} |
| Change | {change} |
%%
""",
        """
ship {version} pls || ship latest pls
%%
""",
        """
Merged the {service} change: {version.link} || Merged the change.
Could you roll it out to {environment}? || Could you roll it out?
ArgoCD app: {argocd_app}
QA signed off :white_check_mark:
%%
""",
        """
> Hotfix: {change}
{service} {version} to {environment}, please. || {service} {version}, please. ||
{service}, please. || Deploy please.
App: {argocd_app}
Timing: {window}
%%
""",
        """
Release steps:
1. Pause auto-sync on {argocd_app} || 1. Pause auto-sync
2. Bump the image tag to {version} || 2. Bump the image tag
3. Check health in {environment} || 3. Check health
Service: {service}
%%
""",
        """
## Release
{service} @ {version} || {service} || {version}
## Target
{environment}
## Argo
{argocd_app}
%%
""",
    ),
}

FALLBACKS = {
    "ko": {
        "service": "- 서비스: {service}",
        "version": "- 버전: {version}",
        "environment": "- 환경: {environment}",
        "argocd_app": "- ArgoCD 앱: {argocd_app}",
    },
    "en": {
        "service": "- Service: {service}",
        "version": "- Version: {version}",
        "environment": "- Environment: {environment}",
        "argocd_app": "- ArgoCD app: {argocd_app}",
    },
}

DEPLOY = CategoryTexts(
    name="deployment",
    items=("service", "version", "environment", "argocd_app"),
    miss_weights=(0.5, 1.2, 1.0, 1.5),
    summaries=SUMMARIES,
    bodies=BODIES,
    fallbacks=FALLBACKS,
    context=context,
)
