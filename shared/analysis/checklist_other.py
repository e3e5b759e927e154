"""The checklist for the free-form rest ("other"): what is needed, in a few sentences.

Its own module because its one item is read unlike any other: not a field or a phrase but whether
the ticket says anything at all. A call requested, a forwarded mail's headers or a chat link say
nothing; a short ticket that names nothing (no name, path, number or quoted term) leaves the
assignee asking which and what. `checklists` gathers it into the catalogue.
"""

from __future__ import annotations

import re

from shared.analysis import vocabulary as vocab
from shared.analysis.checklist_item import ChecklistItem
from shared.analysis.ticket_text import TicketText

_DETAILS = vocab.rx(r"(?<!\S)\S{2,}(?: +\S{2,}){3,}", r"(?<![가-힣])[가-힣]{2,}(?: +\S+){2,}")
# Asking for a call or announcing a question says nothing about what is needed.
_CONTENT_FREE = re.compile(
    r"(?:(?:잠깐|잠시|혹시) ?)?(?:통화|미팅|대화|콜)(?:이|를|가)? ?"
    r"(?:가능\S*|되실까요|될까요|괜찮\S*|부탁\S*)|"
    r"(?:질문|문의)(?:이|가|사항이?)? ?(?:있어요|있습니다|있는데요|있어서요|드립니다|드려요)|"
    r"여쭤 ?볼 ?(?:게|것이|거) ?(?:좀 ?)?있\S*|시간 ?되실 ?때|DM ?(?:주세요|부탁\S*)|"
    r"(?m:^-+ ?Original Message ?-+$|^(?:From|Sent|To|Cc|Subject|Date): .*$)|\bsee below\b|\bFYI\b|"
    r"\bFW:|전달됨|참고 ?부탁드립니다|티켓으로 ?올려 ?주세요|"
    r"\b(?:see|check) (?:the |this )?(?:thread|link|page|doc)?\b|"
    r"\b(?:quick|short) (?:call|chat|question)\b|\b(?:can|could) +(?:someone|somebody|anyone|you) +"
    r"(?:ping|dm|call|message) +me(?: +on +\w+)?|\beasier to (?:explain|show|discuss)(?: +\w+){0,3}|"
    r"(?:슬랙|DM|전화|통화|만나서)(?:으로|로|에서)? ?(?:설명|말씀)(?:드릴게요|드리겠습니다|하는 ?게 빠를)|"
    r"\bcan (?:we|i|you) (?:talk|chat|hop on a (?:quick )?call|have a (?:quick )?"
    r"(?:call|chat|word))\b|\b(?:ping|dm|call) me\b",
    re.IGNORECASE,
)


_CHAT_LINK = re.compile(r"\b\w+://\S*(?:slack\.com|teams\.microsoft\.com)\S*")  # the content is elsewhere


def _details(doc: TicketText) -> bool:
    """A few sentences that name something. Short and naming nothing at all (no name, path, number
    or quoted term: "Make CI faster", "setup the sonarqube thingy for us?") leaves the assignee
    asking which and what; thanks need no details."""
    what = [f for f in doc.fields if _WHAT_FIELD.fullmatch(f.label)]
    if any(f.filled and len(f.value.split()) >= _WHAT_WORDS for f in what):
        return True  # "Details: we need a shared test account for the partner demo, for five people."
    blank_what = any(not f.filled for f in what)
    if blank_what and not _UNLABELLED_SENTENCE.search(doc.free):
        return False  # "요청 내용: (작성 예정)": the form's own "what" is still blank
    free = _CONTENT_FREE.sub(" ", _CHAT_LINK.sub(" ", doc.free))
    bare = _LIST_MARK.sub("", free)  # "1) the thing with the runners": numbering names nothing
    if len(free.split()) < _SHORT_WORDS and not _CONCRETE.search(bare) and not _THANKS.search(free):
        return False
    return any(p.search(free) for p in _DETAILS)


_SHORT_WORDS = 35
_WHAT_WORDS = 6  # a form's own "what" field, filled with a sentence, says what is needed
_WHAT_FIELD = re.compile(
    r"(?:요청 ?)?(?:내용|사항)|상세(?: ?내용)?|details?|description|request|what(?: is needed)?",
    re.IGNORECASE,
)
# A sentence of four words or more on a line of its own, not a "Label: value" row.
_UNLABELLED_SENTENCE = re.compile(r"^(?![^\n:：]{1,30}[:：])[^\n]*?\S{2,}(?: +\S{2,}){3,}", re.MULTILINE)
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+", re.MULTILINE)
_CONCRETE = re.compile(r"`[^`\n]+`|\"[^\"\n]+\"|'[^'\n]+'|(?<!#)\b\w+[-_/.]\w[\w./-]*|\d")
_THANKS = re.compile(r"\b(?:thanks|thank you|kudos)\b|감사(?:합니다|해요|드립니다)", re.IGNORECASE)

OTHER = (
    ChecklistItem(
        "details",
        "What you need, in a few sentences",
        "무엇이 필요한지 몇 문장으로",
        "Without a description the assignee has to ask before starting.",
        "설명이 없으면 담당자가 작업 전에 다시 물어봐야 합니다.",
        (),
        detector=_details,
    ),
)
