"""The troubleshooting checklist: what happened, since when, where, the error, the steps, the impact.

Its own module because these items read the reporter's prose, not pasted output: a log is full of
"failed" and "production" that say nothing about the reporter's account. What a pasted log does
answer (the error, and by the labelling conventions when, where, what happened and the command
that reproduces it) is checked in `troubleshooting_evidence`. `checklists` gathers it into the
catalogue.
"""

from __future__ import annotations

import re

from shared.analysis import answer_cues_problem as facts
from shared.analysis import answer_cues_troubleshooting as cues
from shared.analysis import troubleshooting_evidence as evidence
from shared.analysis import vocabulary as vocab
from shared.analysis import vocabulary_iberian as iberian
from shared.analysis import where_reading as where
from shared.analysis.checklist_item import ChecklistItem, Detector, left_out_of_a_part
from shared.analysis.ticket_text import TicketText

_SYMPTOM = vocab.rx(
    vocab.SYMPTOM_EN,
    vocab.K8S_STATES,
    vocab.SYMPTOM_KO,
    *evidence.SYMPTOM_MORE_EN,
    evidence.SYMPTOM_MORE_KO,
    *facts.SYMPTOM,
)


def _symptom(doc: TicketText) -> bool:
    """What happened, said by the reporter ("something is broken" alone says nothing) or shown by
    the error they pasted."""
    prose = vocab.SYMPTOM_VAGUE.sub(" ", doc.prose)
    return any(p.search(prose) for p in _SYMPTOM) or evidence.symptom_in_logs(doc)


def _any_of(*checks: Detector) -> Detector:
    def found(doc: TicketText) -> bool:
        return any(check(doc) for check in checks)

    return found


TROUBLE: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "symptom",
        "What happened",
        "어떤 문제가 발생했는지",
        "A clear description of the symptom is where diagnosis starts.",
        "증상이 명확해야 원인 파악을 시작할 수 있습니다.",
        (),
        labels=vocab.label(
            r"symptoms?|what happened|what|problem|issue|what'?s wrong|증상|현상|문제|문제 ?상황"
        ),
        prose_only=True,
        detector=_symptom,
    ),
    ChecklistItem(
        "when",
        "When it started",
        "언제부터 발생했는지",
        "The start time lines the problem up with changes and deployments.",
        "발생 시점을 알아야 변경·배포 이력과 대조할 수 있습니다.",
        vocab.rx(
            r"\bsince +(?:about +|around +|approx\w* +|roughly +|~ ?)?(?:\d|yesterday|today|this |last |"
            r"early|late|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|noon|"
            r"midnight|morning|we |our |the +(?:\w+ +)?(?:deploy\w*|release|upgrade|update|migration|change|"
            r"merge|restart|incident|outage|weekend)|"
            # ... or since a numbered build or release (rules-2026.12.29, real shapes AD): "since build
            # **20261104.3** (4 Nov, 11:20)", "since v2.3.1".
            r"(?:build|run|release|version|commit|deploy(?:ment)?|pipeline run|v)\b *[*`'\"#]*[\w.-]*\d)",
            r"\b(?:it|this|problem|issue|errors?|failures?) +(?:started|began)\b|\bstarted +(?:at|around|"
            r"about|on|yesterday|today|this|last|after|when|failing|happening)\b|\bstarted +\d|"
            r"\bstarted +(?:on +)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
            r"\bfirst (?:seen|noticed|happened|occurred)\b",
            r"\b\d+ *(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?) +ago\b|\bfor the (?:last|past) (?:\d+|few|"
            r"couple(?: of)?)? *(?:min\w*|hours?|days?|weeks?)\b",
            r"\b(?:right|shortly|just|ever since|since|immediately) +after +(?:this morning'?s?|"
            r"yesterday'?s?|last night'?s?|the|our|today'?s?|my) +(?:\w+ +)?(?:deploy\w*|release|upgrade|"
            r"update|migration|change|merge|restart|rollout)",
            r"\b(?:been|going on|happening|down|broken|failing|stuck)\b[^.\n]{0,30}\bfor (?:about |over |"
            r"almost |the (?:last|past) )?\d+ ?(?:min\w*|hours?|hrs?|days?)\b",
            # Answered in the negative: the reporter does not know when it started.
            r"언제부터인지(?:는)? ?(?:모르|잘 ?모르)|\b(?:not sure|no idea|don'?t know) +when\b",
            r"\b\d{1,2}:\d{2}\b[^\n.]{0,12}\b(?:today|yesterday|tonight|this morning)\b|"
            r"\b(?:today|yesterday)\b[^\n.]{0,10}\b\d{1,2}:\d{2}\b|\bon +(?:mon|tues|wednes|thurs|fri|"
            r"satur|sun)day\b",
            r"\b(?:yesterday|last night|this morning|this afternoon|earlier today|overnight|"
            r"over the weekend)\b",
            r"(?:오늘|어제|점심|아침|오전|오후|저녁|새벽|밤|\d+ ?시)[^\n.]{0,6}(?:이후로|이휴로|이후부터)|"
            r"\bstarting +(?:on +)?(?:mon|tue|wed|thu|fri|sat|sun|yesterday|today|this|last|\d)|"
            r"\b\d{1,2}/\d{1,2}\b[^\n.]{0,12}\b\d{1,2}:\d{2}\b",
            r"(?:오늘|어제|그제|아침|오전|오후|저녁|새벽|밤|지난 ?\S+|이번 ?\S+|\d+ ?(?:시|분|일|월)|"
            r"\d{1,2}[:/]\d{2}|\d{4}-\d{1,2}-\d{1,2}|배포|릴리즈|이후|후|직후|전|쯤|경|주말|"
            r"[월화수목금토일]요일) ?부터",
            r"\d+ ?(?:분|시간|일) ?전|어제|지난 ?밤|오늘 ?(?:아침|오전|오후|새벽)|새벽",
            *facts.WHEN,
            *iberian.WHEN,
        ),
        labels=vocab.label(
            r"when|since|started|start time|first seen|time|시점|발생 ?시점|언제|발생 ?시각|시작 ?시점|"
            r"started (?:at|on)|start(?:ed)? date|when did it (?:start|begin)\??|first noticed|"
            r"occurred (?:at|on)|"
            r"발생 ?시간|"
            r"발생 ?일시"
        ),
        prose_only=True,
        detector=evidence.when_in_logs,
        incomplete=left_out_of_a_part("when", lambda: TROUBLE),
    ),
    ChecklistItem(
        "where",
        "Where: environment, service or repository",
        "어디서(환경/서비스/저장소)",
        "We need the exact environment, service, cluster or repo to look at.",
        "확인할 환경, 서비스, 클러스터 또는 저장소를 정확히 알아야 합니다.",
        vocab.rx(
            r"(?<![\w/.@:-])[a-z][\w.-]*/(?!(?:cd|write|o)\b)[a-z][\w./-]*",
            vocab.SERVICE_NAME,
            r"\b(?:pipeline|job|build|run|mr|pr) *# ?\d+|파이프라인 *# ?\d+",
            r"\b(?:repo(?:sitory)?|cluster|namespace|branch|pipeline|service|server|host|node|pod|project|"
            r"app) *[:=]? *[`'\"]?[a-z][\w./-]*[-/.\d][\w./-]*",
            r"(?<![\w./-])[a-z][\w./-]*[-/.\d][\w./-]*\w ?(?:저장소|레포|클러스터|네임스페이스|파이프라인|"
            r"서버|서비스|cluster|namespace|repo|pipeline|server|service)",
            vocab.ENV_IN_CONTEXT,
            vocab.ENV_NAMED,
            vocab.HOSTNAME,
            r"(?<![\w&])#[a-z][\w-]{2,}",  # a Slack channel
            r"\b(?:aks|eks|gke)-[\w-]+|\bnamespace +[`'\"]?[a-z][\w-]+",
            r"(?:잡|job) *[`'\"][a-z][\w./-]*[`'\"]|[`'\"][a-z][\w./-]*[-/.\d][\w./-]*[`'\"] ?(?:잡|job)\b",
            rf"\b(?:can'?t|cannot|unable to) +(?:get on|connect to|reach|access|log ?in to|use) +(?:the +)?"
            rf"(?:{vocab.TOOLS})\b",
            rf"(?<![\w-])(?:prod|stg|stage|staging|dev|qa|운영|개발) +(?:{vocab.TOOLS})(?![\w-])",
            # The shared tool itself is what is down: naming it says where ("jenkins is down").
            rf"(?<![\w-])(?:{vocab.TOOLS})(?: +(?:ui|server|web|itself))? +(?:is|are|seems|looks|went|was) +"
            r"(?:completely +|totally +)?(?:down|unreachable|unavailable|not loading|not responding|dead|"
            rf"offline)\b|(?<![\w-])(?:{vocab.TOOLS}) ?(?:이|가)? ?(?:다운|먹통|접속 ?(?:불가|안))",
            *facts.WHERE,
        ),
        labels=vocab.label(
            r"where|어디|위치|환경|env|environment|location|cluster|repo|repository|service|서비스|클러스터|"
            r"저장소|pipeline|파이프라인|namespace|네임스페이스|server|서버|host|affected service|"
            r"(?:store|site|branch|plant) ?(?:number|no\.?|id|code|name)?|매장(?: ?번호| ?코드)?|지점|사업장|"
            r"affected (?:system|application|app|component|host|platform|device|channel|product|site)s?|"
            r"(?:대상|영향) ?(?:시스템|서비스|플랫폼)|platforms?|플랫폼|시스템|"
            r"(?:slurm |hpc )?(?:partition|queue)|(?:slurm |hpc )?job ?id|"
            # The job, project or device that fails, as a form names it (rules-2026.12.45, real shapes BI).
            r"(?:gcp |cloud )?project|jobs?|dags?|datasets?|buckets?|nodes?|devices?|printers?|warehouses?|"
            # A station, a gate or a yard area (rules-2026.12.46, real shapes BM, BQ).
            r"역명|역|stations?|(?:게이트|gate|장비|device|terminal|단말기?) ?id|(?:[\w ]+ / )?작업장|"
            r"yard(?: area)?|구역|현장|"
            # The address that fails (rules-2026.12.44, real shapes BF): "Endpoint | https://partner-api...".
            r"(?:api )?endpoints?|(?:affected |failing )?urls?|host ?names?|엔드포인트|접속 ?(?:주소|url)"
        ),
        prose_only=True,
        detector=_any_of(
            where.named_where, where.named_system_state, evidence.where_in_logs, where.requested_address
        ),
    ),
    ChecklistItem(
        "error",
        "The exact error message or log",
        "정확한 오류 메시지 또는 로그",
        "The exact message usually points straight at the cause.",
        "정확한 오류 메시지가 원인을 바로 가리키는 경우가 많습니다.",
        (
            *vocab.rx(
                r"(?:^| )(?:error|fatal|panic) ?: *\S|\bx509:|\[remote rejected\]|\bexit (?:code|"
                r"status):? *\d+|\bHTTP/\d(?:\.\d)? \d{3}|\bstatus ?code:? *\d{3}",
                r"\boutputs? *: *\S|\boutputs +[`'\"]\S|"
                r"\b(?:says|said|prints|printed|reads|with the message|message is)\b *:? *"
                r"(?!(?:failed|error|an? error|something|nothing|it failed)\b[.!]?\s*(?:$|[a-z]))[`'\"]?\S|"
                r"\b(?:shows|showing)\b *(?::|[`'\"]\S)",
                r"(?:가|이|라고|라는) ?(?:찍힙니다|찍혀요|찍히|나옵니다|나와요|뜹니다|떠요|출력됩니다|"
                r"표시됩니다)|(?:에러|오류|로그) ?(?:메시지|내용)?(?:는|은) ?(?:아래|다음)",
                r"\b(?:logs?|output|error|trace) +(?:below|attached|follows)\b|\bhere'?s (?:the )?(?:log|"
                r"error|output|trace|what i get)|(?:로그|에러|오류) ?(?:첨부|공유|붙여)",
                *facts.ERROR,
            ),
            *vocab.rx(
                r"\b[A-Z]\w*(?:Error|Exception)\b:",
                r"\b[A-Z0-9_]*(?:ERR|FAIL|FAILED|TIMED_OUT|TIMEOUT|DENIED|REFUSED|INVALID|NOT_FOUND|EXCEEDED|"
                r"UNAVAILABLE)(?:_[A-Z0-9]+)*\b",
                flags=re.M,
            ),
            # Answered in the negative: asking again would be noise.
            *vocab.rx(
                r"(?:에러|오류|로그)[^\n]{0,15}(?:없습니다|없음|없어요|없고|"
                r"안 ?남습니다|안 ?나고|안 ?납니다|안 ?나요|안 ?뜨고|안 ?뜹니다|안 ?떠요|"
                r"안 ?보입니다|안 ?보여요)|"
                r"\bno (?:error|errors|"
                r"error message|logs?)\b(?! (?:from|in)\b(?!(?: +[\w-]+){0,3} +logs?\b))|"
                r"\bno (?:actual|real|visible|specific|obvious) +errors?\b|\b(?:there (?:are|were|is) no|"
                r"(?:don'?t|didn'?t|do not) see any|found no|see no) +(?:errors?|error messages?)\b"
            ),
        ),
        labels=vocab.label(
            r"errors?|error message|error log|logs?|로그|에러|에러 ?로그|오류|오류 ?메시지|에러 ?메시지|"
            r"stack ?trace|output|출력|message|메시지"
        ),
        detector=evidence.error_quoted,
        incomplete=left_out_of_a_part("error", lambda: TROUBLE),
    ),
    ChecklistItem(
        "steps",
        "Steps to reproduce",
        "재현 방법",
        "Reproducing the problem is the fastest way to confirm the fix.",
        "재현할 수 있어야 수정 여부를 빠르게 확인할 수 있습니다.",
        vocab.rx(
            r"\b(?:steps to reproduce|to reproduce|repro steps|what i did|here'?s what i did|i (?:ran|tried|"
            r"did|executed|clicked|pushed|merged|deployed|applied|triggered|restarted|upgraded|bumped|"
            r"re-?ran|"
            r"retried|re-?triggered)|"
            r"(?:when|while) (?:running|executing|calling|opening|pushing|"
            r"deploying|trying to)|when i (?:run|try|push|click|open|deploy|call|merge|clone|start|build)|"
            r"after (?:running|i |we )|reproduc(?:e|ible|es) +(?:by|with|when|it))\b",
            r"재현 ?(?:방법|절차|순서|단계|은|:)|다음과 ?같습니다|아래 ?순서|순서(?:는|입니다|대로)|실행하면|"
            r"실행 ?후|했더니|[가-힣]면 ?(?:항상|매번|바로|무조건)",
            # A "재현" / "Repro" heading over a list (rules-2026.12.44, real shapes BD): its first step may
            # read as a label ("1. raw 파일 재처리:").
            r"(?m)^#{1,6} *(?:재현|repro(?:duction)?|steps(?: to reproduce)?|how to reproduce) *:?\n+ *"
            r"(?:1[.)]|[-*]) +\S",
            *evidence.STEPS_MORE,
            *cues.STEPS,
        ),
        labels=vocab.label(
            r"steps?|steps to reproduce|repro|reproduction|reproduce|how to reproduce|to reproduce|"
            r"what i did|재현|재현 ?(?:방법|절차|순서|단계)|재현 순서입니다|to see it|how to see it"
        ),
        prose_only=True,
        detector=evidence.steps_given,
        incomplete=left_out_of_a_part("steps", lambda: TROUBLE),
    ),
    ChecklistItem(
        "impact",
        "Impact: who is blocked and how badly",
        "영향 범위(누가, 얼마나 막혔는지)",
        "Impact sets the priority against the rest of the queue.",
        "영향 범위에 따라 다른 요청 대비 우선순위가 정해집니다.",
        vocab.rx(
            r"\b(?:block(?:ed|ing|s|er)|impact(?:ed|s|ing)?|affect(?:s|ed|ing)|outage|customers?|clients?|"
            r"end[- ]users?|(?:all|many|several|\d+) +(?:users|developers|engineers|people|teams|services|"
            r"customers)|whole (?:team|company|org\w*|qa|regression)|entire (?:team|company|org\w*)|"
            r"nobody can|no one can|everyone|can'?t (?:merge|ship|release|deploy|work|test|continue|proceed)|"
            r"cannot (?:merge|ship|release|deploy|work|test)|not urgent|low priority|only (?:me|affects|"
            r"impacts)|release (?:at|today|tonight|tomorrow|is|this|on)|deadline|go-?live|sev ?[0-4]|p[0-3]|"
            r"severity|revenue|sla)\b",
            r"\b\d+(?:\.\d+)? ?% +of\b",
            r"영향|막혀|막혔|막힌|막힘|블로킹|차단(?:되|돼)|고객|사용자(?:들)?(?:이|가)|(?:팀|회사|"
            r"서비스) ?전체|전체 ?(?:팀|사용자|서비스|개발자)|전원|"
            r"\d+ ?명|\d+(?:\.\d+)? ?%(?! ?(?:재현|실패|확률))|못 ?하고|"
            r"못 ?합니다|못 ?하는|진행(?:이)? ?(?:불가|안)|릴리즈 ?(?:예정|일정)|배포 ?(?:예정|일정)|마감|"
            r"급하지|매출",
            *evidence.IMPACT_MORE,
            *cues.IMPACT,
        ),
        labels=vocab.label(
            r"impact|영향|영향도|영향 ?범위|severity|blast radius|who is affected|affected users|urgency|"
            r"긴급도|business impact"
        ),
        prose_only=True,
        incomplete=left_out_of_a_part("impact", lambda: TROUBLE),
    ),
)
