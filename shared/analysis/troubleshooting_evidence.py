"""How people in this queue describe a problem, and where a pasted log answers part of it.

The troubleshooting items in `checklist_troubleshooting` read the reporter's prose with their own
patterns and the further ones here; the checks below read pasted output. Following the labelling conventions,
pasted output counts where an assignee would read it: a log's absolute timestamp says when, its
namespace, object, service tag or git remote says where, an error in it says what happened, and
the command it was pasted under (`$ kubectl apply ...`, not a read-only `kubectl get`) is the step
that reproduces it.
"""

from __future__ import annotations

import re

from shared.analysis import vocabulary as vocab
from shared.analysis.ticket_text import TicketText

# "ArgoCD sync failed", "the backup job has failed": a named operation that failed.
SYMPTOM_MORE_EN = (
    r"\b(?:sync|build|deploy(?:ment)?|job|pipeline|push|pull|clone|log ?in|upload|download|backup|restore|"
    r"migration|request|health ?check|probe|test|run|install(?:ation)?|upgrade|connection|release|rollout|"
    r"cron ?job|task|step|query|webhook|import|export|apply|plan|renewal|scan|alert|notification)s? +"
    r"(?:has +|have +|had +)?(?:failed|broke|timed out|hung|crashed|errored)\b",
    # ... or an error of a named operation, said as a title (rules-2026.12.32, real shapes AG/AH):
    # "ArgoCD sync error", "Build error".
    r"\b(?:sync|build|deploy(?:ment)?|pipeline|job|login|push|pull|upload|backup|restore|migration|"
    r"install(?:ation)?|upgrade|rollout|release)s? +(?:errors?|failures?)\b",
    r"\bshow(?:s|ing)? +(?:no|nothing|empty|blank|zero|stale|wrong|incorrect|outdated)\b|\bno data\b",
    r"(?:'s|’s|\b(?:super|very|really|extremely|so|too|painfully|unusually)) +slow\b|"
    r"\btakes? +\d+ *(?:min\w*|s|secs?|seconds?|hours?|h) +(?:instead of|rather than|vs\.?|compared to)|"
    r"\b(?:slower|longer) than "
    r"(?:usual|before|normal|yesterday)\b",
    r"\b(?:is|are|went|goes|got) +(?:\w+ +)?(?:offline|unresponsive|missing)\b|\bwait(?:s|ing)? +forever\b|"
    r"\bdrops? +(?:every|after|randomly|constantly)\b|\bdisconnects?\b",
)
SYMPTOM_MORE_KO = (
    r"(?:안|못) ?(?:옵니다|와요|와서|들어옵니다|들어와요|들어오|보입니다|보여요|나옵니다|나와요|뜨네요)|"
    r"(?:머물러|멈춰|걸려) ?있|상태(?:입니다|로 ?(?:남아|머물|유지))|끊(?:깁니다|겨요|기고|어집니다)|"
    r"(?:빈|없는) ?(?:화면|데이터)|데이터가 ?없|유지됨|(?:안|못) ?(?:됨|함)$|"
    # A blank screen (rules-2026.12.29, real shapes AD): "화면이 하얗게 나옵니다", "흰 화면".
    r"(?:하얗게|까맣게|새하얗게) ?(?:나옵|나와|뜹|떠요|떠서|보입|보여|변|돼|됩)|(?:흰|하얀|검은|까만) ?화면"
)
STEPS_MORE = (
    r"\b(?:happens|occurs|reproduces|fails|breaks|shows up) +(?:only +|always +)?"
    r"(?:when|whenever|if|every ?time|each time|on)\b|"
    r"\b(?:every ?time|whenever) +(?:i|we|you|someone|anyone)\b|"
    r"\bto see (?:it|this|the "
    r"(?:issue|problem|error))\b",
    r"\b(?:just|simply) +(?:run|push|open|trigger|start|deploy|call|hit|click|create|retry|re-?run|commit|"
    r"merge|restart)\b|\b(?:run|trigger|push|open|start|deploy|commit|merge) +any\b",
    r"\b(?:open|go to|navigate to|click)\b[^\n]{0,40}(?:>|→)",
    # A menu path the reporter went down (rules-2026.12.29, real shapes AD): "when they do Reports >
    # Year end > P60 bulk export", "submitted via Payroll > RTI > Submit FPS".
    r"\b(?:do|does|did|doing|submit\w*|run|ran|select\w*|choose|chose|use[sd]?|via|through|under|from)\b +"
    r"\w[\w ]{0,25}? +(?:>|→|›) +\w[\w ]{0,25}? +(?:>|→|›) +\w",
    # ... or as the path alone, four steps deep (rules-2026.12.36, real shapes AN): "민원 신청 > 구비서류
    # 첨부 > 10MB 넘는 PDF 선택 > 업로드 → 413".
    r"(?:^|[.:] )[^\n>→]{1,30} (?:>|›) [^\n>→]{1,30} (?:>|›) [^\n>→]{1,30} (?:>|›|→) *\S",
    # ... said in Korean as what the reporter did first: "로그인 후 화면이 하얗게 나옵니다".
    r"(?:로그인|접속|클릭|진입|실행|업로드|조회|저장|결제|이체|설치|업데이트|재부팅) ?(?:후에?|하면|"
    r"하니까|했더니|하자마자|시에?) [^\n.]{0,25}?(?:나옵|나와|뜹|떠요|뜨고|안 ?됩|안 ?돼|실패|에러|오류|멈|"
    r"하얗|까맣|느려|튕)",
    # What was running when it failed: "started failing at the push step", "빌드 단계에서 실패".
    r"\b(?:fail(?:s|ed|ing)?|breaks?|broke|stuck|dies|died) +(?:at|on|in|during) +(?:the +)?[\w-]+ +"
    r"(?:step|stage|job|phase|task)\b|[가-힣]+기만 ?하면|하면 ?그렇|[가-힣]봐도|"
    r"(?:열|들어가|조회하|검색하|새로고침하|쿼리하|호출 ?하)면|`(?:docker|kubectl|helm|az|terraform|git|curl|"
    r"npm|mvn|gradle|argocd|aws|gcloud) [^`\n]+`|(?:get on|connect to|reach) +(?:the +)?\w+|"
    r"\bno steps\b|\bit just started\b|\bnobody (?:deployed|ran|changed) anything\b|[가-힣]봤는데|"
    r"[가-힣] ?보면|(?:눌러|보내|돌려|실행해|시도해|해)도 ?(?:안|같습니다|같아요|같네요)|"
    r"(?:배포|변경|작업|재시작|업데이트|머지)(?:하고|한|된) ?(?:나서|후|뒤)|"
    r"(?:패치|재시작|배포|작업|점검|교체|업그레이드|마이그레이션)[^\n.]{0,15}(?:진행된|진행한|한|된) ?"
    r"(?:직후|도중)",
    # A single failing action is its own repro: "I can't push to the repo", "log in to X fails".
    r"\b(?:can'?t|cannot|can not|unable to|not able to) +(?:push|pull|clone|fetch|merge|log ?in|sign ?in) +"
    r"(?:to|into|from|on|at)\b",
    r"(?:누르|클릭하|호출하|요청하|접속하|푸시하|배포하|머지하|돌리|재시작하|올리)면|(?:해도|눌러도|돌려도|"
    r"실행해도|재시작해도|재배포해도|재시도해도) ?(?:계속|여전히|똑같|동일|마찬가지|같은)|재현(?:됩니다|돼요|"
    r"되고|됨|이 ?(?:됩니다|돼요|가능)|가능)|(?:접속|실행|호출|요청|로그인|다운로드|업로드|배포|빌드|푸시|"
    r"클론|머지|설치|재시작|push|clone|sync) ?(?:시(?![가-힣])|할 ?때|하면)|때마다",
)
IMPACT_MORE = (
    r"\ball +(?:[\w-]+ +){0,2}[\w-]+s +(?:are +|keep +)?(?:failing|failed|down|broken|blocked|timing out|"
    r"stuck|erroring|affected|rejected|empty)\b|\b(?:whole|entire) +(?:[\w-]+ +)?(?:team|company|org\w*|"
    r"qa|regression|department|rotation|squad)\b|"
    r"\b(?:team|everyone|developers|engineers|people|we|they) +(?:is|are) +(?:all +)?"
    r"(?:waiting|stuck|idle)\b|\bwaiting on\b",
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|dozens of|hundreds of) +(?:of +"
    r"(?:us|them) +|(?:[\w-]+ +)?(?:people|users|developers|engineers|teams|customers|services))\b|"
    r"\b(?:today|tonight|tomorrow)'?s +(?:release|deploy\w*|launch|demo)\b|"
    r"\b(?:complaints?|support tickets?)\b|"
    r"(?:CS|고객|사용자) ?문의(?:가|도)? ?(?:계속|많이|쏟|들어)|전체가 ?(?:안|먹통|멈|중단|불가)|"
    r"못 ?봐서|못 ?보고|못 ?뽑|감지가 ?안|\b\d+ *(?:minutes?|mins?|hours?|h) +(?:late|behind|delayed)\b|"
    r"\bstale for\b|(?:배포|작업|릴리즈|빌드|테스트)(?:가|이)? ?(?:매번 ?)?(?:\d+ ?분씩 ?)?"
    r"(?:밀리고|밀려|지연되고|늦어지고)",
    r"\bcan'?t +(?:verify|validate|finish|complete|monitor|investigate|demo|onboard|use|sync)\b|"
    r"\b(?:both|this|it|which|that|they) +(?:also +)?block\b|\b(?:at risk|"
    r"risk of|worried|concerned (?:that|about)|(?:could|might|will|we'?ll) miss)\b",
    r"(?:걱정|우려)(?:입니다|됩니다|돼요|가 ?됩니다|스럽)|늦어질|지연될|놓칠|(?:추적|확인|작업|배포|테스트|"
    r"모니터링|대응|진행|검증|개발|릴리즈|분석|머지)(?:이|가)? ?불가|(?:모든|전부|모두) [^\n.]{0,20}(?:실패|"
    r"안 ?됩|장애|멈춰|멈췄)",
)

# Pasted output that answers "when" (an absolute time, not "2m" ago) and "where": a namespace, a
# pod or other object, a service tag ("[batch-settlement]", not a thread "[nio-8080-exec-7]"), a
# git remote.
_LOG_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|(?<![\d:.])\d{2}:\d{2}:\d{2}\b")
_LOG_WHERE = re.compile(
    rf"{vocab.SERVICE_NAME}|"
    r"(?:^|\s)(?:-n|--namespace)[ =]+[a-z][\w-]+|\bnamespace[=:\" ]+[a-z][\w-]+|\b(?:pods?|deployments?|"
    r"deploy|statefulsets?|sts|daemonsets?|ds|svc|services?|jobs?|cronjobs?|ingress(?:es)?|nodes?|"
    r"replicasets?|rs)/[a-z][\w.-]+|\[[a-z]{2,}(?:-[a-z]{2,})+(?:-[a-z0-9]{4,10}){0,2}\]|"
    r"\b\w+://[^/\s'\"]*git[^/\s'\"]*/[\w.-]+/[\w.-]+|\b[\w.-]+/[\w.-]+\.git\b|\bworkspace/[\w.-]+/[\w.-]+|"
    r"\brepository:\s+[\w.-]+/[\w.-]+|"  # a CI step's inputs (rules-2026.12.21, real shapes V)
    # A syslog line's host, a log's ns= / pod= (rules-2026.12.46, real shapes BM): "Nov 27 22:14:03
    # ot-sw-crane-02 %LINK-3-UPDOWN", "ns=sap-migration  pod=fi-master-load-28861-7kq2x".
    r"^[A-Z][a-z]{2} +\d{1,2} +\d{2}:\d{2}:\d{2} +[a-z][\w-]*\d[\w-]*\b|\b(?:ns|pod)=[a-z][\w-]+|"
    # A pod by its name, hashes and all (rules-2026.12.47, real shapes BR): "gds-adapter-sabre-5f6b9-q8wzr".
    r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{5,10}-[a-z0-9]{5}\b",
    re.IGNORECASE,
)
# A shell command the output was pasted under is how to reproduce it, unless it only reads state.
_COMMAND = re.compile(
    r"^\s*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}[^\s\]]*\]? +)?(?:> *|##\[group\])?"
    # ... after a shell prompt, too (rules-2026.12.36, real shapes AN): "[batch@batch-if-prd-01 ~]$ sftp".
    r"(?:\[[\w.-]+@[\w.-]+ [^\]\n]*\] *|[\w.-]+@[\w.-]+:[^$\n]*)?(?:[$+] +|Run +)"
    r"(?!(?:kubectl|oc) +(?:\S+ +)?(?:get|describe|logs|top|explain|events|version)\b)"
    r"(?!(?:cat|less|more|tail|head|grep|ls|journalctl|dmesg|ps|top|df|du|echo|env|whoami|nslookup|dig|"
    r"ping)\b)(?!git +(?:status|log|show|diff|remote|branch)\b)(?!docker +(?:ps|logs|inspect|images)\b)"
    r"(?!helm +(?:status|list|ls|history|get)\b)(?!az +\S+(?: +\S+)? +(?:show|list)\b)\S",
)
_LEVEL = re.compile(r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|CRITICAL|NOTICE)\b")
_FAILURE = re.compile(
    r"\b(?:fail\w*|errors?\b:?|fatal|panic\w*|exception|denied|refused|rejected|declined|timed out|timeout|"
    r"back-?off|killed|expired|unable|cannot|can't|crash\w*|unhealthy|exceeded|not found|no space|invalid|"
    r"unauthori[sz]ed|forbidden|\w+(?:Error|Exception))",
    re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
# "`kubectl create job --from=cronjob/x`": a command in backticks is what was run, not what it said.
_CLI = re.compile(
    r"\s*\$?\s*(?:kubectl|helm|docker|az|aws|gcloud|git|curl|k6|terraform|ssh|npm|yarn|make|argocd|psql|"
    r"redis-cli|kafka-[\w-]+)\b"
)
_MESSAGE_LIKE = re.compile(
    r"\b(?:too many|not (?:found|allowed|permitted)|no such|unable|cannot|can't|invalid|"
    r"exceeded|expired|full|sorry|refused|unavailable)\b",
    re.IGNORECASE,
)
# "'sorry, too many clients already'": a message quoted in the prose that reads like one.
_QUOTED_MESSAGE = re.compile(r"(?<![\w])['\"“‘]([^'\"“”‘’\n]*\w[^'\"“”‘’\n]*)['\"”’](?![\w])")
_ERROR_SPAN = re.compile(
    r"error|fail|fatal|exception|denied|refused|rejected|declined|timeout|timed out|unauthori|forbidden|"
    r"killed|backoff|exit code",
    re.IGNORECASE,
)
# A numbered list is steps when it starts with an action, not when it lists two problems.
# A numbered list, or a task list of at least two ticked or open items (rules-2026.12.35, real shapes
# AK: "- [x] Open CMS editor, new article / - [x] Drag a 25MB JPEG into the body").
_NUMBERED = re.compile(
    r"^ *1[.)] +(?P<first>.*)\n *2[.)] +\S|^ *[-*] \[[ xX]\] +(?P<task>.*)\n *[-*] \[[ xX]\] +\S",
    re.MULTILINE,
)
_ACTION_EN = re.compile(
    r"^[`'\"$> ]*(?:i +|we +)?(?:run|ran|open|opened|go|went|click|clicked|push|pushed|pull|clone|create|"
    r"created|deploy|deployed|call|execute|log|login|sign|navigate|set|add|trigger|start|select|enter|apply|"
    r"build|merge|merged|commit|committed|install|visit|try|tried|wait|edit|change|changed|update|updated|"
    r"restart|delete|remove|upload|download|send|make|use|submit|re-?run|retry|curl|kubectl|git|helm|"
    r"docker|npm|az|terraform|scale|rotate|bump|pause|refresh|sync|type|fill|press|request|hit|load|switch|"
    r"configure|enable|disable)\b",
    re.IGNORECASE,
)
_HANGUL = re.compile(r"[가-힣]")
_ACTION_KO = re.compile(
    r"(?:하고|한 ?후|후|하면|실행|클릭|접속|입력|선택|이동|열기|열고|누르|요청|호출|머지|커밋|설치|"
    r"재시작|수정|생성|삭제|변경|로그인|진입|들어가|업로드|다운로드|배포|빌드|검색|조회|저장|전송|결제|출력|인쇄)"
)


def symptom_in_logs(doc: TicketText) -> bool:
    """A pasted error says what happened ("Job failed", "Back-off restarting failed container"); a
    log level or a status code in an access log does not."""
    return doc.error_logs and any(_FAILURE.search(_LEVEL.sub(" ", line)) for line in (*doc.logs, *doc.blocks))


def when_in_logs(doc: TicketText) -> bool:
    return any(_LOG_TIME.search(line) for line in (*doc.logs, *doc.blocks))


def where_in_logs(doc: TicketText) -> bool:
    return any(_LOG_WHERE.search(line) for line in (*doc.logs, *doc.blocks))


def evidence_attached(doc: TicketText) -> bool:
    """A screenshot or a log file is attached: issue 13's rule makes it the error item whatever
    the ticket says about it (the assignee can open it)."""
    return any(_EVIDENCE_FILE.search(name) or not name for name in doc.attachments)


def error_quoted(doc: TicketText) -> bool:
    """An error pasted in a fenced block or quoted inline: "`exit code 137`", "`npm ERR! ...`", or
    attached as a screenshot or a log file (the assignee can open it)."""
    if doc.error_logs or evidence_attached(doc):
        return True
    for m in _CODE_SPAN.finditer(doc.free):
        span = m.group(1)
        words = [w for w in span.split() if w not in ("/", "|", ">", "-", "→")]  # not "`Payments / Overview`"
        if _ERROR_SPAN.search(span) or (len(words) >= 3 and not _CLI.match(span)):
            return True
    return any(
        len(m.group(1).split()) >= 2 and (_ERROR_SPAN.search(m.group(1)) or _MESSAGE_LIKE.search(m.group(1)))
        for m in _QUOTED_MESSAGE.finditer(doc.free)
    )


# A screenshot or a log: an image or text type, or such a file name. A spreadsheet or a PDF is not.
_EVIDENCE_FILE = re.compile(
    r"\((?:image|text)/|\(application/(?:json|x-har|har\+json|xml)\b|"
    r"\.(?:png|jpe?g|gif|bmp|webp|heic|tiff?|log|txt|out|har|trace|stacktrace|dump)\b",
    re.IGNORECASE,
)


# A command pasted on its own in a code block ("```bash\nterraform apply -target=...```"): the run
# that fails is the reproduction, whether or not its output came with it. Read-only looks are not.
_BARE_COMMAND = re.compile(
    r"^\s*(?:sudo +)?(?:terraform|terragrunt|kubectl|helm|git|docker|podman|az|aws|gcloud|npm|yarn|pnpm|mvn|"
    r"gradlew?|\./gradlew|make|curl|ssh|scp|ansible(?:-playbook)?|python3?|go|cargo|argocd|oc|istioctl|flux|"
    r"kustomize|psql|mysql|redis-cli|pip3?|poetry|dotnet|java|node)\s+"
    r"(?!(?:get|describe|logs|status|log|show|diff|list|ls|version|--version|-v|help|--help)\b)\S",
    re.IGNORECASE,
)


# A client's error naming the address it failed on: fetching that address again is the reproduction
# ("fatal: unable to access 'https://git.x.net/r.git/': The requested URL returned error: 503").
_ADDRESS_REFUSED = re.compile(
    r"\bunable to access '?https?://|https?://\S+[^\n]{0,80}\breturned error\b", re.IGNORECASE
)


def steps_given(doc: TicketText) -> bool:
    """The command the output was pasted under, or a numbered list that starts with an action."""
    if any(_COMMAND.match(line) for line in (*doc.logs, *doc.blocks)):
        return True
    if any(_BARE_COMMAND.match(line) for line in doc.blocks):
        return True
    if any(_ADDRESS_REFUSED.search(line) for line in (*doc.logs, *doc.blocks)):
        return True
    for m in _NUMBERED.finditer(doc.prose):
        first = m.group("first") or m.group("task")
        if _ACTION_EN.match(first) or (_HANGUL.search(first) and _ACTION_KO.search(first)):
            return True
    return False
