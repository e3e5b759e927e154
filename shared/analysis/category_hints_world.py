"""Category hints for desks that write in other languages, and for a few plain asks the English
hints missed (rules-2026.12.27).

Read off the rules' category misses on the open real-writing sets: a site "fora do ar" or "не
работает" is a problem report as "down" is; "ステージング用サーバーの準備", "criar lista de email",
"Spin up a sandbox AWS account" ask for a resource; a domain that "will expire" asks for its renewal
(the labellers put an expiry warning in cloud_resource, a lapse already happened in
troubleshooting). Kept apart from `category_hints` (which adds these to its table) because that
table is long already; the weights mean the same.
"""

from __future__ import annotations

from shared.analysis.models import Category

MORE: dict[Category, tuple[tuple[str, int], ...]] = {
    "troubleshooting": (
        # Portuguese, Spanish, Russian, German, Japanese: down, not working, cannot reach, error.
        (
            r"\bfora +do +ar\b|\bn[ãa]o +(?:funciona|abre|carrega|conecta)\w*|\bno +(?:funciona|carga|abre|"
            r"conecta)\w*|\bca[íi]d[oa]s?\b|не +работа\w*|не +удается|не +могу|недоступ\w*|ошибк\w*|"
            r"\bgeht +nicht\b|\bfunktioniert +nicht\b|\bkein(?:e|en)? +(?:ipv[46]|internet|verbindung|"
            r"zugriff)\b|\bst[öo]rung\b|落ちて|ダウン(?:して|中)|繋がら|つながら|接続でき|表示されな|エラーが",
            5,
        ),
        # A renewal that does not happen is a problem, however soon the certificate lapses
        # (rules-2026.12.28): "cert-manager stopped renewing", "hasn't renewed it", "renewal failed".
        (
            r"\b(?:not|stopped|never) +renew\w*|\bhas ?n[o']?t +(?:been +)?renewed\b|"
            r"\bfail(?:ed|s|ing)? +to +renew\b|\brenewal +(?:fail\w*|error\w*|broken)\b",
            6,
        ),
        # Mail that bounces, said as the trouble: "Email bounces" ("login issue" is split between
        # access and troubleshooting by the labellers, and stays out).
        (r"\be-?mails? +(?:are +)?bounc\w*|\bbounc(?:es|ing) +(?:back|e-?mails?)\b", 5),
    ),
    "cloud_resource": (
        # A server, account or service to set up, in any of these languages: "Staging Server Setup",
        # "Spin up 'sandbox' AWS Account", "Setup a shared drive service", "ステージング用サーバーの準備",
        # "Hosting the website on SNTC server", "criar lista de email", "Proyecto Google Cloud".
        (
            r"\bspin +up\b|\b(?:set ?up|setup|prepare|provision)\b[^.\n]{0,30}?\b(?:servers?|vms?|machines?|"
            r"accounts?|drives?|clusters?)\b|\bservers? +setup\b|サーバー?の?(?:準備|構築|用意|作成)|"
            r"\bhosting +(?:the +|our +)?(?:web)?site +on\b|\b(?:criar|crear) +(?:una? +)?lista\b|"
            r"\blista +de +(?:e-?mail|correo|discuss[ãa]o)\b|\bproyecto +(?:de +)?google +cloud\b|"
            r"\bservidor +(?:novo|nuevo|para)\b|\bfirewall-?(?:åbning|öffnung|opening|rule)\b",
            5,
        ),
        # A domain about to lapse, or one to give up: "the domain `x` will expire in 2 days",
        # "Remove worksite.alpha.canada.ca domain that is no longer used".
        (
            r"\bdomain\b[^\n]{0,40}?\bwill +expire\b|\bremove\b[^\n]{0,40}?\bdomain\b",
            6,
        ),
        # rules-2026.12.28 (real writing L): a certificate about to lapse or to renew, a domain to
        # register, a runner to host, mail addresses to set up, "Nieuwe VM maken": "TLS certificate of
        # www.tldp.org expires in 11 days", "SSL renewal for treetracker.org", "We need a domain",
        # "Self-host M1 macOS GitHub Actions runner", "Need to set up contact email addresses".
        (
            r"\b(?:will +expire|set +to +expire|about +to +expire|is +expiring|expir(?:es|"
            r"ing) +(?:in +\d+ +days?|"
            r"soon|on +\d))\b(?![^.\n]{0,40}\b(?:has ?n[o']?t|not|failed +to|fails +to|"
            r"did ?n[o']?t) +(?:been +)?"
            r"renew)|\b(?:ssl|tls|https|cert\w*) +renewal\b|\b(?:register|purchase|buy|need|get)\b"
            r"[^.\n]{0,20}?\bdomain\b|\bdomain +name +registration\b|"
            r"\b(?:self-?host(?!ed)|set ?up|setup|need|provide|add)\b[^.\n]{0,40}?\brunners?\b"
            r"(?![^\n]{0,30}\b(?:offline|down|stuck|broken|fail\w*|not +\w+ing)\b)|"
            r"\b(?:set ?up|create|add|new)\s+(?:(?:a|an|the|some|our|contact|team|new|shared|\d+)\s+){0,3}"
            r"(?:e-?mail\s+(?:address(?:es)?|alias(?:es)?)|aliases)\b|"
            r"\bnieuwe +(?:vm|server)\b|\b(?:vm|server) +(?:maken|aanmaken)\b",
            6,
        ),
    ),
}
