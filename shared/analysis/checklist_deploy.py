"""The deployment checklist: which service, which version, where to, and which ArgoCD app.

Its own module because its detectors are its own: a deploy of several services is complete only
when every part is (a row with a service and version but no ArgoCD app, next to rows that name
theirs, leaves the app missing), and a version is no answer while it is promised for later or is a
branch's moving head. `checklists` gathers it into the catalogue.
"""

from __future__ import annotations

import re

from shared.analysis import answer_cues as cues
from shared.analysis import vocabulary as vocab
from shared.analysis.checklist_item import ChecklistItem, Detector
from shared.analysis.ticket_text import TicketText

_VERSION = vocab.rx(*vocab.VERSION)


def named_thing(kinds: re.Pattern[str]) -> Detector:
    """ "the checkout service", "gateway 서비스": a plain name followed by what it is."""

    def found(doc: TicketText) -> bool:
        return any(m.group("id").lower() not in vocab.STOPWORDS for m in kinds.finditer(doc.prose))

    return found


_APP_ROW = re.compile(
    rf"^\s*(?:[-*•|]\s*)?[`'\"]?(?:{vocab.SERVICE_NAME})|^\s*(?:[-*•|]|"
    rf"\d{{1,2}}[.)])\s*[`'\"]?[a-z]\w*[-_][\w-]+",
    re.IGNORECASE,
)
_APP_MARK = re.compile(
    r"\b(?:argo ?cd|argo)\b *[:=]? *[`'\"]?[a-z][\w-]*|\b(?:app|application)\b *[:=]|"
    r"(?:앱|애플리케이션) *[:：]",
    re.IGNORECASE,
)


def _app_left_out(doc: TicketText) -> bool:
    """Several services with versions, some naming their ArgoCD app and some not."""
    rows = [ln for ln in doc.free.splitlines() if _APP_ROW.match(ln) and any(p.search(ln) for p in _VERSION)]
    marked = [_APP_MARK.search(row) is not None for row in rows]
    return len(rows) >= 2 and any(marked) and not all(marked)


# "prod: 버전은 QA 끝나고 따로 말씀드릴게요": one part's version is promised for later.
_VERSION_DEFERRED = re.compile(
    r"(?:버전|태그|version|tag)(?:은|는)? [^\n.]{0,20}(?:따로|나중에|추후|later|tbd|tbc|to be confirmed|"
    r"말씀드릴게요|알려드릴게요|공유드릴게요)",
    re.IGNORECASE,
)
# "main 최신", "latest of develop": a moving target, unless a commit or version pins it
# ("55e1b3e (main 최신)", or the reporter's later "Version: v1.4.2").
_VERSION_LABELS = vocab.label(
    r"version|버전|tag|태그|image tag|이미지 태그|commit|커밋|sha|build|release version|revision|"
    r"version ?/ ?tag|tag ?/ ?version|build number"
)
_VERSION_MOVING = re.compile(
    r"\b(?:develop|main|master|dev) +(?:최신|latest|head|"
    r"tip)\b|\blatest (?:of|on|from) (?:develop|main|master)\b",
    re.IGNORECASE,
)
_PINNED = re.compile(r"(?<![\w-])(?:[0-9a-f]{7,40}|v?\d+\.\d+(?:\.\d+)?\S*)(?![\w-])", re.IGNORECASE)


def _version_unsettled(doc: TicketText) -> bool:
    """A version promised for later, or a branch's moving head with nothing that pins it."""
    if _VERSION_DEFERRED.search(doc.free):
        return True
    for m in _VERSION_MOVING.finditer(doc.free):
        if _PINNED.search(doc.free[max(0, m.start() - 20) : m.start()]):
            continue  # "55e1b3e (main 최신)": the commit is named
        return not any(f.filled and _VERSION_LABELS.fullmatch(f.label) and _PINNED.search(f.value)
                       for f in doc.fields)  # fmt: skip
    return False


_SERVICE_KINDS = re.compile(
    r"(?<![\w/.@:-])(?P<id>[A-Za-z][\w-]*)[`'\"]? ?(?:서비스|service)(?![\w-])", re.IGNORECASE
)

DEPLOY = (
    ChecklistItem(
        "service",
        "Which service",
        "어떤 서비스인지",
        "We deploy per service; name the exact one.",
        "서비스 단위로 배포하므로 정확한 서비스명이 필요합니다.",
        vocab.rx(
            vocab.SERVICE_NAME,
            r"\b(?:service|component|svc) *[:=] *[`'\"]?[\w-]{3,}",
            r"서비스(?:는|:|명) ?[`'\"]?[\w-]{3,}",
            r"\b[\w-]+[-/][\w-]+ +(?:helm +)?chart\b|\bchart +[`'\"]?[\w-]+[-/][\w-]+",
            # "gateway 1.19.3 -> prod", "deploy `inventory-sync` 5.0.3 to QA": a name with its version.
            rf"(?<![\w.-])(?!(?:tag|version|image|release|build|commit|sha)\b)[a-z][\w-]+ +v?\d+\.\d+\S* *"
            rf"(?:->|→|to) *(?:{vocab.ENV_WORD})|"
            r"\bdeploy +[`'\"]?[a-z][\w-]+[`'\"]? +v?\d+\.\d+",
            # "Please deploy data portal to prod" (rules-2026.12.36, real shapes AN), or the latest of it
            # (rules-2026.12.38, real shapes AR): "deploy the latest drone-ingest to staging".
            rf"\bdeploy +(?:the +)?(?:latest +)?(?!(?:it|this|that|these|them|everything|latest|changes?|"
            rf"main|master|the|my|our|your|his|her|their|hotfix|fix|patch|build|release|version|image|branch|"
            rf"code|update)(?:\s|$))"
            rf"[a-z][\w-]*(?: +[a-z][\w-]*)? +(?:to|on|into) +(?:the +)?(?:{vocab.ENV_WORD})",
            r"(?<![\w가-힣-])[가-힣A-Za-z][\w가-힣-]+ +v?\d+\.\d+\.\d+\S* ?(?:배포|deploy)",
            # A product named in CamelCase (rules-2026.12.32, real shapes AH): "roll back MedsChart in
            # UAT", "get CareRecord 5.2.1 into our Training environment".
            rf"\b(?!(?:{vocab.TOOLS}|{vocab.PUBLIC_REGISTRIES})\b)(?-i:[A-Z][a-z]+[A-Z][A-Za-z]+)\b"
            r"(?= +(?:v?\d+\.\d+|in|to|on|into)\b)|"
            # ... with a word or two before the version (rules-2026.12.37, real shapes AP): "VisionLane OCR
            # engine 6.3.1".
            rf"\b(?!(?:{vocab.TOOLS}|{vocab.PUBLIC_REGISTRIES})\b)"
            r"(?-i:[A-Z][a-z]+[A-Z][A-Za-z]+)(?: +[A-Za-z]+){1,2}(?= +v?\d+\.\d+\.\d+)",
            # A hyphenated name and its version after a release verb (rules-2026.12.38, real shapes AQ):
            # "release the Android patch bundle **crownsaga-android-patch 1.43.2**".
            r"\b(?:release|deploy|roll ?out|publish|promote)\b[^\n]{0,40}?[`*'\" ]"
            r"[a-z]\w*-[\w-]+ +v?\d+\.\d+",
            # A change in the service's own repository (rules-2026.12.34, real shapes AI): "https://gitlab.x
            # /mes/spc-engine/-/merge_requests/412"; not a manifests or infra repository's.
            r"https?://[\w.-]*\b(?:gitlab|github|bitbucket|gitea)\b[\w.-]*/[\w.-]+/"
            r"(?![\w.-]*(?:manifest|gitops|deploy|infra|config|chart|k8s|kubernetes|environment|platform))"
            r"[A-Za-z][\w.-]+/(?:-/)?(?:merge_requests|pull|commits?|tree|releases|tags)/",
            # A system named by its acronym before "배포 요청" (rules-2026.12.40, real shapes AS):
            # "오픈뱅킹 GW 배포 요청", "FDS 관리자 화면 배포 요청"; an environment's acronym ("PRD 배포
            # 요청") is not one.
            r"^(?:\[[^\]\n]*\] *)?[^\n]{0,20}?"
            r"(?-i:\b(?!(?:PRD|PROD|STG|DEV|QA|UAT|SIT|DR|CI|CD|MR|PR)\b)"
            r"[A-Z]{2,}[A-Za-z]*\b)[^\n]{0,20}? ?배포 ?(?:요청|부탁|신청)",
            *cues.SERVICE,
        ),
        labels=vocab.label(r"services?|서비스|서비스명|component|컴포넌트|svc|service name|app name"),
        detector=named_thing(_SERVICE_KINDS),
    ),
    ChecklistItem(
        "version",
        "Version, tag or commit",
        "버전/태그/커밋",
        "Deploying exactly the reviewed build needs its version or commit.",
        "검토된 빌드를 정확히 배포하려면 버전이나 커밋이 필요합니다.",
        _VERSION,
        labels=_VERSION_LABELS,
        value=vocab.VERSION_VALUE,
        incomplete=_version_unsettled,
    ),
    ChecklistItem(
        "environment",
        "Target environment",
        "대상 환경",
        "Each environment has its own approval and rollout rules.",
        "환경마다 승인과 배포 절차가 다릅니다.",
        vocab.rx(vocab.ENV_WORD, *cues.DEPLOY_ENVIRONMENT),
        labels=vocab.label(
            r"env|environment|target|target env|stage|환경|대상|대상 ?환경|배포 ?환경|"
            r"(?:target|deployment) environment"
        ),
    ),
    ChecklistItem(
        "argocd_app",
        "ArgoCD application",
        "ArgoCD 애플리케이션",
        "The ArgoCD app is what we sync; the name avoids syncing the wrong one.",
        "동기화할 ArgoCD 앱을 정확히 알아야 잘못된 앱 배포를 막을 수 있습니다.",
        vocab.rx(
            r"\bargo ?(?:cd)?\b.{0,40}\b(?:app|application)s?\b *[:=]? *[`'\"]?[a-z][\w/-]*[-/][\w/-]+",
            r"\b(?:auto-?sync|sync|refresh|rollback) +(?:on|of|for) +[`'\"]?[a-z][\w/.-]*[-/][\w/.-]+",
            r"(?<![\w/.-])[a-z][\w/.-]*[-/][\w/.-]* ?(?:앱|애플리케이션)",
            vocab.ENV_NAMED,
            r"\b(?:app|application|앱) *[:=] *[`'\"]?[a-z][\w/-]+",
            # Answered in the negative: a service not deployed through ArgoCD has no app.
            r"argo ?cd ?(?:앱|애플리케이션)?(?:은|는|이|가)? ?(?:없습니다|없어요|없음)|"
            r"argo ?cd ?(?:로|으로)? ?"
            r"이관 ?(?:안|전)|\bnot (?:on|in|managed by|deployed (?:via|with|by|through)) argo ?cd\b|"
            r"\bno argo ?cd app(?:s|lications?)?\b|"
            # "ArgoCD 대상 아닙니다", "ArgoCD 관리 대상이 아닙니다" (rules-2026.12.45, real shapes BK, BL).
            r"argo ?cd ?(?:관리 ?|배포 ?)?대상(?:이|은)? ?(?:아닙니다|아님|아니에요|아니라)|"
            # ... said of the place (rules-2026.12.44, real shapes BD): "No ArgoCD there - ... so there's
            # no app to sync".
            r"\bno +argo ?cd +(?:there|here|in|on|for)\b|\bno +(?:argo ?cd +)?app +to +sync\b|"
            # Delivered by Flux, not ArgoCD (rules-2026.12.29, real shapes AD): "a Flux HelmRelease".
            r"\bflux +(?:helm ?release|kustomization)s?\b",
            r"\bargo ?cd +(?:app|application) +is +[`'\"]?[a-z][\w/-]*[-/][\w/-]+|"
            r"\bargo(?: ?cd)? ?(?:앱|애플리케이션)(?: ?(?:이름|명))?(?:은|는|:|=)? *"
            r"[`'\"]?[a-z][\w/-]*[-/][\w/-]+",
            *cues.ARGOCD_APP,
        ),
        labels=vocab.label(
            r"argo|argocd|argo cd|argocd apps?|argocd applications?|argo apps?|argo applications?|app|"
            r"application|"
            r"앱|"
            r"애플리케이션|argocd 앱|argocd 애플리케이션|(?:argocd )?sync 대상|sync target"
        ),
        incomplete=_app_left_out,
    ),
)
