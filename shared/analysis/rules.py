"""The rules analyzer: deterministic, offline, bilingual. Always available; the LLM's evidence.

It classifies the ticket into one of this queue's categories by weighted keywords, detects the
reporter's language, and checks the category's checklist against the summary, description and
the reporter's own follow-up comments.
"""

from __future__ import annotations

import re

from shared.analysis.checklists import CHECKLISTS, ChecklistItem
from shared.analysis.models import Assessment, Category, Language, MissingItem, Verdict

RULES_VERSION = "rules-2026.11.1"

_CATEGORY_HINTS: dict[Category, tuple[tuple[re.Pattern[str], int], ...]] = {
    "access": tuple(
        (re.compile(p, re.IGNORECASE), w)
        for p, w in (
            (r"\b(access|permission|grant|role|invite|onboard(ing)?|account|login rights)\b", 3),
            (r"(권한|접근|초대|계정|가입|부여)", 3),
            (r"\b(developer|maintainer|reader|viewer|admin|read[- ]only)\b", 1),
        )
    ),
    "cloud_resource": tuple(
        (re.compile(p, re.IGNORECASE), w)
        for p, w in (
            (
                r"\b(create|provision|new|need|allocate)\b.{0,40}\b(database|db|storage account|"
                r"redis|cache|vm|virtual machine|static ip|public ip|load balancer|dns record|"
                r"service bus|key vault|bucket|aks|cluster|namespace|cosmos|postgres|mysql|rds|sql)\b",
                4,
            ),
            (
                r"\b(rds|postgres(ql)?|mysql|redis|storage account|static ip|public ip|dns record|"
                r"cname|service bus|event hub|key ?vault|cosmos ?db|vnet|subnet|sku)\b",
                2,
            ),
            (
                r"(생성|신청|할당|발급|추가).{0,20}(DB|데이터베이스|스토리지|레디스|고정\s?IP|공인\s?IP|DNS|레코드|"
                r"로드\s?밸런서|VM|가상\s?머신|버킷|클러스터)",
                4,
            ),
            (r"(데이터베이스|스토리지\s?계정|고정\s?IP|공인\s?IP|DNS\s?레코드|리소스\s?그룹|구독)", 2),
        )
    ),
    "troubleshooting": tuple(
        (re.compile(p, re.IGNORECASE), w)
        for p, w in (
            (
                r"\b(error|fail(s|ed|ing|ure)?|broken|not working|doesn'?t work|can'?t|cannot|"
                r"unable|crash\w*|timeout|timed out|502|503|500|denied|issue with|problem)\b",
                3,
            ),
            (r"(오류|에러|실패|안\s?됩니다|안\s?돼|되지\s?않|문제|장애|접속\s?불가|타임아웃)", 3),
            (r"\b(exception|traceback|CrashLoopBackOff|OOMKilled|fatal)\b", 2),
        )
    ),
    "deployment": tuple(
        (re.compile(p, re.IGNORECASE), w)
        for p, w in (
            (r"\b(deploy(ment)?|release|rollout|roll out|promote|sync|hotfix)\b", 3),
            (r"(배포|릴리즈|반영|롤아웃)", 3),
            (r"\bargo\s?cd\b", 1),
        )
    ),
}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> Language:
    """Korean when Hangul is a real share of the letters (tech terms are often Latin)."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0:
        return "en"
    # One Hangul syllable carries about three Latin letters' worth of text.
    return "ko" if hangul * 3 >= 0.4 * (hangul * 3 + latin) else "en"


def classify(summary: str, body: str) -> Category:
    """The category with the highest keyword score; the summary counts double."""
    best: Category = "other"
    best_score = 0
    for category, hints in _CATEGORY_HINTS.items():
        score = 0
        for pattern, weight in hints:
            if pattern.search(summary):
                score += 2 * weight
            if pattern.search(body):
                score += weight
        if score > best_score:
            best, best_score = category, score
    return best if best_score >= 3 else "other"


def score_items(items: tuple[ChecklistItem, ...], present: set[str]) -> int:
    if not items:
        return 100
    return round(100 * sum(1 for i in items if i.id in present) / len(items))


def verdict_for(score: int, threshold: int) -> Verdict:
    return "HIGH_QUALITY" if score >= threshold else "NEEDS_INFO"


def assess_text(
    summary: str,
    body: str,
    *,
    threshold: int,
    category: Category | None = None,
) -> Assessment:
    """Judge a ticket's text (summary, description, the reporter's follow-ups) by the checklist."""
    full = f"{summary}\n{body}"
    chosen = category or classify(summary, body)
    language = detect_language(full)
    items = CHECKLISTS[chosen]
    present = {i.id for i in items if i.found_in(full)}
    score = score_items(items, present)
    verdict = verdict_for(score, threshold)
    missing = tuple(
        MissingItem(id=i.id, label=i.label(language), why=i.why(language))
        for i in items
        if i.id not in present
    )
    return Assessment(
        score=score,
        verdict=verdict,
        category=chosen,
        language=language,
        missing=missing if verdict == "NEEDS_INFO" else (),
        present=tuple(i.id for i in items if i.id in present),
        analyzer="rules",
        version=RULES_VERSION,
    )
