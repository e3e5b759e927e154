"""Wording that answers a troubleshooting item without looking like an answer: who is hurt and
how, and the reproduction told as a story.

The problem report's half of `answer_cues` (kept apart so each module stays readable; when, what
and where it happened are in `answer_cues_problem`). The same rule holds as there: every cue still
needs the item's substance, so a bare "asap" or "broken" answers nothing.
"""

from __future__ import annotations

# Who is hurt and how: a party and a consequence ("Finance can't close the day", "QA 일정이 밀리고",
# "CS로 계속 들어오고"), a deadline the problem threatens, how painful it is, or that it is not.
IMPACT = (
    # Work not done and how much (rules-2026.12.47, real shapes BS, BV): "백업이 누락되고 있습니다
    # (변전소 40개소 중 10개소", "출동이 늦어지고 있습니다 (사업소 3곳)", "데이터셋 8종 갱신 중단",
    # "교육 진행이 어렵습니다".
    r"\d+ ?(?:개소|곳|대|명|건|개) ?중 ?\d+|누락(?:되고|돼|됩니다|됨|되어)|늦어지고 ?있|"
    r"(?:사업소|지점|매장|현장|센터) ?\d+ ?(?:곳|개소)|\d+ ?종[^\n]{0,10}(?:중단|멈춤|누락|지연)|"
    r"(?:진행|시연|교육|발표|오픈|런칭|출동|배송|정산)(?:이|을)? ?(?:어렵|못 ?하|불가|차질|늦어)",
    # Work moved to a manual path, a release blocked, calls piling up, a backlog counted (rules-2026.12.45,
    # real shapes BH, BJ, BK): "moving passengers to manual check-in", "This blocks the 5.3.0 App Store
    # submission", "수험생 문의 전화가 계속 옵니다", "시간당 200박스 정도 지연되고 있어요".
    r"\bmanual +(?:check-?in|processing|workaround|entry|process|handling)\b|\bmanually +(?:processing|"
    r"checking|entering|handling|issuing)\b|\b(?:this|it|which) +(?:is +)?block(?:s|ing) +(?:the|our|my|all|"
    r"every)\b|(?:문의|전화|항의|클레임)(?: ?전화)?(?:가|이)? ?(?:계속|자꾸|많이|빗발) ?"
    r"(?:옵니다|와요|들어|오고|오는)|"
    r"\d+ ?(?:박스|건|대|명|개|편|회)[^\n.]{0,8}(?:지연|밀리|못 ?하|안 ?되|대기)",
    # People left waiting, work put on hold (rules-2026.12.44, real shapes BE): "3 auditors waiting",
    # "Our fieldwork is on hold until we can download".
    r"\b\d+ +[a-z]+(?:ers|ors|ists|ees|ants|ents|people|staff|users|agents|nurses) +(?:are +|still +)?"
    r"(?:waiting|idle|stuck|blocked)\b|\b(?:work|fieldwork|audit|testing|release|go-?live|project|shipping|"
    r"production|cutover|launch|rollout|onboarding)\b[^.\n]{0,20}?\b(?:is|are) +on +hold\b",
    # What was already missed because of it (rules-2026.12.43, real shapes BC): "We already missed 2 real
    # controller outages this week".
    r"\bmissed +\d+ +(?:real +)?(?:[\w-]+ +)?(?:outages|incidents|alerts|orders|deliveries|calls|payments)\b",
    # A count of the fleet's units hit (rules-2026.12.40, real shapes AT): "fails for 20 units", "These
    # 20 units cannot get the security patch".
    r"\b(?:for|on|of) +\d+ +(?:units|chargers|devices|stores|sites|terminals|kiosks|machines|sensors)\b|"
    r"\b\d+ +(?:units|chargers|devices|stores|sites|terminals|kiosks|machines|sensors|farms|stations|"
    r"branches|plants) +(?:are|were|can'?t|cannot|fail|failed|still|went|go|without)\b|"
    # Work done by hand meanwhile, refunds asked for (rules-2026.12.42, real shapes AX): "역무실에서 수기로
    # 발권처리 중이고 환불 요청도 몇건".
    r"수기 ?(?:로|발권|처리|입력|대응)|수작업으로|환불 ?요청|민원(?:이|도)? ?(?:들어|접수|발생)",
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
    # A test and what it showed (rules-2026.12.43, real shapes BC): "Test: stop heartbeat on test
    # controller TC-LAB-01 for 5 min -> no alert".
    r"^\s*(?:test|repro|테스트|재현)\s*[:：]\s*\S[^\n]*(?:->|→)",
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
    r"\bre-?(?:run|ran|running|sync\w*|try|trying|tried|trigger\w*|deploy\w*|start\w*|submit\w*|send\w*|"
    r"upload\w*|import\w*|export\w*|process\w*|queue\w*)\b[^.\n]{0,60}?"
    r"\b(?:same|again|every ?time|each time|still|too)\b|"
    r"\b(?:same|identical) +(?:failure|error|result|thing)\b[^.\n]{0,30}?"
    r"\b(?:every ?time|on (?:re-?run|retry))|(?:다시|재)\s?(?:실행|시도|싱크|배포|빌드)[^\n.]{0,20}?(?:똑같|"
    r"동일|같은|마찬가지)",
    # What anyone can do to see it (rules-2026.12.29, real shapes G): "scale the deployment up by one
    # and you'll see it".
    r"\b(?:and|then) +you(?:'ll| will) +(?:see|get|hit)\b|"
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
    # The search or command that shows it (rules-2026.12.34, real shapes AI): "This is the search
    # I'm running:", "when I run the following".
    r"\b(?:this|here) +is +the +(?:search|query|command|request|call)\b[^.\n]{0,20}?\b(?:i|we)(?:'m| am|"
    r"'re| are)? +(?:running|using|run|use)\b|\bwhen +(?:i|we) +run +(?:this|the following|it)\b",
    # What the reporter does and what follows, in Korean (rules-2026.12.35, real shapes AL): "VDI에서
    # RStudio 켜면 한참 걸립니다", "업로드하면 바로 실패해요".
    r"(?:켜면|열면|실행 ?하면|누르면|클릭 ?하면|접속 ?하면|로그인 ?하면|들어가면|돌리면|"
    r"업로드 ?하면|제출 ?하면|조회 ?하면)[^\n.]{0,30}?(?:걸립|걸려|느려|느립|안 ?됩|안 ?돼|에러|오류|실패|"
    r"멈춰|멈춥|튕|죽어|죽습|먹통|뜹니다|떠요|나옵니다|나와요)",
    # What the reporter did, told in passing: "If I try to ssh, it says", "I've tried aborting and
    # restarting builds", "SSHing into ssh.ocf.berkeley.edu fails".
    r"\b(?:if|when|whenever) +(?:i|we) +(?:try|tried|attempt|attempted) +to +\w+|\b(?:i|we)(?:'ve| +have)? +"
    r"(?:tried|attempted) +(?:to +\w+|\w+ing)\b|\b\w+ing +(?:into|to|on) +[\w-]+(?:\.[\w-]+)+ +"
    r"(?:also +)?(?:fails|failed|times? out|hangs|is refused|gets refused)\b",
)
