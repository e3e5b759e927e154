"""Wording that answers a checklist item without looking like an answer (troubleshooting's own in
`answer_cues_troubleshooting`).

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

# A person's yes, in passing: "Minseo (EM) said go ahead", "+1 from me", "팀장님께 말씀드렸고 승인하겠다고
# 하셨습니다", "승인은 제가 하겠습니다", and an approval the reporter says is not needed.
APPROVER = (
    r"\b(?:said|says) +(?:go ahead|(?:it'?s |that'?s )?(?:ok|okay|fine|good|yes)|yes)\b|"
    r"\bgave +(?:me +|us +)?(?:the +|a +)?(?:go-?ahead|green light|thumbs[- ]up|nod|blessing)\b|"
    r"(?<![\w+])\+1 +from\b|\b(?:agreed|signed off|confirmed|acked|lgtm'?d)\b[^.\n]{0,40}?\b(?:lead|manager|"
    r"owner|head|director|em)\b|\b(?:lead|manager|owner|head|director)\b[^.\n]{0,40}?\b(?:agreed|"
    r"signed off|confirmed|acked|approves|is on board|knows and|has okayed)\b|"
    r"\bi(?:'ll| will| can)? +approve\b|"
    r"\bi'?m +(?:his|her|their|the|your) +(?:line +)?(?:manager|lead|team +lead|head|director)\b[^.\n]{0,20}"
    r"\bapprove|\bi'?m +(?:the +)?(?:approver|budget owner)\b|\bi'?m +approving\b|"
    r"\bapproving +(?:this|it)\b|\bokay'?d +by\b|\bapprover +(?:is|"
    r"will be) +(?!tbd|unknown|pending|not)[@\w가-힣]|"
    r"\bapprover ?(?:는|은) +(?![^\n.]*(?:미정|누구|모르))[@\w가-힣]",
    # "승인자 최팀장님": the label and the name, no colon between.
    r"(?:^|\n)\s*승인자 +(?!미정|없|누구|모르|확인|필요|아직|tbd)[가-힣A-Za-z@][^\n?]{0,20}$",
    # ... or "승인" and a mention (rules-2026.12.42, real shapes AZ): "승인 @Han Jaewon".
    r"(?:^|\n)\s*승인 *[:：]? *@[\w가-힣]",
    r"승인(?:하겠다|해 ?주겠다|해 ?주신다|하신다|해 ?주기로|하기로)|"
    r"(?:팀장|리드|실장|본부장|매니저|파트장|그룹장|오너|관리자)(?:님)?[^\n.]{0,30}?(?:ok|오케이|컨펌|동의|"
    r"허락|괜찮다고|승인|확인 ?받|확인해 ?주셨)|승인(?:은|는)? ?제가|제가 ?승인|"
    r"승인[^\n.]{0,12}(?:필요 ?없|불필요|생략|대상 ?아님|면제)|(?:메일|구두|슬랙|dm)(?:로|으로)? ?승인|"
    r"(?:👍|✅|ㅇㅋ|ok|오케이|넵|네) *승인(?:합니다)?\s*$",
    # Moot, said as such (real shapes R): "Approval: not needed for leaver removal", "no approval
    # required (self-service group)".
    r"\bapprov(?:al|er)s?\b *[:：]? *(?:is +)?(?:not +(?:needed|required)|n/?a\b *[-–(:,])|"
    r"\bno +approv(?:al|er) +(?:is +)?(?:needed|required)\b",
)

# The reason in a clause, not a field: "we've got 4 new people joining", "I'd rather ... than open
# a ticket each time", "standing up the new service", "배포 검증하면서 ... 경우가 많은데".
JUSTIFICATION = (
    # What the access will let them do (rules-2026.12.43, real shapes BA): "조장들이 태블릿으로 장애
    # 접수할 수 있게".
    r"(?:할|볼|쓸|올릴|받을|확인할|사용할|이용할|접근할) ?수 ?있(?:게|도록)",
    # The work the access is for (rules-2026.12.42, real shapes AY, AZ): "need access to <repo> to fix
    # the refund rounding bug", "I want to open PRs on the public sensor SDK".
    r"\baccess\b(?:[^\n.]|\.(?=\S)){0,100}?\bto +(?:fix|debug|investigate|troubleshoot|review|work +on|"
    r"help +with|migrate|maintain|support)\b|"
    r"\bi +(?:want|need|'d like) +to +(?:open|submit|push|contribute|fix|review|merge|debug|investigate)\b",
    # A leaver is the reason their access goes (rules-2026.12.37, real shapes AP): "Park left on Friday".
    r"\b(?:left|has left|is leaving|leaves|resigned|quit) +(?:the company|us|on|last|this|today|yesterday)\b",
    r"\b(?:we'?ve got|we have|there are) +(?:\d+|a few|some|several|two|three|four|five) +new\b|"
    r"\b(?:i'?d|we'?d) +rather\b|\brather than\b|\binstead of +(?:asking|opening|pinging|waiting)|"
    r"\bso (?:i|we) (?:don'?t|do not|no longer) +have to\b|"
    r"\b(?:standing|spinning|setting|rolling) +up +(?:the +|a +|our +)?(?:new +)?\w+|"
    r"\b(?:kicking off|starting on|onboarding|ramping up on|picking up)\b|"
    r"\bso +(?:that +)?(?:the +|our +|my +)?(?:[\w-]+ +){1,4}can\b|\b(?:'re|are|is|am) +joining\b|"
    r"\bwithout +(?:pinging|asking|bothering|waiting (?:for|on))\b|"
    r"\bwants? +to +(?:try|test|evaluate|experiment|explore|prototype|benchmark)\b|"
    r"\b(?:he|she|they)'?ll +be +[a-z]+ing\b|\b(?:we'?re|we are|i'?m|i am) +(?:moving|switching|migrating|"
    r"porting|replacing|consolidating)\b|\b(?:he|she|they|"
    r"[A-Z][a-z]+) +(?:has +)?(?:moved|transferred|switched) +"
    r"(?:from|to|teams)\b",
    # The purpose told as what the access is for (rules-2026.12.18, every real-writing set): "access to
    # the AIX CI machine to resolve the issue", "wanted access to work with <PR>", "I work on keeping
    # the bazel build happy", "to manually test a change", "interested in ... contributing".
    r"\b(?:access|rights?|permissions?|accounts?|membership|privileges?)\b[^.\n]{0,80}?\bto +(?:debug|test|"
    r"troubleshoot|investigate|reproduce|fix|resolve|work +on|work +with|maintain|review|triage|monitor|"
    r"publish|release|manage|help|contribute|finish|run|update|push|deploy|merge|upload)\b|"
    r"\bi +(?:work|am working|'m working) +on\b|\bi +(?:maintain|help maintain|co-maintain)\b|"
    r"\b(?:join(?:s|ing)?|start(?:s|ing)?|shadow(?:s|ing)?)\s+(?:the\s+)?on-?call\b|\bmust +be +able +to\b|"
    r"\b(?:audit|pre-audit)\s+(?:finding|requirement|item)s?\b|\bfinding\s+\*{0,2}[A-Z]+-\d|\b(?:isms(?:-p)?|"
    r"sox|soc ?2|"
    r"iso ?27001|pci(?:-dss)?)\b|\bleaver\b|\b(?:has +)?left +(?:the +company|[A-Z][\w ]{1,30}? +on +\d)|"
    r"\binterested +in +(?:\w+ +){0,4}?contribut\w+|\bwhile +(?:doing|debugging|working)\b|"
    r"\bto +(?:manually +)?(?:test|debug) +(?:a|the|my|this|our) +(?:\w+ +)?(?:change|fix|patch|pr|"
    r"pull request|"
    r"issue|failure|regression|crash)",
    r"[가-힣]면서 [^\n]{0,40}?(?:경우가|일이|때가) ?(?:많|잦|있)|매번 [^\n]{0,30}?(?:요청|부탁|문의)|"
    r"(?:하려고|할 수 있도록|할 수 있게|하도록) +[^\n]{0,20}?(?:권한|"
    r"access)|담당[^\n.]{0,10}(?:바뀌|변경|넘어|맡)|"
    r"(?:하라고|하라며|라고) ?(?:하셔서|해서|하셨|하여|지시)|"
    r"(?:하는|해야 하는|봐야 하는|해야 할) ?상황(?:이|이 ?되|입니다)|용도(?:입니다|"
    r"이에요|예요|임)|담당(?:이|자가)? ?(?:되어|돼서|되었|됐)|맡게 ?(?:됨|"
    r"되어|돼|되었|됐)|(?:해야|있어야|돼야|되어야) [^\n]{0,40}?(?:것 같|수 있)",
)

# A permission said as what the person will do or be: "as a Member", "plan/apply 권한", "sync만",
# `access = "write"`, "read-only", a group membership that is the permission ("eng-backend 그룹 추가").
ROLE = (
    # "read 가능한 개인 토큰", "에이전트 권한" (rules-2026.12.43, real shapes BC).
    r"\b(?:read|write|read/write|admin)\b ?가능|에이전트 ?(?:권한|라이선스|역할)",
    # GitHub's repository roles, asked for by name (rules-2026.12.42, real shapes AY): "Requesting
    # **Maintain** on hanbeat/argocd-apps".
    r"\brequest(?:ing)? +\**(?:maintain|triage|write|read|admin)\** +"
    r"(?:on|to|for|access|permissions?|role)\b",
    r"\bas +(?:an? +)?(?:member|user|admin|viewer|reader|writer|editor|owner|maintainer|developer|"
    r"collaborator|contributor)\b|\bread[- ]?only\b|\bread[ /-]write\b|\bread-?write\b",
    r"\baccess *[:=] *[`'\"]?(?:read|write|admin|plan|apply|maintain|triage|push|pull)\b",
    r"\b(?:plan|apply|sync|push|pull|read|write|merge|deploy|trigger|restart|approve)(?: */ *(?:plan|apply|"
    r"sync|push|pull|read|write|merge|deploy|trigger|restart|approve))+\b",
    r"(?:sync|read|write|조회|읽기|쓰기|편집|수정|배포|실행|관리)(?:만|\s*전용|\s*\(|\s*할 수 있는)|"
    r"(?:조회|읽기|쓰기|편집|수정|관리|보기) ?(?:권한|가능)|"
    # View access said as what the person will see (rules-2026.12.28, real shapes AA): "이 보드
    # 보이게 해주세요".
    r"(?:보이게|볼 ?수 ?있게|볼 ?수 ?있도록) ?(?:해|부탁|설정)|"
    r"[`'\"]?[\w-]+[`'\"]? 그룹(?:에)? ?(?:추가|가입|멤버)",
    r"(?:권한|permissions?|roles?) *\( *[A-Za-z][\w /+-]*\)|\bpermissions? +\*{0,2}(?-i:[A-Z])\w+",
    # Taking access away is the whole permission change: "remove him from", "revoke".
    r"\b(?:remove|revoke|offboard|deactivate|disable) +(?:him|"
    r"her|them|the user|[\w.-]+@[\w.-]+|access|membership)\b|"
    r"\b(?:revoke|remove +membership)\b|권한 ?(?:회수|삭제|제거)|(?:계정|멤버십) ?(?:삭제|비활성)",
    # The right named by what it lets one do, or membership itself (rules-2026.12.18, every real-writing
    # set): "Request Commit Access", "npm publishing access", "Push Access Request", "Curator access",
    # "access to publish", "add me as an owner", "Please can I join this organisation?".
    r"\b(?:commit|push|write|publish(?:ing)?|merge|maintainer|owner(?:ship)?|admin|curator|triage|"
    r"collaborator|upload|release|deploy)\s+(?:access|rights?|permissions?|privileges?)\b|"
    r"\baccess +to +(?:publish|push|release|merge|upload|deploy)\b|\badd +(?:me|us|him|her|them|"
    r"[@\w-]+) +as +"
    r"(?:an? +)?(?:additional +|new +|co-?)?(?:owner|maintainer|member|collaborator|admin)s?\b|"
    r"\bjoin +(?:this|the|your|our|an?) +(?:github +|gitlab +|npm +|slack +)?(?:organi[sz]ation|org|team|"
    r"group|"
    r"workspace)\b",
    # A role named as one (rules-2026.12.25, real shapes T and Z): "get the **Agent** role", "with the
    # **User** role" ("my role", "the role" name none).
    r"\b(?:the|an?)\s+\*{0,2}(?!(?:same|right|new|old|current|my|your|this|that|required|needed)\b)"
    r"[A-Za-z][\w-]*\*{0,2}\s+role\b",
)


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
    # A cloud CLI's account flag (rules-2026.12.36, real shapes AM): "aws ... --profile lumio-prod",
    # "gcloud ... --project acme-prod", "az ... --subscription sub-x".
    r"--(?:profile|project|subscription|account)[ =][`'\"]?[a-z][\w-]*[-\d][\w-]*",
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
    # GKE's own words in HCL (rules-2026.12.28, real shapes AB): `network_config { pod_range = ... }`.
    r"\b(?:network_config|pod_range|subnetwork|secondary_range\w*|ip_allocation_policy|"
    r"master_authorized_networks\w*)\b",
    r"\b(?:network_acls|network_rules?|virtual_network\w*|\w*subnet_ids?|private_endpoint\w*|"
    r"public_network_access\w*|ip_rules|vpc_id|security_group_ids)\b",
    r"\bpublic +endpoint|\b(?:stays?|stay on|"
    r"keeps?) +(?:on +)?(?:the +)?public\b|퍼블릭 ?(?:엔드포인트|접근|액세스)",
)
SPEC = (
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


# The scope named in any script, quoted: "'결제-모니터링' 폴더", or a database or queue by name; or
# the address of the group, project or repository linked ("[this group](https://gitlab/groups/a/b)").
SCOPE = (
    # An org or a portal by its name (rules-2026.12.43, real shapes BC): "Grafana 교통센터 org",
    # "서비스데스크(HBITS 포털)".
    r"[가-힣]{2,} ?(?:org|organi[sz]ation)\b|(?-i:\b[A-Z]{2,}[\w-]*) ?포털",
    # A team by its name before "팀" (rules-2026.12.42, real shapes AZ): "Datadog farm-platform 팀에".
    r"(?<![\w/.-])[a-z][a-z0-9]*-[a-z0-9-]+ ?팀",
    # A tool's organisation named by its acronym (rules-2026.12.40, real shapes AS): "Grafana FDS 조직".
    r"(?-i:\b[A-Z]{2,}[\w-]*) ?조직",
    r"https?://[^\s)\]]+/(?:groups?|projects?|orgs?|organizations|teams|spaces|display|repos?|browse|"
    r"applications|dashboards?|folders?|namespaces?)/[\w.-]+|https?://(?:www\.)?(?:github|gitlab|bitbucket)"
    r"\.[\w.]+/[\w.-]+(?:/[\w.-]+)?",
    r"['\"`‘“][^'\"`’”\n]{2,40}['\"`’”] ?(?:폴더|그룹|"
    r"프로젝트|스페이스|저장소|레포|대시보드|네임스페이스|folder|"
    r"group|project|space|repo|dashboard|namespace)",
    r"\b(?:database|db|table|schema|queue|bucket|topic|index)s? +(?:[`'\"][a-z][\w.*-]*[`'\"]|"
    r"[a-z][\w.-]*[-_.\d][\w.*-]*)|[`'\"][a-z][\w.-]*[`'\"] +team\b",
    # Snowflake-style names after a kind or a tool ("Database: ANALYTICS_PROD"), not a role's name.
    r"(?:\b(?:database|db|schema|warehouse|on|to|in)\s*:?\s+|(?-i:\b[A-Z][a-z]+)\s+)[`'\"]?"
    r"(?-i:[A-Z][A-Z0-9]+_[A-Z0-9_]+\b)|\b(?:aws +)?account +[`'\"]?\d{4}-?\d{4}-?\d{4}\b",
)
