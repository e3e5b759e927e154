"""The request checklists: access to a tool, and a new cloud resource.

Kept apart from `checklists` (the catalogue) only to keep modules short.
"""

from __future__ import annotations

import re

from shared.analysis import checklist_patterns as cp
from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.checklist_text import TicketText


def _role(doc: TicketText) -> bool:
    """ "Administer 권한", "the `edit` role": a named permission level (not a tool's name)."""
    for m in _NAMED_ROLE.finditer(doc.free):
        ident = m.group("id")
        if ident.lower() not in cp.STOPWORDS and not cp.TOOL.fullmatch(ident):
            return True
    return False


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
            (m.group("sep") or m.group("quote") or _IDENT_LIKE.search(ident) or _PROJECT_KEY.fullmatch(ident))
            and ident.lower() not in cp.STOPWORDS
            and not cp.TOOL.fullmatch(ident)
            and not _ROLE.fullmatch(ident)
        ):
            return True
    return False


_KINDS_EN = (
    r"groups?|projects?|namespaces?|repo(?:sitory|s)?|folders?|boards?|spaces?|subscriptions?|"
    r"resource[ -]groups?|org(?:anization)?s?|paths?|dashboards?|monitors?|applications?|apps?|workspaces?|"
    r"channels?|buckets?|clusters?|environments?|envs?"
)
_KINDS_KO = (
    r"그룹|프로젝트|네임스페이스|저장소|레포|폴더|보드|경로|스페이스|구독|리소스 ?그룹|대시보드|애플리케이션|"
    r"앱|워크스페이스"
)
_SCOPE_BEFORE = re.compile(
    rf"(?<![\w@/.:-])(?P<id>{cp.IDENT})[`'\"]? (?:(?:{_KINDS_EN})\b|(?:{_KINDS_KO}))", re.IGNORECASE
)
_SCOPE_AFTER = re.compile(
    rf"\b(?:{_KINDS_EN}|ns)\b(?P<sep> *[:=])? *(?P<quote>[`'\"])?(?P<id>{cp.IDENT})", re.IGNORECASE
)
_URL = re.compile(r"\b\w+://\S+")
_NAMED_ROLE = re.compile(
    r"(?<![\w/.@:-])[`'\"]?(?P<id>[A-Za-z][\w-]*)[`'\"]? ?(?:권한|roles?\b)", re.IGNORECASE
)
_IDENT_LIKE = re.compile(r"[-/_.:*\d]")
_PROJECT_KEY = re.compile(r"[A-Z]{2,8}")
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
            rf"scope|where|target|{_KINDS_EN}|대상|범위|경로 ?/ ?범위|{_KINDS_KO}|resource group ?/ ?project"
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
        detector=_role,
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
            r"\bneeds? to (?!be able to (?:use|access|log ?in|get)\b)(?!(?:use|access|log ?in|get|"
            r"have)\b)[a-z]{3,}",
            r"\b(?:new (?:\w+ )?(?:hire|joiner|starter|member|lead|engineer|owner)|joined (?:the )?\w+|"
            r"taking over|take over|on leave|covering for|(?:i'?m|i am|we'?re) (?:on|in) the \w+ team)\b",
            r"(?:사유|이유|목적)(?:는|은) ?\S",
            r"(?:해야|봐야|확인해야|설정해야|작업해야) ?(?:합니다|해서|하는데|돼서|됩니다)|(?:맡게|담당하게|"
            r"참여하게|합류하게|들어가게|투입되게) ?(?:되어|돼서|되었|됐)|(?:담당자?|"
            r"owner)[^\n]{0,10}(?:변경|배정|지정)|입사|확인용|[가-힣]+ 목적(?:입니다|으로)",
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
            r"subscriptions?|resource groups?|rg|subscription ?/ ?rg|subscription ?/ ?resource group|구독|"
            r"리소스 ?그룹|구독 ?/ ?(?:rg|리소스 ?그룹)|위치|location"
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
            r"\b(?:korea ?(?:central|south)|japan ?(?:east|west)|(?:east|west|central|north|south|southeast|"
            r"northeast) ?(?:us|europe|asia|japan|uk|india|korea|australia) ?\d?|(?:us|europe|asia|uk|"
            r"australia|india|brazil|canada|france|germany|uae|sweden|norway|switzerland) ?(?:east|west|"
            r"central|north|south|southeast|northeast) ?\d?|(?:ap|us|eu|sa|ca|me|af)-(?:north|south|east|"
            r"west|central|northeast|southeast)-\d)\b",
            r"(?:한국|일본|미국|동아시아) ?(?:중부|남부|동부|서부)|(?:서울|부산|도쿄) ?리전|(?:코리아|"
            r"재팬) ?(?:센트럴|사우스|이스트|웨스트)",
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
                r"business ?critical|hot|cool|cold|archive|free|developer) *(?:tier|sku|plan)\b|\b(?:sku|"
                r"tier) *[:=] *\S",
                r"\b(?:ttl *\d+|resource ?quota|quota|zone[- ]redundant|(?:a|aaaa|cname|txt|mx|"
                r"srv) ?(?:record|레코드))",
                r"\b(?:LRS|ZRS|GRS|RA-GRS|GZRS|StorageV2|BlobStorage)\b|\b\d+ ?(?:개|instances?|queues?|"
                r"topics?)\b",
                r"(?:사양|용량|크기|코어) *[:：]? *\d|\d+ ?기가",
            ),
            *cp.rx(
                r"\b(?:Standard|Premium|Basic|GP|BC|HS)_\w+|\b[A-Z]{1,3}\d{1,3}[a-z]{0,3}(?:_v\d)?\b",
                flags=re.M,
            ),
        ),
        labels=cp.label(
            r"specs?|specification|size|sizes|sku|skus|tier|sku ?/ ?size|type ?/ ?size|capacity|record|"
            r"record type|레코드|사양|크기|용량|사이즈|리소스 ?종류 ?/ ?사양|종류 ?/ ?사양"
        ),
    ),
    ChecklistItem(
        "network",
        "Network and DNS details",
        "네트워크/DNS 정보",
        "VNet, subnet, ports and DNS names are needed to wire the resource in.",
        "VNet, 서브넷, 포트, DNS 이름이 있어야 리소스를 연결할 수 있습니다.",
        cp.rx(
            r"\b(?:v-?net|subnet|snet-[\w-]+|private ?(?:endpoint|access|link|dns)|service ?endpoint|peering|"
            r"nsg|network ?polic(?:y|ies)|firewall|allow[- ]?list|white-?list|ingress|egress|inbound|"
            r"outbound|public ?(?:network )?access|cidr)\b",
            r"\bports? ?\d+|\b\d{2,5} ?/ ?(?:tcp|udp)\b|\b(?:tcp|udp|https?) ?\d{2,5}\b|\ballow +\d{2,5}\b",
            r"\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?\b",
            r"(?<![/\w.@-])(?:[a-z0-9-]+\.)+(?:com|net|io|internal|local|kr|cloud|dev|"
            r"azure\.com)\b(?![/\w-])(?= *(?:->|→|-|,|$|\)| ))",
            r"서브넷|방화벽|사설 ?(?:IP|엔드포인트)|프라이빗 ?엔드포인트|인바운드|아웃바운드|(?:접근|"
            r"액세스) ?(?:만 )?(?:허용|차단)|\d{2,5} ?(?:포트|허용)|포트 ?\d+",
            # Answered in the negative ("네트워크 설정 변경 없음", "no VNet integration needed").
            r"(?:네트워크|network|vnet|방화벽|firewall)[^\n]{0,20}(?:변경 ?없|필요 ?없|불필요|없음|없습니다|"
            r"not needed|not required|no changes?|unchanged)|\bno (?:vnet|network|private endpoint|"
            r"firewall)\b",
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
            r"\b(?:cost[ -]?(?:center|centre|owner|code)|budget ?(?:code|owner|id)|billing ?(?:code|account|"
            r"owner)) *[:=]? *\S",
            r"\b(?:charged?|bill(?:ed)?|costs? go(?:es)?) +to +(?!me\b)\S|\bcc-\d+",
            r"(?:코스트 ?센터|예산 ?코드|비용 ?부서|비용 ?코드)|비용(?:은|는) ?\S+.{0,20}(?:청구|잡아|부서|"
            r"팀)",
        ),
        labels=cp.label(
            r"cost|costs|cost center|cost centre|cost owner|billing|budget|charge to|비용|비용 ?부서|예산"
        ),
    ),
)
