"""A reporter's "does not apply" is an answer: which checklist items a reply calls not applicable.

"Approver: N/A", "승인자: 해당 없음 (읽기 전용)", "no approver needed — read-only", or our question's
line quoted ("> 승인자: ...") and "해당 없음" under it: the item is answered, whatever the rules or
the LLM read, and the reply is not a disagreement with our question. Pure: text in, item ids out.

The rule, sentence by sentence of the reporter's own prose (fenced blocks, inline code and lines
that look like pasted logs or stack traces are never read):

- a sentence holds a not-applicable phrase ("N/A", "not applicable", "does not apply", "해당 없음",
  "필요 없음", "불필요", "no approver needed", ...), not as a value in output ("status=N/A"), not
  negated ("N/A is wrong", "해당 없음이 아닙니다") and not asked back (a "?" or "...나요" question);
- and it names the item: as the label before the phrase ("Approver: N/A", also the site's field
  that answers it), or as a word of the clause ("no approver needed", "승인은 필요 없습니다"), or,
  naming none, in another clause of the sentence that is not itself an answer ("N/A: read-only
  access, no approver"); failing that, the line of our question the reporter quoted just before.
- A phrase naming no item and quoting none ("N/A", "해당 없음" alone) is ambiguous and counts for
  nothing: we do not guess which item it means (even when we asked for one item only, the reply
  may be about the whole question, which is a disagreement).
- The weak words "none", "없음", "없습니다", "NA" count only as a labelled value ("Approver: none
  (read-only)") or right under a quoted line; "Region: NA" is North America, not "not applicable".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import Assessment
from shared.analysis.site_fields import credit_fields
from shared.analysis.ticket_text import FENCE, is_log_line, norm_label
from shared.jira.fields import FormField

_STRONG = re.compile(
    r"(?<![\w/=])n\.?/a\b(?!/)|\bnot +applicable\b|\bdoes(?: +not|n'?t) +apply\b|\bdon'?t +apply\b|"
    r"\b(?:is|are)(?: +not|n'?t) +(?:needed|required|necessary|relevant)\b|"
    r"\bnot +(?:needed|required|necessary|relevant)\b|\bunnecessary\b|\bno +need +(?:for|of)\b|"
    r"\bno +(?:[\w-]+ +){1,3}?(?:is +)?(?:needed|required|necessary)\b|"
    r"해당\s?(?:사항이?|되는\s?(?:것|내용)이?|이)?\s?없(?:음|습니다|어요|다|고|으며|는데)|"
    r"해당(?:되지|하지)\s?않(?:음|습니다|아요|는다)|해당\s?안\s?(?:됨|됩니다|돼요)|"
    r"(?:대상|해당)(?:이|은|는)?\s?아(?:님|닙니다|니에요|니고)|"
    r"필요\s?(?:가|는|치)?\s?없(?:음|습니다|어요|다|고|으며|는데)|불필요(?:합니다|함|해요|하며|하고)?|"
    r"생략(?:합니다|해\s?주세요|함)",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"^(?:none|nothing|no ?one|nobody|없음|없습니다|없어요|없다|NA)\s*(?:\([^()\n]*\))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|\bisn'?t|\baren'?t|\bnever|\bno longer)\s+(?:an?\s+|quite\s+)?$", re.I
)
_NEGATED_AFTER = re.compile(
    r"^\W{0,3}(?:is|was|seems)?\s*(?:not\s+(?:right|correct|true|ok)|wrong|incorrect)|^(?:이|가|은|는)?\s?아(?:니|"
    r"닙|님)",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"[?？]|(?:나요|까요|가요|습니까|인지요?|을까|는지)\s*[.!]?\s*$")
_SENTENCES = re.compile(r"(?<=[.!。])\s+")
_CLAUSES = re.compile(r"\s*[,;]\s*|\s+[—–]\s+|\s+-\s+")
_LABELLED = re.compile(r"^\s*(?:[-*•]\s*)?(?P<label>[^:：=\n]{1,40}?)\s*[:：]\s*(?P<value>.*)$")
_ASIDE = re.compile(r"\([^()\n]*\)")  # "(읽기 전용 권한)": why, not which item
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_QUOTE = re.compile(r"^\s*>\s?(?P<quoted>.*)$")
_PARTICLE = re.compile(r"(?<=[가-힣])(?:은|는|이|가|을|를|도|의|에|에서|으로|로|님|요|란|이란)$")
_WORD = re.compile(r"[\w가-힣][\w가-힣.'-]*")
# Words too common in prose to name an item on their own outside a label ("what", "target").
_GENERIC_WORDS = (
    "what where when since time level target message output issue problem service system app application "
    "env stage record size type server host instance resources resource account accounts cost costs "
    "db database cache location 위치 대상 문제 시점 환경 서비스 시스템 앱 서버"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
# "NA" as a region is North America.
_NA_IS_A_VALUE = frozenset({"region"})


@dataclass(frozen=True)
class Call:
    """One sentence that calls items not applicable: the items and the sentence as written."""

    items: tuple[str, ...]
    sentence: str


def called_not_applicable(
    replies: Iterable[str], items: Sequence[ChecklistItem], fields: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The ids of `items` the replies call not applicable, in checklist order. `fields`: the site's
    own field names for an item (item id -> names), besides the names its labels already know."""
    called = {i for reply in replies for call in calls(reply, items, fields) for i in call.items}
    return tuple(i.id for i in items if i.id in called)


def form_names(form: Iterable[FormField]) -> dict[str, tuple[str, ...]]:
    """The site's names of the fields its settings map to items ("Sign-off person" -> approver)."""
    names: dict[str, tuple[str, ...]] = {}
    for f in form:
        if f.item:
            names[f.item] = (*names.get(f.item, ()), f.name)
    return names


def calls(
    text: str, items: Sequence[ChecklistItem], fields: Mapping[str, Sequence[str]] | None = None
) -> list[Call]:
    """Every sentence of one reply that calls named items not applicable (see the module's rule)."""
    names = _Names(items, fields or {})
    found: list[Call] = []
    quoted: tuple[str, ...] = ()
    fenced = False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        quote = _QUOTE.match(line)
        if fenced or not line.strip():
            continue
        if quote:
            quoted = names.quoted(quote.group("quoted")) or quoted
            continue
        line = _INLINE_CODE.sub(" ", line)
        if is_log_line(line):
            quoted = ()
            continue
        for sentence in (s for s in _SENTENCES.split(line) if s.strip()):
            ids = _sentence(sentence, names, quoted)
            if ids:
                found.append(Call(ids, sentence.strip()))
        quoted = ()
    return found


def _sentence(sentence: str, names: _Names, quoted: tuple[str, ...]) -> tuple[str, ...]:
    if _QUESTION.search(sentence):
        return ()
    clauses = [c for c in _CLAUSES.split(sentence) if c.strip()]
    # Clauses that answer an item with a value ("Role: Developer") name it only as answered.
    answered = {c for c in clauses if (m := _LABELLED.match(c)) and not _phrase(m.group("value"), weak=True)}
    out: list[str] = []
    for clause in clauses:
        labelled = _LABELLED.match(clause)
        if labelled and _phrase(labelled.group("value"), weak=True):
            named = names.label(labelled.group("label"))
            if _WEAK.match(labelled.group("value").strip()) and not _STRONG.search(labelled.group("value")):
                named = tuple(
                    i for i in named if i not in _NA_IS_A_VALUE or labelled.group("value")[:2] != "NA"
                )
            if named:
                out += named
                continue
        if not _phrase(clause, weak=False):
            if quoted and clause is clauses[0] and _phrase(clause, weak=True):
                out += quoted
            continue
        named = names.in_text(clause)
        if not named:
            named = tuple(
                i for c in clauses if c is not clause and c not in answered for i in names.in_text(c)
            )
        out += named or quoted
    return tuple(dict.fromkeys(out))


def _phrase(text: str, *, weak: bool) -> bool:
    """A not-applicable phrase, not negated; with `weak`, also a bare "none"/"없음" opening `text`."""
    for m in _STRONG.finditer(text):
        if not _NEGATED_BEFORE.search(text[: m.start()]) and not _NEGATED_AFTER.search(text[m.end() :]):
            return True
    return weak and bool(_WEAK.match(text.strip()))


class _Names:
    """How a reply names each item: its labels in both languages, its id, the site's field names,
    and the field labels the checklist reads ("Approver", "승인자", "Cost center")."""

    def __init__(self, items: Sequence[ChecklistItem], fields: Mapping[str, Sequence[str]]) -> None:
        self.items = items
        self.exact: dict[str, str] = {}
        for item in items:
            for name in (
                item.id,
                item.id.replace("_", " "),
                item.label_en,
                item.label_ko,
                *fields.get(item.id, ()),
            ):
                self.exact.setdefault(norm_label(name), item.id)

    def label(self, label: str) -> tuple[str, ...]:
        """The item a field's label names: exactly one, or none."""
        text = norm_label(label)
        if text in self.exact:
            return (self.exact[text],)
        named = tuple(i.id for i in self.items if i.labels is not None and i.labels.fullmatch(text))
        return named if len(named) == 1 else ()

    def quoted(self, line: str) -> tuple[str, ...]:
        """The item of a quoted line of our question ("> 승인자: ..."): its label, else its words."""
        labelled = _LABELLED.match(line)
        named = self.label(labelled.group("label")) if labelled else ()
        return named or self.in_text(line)

    def in_text(self, text: str) -> tuple[str, ...]:
        """Items a clause names by a word or three ("no approver needed", "비용 부서는 해당 없음")."""
        lowered = " ".join(text.lower().split())
        found = [item for name, item in self.exact.items() if len(name) > 3 and name in lowered]
        words = [w.strip(".'-") for w in _WORD.findall(_ASIDE.sub(" ", lowered))]
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                gram = words[start : start + size]
                for last in dict.fromkeys((gram[-1], _PARTICLE.sub("", gram[-1]))):
                    name = " ".join([*gram[:-1], last])
                    if size > 1 or name not in _GENERIC:
                        found += self.label(name)
        return tuple(i.id for i in self.items if i.id in found)


def credit_not_applicable(assessment: Assessment, called: Iterable[str], threshold: int) -> Assessment:
    """The assessment with the items the reporter called not applicable answered, as a filled
    field answers them (`credit_fields`): off the missing list and counted in the score, recorded
    in `not_applicable` (not in `present`: nothing was given, the item does not apply)."""
    items = CHECKLISTS[assessment.category]
    ids = tuple(i.id for i in items if i.id in set(called))
    if not ids:
        return assessment
    credited = credit_fields(assessment, frozenset(ids), threshold)
    present = tuple(p for p in credited.present if p not in ids or p in assessment.present)
    return credited.model_copy(update={"present": present, "not_applicable": ids})
