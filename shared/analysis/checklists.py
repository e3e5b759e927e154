"""Per-category checklists of this DevOps queue: what an assignee needs before work can start.

Each item has the question we ask (Korean and English), why it matters, and the patterns that
show the ticket already answers it. Both analyzers use the same item ids, so the comment is always
built from this catalogue, never from model-written text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.analysis.models import Category


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    label_en: str
    label_ko: str
    why_en: str
    why_ko: str
    patterns: tuple[re.Pattern[str], ...]

    def label(self, language: str) -> str:
        return self.label_ko if language == "ko" else self.label_en

    def why(self, language: str) -> str:
        return self.why_ko if language == "ko" else self.why_en

    def found_in(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in patterns)


TOOLS = (
    r"jira|gitlab|git\s?lab|argo\s?cd|datadog|azure\s?(portal|devops|ad)?|grafana|vault|confluence|"
    r"sonarqube|jenkins|harbor|kibana|깃랩|지라|아르고"
)
ENVS = (
    r"\b(dev|develop|development|qa|stg|stage|staging|prod|production|sandbox|perf|uat)\b|"
    r"개발\s?(환경|서버)?|운영\s?(환경|서버)?|스테이징|검증\s?환경|테스트\s?환경|QA\s?환경"
)

ACCESS = (
    ChecklistItem(
        "tool",
        "Which tool or system",
        "어떤 도구/시스템인지",
        "Access is granted per tool; we cannot guess which one.",
        "권한은 도구별로 부여되므로 어떤 도구인지 알아야 합니다.",
        _p(TOOLS),
    ),
    ChecklistItem(
        "scope",
        "Which group, project, namespace or scope",
        "어떤 그룹/프로젝트/네임스페이스(범위)인지",
        "Access is granted on a specific group, project or namespace, not the whole tool.",
        "권한은 도구 전체가 아니라 특정 그룹·프로젝트·네임스페이스 단위로 부여됩니다.",
        _p(
            r"\b(group|project|namespace|repo(sitory)?|space|board|org(anization)?|team|"
            r"subscription|resource\s?group|dashboard|app(lication)?|ns)\b\s*[:=]?\s*[`'\"]?[\w./-]{2,}",
            r"(그룹|프로젝트|네임스페이스|저장소|레포|스페이스|보드|구독|리소스\s?그룹|대시보드|조직)",
            r"\b[\w-]+/[\w./-]+\b",
        ),
    ),
    ChecklistItem(
        "role",
        "Which role or permission level",
        "어떤 역할/권한 수준인지",
        "The role decides what you can change; least privilege needs it stated.",
        "역할에 따라 가능한 작업이 달라지므로 필요한 권한 수준을 명시해야 합니다.",
        _p(
            r"\b(developer|maintainer|owner|reporter|guest|reader|viewer|editor|contributor|"
            r"admin(istrator)?|read[- ]?only|read[- /]?write|write|member|operator|sync)\b",
            r"(읽기|쓰기|관리자|개발자\s?권한|메인테이너|뷰어|편집|조회|배포\s?권한|읽기\s?전용|오너)",
        ),
    ),
    ChecklistItem(
        "justification",
        "Why the access is needed",
        "권한이 필요한 이유",
        "Approvers and audits need the business reason.",
        "승인과 감사를 위해 업무상 필요한 이유가 있어야 합니다.",
        _p(
            r"\b(because|reason|purpose|need(ed)? (it |this )?(to|for)|in order to|so that|"
            r"for (the )?(project|task|migration|on-?call|release|debugging|onboarding)|joined|onboard)",
            r"(때문|위해|위한|필요합니다|이유|목적|업무|담당하게|합류|온보딩|진행하려고|하려고)",
        ),
    ),
    ChecklistItem(
        "approver",
        "Who approves the request",
        "승인자",
        "Access changes need a named approver (team lead or owner).",
        "권한 변경에는 승인자(팀장 또는 담당 오너)가 필요합니다.",
        _p(
            r"\b(approv(ed|er|al)|approved by|sign[- ]?off|manager|team lead|lead)\b",
            r"(승인|결재|팀장|리드|매니저)",
        ),
    ),
)

CLOUD = (
    ChecklistItem(
        "subscription",
        "Subscription or resource group",
        "구독 또는 리소스 그룹",
        "Resources are created in a specific subscription and resource group.",
        "리소스는 특정 구독과 리소스 그룹에 생성됩니다.",
        _p(r"\b(subscription|resource[ -]?group|rg-[\w-]+|sub-[\w-]+)\b", r"(구독|리소스\s?그룹)"),
    ),
    ChecklistItem(
        "environment",
        "Target environment",
        "대상 환경",
        "Dev, QA and production have different networks, policies and approvals.",
        "개발/QA/운영 환경마다 네트워크, 정책, 승인 절차가 다릅니다.",
        _p(ENVS),
    ),
    ChecklistItem(
        "region",
        "Region",
        "리전",
        "Region decides latency, data residency and available SKUs.",
        "리전에 따라 지연 시간, 데이터 위치, 사용 가능한 SKU가 달라집니다.",
        _p(
            r"\b(korea\s?central|korea\s?south|koreacentral|koreasouth|(east|west|central|north|south)\s?(us|europe|asia)\d?|"
            r"(us|europe|asia|japan)\s?(east|west|central|north|south)\d?|region)\b",
            r"(리전|지역|한국\s?중부|한국\s?남부)",
        ),
    ),
    ChecklistItem(
        "resource_spec",
        "Resource type and size",
        "리소스 종류와 사양",
        "Type, SKU and size drive cost and capacity.",
        "종류·SKU·크기에 따라 비용과 용량이 정해집니다.",
        _p(
            r"\b(sku|tier|standard|premium|basic|general\s?purpose|\d+\s?(vcpu|vcores?|cores?|gb|gib|tb|mb)|"
            r"[BDEF]\d+[a-z]*s?_v\d|[A-Z]\d{1,2}s?\b|size)\b",
            r"(사양|크기|용량|코어|\d+\s?기가)",
        ),
    ),
    ChecklistItem(
        "network",
        "Network and DNS details",
        "네트워크/DNS 정보",
        "VNet, subnet, ports and DNS names are needed to wire the resource in.",
        "VNet, 서브넷, 포트, DNS 이름이 있어야 리소스를 연결할 수 있습니다.",
        _p(
            r"\b(vnet|subnet|private\s?endpoint|fqdn|dns|cname|a\s?record|txt\s?record|port\s?\d+|"
            r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[\w-]+\.(com|net|io|internal|local|kr)|nsg|firewall|ingress)\b",
            r"(서브넷|네트워크|도메인|레코드|포트|방화벽|사설\s?IP|고정\s?IP)",
        ),
    ),
    ChecklistItem(
        "cost_owner",
        "Cost owner (cost center or budget)",
        "비용 부서(코스트 센터/예산 코드)",
        "Every resource is charged to a cost center; finance needs the owner.",
        "모든 리소스는 비용 부서에 청구되므로 비용 책임 부서가 필요합니다.",
        _p(
            r"\b(cost[ -]?(center|centre|owner|code)|budget|billing|charge(d)? to|cc-\d+)\b",
            r"(비용|코스트\s?센터|예산|청구|과금)",
        ),
    ),
)

TROUBLE = (
    ChecklistItem(
        "symptom",
        "What happened",
        "어떤 문제가 발생했는지",
        "A clear description of the symptom is where diagnosis starts.",
        "증상이 명확해야 원인 파악을 시작할 수 있습니다.",
        _p(
            r"\b(fail(s|ed|ing)?|error|broken|not working|doesn'?t work|cannot|can'?t|unable|"
            r"crash(es|ing)?|timeout|timed out|denied|rejected|down|stuck|hang(s|ing)?|5\d\d)\b",
            r"(실패|오류|에러|안\s?됩니다|안\s?돼|되지\s?않|불가|멈춤|다운|접속이?\s?안|거부|타임아웃|재시작)",
        ),
    ),
    ChecklistItem(
        "when",
        "When it started",
        "언제부터 발생했는지",
        "The start time lines the problem up with changes and deployments.",
        "발생 시점을 알아야 변경·배포 이력과 대조할 수 있습니다.",
        _p(
            r"\b(since|started|yesterday|today|this (morning|afternoon)|last (night|week)|ago|"
            r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|at \d{1,2}\s?(am|pm))\b",
            r"(부터|어제|오늘|아침|오전|오후|저녁|지난|방금|\d+\s?시|\d+월\s?\d+일)",
        ),
    ),
    ChecklistItem(
        "where",
        "Where: environment, service or repository",
        "어디서(환경/서비스/저장소)",
        "We need the exact environment, service, cluster or repo to look at.",
        "확인할 환경, 서비스, 클러스터 또는 저장소를 정확히 알아야 합니다.",
        _p(
            ENVS,
            r"\b(cluster|namespace|repo(sitory)?|pipeline|service|pod|aks|server|branch)\b\s*[:=]?\s*[`'\"]?[\w./-]{2,}",
            r"\b[\w]+-(api|service|gateway|web|worker|app)\b",
            r"(클러스터|네임스페이스|저장소|파이프라인|서비스|서버)",
        ),
    ),
    ChecklistItem(
        "error",
        "The exact error message or log",
        "정확한 오류 메시지 또는 로그",
        "The exact message usually points straight at the cause.",
        "정확한 오류 메시지가 원인을 바로 가리키는 경우가 많습니다.",
        _p(
            r"(exception|traceback|stack ?trace|error:|fatal:|\b(E|W)\d{4}\b|status code|HTTP/\d|"
            r"\b(4|5)\d\d\b|exit code|CrashLoopBackOff|ImagePullBackOff|OOMKilled|denied|"
            r"\[error\]|level=error|ERROR\b)",
            r"(에러\s?메시지|오류\s?메시지|로그)",
        ),
    ),
    ChecklistItem(
        "steps",
        "Steps to reproduce",
        "재현 방법",
        "Reproducing the problem is the fastest way to confirm the fix.",
        "재현할 수 있어야 수정 여부를 빠르게 확인할 수 있습니다.",
        _p(
            r"\b(steps?|reproduce|repro|when i (run|try|push|click|open|deploy)|after (running|i)|"
            r"i ran|i tried|run(ning)? `|\$ \w+)",
            r"(재현|단계|실행하면|실행했|시도했|하면\s|했더니|누르면|명령어)",
            r"^\s*\d+[.)]\s",
        ),
    ),
    ChecklistItem(
        "impact",
        "Impact: who is blocked and how badly",
        "영향 범위(누가, 얼마나 막혔는지)",
        "Impact sets the priority against the rest of the queue.",
        "영향 범위에 따라 다른 요청 대비 우선순위가 정해집니다.",
        _p(
            r"\b(block(ed|ing|s)?|impact|urgent|users?|customers?|team|release|production outage|"
            r"all (developers|users)|critical|severity|sev\d|p[0-4])\b",
            r"(영향|막혀|블로킹|긴급|고객|사용자|전체|배포가?\s?불가|릴리즈|장애)",
        ),
    ),
)

DEPLOY = (
    ChecklistItem(
        "service",
        "Which service",
        "어떤 서비스인지",
        "We deploy per service; name the exact one.",
        "서비스 단위로 배포하므로 정확한 서비스명이 필요합니다.",
        _p(
            r"\b[\w]+-(api|service|gateway|web|worker|app|batch|frontend|backend|svc)\b",
            r"\b(service|app(lication)?|component)\b\s*[:=]?\s*[`'\"]?[\w-]{3,}",
            r"(서비스|애플리케이션)\s*[:：]?\s*[\w-]{3,}",
        ),
    ),
    ChecklistItem(
        "version",
        "Version, tag or commit",
        "버전/태그/커밋",
        "Deploying exactly the reviewed build needs its version or commit.",
        "검토된 빌드를 정확히 배포하려면 버전이나 커밋이 필요합니다.",
        _p(
            r"\bv?\d+\.\d+(\.\d+)?(-[\w.]+)?\b",
            r"\b[0-9a-f]{7,40}\b",
            r"\b(tag|commit|sha|release|merge request|MR|!\d+|build #?\d+)\b",
            r"(버전|태그|커밋)",
        ),
    ),
    ChecklistItem(
        "environment",
        "Target environment",
        "대상 환경",
        "Each environment has its own approval and rollout rules.",
        "환경마다 승인과 배포 절차가 다릅니다.",
        _p(ENVS),
    ),
    ChecklistItem(
        "argocd_app",
        "ArgoCD application",
        "ArgoCD 애플리케이션",
        "The ArgoCD app is what we sync; the name avoids syncing the wrong one.",
        "동기화할 ArgoCD 앱을 정확히 알아야 잘못된 앱 배포를 막을 수 있습니다.",
        _p(
            r"\bargo\s?cd\b.{0,40}\b(app|application)\b",
            r"\b(app|application)\s*[:=]\s*[\w-]+",
            r"(아르고|argo).{0,20}(앱|애플리케이션)",
        ),
    ),
)

OTHER = (
    ChecklistItem(
        "details",
        "What you need, in a few sentences",
        "무엇이 필요한지 몇 문장으로",
        "Without a description the assignee has to ask before starting.",
        "설명이 없으면 담당자가 작업 전에 다시 물어봐야 합니다.",
        _p(r"\S{2,}(\s+\S{2,}){7,}", r"[가-힣]{2,}(\s+\S+){4,}"),
    ),
)

CHECKLISTS: dict[Category, tuple[ChecklistItem, ...]] = {
    "access": ACCESS,
    "cloud_resource": CLOUD,
    "troubleshooting": TROUBLE,
    "deployment": DEPLOY,
    "other": OTHER,
}
ITEM_IDS: frozenset[str] = frozenset(i.id for items in CHECKLISTS.values() for i in items)


def item(category: Category, item_id: str) -> ChecklistItem | None:
    return next((i for i in CHECKLISTS[category] if i.id == item_id), None)
