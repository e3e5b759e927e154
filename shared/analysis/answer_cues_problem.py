"""Wording that says what happened, when and where without looking like an answer: when it started,
output introduced as such, what happened in a few words, and where, named the way people say it.

The other half of `answer_cues_troubleshooting`, kept apart so each module stays readable; the same
rule holds: every cue still needs the item's substance.
"""

from __future__ import annotations

# A clock time in a problem report is when it started: "synced at 13:05", "(~10:20)", "오늘 15시에",
# and a dated change it started after: "11/18 GitLab 이관 이후로", "11/19 배포 이후로".
WHEN = (
    # A date then what it started with, last night in Korean, the first failure (rules-2026.12.47, real
    # shapes BS, BU): "2026-11-18 점검 때부터", "어젯밤 auto-sync 이후로", "first failure on the 23rd".
    r"\d{4}-\d{1,2}-\d{1,2}[^\n.]{0,12}(?:부터|이후)|어젯밤|엊그제|그저께|\bfirst +(?:failure|failed|"
    r"error|occurrence|seen|alert)\b",
    # How long, told loosely: "stuck for weeks", "since some days (maybe weeks)", "a couple of weeks",
    # "about a week ago", "expired as of today", "expired on 6/24/2024", "is expired (29 March 2017)".
    r"\b(?:for|since) +(?:at least +|about +|over +|almost +)?(?:(?:a|one|two|three|several|some|a few|a "
    r"couple of|many|\d+) +)?(?:days|weeks|months)\b|\b(?:a|one|two|three|a few|a couple of|about a|\d+) +"
    r"(?:min(?:ute)?s?|hours?|days?|weeks?|months?) +ago\b|\bas of +(?:today|yesterday|this (?:morning|week)|"
    r"last night)\b|\b(?:expired|expires|started|began|broke|stopped) +(?:on|at|since) +\S*\d|"
    r"\(\s*\d{1,2} +(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* +\d{4}\s*\)",
    r"\d{1,2}/\d{1,2}\b[^\n.]{0,24}?(?:이후로|이후부터|부터|후로|이후에)|"
    r"(?:배포|이관|마이그레이션|업데이트|업그레이드|패치|변경|작업|점검|재시작)\s?"
    r"(?:이후로|이후부터|후로|하고 ?나서)",
    r"\bat +(?:about +|around +)?~? ?\d{1,2}:\d{2}\b|\(~ ?\d{1,2}:\d{2}\)|"
    r"(?:오늘|어제|그저께|엊그제|지난밤|어젯밤|새벽|아침|오전|오후|저녁|\d{1,2}/\d{1,2}|\d{1,2} ?일) ?"
    r"(?:오전 |오후 |새벽 )?\d{1,2} ?시(?: ?\d{1,2} ?분| ?반)?(?:쯤|경|께)?(?:에|부터|이후)?",
    r"(?:오늘|어제|그저께|\d{1,2}/\d{1,2}|\d{1,2} ?일) ?(?:오전 |오후 )?\d{1,2}:\d{2}|"
    r"\b(?:on|since) +(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* +\d{1,2}\b",
    # A dated report: "servers are down 11/9/2023", "the first failed ping was at 12:07AM PST" (a
    # clock time with its zone: "leaves at 5pm today" is a deadline).
    r"(?<![\w./-])(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}|(?:19|20)\d{2}[/.]\d{1,2}[/.]\d{1,2})(?![\w./-])|"
    r"\b\d{1,2}(?::\d{2})? ?(?:am|pm)? *(?:utc|gmt|kst|jst|cet|cest|pst|pdt|est|edt|bst|ist)\b",
    # A thread's day in parentheses, a timestamp (rules-2026.12.20, real shapes S): "스레드 그대로
    # 옮깁니다 (2026-11-20)", "2026-11-20 14:07".
    r"\(\s*(?:19|20)\d{2}-\d{2}-\d{2}\s*\)|(?<![\w./-])(?:19|20)\d{2}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}",
    # "starting with the 14:05 ET run on 2026-11-19" (rules-2026.12.22, real shapes V).
    r"\b\d{1,2}:\d{2} ?(?:am|pm)? *(?:et|pt|ct|mt|aest|aedt|nzst|nzdt|sgt|hkt)\b|"
    r"\b(?:on|since|from|starting(?: +on)?) +(?:19|20)\d{2}-\d{2}-\d{2}\b",
    # rules-2026.12.17, real writing H: an expiry told with its day ("expired on August 11th, 2021",
    # "[expired: 2020-06-25]", "expired today"); a spell told loosely ("for over an hour", "for a
    # couple days now"); a month-day-year date; Chinese "10分钟前". (A screenshot's timestamped name
    # is not one: a file answers the error item only, as issue 13 decided.)
    r"\bexpir(?:ed|es|y|ation)\b[: ]*(?:on|date)?[: ]*(?:(?:19|20)\d\d-\d\d-\d\d|(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]* +\d{1,2}\b)|\b(?:expired|went down|broke|stopped working|started "
    r"failing) +(?:earlier +)?(?:today|yesterday|this morning|last night|tonight)\b",
    r"\bfor +(?:over +|about +|almost +|more than +|nearly +)?(?:an|a|one) +hour\b|\bfor +(?:about +|over +)?"
    r"a +couple(?: +of)? +(?:hours|days|weeks)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* +\d{1,2}(?:st|nd|rd|th)?,? +(?:19|"
    r"20)\d\d\b|"
    r"\d+ ?(?:分钟|小时|天)前|昨天|今天",
)


# Output introduced as such: "ingress 로그에는 아래처럼 찍힙니다", "it looks like this:".
ERROR = (
    r"(?:아래|다음)(?:처럼|과 ?같이|와 ?같이|같이) ?(?:찍|나오|나와|뜨|떠|출력|표시|남)|"
    r"\b(?:looks like|shows|says|get|got|returns?|returned|prints?|printed) +(?:this|the following)\s*:",
    r"^[^\n]{0,40}\b(?:logs?|output|error|trace)\b *(?:\([^)\n]{0,30}\))? *[:：]\s*$|"
    r"^[^\n]{0,40}(?:로그|에러|오류|출력|메시지)(?:는|가)? *[:：]\s*$",
    # A status code or a system's own words, told in passing: "down with a 502 Bad Gateway error",
    # "the broken (403) address", "verify 503s", "curl: HTTP 512", "Connection timed out".
    r"\b(?:https?|status|code|error|returns?|returning|with +an?|got|getting)\s*:?\s*[45]\d\d\b|"
    r"\b[45]\d\d\s*(?:errors?|bad gateway|forbidden|not found|service unavailable|gateway time-?out|"
    r"internal server error|unauthori[sz]ed)\b|\(\s*[45]\d\d\s*\)|(?<![\w.])[45]\d\ds\b|=\s*[45]\d\d\b|"
    r"\b(?:connection (?:timed out|refused|reset)|no route to host|no space left on device|permission denied|"
    r"could not resolve host|name or service not known|(?:site|page) can.t be reached|took too long to "
    r"respond|too many redirects|DNS_PROBE_\w+|ERR_\w+)",
    # An alert's own payload pasted (PagerDuty, Alertmanager, CloudWatch): the alarm is the message.
    r"[\"'](?:alarm(?:_?name)?|alert_?name|event_type|incident_key)[\"']\s*:\s*[\"'][^\"'\n]{3,}",
)


# A status the service gives back is what happened: "checkout-api is returning intermittent 502s";
# "연결 에러 납니다": an error that happens, said in Korean.
SYMPTOM = (
    # More failure words (rules-2026.12.47, real shapes BR-BU): "결과가 0건으로 나오는", "앱이 튕긴다",
    # "sends each voucher 2-3 times", "chat lagging 20-30 seconds behind", "queries hang for 10+
    # minutes", "Alerts firing since last night".
    r"0 ?건으로 ?(?:나오|나와|노출|조회)|튕(?:긴다|겨요|깁니다|김|기는|겨서|겨)|\b(?:sends?|sent|emails?|"
    r"charges?|charged|creates?|created|runs?|fires?|fired|posts?|posted)\b[^.\n]{0,40}?\b"
    r"(?:twice|\d(?:-\d)? +times)\b|(?<![/\w-])lag(?:s|ging|ged)?\b(?![/-])|\bdelayed +(?:by +)?\d|"
    r"\bhang +for\b|\breturn(?:s)? +nothing\b|\balerts? +(?:are +|keep +)?firing\b",
    # Failure verbs the vocabulary lacked (rules-2026.12.45, real shapes BH, BI, BJ, BK): "the app
    # freezes when we press Confirm", "skipped the roaming CDR file", "logs agents out", "jobs die at
    # random times", "무한 루프 돕니다", "재고가 두 번 차감되서 마이너스로 떨어지고".
    r"\b(?:freezes|froze|freezing)\b|\bskip(?:s|ped|ping) +(?:the|a|an|some|all|\d+)\b|\b(?:logs?|kicks?|"
    r"kicked|logged|signs?|signed) +(?:\w+ +){0,2}?out\b|\b(?:die|dies|died|dying)\b|"
    r"\binfinite +(?:loop|redirect)|\bredirect +loop|무한 ?(?:루프|리다이렉트|로딩|반복)|"
    r"루프 ?(?:돕니다|돌아요|돌고)|마이너스로 ?(?:떨어|나오|표시)|(?:두 ?번|중복) ?차감",
    # A figure against its normal (rules-2026.12.45, real shapes BI): "p99 at ~3s since 08:00 today,
    # normally 200ms", "latency way up".
    r"\b(?:p9\d|p50|latency|response times?|error rate)\b[^\n]{0,40}\b(?:normally|usually|up from|instead of|"
    r"way up|spik\w+|jump\w*|doubled|tripled)\b",
    # Things made twice (rules-2026.12.44, real shapes BF): "end up with two orders and two card
    # authorizations", "duplicate orders", "double charge".
    r"\b(?:duplicated?|double) +(?:[\w-]+ +)?(?:orders?|payments?|charges?|records?|entries|messages|emails|"
    r"notifications|events|rows|bookings|invoices|transactions)\b|\bcharged +twice\b|\bend +up +with +"
    r"(?:two|2|duplicate)\b|(?:중복|이중) ?(?:주문|결제|청구|발송|생성|승인)",
    r"(?:연결|접속|빌드|배포|로그인|인증|호출|요청|쿼리|커넥션)\s?(?:에러|오류)(?:가)?\s?(?:나|납니다|나요|나네요|"
    r"발생|뜹니다|떠요|뜨네요)",
    # rules-2026.12.37 (real shapes AM, AO, AP): "IN-03 차단기 안열림", "랜딩페이지 안열림", "5xx 알람 계속
    # 울림", "STS07 telemetry flatlined", "data flat in Grafana".
    r"안 ?열(?:림|려요|려|립니다|리네요)|먹통|"
    # A named service down, even as a question (rules-2026.12.43, real shapes BA): "Label printer service
    # down at Pyeongtaek?".
    r"\b(?:service|server|printer|site|system|portal|api)s? +(?:is +|are +|seems +|looks +)?down\b|"
    # rules-2026.12.41 (real shapes AU, AV): "collector dashboard red again", garbled text.
    r"\b(?:dashboards?|panels?|status|health|monitors?)\b[^\n.]{0,20}\b(?:(?:is|are|went|turned|goes) +)?"
    r"red\b|"
    r"\bred +again\b|\bgarbled\b|\bmojibake\b|\b(?:text|characters|letters|lines|encoding)\b[^\n.]{0,20}"
    r"\b(?:broken|become like|turn into|show as)\b|"
    r"(?:알람|알림|alarm|alert)\w*[^\n.]{0,8}계속 ?(?:울림|울려|울립|와요|옵니다|발생)|"
    r"\bflat-?lined\b|\b(?:data|graphs?|metrics?|telemetry)\b[^\n.]{0,20}\bflat\b",
    r"\b(?:returns?|returning|throws?|throwing|gives?|giving|responds? with|responding with|serving)\s+"
    r"(?:\w+\s+)?(?:an?\s+)?(?:http\s+)?(?:[45]\d\d|5xx|4xx)s?\b",
    # What real reports name as the trouble (rules-2026.12.17, real writing H): "SSL Certificate
    # expired", "Domain is not resolvable", "builds are not being triggered", "Stops, builds forever
    # pending", "502 Bad Gateway", "deploys wrong site", "held in moderation queue", "App esta caida".
    r"\b(?:has +|have +|had +|just +|is +|are +|was +|seems +|been +)?expired\b|\bexpired +(?:ssl +|tls +|"
    r"security +|gpg +)?(?:cert\w*|keys?|links?|domains?)\b|\bnot +(?:being +|getting +)?(?:resolv\w+|"
    r"updated|"
    r"deployed|receiving|triggered|triggering|changing|loading|published|delivered)\b|"
    r"(?:does|do|did)(?:n'?t| +not) +(?:seem +to +)?(?:trigger|update|deliver|resolve)\b|"
    r"\bforever +pending\b|"
    r"\bpending +forever\b|\b50[0234] +(?:bad gateway|service unavailable|internal server error|"
    r"gateway time-?out)\b|"
    r"\b50[0234]\b[^.\n]{0,20}\b(?:errors?|pops? up|shows?|returned)\b|\bwrong +(?:site|page|link|version|"
    r"certificate|cert|domain|branch)\b|\bheld +in +(?:the +)?moderation\b|\best[aá] +ca[ií]d[ao]\b|"
    r"\bno +funciona\b",
    # Slowness and alerts said plainly (rules-2026.12.18, real shapes Q and R): "latency is high again",
    # "Horizon slow", "push rejected", "[P3] Triggered: CPU > 95%", "print only blank labels", "응답 느림".
    r"\b(?:latency|response +times?|cpu|memory|load|error +rate)\b[^.\n]{0,20}\b(?:high|spik\w+|>|above|"
    r"over)|"
    r"\b(?:slow|slower|sluggish|laggy|rejected|blank|garbled|corrupt\w*|missing)\b|\btriggered *:|"
    r"\]\s*triggered\b|"
    r"\b(?:sync|build|deploy\w*|pipeline|login|dns|ssl|api|site|page|link|job)s? +(?:is +|are +|"
    r"seems +)?broken\b|"
    r"\b\d+ ?x +slower\b|"
    r"느(?:림|립니다|려요|려짐|려졌|리네요|립|려서)|(?:흰|하얀|빈) ?화면|\bwhite +(?:screen|page)\b|"
    r"끊(?:겼|어지|어져|김|깁니다|기고)|지연(?:됩니다|되고|돼요|이 ?(?:발생|심))",
    r"\b(?:offline|outage|stalled|stale|outdated|out of date|desynced|unavailable|not +available|"
    r"deactivated|lapsed)\b|\b(?:out of|low on|no|running out of) +(?:disk +)?space\b|"
    r"\bdisk +(?:is +)?full\b|"
    r"\bpermission denied\b|\bbad request\b|\btoo many requests\b|\bnot found\b|\b(?:40[34]|50[0234])\b|"
    r"\berr_[a-z_]+\b|\btakes? +too +long\b|\bnever +(?:runs?|starts?|finish\w*|gets? +queued)\b|"
    r"\bstill +(?:going|running|pending)\b|\bno +longer\b|(?:[a-z]\s|^)down\s*$|"
    r"접속 ?(?:이 ?)?불가|무응답|응답 ?지연|无法|不能|不相符|出来ない|できない",
    # An error popup said to appear, a title that asks whether it is down (rules-2026.12.25, real
    # shapes X and Y): "에러 팝업이 뜹니다", "오류 창이 떠요", "FW: claims-api in UAT down?".
    r"(?:에러|오류|경고) ?(?:팝업|창|메시지|메세지)(?:이|가)? ?(?:뜹|떠|뜨|나옵|나와|발생)|"
    r"(?:[a-z]\s|^)down\s*\?\s*$",
    # A measure said to climb, a node or pod state, a job that died (rules-2026.12.25, real shapes
    # U-Z): "replica lag spikes to 90s", "DLQ growing", "Redis evictions 급증", "nodes NotReady",
    # "pods restarting", "my job died again", "Users logged out randomly", "작업 실패".
    r"\b(?:lag|latency|backlog|queue|dlq|evictions?|errors?|restarts?|5xx|4xx|timeouts?)\b[^.\n]{0,20}?"
    r"(?:\b(?:spik\w*|grow\w*|increas\w*|climb\w*|jump\w*|went +up)\b|급증|증가|폭증)|"
    r"(?:지연|에러|오류|적체)\s?(?:이|가)?\s?(?:급증|증가|폭증)|\bnot ?ready\b|"
    r"\b(?:restarting|crash ?loop\w*|oom ?killed|evicted|died|dies|logged +out)\b|"
    r"실패(?:했|합니다|해요|함|하나요|하네요|하고)?(?![가-힣]| ?(?:시|할 ?(?:때|경우)))",
)


# Where, named the way people say it: a tool in Korean, a runner or a database by its name, an
# environment's page or site ("prod 결제 페이지"), or a repository, pipeline or app linked by address.
WHERE = (
    # A system named by a Korean compound, or an English name before its kind, in the summary
    # (rules-2026.12.46, real shapes BM, BO, BQ): "정산포털 화면 이상", "추천 API 응답 느림", "Survey portal
    # slow again", "clearing batch failed again" ("결제 화면", "the portal" name no system).
    r"\A[^\n]{0,30}?(?<![가-힣])(?!(?:현장|사내|업무|내부|관리|전체|모든|우리|회사|해당|기존|신규|관련|"
    r"야간|주간|일일|정기|자동|수동|모바일|웹|외부|테스트) ?(?:포털|API|api|배치|시스템|홈페이지|사이트|앱|"
    r"서버|DB))[가-힣]{2,6} ?(?:포털|API|api|배치|시스템|홈페이지|사이트|앱|서버|DB)"
    r"(?![가-힣])|"
    r"\A(?:\[[^\]\n]*\] *)?(?!(?:the|our|my|this|that|your|a|an|web|mobile|admin|new|old|main|public|"
    r"internal|customer|user|login|api|azure|aws|google|microsoft|github|gitlab|cloud)\b)[A-Za-z][a-z]{2,} +"
    r"(?:portal|api|batch|gateway|dashboard)\b",
    # A company host's page linked bare (rules-2026.12.46, real shapes BM, BQ): "https://settle.hbfare.co.kr/
    # admin/batch/8812", "https://plm.hanbada-hi.com/tc/awc/" (a public site, a forge's root, docs: no).
    # A monitoring tool's or a wiki's page (grafana., app.datadoghq.com, *.atlassian.net) names a page,
    # not what broke.
    r"https?://(?!(?:www\.)?(?:github|gitlab|bitbucket|google|youtube|twitter|x|discord|slack|medium|"
    r"stackoverflow|pastebin|imgur|wikipedia)\.)(?!(?:docs|doc|wiki|help|support|blog|forum|community|"
    r"status|app|www|grafana|kibana|console|dashboards?|monitor\w*|jira|confluence|sentry|metrics|"
    r"prometheus|alerts?|logs?)\.)(?![^/\s]*\b(?:atlassian|datadoghq|newrelic|sentry|pagerduty|opsgenie|"
    r"splunk\w*|grafana|kibana|notion|office|sharepoint)\b)[a-z0-9-]+(?:\.[a-z0-9-]+){2,}/[^\s)\]]+",
    # A host logged into, a resource named after its environment (rules-2026.12.45, real shapes BG, BJ):
    # "ssh lan.nguyen@hpc-login01.hanbit.ac.kr", "prod RDS `settlement-db`".
    r"\bssh +(?:-\S+ +)*(?:[\w.-]+@)?[a-z][\w-]*(?:\.[\w-]+)+|\b(?:prod|production|prd|stg|staging|dev|운영|"
    r"개발|검증)\b[^\n`]{0,20}`[a-z][a-z0-9]*(?:-[a-z0-9]+)+`|"
    # ... unquoted right after it, or a server, host or DB named after its kind (rules-2026.12.46, real
    # shapes BM, BQ): "운영 settle-db(PostgreSQL HA)", "라이선스 서버는 lic-cad-01", "DB는 settle-db".
    r"(?<![\w-])(?:prod|production|prd|운영)\s+[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?=[\s(]|$)|"
    r"(?:서버|호스트|db|database|server|host)(?:는|은|:)?\s+[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?\d+\b",
    # A Grafana dashboard linked by its address names what it watches (rules-2026.12.42, real shapes AU,
    # AY): "grafana.hanbeat.io/d/redis-chat-prod-apne2/redis-chat-cluster-prod".
    # A bare slug ("/d/k3Jd9aZ4z/ccu") names a dashboard, not what broke (real shapes AE).
    r"https?://[^\s)\]]*grafana[^\s)\]/]*/d/[\w-]+/[a-z0-9]+(?:-[a-z0-9]+)+",
    # The account the problem is in (rules-2026.12.40, real shapes AT): "prod 계정 IoT Core".
    r"(?<![\w-])(?:prod|production|stg|staging|dev|qa|운영|스테이징|개발) ?계정\b",
    r"(?<![\w-])(?:prod|production|stg|staging|dev|qa|운영|스테이징|개발)\s?(?:환경\s?)?(?:의\s?)?[\w가-힣-]{1,12}\s?"
    r"(?:페이지|화면|사이트|page|site|screen|api|앱|app|로그인|login|포털|portal)(?![A-Za-z])",
    r"https?://[^\s)\]]+/(?:-/)?(?:pipelines?|jobs?|merge_requests|pull|applications|actions/runs|builds?|"
    r"job|view)/[\w.-]+|https?://(?:www\.)?(?:github|gitlab|bitbucket)\.[\w.]+/[\w.-]+/[\w.-]+",
    r"\b(?:vpn|wi-?fi|sso|okta|ldap|keycloak|bastion|proxy)\b",
    r"(?:젠킨스|깃랩|깃허브|아르고|그라파나|키바나|소나큐브|"
    r"넥서스|하버|카프카|레디스|데이터독|센트리|컨플루언스) ?"
    r"(?:이|가)? ?(?:또 )?(?:다운|먹통|죽음|죽었|죽어|뻗|접속 ?(?:불가|안))",
    r"\b(?:runner|agent|broker|instance|vm|database|db|node ?pool)\s+[`'\"]?[a-z][\w.-]*[-\d][\w.-]*",
    # The screen or menu of a system named by its name (rules-2026.12.25, real shapes Y): "울산 MES
    # 작업지시 화면에서" ("결제 화면에서" names no system: the labellers ask which one).
    r"(?-i:\b[A-Z][A-Za-z\d-]+)(?: +[\w가-힣-]{2,}){0,2} ?(?:화면|메뉴|페이지)에서",
    # The address of what fails, named where it fails (rules-2026.12.19, real writing I): "https://x.nl/
    # is unreachable", "http://docs.deployd.com gives a 404", "a 502 when visiting http://pointfree.io/",
    # "I entered the url https://publiclab.org/" ("latency is high, see <dashboard link>" is not one).
    r"(?:https?://[^\s)\]]+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|io|com|net|dev|rs|sh|app|kr|edu|fyi|info|nl|de|jp|"
    r"cn)\b)"
    r"[^.\n]{0,40}?\b(?:is|seems(?: to be)?|are|went|was)? *(?:(?:completely|currently|still) +)?(?:down|"
    r"unreachable|"
    r"offline|not +(?:load|work|respond|resolv|reachable|accessible)\w*|gives?|returns?|throws?|shows?|"
    r"times? +out|"
    r"expired|broken)\b|\b(?:visit\w*|access\w*|open\w*|load\w*|connect\w* +to|entered +the +url|reach\w*|"
    r"down +at|error +(?:at|on))\b +(?:the +url +)?https?://[^\s)\]]+",
    # A named app that crashes on a named platform (rules-2026.12.22, issue 17's example): "Vidyo
    # crashes when viewing screen share in full screen on mac".
    r"(?-i:\b[A-Z][a-z]+[A-Za-z]*) +(?:crash(?:es|ed)?|freez(?:es|ed)|hangs|hung)\b[^.\n]{0,60}\bon +"
    r"(?:the +)?(?:mac(?:os| ?os ?x)?|windows|linux|ubuntu|ios|android|iphone|ipad|chrome(?:book)?)\b",
)
