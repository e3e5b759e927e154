"""The access checklist: which tool, where in it, what role, why, and who approves.

Its own module because access is read on its own terms: a scope is a named group, project or
namespace (not "our repos"), a role a named permission level (not a tool's name); and a request
for several tools is complete only when every part is: a list line naming a tool without a role,
next to lines that give one, leaves the role missing. `checklists` gathers it into the catalogue.
"""

from __future__ import annotations

import re

from shared.analysis import answer_cues_access as cues
from shared.analysis import vocabulary as vocab
from shared.analysis.access_links import names_a_place
from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.ticket_reading import read_ticket
from shared.analysis.ticket_text import TicketText


def _role(doc: TicketText) -> bool:
    """ "Administer 권한", "the `edit` role": a named permission level (not a tool's name)."""
    for m in _NAMED_ROLE.finditer(doc.free):
        ident = m.group("id")
        if (
            ident.lower() not in vocab.STOPWORDS
            and not vocab.TOOL.fullmatch(ident)
            and not _KIND.fullmatch(ident)
        ):
            return True
    return False


def _scope(doc: TicketText) -> bool:
    """A named group/project/namespace/path: "payments group", "namespace foo-dev", "a/b"."""
    free = _URL.sub(" ", doc.prose)
    for m in _SCOPE_BEFORE.finditer(free):
        ident = m.group("id")
        if ident.endswith(":"):
            continue
        generic = m.group("kind").lower().endswith("s") and not _IDENT_LIKE.search(ident)
        if generic:  # "image buckets", "our repos": a kind of thing, not a named one
            continue
        if (
            ident.lower() not in vocab.STOPWORDS
            and not vocab.TOOL.fullmatch(ident)
            and not _ROLE.fullmatch(ident)
        ):
            return True
    for m in _SCOPE_AFTER.finditer(free):
        ident = m.group("id").rstrip(".,)")
        if (
            (
                m.group("sep")
                or m.group("quote")
                or _IDENT_LIKE.search(ident)
                or _PROJECT_KEY.fullmatch(ident)
                or _NAMESPACE.fullmatch(m.group("kind") or "")  # "ns billing": a namespace is never generic
            )
            and ident.lower() not in vocab.STOPWORDS
            and not vocab.TOOL.fullmatch(ident)
            and not _ROLE.fullmatch(ident)
        ):
            return True
    if _NAMED_LATER.search(free) or _SCOPED_TO.search(free):
        return True
    if any(names_a_place(m.group()) for m in _URL.finditer(doc.prose)):
        return True
    # "`order-service` 읽기 권한", "read access to payments-api": access on a named thing.
    for m in (m for pattern in _ACCESS_ON for m in pattern.finditer(free)):
        ident = m.group("id").rstrip(".,)/:")
        if _NAME_LIKE.search(ident) and not vocab.TOOL.fullmatch(ident) and not _ROLE.fullmatch(ident):
            return True
    return False


def _scope_left_out(doc: TicketText) -> bool:
    """Several tools listed, one line each, where some line names neither a scope nor a role
    ("1. Datadog - Standard role, org: production / 2. Sentry - also needed"): that part is
    unspecified. A line with only a role is a tool without scopes ("Datadog: Standard role")."""
    lines = _tool_lines(doc)
    if len(lines) < 2:
        return False
    scope, role = (next(i for i in ACCESS if i.id == name) for name in ("scope", "role"))
    docs = [read_ticket(vocab.TOOL.sub(" ", line, count=1)) for line in lines]
    return any(scope.found(d) for d in docs) and any(not scope.found(d) and not role.found(d) for d in docs)


def _tool_lines(doc: TicketText) -> list[str]:
    """List lines that start with a tool's name: one part each of a request for several tools."""
    lines = []
    for line in doc.free.splitlines():
        m = _LIST_LINE.match(line)
        if m and vocab.TOOL.match(m.group("rest")):
            lines.append(m.group("rest"))
    return lines


def _role_left_out(doc: TicketText) -> bool:
    """Several tools listed, some with a role and some without: the role is missing for those. A line
    that removes the access needs no role ("ArgoCD: ltx-* 프로젝트 → 제거", rules-2026.12.35)."""
    lines = _tool_lines(doc)
    if len(lines) < 2:
        return False
    granted = [ln for ln in lines if not _REMOVED.search(ln)]
    with_role = [_ROLE_IN_LINE.search(vocab.TOOL.sub(" ", ln)) is not None for ln in granted]
    return any(with_role) and not all(with_role)


_REMOVED = re.compile(
    r"(?:제거|삭제|회수|비활성)|\b(?:remove|revoke|delete|deactivate|offboard)\w*", re.IGNORECASE
)


_KINDS_EN = (
    r"groups?|projects?|namespaces?|repo(?:sitory|s)?|folders?|boards?|spaces?|subscriptions?|"
    r"resource[ -]groups?|org(?:anization)?s?|paths?|dashboards?|monitors?|applications?|apps?|workspaces?|"
    r"channels?|buckets?|clusters?|environments?|envs?|schedules?|topics?|index(?:es)?|index patterns?"
)
_KINDS_KO = (
    r"그룹|프로젝트|네임스페이스|저장소|레포|폴더|보드|경로|스페이스|구독|리소스 ?그룹|대시보드|애플리케이션|"
    r"앱|워크스페이스|스케줄|토픽|인덱스(?: ?패턴)?"
)
# "scoped to team `ltx`", "scoped to the payments project" (rules-2026.12.35, real shapes AK).
_SCOPED_TO = re.compile(
    rf"\bscoped +to +(?:the +)?(?:(?:{_KINDS_EN}|teams?) +)?[`'\"]?[a-z][\w.-]*[`'\"]?", re.IGNORECASE
)
_SCOPE_BEFORE = re.compile(
    rf"(?<![\w@/.:-])(?P<id>{vocab.IDENT})[`'\"]? (?P<kind>(?:{_KINDS_EN})\b|(?:{_KINDS_KO}))", re.IGNORECASE
)
_NAMESPACE = re.compile(r"ns|namespace", re.IGNORECASE)
_KIND = re.compile(rf"{_KINDS_EN}|topics?|index(?:es)?", re.IGNORECASE)
_SCOPE_AFTER = re.compile(
    rf"(?:\b(?P<kind>{_KINDS_EN}|ns)\b|(?:{_KINDS_KO}))(?P<sep> *[:=])? *(?P<quote>[`'\"])?"
    rf"(?P<id>{vocab.IDENT})",
    re.IGNORECASE,
)
_URL = re.compile(r"\b\w+://\S+")
# "폴더 하나 만들어주시고(이름은 notification-gateway로)", "a new group, name: data-eng".
_NAMED_LATER = re.compile(
    rf"(?:{_KINDS_EN}|{_KINDS_KO})[^\n.]{{0,25}}?(?:이름|name)(?:은|는|:|=| is)? *"
    r"[`'\"]?[\w-]*[-_/.\d][\w./-]*",
    re.IGNORECASE,
)
_NAMED_ROLE = re.compile(
    r"(?<![\w/.@:-])[`'\"]?(?P<id>[A-Za-z][\w-]*)[`'\"]?\)? ?(?:권한|roles?\b)", re.IGNORECASE
)
_IDENT_LIKE = re.compile(r"[-/_.:*\d]")
_NAME_LIKE = re.compile(r"\w[-/_.]\w|\d")
_PROJECT_KEY = re.compile(r"[A-Z]{2,8}")
_ROLE = re.compile(rf"{vocab.ROLE_STRONG}|{vocab.ROLE_WEAK}", re.IGNORECASE)
# A role's value may be a cloud's permission-set name (rules-2026.12.36, real shapes AM):
# "Permission set | DataAnalystReadOnly |".
_ROLE_VALUE = re.compile(
    rf"{_ROLE.pattern}|조회|편집|읽기|쓰기|\bselect(?: +only)?\b|"
    r"(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:ReadOnly|Admin\w*|PowerUser\w*|Developer|Viewer|Editor|Reader|Writer|"
    r"FullAccess|Operator)\b)",
    re.IGNORECASE,
)
_ACCESS_ON = (
    re.compile(
        rf"(?<![\w@/.:-])[`'\"]?(?P<id>{vocab.IDENT})[`'\"]? (?:\S+ )?(?:권한|access\b)", re.IGNORECASE
    ),
    re.compile(
        rf"\b(?:access|permissions?|rights|role) +(?:to|on) +(?:the +)?[`'\"]?(?P<id>{vocab.IDENT})",
        re.IGNORECASE,
    ),
)
_LIST_LINE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+(?P<rest>\S.*)$")
_ROLE_IN_LINE = re.compile(
    "|".join((vocab.ROLE_STRONG, vocab.ROLE_WEAK_CONTEXT, vocab.CAPABILITY, *cues.ROLE)), re.IGNORECASE
)

ACCESS = (
    ChecklistItem(
        "tool",
        "Which tool or system",
        "어떤 도구/시스템인지",
        "Access is granted per tool; we cannot guess which one.",
        "권한은 도구별로 부여되므로 어떤 도구인지 알아야 합니다.",
        (
            vocab.TOOL,
            # A cloud's own command names it (rules-2026.12.29, real shapes AD): "az role assignment
            # create ... --scope /subscriptions/...".
            re.compile(r"\baz +(?:role|ad|aks|keyvault|account|group)\b|\bgcloud +(?:projects|iam)\b|"
                       r"\baws +(?:iam|sso|sts)\b"),
            # A system's own console named (rules-2026.12.36, real shapes AN): "GPKI 인증서 관리 콘솔".
            re.compile(r"(?<![\w-])[A-Za-z][\w-]+ +(?:[\w가-힣]+ +)?(?:관리 ?)?(?:콘솔|console)(?![\w-])"),
        ),
        labels=vocab.label(
            r"tools?|system|systems|service|시스템|도구|툴|서비스|what|대상 시스템|"
            r"tool ?/ ?system|system ?/ ?tool|target system"
        ),
    ),
    ChecklistItem(
        "scope",
        "Which group, project, namespace or scope",
        "어떤 그룹/프로젝트/네임스페이스(범위)인지",
        "Access is granted on a specific group, project or namespace, not the whole tool.",
        "권한은 도구 전체가 아니라 특정 그룹·프로젝트·네임스페이스 단위로 부여됩니다.",
        vocab.rx(
            r"(?<![\w/.@:-])(?!(?:sync|read|write|push|pull|view|edit|get|list|create|delete|run|deploy|"
            r"start|stop|roll ?back)/)[a-z0-9][\w.-]*/(?!(?:write|only|cd|o|a|or|and)\b)[\w.*-][\w.*/-]*",
            r"\b(?:rg|sub|ns|kv|team|project|group)[-:][\w-]{2,}",
            # Everything, said so (rules-2026.12.32, real shapes AG/AH): "access to all projects",
            # "deactivate his GitLab account entirely, all groups".
            r"\ball +(?:projects|groups|repos|repositories|namespaces|apps|applications|spaces|teams)\b",
            *cues.SCOPE,
        ),
        labels=vocab.label(
            rf"scope|where|target|{_KINDS_EN}|대상|범위|경로 ?/ ?범위|{_KINDS_KO}|resource group ?/ ?project|"
            r"(?:access|requested) scope|group ?/ ?project|project ?/ ?group|teams?|safes?|targets?|"
            r"target (?:hosts?|servers?)|"
            r"db|database|server|instance|topics?|queues?|registry|"
            r"vault|kv|레포|accounts?|aws account|resources?|계정|aws ?계정|권한 ?범위|접근 ?범위|"
            rf"[\w-]+ (?:{_KINDS_EN})|(?:slurm|hpc|cluster|unix|linux|db|database|service) accounts?|"
            r"대상 ?(?:레포|저장소|서버|db)|(?:대상 ?)?서버 ?그룹|server ?groups?"
        ),
        # "Scope: same as Priya" points at someone else's access: it names nothing (real shapes K).
        reject=re.compile(r"^\W*(?:the +)?same +(?:as|like)\b|^\W*(?:동일|같은|위와 ?같)", re.IGNORECASE),
        prose_only=True,
        detector=_scope,
        incomplete=_scope_left_out,
    ),
    ChecklistItem(
        "role",
        "Which role or permission level",
        "어떤 역할/권한 수준인지",
        "The role decides what you can change; least privilege needs it stated.",
        "역할에 따라 가능한 작업이 달라지므로 필요한 권한 수준을 명시해야 합니다.",
        vocab.rx(
            vocab.ROLE_STRONG, vocab.ROLE_WEAK_CONTEXT, vocab.CAPABILITY, *cues.ROLE,
            # Membership of an org or a team is its own role: member.
            r"\b(?:org(?:anization)?|team|new) +membership\b|\bmembership (?:in|of|for|request)\b",
            # A role change told as from -> to (rules-2026.12.34, real shapes AI): "Splunk 역할 변경 요청
            # (user → power)".
            r"(?:역할|role) ?(?:변경|change)[^\n]{0,30}?[`'\"]?[\w-]+[`'\"]? *(?:→|->|=>) *[`'\"]?[\w-]+",
            # rules-2026.12.35 (real shapes AK, AL): a removal's "역할은 해당 없음 – 전부 삭제", "권한 수준은
            # 해당 없음 (전부 제거)"; a service desk's agent role ("**Service Desk Team (agent)** 역할 요청").
            r"(?:역할|권한 ?수준|권한 ?레벨)(?:은|는) *해당 ?(?:사항 ?)?없|\b(?:role|access level) +(?:is +)?"
            r"(?:not applicable|n/a)\b",
            # Removing someone's accounts makes the role moot (rules-2026.12.37, real shapes AP).
            r"\b(?:remove|revoke|disable|deactivate|delete)\b +(?:all +)?(?:of +)?(?:his|her|their|"
            r"[\w.-]+'s) +"
            r"(?:accounts|access)\b",
            r"\bagents?\b(?=[)*`'\" ]*(?:역할|role|권한|access|license|seat))|\bas +an? +(?:jira +)?"
            r"(?:service ?desk +)?agent\b",
        ),
        labels=vocab.label(
            r"roles?|permissions?|permission level|access level|level|권한|필요 ?권한|역할|권한 ?수준|"
            r"계정 ?권한|"
            r"requested (?:role|access|access level|permissions?)|"
            r"polic(?:y|ies)|permission ?sets?|access ?type|정책"
        ),
        value=_ROLE_VALUE,
        detector=_role,
        incomplete=_role_left_out,
    ),
    ChecklistItem(
        "justification",
        "Why the access is needed",
        "권한이 필요한 이유",
        "Approvers and audits need the business reason.",
        "승인과 감사를 위해 업무상 필요한 이유가 있어야 합니다.",
        vocab.rx(
            r"\b(?:because|so (?:that )?(?:i|we) can|in order to|this is for|it'?s for|that'?s for|"
            r"needed for|required for|the reason is|purpose)\b",
            rf"\bfor +(?:the +|my +|our +|a +|an +)?(?:[\w-]+ +){{0,3}}?(?:{vocab.PURPOSE_EN})\b",
            r"\bfor +(?!(?:every|some|any|no)thing\b)[a-z]{3,}ing\b",
            r"\bneeds? to (?!be able to (?:use|access|log ?in|get)\b)(?!(?:use|access|log ?in|get|"
            r"have)\b)[a-z]{3,}",
            r"\b(?:new (?:\w+ )?(?:hire|joiner|starter|member|lead|engineer|owner)|joined (?:the )?\w+|"
            r"taking over|take over|on leave|covering for|(?:is|am|are|'s|'m) joining (?:the )?\w+|"
            r"(?:i'?m|i am|we'?re) (?:on|in) the \w+ team)\b",
            r"(?:사유|이유|목적)(?:는|은) ?\S",
            # Offboarding is its own reason; so is the work the reporter is doing.
            r"\b(?:contract +(?:has +)?(?:ended|ends|expired|is over)|(?:has +)?left +the +(?:company|team|"
            r"org\w*)|leaving +the +(?:company|team)|offboard\w*|last day)\b|퇴사|계약 ?(?:종료|만료)|"
            r"(?:부서|팀) ?(?:이동|변경)|전배",
            r"\b(?:i'?m|i am|we'?re|we are) +(?:currently +|now +)?(?:writing|preparing|working on|building|"
            r"investigating|migrating|setting up|reviewing|debugging|analy[sz]ing|auditing|organi[sz]ing|"
            r"planning|drafting|automating)\b|\bso +(?:that +)?(?:[\w-]+ +){1,2}can\b",
            r"[가-힣]야 ?(?:합니다|해서|하는데|돼서|되서|됩니다|되는데|되어서)|"
            r"[가-힣]게 (?:되어|돼서|되서|되었|됐)|"
            r"(?:맡게|담당하게|"
            r"참여하게|합류하게|들어가게|투입되게) ?(?:되어|돼서|되었|됐)|(?:담당자?|"
            r"owner)[^\n]{0,10}(?:변경|배정|지정)|입사|확인용|[가-힣]+ 목적(?:입니다|으로)",
            r"(?:위해|위해서|위한|때문에|때문입니다|[가-힣]려고|하기 ?위|용도로)|[가-힣] ?중이(?:라|라서|"
            r"어서|에요|입니다)",
            r"(?:투입|배정|합류|참여)(?:되어|돼서|되서|하여|해서|하게|됩니다|합니다)",
            r"\bneeds? +(?:[\w-]+ +){0,3}?to be able to (?!(?:use|access|log ?in|get)\b)[a-z]{3,}|"
            r"\b(?:i'?m|i am|we'?re|we are) +(?:on[- ]call|the on[- ]call)\b",
            r"\b(?:access|permissions?|rights?|roles?)\b[^.\n]{0,40}?\bto +(?:debug|investigate|troubleshoot|"
            r"check|monitor|analy[sz]e|review|fix|verify|inspect|read|tweak|rotate|migrate|audit|support)\b",
            r"\b(?:needs?|requires?) +(?:the|a|an|our|its) +[\w -]{1,30}? +for +(?:the|a|an|our|its|my) +\w+",
            r"\b(?:i|we) +(?:moved|transferred|switched|rotated) +(?:from|to|into)\b|\b(?:i|"
            r"we)'?ll be +[a-z]+ing\b|"
            r"[-–—] *new +[\w-]+(?: +[\w-]+)? +(?:model|service|pipeline|project|feature|dashboard|app|"
            r"job)\b",
            r"(?<!업무)(?<!업무 )관련(?:해서|하여|된)? ?(?:필요|요청)",
            # The work the access is for, said as a purpose: "admin permissions ... to ease my work on",
            # "I need this to proceed with creating release branches", "to help with making releases".
            r"\b(?:access|permissions?|rights?|roles?|admin\w*|membership|this|it)\b"
            r"(?:[^.\n]|\.(?=\w)){0,60}?\bto +"
            r"(?:help|ease|make sure|deal with|proceed|release|publish|maintain|manage|handle|moderate|"
            r"administer|work on|contribute|push|merge|create|cut|tag|triage|approve|unblock|continue)\b",
            vocab.PURPOSE_KO,
            *cues.JUSTIFICATION,
        ),
        labels=vocab.label(
            r"reasons?|why|(?:business )?justification|purpose|(?:요청|신청|접근|권한) ?사유|"
            r"background|business reason|use case|사유|이유|목적|배경|"
            r"용도|필요 ?사유|(?:list of )?contributions(?: to [\w .-]{1,40})?|motivation|rationale"
        ),
        reject=vocab.VAGUE_REASON,
    ),
    ChecklistItem(
        "approver",
        "Who approves the request",
        "승인자",
        "Access changes need a named approver (team lead or owner).",
        "권한 변경에는 승인자(팀장 또는 담당 오너)가 필요합니다.",
        vocab.rx(*vocab.APPROVAL_DONE, *cues.APPROVER),
        labels=vocab.label(
            r"approv(?:er|ers|al|als|ed|ed by)|sign-?off|signed off by|manager approval|"
            r"(?:[\w가-힣]+ )?(?:승인|승인자|결재|결재자)|sponsors?|sponsored by|endorsed by|"
            # The person whose sign-off the form asks for (rules-2026.12.20, real shapes S and T).
            r"(?:line |direct |hiring )?manager|business owner|(?:담당 ?)?팀장|담당 ?임원|"
            r"결재 ?(?:라인|선)|approval line|승인 ?(?:팀장|권자|담당자?|책임자)|"
            # "Approving manager", "Approval from" (rules-2026.12.25, real shapes Z).
            r"approving (?:manager|lead|person|director)|approval (?:from|by)|approver name"
        ),
        reject=vocab.NOT_DONE,
    ),
)
