"""Troubleshooting tickets: what broke, when, where, the exact error, how to reproduce, impact."""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import datetime, timedelta, timezone

from sandbox.seed_bodies_trouble import BODIES
from sandbox.seed_markup import CategoryTexts
from sandbox.seed_people import Reporter
from sandbox.seed_texts_logs import SCENARIOS, render_log

KST = timezone(timedelta(hours=9))
ENVS = (("dev", "개발"), ("qa", "QA"), ("stg", "스테이징"), ("prod", "운영"), ("prod", "운영"))
IMPACTS = {
    "ko": (
        "QA팀 회귀 테스트가 전부 막혀 있습니다",
        "운영 결제 일부가 실패하고 있습니다 (약 5%)",
        "저만 영향 있고 급하지는 않습니다",
        "오늘 18시 릴리즈 예정이라 급합니다",
        "팀 전체(8명) 머지가 막혀 있어요",
        "고객 문의가 들어오고 있습니다",
        "핫픽스 배포를 못 하고 있습니다",
    ),
    "en": (
        "the whole QA regression run is blocked",
        "about 5% of production checkouts are failing",
        "only affects me, not urgent",
        "we have a release at 6pm today, so it's urgent",
        "the whole team (8 people) can't merge",
        "customers are starting to complain",
        "we can't ship a hotfix",
    ),
}


def _when(rng: random.Random, lang: str, created: datetime) -> str:
    """A time phrase as people write it, anchored on when the ticket was filed."""
    local = created.astimezone(KST)
    since = local - timedelta(minutes=rng.choice((20, 45, 90, 150)))
    if lang == "ko":
        half = "오전" if since.hour < 12 else "오후"
        hour = since.hour if since.hour <= 12 else since.hour - 12
        return rng.choice(
            (
                f"오늘 {half} {hour}시쯤부터",
                f"{since:%m/%d} {since:%H:%M}경부터",
                "어제 오후 3시부터",
                "30분 전부터",
                "오늘 아침부터 계속",
                "지난 배포 이후부터",
            )
        )
    return rng.choice(
        (
            f"since about {since:%H:%M} KST today",
            f"since {since:%b %d}, {since:%H:%M} KST",
            "since yesterday afternoon (~3pm)",
            "for the last 30 minutes",
            "right after this morning's deploy",
            "since Monday",
        )
    )


def context(
    rng: random.Random, lang: str, reporter: Reporter, created: datetime, missing: Collection[str]
) -> dict[str, str]:
    """Draw a scenario and phrase its symptom, location, time, error, steps and impact."""
    team = reporter.team
    service = rng.choice(team.services)
    sc = rng.choice(SCENARIOS)
    env, env_ko = rng.choice(ENVS)
    repo = f"{team.domain}/{service}"
    branch = rng.choice(("main", "develop", f"feature/{rng.randint(100, 999)}-cleanup"))
    cluster = f"aks-{team.domain}-{env}"
    ko = lang == "ko"
    if sc.where == "git":
        where = f"{repo} 저장소 ({branch} 브랜치)" if ko else f"repo {repo}, branch {branch}"
    elif sc.where == "ci":
        pipeline = rng.randint(18000, 99000)
        where = (
            f"{repo} 파이프라인 #{pipeline} ({branch})" if ko else f"{repo} pipeline #{pipeline} ({branch})"
        )
    elif sc.where == "k8s":
        where = (
            f"{env_ko}({env}) {cluster} 클러스터, {service}" if ko else f"{env} cluster {cluster}, {service}"
        )
    else:
        where = f"{env_ko} 환경 {service}" if ko else f"{service} in {env}"
    at = created - timedelta(minutes=rng.randint(3, 120))
    return {
        "svc": service,
        "symptom": sc.symptom_ko if ko else sc.symptom_en,
        "where": where,
        "when": _when(rng, lang, created),
        "error": render_log(sc.error, service, team.domain, at),
        "error.line": render_log(sc.error_line, service, team.domain, at),
        "steps": sc.steps_ko if ko else sc.steps_en,
        "impact": rng.choice(IMPACTS[lang]),
    }


SUMMARIES = {
    "ko": (
        "{symptom}",
        "[{where}] {symptom}",
        "[장애] {symptom} ({when})",
        "[{where}] {symptom} - {when}",
        "{error.line}",
        "도와주세요 ㅠㅠ",
        "확인 부탁드립니다 - 급함",
        "{symptom} (영향: {impact})",
        "에러 문의",
    ),
    "en": (
        "{symptom}",
        "[{where}] {symptom}",
        "URGENT: {symptom}",
        "[{where}] {symptom}, {when}",
        "{error.line}",
        "Help needed",
        "Something is broken",
        "{symptom} - {impact}",
    ),
}

FALLBACKS = {
    "ko": {
        "symptom": "- 증상: {symptom}",
        "when": "- 발생 시점: {when}",
        "where": "- 환경: {where}",
        "error": "```\n{error}\n```",
        "steps": "재현 순서 {?steps}\n1. {steps}",
        "impact": "- 영향: {impact}",
    },
    "en": {
        "symptom": "- Symptom: {symptom}",
        "when": "- Since: {when}",
        "where": "- Where: {where}",
        "error": "```\n{error}\n```",
        "steps": "Steps: {?steps}\n1. {steps}",
        "impact": "- Impact: {impact}",
    },
}

TROUBLE = CategoryTexts(
    name="troubleshooting",
    items=("symptom", "when", "where", "error", "steps", "impact"),
    miss_weights=(0.4, 1.0, 0.9, 1.0, 1.5, 1.2),
    summaries=SUMMARIES,
    bodies=BODIES,
    fallbacks=FALLBACKS,
    context=context,
)
