"""Building blocks of the checklist detectors: how people in a DevOps queue name things.

Its own module because every category's checklist (and the category hints) shares these words:
tools, environments, roles, service and host names, versions, symptoms. Everything is compiled
once at import; the scan runs the detectors on every ticket.
"""

from __future__ import annotations

import re

from shared.analysis import vocabulary_iberian as iberian

FLAGS = re.IGNORECASE | re.MULTILINE


def rx(*patterns: str, flags: int = FLAGS) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def label(pattern: str) -> re.Pattern[str]:
    """Field labels answering an item; matched against the whole normalised label."""
    return re.compile(pattern, re.IGNORECASE)


TOOLS = (
    r"jira|confluence|git ?lab|github|bitbucket|argo ?cd|argo|datadog|grafana|kibana|elastic(?:search)?|"
    r"splunk|sentry|pagerduty|opsgenie|new ?relic|prometheus|vault|jenkins|sonar\w*|nexus|artifactory|harbor|"
    r"acr|container registry|azure(?: ?(?:portal|devops|ad|entra))?|entra(?: ?id)?|aws|gcp|aks|kubernetes|"
    r"k8s|kubectl|openshift|rancher|key ?vault|terraform(?: ?cloud)?|깃랩|지라|컨플루언스|아르고|그라파나|"
    r"데이터독|볼트|쿠버네티스|젠킨스|vpn|okta|sso|bastion|jump ?(?:host|box)|kafka|카프카|redis|"
    r"postgres(?:ql)?|mysql|mongo(?:db)?|opensearch|loki|airflow|databricks|snowflake|bigquery|rabbitmq|"
    r"jfrog|eks|gke|github actions|cloudflare|registry|"
    # rules-2026.12.18: the tools real desks grant on (real writing, real shapes Q).
    r"openstack|horizon|zabbix|ncp|naver cloud|네이버 ?클라우드|1password|"
    r"slack(?= +(?:workspace|channel|account|invite|org))|zoom|npm|pypi|crates\.io|"
    r"rubygems|docker ?hub|gerrit|teamcity|buildkite|circleci|travis(?: ?ci)?|netlify|heroku|discourse|"
    r"jupyterhub|ldap|google workspace|office ?365|sharepoint|m365|microsoft 365|exchange(?: online)?|intune|"
    # rules-2026.12.31 (real shapes AE): a game studio's asset depot.
    r"perforce|p4v?|helix core|ghe|github enterprise|"
    # rules-2026.12.46 (real shapes BM): a shipyard's firewall manager and ERP.
    r"forti ?(?:manager|gate|client|analyzer)|s/4 ?hana|sap(?: gui| erp)?|"
    # rules-2026.12.47 (real shapes BT, BU, BV): a CDN console, the directory, an API gateway.
    r"akamai(?: control center)?|active directory|apisix|kong|"
    # rules-2026.12.48 (real shapes BX, BZ, CA): lab, plant and public-sector systems granted on.
    r"lims|qms|rgw|ceph|minio|iot ?hub|sql ?server|mssql|kepware|kepserverex|"
    r"온-?나라(?: ?문서관리 ?시스템)?|"
    # rules-2026.12.34 (real shapes AJ): a cloud console's address is the tool ("acesso nisso" + link).
    r"trino|presto|mirth(?: connect)?|shopify(?: plus)?|google cloud(?: console)?|"
    r"console\.cloud\.google\.com|"
    r"console\.aws\.amazon\.com|portal\.azure\.com"
)
TOOL = re.compile(rf"(?<![\w-])(?:{TOOLS})(?![\w-])", re.IGNORECASE)

# Public package registries: publishing to one is an open-source release (a deployment) and names
# its target (`category_hints_open_source`, `answer_cues.DEPLOY_ENVIRONMENT`).
PUBLIC_REGISTRIES = (
    r"npm(?:js)?|pypi|maven(?: +central)?|crates\.io|rubygems|nuget|docker ?hub|ghcr|packagist|hex\.pm|"
    r"cocoapods"
)

# Environments: "qa" is also a team and an activity ("QA signed off", "QA팀", "QA 확인 완료").
ENV_WORD = (
    r"(?<![\w-])(?:prod|prd|production|staging|stg|dev|development|uat|perf|preprod|pre-prod|"
    r"sandbox)(?![\w-])|"
    r"(?<![\w-])qa(?![\w-])(?! *(?:팀|team|engineer\w*|확인|검수|sign\w*|regression|회귀|테스트|test\w*|"
    r"approv\w*|승인|분들|님|lead|담당))|(?<![가-힣])(?:운영|스테이징|검증|개발)(?!팀|자| 팀| ?사항| ?중)|"
    r"(?:테스트|검증|QA) ?환경|"
    # A validation stage (rules-2026.12.47, real shapes BU: GMP sites deploy to VAL before PRD).
    r"(?<![\w-])(?-i:VAL)(?![\w-])|(?-i:\b[A-Z]{2,5}) ?환경(?:에|으로|에서)?|"
    # A numbered QA stage and the live service (rules-2026.12.31, real shapes AE): "QA2에 올려주세요",
    # "라이브 배포".
    r"(?<![\w-])qa\d(?![\w-])(?! *(?:팀|team|확인|검수))|라이브(?= ?(?:배포|서버|환경|에|로|반영))|"
    # ... and "live" as the target, or 라이브 and a region (rules-2026.12.38, real shapes AQ): "to **live**",
    # "라이브 도쿄(apne1) 배포".
    r"\b(?:to|on|in|into) +(?:the +)?\**live\b(?! +(?:stream|chat|demo|session|event|site|website)s?\b)|"
    r"라이브 (?:도쿄|서울|프랑크푸르트|유럽|일본|한국|미국|북미|글로벌)|"
    r"(?<![\w-])stage(?= ?(?:환경|에|로|으로|배포|리소스|resources?\b|env\b|environment|cluster|클러스터|"
    r"slot|db\b|database|[)\]]))|(?<=[(\[])stage\b|\bit'?s stage\b|"
    r"\b(?:to|on|in|into) +stage\b|(?:→|->) *stage\b|"
    # A disaster-recovery site is an environment (rules-2026.12.36, real shapes AN): "DR Aurora cluster".
    r"(?-i:(?<![\w(-])DR(?![\w)-]))"
)
ENV_IN_CONTEXT = (
    r"(?:\b(?:in|on|at|to|into|from|env|environment) *[:=]? *(?:the +)?|[\[(/] *)(?:prod|production|staging|"
    r"stg|dev|development|qa|uat|perf|preprod|sandbox|(?-i:SIT))\b|"
    # A system's sandbox (rules-2026.12.40, real shapes AS, AT): "developer portal sandbox login".
    r"\b(?:portal|partner|api|developer|payment|pg) +sandbox\b|"
    r"\b(?:prod|production|staging|stg|dev|development|qa|uat|perf|preprod) *(?:env(?:ironment)?|cluster|"
    r"namespace|server|instance|site|[)\]/])|(?<![가-힣])(?:운영|"
    r"개발|스테이징|검증|테스트|QA) ?(?:\(|환경|서버|클러스터|망)"
)
SERVICE_NAME = (
    r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|service|svc|gateway|gw|web|worker|app|batch|frontend|"
    r"backend|server|collector|store|runner|console|consumer|producer|proxy|bff|ui|job|cron|scheduler|engine|"
    r"portal|admin|daemon|agent|bot)(?:-(?:dev|qa|stg|stage|staging|prod|prd|production))?(?![\w-])"
)
IDENT = r"[A-Za-z0-9][\w.:/*@-]*"
STOPWORDS = frozenset(
    (
        "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these",
        "those", "same", "whole", "new", "any", "which", "what", "some", "every", "all", "each",
        "other", "one", "per", "specific", "right", "wrong", "correct", "certain", "another",
        "existing", "whichever", "hi", "hello", "hey", "dear", "thanks", "please", "to", "for", "on",
        "in", "of", "at", "and", "or", "with", "from", "by", "as", "into", "onto", "about", "own", "entire",
        "need", "needs", "get", "give", "grant", "request", "requesting", "want", "add", "have", "has",
        "use", "using", "access", "it", "me", "us", "portal", "console", "ui", "web", "cli", "api",
    )
)  # fmt: skip
ROLE_STRONG = (
    r"(?<![\w-])(?:developer|maintainer|owner|guest|reporter|reader|viewer|editor|contributor|"
    r"admin(?:istrator)?|deployer|operator|observer|collaborator|superuser|power ?user|devloper|develper|"
    r"mantainer)s?(?![\w-])|"
    r"\bread[- ]?only\b|\bread ?[-/&] ?write\b|\bread ?and ?write\b|읽기 ?전용|읽기 ?/ ?쓰기|관리자|"
    r"일반 ?사용자|일반 ?계정|뷰어|편집자|메인테이너|소유자|운영자|"
    r"(?:조회|편집|쓰기|읽기|배포|개발자|관리|실행|승인|"
    r"최소|생성|수정|삭제|빌드) ?권한|\bacr ?(?:pull|push|delete)\b|\b(?:secrets?|certificates?|keys?|data) +"
    r"(?:user|officer|reader)\b"
    r"|\b(?:read ?only|view ?only|power ?user|administrator)access\b|"
    r"\b(?:get|list|set|delete|read|write)(?: ?/ ?(?:get|list|set|delete|read|write))+\b"
)
# What the reporter needs to be able to do is the permission level ("able to sync apps").
CAPABILITY = (
    r"\b(?:be able to|able to|permissions? to|rights? to|allowed to) +(?:sync|deploy|push|merge|approve|"
    r"trigger|restart|run|view|read|edit|write|create|delete|manage|administer|release|roll ?back|promote|"
    r"re-?run|cancel|see|update|modify|configure)\b|(?:배포|동기화|sync|머지|승인|재시작|실행|조회|수정|삭제|"
    r"생성|관리|롤백|읽기|쓰기|편집|푸시|push) ?(?:를|을)? ?할 ?수 ?있(?:는|도록|게)"
)
ROLE_WEAK = r"(?<![\w-])(?<!team )(?:edit|view|write|read|standard|member|sync|full access)(?![\w-])"
ROLE_WEAK_CONTEXT = (
    rf"{ROLE_WEAK} *(?=\(|\*|access|role|permission|rights|권한|역할|정책|policy|level|on\b|for\b|in\b|"
    rf"[.,)]? *$)|(?:role|permission|권한|역할|as|,|-) *[:=]? *{ROLE_WEAK}"
)
PURPOSE_EN = (
    r"incident|outage|migration|review|audit|investigation|on-?call|monitoring|release|sprint|testing|"
    r"debugging|analysis|onboarding|handover|hand-over|rotation|support|maintenance|troubleshooting|"
    r"performance|compliance|upgrade|rollout"
)
PURPOSE_KO = (
    r"온보딩|분석|이관|인수인계|모니터링|성능 ?개선|대응|점검|조사|디버깅|마이그레이션|감사 ?대응|"
    r"업무 ?(?:이관|인수|담당)|담당하게"
)
VAGUE_REASON = re.compile(
    r"^(?:업무(?:상|용)? ?(?:필요|때문)?\S*|필요(?:합니다|해서|함)?|work|for work|needed|need it|"
    r"business (?:need|reasons?)|because i need it)[.!]?$",
    re.IGNORECASE,
)
NOT_DONE = re.compile(
    r"필요|예정|대기|요청 ?(?:중|예정|드릴)|받겠|받을|아직|전입니다|미정|\bneed(?:ed|s)?\b|required|pending|"
    r"\bwill\b|\bif\b|\bonce\b|not yet|to be|waiting|tbd",
    re.IGNORECASE,
)
APPROVAL_DONE = (
    r"\bapproved +by +(?!(?:tbd|n/?a|pending|whom|who)\b)[@\w가-힣]",
    r"(?<!to be )(?<!not )(?<!once )(?<!if )(?<!be )(?<!being )(?<!been )(?<!until )(?<!unless )"
    r"\bapproved\b(?! +by\b)",
    r"\bsigned[- ]off +by +\S|\bsign[- ]?off *[:=] *[@\w가-힣]",
    r"@[\w가-힣][^\n]{0,60}\bapprov\w*|\bapprov\w*[^\n]{0,40}@[\w가-힣]",
    r"(?:승인|결재)(?:을|은|는|도)? ?(?:받았|받아 ?(?:두었|뒀|놓았|놨)|받음|완료|했|하셨|해 ?주셨|됐|되었|득|"
    r"OK)",
    r"(?:approver|approved by|승인자?|결재자?) *[:：] *(?!(?:tbd|미정|n/?a|pending)\b)[@\w가-힣]",
    r"(?:승인자?|결재자?)(?:는|은) +"
    r"(?![^\n.]*(?:미정|아직|없|누구|모르|몰라|확인 ?중|정해지|받을|받겠|받아야|"
    # ... nor "승인은 첨부 메일 참고": an attached approval answers nothing (rules-2026.12.43, real
    # shapes BC).
    r"예정|대기|전입니다|필요|첨부))[\w가-힣@]",
    r"\bok(?:'?d|ayed) +by +[@\w가-힣]|\b(?:already +)?ok(?:'?d|ayed) +(?:this|it)\b|"
    r"\b(?:is|are) +(?:fine|ok|okay) +with +(?:it|this|that)\b|승인(?:합니다|해요|함|드립니다)|"
    r"\bi +approve\b",
    # Answered in the negative: a policy that needs no sign-off is an answer, not a gap.
    r"\bno +(?:approv\w*|sign-?off)(?: +is)? +(?:needed|required|necessary)\b|"
    r"\b(?:doesn'?t|does not|don'?t|do not) +(?:need|require) +(?:an? +)?(?:[\w-]+ +)?"
    r"(?:approv\w*|sign-?off)\b|"
    r"(?:승인|결재)(?:은|이|는)? ?(?:필요 ?없|불필요|생략)",
    r"\b(?:approves|has approved|have approved|gave (?:the |their |his |her )?(?:ok|approval))\b|"
    r"[\w가-힣)] ?\((?:approver|승인자)\)",
    r"(?:승인|결재)(?:은|는|도)? [^\n.]{0,25}?(?:받았|받아 ?(?:두었|뒀|놓았|놨)|받음)",
    iberian.APPROVED,
)
SYMPTOM_VAGUE = re.compile(
    r"\b(?:something|everything|anything|it|stuff|things?) +(?:\w+ +)?(?:is|are|seems?|was|just)? *(?:broken|"
    r"off|wrong|weird|strange|not working|stopped working|failing|down)\b|\bacting +(?:weird|strange|funny|"
    r"up|odd)\b|이상(?:해요|합니다|하네요|한 ?것 ?같)|"
    r"(?:이거|이게|이것|그거|얘|뭔가)\s?(?:이\s|가\s)?안\s?(?:돼요|됩니다|되네요|돼|되요|됨)",
    re.IGNORECASE,
)
VERSION_VALUE = re.compile(r"\d|\b[0-9a-f]{7,40}\b", re.IGNORECASE)

SYMPTOM_EN = (
    r"\b(?:fails?|failing|fail(?:s|ed)? (?:with|to|on|when|while|after)|keeps? (?:failing|crashing|"
    r"restarting|timing out|dying|hanging|erroring|firing|alerting|paging|flapping|rebooting|looping|"
    r"disconnecting|dropping)|(?:white|blank) +(?:screen|page)|(?:is|are|was|were|been|keeps?|still|being|"
    r"gets?|got|"
    r"seems?|looks?|"
    r"getting) +(?:\w+ +)?(?:failing|failed|rejected|denied|refused|stuck|broken|down|crashing|restarting|"
    r"hanging|timing out|unreachable|unavailable|blocked(?! +on\b)|not working|throttled|evicted|killed|"
    r"disconnected|"
    r"empty|slow)|(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|won'?t|can ?not|can'?t|could ?n'?t|unable to|"
    r"not able to) +(?:\w+ +)?(?:work|start|connect|load|push|pull|clone|log ?in|sign in|access|deploy|"
    r"merge|get on|"
    r"sync|resolve|reach|build|run|fetch|open|find|download|upload|authenticate)|not working|stopped working|"
    r"no longer works?|time[sd]?[ -]?out|timing out|returns? +(?:an? +)?(?:\w+ +)?(?:\d{3}|errors?)|"
    r"returning +(?:\w+ +)?\d{3}|stuck (?:in|on|at)|then stuck|gets? stuck|"
    r"has(?:n'?t| not) +(?:been +)?(?:renewed|updated|synced|started|finished|completed|run|triggered|"
    r"deployed)|"
    r"not (?:renewing|syncing|starting|updating|loading|responding|reporting|running|deploying|scaling)|"
    r"stopped +(?:being|sending|arriving|reporting|working)|(?:getting|got|being|are) +(?:logged|kicked|"
    r"signed) +"
    r"out|evictions? +started|dropping +\w+|stays? +(?:in +)?\w+|crash(?:es|ing|ed)|errors? (?:when|"
    r"while|on|after)|get(?:ting)? (?:an? )?errors?|throws?|throwing|hangs|outage|went down)\b"
)
K8S_STATES = r"\b(?:CrashLoopBackOff|ImagePullBackOff|ErrImagePull|OOMKilled|OutOfSync|Evicted|Degraded)\b"
SYMPTOM_KO = (
    r"(?<![가-힣])안 [가-힣]{1,5}(?:니다|요|네요)|실패(?:합니다|해요|하고|했|하네|함|하는|하였|됩니다|되|중)|"
    r"거부(?:됩니다|되|돼|당)|안 ?(?:됩니다|돼요|되네요|되고|돼|되요|넘어갑니다|넘어가|열립니다|열려요|"
    r"붙습니다|떠요|뜹니다)|되지 ?않|멈(?:춰|췄|춤|춥|추)|죽(?:습니다|어요|었|네요)|재시작(?:됩니다|되|"
    r"을 ?반복|이 ?반복|돼)|(?:오류|에러|\d{3}) ?(?:가|이) ?(?:납니다|나요|나고|났|발생|떠요|뜹니다)|"
    r"타임아웃(?:이)? ?(?:납니다|나요|발생|됩니다|나고|났)|발생합니다|접속(?:이)? ?안|응답(?:이)? ?없|느려|"
    r"다운(?:됐|되었|됨|되)|남아 ?있|반복(?:됩니다|돼요|합니다)|안 ?(?:들어옴|옴|됨|나옴|뜸|보임)|"
    r"0 ?건(?:이|만)? ?(?:나옵니다|나와요|나옴|조회)|쌓임|쌓여|쌓이고|고갈|전부 ?\d{3}|"
    r"(?:push|pull|빌드|배포|sync|동기화|로그인|접속|연결|갱신|업로드|다운로드|설치) ?실패"
)
VERSION = (
    r"\bv?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?\b",
    r"(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![\w-])",
    r"(?<![\w-])[0-9a-f]{7,40}(?= *\((?:main|master|develop|trunk|latest|head|최신))",
    r"\b(?:tag|commit|sha|build|image|revision|rev) *[:#=]? *[`'\"]?[\w.-]*\d[\w.-]*",
    # An MR the reporter points to for reading ("변경사항은 MR !482 참고", "see MR !12") is not the build.
    r"(?<!see )(?<!refer to )(?:\bMR *!\d+|(?<![\w!])!\d+|\bmerge request *!?\d+)(?!\d)"
    r"(?! *(?:참고|참조|를 ?참고|을 ?참고|for (?:details|context|reference)))|"
    r"\bbuild *#\d+|\brelease-[\w.-]*\d",
    r"(?:버전|태그|커밋) *[:：]? *[`'\"]?\S*\d",
)
ENV_SUFFIX = r"dev|qa|stg|stage|staging|prod|production|uat|perf"
# Clusters, apps and namespaces are named after their environment: "aks-commerce-prod", "qa-orders".
ENV_NAMED = (
    rf"(?<![\w/.-])[a-z][a-z0-9-]*-(?:{ENV_SUFFIX})(?![\w-])|"
    rf"(?<![\w/.-])(?:{ENV_SUFFIX})-[a-z][a-z0-9-]+(?![\w-])"
)
# A host names where the problem is: "argocd.example.com", "vpn-kr.corp.internal".
HOSTNAME = (
    r"(?<![/\w.@-])(?:[a-z0-9-]+\.)+(?:com|net|io|org|internal|local|kr|cloud|dev|corp|intra)(?![\w-])"
    r"(?!\.\w)"
)
