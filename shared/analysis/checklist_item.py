"""One checklist question and how to see that a ticket already answers it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from shared.analysis.needles import NeedleIndex, Needles, folded_pattern, needles, passes
from shared.analysis.request_parts import request_parts
from shared.analysis.ticket_reading import read_ticket
from shared.analysis.ticket_text import TicketText
from shared.analysis.vocabulary_iberian import LABELS as IBERIAN_LABELS

Detector = Callable[[TicketText], bool]


# Every checklist pattern's needles, in the order the items were made; the index over the first n
# is built once and serves every item made before it (`_present`'s key holds n).
_ALL_NEEDLES: list[Needles] = []


@lru_cache(maxsize=2)
def _index(count: int) -> NeedleIndex:
    return NeedleIndex(_ALL_NEEDLES[:count])


@lru_cache(maxsize=32)
def _present(folded: str, count: int) -> frozenset[str]:
    """The checklist needles a ticket's folded text holds: one pass, shared by every item."""
    return _index(count).present(folded)


_GLOSS = re.compile(r"\s*\([^()]*\)")


@lru_cache(maxsize=8192)
def labelled(labels: re.Pattern[str], label: str) -> bool:
    """Whether a form field's label names an item (cached: a site's few field names recur on every
    ticket, and each is asked of every item)."""
    return labels.fullmatch(label) is not None


@dataclass(frozen=True)
class ChecklistItem:
    """One question of a checklist.

    `patterns` search the ticket's free text (the reporter's prose only when `prose_only`, so pasted
    logs do not answer "what happened"); `labels` name form fields that answer the item when filled,
    `value` (if set) must match such a field's value and `reject` must not; `detector` is any
    further check on the parsed ticket; `incomplete` (if set) sees a request for several things
    where some part leaves the item out, which leaves it missing however well the rest answers.
    """

    id: str
    label_en: str
    label_ko: str
    why_en: str
    why_ko: str
    patterns: tuple[re.Pattern[str], ...]
    labels: re.Pattern[str] | None = None
    value: re.Pattern[str] | None = None
    reject: re.Pattern[str] | None = None
    prose_only: bool = False
    detector: Detector | None = None
    incomplete: Detector | None = None
    # What runs, per pattern: case-blind ones as case-exact searches over the folded text (faster,
    # the same matches: `needles.folded_pattern`), whether it reads the folded text, and the needles
    # the folded text must hold for it to match (`needles.needles`).
    _search: tuple[tuple[re.Pattern[str], bool, Needles], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.labels is not None and self.id in IBERIAN_LABELS:
            # The same field in Portuguese or Spanish (`vocabulary_iberian`).
            joined = f"(?:{self.labels.pattern})|(?:{IBERIAN_LABELS[self.id]})"
            object.__setattr__(self, "labels", re.compile(joined, self.labels.flags))
        searches = []
        for pattern in self.patterns:
            folded, wanted = folded_pattern(pattern), needles(pattern)
            searches.append((pattern, False, wanted) if folded is None else (folded, True, wanted))
            _ALL_NEEDLES.append(wanted)
        object.__setattr__(self, "_search", tuple(searches))

    def label(self, language: str) -> str:
        return self.label_ko if language == "ko" else self.label_en

    def why(self, language: str) -> str:
        return self.why_ko if language == "ko" else self.why_en

    def found_in(self, text: str) -> bool:
        return self.found(read_ticket(text))

    def found(self, doc: TicketText) -> bool:
        if self._left_open(doc):
            return False
        if self._in_a_field(doc):
            return True
        view, folded = (doc.prose, doc.folded_prose) if self.prose_only else (doc.free, doc.folded_free)
        present = _present(folded, len(_ALL_NEEDLES))
        for pattern, on_folded, wanted in self._search:
            if wanted and not passes(wanted, present):
                continue
            if pattern.search(folded if on_folded else view):
                return True
        return self.detector(doc) if self.detector is not None else False

    def answered_by_field(self, doc: TicketText) -> bool:
        """A field named for this item holds a real value ("승인자(팀장): 임재형", "오류 메시지: [E-5031]
        ..."): the reporter answered the question where the form asked it."""
        return not self._left_open(doc) and self._in_a_field(doc)

    def _left_open(self, doc: TicketText) -> bool:
        """Some part of the request leaves the item out, whatever answers it elsewhere."""
        if self.incomplete is not None and self.incomplete(doc):
            return True
        return self.labels is not None and self._column_left_blank(doc)

    def _in_a_field(self, doc: TicketText) -> bool:
        if self.labels is None:
            return False
        return any(
            f.filled and not (f.in_log and self.prose_only) and self._names(f.label)
            and self._accepts(f.value)
            for f in doc.fields
        )

    def _names(self, label: str) -> bool:
        """The label names this item, alone or as one part of "Org / team", "구독 / RG"."""
        assert self.labels is not None
        if labelled(self.labels, label):
            return True
        parts = [p.strip() for p in label.split("/")]
        if len(parts) > 1 and any(p and labelled(self.labels, p) for p in parts):
            return True
        # "Approver (manager)", "Cost centre (WBS)": the name without its gloss (rules-2026.12.24).
        bare = _GLOSS.sub("", label).strip()
        return bool(bare) and bare != label and self._names(bare)

    def _column_left_blank(self, doc: TicketText) -> bool:
        """A table column answering this item, filled in some rows and blank in others: those rows'
        part of the request is unanswered (a deploy table with one row's ArgoCD app left empty)."""
        assert self.labels is not None
        cells = [f.filled for f in doc.fields if f.column and labelled(self.labels, f.label)]
        return any(cells) and not all(cells)

    def _accepts(self, value: str) -> bool:
        if self.value is not None and not self.value.search(value):
            return False
        return not (self.reject is not None and self.reject.search(value))


def left_out_of_a_part(item_id: str, catalogue: Callable[[], Sequence[ChecklistItem]]) -> Detector:
    """For a ticket that announces several things ("두 가지 요청드립니다 1. ... 2. ..."): the item
    is missing when one of the parts leaves it out, however well the others answer it. What comes
    before the parts (a shared "공통" block) is read with every part."""

    def left_out(doc: TicketText) -> bool:
        parts = request_parts(doc.free)
        if not parts:
            return False
        item = next(i for i in catalogue() if i.id == item_id)
        return not all(item.found(read_ticket(part)) for part in parts)

    return left_out
