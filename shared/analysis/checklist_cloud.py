"""The cloud resource checklist: where it lives, what it is, how it is wired and who pays.

Its own module because a resource request is read on its own terms: subscription and resource
group, environment and region, type and size, network and DNS, cost owner; and a request for
several resources is specified only when every part is (one whose size is "TBD" leaves the spec
missing). `checklists` gathers it into the catalogue.
"""

from __future__ import annotations

import re

from shared.analysis import answer_cues as cues
from shared.analysis import answer_cues_region as region_words
from shared.analysis import vocabulary as vocab
from shared.analysis.checklist_item import ChecklistItem, left_out_of_a_part
from shared.analysis.ticket_text import TicketText

# "DB 도 하나 필요합니다 (사양은 다음 주에 말씀드릴게요)", "size TBD": one part of the request has no
# spec yet, so the request as a whole does not (however well the other parts are specified).
_SPEC_DEFERRED = re.compile(
    r"(?:사양|스펙|크기|용량|spec|specs|size|sizing|sku)(?:은|는|도)? *(?:[:：-] *)?"
    r"(?:다음 ?주|추후|나중|미정|"
    r"정해지면|확정 ?(?:후|되면)|tbd|tbc|later|to be (?:decided|confirmed)|next week|not (?:decided|sure))",
    re.IGNORECASE,
)

_spec_part = left_out_of_a_part("resource_spec", lambda: CLOUD)

# A resource to delete is specified by its name: "Delete orphaned volumes in prj-legacy-ems",
# "Decommission jupyter-legacy-01", "Remove old wiki (Gollum)" - its size no longer matters
# (rules-2026.12.25, real shapes and real writing: no labeller asked a deletion for its size).
_DELETION = re.compile(
    r"\b(?:delete|deleting|deletion|decommission\w*|remove|removing|removal|tear +down|clean +up|"
    r"clean-?up|retire|retiring|release +(?:the +|these +|those +|our +|unused +|\d+ +))\b|"
    r"삭제|반납|회수|폐기",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"`[^`\n]+`|\([A-Z][\w.]+\)|(?<![\w.@/-])[A-Za-z][A-Za-z\d]*(?:[-_.][A-Za-z\d*]+)+(?![\w/-])"
)


def _deletion_named(doc: TicketText) -> bool:
    """The first line (the summary) asks to delete something, and it or a line of the body that
    asks the same, or a pasted listing, names it."""
    lines = doc.prose.splitlines()
    if not lines or not _DELETION.search(lines[0]):
        return False
    asked = [lines[0], *(line for line in lines[1:] if _DELETION.search(line))]
    # ... or a table of what goes (rules-2026.12.47, real shapes BS: "| old-hist-01 | m1.xlarge |").
    values = (f.value for f in doc.fields if f.column)
    return any(_NAMED.search(line) for line in (*asked, *doc.blocks, *values))


# A resource table's bare "Project" column, "Project / env", "Zone (project)" holding an id
# ("hb-pos-legacy", "hb-storefront-prod / production"): on a resource request that is the cloud's
# project (rules-2026.12.44, real shapes BF). A business project ("Project: Deduplication efforts")
# is prose, not an id, and answers nothing.
_PROJECT_LABEL = re.compile(r"project(?: ?/ ?env(?:ironment)?| ?\((?:gcp|id)\))?|(?:dns )?zone ?\(project\)")
_PROJECT_ID = re.compile(r"[`'\"]?[a-z][a-z\d]*(?:-[a-z\d]+)+[`'\"]?(?: *(?:/|\(|$))")


def _cloud_project_named(doc: TicketText) -> bool:
    return any(
        f.filled and _PROJECT_LABEL.fullmatch(f.label) is not None and _PROJECT_ID.match(f.value.strip())
        for f in doc.fields
    )


CLOUD: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "subscription",
        "Subscription or resource group",
        "구독 또는 리소스 그룹",
        "Resources are created in a specific subscription and resource group.",
        "리소스는 특정 구독과 리소스 그룹에 생성됩니다.",
        vocab.rx(
            r"(?<![\w-])(?:rg|sub|subs)-[\w-]{2,}",
            r"\b(?:subscription|resource[ -]?group) *[:=]? *[`'\"]?[\w-]*[\d-][\w-]*",
            r"(?:구독|리소스 ?그룹) *[:：]? *[`'\"]?[A-Za-z][\w-]*[\d-]",
            *cues.SUBSCRIPTION,
        ),
        labels=vocab.label(
            r"subscriptions?|resource groups?|rg|subscription ?/ ?rg|subscription ?/ ?resource group|구독|"
            r"리소스 ?그룹|구독 ?/ ?(?:rg|리소스 ?그룹)|위치|location|aws ?계정|aws account|account|"
            r"(?:vsphere +)?cluster ?/ ?(?:resource +)?pool|클러스터 ?/ ?(?:리소스 ?)?풀|"
            r"gcp project|"
            r"project id|project ?/ ?zone|(?:gcp|openstack|cloud) ?프로젝트|프로젝트 ?\(gcp\)|"
            r"(?:ncp|aws|gcp|openstack) account|tenant|테넌트|프로젝트 ?\(테넌트\)(?: ?/ ?계정)?|"
            # A resource request's bare "프로젝트" / "계정" column (rules-2026.12.25, real shapes S, U).
            r"프로젝트|계정|클라우드 ?계정|"
            # "KT Cloud 계정·프로젝트", "Account / Project" (rules-2026.12.46, real shapes BQ).
            r"(?:[\w ]{1,12} )?(?:계정|account) ?[·/] ?(?:프로젝트|project)|"
            # "G-클라우드 테넌트/프로젝트" (rules-2026.12.48, real shapes CA).
            r"(?:[\w가-힣-]{1,12} )?(?:테넌트|tenant) ?/ ?(?:프로젝트|project)"
        ),
        detector=_cloud_project_named,
    ),
    ChecklistItem(
        "environment",
        "Target environment",
        "대상 환경",
        "Dev, QA and production have different networks, policies and approvals.",
        "개발/QA/운영 환경마다 네트워크, 정책, 승인 절차가 다릅니다.",
        vocab.rx(vocab.ENV_WORD, *cues.ENVIRONMENT),
        labels=vocab.label(
            r"env|environment|target|stage|환경|대상 ?환경|"
            r"(?:target|affected|deployment) (?:env|environment)|environment type"
        ),
    ),
    ChecklistItem(
        "region",
        "Region",
        "리전",
        "Region decides latency, data residency and available SKUs.",
        "리전에 따라 지연 시간, 데이터 위치, 사용 가능한 SKU가 달라집니다.",
        vocab.rx(
            *region_words.REGION,
            # Moot, with the reason (rules-2026.12.22, real shapes V): "This is the on-prem helix
            # cluster, so there's no AWS account, region or VPC involved".
            cues.NO_CLOUD_PART.format(noun="regions?"),
        ),
        labels=vocab.label(
            r"regions?|location|위치|리전|지역|(?:azure|aws|gcp|cloud) ?(?:/ ?)?region|"
            # A label that holds the word among others (rules-2026.12.47, real shapes BR, BV): "클라우드·리전
            # / Region", "NCP 리전/존".
            r"[\w가-힣 ]{0,12}[ ·/]\s?(?:regions?|리전)(?:\s?[ ·/][\w가-힣 /]{0,16})?|"
            r"(?:리전|region) ?/ ?(?:존|zone)|센터(?: ?/ ?존)?|data ?cent(?:er|re)|dc"
        ),
    ),
    ChecklistItem(
        "resource_spec",
        "Resource type and size",
        "리소스 종류와 사양",
        "Type, SKU and size drive cost and capacity.",
        "종류·SKU·크기에 따라 비용과 용량이 정해집니다.",
        (
            *vocab.rx(
                r"\b\d+(?:\.\d+)? ?(?:vcpus?|vcores?|cores?|cpus?|gb|gib|tb|tib|mb|mib|gi|mi)\b",
                r"\b(?:cpu|memory|mem|ram|storage|disk|pods|replicas|nodes|instances) *[:=]? *\d",
                r"\b(?:standard|premium|basic|burstable|general ?purpose|memory ?optimi[sz]ed|"
                r"business ?critical|hot|cool|cold|archive|free|developer) *(?:tier|sku|plan)\b|\b(?:sku|"
                r"tier) *[:=] *\S",
                # A rule, a list or a dataset has no size: its type is the spec (rules-2026.12.37, real
                # shapes AO, AP). A static IP's type alone is not: the sandbox's form tickets name it in
                # the summary and still leave the SKU open (rules-2026.12.39).
                r"\b(?:nsg|firewall|security[- ]group|sg) +rules?\b|\bmailing[- ]lists?\b|메일링 ?리스트|"
                r"\b(?:bq|bigquery) +(?:dataset|데이터셋)|(?:bq|빅쿼리) ?데이터셋",
                r"쿼터|할당량|\b(?:ttl *\d+|resource ?quota|quota|zone[- ]redundant|(?:a|aaaa|cname|txt|mx|"
                r"srv) ?(?:record|레코드))",
                r"\b(?:LRS|ZRS|GRS|RA-GRS|GZRS|StorageV2|BlobStorage)\b|"
                r"\b\d+ ?(?:instances?|nodes?|replicas?)\b",
                r"(?:사양|용량|크기|코어) *[:：]? *\d|\d+ ?기가",
                r"\b(?:standard|premium|basic)\b(?: +[\w-]+){0,2} +(?:ips?|gateway|vault|cache|disks?|"
                r"ssd|hdd|load ?balancer|lb|namespace|account)\b|"
                r"\((?:standard|premium|basic)(?: +(?:tier|sku))?\)",
                r"(?<![\w.])/(?:1[6-9]|2[0-9])\b(?= *(?:서브넷|subnet|cidr|range|대역))",
                r"\b\d[\d,]* ?(?:ru/?s|rus|dtus?|iops|tps)\b|\bautoscale\b|\bserverless\b|서버리스|"
                r"\b(?:consumption|flex consumption) plan\b",
                # Machine types as the clouds name them (rules-2026.12.25, real shapes: a spec pasted
                # as YAML or a Terraform plan): "db.r7g.xlarge", "cache.t4g.small", "c6i.2xlarge",
                # "n2-standard-8", "e2-medium", "a2-highgpu-1g".
                r"\b(?:(?:db|cache|ml|search)\.)?[a-z]{1,3}\d[a-z\d-]*\.(?:nano|micro|small|medium|large|"
                r"\d*xlarge|metal)\b|\b(?:[a-z]\d[a-z]?|[a-z]\d+[a-z]\d?)-(?:standard|highmem|highcpu|"
                r"highgpu|ultragpu|megamem|micro|small|medium|custom)(?:-\d+g?)?\b",
                *cues.SPEC,
            ),
            *vocab.rx(
                r"\b(?:Standard|Premium|Basic|GP|BC|HS)_\w+|\b[A-Z]{1,3}\d{1,3}[a-z]{0,3}(?:_?v\d)?\b",
                flags=re.M,
            ),
        ),
        labels=vocab.label(
            r"specs?|specification|size|sizes|sku|skus|tier|sku ?/ ?size|type ?/ ?size|capacity|record|"
            r"resource (?:type|spec|size)(?: (?:and|/) ?size)?|resource type ?/ ?size|"
            r"(?:instance|vm|machine|node|db instance) (?:type|size|class)|"
            r"record type|레코드|사양|크기|용량|사이즈|리소스 ?종류 ?/ ?사양|종류 ?/ ?사양|"
            r"certs?|certificates?|인증서|vms?|disks?|instances?|node ?pools?|machines?|redis|cache|"
            r"database|db"
        ),
        detector=_deletion_named,
        incomplete=lambda doc: _SPEC_DEFERRED.search(doc.free) is not None or _spec_part(doc),
    ),
    ChecklistItem(
        "network",
        "Network and DNS details",
        "네트워크/DNS 정보",
        "VNet, subnet, ports and DNS names are needed to wire the resource in.",
        "VNet, 서브넷, 포트, DNS 이름이 있어야 리소스를 연결할 수 있습니다.",
        vocab.rx(
            r"\b(?:v-?net|subnets?|security ?groups?|snet-[\w-]+|private ?(?:endpoint|access|link|dns)|"
            r"service ?endpoint|peering|"
            r"nsg|network ?polic(?:y|ies)|firewall|public ?(?:network )?access|cidr)\b",
            # A direction or an allow-list is a detail only with what it lets through.
            r"\b(?:ingress|egress|inbound|outbound|allow[- ]?list\w*|white-?list\w*)\b[^\n.]{0,30}?"
            r"(?:(?<![\w-])\d{2,5}\b|\b(?:from|to) +(?:the +)?[\w.-]*[-.\d][\w.-]*)",
            r"\bports? ?\d+|\b\d{2,5} ?/ ?(?:tcp|udp)\b|\b(?:tcp|udp|https?) ?\d{2,5}\b|\ballow +\d{2,5}\b",
            r"\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?\b",
            cues.NO_CLOUD_PART.format(noun="(?:vpc|vnet|network|subnet)s?"),
            r"(?<![/\w.@-])(?:[a-z0-9-]+\.)+(?:com|net|io|internal|local|kr|cloud|dev|"
            r"azure\.com)\b(?![/\w-])(?= *(?:->|→|-|,|$|\)| ))",
            r"서브넷|방화벽|사설 ?(?:IP|엔드포인트)|프라이빗 ?엔드포인트|"
            r"(?:인바운드|아웃바운드)[^\n.]{0,20}?\d{2,5}|(?:접근|"
            r"액세스) ?(?:만 )?(?:허용|차단)|\d{2,5} ?(?:포트|허용)|포트 ?\d+",
            # Answered in the negative ("네트워크 설정 변경 없음", "no VNet integration needed").
            r"(?:네트워크|network|vnet|vpc|방화벽|firewall)[^\n]{0,20}(?:변경 ?없|필요 ?없|불필요|없음|"
            r"없습니다|not needed|not required|no changes?|unchanged)|\bno (?:vnet|network|private endpoint|"
            r"firewall)\b",
            # rules-2026.12.29 (real shapes M-Z, left-one-set-out): "No VPC access needed", "no
            # ports/FIPs involved", a command's `--network net-noc-mgmt`, "VPC kr-shared-vpc", an
            # Application Gateway listener, a certificate's SAN names.
            r"\bno +(?:vpc|ports?|fips?|floating ips?)\b|--(?:network|subnet|vpc|security-group|nic)\b|"
            r"\bvpc\b *[:=]? *[`'\"]?[a-z][\w-]*[-\d][\w-]*|"
            r"\blistener +\d{2,5}\b|\bsan *[:=] *[\w*.-]+\.[a-z]{2,}|"
            # A zone-file record (rules-2026.12.32, real shapes AH): "x.hrv.com.au.  300  IN  CNAME  ...".
            r"(?-i:\b\d+ +IN +(?:CNAME|AAAA|TXT|MX|NS))\b",
            # The network parts of a deletion, deleted with it or already cleaned up (rules-2026.12.35,
            # real shapes AK): "디스크/NIC/공인IP 같이 삭제해주세요 (DNS 레코드는 이미 정리함)".
            r"(?:\bnics?\b|공인 ?ip|public ips?|dns ?(?:레코드|records?))[^\n.]{0,25}?(?:삭제|정리|제거|"
            r"\bdelete|\bremove|\bclean)|"
            # ... or go with it (rules-2026.12.42, real shapes AX): "Their floating IPs and DNS records go
            # with them, nothing to rewire".
            r"\b(?:floating ips?|public ips?|dns records?)\b[^\n.]{0,30}?\bgo(?:es)? +with +(?:them|it)\b|"
            r"\bnothing +to +rewire\b|\bno +(?:new +)?(?:network|ports?|dns|firewall)\b[\w ,/]{0,30}?"
            r"\b(?:involved|needed|required)\b",
            # A Terraform plan's network keys (rules-2026.12.34, real shapes AJ).
            r"\b(?:private_network|subnetwork|vpc_id|subnet_ids?|vpc_security_group_ids|\w*subnet_group\w*)\b"
            r" *[=:] *\S",
            # A VLAN, an ACL kept as it is (rules-2026.12.43, real shapes BA, BC).
            r"\bvlan ?\d+|\bacls?\b[^\n]{0,10}(?:그대로|unchanged|as is|동일)",
            *cues.NETWORK,
        ),
        labels=vocab.label(
            r"network|networking|network details|network ?/ ?dns|dns|vnet|네트워크|네트워크 ?설정|"
            r"네트워크 ?/ ?dns"
        ),
        incomplete=left_out_of_a_part("network", lambda: CLOUD),
    ),
    ChecklistItem(
        "cost_owner",
        "Cost owner (cost center or budget)",
        "비용 부서(코스트 센터/예산 코드)",
        "Every resource is charged to a cost center; finance needs the owner.",
        "모든 리소스는 비용 부서에 청구되므로 비용 책임 부서가 필요합니다.",
        vocab.rx(
            r"\b(?:cost[ -]?(?:center|centre|owner|code)|budget ?(?:code|owner|id)|billing ?(?:code|account|"
            r"owner)) *[:=]? *\S",
            r"\b(?:charged?|bill(?:ed)?|costs? go(?:es)?) +(?:it +)?to +(?!me\b)\S|\bcc-(?:[a-z]+-)*\d+",
            r"(?:코스트 ?센터|예산 ?코드|비용 ?부서|비용 ?코드)|비용(?:은|는) ?\S+.{0,20}(?:청구|잡아|부서|"
            r"팀)",
        ),
        labels=vocab.label(
            r"cost|costs|cost ?cent(?:er|re)|cost owner|billing|budget|charge to|비용|비용 ?부서|예산|"
            r"비용 ?센터|"
            r"코스트 ?센터|cost ?code|비용 ?코드|예산 ?코드|wbs|"
            # A research grant pays (rules-2026.12.45, real shapes BJ): "과제번호: IPET-321045-3".
            r"과제 ?번호|연구 ?과제 ?번호|grant(?: (?:number|no\.?|id|code))?|funding(?: source)?"
        ),
    ),
)
