"""The category hints: weighted keywords that vote for each category of this queue.

Kept apart from `rules` (which adds up the votes) because the table is most of the code. The
summary counts double; pasted logs do not vote with their words, but an error log votes for
troubleshooting (`LOG_WEIGHT`); a failure in a condition (`CONDITIONAL_FAILURE`) is not a report
of one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from shared.analysis.category_hints_open_source import MORE
from shared.analysis.category_hints_world import MORE as MORE_WORLD
from shared.analysis.models import Category
from shared.analysis.needles import NeedleIndex, Needles, folded_pattern, needles
from shared.analysis.vocabulary import ROLE_STRONG

_RESOURCES_EN = (
    r"database|db|storage account|redis|cache|vm|virtual machine|static ip|public ip|load balancer|"
    r"dns records?|dns zone|a records?|cname|service bus|event hub|key ?vault|bucket|aks|cluster|namespace|"
    r"cosmos(?: ?db)?|postgres(?:ql)?|mysql|rds|sql|queue|topic|container registry|app service|function app|"
    r"private endpoint|vnet|subnet|blob(?: storage)?|storage|server|sql database|app gateway|"
    r"application gateway|front ?door|cdn|resource ?group|app service plan|nat gateway|event ?hubs?|"
    r"file ?shares?|s3|gcs|ec2|ebs|efs"
)
_RESOURCES_KO = (
    r"DB|데이터베이스|스토리지|레디스|캐시|고정\s?IP|공인\s?IP|DNS|레코드|로드\s?밸런서|VM|가상\s?머신|버킷|"
    r"클러스터|네임스페이스|서비스\s?버스|키\s?볼트|큐|토픽|서브넷|서버"
)
_FAILURE_EN = (
    r"error|fail(?:s|ed|ing|ure)?|broken|not working|doesn'?t work|can'?t|cannot|unable|crash\w*|timeout|"
    r"time out|timed out|times out|denied|rejected|stuck|hang(?:s|ing)?|not (?:loading|responding|starting|"
    r"opening|updating)|isn'?t (?:loading|working|responding)|"
    r"won'?t (?:load|start|open)|keeps? +\w+ing|drops|expired|ERR_[A-Z_]+|"
    r"(?<!shut )(?<!it )(?<!scale )(?<!tear )down|outage|502|503|504|500|issue with|problem|"
    # "issue" and "bug" alone are Jira's words for any ticket ("My first example issue"): only a bug
    # or an issue *in* something, or issues *with* it, report a problem.
    r"bugs? (?:in|with|on|when|after)\b|buggy|help needed|need help|please help|slow|wrong|"
    r"issues (?:with|in|on|when|after)\b|pending|acting (?:weird|strange|up|odd)|"
    r"something(?:'s| is) off|5\d\ds|5xx|no data|offline|unreachable|"
    r"unavailable|disconnect\w*|flaky|intermittent\w*|"
    # "triggers do not work", "Tide does not merge PRs", "the ci host is running out of space".
    r"(?:do|does|did)(?:n'?t| not) (?:work|merge|trigger|start|load|respond|run|show up|get updated)|"
    r"stopp?ed working|no longer works?|out of (?:disk|space|memory)|running out of|disk (?:is )?full|stale"
)
_FAILURE_KO = (
    r"(?<![가-힣])안\s[가-힣]{1,5}(?:니다|요|네요)|오류|에러|실패|안\s?됩니다|안\s?돼|되지\s?않|문제|"
    r"접속\s?불가|타임아웃|거부|멈춤|멈췄|멈춰|재시작|느려|느립니다|이상해|끊김|끊겨|끊어|"
    r"안\s?됨|죽음|죽었|죽어|뻗었|뻗음|먹통|터졌|터짐|다운\s?(?:됨|됐|되었)|"
    # "검색이 안되네요", "안되고 있습니다", "응답이 없습니다", "무응답": said plainly, without a space.
    r"안\s?되(?:네요|고\s?있|어요|는데|잖)|응답이?\s?없|무응답"
)


class Hint(NamedTuple):
    """One weighted keyword pattern. `folded` is what runs: `pattern` as a case-exact search over
    text folded once (`needles.fold`), tried only where `needles` pass (`needles.passes`)."""

    pattern: re.Pattern[str]
    weight: int
    needles: Needles
    folded: re.Pattern[str]


def _hints(*pairs: tuple[str, int] | tuple[str, int, tuple[str, ...]]) -> tuple[Hint, ...]:
    """(pattern, weight[, needles]): a hint with needles is tried only on text holding one of them,
    which spares a costly pattern the tickets that cannot match it. Needles not given are read from
    the pattern (`needles.needles`)."""
    out: list[Hint] = []
    for pair in pairs:
        pattern = re.compile(pair[0], re.IGNORECASE)
        given = pair[2] if len(pair) > 2 else None
        wanted = ((frozenset(given),),) if given is not None else needles(pattern)
        folded = folded_pattern(pattern)
        if folded is None:  # every hint is case-blind throughout: the rules fold the text first
            raise ValueError(f"a category hint must not care about case: {pair[0][:60]}")
        out.append(Hint(pattern, pair[1], wanted, folded))
    return tuple(out)


# Weighted keywords; the summary counts double. "other" has hints of its own: questions, docs,
# meetings, licences and thanks are not requests for work even when they name a tool.
CATEGORY_HINTS: dict[Category, tuple[Hint, ...]] = {
    "access": _hints(
        (r"\b(?:access|acess|acces|permissions?|permision|grant(?:ed)?|rights|privileges?)\b", 3),
        # "Developer로 올려주실 수 있을까요?": a role change is an access request even under an error.
        (
            rf"(?:{ROLE_STRONG}) ?(?:로|으로) ?(?:올려|변경|바꿔|상향|승격)|권한 ?(?:상향|변경|올려)|"
            rf"\b(?:upgrade|change|bump|promote|raise) +(?:me|my (?:role|access|permissions?))\b|"
            rf"\b(?:role|access|permissions?) +(?:upgrade|change|bump)\b",
            6,
            ("올려", "변경", "바꿔", "상향", "승격", "upgrade", "change", "bump", "promote", "raise"),
        ),
        (r"\broles?\b|\b(?:need|requesting|grant me|give me)\b.{0,20}\b(?:on|in|to)\b", 2),
        (r"권한|(?<!스토리지\s)(?<!스토리지)(?<!서비스\s)계정|접근", 3),
        (r"\b(?:(?:cluster)?role ?bindings?|cluster ?roles?)\b", 3),
        (rf"(?:{ROLE_STRONG})", 2),
        (r"\b(?:onboard(?:ing)?|new joiner|joined|invite|log ?in)\b|입사|초대|로그인", 1),
        # Membership of an org or a team, an app installed with rights on a repo, an account's
        # ownership, recovery or removal: a person's (or an integration's) access.
        (
            r"\b(?:(?:org(?:anization)?|team|github|new) +membership|membership (?:for|request|of)|"
            r"(?:new|github) +integration|(?:install|enable) +(?:the +)?[\w.-]+ +(?:app|integration|bot)|"
            r"ownership (?:transfer|of)|transfer (?:of )?ownership|(?:add|remove) +(?:\w+ +){0,2}members?|"
            r"(?:zoom|slack|ldap|jira|jenkins|pypi) +account|account (?:recovery|deletion|locked|removal)|"
            r"(?:delete|remove|ban) +(?:the +)?(?:spam ?bot|spammer|user|account)|(?:lost|forgot(?:ten)?|"
            r"reset) +(?:my +)?(?:password|username|2fa|mfa))\b|멤버 ?(?:추가|초대)|계정 ?(?:삭제|복구|잠김)",
            4,
        ),
        # "pls add me to PagerDuty": a person added to a tool is access, whatever the tool is for.
        (r"\b(?:add|put|invite) +(?:me|us|him|her|[\w.-]+@[\w.-]+) +(?:to|in|into|on|as)\b", 4),
        # Tokens and read-only seats are access too: "deploy token for CI", "Read-only on Kafka UI".
        (
            r"\b(?:deploy|access|api|personal access|project access|group access|robot|bot) +tokens?\b|"
            r"\bread[- ]only +(?:on|to|for|access)\b|토큰 ?(?:발급|요청|생성)",
            4,
        ),
        (
            r"\b(?:need|want|give me|grant me|"
            r"request(?:ing)?)\b[^.\n]{0,25}\b(?:admin|administrator|admn|owner|"
            r"maintainer|developer|editor|viewer|reader)\b(?! +(?:team|says|said|told|approved))",
            3,
            ("need", "want", "give me", "grant me", "request"),
        ),
        (
            rf"\b(?:add|invite|onboard)\b[^.\n]{{0,60}}\bas +(?:an? +)?(?:{ROLE_STRONG})|"
            rf"\b(?:service|user|guest|bot|technical) accounts?\b",
            3,
        ),
        (
            r"\b(?:access|permissions?|role) (?:request|for|to|on)\b|\brequest(?:ing)? (?:access|"
            r"permissions?)\b|권한\s?(?:신청|요청|부여|추가|부탁|필요|받을)",
            3,
        ),
        (
            r"(?<![\w-])(?:edit|view|write|read|standard|member|sync)\s+(?:access|role|permissions?|rights|"
            r"권한|on)\b",
            2,
        ),
        # Accounts and names asked for at a desk: "[New User] ...", "Account request", "Add users to
        # mox", "PEP 541 Request", "Crate name request", "a python.org email address".
        (
            r"\b(?:account|user) +(?:request|creation|application)|\brequest(?:ing)? +(?:an? +)?(?:new +)?"
            r"(?:user +)?account\b|\bnew +(?:[\w-]+ +)?(?:user|account)s?\b|\badd +(?:new +)?users? +to\b|"
            r"\bpep ?541\b|\b(?:name|crate|package|project) +(?:claim|request|squat\w*)|\bclaim +(?:the +|"
            r"a +|this +)?(?:name|crate|package|project)\b|\buse +this +name\b|"
            r"\b[\w-]+\.(?:org|io|com|net) +e-?mail +(?:address|account|alias)\b",
            4,
        ),
        (r"\bacls?\b", 2),
        # F's desks: "Whitelist request", "SSH key for Nic", "AccelPro VPN for two months", "Accès VPN
        # prestataire", "Prefix reservation request", "transfer the npm package name".
        (
            r"\bwhite-?list\w*|\ballow-?list(?:ed|ing)?\b|\bssh +keys? +for\b|\badd +(?:a +)?(?:new +)?"
            r"(?:ssh +|public +)?key +(?:for|to)\b|\bvpn +(?:access|account|for)\b|\bacc[eè]s +vpn\b|"
            r"\breserv\w* +(?:the +|a +)?(?:package +|name +)?(?:prefix|name|id)\b|"
            r"\b(?:transfer|claim|reserv)\w* +(?:of +)?(?:the +)?(?:[\w-]+ +)?package +name\b",
            3,
        ),
        # "Add Daryll as SpaceManager and SpaceDeveloper", "I would like to create an account".
        (
            r"\b(?:add|make|set)\b[^.\n]{0,60}\bas +(?:an? +)?\w*(?:manager|developer|admin\w*|owner|"
            r"maintainer|member|auditor|viewer|editor|reader|writer|collaborator)s?\b|"
            r"\bcreate +(?:an? +|my +)?(?:new +)?(?:user +)?account\b",
            3,
        ),
    ),
    "cloud_resource": _hints(
        (
            rf"\b(?:create|provision|new|(?:need|get|have) (?:a|an|one|new|another)|allocate|set up|spin up|"
            rf"request(?:ing)? (?:a|an|new))\b.{{0,40}}\b(?:{_RESOURCES_EN})s?\b",
            4,
        ),
        # "3 VMs for load-test", "two buckets": resources counted are resources asked for.
        (rf"\b(?:\d+|two|three|four|five)\s*x?\s*(?:{_RESOURCES_EN})s?\b", 4),
        # What an infrastructure desk provisions besides cloud services: repositories, chat
        # channels, mailing lists, sites, domains, machines, projects and credits.
        (
            r"\b(?:new|create|creat(?:e|ing|ion of)|request(?:ing)?(?: (?:a|an|for))?|set ?up|add|migrat\w*|"
            r"transfer\w*|move|fork)\b[^.\n]{0,30}?\b(?:repo(?:sitor(?:y|ies))?s?|slack channels?|"
            r"channels?|mailing[- ]lists?|netlify sites?|sites?|domains?|subdomains?|dns (?:entry|entries|"
            r"records?)|machines?|vms?|hosts?|runners?|clusters?|gc[ps] projects?|projects? on (?:gcp|aws)|"
            r"aws accounts?|buckets?|webhooks?|credits?|infra(?:structure)?)\b",
            4,
        ),
        (
            r"\b(?:repo(?:sitory)? (?:creation|request|migration|transfer)|dns request|infra(?:structure)? "
            r"request|machine requirement|cluster request|domain (?:registration|ownership|transfer)|"
            r"incoming webhook|mailing list|slack channel)\b|"
            # "Migrate kube-rbac-proxy to kubernetes-sigs": a repository moved into another org.
            r"\bmigrat\w*\b[^.\n]{0,60}\bto +(?:the +)?(?:[\w.-]+/|[\w.-]+ +org(?:anization)?\b)|"
            r"(?:레포|저장소|도메인|채널|메일링 ?리스트)\s?(?:생성|추가|이전|요청)",
            4,
        ),
        (
            rf"(?:{_RESOURCES_KO}|{_RESOURCES_EN}).{{0,30}}(?:생성|할당|발급|만들어|신규)",
            4,
            ("생성", "할당", "발급", "만들어", "신규"),
        ),
        (rf"(?:생성|할당|발급|신규).{{0,20}}(?:{_RESOURCES_KO})", 4),
        # "s3 bucket plz", "dev용 VM 2대 부탁드립니다": a resource asked for by name.
        (
            rf"\b(?:{_RESOURCES_EN})\s+(?:plz|pls|please|request(?:ed)?|needed|wanted)\b",
            4,
            ("plz", "pls", "please", "request", "needed", "wanted"),
        ),
        (
            r"\bneed +(?:a|an|another|one more) +(?:bigger|larger|new|additional|extra|dedicated|separate) +"
            r"(?:[\w-]+ +)?(?:pool|node ?pool|nodes?|cluster|disk|instance|vm|db|database|subnet|ip)\b",
            4,
            ("need",),
        ),
        (
            rf"(?<![A-Za-z0-9_])(?:{_RESOURCES_KO}|{_RESOURCES_EN})\s?(?:\d+\s?(?:대|개)\s?)?(?:부탁|요청|신청)",
            4,
            ("부탁", "요청", "신청"),
        ),
        (
            r"\b(?:rds|postgres(?:ql)?|mysql|redis|storage account|static ip|public ip|dns records?|cname|"
            r"service bus|event hub|key ?vault|cosmos ?db|vnet|subnet|sku|vcores?|resource\s?quota)\b",
            2,
        ),
        (
            r"\b(?:korea\s?(?:central|south)|japan\s?(?:east|west)|(?:east|west|central)\s?(?:us|europe|"
            r"asia)\d?|(?:requests|limits)\s+cpu|cpu\s*\d|memory\s*\d+\s?[gm]i|\d+\s?(?:gib|gb|tb|"
            r"vcores?))\b",
            2,
        ),
        (r"데이터베이스|스토리지\s?계정|고정\s?IP|공인\s?IP|DNS\s?레코드|리소스\s?그룹|구독|사양|리전", 2),
        (r"\b(?:resource request|new resource|provision\w*)\b|리소스\s?(?:요청|신청|생성)", 4),
        (
            r"\b(?:sub|rg)-[\w-]+|\bresource ?groups?\b|\bsubscriptions?\b|\bcost ?cent(?:er|re)\b|"
            r"\bcharged? to\b|\bCC-\d+|코스트 ?센터|비용 ?(?:부서|코드)|"
            r"\b(?:tier|sku|quota|capacity|throughput units?|"
            r"event ?hubs?|file ?shares?|nat gateway|private endpoint)\b|용량|쿼터",
            2,
        ),
        (
            r"\b(?:set up|spin up|provision|create|build)\b.{0,20}\b(?:environment|env)\b|"
            r"환경\s?(?:구성|구축|생성)",
            4,
        ),
        (
            r"증설|증량|\b(?:scale (?:up|out)|increase (?:the )?(?:quota|size|capacity|storage|limit)|"
            r"resize)\b",
            4,
        ),
        # Names, lists and limits a desk hands out: "rbind.io subdomain request", "Mailinglisten",
        # "File Limit Request: max - 350 MB", "Increasing package size limit", "New worker request".
        (
            r"\b(?:sub)?domains? +request|\bmailing ?lists?\b|mailinglist\w*|"
            r"\b(?:file|size|upload|package|project|storage|disk) +(?:size +)?limits?\b|"
            r"\b(?:limit|quota) +(?:request|increase|raise)\b|\b(?:increas|rais|bump)\w* +(?:the +)?"
            r"(?:[\w-]+ +){0,2}limits?\b|\b(?:new +)?(?:worker|builder) +(?:request|for)\b",
            4,
        ),
        # A title that names a resource and what it is for: "S3 bucket for ml team", "Standard GCS
        # bucket for CSV exports", "2 vCPU VM for the build cache".
        (
            rf"^\s*(?![^\n]*\?\s*$)(?:\[[^\]]*\]\s*)?(?:[\w.-]+\s+){{0,3}}(?:{_RESOURCES_EN})s?\s+for\s+\S",
            3,
        ),
        # "mirror CRAN", "Set up mirrors", "Remove/update DNS entries", "Correct DNS to ...", "Request
        # network.mozilla.org", "Set up a Hudson Instance Per Project".
        (
            r"\b(?:set ?up|create|host|run|new)\b[^.\n]{0,30}\b(?:mirrors?|instances?)\b|"
            r"\b(?:remov|updat|correct|chang)\w*\b[^.\n]{0,20}\bdns\b|\bdns +(?:change|entr(?:y|ies)|update)|"
            r"\brequest(?:ing)?\s+(?:for\s+)?[\w-]+(?:\.[\w-]+)*\.(?:org|com|io|net|dev)\b",
            4,
        ),
        (r"(?<![/\w-])subdomains?(?![\w-])", 2),
        (
            r"\b(?:change|upgrade|resize|bump) +(?:the +|our +|my +)?(?:database|db|vm|sku|tier|plan|disk)\b",
            4,
        ),
        # "Solicitar DNS siginterpdf.ufms.br": a DNS entry for a named host, in any language.
        (r"(?<![/\w-])dns(?![\w-])[^\n]{0,30}\b[\w-]+\.[\w-]+\.[a-z]{2,}\b", 4),
        # A certificate to renew, a site moved, a bare host name as the whole title ("shr.js.org",
        # "Add khoiphuctool.js.org", "Transfer keda.sh to CNCF"): a name or a site the desk hosts.
        (
            r"\b(?:please +|need(?:s|ed)? +(?:to +)?(?:be +)?|request(?:ing)? +(?:to +)?)renew(?:ed|al)?\b|"
            r"\brenewal +request\b|\b(?:transfer\w*|migrat\w*|move)\b[^.\n]{0,30}?\b[\w-]+\.(?:sh|io|dev|"
            r"org|com|net|rs)\b|^\s*(?:add|register|new|claim)?\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\.?\s*$",
            4,
        ),
    ),
    "troubleshooting": _hints(
        (rf"\b(?:{_FAILURE_EN})\b", 3),
        (_FAILURE_KO, 3),
        # How real reporters say it: "No Space left on Device", "disk usage ... too high", "= 404",
        # "rhub::check() stalls", "refuses to start", "seems to be out of date", "agents are not
        # allocated", "unable to access", "응답 지연", "언제쯤 해결됩니까?".
        (
            r"\bno space left\b|\bdisk (?:usage|space)\b[^.\n]{0,40}\b(?:high|full|\d+ ?%)|"
            r"\btoo (?:high|slow)\b|"
            r"(?:=|\breturns?|\breturning|\bgives|\bgetting|\bgot|\bwith)\s*(?:an? +)?(?:http +)?404\b|"
            r"\b404 +(?:not found|error)|\bstall(?:s|ed|ing)?\b|\brefus(?:es|ed|ing) to\b|\bunreliable\b|"
            r"\b(?:seems?|is|are|looks?) +(?:to +be +)?(?:out[- ]of[- ]date|outdated)\b|"
            r"\bnot +(?:allocated|reachable|accessible|found)\b|\b(?:unable|not able|can'?t|cannot|"
            r"could ?n[o']t) +(?:to +)?(?:access|log ?in|reach|connect|sign ?in)\b|\bno access to\b|"
            r"\bweird\b|\bunlinked\b|"
            r"无法|접속이? ?(?:불가|안)|지연|해결(?:이|은)? ?(?:됩니까|되나요|언제|안)",
            4,
        ),
        # "Failed to deploy to prod", "Fix automatic deployment", "mirror sync issues", "연결 불가",
        # "서버에 못들어옵니다": a failure named before what failed, or said in a word.
        (
            r"\b(?:fail(?:ed|s|ing)?|unable|can'?t|cannot)\s+(?:to\s+)?(?:deploy|release|publish|build|sync|"
            r"connect|start)\b|\bfix\b[^.\n]{0,30}\b(?:deploy\w*|build|pipeline|ci|release)\b|"
            r"\b(?:sync|build|connection|network|dns|ssl|certificate|disk space|performance) +"
            r"(?:issues?|problems?)\b|(?:연결|접속|로그인)\s?(?:불가|안\s?됨|실패)|못\s?들어(?:가|와|오)|"
            r"(?:로그인|sign ?in|접속)(?:이|을)?\s?(?:안\s?되|불가|할 ?수 ?없|되지 ?않)",
            4,
        ),
        (r"\b(?:exception|traceback|CrashLoopBackOff|ImagePullBackOff|OOMKilled|OutOfSync|fatal)\b", 2),
        # "No periodic jobs are running", "azure jobs not running", "tide stopped merging".
        (
            r"\b(?:(?:jobs?|builds?|pipelines?|agents?|runners?|nodes?|workers?|bots?|cron\w*) +(?:are +|"
            r"is +)?(?:not|no longer|never) +(?:running|starting|triggered|scheduled|picked up|merging)|"
            r"(?:not|no longer|stopped) +(?:running|merging|syncing|scheduling|responding)|"
            r"no +(?:\w+ +)?jobs? +(?:are +)?running)\b",
            4,
        ),
        (
            r"\b(?:latency|spikes?|p9\d|degrad\w*|intermittent\w*|flaky|lag)\b|간헐적|급증|지연(?:이|되)|(?<!슬)랙|적체",
            3,
        ),
        (
            r"누락|안 ?(?:옴|와요|옵니다|들어옴|들어와요)|비어 ?있|\b(?:missing|not arriving|"
            r"stopped arriving|stopped \w+ing|not reporting|evict\w*|logged out|dropping|blind|paged)\b",
            3,
        ),
        (
            r"\b(?:pagerduty|alert fired|incident|stopgap|root cause|rca|sessions? lost)\b|장애",
            3,
        ),
        # "was working yesterday", "latency doubled", "returns 413": something that worked no longer does.
        (
            r"\bwas working\b|\bworked (?:fine |until |till )?(?:yesterday|last week|before)\b|"
            r"\b(?:until|till) (?:yesterday|last week)\b|어제까지는? (?:잘 )?(?:됐|되던|되었)|잘 되던|"
            r"\b(?:doubled|tripled|dropped|spiked|went from)\b|급감|떨어졌|"
            r"\b(?:returns?|returning|gives|getting|got|throws?|"
            r"responds? with)\s+(?:an?\s+)?(?:http\s+)?[45]\d\d\b",
            4,
            (
                "working",
                "worked",
                "until",
                "till",
                "어제",
                "잘 되",
                "doubled",
                "tripled",
                "dropped",
                "spiked",
                "went from",
                "급감",
                "떨어졌",
                "return",
                "gives",
                "getting",
                "got",
                "throw",
                "respond",
            ),
        ),
        (
            r"\b(?:fails?|failing|failed|broken|errors?)\b[^.\n]{0,40}\b(?:every|each|since)\b",
            3,
            ("every", "each", "since"),
        ),
        # A failed deployment is a problem to fix, not a deployment to run.
        (
            r"(?:deploy\w*|release|rollout|sync|배포|릴리즈|동기화)\W{0,3}(?:\w+\W+){0,4}?(?:fail\w*|error|"
            r"broken|stuck|실패|오류|에러|안\s?됩)|\b(?:after|since)\W*(?:the\s)?(?:[\w.-]+\s){0,2}(?:deploy\w*|"
            r"release|rollout|roll-out|upgrade)|"
            r"(?:배포|릴리즈|sync)\s?(?:후|이후|직후)|(?:배포|릴리즈|sync)(?:하고|한)\s?(?:나서|난\s?뒤|뒤|후)",
            4,
        ),
    ),
    "deployment": _hints(
        (r"\b(?:deploy(?:ment)?|release|rollout|roll out|promote|hotfix|ship)\b", 3),
        (r"배포|릴리즈|반영|롤아웃|핫픽스", 3),
        (
            r"\b(?:please deploy|deploy(?:ment)? request|roll it out|deploy \S+ to)\b|(?:배포|"
            r"반영)\s?(?:요청|부탁)|올려\s?주세요",
            3,
        ),
        (r"\bargo\s?cd\b", 1),
        # "Sync notification-worker to 3.8.1", "geo-tiles-stg → 0.33.0": moving an app to a version.
        (
            r"\bsync\b +(?:[\w`'\"-]+ +){0,4}?to +(?:image +|tag +|version +)?(?:tag +)?v?\d+\.\d+|"
            r"[a-z][\w-]*[a-z0-9]\s*(?:→|->)\s*v?\d+\.\d+(?:\.\d+)?(?![.\d])|\btag +v?\d+\.\d+\.\d+",
            4,
            ("sync", "→", "->", "tag"),
        ),
        (
            r"\bsync\b[^.\n]{0,40}\b(?:in|on|via) +argo ?cd\b|\bsync +(?:the +)?argo ?cd +app|"
            r"\bsync\b[^.\n]{0,40}\bto +(?:commit|sha|tag|image) +\S|"
            r"\b(?:prod|stg|staging|dev|qa)\b[^.\n]{0,10}\bsync\b"
            r"(?! +(?:fail|error|stuck|issue))|\b(?:deply|depoly|dpeloy|deplyo|deplpy)\b",
            3,
            ("sync", "depl", "depo", "dpel"),
        ),
        # Commands pasted with "run this for me": the ask is to run the deploy, whatever it printed.
        (r"\b(?:run|execute|apply) +(?:this|these|it|them) +for +(?:me|us)\b|대신 ?실행|실행해 ?주", 4),
        (r"\b(?:canary|blue[-/ ]?green|argo rollouts?|progressive delivery)\b|카나리", 3),
        (r"\b(?:roll ?back|revert to|downgrade)\b|롤백|되돌려", 4),
        (
            r"\b(?:commit|tag|sha|image)\s+(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b|\bv\d+\.\d+\.\d+\b|\bMR\s?!\d+|"
            r"\brelease-\d",
            2,
        ),
        (
            r"\b(?:to|into)\s(?:dev|qa|stg|stage|staging|prod|production)\b|(?:→|->)\s?(?:dev|qa|stg|prod|"
            r"운영|개발|스테이징)",
            2,
        ),
        # "please go ahead and push it to stage": moving a build along is the deploy itself.
        (
            r"\b(?:push|promote|ship|roll|move|take) +(?:it|this|them|[\w.-]+) +(?:out +)?(?:to|into) +"
            r"(?:dev|qa|stg|stage|staging|prod|production)\b",
            3,
        ),
    ),
    "other": _hints(
        # Access offered by the one who grants it is not a request to the queue (rules-2026.12.41, real
        # writing U): "I'll upgrade your permissions", "I'd like to add you into the admin list", "give
        # me your usernames so that I can make you admins", "add a comment with your github id".
        (
            r"\b(?:i'?ll|i will|i can|i'?d like to|let me|so (?:that )?i can) +(?:add|upgrade|make|give|"
            r"invite|grant) +(?:you|your)\b|\bare you (?:still )?interested\b|"
            r"\bwould you like to (?:join|create|be)\b|\b(?:add|post|leave) +a +comment +with +your\b|"
            r"\b(?:give|send|share) +(?:me +)?your +(?:github +)?(?:usernames?|user ?names?|handles?|ids?)\b",
            6,
        ),
        (
            r"\b(?:how (?:do|can|to|would|does)|where (?:is|are|can|do)|is there|question|can someone|"
            r"(?:is|does|do) anyone|anyone (?:know|using|still))\b|"
            r"문의|(?:는|하는)\s?방법|궁금|어디서|있나요\?|있을까요\?|"
            r"(?:하나요|되나요|인가요|가능한가요|뭔가요|무엇인가요)\?",
            3,
        ),
        (
            r"(?<![\w-])(?:docs?|documentation|guide|wiki|meeting|"
            r"walkthrough|postmortem|slack channel)(?![\w-]|\.[a-z])|문서|"  # "docs.rs" is a host, not docs
            r"가이드|미팅|설명|회고|채널",
            3,
        ),
        (r"\b(?:licen[cs]e|seat|invoice|bill(?! it to)|thanks|thank you)\b|라이선스|감사합니다|리포트", 3),
        (r"\b(?:process|workflow|how\b.{0,30}\bworks?)\b|프로세스|흐름|절차", 3),
        (
            r"\b(?:not requesting|understand the process|just (?:a question|asking|curious)|"
            r"is there a (?:process|way|guide)|look into improving|"
            r"(?:make|get) +\w+ +(?:faster|quicker|cheaper))\b|"
            r"(?:절차|프로세스)가 ?(?:어떻게|궁금)|개선 ?(?:요청|부탁|가능)|어떤 ?절차|신청 ?(?:방법|절차)|"
            r"어떻게 ?(?:신청|요청)|"
            r"당장 [^\n.]{0,10}필요한 (?:건|것은) 아닙|\bnot (?:needed|urgent) (?:right )?now\b|"
            r"\bnot (?:asking for|requesting) (?:new|any)\b|\bwho (?:do|should|can) (?:i|we) (?:ask|"
            r"contact|talk to)\b|"
            r"\b(?:add|include) +(?:our|the|my) +[\w -]{0,30}(?:to|in) +(?:the +)?[\w -]{0,30}(?:dashboard|"
            r"overview|page|list|docs?|wiki|catalog)\b|"
            r"\b(?:concerns?|talk about|discuss(?:ion)?)\b|논의|(?:슬랙|slack) ?스레드 ?공유|전달됨",
            4,
        ),
        (
            r"\b(?:feature (?:request|idea)|it would (?:help|be nice)|would be (?:nice|great|helpful)|"
            rf"could we (?:have|get)(?! +(?:an?|one|another|new) +(?:{_RESOURCES_EN})\b)|suggestion|"
            rf"proposal|announcement|fyi)\b|기능 ?요청|개선 ?(?:요청|제안)|"
            r"제안|공지|있으면 좋겠",
            4,
        ),
        # Wishes, evidence for an audit, a document to refresh, a default to change: not work on a system.
        (
            r"(?:받고|보고|했으면|되었으면|되면|바뀌었으면) ?(?:싶습니다|"
            r"싶어요|좋겠)|감사 ?대응|증적|자료 ?요청|"
            r"\b(?:audit evidence|evidence for (?:the |an )?audit)\b|"
            r"(?:문서|가이드|docs?|wiki|runbook|런북)[^\n]{0,25}(?:최신화|업데이트|갱신|update)|"
            r"\b(?:bump|change|raise|increase|lower) +the +default\b|기본값|"
            r"(?<!봐)(?<!봐 )(?<!확인해)(?<!확인해 )(?<!처리해)(?<!처리해 )(?:주면|주시면) ?좋겠|"
            r"(?:되면|있으면|했으면|됐으면) ?좋겠|알고 ?싶|알림(?:에|을|를)? [^\n]{0,20}추가|"
            r"알림 ?(?:추가|개선|변경) ?(?:요청|부탁)|\badd +(?:a +|"
            r"an +)?(?:slack +|teams +)?(?:notifications?|alerts?) +"
            r"(?:for|when|on)\b|\b(?:should|do|can) +(?:i|we) +(?:open|file|create|raise|submit|list|put)\b",
            5,
            (
                "싶",
                "좋겠",
                "감사",
                "증적",
                "자료",
                "evidence",
                "audit",
                "최신화",
                "업데이트",
                "갱신",
                "update",
                "default",
                "기본값",
                "알림",
                "알고",
                "notification",
                "alert",
                "should",
                "can ",
                "do ",
            ),
        ),
        (
            r"(?:runbook|런북|문서|가이드|docs?|wiki|page|"
            r"페이지)[^\n]{0,25}(?:outdated|out of date|stale|obsolete|"
            r"rewrite|오래된|안 맞|최신이 아닙)|\b(?:"
            r"procurement|contract|usage (?:numbers|data|report|"
            r"export)|cost report|invoice)\b|계약|사용량|"
            r"(?:나왔|보였|왔|떴|생겼|바뀌었|추가됐|추가되었|됐|되었|했|있었)으면 ?좋겠",
            5,
            (
                "runbook",
                "런북",
                "문서",
                "가이드",
                "doc",
                "wiki",
                "page",
                "페이지",
                "procurement",
                "contract",
                "usage",
                "cost report",
                "invoice",
                "계약",
                "사용량",
                "좋겠",
            ),
        ),
        # Announcements and freezes: "보안 점검 일정 공유", "code freeze", "maintenance window".
        (
            r"일정 ?공유|안내 ?드립니다|알려 ?드립니다|점검 ?(?:일정|예정|기간)|"
            r"(?:배포|변경|릴리즈) ?(?:동결|중단 ?요청)|"
            r"\b(?:(?:code|deploy(?:ment)?|release|change) freeze|maintenance window|"
            r"scheduled maintenance|heads[- ]up|(?:no|any) action (?:is )?(?:needed|required))\b",
            4,
        ),
        # A title that is a question: "Why did sub-data-dev cost double?", "Is this the right way ...?"
        # ... unless it asks about a failure: "Is Hackage server down?" is a problem report.
        (
            r"^\s*(?:why|what|how|is|are|can|should|does|do|which|where)\b(?![^\n]*\b(?:down|broken|"
            r"crash\w*|bugs?|outage|unreachable|offline|stuck|slow|not working)\b)[^\n]*\?\s*$",
            4,
        ),
        # Internal improvement work named by its first word: "Investigate alternative jenkins access for
        # backups", "Audit usage of Youtube", "Archive jenkinsci/jna", "Implement tighter security for
        # SSH access": the team's own task, not a request for access or a resource.
        (
            r"^\s*(?:\[[^\]]*\]\s*|[\w-]+:\s*)?(?:investigate|explore|evaluate|consider|audit|archive|"
            r"document|clean ?up|deprecate|implement|improve|automate|refactor|tracking|umbrella|track|"
            r"research|review|plan|design|discuss|enforce|standardi[sz]e|consolidate|define|"
            r"migrat\w* +(?:(?:the|our) +)?(?:ci|builds?|tests?|pipelines?)\b)(?![\w-])",
            4,
        ),
        # A ticket that says what it is up front: "Feature request: ...", "[공지] ...".
        (
            r"^\s*\[?(?:feature request|feature idea|idea|announcement|fyi|proposal|rfc|maintenance|notice|"
            r"heads[- ]up|점검|공지|기능 ?요청|개선 ?제안|제안|아이디어|안내)\]?\s*[:\]-]",
            8,
        ),
        # "How do I get access to prod Grafana?": asking how to request is not the request.
        (
            r"\bhow (?:do|can|should|would) (?:i|we|new \w+) (?:request|"
            r"apply for|get|ask for|file)\b|어떻게 ?(?:신청|요청)",
            6,
        ),
    ),
}
# "Slack alert when a sync fails", "실패하면 알림": a failure in a condition is not a report of one.
for _category, _more in MORE.items():  # open-source desks' wording (`category_hints_open_source`)
    CATEGORY_HINTS[_category] += _hints(*_more)
for _category, _more in MORE_WORLD.items():  # other languages' wording (`category_hints_world`)
    CATEGORY_HINTS[_category] += _hints(*_more)

# All the hints' needles, found in one pass over a ticket (`rules.category_scores`).
HINT_NEEDLES = NeedleIndex(hint.needles for hints in CATEGORY_HINTS.values() for hint in hints)

CONDITIONAL_FAILURE = re.compile(
    r"\b(?:when|whenever|if|once|in case|each time)\b +(?:(?:an?|the|any|our|my) +)?(?:[\w-]+ +){0,2}?"
    r"(?:fails?|breaks|errors?(?: out)?|goes down|is down|crash(?:es)?|times out)\b|"
    r"(?:실패|에러|오류|장애)(?:가|이)? ?"
    r"(?:나면|발생하면|발생 ?시|날 ?때|하면|할 ?때|시)(?![가-힣])",
    re.IGNORECASE,
)
LOG_WEIGHT = 3
