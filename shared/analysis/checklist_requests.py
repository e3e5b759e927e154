"""The request checklists: access to a tool, and a new cloud resource.

Kept apart from `checklists` (the catalogue) only to keep modules short.
"""

from __future__ import annotations

import re

from shared.analysis import checklist_patterns as cp
from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.checklist_text import TicketText


def _scope(doc: TicketText) -> bool:
    """A named group/project/namespace/path: "payments group", "namespace foo-dev", "a/b"."""
    free = _URL.sub(" ", doc.prose)
    for m in _SCOPE_BEFORE.finditer(free):
        ident = m.group("id")
        if ident.endswith(":"):
            continue
        if ident.lower() not in cp.STOPWORDS and not cp.TOOL.fullmatch(ident) and not _ROLE.fullmatch(ident):
            return True
    for m in _SCOPE_AFTER.finditer(free):
        ident = m.group("id").rstrip(".,)")
        if (
            (m.group("sep") or re.search(r"[-/_.:*\d]", ident) or re.fullmatch(r"[A-Z]{2,8}", ident))
            and ident.lower() not in cp.STOPWORDS
            and not cp.TOOL.fullmatch(ident)
            and not _ROLE.fullmatch(ident)
        ):
            return True
    return False


_KINDS_EN = (
    r"groups?|projects?|namespaces?|repo(?:sitory|s)?|folders?|boards?|spaces?|subscriptions?|"
    r"resource[ -]groups?|org(?:anization)?s?|paths?|dashboards?|monitors?|applications?|apps?|"
    r"workspaces?|channels?|buckets?|clusters?|environments?|envs?"
)
_KINDS_KO = (
    r"그룹|프로젝트|네임스페이스|저장소|레포|폴더|보드|경로|스페이스|구독|리소스 ?그룹|대시보드|"
    r"애플리케이션|앱|워크스페이스"
)
_SCOPE_BEFORE = re.compile(
    rf"(?<![\w@/.:-])(?P<id>{cp.IDENT}) (?:(?:{_KINDS_EN})\b|(?:{_KINDS_KO}))", re.IGNORECASE
)
_SCOPE_AFTER = re.compile(
    rf"\b(?:{_KINDS_EN}|ns)\b(?P<sep> *[:=])? *[`'\"]?(?P<id>{cp.IDENT})", re.IGNORECASE
)
_URL = re.compile(r"\b\w+://\S+")
_ROLE = re.compile(rf"{cp.ROLE_STRONG}|{cp.ROLE_WEAK}", re.IGNORECASE)

ACCESS = (
    ChecklistItem(
        "tool",
        "Which tool or system",
        "어떤 도구/시스템인지",
        "Access is granted per tool; we cannot guess which one.",
        "권한은 도구별로 부여되므로 어떤 도구인지 알아야 합니다.",
        (cp.TOOL,),
        labels=cp.label(r"tools?|system|systems|service|시스템|도구|툴|서비스|what|대상 시스템"),
    ),
    ChecklistItem(
        "scope",
        "Which group, project, namespace or scope",
        "어떤 그룹/프로젝트/네임스페이스(범위)인지",
        "Access is granted on a specific group, project or namespace, not the whole tool.",
        "권한은 도구 전체가 아니라 특정 그룹·프로젝트·네임스페이스 단위로 부여됩니다.",
        cp.rx(
            r"(?<![\w/.@:-])[a-z0-9][\w.-]*/(?!(?:write|only|cd|o|a|or|and)\b)[\w.*-][\w.*/-]*",
            r"\b(?:rg|sub|ns|kv|team|project|group)[-:][\w-]{2,}",
        ),
        labels=cp.label(
            rf"scope|where|target|{_KINDS_EN}|대상|범위|경로 ?/ ?범위|{_KINDS_KO}|"
            rf"resource group ?/ ?project"
        ),
        prose_only=True,
        detector=_scope,
    ),
    ChecklistItem(
        "role",
        "Which role or permission level",
        "어떤 역할/권한 수준인지",
        "The role decides what you can change; least privilege needs it stated.",
        "역할에 따라 가능한 작업이 달라지므로 필요한 권한 수준을 명시해야 합니다.",
        cp.rx(cp.ROLE_STRONG, cp.ROLE_WEAK_CONTEXT),
        labels=cp.label(
            r"roles?|permissions?|permission level|access level|level|권한|필요 ?권한|역할|권한 ?수준"
        ),
        value=_ROLE,
    ),
    ChecklistItem(
        "justification",
        "Why the access is needed",
        "권한이 필요한 이유",
        "Approvers and audits need the business reason.",
        "승인과 감사를 위해 업무상 필요한 이유가 있어야 합니다.",
        cp.rx(
            r"\b(?:because|so (?:that )?(?:i|we) can|in order to|this is for|it'?s for|that'?s for|"
            r"needed for|required for|the reason is|purpose)\b",
            rf"\bfor +(?:the +|my +|our +|a +|an +)?(?:[\w-]+ +){{0,3}}?(?:{cp.PURPOSE_EN})\b",
            r"\bfor +(?!(?:every|some|any|no)thing\b)[a-z]{3,}ing\b",
            r"(?:사유|이유|목적)(?:는|은) ?\S",
            r"(?:위해|위해서|위한|때문에|때문입니다|하려고|하기 ?위|용도로)",
            r"(?<!업무)(?<!업무 )관련(?:해서|하여|된)? ?(?:필요|요청)",
            cp.PURPOSE_KO,
        ),
        labels=cp.label(
            r"reasons?|why|justification|purpose|background|business reason|use case|사유|이유|목적|배경|"
            r"용도|필요 ?사유"
        ),
        reject=cp.VAGUE_REASON,
    ),
    ChecklistItem(
        "approver",
        "Who approves the request",
        "승인자",
        "Access changes need a named approver (team lead or owner).",
        "권한 변경에는 승인자(팀장 또는 담당 오너)가 필요합니다.",
        cp.rx(*cp.APPROVAL_DONE),
        labels=cp.label(
            r"approv(?:er|ers|al|als|ed|ed by)|sign-?off|signed off by|manager approval|"
            r"(?:[\w가-힣]+ )?(?:승인|승인자|결재|결재자)"
        ),
        reject=cp.NOT_DONE,
    ),
)

CLOUD = (
    ChecklistItem(
        "subscription",
        "Subscription or resource group",
        "구독 또는 리소스 그룹",
        "Resources are created in a specific subscription and resource group.",
        "리소스는 특정 구독과 리소스 그룹에 생성됩니다.",
        cp.rx(
            r"(?<![\w-])(?:rg|sub|subs)-[\w-]{2,}",
            r"\b(?:subscription|resource[ -]?group) *[:=]? *[`'\"]?[\w-]*[\d-][\w-]*",
            r"(?:구독|리소스 ?그룹) *[:：]? *[`'\"]?[A-Za-z][\w-]*[\d-]",
        ),
        labels=cp.label(
            r"subscriptions?|resource groups?|rg|subscription ?/ ?rg|subscription ?/ ?resource group|"
            r"구독|리소스 ?그룹|구독 ?/ ?(?:rg|리소스 ?그룹)|위치|location"
        ),
    ),
    ChecklistItem(
        "environment",
        "Target environment",
        "대상 환경",
        "Dev, QA and production have different networks, policies and approvals.",
        "개발/QA/운영 환경마다 네트워크, 정책, 승인 절차가 다릅니다.",
        cp.rx(cp.ENV_WORD),
        labels=cp.label(r"env|environment|target|stage|환경|대상 ?환경"),
    ),
    ChecklistItem(
        "region",
        "Region",
        "리전",
        "Region decides latency, data residency and available SKUs.",
        "리전에 따라 지연 시간, 데이터 위치, 사용 가능한 SKU가 달라집니다.",
        cp.rx(
            r"\b(?:korea ?(?:central|south)|japan ?(?:east|west)|(?:east|west|central|north|south|"
            r"southeast|"
            r"northeast) ?(?:us|europe|asia|japan|uk|india|korea|australia) ?\d?|"
            r"(?:us|europe|asia|uk|australia|india|brazil|canada|france|germany|uae|sweden|norway|"
            r"switzerland) ?(?:east|west|central|north|south|southeast|northeast) ?\d?|"
            r"(?:ap|us|eu|sa|ca|me|af)-(?:north|south|east|west|central|northeast|southeast)-\d)\b",
            r"(?:한국|일본|미국|동아시아) ?(?:중부|남부|동부|서부)|(?:서울|부산|도쿄) ?리전",
        ),
        labels=cp.label(r"regions?|location|리전|지역"),
    ),
    ChecklistItem(
        "resource_spec",
        "Resource type and size",
        "리소스 종류와 사양",
        "Type, SKU and size drive cost and capacity.",
        "종류·SKU·크기에 따라 비용과 용량이 정해집니다.",
        (
            *cp.rx(
                r"\b\d+(?:\.\d+)? ?(?:vcpus?|vcores?|cores?|cpus?|gb|gib|tb|tib|mb|mib|gi|mi)\b",
                r"\b(?:cpu|memory|mem|ram|storage|disk|pods|replicas|nodes|instances) *[:=]? *\d",
                r"\b(?:standard|premium|basic|burstable|general ?purpose|memory ?optimi[sz]ed|"
                r"business ?critical|"
                r"hot|cool|cold|archive|free|developer) *(?:tier|sku|plan)\b|\b(?:sku|tier) *[:=] *\S",
                r"\b(?:ttl *\d+|resource ?quota|quota|zone[- ]redundant|(?:a|aaaa|cname|txt|mx|"
                r"srv) ?(?:record|레코드))",
                r"\b(?:LRS|ZRS|GRS|RA-GRS|GZRS|StorageV2|BlobStorage)\b|\b\d+ ?(?:개|instances?|queues?|"
                r"topics?)\b",
                r"(?:사양|용량|크기|코어) *[:：]? *\d|\d+ ?기가",
            ),
            *cp.rx(
                r"\b(?:Standard|Premium|Basic)_[A-Z0-9]+|\b[BDEFLMN]\d{1,2}[a-z]{0,3}(?:_v\d)?\b|\b[CP]\d\b",
                flags=re.M,
            ),
        ),
        labels=cp.label(
            r"specs?|specification|size|sizes|sku|skus|tier|sku ?/ ?size|type ?/ ?size|capacity|"
            r"사양|크기|용량|사이즈|리소스 ?종류 ?/ ?사양|종류 ?/ ?사양"
        ),
    ),
    ChecklistItem(
        "network",
        "Network and DNS details",
        "네트워크/DNS 정보",
        "VNet, subnet, ports and DNS names are needed to wire the resource in.",
        "VNet, 서브넷, 포트, DNS 이름이 있어야 리소스를 연결할 수 있습니다.",
        cp.rx(
            r"\b(?:v-?net|subnet|snet-[\w-]+|private ?(?:endpoint|access|link|dns)|service ?endpoint|"
            r"peering|"
            r"nsg|network ?polic(?:y|ies)|firewall|allow[- ]?list|white-?list|ingress|egress|inbound|"
            r"outbound|"
            r"public ?(?:network )?access|cidr)\b",
            r"\bports? ?\d+|\b\d{2,5} ?/ ?(?:tcp|udp)\b|\b(?:tcp|udp|https?) ?\d{2,5}\b|"
            r"\ballow +\d{2,5}\b",
            r"\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?\b",
            r"(?<![/\w.@-])(?:[a-z0-9-]+\.)+(?:com|net|io|internal|local|kr|cloud|dev|azure\.com)\b(?![/\w-])"
            r"(?= *(?:->|→|-|,|$|\)| ))",
            r"서브넷|방화벽|사설 ?(?:IP|엔드포인트)|프라이빗 ?엔드포인트|인바운드|아웃바운드|(?:접근|"
            r"액세스) ?(?:만 )?(?:허용|차단)|"
            r"\d{2,5} ?(?:포트|허용)|포트 ?\d+",
        ),
        labels=cp.label(
            r"network|networking|network details|network ?/ ?dns|dns|vnet|네트워크|네트워크 ?설정|"
            r"네트워크 ?/ ?dns"
        ),
    ),
    ChecklistItem(
        "cost_owner",
        "Cost owner (cost center or budget)",
        "비용 부서(코스트 센터/예산 코드)",
        "Every resource is charged to a cost center; finance needs the owner.",
        "모든 리소스는 비용 부서에 청구되므로 비용 책임 부서가 필요합니다.",
        cp.rx(
            r"\b(?:cost[ -]?(?:center|centre|owner|code)|budget ?(?:code|owner|id)|billing ?(?:code|"
            r"account|owner))"
            r" *[:=]? *\S",
            r"\b(?:charged?|bill(?:ed)?|costs? go(?:es)?) +to +(?!me\b)\S|\bcc-\d+",
            r"(?:코스트 ?센터|예산 ?코드|비용 ?부서|비용 ?코드)|비용(?:은|는) ?\S+.{0,20}(?:청구|잡아|"
            r"부서|팀)",
        ),
        labels=cp.label(
            r"cost|costs|cost center|cost centre|cost owner|billing|budget|charge to|비용|비용 ?부서|예산"
        ),
    ),
)
