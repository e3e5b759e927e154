"""Wording that answers a checklist item without looking like an answer.

People rarely fill the checklist in: they say a lead "said go ahead", that "finance can't close the
day", that they "pushed and restarted, and since then...". Each tuple here is a class of such
wording, kept broad on purpose: the held-out sets showed that asking for something the ticket
already says (in words the narrow patterns had not seen) is the analyzer's most common mistake,
while it almost never misses what is really missing. Every cue still needs the item's substance
(a person and a yes, a party and a consequence, an action and its result), so a bare "asap" or
"help" answers nothing.
"""

from __future__ import annotations

# A person's yes, in passing: "Minseo (EM) said go ahead", "+1 from me", "팀장님께 말씀드렸고 승인하겠다고
# 하셨습니다", "승인은 제가 하겠습니다", and an approval the reporter says is not needed.
APPROVER = (
    r"\b(?:said|says) +(?:go ahead|(?:it'?s |that'?s )?(?:ok|okay|fine|good|yes)|yes)\b|"
    r"\bgave +(?:me +|us +)?(?:the +|a +)?(?:go-?ahead|green light|thumbs[- ]up|nod|blessing)\b|"
    r"(?<![\w+])\+1 +from\b|\b(?:agreed|signed off|confirmed|acked|lgtm'?d)\b[^.\n]{0,40}?\b(?:lead|manager|"
    r"owner|head|director|em)\b|\b(?:lead|manager|owner|head|director)\b[^.\n]{0,40}?\b(?:agreed|"
    r"signed off|confirmed|acked|approves|is on board|knows and|has okayed)\b|"
    r"\bi(?:'ll| will| can)? +approve\b|\bi'?m +(?:the +)?(?:approver|budget owner)\b|\bi'?m +approving\b|"
    r"\bapproving +(?:this|it)\b|\bokay'?d +by\b|\bapprover +(?:is|"
    r"will be) +(?!tbd|unknown|pending|not)[@\w가-힣]|"
    r"\bapprover ?(?:는|은) +(?![^\n.]*(?:미정|누구|모르))[@\w가-힣]",
    # "승인자 최팀장님": the label and the name, no colon between.
    r"(?:^|\n)\s*승인자 +(?!미정|없|누구|모르|확인|필요|아직|tbd)[가-힣A-Za-z@][^\n?]{0,20}$",
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
    r"\bas +(?:an? +)?(?:member|user|admin|viewer|reader|writer|editor|owner|maintainer|developer|"
    r"collaborator|contributor)\b|\bread[- ]?only\b|\bread[ /-]write\b|\bread-?write\b",
    r"\baccess *[:=] *[`'\"]?(?:read|write|admin|plan|apply|maintain|triage|push|pull)\b",
    r"\b(?:plan|apply|sync|push|pull|read|write|merge|deploy|trigger|restart|approve)(?: */ *(?:plan|apply|"
    r"sync|push|pull|read|write|merge|deploy|trigger|restart|approve))+\b",
    r"(?:sync|read|write|조회|읽기|쓰기|편집|수정|배포|실행|관리)(?:만|\s*전용|\s*\(|\s*할 수 있는)|"
    r"(?:조회|읽기|쓰기|편집|수정|관리|보기) ?(?:권한|가능)|"
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
)

# Who is hurt and how: a party and a consequence ("Finance can't close the day", "QA 일정이 밀리고",
# "CS로 계속 들어오고"), a deadline the problem threatens, how painful it is, or that it is not.
IMPACT = (
    # Everyone, by the reporter's own check: "downforeveryoneorjustme reports the same", "Others in
    # #haskell also verify 503s", "queuing for all jobs", "offline for the past week" [BLOCKER].
    r"\b(?:for +everyone|anywhere|all +(?:jobs|builds|users|requests|pages|packages)|forever|blocker|"
    r"downforeveryoneorjustme|(?:others|other people|other users) +(?:[\w#-]+ +){0,3}(?:also|too|as well|"
    r"verif\w+|report\w*|see|confirm\w*)|reports? +the +same|(?:stalled|stuck|down|offline|broken) +for +"
    r"(?:the +past|over +a|a|one|\d+) +(?:week|day|month)s?)\b",
    # Who cannot do their job: "On-call is basically blind", "운영팀이 대응을 못하는 상황".
    r"\b(?:on-?call|oncall|sre|support|ops|cs) +(?:team +|engineers? +)?(?:is|are) +(?:\w+ +)?(?:blind|"
    r"blocked|stuck|flying blind|unable)\b|(?:운영팀|온콜|CS팀|고객센터)[^\n.]{0,20}?(?:못|불가|막혀|멈춰)",
    r"\b(?:qa|finance|on-?call|marketing|sales|support|cs|analytics|security|ops|legal|product|"
    r"partners?|vendors?|the +[\w-]+ +team|(?:our|their|the) +(?:team|squad)|we|they|nobody|no one)\b"
    r"[^.\n]{0,30}?\b(?:can'?t|cannot|couldn'?t|is blocked|are blocked|waiting|won'?t be able|have to "
    r"wait|(?:is|are) stuck)\b",
    r"\b(?:is|it'?s|this is|that'?s) +(?:pretty +|really +|very +|quite +|super +)?(?:painful|critical|"
    r"urgent|serious|bad|costly|annoying|disruptive)\b|\b(?:down|broken|failing|unusable) +for +(?:all|"
    r"every|most|our|the)\b|\bfor +(?:all|every|most) +(?:[\w-]+ +)?(?:users|customers|requests|calls|"
    r"teams|tenants|regions)\b",
    r"\b(?:before|by|until|for) +(?:the +)?(?:tomorrow'?s?|today'?s?|tonight'?s?|friday'?s?|monday'?s?|"
    r"this +week'?s?|next +week'?s?|eod|end of (?:day|week|month)|the +\w+ +(?:campaign|launch|release|"
    r"demo|audit|cutover|freeze))\b[^.\n]{0,30}?\b(?:campaign|launch|release|demo|audit|go-?live|"
    r"cutover|deadline|review)|\b(?:is|are) +waiting +(?:on|for)\b",
    r"(?:일정|테스트|배포|릴리즈|정산|마감|오픈|출시|검증|작업|업무|개발|회귀)[^\n.]{0,15}?(?:밀리|지연|늦어|차질|"
    r"멈춰|멈췄|중단|못)|(?:cs|문의|민원|클레임|항의|불만)(?:로|가|이)? ?(?:계속 ?|많이 ?)?(?:들어오|접수|"
    r"쌓이|오고)|\d{1,2} ?시까지|오늘 ?(?:중|안)(?:으로|에)|내일까지|까지 (?:나와야|끝나야|필요|완료|해야)|"
    r"(?:팀|명)[^\n.]{0,15}?(?:못 ?하고|못 ?하는|대기|손 ?놓고)|급하(?:진|지는) ?않|"
    r"(?:cs|문의|민원|클레임|항의|불만|제보)[^\n.]{0,20}?(?:들어오|들어옵|들어왔|들어와|접수|쌓이|쌓였|오고)|"
    r"(?:온콜|팀|고객|사용자|담당자|기사|파트너|"
    r"협력사)[^\n.]{0,25}?(?:못 ?(?:보|하|받|쓰)|늦어질|늦어지|지연되|밀리)|"
    r"(?:다들|모두들?|전원) ?[^\n.]{0,15}(?:기다리|대기|못 ?하|멈춰|손 ?놓)",
    r"\b(?:they|we|users?|agents?|people|customers?) +(?:are|"
    r"'re) +losing\b|\blos(?:e|ing) +(?:hours|work|data|"
    r"edits|progress|in-progress)\b|\b\d+ +(?:agents|drivers|"
    r"stores|sellers|reps|operators|analysts|partners)\b",
    r"\b(?:are|is|will be|running|runs?) +(?:\w+ +)?(?:late|delayed|behind)\b|\b(?:all|every|many|several|"
    r"\d+) +(?:of +(?:the|our) +)?(?:[\w'-]+ +)?(?:squads?'?|tribes?|tenants?|apps|environments|envs|sites|"
    r"stores|partners|merchants|sellers)\b|\bif +(?:it|this|that) +(?:lapses|expires|fails|goes down|"
    r"breaks|isn'?t fixed)\b|\b(?:are|is) +(?:now +)?(?:\d+ ?\w+ +)?stale\b|"
    r"\b(?:not going out|never arrive|aren'?t (?:being )?(?:sent|delivered))\b",
    # How widely, by quantity: "all OCF hosted student websites are down", "they've all been stuck",
    # "any build I've attempted", "across a range of projects".
    r"\ball +(?:of +)?(?:the +|our +|my +|their +)?(?:[\w-]+ +){0,3}?[\w-]+s +(?:are|were|have +been|"
    r"seem +to +be|seem|look) +(?:\w+ +)?(?:down|broken|stuck|failing|affected|unreachable|offline|gone|"
    r"missing|failed)\b|\b(?:they|these|those|we)(?:'ve| +have)? +all +(?:been +)?(?:down|broken|stuck|"
    r"fail\w*|affected)\b|\b(?:any|every) +(?:single +)?(?:build|job|run|push|request|page|upload|"
    r"download|deploy\w*|attempt)s? +(?:i|we)(?:'ve| +have)? +(?:attempted|tried|started|made|ran|run)\b|"
    r"\bacross +(?:a +range +of|all|several|multiple|many) +(?:[\w-]+ +)?(?:projects|repos|"
    r"repositories|machines|hosts|runners|sites)\b",
    # How much work is held up, counted: "about 1,200 claims queued", "300 orders stuck in pending".
    r"\b\d[\d,.]*k? +(?:[\w-]+ +)?(?:claims|orders|payments|transactions|requests|jobs|builds|messages|"
    r"emails|events|tickets|uploads|submissions|invoices|shipments) +(?:are +|were +)?(?:queued|stuck|"
    r"piling|waiting|pending|delayed|failing|failed|lost|dropped|backed up)\b",
)

# Steps told as a story ("I deleted the old secret so cert-manager would reissue, and ever since"),
# as what the reporter does ("I open the dashboard, set the range and wait", "Repro: load any
# page"), or answered in the negative ("특별한 작업 없었습니다", "nothing changed").
STEPS = (
    # A public address that fails for anyone who opens it: opening it is the reproduction
    # ("https://docs.rs/ does not load", "problems reaching https://tiles...", "no jobs are starting").
    r"(?:https?://\S+|\b[\w-]+\.(?:org|io|com|net|dev|rs|sh|app|kr)\b)[^.\n]{0,50}?\b(?:is|seems(?: to be)?|"
    r"are|went)? *(?:completely +|currently +)?(?:down|not load\w*|does(?:n'?t| not) (?:load|open|resolve|"
    r"respond)|unreachable|offline|times? out)\b|\b(?:reach(?:ing)?|load(?:ing)?|open(?:ing)?|"
    r"access(?:ing)?|visit(?:ing)?|connect(?:ing)? to)\b[^.\n]{0,40}https?://|\bno +(?:jobs?|builds?) +"
    r"(?:are +)?(?:starting|running)\b|\bqueu\w+ +for +all\b",
    # ... told with the address and what it answers (rules-2026.12.19, real writing I): "fatal: unable
    # to access 'https://git.x.net/repo.git/': ... returned error: 503", "throwing 404s ... https://",
    # "Error 522 Connection timed out when visiting http://...", "I tried a small test job ... stuck too".
    r"https?://[^\s)\]]+[^.\n]{0,60}?\b(?:404s?|50[0-4]s?|52[0-4]|returned +error|timed? ?out|unreachable)\b|"
    r"\b(?:404s?|50[0-4]s?|52[0-4]|timed? ?out|expired|down|broken)\b[^.\n]{0,40}?\b(?:when +)?(?:visiting|"
    r"accessing|"
    r"opening|loading)\b +(?:the +url +)?https?://|\bentered +the +url\b|\btried +(?:a|another|the|with +a) +"
    r"(?:small +|simple +|new +|test +|different +)*(?:job|build|run|test|upload|push)s?\b",
    # ... and one whose certificate has run out or that answers with a server error (rules-2026.12.17,
    # real writing H): "Certificate on https://download.nextcloud.com/ expired today", "the SSL
    # certificate for darktable.org is expired", "The heroku server is down at http://..." ("502 Bad
    # Gateway pops up when accessing the website" is not one: no address).
    r"\b(?:cert(?:ificate)?s?|ssl|tls)\b[^.\n]{0,12}\b(?:for|on|of|at)\b +(?:https?://\S+|"
    r"[\w-]+(?:\.[\w-]+)*\."
    r"(?:org|io|com|net|dev|rs|sh|app|kr|edu|fyi|info)\b)[^.\n]{0,30}?\b(?:(?:has +|is +|just +)?expired|"
    r"invalid)\b|"
    r"\b(?:expired|invalid|self-signed)\b +(?:ssl +|tls +|security +)?cert\w*\b[^.\n]{0,25}\b(?:for|on|at|"
    r"by)\b +"
    r"(?:https?://\S+|[\w-]+(?:\.[\w-]+)*\.(?:org|io|com|net|dev|rs|sh|app|kr|edu|fyi|info)\b)|"
    r"\b(?:down|expired|broken|failing|crash\w*|50[0-4]|bad gateway|application error)\b +(?:at|on|"
    r"for)\b +https?://|"
    r"(?:https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|io|com|net|dev|rs|sh|app|kr|edu|fyi|"
    r"info)\b)[^.\n]{0,40}?\b(?:"
    r"(?:uses|serves|is +serving|responds? +with|returns?|gives?|shows?) +(?:an? +)?(?:invalid|expired)\b|"
    r"can'?t +be +resolved|is +not +resolv\w*)",
    # A rerun that fails again is the reproduction: "Re-running release-prod fails the same way",
    # "Re-sync gives the same thing", "다시 실행해도 똑같습니다".
    r"\bre-?(?:run|ran|running|sync\w*|try|tried|trigger\w*|deploy\w*|start\w*)\b[^.\n]{0,60}?"
    r"\b(?:same|again|every ?time|each time|still|too)\b|"
    r"\b(?:same|identical) +(?:failure|error|result|thing)\b[^.\n]{0,30}?"
    r"\b(?:every ?time|on (?:re-?run|retry))|(?:다시|재)\s?(?:실행|시도|싱크|배포|빌드)[^\n.]{0,20}?(?:똑같|"
    r"동일|같은|마찬가지)",
    r"\bi +(?:was|were) +[a-z]+ing\b[^\n]{0,160}?\b(?:and|then) +(?:ever )?since\b|"
    r"\b(?:ever )?since +(?:then|i|we|that)\b[^.\n]{0,60}?\b(?:fails?|failing|broken|stuck|errors?|"
    r"serving|returns?|crash\w*)\b|\bi +(?:open|load|go to|click|run|set|hit|call|curl|refresh)\b[^.\n]"
    r"{0,60}?\b(?:and|then)\b|\brepro(?:duce)? *[:：-] *\S|\b(?:load|open|call|hit|refresh) +any\b",
    r"\b(?:nothing|no(?:thing)? +(?:recent +)?(?:changes?|deploys?|deployments?)) +(?:changed|was changed|"
    r"on our side|since|recently|from our side|before)\b|\bwe +(?:didn'?t|did not|haven'?t) +(?:change|"
    r"touch|deploy)\b",
    r"(?:하고|한 ?뒤|한 ?후|하니까|했더니|하자마자|하고 ?나서|하고 ?나니)[^\n.]{0,25}?"
    r"(?:이렇게|그때부터|부터|그래요|그렇|발생|안 ?됩|실패|같은|똑같)|"
    r"(?:특별한|별도|별다른) ?(?:작업|변경|배포)[^\n.]{0,10}?(?:없|안)|"
    r"(?:작업|변경|배포)(?:은|는)? ?(?:없었|하지 ?않았|안 ?했)",
    r"\b(?:happens|occurs|fails|reproduces) +(?:\w+ +){0,2}(?:every|each) +(?:single +)?time\b|"
    r"\b(?:try|run|trigger|open|load) +any\b|(?:되면|하면|될 ?때) ?(?:100 ?%|항상|매번|무조건|계속)|"
    r"\b(?:can|to|you can|i can) +repro(?:duce)?(?: +it)? +(?:with|by|using|via)\b|"
    r"\bon +every +(?:scheduled +|nightly +)?(?:run|build|deploy|push|night)\b|\bevery +(?:single +)?(?:call|"
    r"request|push|build|run|job|deploy)\b[^.\n]{0,15}\b(?:fails?|errors?|times? out|hangs?)\b|"
    r"(?:때|시간대)[^\n.]{0,10}(?:마다|매번)|매번 ?(?:발생|재현|실패)",
    # What the reporter did, told in passing: "If I try to ssh, it says", "I've tried aborting and
    # restarting builds", "SSHing into ssh.ocf.berkeley.edu fails".
    r"\b(?:if|when|whenever) +(?:i|we) +(?:try|tried|attempt|attempted) +to +\w+|\b(?:i|we)(?:'ve| +have)? +"
    r"(?:tried|attempted) +(?:to +\w+|\w+ing)\b|\b\w+ing +(?:into|to|on) +[\w-]+(?:\.[\w-]+)+ +"
    r"(?:also +)?(?:fails|failed|times? out|hangs|is refused|gets refused)\b",
)

# A clock time in a problem report is when it started: "synced at 13:05", "(~10:20)", "오늘 15시에",
# and a dated change it started after: "11/18 GitLab 이관 이후로", "11/19 배포 이후로".
WHEN = (
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

# An environment misspelt or said in Korean loanwords: "stagign", "프러덕션".
TYPO_ENV = (
    r"(?<![\w-])(?:stagign|staing|stagging|stging|prodcution|prodction|porduction|prdo|프러덕션|프로덕션|"
    r"스테이지)(?![\w-])"
)

# A cloud resource named for its environment ("cosmos-orders-prod"), or "stage" said plainly.
ENV_SUFFIX = r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:prod|prd|stg|dev|qa|uat|preprod)(?![\w])"
ENVIRONMENT = (
    r"(?<![\w-])stage(?![\w-])(?! *(?:\(|of\b|in the\b|step|job|\d))",
    ENV_SUFFIX,
    TYPO_ENV,
)

# Where the resource lives when that is an AWS account or a GCP project.
# Cloud parts said not to apply, with the reason before it (rules-2026.12.22, real shapes V): "this
# is the on-prem helix cluster, so there's no AWS account, region or VPC involved"; `{noun}` is the
# part one item looks for in the list. "No idea which region yet" is no such list.
_CLOUD_PART = r"(?:(?:aws|azure|gcp|cloud) +)?(?:account|subscription|region|vpc|vnet|network|subnet)s?"
NO_CLOUD_PART = (
    r"\bno +(?=(?:[\w-]+,? +(?:or +|and +|nor +)?){{0,4}}?{noun}\b)" + _CLOUD_PART
    + r"(?:,? +(?:or +|and +|nor +)?" + _CLOUD_PART + r")* +(?:is +|are +)?(?:involved|needed|required)\b"
)

SUBSCRIPTION = (
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
    r"(?:프로젝트|테넌트|계정)(?: ?\([^)\n]{0,10}\))?(?: ?/ ?(?:프로젝트|테넌트|계정))?"
    r" *[:：|]? *[`'\"]?[A-Za-z][\w-]*-[\w-]+|"
    r"\b(?:in|into|under) +[`'\"]?prj-[\w-]+",
    NO_CLOUD_PART.format(noun="(?:account|subscription)s?"),
    # An AWS account named inside a role's ARN, a GCP project named before its Korean word (rules-
    # 2026.12.20, real shapes S and T): "arn:aws:iam::418273645501:role/...", "`ct-shared-net` 프로젝트".
    r"\barn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}:|[`'\"]?[a-z][a-z0-9]*-[a-z0-9-]+[`'\"]? ?프로젝트",
)

# Infrastructure code says network and size in its own words.
NETWORK = (
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

# A status the service gives back is what happened: "checkout-api is returning intermittent 502s";
# "연결 에러 납니다": an error that happens, said in Korean.
SYMPTOM = (
    r"(?:연결|접속|빌드|배포|로그인|인증|호출|요청|쿼리|커넥션)\s?(?:에러|오류)(?:가)?\s?(?:나|납니다|나요|나네요|"
    r"발생|뜹니다|떠요|뜨네요)",
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
)

# A deploy request names its service and app in the sentence that asks: "deploy paymnet-webhook to
# stagign", "please roll `media-transcoder-stg` in ArgoCD", a typo'd environment included.
SERVICE = (
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
)
# An ArgoCD application linked by its address names the app, its service and (by its suffix) its
# environment: "https://argocd.acme.io/applications/argocd/user-service-stg".
_ARGO_APP_URL = r"\bargo[\w.-]*\.[\w.-]+/applications/(?:[\w-]+/)?[a-z][\w-]+"
ARGOCD_APP = (
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
    r"\b(?:npm(?:js)?|pypi|maven(?: +central)?|central +repo(?:sitory)? +of +maven|crates\.io|rubygems|nuget|"
    r"docker ?hub|ghcr|packagist|hex\.pm|cocoapods)\b|本番|検証環境|ステージング",
)

# Where, named the way people say it: a tool in Korean, a runner or a database by its name, an
# environment's page or site ("prod 결제 페이지"), or a repository, pipeline or app linked by address.
WHERE = (
    r"(?<![\w-])(?:prod|production|stg|staging|dev|qa|운영|스테이징|개발)\s?(?:환경\s?)?(?:의\s?)?[\w가-힣-]{1,12}\s?"
    r"(?:페이지|화면|사이트|page|site|screen|api|앱|app)(?![A-Za-z])",
    r"https?://[^\s)\]]+/(?:-/)?(?:pipelines?|jobs?|merge_requests|pull|applications|actions/runs|builds?|"
    r"job|view)/[\w.-]+|https?://(?:www\.)?(?:github|gitlab|bitbucket)\.[\w.]+/[\w.-]+/[\w.-]+",
    r"\b(?:vpn|wi-?fi|sso|okta|ldap|keycloak|bastion|proxy)\b",
    r"(?:젠킨스|깃랩|깃허브|아르고|그라파나|키바나|소나큐브|"
    r"넥서스|하버|카프카|레디스|데이터독|센트리|컨플루언스) ?"
    r"(?:이|가)? ?(?:또 )?(?:다운|먹통|죽음|죽었|죽어|뻗|접속 ?(?:불가|안))",
    r"\b(?:runner|agent|broker|instance|vm|database|db|node ?pool)\s+[`'\"]?[a-z][\w.-]*[-\d][\w.-]*",
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

# The scope named in any script, quoted: "'결제-모니터링' 폴더", or a database or queue by name; or
# the address of the group, project or repository linked ("[this group](https://gitlab/groups/a/b)").
SCOPE = (
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
