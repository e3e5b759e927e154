"""The checklist's words in Portuguese and Spanish: the form labels and a few plain answers.

Its own module because a site's forms are in the language of the desk, and a desk with a
Brazilian or Mexican squad names its fields "Aprovador", "Justificación", "Desde quando",
"Projeto GCP / Conta AWS" (rules-2026.12.34, real shapes AJ, a fintech with São Paulo and CDMX
squads). Each item's labels are matched like the English and Korean ones (`ChecklistItem`
joins them by item id), so a filled field answers and a "TBD"/"a definir" one does not.
"""

from __future__ import annotations

_WHERE = r"onde|d[oó]nde|servi[çc]os?|servicios?|sistemas?|ambiente|entorno|aplica[çc][ãa]o|aplicaci[oó]n"

LABELS: dict[str, str] = {
    # troubleshooting
    "symptom": r"o que (?:acontece|aconteceu|houve)|qu[eé] (?:pasa|pas[oó]|sucede)|s[ií]ntomas?|problema|"
    r"descri[çc][ãa]o do problema|descripci[oó]n del problema",
    "when": r"desde quando|desde cu[aá]ndo|quando|cu[aá]ndo|in[ií]cio|data de in[ií]cio|fecha de inicio|"
    r"hor[aá]rio|ocorr[eê]ncia",
    "where": _WHERE,
    "error": r"erros?|mensagem de erro|mensaje de error|errores",
    "steps": r"passos|pasos|passos para reproduzir|pasos para reproducir|como reproduzir|"
    r"c[oó]mo reproducir|reprodu[çc][ãa]o|reproducci[oó]n",
    "impact": r"impacto|urg[eê]ncia|urgencia|gravidade|gravedad|severidade|severidad",
    # access
    "tool": r"ferramenta|herramienta|sistema|servi[çc]o|servicio",
    "scope": r"escopo|alcance|[aá]mbito|projeto|proyecto|grupo|equipe|equipo",
    "role": r"n[ií]vel de acesso|nivel de acceso|papel|perfil|rol|permiss[ãa]o|permisos?|"
    r"tipo de acesso|tipo de acceso",
    "justification": r"justificativa|justificaci[oó]n|motivo|raz[ãa]o|raz[oó]n|prop[oó]sito|finalidade|"
    r"finalidad",
    "approver": r"aprovador(?:es|a)?|aprobador(?:es|a)?|aprovad[oa] por|aprobad[oa] por|aprova[çc][ãa]o|"
    r"aprobaci[oó]n|gestor respons[aá]vel",
    # cloud_resource
    "subscription": r"projeto(?: gcp)?|proyecto(?: gcp)?|conta(?: aws)?|cuenta(?: aws)?|assinatura|"
    r"suscripci[oó]n",
    "environment": r"ambiente|entorno|ambiente (?:alvo|de destino)|entorno de destino",
    "region": r"regi[ãa]o|regi[oó]n|localiza[çc][ãa]o|ubicaci[oó]n",
    "resource_spec": r"especifica[çc][ãa]o(?: do recurso)?|especificaci[oó]n(?: del recurso)?|tamanho|"
    r"tama[ñn]o|capacidade|capacidad|regra|regla",
    "network": r"rede|red|sub-?rede|subred|configura[çc][ãa]o de rede",
    "cost_owner": r"centro de custos?|centro de costos?|or[çc]amento|presupuesto",
    # deployment
    "service": r"servi[çc]o|servicio|aplica[çc][ãa]o|aplicaci[oó]n|componente",
    "version": r"vers[ãa]o|versi[oó]n|vers[ãa]o ?/ ?tag|versi[oó]n ?/ ?tag",
}

# Plain answers in prose, read beside the English and Korean cues.
WHEN = (
    r"\bdesde +(?:ontem|hoje|anteontem|ayer|hoy|anteayer|anoche|\d|segunda|ter[çc]a|quarta|quinta|"
    r"sexta|s[aá]bado|domingo|lunes|martes|mi[eé]rcoles|jueves|viernes|(?:a|o|la|el|esta|este) +"
    r"(?:[\w-]+ +)?(?:deploy\w*|release|upgrade|atualiza[çc][ãa]o|actualizaci[oó]n|mudan[çc]a|cambio|"
    r"migra[çc][ãa]o|migraci[oó]n|manh[ãa]|ma[ñn]ana|madrugada|noite|noche|semana|fin de semana))",
    r"\b(?:ontem|anteontem|ayer|anoche|esta (?:ma[ñn]ana|madrugada|noche)|hoje (?:de|pela) manh[ãa]|"
    r"hoy (?:en|por) la ma[ñn]ana)\b",
)
APPROVED = r"\b(?:aprovad[oa]|aprobad[oa]|autorizad[oa])s? +(?:por|pel[oa]) +[@\w]"
