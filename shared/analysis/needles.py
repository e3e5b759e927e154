"""Needles: plain strings that any match of a pattern must contain, to test before searching.

Why: the category hints and checklist patterns are long alternations, and most tickets hold none
of their words; one Aho-Corasick pass finds every needle a ticket holds, far cheaper than a regex
search per pattern, so a pattern is searched only in text that could match it (with the folded
searches below, the rules' time per ticket halved). The needles are read from the pattern itself,
so they cannot drift from it as the vocabulary grows.

A `Needles` value is a small formula: the text passes when, for some branch of the pattern's
top-level alternation, it holds one needle of every clause of that branch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser

import ahocorasick  # type: ignore[import-not-found]  # a C extension without type stubs

Clause = frozenset[str]  # one of these strings
Needles = tuple[tuple[Clause, ...], ...]  # any branch: all its clauses

_LIGHTEST = 3  # a needle lighter than this is in nearly every text: not worth testing first
_MOST = 60  # a clause of more needles than this costs more to test than the search it spares
_CLAUSES = 3  # per branch, the rarest few are enough
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_WORD = itemgetter(1)  # the automaton yields (end, word)
_CASE_EXACT_PART = re.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]*[i:)]")  # "(?-i:", "(?s-i)"...
# The three letters that a case-blind pattern matches but `str.lower` does not turn into its
# ASCII twin: dotted and dotless I, and the long s.
_ALIASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """The text as needles are looked for in it: lower-cased as a case-blind pattern reads it."""
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()
    return text.translate(_ALIASES).lower()


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-blind `pattern` as a case-exact one over `fold`ed text: its letters lower-cased,
    its escapes ("\\S", "\\W") kept; None for a pattern that is not case-blind throughout (a
    "(?-i:...)" part cares about case). Why: a case-blind search folds every character it compares,
    and is several times slower than the same search over text folded once."""
    if not pattern.flags & re.IGNORECASE or _CASE_EXACT_PART.search(pattern.pattern):
        return None
    out: list[str] = []
    escaped = False
    for char in pattern.pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


class NeedleIndex:
    """Every needle of many patterns, found in one pass over a text (Aho-Corasick): testing each
    needle with `in` costs a scan per needle, and the hints hold about a thousand."""

    def __init__(self, all_needles: Iterable[Needles]) -> None:
        words = {n for needles in all_needles for branch in needles for clause in branch for n in clause}
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, word)
        if words:
            self._automaton.make_automaton()
        self.size = len(words)

    def present(self, folded: str) -> frozenset[str]:
        """The needles the (`fold`ed) text holds: `passes` reads them as it would the text."""
        if not self.size:
            return frozenset()
        return frozenset(map(_WORD, self._automaton.iter(folded)))


def passes(needles: Needles, present: frozenset[str]) -> bool:
    """Whether the pattern could match a text that holds these needles (`NeedleIndex.present`);
    always, without needles."""
    for branch in needles:  # plain loops: this runs some hundred times per ticket
        for clause in branch:
            if present.isdisjoint(clause):
                break  # no needle of this clause: the branch cannot match
        else:
            return True  # every clause of the branch has a needle in the text
    return not needles


def needles(pattern: re.Pattern[str]) -> Needles:
    """The pattern's needles; () when some branch has none worth testing (then it is always
    searched). Never wrong, only sometimes weak: each clause holds the literal runs of one part of
    the branch that every match of it must pass through."""
    try:
        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse: searching always is the safe answer
        return ()
    consuming = [(op, av) for op, av in parsed if op.name not in _ZERO_WIDTH]  # "\\b(?:a|b)": a|b
    top = consuming[0][1][1] if len(consuming) == 1 and consuming[0][0].name == "BRANCH" else [parsed]
    out: list[tuple[Clause, ...]] = []
    for branch in top:
        clauses = sorted((c for c in _clauses(branch) if _worth(c)), key=_rarity, reverse=True)
        if not clauses:
            return ()
        out.append(tuple(clauses[:_CLAUSES]))
    return tuple(out)


def _clauses(items: object) -> list[frozenset[str]]:
    """Sets of strings each of which every match of this sequence contains one of."""
    found: list[frozenset[str]] = []
    run: set[str] = {""}  # the ways the literal stretch read so far can be spelt

    def flush() -> None:
        nonlocal run
        if all(run):
            found.append(_minimal(frozenset(x.lower() for x in run)))
        run = {""}

    for op, av in items:  # type: ignore[attr-defined]
        name = op.name
        if name in _ZERO_WIDTH:  # consumes nothing: the run goes on across it
            continue
        spellings = _spellings(op, av)
        if spellings is not None and len(run) * len(spellings) <= _MOST:
            run = {a + b for a in run for b in spellings}
            continue
        if name in _REPEATS and av[0] >= 1 and (inner := _spellings(*av[2][0])) and len(av[2]) == 1:
            if len(run) * len(inner) <= _MOST:  # "x +": the run ends with one x, the next starts with one
                run = {a + b for a in run for b in inner}
            flush()
            run = set(inner)
            continue
        flush()
        clause: frozenset[str] | None = None
        if name == "SUBPATTERN":
            clause = _best(av[-1])
        elif name == "ATOMIC_GROUP":
            clause = _best(av)
        elif name == "BRANCH":
            parts = [_best(branch) for branch in av[1]]
            clause = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif name in _REPEATS and av[0] >= 1:
            clause = _best(av[2])
        if clause:
            found.append(clause)
    flush()
    return [c for c in found if c and all(c)]


def _spellings(op: object, av: object) -> set[str] | None:
    """Every string this one element can match, when it is a few plain strings ("s", "(?:sub|rg)",
    "[sz]", "s?"); else None."""
    name = op.name  # type: ignore[attr-defined]
    if name == "LITERAL":
        return {chr(av)}  # type: ignore[arg-type]
    if name == "IN" and all(kind.name == "LITERAL" for kind, _ in av):  # type: ignore[attr-defined]
        return {chr(code) for _, code in av}  # type: ignore[attr-defined]
    if name == "SUBPATTERN":
        return _sequence_spellings(av[-1])  # type: ignore[index]
    if name == "BRANCH":
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            spelt = _sequence_spellings(branch)
            if spelt is None:
                return None
            out |= spelt
        return out if len(out) <= _MOST else None
    if name in _REPEATS and av[0] == 0 and av[1] == 1:  # type: ignore[index]
        spelt = _sequence_spellings(av[2])  # type: ignore[index]
        return None if spelt is None else spelt | {""}
    return None


def _sequence_spellings(items: object) -> set[str] | None:
    out = {""}
    for op, av in items:  # type: ignore[attr-defined]
        if op.name in _ZERO_WIDTH:
            continue
        spelt = _spellings(op, av)
        if spelt is None or len(out) * len(spelt) > _MOST:
            return None
        out = {a + b for a in out for b in spelt}
    return out


def _minimal(clause: frozenset[str]) -> frozenset[str]:
    """Without the strings that hold another of the clause ("abcdef" when "def" is there too)."""
    return frozenset(x for x in clause if not any(y != x and y in x for y in clause))


def _best(items: object) -> frozenset[str] | None:
    return max(_clauses(items), key=_rarity, default=None)


def _rarity(clause: frozenset[str]) -> tuple[bool, int, int]:
    """Which clause to test first: one worth testing, then the fewest needles, then the rarest."""
    return _worth(clause), -len(clause), min(map(_weight, clause))


def _worth(clause: frozenset[str]) -> bool:
    return len(clause) <= _MOST and min(map(_weight, clause)) >= _LIGHTEST


def _weight(needle: str) -> int:
    """How rare a needle is, roughly: a Korean syllable says as much as two Latin letters."""
    return sum(1 if char.isascii() else 2 for char in needle)
