"""Normalised 'what was asked' signatures, so the same request in Korean and English falls together.

"GitLab developer access to group X" and "GitLab 그룹 X Developer 권한 요청" both become
`access/gitlab/developer`. Pure dictionaries of synonyms; no I/O. Here, below both, because the
triage (a faster path offered in its question, DEFLECTION_LINKS) and the report name requests alike.
"""

from __future__ import annotations

import re

_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("gitlab", r"gitlab|git\s?lab|깃랩"),
    ("argocd", r"argo\s?cd|아르고"),
    ("datadog", r"datadog|데이터독"),
    ("grafana", r"grafana|그라파나"),
    ("vault", r"\bvault\b|볼트"),
    ("jira", r"\bjira\b|지라"),
    ("confluence", r"confluence|컨플루언스"),
    ("jenkins", r"jenkins|젠킨스"),
    ("harbor", r"\bharbor\b|하버"),
    ("sonarqube", r"sonar\s?qube"),
    ("azure-portal", r"azure\s?(portal|ad|entra)|애저\s?포털"),
    ("postgres", r"postgres(ql)?|\brds\b|포스트그레스"),
    ("mysql", r"mysql|마이에스큐엘"),
    ("redis", r"redis|레디스"),
    ("storage-account", r"storage\s?account|blob\s?storage|스토리지\s?계정|스토리지"),
    ("static-ip", r"static\s?ip|public\s?ip|고정\s?ip|공인\s?ip"),
    ("dns-record", r"dns|cname|a\s?record|도메인|레코드"),
    ("load-balancer", r"load\s?balancer|\blb\b|로드\s?밸런서"),
    ("service-bus", r"service\s?bus|서비스\s?버스"),
    ("key-vault", r"key\s?vault|키\s?볼트"),
    ("namespace", r"namespace|네임스페이스"),
    ("vm", r"\bvm\b|virtual\s?machine|가상\s?머신"),
    ("pipeline", r"pipeline|\bci\b|build|빌드|파이프라인"),
    ("git", r"\bgit\b|push|clone|merge|rebase|푸시|클론"),
    ("pod", r"\bpod\b|crashloop|oomkilled|파드"),
    ("certificate", r"certificate|\btls\b|\bssl\b|인증서"),
    ("gateway", r"\b50[234]\b|gateway|게이트웨이"),
    ("login", r"\blogin\b|\bsso\b|로그인"),
)
Named = tuple[tuple[str, re.Pattern[str]], ...]


def _named(pairs: tuple[tuple[str, str], ...]) -> Named:
    """(name, pattern) pairs compiled case-insensitively, in their order of preference."""
    return tuple((name, re.compile(p, re.IGNORECASE)) for name, p in pairs)


_SUBJECT_PATTERNS = _named(_SUBJECTS)
_ROLES = _named(
    (
        ("admin", r"\badmin(istrator)?\b|관리자|owner|오너"),
        ("maintainer", r"maintainer|메인테이너"),
        ("developer", r"developer|개발자\s?권한|\bdev\s?role"),
        ("read-only", r"read[- ]?only|reader|viewer|guest|읽기|조회|뷰어"),
        ("write", r"read[- /]?write|\bwrite\b|쓰기|editor|편집"),
    )
)
_ENVS = _named(
    (
        ("prod", r"\bprod(uction)?\b|운영"),
        ("stg", r"\bst(a)?g(ing|e)?\b|스테이징"),
        ("qa", r"\bqa\b|검증|테스트\s?환경"),
        ("dev", r"\bdev(elop(ment)?)?\b|개발\s?환경|개발\s?서버"),
    )
)
_SERVICE = re.compile(
    r"\b([a-z][a-z0-9]+-(?:api|service|gateway|web|worker|app|batch|frontend|backend|svc))\b", re.I
)


def subject_of(text: str) -> str:
    """The first tool or resource named (summary first, then body), or "general"."""
    best: tuple[int, str] | None = None
    for name, pattern in _SUBJECT_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else "general"


def _first(options: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    for name, pattern in options:
        if pattern.search(text):
            return name
    return None


def signature(category: str, summary: str, body: str) -> tuple[str, str, str]:
    """(request_kind, subject, signature) for one ticket."""
    head = f"{summary}\n{body[:2000]}"
    subject = subject_of(summary) if subject_of(summary) != "general" else subject_of(head)
    if category == "access":
        qualifier = _first(_ROLES, head) or "unspecified-role"
        return "access:grant", subject, f"access/{subject}/{qualifier}"
    if category == "cloud_resource":
        env = _first(_ENVS, head) or "any-env"
        return f"cloud_resource:{subject}", subject, f"cloud_resource/{subject}/{env}"
    if category == "troubleshooting":
        return f"troubleshooting:{subject}", subject, f"troubleshooting/{subject}"
    if category == "deployment":
        service = _SERVICE.search(head)
        env = _first(_ENVS, head) or "any-env"
        name = service.group(1).lower() if service else "unnamed-service"
        return f"deployment:{env}", name, f"deployment/{name}/{env}"
    return "other", subject, f"other/{subject}"


def llm_signature(category: str, subject: str, qualifier: str) -> tuple[str, str, str]:
    """The same signature shape from the LLM's (validated, slugged) reading of a ticket."""
    if category == "access":
        return "access:grant", subject, f"access/{subject}/{qualifier or 'unspecified-role'}"
    if category in ("cloud_resource", "deployment"):
        kind = (
            f"{category}:{subject}"
            if category == "cloud_resource"
            else f"deployment:{qualifier or 'any-env'}"
        )
        return kind, subject, f"{category}/{subject}/{qualifier or 'any-env'}"
    if category == "troubleshooting":
        return f"troubleshooting:{subject}", subject, f"troubleshooting/{subject}"
    return "other", subject, f"other/{subject}"
