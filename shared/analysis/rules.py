"""The rules analyzer: deterministic, offline, bilingual. Always available; the LLM's evidence.

It classifies the ticket into one of this queue's categories by weighted keywords, detects the
reporter's language, and checks the category's checklist against the summary, description and
the reporter's own follow-up comments.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.analysis.category_hints import CATEGORY_HINTS, CONDITIONAL_FAILURE, HINT_NEEDLES, LOG_WEIGHT
from shared.analysis.checklist_item import labelled
from shared.analysis.checklists import CHECKLISTS, ChecklistItem
from shared.analysis.learned import LearnedJudge, category_features, text_features
from shared.analysis.models import Assessment, Category, Language, MissingItem, Verdict
from shared.analysis.needles import fold, passes
from shared.analysis.rules_version import RULES_VERSION
from shared.analysis.ticket_reading import read_ticket, read_with_summary
from shared.analysis.ticket_text import TicketText, spaced
from shared.analysis.troubleshooting_evidence import evidence_attached

# The main ask is stated up front; past this much prose a ticket is pasted material, and reading
# it all would only make a 200k-character paste slow to classify.
_CLASSIFY_CHARS = 20_000
_URL = re.compile(r"\b\w+://\S+")
_MIN_SCORE = 3
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")


_FENCED = re.compile(r"```.*?(?:```|$)|~~~.*?(?:~~~|$)", re.DOTALL)


def detect_language(text: str) -> Language:
    """Korean when Hangul is a real share of the letters (tech terms are often Latin). Pasted code
    and logs in fenced blocks do not vote: a Korean report around an English stack trace is Korean."""
    text = _FENCED.sub(" ", text)
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0:
        return "en"
    # One Hangul syllable carries about three Latin letters' worth of text.
    return "ko" if hangul * 3 >= 0.4 * (hangul * 3 + latin) else "en"


def classify(summary: str, body: str) -> Category:
    """The category with the highest keyword score (see `category_scores`); "other" when no
    category scores at least `_MIN_SCORE`."""
    return best_category(category_scores(summary, body))


def hinted(scores: dict[Category, int]) -> bool:
    """Some category scored enough to be chosen; else the rules say "other" by default."""
    return max(scores.values(), default=0) >= _MIN_SCORE


def best_category(scores: dict[Category, int]) -> Category:
    best: Category = "other"
    best_score = 0
    for category, value in scores.items():
        if value > best_score:
            best, best_score = category, value
    return best if best_score >= _MIN_SCORE else "other"


def category_scores(summary: str, body: str) -> dict[Category, int]:
    """Each category's keyword score; the summary counts double.

    Pasted logs do not vote with their words ("deploy", "sync" in a helm trace), but a pasted error
    log is itself a sign of a problem report; a failed deployment ("deploy failed", "배포 후 파드가
    ...") is troubleshooting, a failure in a condition ("alert me when a sync fails") is not, and
    questions, feature requests, announcements, docs, meetings or thanks are "other".
    """
    doc = read_ticket(body)
    form_labels = frozenset(f.label for f in doc.fields if f.filled)
    summary, prose = _URL.sub(" ", spaced(summary)), _URL.sub(" ", doc.prose[:_CLASSIFY_CHARS])
    # The hints run folded (`category_hints.Hint`); troubleshooting's without failures in a condition.
    plain = _folded(summary, prose)
    trouble_title, in_title = CONDITIONAL_FAILURE.subn(" ", summary)
    trouble_prose, in_prose = CONDITIONAL_FAILURE.subn(" ", prose)
    trouble = _folded(trouble_title, trouble_prose) if in_title or in_prose else plain
    scores: dict[Category, int] = {}
    for category, hints in CATEGORY_HINTS.items():
        score = 0
        title, text, present = trouble if category == "troubleshooting" else plain
        for hint in hints:
            if hint.needles and not passes(hint.needles, present):
                continue
            if hint.folded.search(title):
                score += 2 * hint.weight
            if hint.folded.search(text):
                score += hint.weight
        if category == "troubleshooting":
            score += LOG_WEIGHT if doc.error_logs else 0
            score += _TITLE_FAILURE_WEIGHT if _failure_titled(trouble_title) else 0
        scores[category] = score + _form_weight(category, form_labels)
    return scores


# A summary that names a failure ("Mailing list down", "Cannot join the x list", "Forum sign-up
# bug") is a problem report however many resource nouns it holds; one that asks for something
# ("please", "need a") is a request that mentions one.
_TITLE_FAILURE = re.compile(
    r"(?<!scale )(?<!shut )(?<!tear )(?<!wind )(?<!step )\bdown\b|\b(?:outage|broken|stuck|"
    r"(?<!example )(?<!first )(?<!new )bug(?! +reports?\b)|"
    r"not +(?:working|reliable|loading|resolving|responding|updating|being +\w+ed|receiving|sending|"
    r"deployed|updated|syncing|synced|triggering|triggered|building|reachable|accessible)|(?:does|do|"
    r"did) *n[o']?t +"
    r"(?:seem +to +)?(?:work|trigger|start|run|build|load|resolve|update|sync)|no +longer +work\w*|"
    r"stopped +(?:working|resolving|responding|loading|syncing|running|building|"
    r"sending|receiving)|can'?t|"
    r"cannot|"
    r"unable +to|fail(?:s|ed|ing|ure)?|errors?|"
    r"takes? +too +long|too +slow)\b",
    re.IGNORECASE,
)
_TITLE_ASK = re.compile(
    r"\b(?:please|pls|requesting|request +(?:for|to)|need(?:s|ed)? +(?:a|an|to|access)|grant|give +me|"
    r"hotfix|roll ?back)\b",
    re.IGNORECASE,
)
_TITLE_FAILURE_WEIGHT = 12  # as much as a resource noun in the title twice; 8 and 20 fixed fewer (open sets)


def _failure_titled(summary: str) -> bool:
    return bool(_TITLE_FAILURE.search(summary)) and not _TITLE_ASK.search(summary)


def _folded(summary: str, prose: str) -> tuple[str, str, frozenset[str]]:
    """Summary and prose folded, and the hints' needles the two hold (one pass for both)."""
    title, text = fold(summary), fold(prose)
    return title, text, HINT_NEEDLES.present(f"{title}\n{text}")


def _form_weight(category: Category, labels: frozenset[str]) -> int:
    """A filled-in form speaks for its category: "Subscription / Region / Cost center" rows are a
    resource request whatever the prose mentions ("docs site", "admin tool"). Two answered items
    or more count, two points each."""
    answered: set[str] = set()
    for label in labels:
        answered |= _answers(category, label)
    return 2 * len(answered) if len(answered) >= 2 else 0


@lru_cache(maxsize=4096)
def _answers(category: Category, label: str) -> frozenset[str]:
    """The items of a category one form label names (cached per label: a site's few field names
    recur on every ticket, in ever new sets)."""
    return frozenset(
        item.id for item in CHECKLISTS[category] if item.labels is not None and labelled(item.labels, label)
    )


def ruled_present(category: Category, doc: TicketText) -> frozenset[str]:
    """Items a product rule answers, which the learned layer may not overrule: an attached
    screenshot or log is the error (issue 13; some sets' writers had labelled it no error, and the
    layer learned their habit, not the rule); a field named for an item, filled in, answers it
    (rules-2026.12.29: the layer, reading a Korean form's words, asked for the 요청 사유 it held)."""
    ruled = {item.id for item in CHECKLISTS[category] if item.answered_by_field(doc)}
    if category == "troubleshooting" and evidence_attached(doc):
        ruled.add("error")
    return frozenset(ruled)


def score_items(items: tuple[ChecklistItem, ...], present: set[str]) -> int:
    if not items:
        return 100
    return round(100 * sum(1 for i in items if i.id in present) / len(items))


def verdict_for(score: int, threshold: int) -> Verdict:
    return "HIGH_QUALITY" if score >= threshold else "NEEDS_INFO"


def assess_text(
    summary: str,
    body: str,
    *,
    threshold: int,
    category: Category | None = None,
    language: Language | None = None,
    judge: LearnedJudge | None = None,
) -> Assessment:
    """Judge a ticket's text (summary, description, the reporter's follow-ups) by the checklist.
    `language`: the reporter's, when the caller knows it better than the whole text tells (a
    form's field names are the site's words, not the reporter's). `judge`: the learned layer that
    decides from the rules' readings (`shared.analysis.learned`); without it the rules decide."""
    full = f"{summary}\n{body}"
    language = language or detect_language(full)
    words = text_features(summary, body) if judge is not None else frozenset()
    chosen = category
    if chosen is None:
        scores = category_scores(summary, body)
        chosen = best_category(scores)
        if judge is not None:
            chosen = judge.category(category_features(words, language, chosen, scores, hinted(scores)))
    items = CHECKLISTS[chosen]
    doc = read_with_summary(summary, body)
    if judge is None:
        present = {i.id for i in items if i.found(doc)}
    else:
        ruled = ruled_present(chosen, doc)
        present = {
            i.id for i in items if i.id in ruled or judge.present(chosen, i.id, words, language, i.found(doc))
        }
    score = score_items(items, present)
    verdict = verdict_for(score, threshold)
    missing = tuple(
        MissingItem(id=i.id, label=i.label(language), why=i.why(language))
        for i in items
        if i.id not in present
    )
    return Assessment(
        score=score,
        verdict=verdict,
        category=chosen,
        language=language,
        missing=missing if verdict == "NEEDS_INFO" else (),
        present=tuple(i.id for i in items if i.id in present),
        analyzer="rules",
        version=RULES_VERSION if judge is None else f"{RULES_VERSION}+{judge.version}",
    )
