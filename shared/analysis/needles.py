"""Needles: the plain strings one of which any match of a pattern must contain.

Why: the category hints are long alternations, and most tickets hold none of their words; a
substring test on the lower-cased text is some fifty times cheaper than a regex search, so a hint
is searched only in text that holds one of its needles (the rules' time per ticket halves). The
needles are read from the pattern itself, so they cannot drift from it as the vocabulary grows.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser

_SHORTEST = 3  # a needle lighter than this is in nearly every text: not worth testing first
_MOST = 80  # more needles than this cost more to test than the search they spare
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
# The three letters that a case-blind pattern matches but `str.lower` does not turn into its
# ASCII twin: dotted and dotless I, and the long s.
_ALIASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """The text as needles are looked for in it: lower-cased as a case-blind pattern reads it."""
    return text.translate(_ALIASES).lower() if not text.isascii() else text.lower()


def needles(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-cased strings, one of which every match of `pattern` contains; () when the pattern
    has no such set worth testing (then it is always searched). Never wrong, only sometimes weak:
    the set holds the literal runs of one part of the pattern that every match must pass through."""
    try:
        found = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse: searching always is the safe answer
        return ()
    if not found or len(found) > _MOST or min(map(_weight, found)) < _SHORTEST:
        return ()
    return tuple(sorted(found))


def _required(items: object) -> frozenset[str] | None:
    """A set of strings one of which every match of this sequence contains, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        name = op.name
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if name in _ZERO_WIDTH:  # consumes nothing: the run goes on across it
            continue
        if name in _REPEATS and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0].name == "LITERAL":
            char = chr(av[2][0][1])  # " +": the run ends with one such character, the next starts with one
            run.append(char)
            flush()
            run.append(char)
            continue
        flush()
        found: frozenset[str] | None = None
        if name == "SUBPATTERN":
            found = _required(av[-1])
        elif name == "ATOMIC_GROUP":
            found = _required(av)
        elif name == "BRANCH":
            parts = [_required(branch) for branch in av[1]]
            found = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif name in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        if found:
            candidates.append(found)
    flush()
    useful = [c for c in candidates if c and all(c)]
    return max(useful, key=lambda c: (min(map(_weight, c)), -len(c)), default=None)


def _weight(needle: str) -> int:
    """How rare a needle is, roughly: a Korean syllable says as much as two Latin letters."""
    return sum(1 if char.isascii() else 2 for char in needle)
