"""Wording that answers an access request's checklist item without looking like an answer: a
person's yes in passing, the reason told as a clause, a permission said as what the person will do,
the scope named in passing. Its own module for the same reason as `answer_cues`, whose rule it
follows: each tuple is a class of wording, kept broad on purpose, and still needs the item's
substance.
"""

from __future__ import annotations

# A person's yes, in passing: "Minseo (EM) said go ahead", "+1 from me", "팀장님께 말씀드렸고 승인하겠다고
# 하셨습니다", "승인은 제가 하겠습니다", and an approval the reporter says is not needed.
APPROVER = (
    # A mention then its yes (rules-2026.12.47, real shapes BT): "@Jung Hyunwoo 님 승인입니다".
    r"@[\w가-힣][\w가-힣 .]{1,24}? ?님? ?승인(?:입니다|했|하셨|받았|완료)",
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
    # The work the access is needed for, the person's own work, move or cover, a joint project
    # (rules-2026.12.46, .47, real shapes BM-BV): "needs access to <dataset> to reconcile Q3
    # statements", "needs Sentry access ... to attach traces", "I audit crane monitoring", "I triage
    # player crash reports", "He's covering my work", "transferred to the 전력거래 department", "a
    # Python script instead of screenshots", "데이터팀으로 이동해서", "운영 담당으로 옮겨서", "Vault에서
    # 읽도록 변경되어", "공동개발 건입니다", "야간 근무 투입".
    r"\bneed(?:s|ed)?\b[^.\n]{0,80}?\bto +(?:reconcile|prepare|extract|export|audit|query|rotate|cover|"
    r"handle|investigate|analy[sz]e|report|verify|validate|sign|renew|restore|backfill|benchmark|onboard|"
    r"attach|post|push|pull|publish|automate|triage|track|view|see|check|run|build|debug|fix|test|monitor|"
    r"upload|download|sync)\b|"
    r"\bi +(?:audit|review|monitor|operate|own|run|support|triage|handle|maintain|manage|test|validate|"
    r"moderate)\b|\bcovering +(?:my|his|her|their|the) +(?:work|shifts?|duties|role|queue)\b|"
    r"\binstead +of +(?:screenshots?|manual\w*|doing|copying|emailing)\b|\btransferred +to +the\b|"
    r"(?:팀|부서|본부|센터|담당)(?:으로|로) ?(?:이동|옮겨|옮기|전배|발령)|"
    r"(?:변경|전환|이전|교체|도입)되어(?:서)?,? |(?:공동 ?개발|협업|공동 ?연구) ?건|근무 ?투입|투입 ?예정",
    # The person's work, told in the third person, or what the access is needed to do (rules-2026.12.45,
    # real shapes BG-BL): "They are on the merchant portal renewal project", "He pushes fixes to the
    # LPA SDK", "She runs the WRF ensemble", "He's building the new wallet feature", "Need it to debug
    # pods", "반장 메뉴가 이 그룹 기준이라 필요합니다", "반장 발령".
    r"\b(?:he|she|they|i|we)(?:'s|'re|'m| +is| +are| +am) +on +the +[\w -]{2,40}? +"
    r"(?:project|team|migration|renewal|rollout|programme|program)\b|"
    r"\b(?:he|she|they)(?:'s|'re| +is| +are)? +(?:pushes|maintains|builds|fixes|develops|runs|owns|"
    r"supports|operates|manages|reviews|audits|tests|validates|triages|handles|building|working on|"
    r"developing|maintaining|testing|porting|migrating|running)\b|"
    r"\bneed(?:s|ed)? +(?:it|this|them|these) +to +(?!(?:be|have|get|use|access|log ?in|the|my|our|your)\b)"
    r"[a-z]{3,}|(?:이라|라서|때문에) ?필요(?:합니다|해요|함|하여|해서)|발령",
    # What the access is for, said as a use (rules-2026.12.45, real shapes BJ): "과제 일정/이슈 공유용입니다".
    r"(?:공유|협업|테스트|검증|분석|모니터링|조회|점검|교육|실습|백업|연구|리뷰|감사|디버깅)용(?:입니다|이에요|예요|임|으로)",
    # The change the access is for, or the team it joins (rules-2026.12.44, real shapes BE): "요청 양식/
    # 워크플로 수정 필요해서요", "신규 사건 TF 구성돼서".
    r"(?:수정|변경|추가|설정|작업|검토|분석|점검|확인|이관|개발|테스트) ?(?:이 |가 )?필요해(?:서|요)|"
    r"(?:TF|팀|조직|프로젝트|태스크 ?포스)(?:가|이)? ?(?:구성|신설|발족|출범|결성)"
    r"(?:돼서|되어서|되어|됐고|되었고|됨)",
    # The project the person is brought in for (rules-2026.12.44, real shapes BF): "pos-gateway 유지보수
    # 외주 인력", "고도화 작업", "maintenance contractor for pos-gateway".
    r"(?:유지 ?보수|운영 ?지원|고도화|구축) ?(?:외주|협력사|파견)? ?(?:인력|업무|작업|목적|용도?)(?![가-힣])|"
    r"\b(?:maintenance|support|outsourc\w+) +(?:contractor|vendor|engineer|developer)s?\b",
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
    # (rules-2026.12.47, real shapes BT, BU) "consumer ACL (READ + DESCRIBE)", "Service Desk Agent",
    # Databricks's "Can Use" / "Can Manage".
    r"\b(?:consumer|producer) +acl\b|(?-i:\b(?:READ|WRITE|DESCRIBE|ALTER)\b)|\bservice +desk +agent\b|"
    r"(?-i:\bCan +(?:Use|Manage|Restart|Attach +To|View|Edit|Run|Read|Query)\b)",
    # A schedule's or a desk's role, a key's scopes (rules-2026.12.46, real shapes BM-BQ): "as a
    # Responder", "Responder로 넣어주세요", "role Editor", "Agent role", "scopes metrics_write +
    # monitors_read".
    r"\bas +an? +(?:responder|observer|agent|operator|editor|approver|stakeholder)\b|"
    r"\b(?:responder|observer|agent|operator|editor|viewer|maintainer|developer|reporter)\b ?(?:로|으로) |"
    r"\brole +(?:editor|viewer|admin|agent|developer|maintainer|owner|reporter|guest|member|responder|"
    r"operator)\b|\b(?:editor|viewer|agent|responder|operator) +role\b|\bscopes? +[a-z]+_(?:read|write)\b",
    # A Vault policy's capabilities (rules-2026.12.45, real shapes BL): `capabilities = ["read", "list"]`.
    r"\bcapabilities *= *\[",
    # A mailbox's permissions by their Exchange names (rules-2026.12.44, real shapes BE): "Full Access
    # + Send As on the shared mailbox".
    r"\b(?:full access|send as|send on behalf)\b",
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

# The scope named in any script, quoted: "'결제-모니터링' 폴더", or a database or queue by name; or
# the address of the group, project or repository linked ("[this group](https://gitlab/groups/a/b)").
SCOPE = (
    # (rules-2026.12.47, real shapes BR, BV) an account named before "계정", a kind then its quoted name:
    # "tripon-stg 계정 ReadOnlyAccess", "Harbor project `portal`".
    r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+ ?계정|\b(?:project|group|namespace|space|folder|org|team|"
    r"repo(?:sitory)?|schedule|topic|dataset|bucket|mailbox)\s+[`'\"][a-z][\w./-]*[`'\"]",
    # A scope said as one, or a mailbox by its address (rules-2026.12.44, real shapes BE): "범위는
    # "서울본사-노트북" 디바이스 그룹만", "on the shared mailbox `litigation-team@hanbitlaw.co.kr`".
    r"범위(?:는|은) *(?:[\"'“`][^\"'”`\n]{2,40}[\"'”`]|[a-z][\w.]*[-/_][\w/.-]+)|"
    r"(?:디바이스|장치|보안|배포) ?그룹|범위(?:는|은)? *(?:해당 ?(?:사항 ?)?없음|해당 ?없습니다|무관)|"
    r"\bmailbox(?:es)? +[`'\"]?[\w.+-]+@[\w-]+\.[\w.-]+",
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
