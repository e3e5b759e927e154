"""Wording that answers a checklist item without looking like an answer (troubleshooting's own in
`answer_cues_troubleshooting`, access's in `answer_cues_access`).

People rarely fill the checklist in: they say a lead "said go ahead", that "finance can't close the
day", that they "pushed and restarted, and since then...". Each tuple here is a class of such
wording, kept broad on purpose: the held-out sets showed that asking for something the ticket
already says (in words the narrow patterns had not seen) is the analyzer's most common mistake,
while it almost never misses what is really missing. Every cue still needs the item's substance
(a person and a yes, a party and a consequence, an action and its result), so a bare "asap" or
"help" answers nothing.
"""

from __future__ import annotations

from shared.analysis.vocabulary import PUBLIC_REGISTRIES

# An environment misspelt or said in Korean loanwords: "stagign", "프러덕션".
TYPO_ENV = (
    r"(?<![\w-])(?:stagign|staing|stagging|stging|prodcution|prodction|porduction|prdo|프러덕션|프로덕션|"
    r"스테이지)(?![\w-])"
)

# A cloud resource named for its environment ("cosmos-orders-prod"), or "stage" said plainly.
ENV_SUFFIX = (
    r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:prod|prd|stg|dev|qa|uat|preprod)(?![\w])|"
    # A game's "live" service, in an app's name with its region (rules-2026.12.38, real shapes AQ):
    # "ac-telemetry-ingest-live-euc1", "guild-svc-live-apne1".
    r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-live-[a-z]{2,6}\d(?![\w-])"
)
ENVIRONMENT = (
    r"(?<![\w-])stage(?![\w-])(?! *(?:\(|of\b|in the\b|step|job|\d))",
    ENV_SUFFIX,
    TYPO_ENV,
)

# Cloud parts said not to apply, with the reason before it (rules-2026.12.22, real shapes V): "this
# is the on-prem helix cluster, so there's no AWS account, region or VPC involved"; `{noun}` is the
# part one item looks for in the list. "No idea which region yet" is no such list.
_CLOUD_PART = r"(?:(?:aws|azure|gcp|cloud) +)?(?:account|subscription|region|vpc|vnet|network|subnet)s?"
NO_CLOUD_PART = (
    r"\bno +(?:new +)?(?=(?:[\w-]+,? +(?:or +|and +|nor +)?){{0,4}}?{noun}\b)" + _CLOUD_PART
    + r"(?:,? +(?:or +|and +|nor +)?" + _CLOUD_PART + r")* +(?:is +|are +)?(?:involved|needed|required)\b"
)

# Where the resource lives when that is an AWS account or a GCP project.
SUBSCRIPTION = (
    # A tenant by its name, a console address's project (rules-2026.12.48, real shapes CA): "tenant
    # **HB-GIS**", "console.gcloud.go.kr/projects/HB-GIS/instances/gis-tile-01".
    r"\btenant +[*`'\"]*[A-Za-z][\w-]*[-\d]|/projects/[\w-]+/(?:instances|servers|zones|regions|volumes)/",
    # An account named before "계정" (rules-2026.12.47, real shapes BR): "tripon-stg 계정 hosted zone".
    r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ ?계정",
    # An environment's account or project named beside its region or environment, in a console
    # address, or as "the x project" (rules-2026.12.46, real shapes BN-BQ): "in mc-prod /
    # ap-northeast-2", "(mc-prod, ap-northeast-2)", "mc-stg (staging)", "in the mall-prod project",
    # "`hbfare-net` DNS project", "?projectName=mall-dev", "/project/hbfare-kms-stg/".
    r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:prod|prd|stg|staging|dev|qa|test|shared|net|sandbox) *"
    r"(?:/|,|\() *(?:(?:ap|us|eu|asia|europe|kr|korea)[\w-]*\d|prod|production|prd|stg|staging|dev|운영|개발|"
    r"스테이징|검증|서울|도쿄|kr-)|\b(?:in|under|on) +the +[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)+[`'\"]? +"
    r"(?:\w+ +)?project\b|(?:[?&]project(?:name|id|_id)?=|/project/)[a-z][\w-]*[-\d][\w-]*",
    # An AWS account by its name (rules-2026.12.45, real shapes BG): "(Route53, pg-shared account)".
    r"\b(?![a-z]+-(?:controlled|owned|managed|based|level|wide|specific|only|free|facing|run)\b)"
    r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +account\b",
    # A cloud CLI's account flag (rules-2026.12.36, real shapes AM): "aws ... --profile lumio-prod",
    # "gcloud ... --project acme-prod", "az ... --subscription sub-x".
    r"--(?:profile|project|subscription|account|os-project-name|os-project-id)[ =][`'\"]?"
    r"[a-z][\w-]*[-\d][\w-]*",
    # A subscription or a scheduler account by its name, an account and region said not to apply
    # (rules-2026.12.45, real shapes BG, BH, BJ, BK): "HBCC-Prod 구독", "Slurm 계정 ai_lab", "온프렘이라 AWS
    # 계정·리전은 해당 없습니다", "no Azure subscription / region applies".
    r"(?<![\w-])[A-Za-z][\w-]*[-\d][\w-]* ?구독|\bslurm +(?:account|계정) +[`'\"]?[a-z][\w-]*|"
    r"(?:계정|구독)(?: ?[·/,] ?리전)?(?:은|는)? ?해당 ?없|"
    r"\bno +(?:aws|azure|gcp|cloud) +(?:account|subscription)s?\b[^.\n]{0,30}?\b(?:applies|apply|involved|"
    r"needed)\b",
    # A GCP project named as the place: "in project `acme-dns-prod`", "Project: `acme-prod-core`".
    r"\b(?:in|into|under|on) +(?:the +)?(?:gcp +|google cloud +)?project +[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+|"
    r"\bproject *[:=] *[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+",
    r"\b(?:aws +account|gcp +project|project[- ]id)\b *[:=]? *[`'\"]?[\w-]*[\d-][\w-]*|"
    r"aws ?계정 *[:：]? *[`'\"]?[\w-]*[\d-][\w-]*",
    # An AWS account named by its 12-digit id: "account fin-app (441726389150)", "| Account | 5512... |".
    r"\b(?:accounts?|계정)\b[^\n.]{0,40}?(?<!\d)\d{12}(?!\d)|(?<!\d)\d{12}(?!\d)\)? *(?:account|계정)\b",
    # A private cloud's project or tenant, another cloud's account (rules-2026.12.18, real shapes Q):
    # "project `prj-noc-tools`", `tenant_name = "prj-noc-report"`, "NCP account | hbtel-bss-prod",
    # "프로젝트(테넌트)/계정: prj-oss-inventory", "in `prj-legacy-ems`".
    r"\b(?:(?:openstack|ncp|oci|azure|alibaba|naver cloud) +)?(?:project|tenant(?:_name|_id)?|compartment|"
    r"account)\b[`'\"]? *[:=|]? *[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+|"
    r"(?:프로젝트|테넌트|계정)(?: ?\([^)\n]{0,10}\))?(?: ?/ ?(?:프로젝트|테넌트|계정))?(?:은|는)?"
    r" *[:：|]? *[`'\"]?[A-Za-z][\w-]*-[\w-]+|"
    r"\b(?:in|into|under) +[`'\"]?prj-[\w-]+",
    NO_CLOUD_PART.format(noun="(?:account|subscription)s?"),
    # An on-prem cluster's resource pool is its resource group (rules-2026.12.40, real shapes AS):
    # "vSphere resource pool RP-DCP-TST", "리소스 풀 | RP-DCP-AI".
    r"\bresource[ -]?pools?\b *[:=|]? *[`'\"]?[A-Za-z][\w-]*[\d-][\w-]*|"
    # An account and its NCP region (rules-2026.12.43, real shapes BC): "gov-smartparking-prd / KR-1".
    r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+ */ *(?-i:KR)-\d\b|"
    # ... and an on-prem cluster with its pool (rules-2026.12.41, real shapes AU): "cluster: CI-OT-01 /
    # pool RUNNERS", "클러스터 CJ-IT-CL01 / 청주 DC", "| vSphere cluster / pool | CJ-OT-CL01 / OPCGW-PROD |".
    r"(?-i:\b(?:[Cc]luster|클러스터)\b *[:=]? *[A-Z][A-Z0-9]*-[A-Z0-9-]*\d[A-Z0-9-]* */)|"
    r"리소스 ?풀 *[:：|]? *[`'\"]?[A-Za-z][\w-]*-",
    # An AWS account named inside a role's ARN, a GCP project named before its Korean word (rules-
    # 2026.12.20, real shapes S and T): "arn:aws:iam::418273645501:role/...", "`ct-shared-net` 프로젝트".
    r"\barn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}:|[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+[`'\"]? ?프로젝트",
    # ... and an account before its Korean word (rules-2026.12.25, real shapes V): "corvane-kr-research 계정".
    r"[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+[`'\"]? ?계정(?![가-힣])",
)

# Infrastructure code says network and size in its own words.
NETWORK = (
    # No network change, said in Korean; a load balancer by its name (rules-2026.12.47, real shapes BS,
    # BT): "네트워크 변경은 없습니다", "attached to the existing prod HTTPS LB `lb-microsites`".
    r"네트워크(?: ?쪽)? ?(?:변경|작업|추가|구성)(?:은|는|이)? ?(?:없습니다|없음|없어요|불필요|필요 ?없)|"
    r"\b(?:lb|load ?balancer)\b +[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)+",
    # The network kept as it is (rules-2026.12.45, real shapes BG, BI): "No new SG rules needed",
    # "Default VPC of the project is fine".
    r"\bno +(?:new +)?(?:sg|security[- ]group|firewall|nsg|network|acl) +(?:rules? +|changes? +)?"
    r"(?:are +|is +)?(?:needed|required)\b|\bdefault +(?:vpc|vnet|network|subnet)\b",
    # GKE's own words in HCL (rules-2026.12.28, real shapes AB): `network_config { pod_range = ... }`.
    r"\b(?:network_config|pod_range|subnetwork|secondary_range\w*|ip_allocation_policy|"
    r"master_authorized_networks\w*)\b",
    r"\b(?:network_acls|network_rules?|virtual_network\w*|\w*subnet_ids?|private_endpoint\w*|"
    r"public_network_access\w*|ip_rules|vpc_id|security_group_ids)\b",
    r"\bpublic +endpoint|\b(?:stays?|stay on|"
    r"keeps?) +(?:on +)?(?:the +)?public\b|퍼블릭 ?(?:엔드포인트|접근|액세스)",
)
SPEC = (
    # A certificate, a domain, a hosted zone or a stream by its kind and term (rules-2026.12.45, real
    # shapes BG-BL): "OV wildcard, 1 year, RSA 2048", "도메인 1년 등록", "private hosted zone",
    # "on-demand mode, 24h retention".
    r"\b(?:ov|dv|ev)\b,? +(?:wildcard|와일드카드|single|ssl|tls|cert)|"
    r"\bwildcard +(?:cert|certificate|ssl|tls)|와일드카드(?: ?인증서)?|\b(?:rsa|ecdsa) ?-?\d{3,4}\b|"
    r"\b(?:private|public) +hosted +zones?\b|\b(?:domain|도메인)\b[^\n]{0,40}?\b\d+ ?(?:years?|yrs?|년)|"
    r"\bregistered +for +\d+ +years?\b|\bon-demand +(?:mode|capacity)\b|\bprovisioned +(?:mode|capacity)\b|"
    r"\b\d+ ?(?:h|hours?|days?) +retention\b",
    # What has no size but its kind: a repository, a chat channel, a mailing list, a webhook, a domain,
    # a site, a DNS record of a type: naming the kind is the spec (the labelling conventions).
    r"\b(?:(?:new|create|creat\w+|request\w*|migrat\w*|transfer\w*|fork|"
    r"set ?up)\b[^.\n]{0,30}?\b(?:repo(?:sitor(?:y|"
    r"ies))?s?|slack channels?|mailing[- ]lists?|webhooks?|netlify sites?|(?:sub)?domains?|(?:gcp|"
    r"google cloud|"
    r"gcloud) +projects?|aws +accounts?|(?:e-?mail +|mail +)?alias(?:es)?)|(?:slack|zoom) +"
    r"(?:channel|webhook|account)s?|mailing[- ]lists?)\b",
    r"\b(?:type|record(?: type)?) *[:=] *(?:CNAME|A|AAAA|TXT|MX|NS|SRV|CAA|PTR)\b|"
    r"\b(?:CNAME|AAAA|TXT|MX|SRV|CAA)(?: +record)?\b|\bIN +(?:CNAME|A|AAAA|TXT|MX|NS|SRV)\b",
    r"\bsku(?:_name|_tier|_size)? *[:=]|\b(?:instance_type|vm_size|node_size) *[:=]",
    r"\b\d+ ?(?:mus?|tus?|pus?|throughput units?|messaging units?|processing units?)\b|\b(?:storage class|"
    r"access tier)\b|(?:service ?bus|event ?hubs?|redis|cache|key ?vault|app service|sql|postgres\w*|mysql|"
    r"cosmos\w*|storage(?: account)?)(?: +(?:namespace|account|instance|server))?\s*[—–:,-]?\s*"
    r"(?:standard|premium|basic)\b",
    # Addresses counted: "공인 IP 2개", "2 public IPs", "3 floating IPs" (rules-2026.12.18, real shapes Q).
    r"(?:공인|고정|플로팅|public|static|elastic|floating) ?IPs? *(?:x *)?\d+ ?(?:개|ea)?(?![\d.])|"
    r"\b\d+ *(?:x +)?(?:개의? +)?(?:공인|고정|플로팅|public|static|elastic|floating) ?IP",
    # The size by reference to one that exists (real shapes R): "the same standard build as the other
    # UK stores (BO-STD-2)", "기존 서버와 동일 사양".
    r"\bsame +(?:\w+ +){0,2}(?:build|spec\w*|size|sku|config\w*|setup|flavou?r|instance type) +as\b|"
    r"(?:동일|같은)(?:한)? ?(?:사양|스펙|flavor)",
)


# A deploy request names its service and app in the sentence that asks: "deploy paymnet-webhook to
# stagign", "please roll `media-transcoder-stg` in ArgoCD", a typo'd environment included.
SERVICE = (
    # A service by its name then a version, in a registry path, or named before a Korean promote word
    # (rules-2026.12.48, real shapes BW-CA): "mdf-krx 2.8.0", "harbor.mukja.io/order/order-event-consumer:
    # 20261125-a1b2", "mes-erp-if QA -> PRD 승격".
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +v?\d+\.\d+\.\d+\b|"
    r"/[a-z][a-z0-9]*(?:-[a-z0-9]+)+:v?\d[\w.-]*|"
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +(?:[\w>-]+ +){0,4}?(?:승격|반영)",
    # An app named for its environment, synced; an image and its tag (rules-2026.12.47, real shapes BR,
    # BT): "gds-adapter-amadeus-stg sync 부탁", "cdn-steering:2026.11.21-rc2".
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:stg|staging|prod|prd|dev|qa|val)\b +(?:sync|싱크|배포)|"
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+:v?\d[\w.-]*",
    # A service named before a Korean deploy word (rules-2026.12.45, real shapes BG, BH): "pg-routing prod
    # 배포 부탁드립니다", "wms-inventory flyway 체크섬 이슈 핫픽스 배포".
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +(?:[\w-]+ +){0,4}?(?:배포|핫픽스|롤백|릴리즈)",
    # A service and its version as the whole summary, or an image by its repository (rules-2026.12.45,
    # real shapes BK): "booking-payment 1.22.0", "repository: acrhbair.azurecr.io/booking/booking-payment".
    r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +v?\d+\.\d+\.\d+\S* *$|"
    r"\brepository: *[`'\"]?[\w.-]+\.[a-z]{2,}/(?:[\w.-]+/)*[a-z][a-z0-9]*(?:-[a-z0-9]+)+",
    # "new sensor-gw-adapter build is attached, please deploy" (rules-2026.12.43, real shapes BC).
    r"\b(?:new|latest|the) +[a-z][a-z0-9]*(?:-[a-z0-9]+)+ +build\b",
    r"\b(?:deploy|redeploy|roll|release|promote|ship|rollback|roll back)\s+(?:the\s+)?[`'\"]?"
    r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+[`'\"]?|(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ ?(?:배포|롤백)",
    r"\bargo[\w.-]*\.[\w.-]+/applications/(?:[\w-]+/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)+",
    # A registry's page for the package names it (rules-2026.12.18): "pypi.org/project/pyqs",
    # "hub.docker.com/r/h2non/imaginary", "search.maven.org/search?q=a:hdt-java-core".
    r"\b(?:pypi\.org/project|pypi\.python\.org/pypi|npmjs\.com/package|crates\.io/crates|hub\.docker\.com/r|"
    r"rubygems\.org/gems|nuget\.org/packages)/[@\w.-]+|\bsearch\.maven\.org/\S*?(?:q=a:|artifact/)[\w.-]+",
    # A repository's release or tag page names the service (real shapes R):
    # "https://github.com/verdant-korea/vrk-coupon-api/releases/tag/v1.9.0 배포 부탁드립니다".
    r"\b(?:github|gitlab)[\w.-]*/[\w.-]+/[\w.-]+/(?:-/)?(?:releases/tag|tags)/",
    # "deploy hotfix tag `v1.12.3-hotfix.1` of baggage-tracker" (rules-2026.12.20, real shapes T).
    r"\b(?:tag|version|release|"
    r"build)\s+[`'\"]?v?\d[\w.+-]*[`'\"]?\s+of\s+[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)+",
    # "Bump sample-tracker to 4.0.2", "Please sync vehicle-state-api-stg-euc1" (rules-2026.12.25, real
    # shapes V and Y): the named thing bumped to a version or synced is the service.
    r"\b(?:bump|upgrade|update|roll +out|promote)\s+[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)+[`'\"]?\s+(?:to|->|"
    r"→)\s+"
    r"v?\d+\.\d+|\bsync\s+[`'\"]?(?![\w-]*\bapps?\b)[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}",
)
# An ArgoCD application linked by its address names the app, its service and (by its suffix) its
# environment: "https://argocd.acme.io/applications/argocd/user-service-stg".
_ARGO_APP_URL = r"\bargo[\w.-]*\.[\w.-]+/applications/(?:[\w-]+/)?[a-z][\w-]+"
ARGOCD_APP = (
    # An Argo CD Application manifest names it (rules-2026.12.42, real shapes AY).
    r"\bkind: *Application(?:Set)?\b[^\n]*\n(?:[^\n]*\n){0,3}? *name: *[`'\"]?[a-z][\w-]+",
    # "Please sync vehicle-state-api-stg-euc1", "argocd app diff x-y" (rules-2026.12.25, real shapes Y).
    r"\b(?:please +)?sync\s+[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:stg|staging|prod|production|dev|qa|uat|"
    r"test)(?:-[a-z0-9]+)?\b|\bargocd +app +(?:diff|sync|get|rollback|history) +[a-z][\w-]*-[\w-]+|"
    r"[`'\"][a-z][\w/.-]*-[\w/.-]+[`'\"] +(?:in|on|via) +(?:the +)?argo ?cd|"
    r"argo ?cd[^\n.]{0,30}?[`'\"][a-z][\w/.-]*-[\w/.-]+[`'\"]",
    _ARGO_APP_URL,
)
DEPLOY_ENVIRONMENT = (  # an app named for its environment, in a sentence or in its address
    TYPO_ENV,
    ENV_SUFFIX,
    r"/applications/(?:[\w-]+/)?[a-z][\w-]*-(?:prod|prd|stg|dev|qa|uat|preprod)\b",
    # A public registry is where an open-source release goes (rules-2026.12.18, every real-writing
    # set: labellers take "Publish to NPM", "Upload new release to PyPI" as naming the target), and
    # Japanese 本番環境 / 検証環境 / ステージング.
    rf"\b(?:{PUBLIC_REGISTRIES}|central +repo(?:sitory)? +of +maven)\b|本番|検証環境|ステージング",
)


