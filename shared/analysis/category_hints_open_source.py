"""Category hints for how open-source infrastructure desks word their asks (rules-2026.12.15).

Read off real writing held-out G after its first contact (package registries, mirrors, foundations'
infra trackers): publishing to a registry is a deployment, owning a name on it is access, retiring
machines is a resource change, a build that "never gets queued" is a problem report, and a spike
to "decide how" is an internal task. Kept apart from `category_hints` (which adds these to its
table) because that table is long already; the weights mean the same.
"""

from __future__ import annotations

from shared.analysis.models import Category
from shared.analysis.vocabulary import PUBLIC_REGISTRIES

_REGISTRY = rf"(?:{PUBLIC_REGISTRIES}|the +(?:package +)?registry)"

MORE: dict[Category, tuple[tuple[str, int], ...]] = {
    "access": (
        # rules-2026.12.19 (real writing I): "SSH account", "Offboarding Onwubu", "Help with new
        # password", "Add @JaredTan95 as triager", "create a RO user for all DB".
        (
            r"\bssh +accounts?\b|\boffboard\w*\b|\b(?:new|reset|forgot\w*|change|lost) +(?:my +|"
            r"the +)?password\b|"
            r"\bas +(?:an? +)?triagers?\b|\b(?:ro|read-?only) +users?\b",
            5,
        ),
        # German asks to be let in (rules-2026.12.17): "Mit der Bitte um eine Einladung zur Aufnahme in
        # die Organisation", "Zugang zum Server", "Berechtigung".
        (r"\beinladung\b|\baufnahme +in\b|\bzugang\b|\bzugriff\b|\bberechtigung\w*", 5),
        # Membership and names a desk hands out: "Please can I join this organisation?", "Request
        # for Shell Account", "Request an API key", "freeradius org namespace taken".
        (
            r"\bjoin +(?:this|the|your|our|an?) +(?:github +)?(?:organi[sz]ation|org|team|group|"
            r"workspace)\b|\bshell +accounts?\b|\b(?:request(?:ing)?|need|want|get) +(?:an? +|my +)?"
            r"(?:own +)?api[- ]?keys?\b|"
            r"\bapi +key +request\b|\b(?:org|organi[sz]ation|namespace|user ?name|package ?name|name) +"
            r"(?:is +|was +)?(?:already +)?(?:taken|squatted)\b",
            4,
        ),
        # Rights on a registry or an org: "Allow me to publish to crates.io", "should be able to push
        # releases", "enable team members to create new repos".
        (
            r"\b(?:allow|let|enable|permit)\b[^.\n]{0,40}\bto +(?:publish|push|release|create|own|"
            r"manage|administer|merge)\b|\b(?:should|could|need to) +be +able +to +(?:publish|push|"
            r"release|create|merge|manage)\b|\b(?:publish|push|owner|maintainer) +(?:rights|permissions?|"
            r"access)\b",
            5,
        ),
    ),
    "cloud_resource": (
        # rules-2026.12.21 (real writing J): records, certificates, environments and machines named
        # in few words: "Add TXT record to DNS", "SSL 인증서 갱신", "Setup staging environment",
        # "obtain GPU server", "サーバーの初期化依頼", "Fermer la liste mailman", "Turn off GCP
        # composer environments".
        (
            r"\b(?:add|create|new|set ?up|update|change|point|need)\b[^.\n]{0,30}\b(?:txt|cname|ns|"
            r"ptr) +records?\b|"
            r"^[^\n]*\b(?:txt|cname|ns|ptr) +records? +(?:to|for)\b|"
            r"인증서 ?(?:를 ?|을 ?)?(?:갱신|발급|교체)(?! ?(?:실패|"
            r"안|오류|에러))|"
            r"\bset ?up +(?:a +|the +|an? +new +|new +)?(?:staging|dev|test|qa|sandbox|"
            r"prod\w*) +environment\b|"
            r"\bobtain +(?:a +|an +|new +)?(?:gpu +|build +|test +)?(?:server|vm|machine|node)s?\b|"
            r"サーバー.{0,6}(?:初期化|構築|追加|依頼)|\bmailman\b|"
            r"\bturn +off\b[^.\n]{0,30}\b(?:environments?|instances?|clusters?|vms?|servers?)\b",
            5,
        ),
        # rules-2026.12.19 (real writing I): mail aliases, a domain's renewal, disk space, servers to
        # prepare, mirror requests: "Create privacy@openhwgroup.org email alias", "info mail alias",
        # "Domain name renewal", "Add more space to the server", "Prepare the SAOS test server",
        # "Request and configure test web server", "[mirror-request] <...iso>", "Enable subdomain".
        (
            r"\b(?:e-?mail|mail) +alias(?:es)?\b|\b[\w.-]+@[\w-]+(?:\.[\w-]+)+ +(?:e-?mail +)?alias\b|"
            r"\bdomain(?: +name)? +renewal\b|\brenew +(?:the +|our +)?domain\b|"
            r"\b(?:add|more|extra|additional|increase)\b[^.\n]{0,20}\b(?:disk +|storage +)?space +(?:to|on|"
            r"for)\b|"
            r"\bwith +more +(?:disk +)?space\b|"
            r"\b(?:prepare|configure|recreate|rebuild)\b +(?:the +|a +|an +|"
            r"new +)?(?:[\w-]+ +){0,2}?(?:test +|staging +|"
            r"web +|build +)?(?:server|vm|machine|host|instance)\b|\bmirror-request\b|"
            r"\benable +(?:the +)?subdomain\b",
            5,
        ),
        # Turning HTTPS on for a site is a certificate to provision (rules-2026.12.17): "Enable HTTPS
        # in github pages", "properly enable (enforce) https on homepage".
        (r"\b(?:enable|enforce|turn +on|set ?up|add)\b[^.\n]{0,15}\bhttps\b(?! +(?:proxy|clone|remote))", 5),
        # Retiring machines is a change to infrastructure: "Decommission old production cluster",
        # "Removal of some equip servers".
        (
            # (asked as a question, "Decommission old Jenkins server?", it is a question)
            r"\bdecommission(?!ed\b)\w*\b(?![^\n]*\?\s*$)|\b(?:remov\w+|delet\w+|retir\w+|shut ?down|"
            r"tear ?down) +(?:of +)?(?:the +|our +|some +|old +|unused +|legacy +)*(?:[\w-]+ +)?(?:servers?|"
            r"machines?|vms?|clusters?|"
            r"instances?|droplets?|hosts?|boxes)\b",
            5,
        ),
        # Mail records and instances told by their kind: "Add SPF record", "has no MX record",
        # "upgrade digital ocean instance".
        (
            r"\b(?:spf|mx|dkim|dmarc|aaaa|srv|caa) +records?\b|\bupgrade +(?:the +|our +|my +)?"
            r"(?:[\w-]+ +){0,2}(?:instance|droplet|server|vm|plan|tier|node)\b(?! +to +(?:an? +)?(?:more +"
            r"recent|newer|new|later|latest) +(?:version|release))",
            5,
        ),
    ),
    "troubleshooting": (
        # rules-2026.12.21 (real writing J): "This mirror is not in sync anymore", "The buildbot
        # server no longer start new builds", "Download site seems to be hosed?", "nodes draining",
        # "Merging a branch doesn't always trigger a rebuild", "Bestätigungsmail kommt nicht an",
        # "[BE] 인증서 만료".
        (
            r"\bnot +in +sync\b|\bno +longer +(?:start|run|work|build|load|sync|respond|receiv|send|"
            r"trigger)\w*|"
            r"\bhosed\b|\bdraining\b|\bdoes(?:n'?t| +not) +always\b|\bkommt +nicht +an\b|인증서 ?(?:가 ?|"
            r"이 ?)?만료(?! ?예정)",
            5,
        ),
        # rules-2026.12.19 (real writing I): "Die Website ist nicht erreichbar",
        # "域名证书过期了 网页访问不来啦", "Update mirror" (a stale one).
        (r"\bnicht +(?:erreichbar|verfügbar)\b|\bfunktioniert +nicht\b|过期|访问不|打不开|连不上|挂了|"
         r"^\s*update +(?:the +)?mirror\b", 4),
        # Work that never starts or never ends, a mirror out of step: "Build sits waiting to be
        # queued, never gets queued", "gets queued but never runs", "Builds not getting triggered",
        # "mirror is desynced", "Build from 1 Week Ago is still Going".
        (
            r"\bnever +(?:gets? +|got +)?(?:queued|runs?|ran|starts?|started|finish\w*|complet\w*|"
            r"triggered|picked up|arrives?)\b|\bnot +(?:getting|being) +(?:triggered|queued|picked up|"
            r"built|run|served|updated|synced)\b|\b(?:de-?synced|out of sync|desync\w*)\b|\b(?:is|are|"
            r"been) +still +(?:going|running|pending|queued|building)\b|\bnot +serving\b|"
            r"\bdoesn'?t +created\b",
            4,
        ),
        # A problem named as such ("mirror sync problem"; a "login issue" is as often a locked
        # account, see test_rules_new_desks), and other languages' failure words: "サイトにアクセスが
        # 出来ない", "出现了502 Bad Gateway问题".
        (
            r"\b(?:connection|ssl|tls|dns|build|deploy|upload|download|mirror|sync) +(?:problems?|"
            r"issues?|trouble)\b|\b\d{3} +bad +gateway\b|"
            r"出来ない|できない|繋がらない|つながらない|エラー|无法|錯誤|错误|出现了|打不开|不能",
            4,
        ),
    ),
    "deployment": (
        # rules-2026.12.19 (real writing I): "Redeploy https://nimwc.org", "Version in Maven central is
        # very old", "Update production website?".
        (
            rf"\bre-?deploy(?:ed|ing|ment)?\b|\b(?:version|release) +(?:in|"
            rf"on) +(?:the +)?{_REGISTRY} +(?:is +)?"
            r"(?:very +|too +|really +)?(?:old|outdated|stale|behind)\b|"
            r"\bupdate +(?:the +)?production +(?:web ?)?site\b",
            5,
        ),
        # Publishing a release to a registry is shipping a version: "Publish to NPM", "Publish to
        # Maven Central", "Tagging releases", "Outdated version on npm", "本番環境にデプロイする".
        (
            rf"\bpublish(?:ed|ing)?\b(?:[^.\n]|\.(?=\w)){{0,30}}\b(?:to|on) +{_REGISTRY}|"
            rf"\b(?:outdated|old|stale|latest|new) +(?:version|release) +(?:on|in|to) +{_REGISTRY}|"
            r"\b(?:tag(?:ging)?|cut(?:ting)?) +(?:a +|the +)?(?:new +)?releases?\b|"
            r"デプロイ|リリース|本番環境",
            5,
        ),
        # Asking for a build to be put on a registry (rules-2026.12.17, real writing H): "Can you
        # upload new releases to PyPi?", "Update PyPI with version 1.5.2", "a fresh release on pypi",
        # "release a new version on docker hub", "update the release on the Central Repo of Maven".
        (
            rf"(?<!\bto )(?<!n't )(?<!nt )(?<!not )\b(?:upload|push|put|deploy|update|release(?= +(?:a|an|"
            rf"the|it|this|new|version|v?\d)\b))\b(?:[^.\n?]|\.(?=\w)){{0,40}}\b(?:to|on|in) +"
            rf"(?:the +)?{_REGISTRY}|\b(?:a|the) +(?:fresh|new) +(?:release|version|"
            rf"build)\b[^.\n]{{0,20}}\b(?:on|to) +(?:the +)?{_REGISTRY}|"
            rf"\bupdate +(?:the +)?{_REGISTRY} +(?:with|to)\b|\bcentral +repo(?:sitory)? +of +maven\b",
            5,
        ),
    ),
    "other": (
        # rules-2026.12.19 (real writing I): an infra team's housekeeping and notices: "Onboarding
        # checklist", "Document release instructions", "Question: Rollback release from 5.7 to 5.6",
        # "Rotate all sensible eirini secrets", "Transfer ownership of ractive package to an
        # organisation", "[mitigated] The self hosted runner lost communication", "Add approval gate".
        (
            r"\bonboarding +(?:checklist|materials?|docs?|guide)\b|"
            r"\bdocument +(?:the +)?(?:[\w-]+ +)?(?:release|"
            r"deploy\w*|process|instructions?|procedure)\b|^\s*(?:\[[^\]]*\]\s*)?question\s*:|"
            r"\brotate +(?:all +)?(?:[\w-]+ +){0,2}(?:secrets?|keys?|credentials?)\b|"
            r"\btransfer\w* +(?:the +)?ownership +"
            r"of +(?:the +)?(?:[\w@/-]+ +)?(?:package|crate|gem|module|npm)\b[^.\n]{0,30}\bto +(?:an? +|"
            r"the +|our +)?"
            r"(?:[\w@-]+ +)?(?:organi[sz]ation|org)\b|"
            r"^\s*\[(?:mitigated|resolved|investigating|monitoring|update)\]|\bapproval +gate\b|"
            r"^\s*sync +image\b",
            6,
        ),
        # Internal tasks to decide or define something: "Spike: decide how to roll back", "Determine
        # how to publish", "Seeking Clarification", "Define cloud provider", "Budget Vote".
        (
            r"^\s*(?:\[[^\]]*\]\s*)?spike\b|^[^\n]{0,40}\b(?:decide|determine|figure +out|clarify) +(?:how|"
            r"what|which|whether|on)\b|\bseeking +clarification\b|"
            r"\bbudget +vote\b|\bcredits? +program\b|\b(?:create|add|write|update) +(?:[\w-]+ +){0,3}"
            r"templates?\b|\bprovide +more +details\b",
            5,
        ),
        # An infra team's own improvement work and its notices (rules-2026.12.18, every real-writing
        # set): "Investigate alternative jenkins access for backups", "Infrastructure as Code", "Use
        # Terraform to manage cloud infrastructure", "Move infrastructure CI to GitHub Actions",
        # "Request credits with cloud providers to cut costs", "Process to be able to create a repo",
        # "Unplanned server outage", "Deploy Now is experiencing a temporary outage".
        (
            r"^\s*(?:\[[^\]]*\]\s*)?(?:investigate|explore|evaluate|research|consider)\b|"
            r"\binfrastructure +as +code\b|\b(?:use|adopt|switch(?:ing)? +to|mov(?:e|"
            r"ing) +(?:[\w-]+ +){0,2}to|"
            r"migrat\w* +(?:[\w-]+ +){0,2}to) +(?:terraform|ansible|pulumi|github +actions|gitlab +ci|"
            r"circleci)\b|"
            r"\bcredits +with +(?:the +)?(?:cloud|providers?)\b|"
            r"\bprocess +(?:to|for) +(?:be +able +to +)?\w+|"
            r"\b(?:unplanned|planned|scheduled) +(?:server +)?(?:outage|maintenance|downtime)\b|"
            r"\bis +experiencing +(?:a +)?(?:temporary +|partial +)?outage\b|\bwas +(?:out|"
            r"down) +for +a ?while\b",
            6,
        ),
    ),
}
