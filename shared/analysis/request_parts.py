"""Requests for several things: the numbered parts of a ticket that announces more than one.

"두 가지 문의드립니다 1) ... 2) ...": a request is complete only when every part is, so the
checklist items that can differ per part are checked on each part (with the text outside every
part, a shared "공통" block). Its own module because it reads the ticket's layout, not its
fields: `ticket_text` splits a text into fields, prose and logs; `checklist_item` calls this on
the text first and reads each part it finds.
"""

from __future__ import annotations

import re

from shared.analysis.ticket_text import FENCE

_PART = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\))\s+(?=\S)")
_SEVERAL = re.compile(
    r"(?<!\d)(?:두|세|네|2|3|4) ?(?:가지|건|개(?= ?(?:만들|생성|요청|부탁|신청|추가|필요|를|입니다|[:.]|$)))|"
    r"\b(?:two|three|four|"
    r"several|a couple of|multiple) +(?:\w+ +)?(?:things|"
    r"issues|problems|requests|questions|asks|items|resources|changes)\b",
    re.IGNORECASE,
)


_ANOTHER = re.compile(r"\s*(?:separately|also|another (?:thing|issue|problem)|별개로|별도로|그리고)\b", re.I)


_SHARED_LINE = re.compile(r"\s*(?:both|all of (?:them|these)|each of|둘 ?다|모두|공통)\b", re.I)


def _indented(line: str) -> bool:
    return line.startswith((" ", "\t"))


def request_parts(text: str) -> list[str]:
    """The numbered parts of a ticket that announces several things ("두 가지 문의드립니다: 1) ...
    2) ..."), each with the text outside every part (a shared "공통: ..." block, before or after);
    [] when it announces no such thing (a numbered list is usually steps). A part runs to the next
    one or to the first blank line outside a fenced block."""
    lines = text.splitlines()
    starts = [n for n, ln in enumerate(lines) if _PART.match(ln)]
    announced = bool(starts) and _SEVERAL.search("\n".join(lines[: starts[0]])) is not None
    another = any(_ANOTHER.match(_PART.sub("", lines[n], count=1)) for n in starts[1:])
    if len(starts) < 2 or not (announced or another):
        return []
    spans = []
    for a, limit in zip(starts, [*starts[1:], len(lines)], strict=True):
        b, fenced = a + 1, False
        while b < limit and (fenced or lines[b].strip() or _indented(lines[min(b + 1, limit - 1)])):
            if not fenced and _SHARED_LINE.match(lines[b]):
                break
            fenced ^= bool(FENCE.match(lines[b]))
            b += 1
        spans.append((a, b))
    inside = {n for a, b in spans for n in range(a, b)}
    shared = "\n".join(ln for n, ln in enumerate(lines) if n not in inside)
    return ["\n".join(lines[a:b]) + "\n" + shared for a, b in spans]
