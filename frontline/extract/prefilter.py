"""A literal prefilter for regular expressions: skip the search where it cannot match.

Python's ``re`` tries a long alternation at every position of a sentence. Most of the rules'
patterns can only match where one of a few literal words stands ("since", "recently",
"accus"): :func:`required_literals` reads them off the parsed pattern, and :class:`Filtered`
runs the real search only when one of them occurs in the text (``str.__contains__``, far
cheaper). The answer is always the pattern's own: the prefilter only skips texts in which no
match is possible.

Soundness: a match's text contains, in order, everything the pattern consumes. For a
sequence the literals of any one part are required; for an alternation one literal from each
branch; zero-width parts (``\\b``, ``^``, look-arounds) consume nothing. Case-insensitive
patterns compare lower-cased literals with the lower-cased text, which is exact except for
the few characters that ``re`` folds differently from ``str.lower`` (``_ODD``): a text
holding one of those is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_MAX_EXACT = 64  # the most strings an exact set may hold before it is given up
_UNBOUNDED = sre_parse.MAXREPEAT
# Characters that ``re`` with IGNORECASE folds otherwise than ``str.lower`` (the dotted
# capital I, which lowers to two characters, and ``re``'s extra case equivalences).
_ODD = re.compile(
    "[\u0130\u0307\u0131\u017f\u00b5\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0"
    "\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)


@dataclass(frozen=True, slots=True)
class _Info:
    exact: frozenset[str] | None  # every string the part can match, when few
    required: frozenset[str] | None  # one of these stands in every match


_EMPTY = _Info(frozenset({""}), None)
_NOTHING = _Info(None, None)


def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets: longer shortest literal, then fewer."""
    usable = [s for s in (a, b) if s and "" not in s]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _cross(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x, y in product(a, b))


def _sequence(items: list[tuple[Any, Any]], fold: bool) -> _Info:
    exact: frozenset[str] | None = frozenset({""})
    run: frozenset[str] = frozenset({""})  # the exact strings of the current stretch
    required: frozenset[str] | None = None
    for item in items:
        info = _node(item, fold)
        joined = _cross(run, info.exact) if info.exact is not None else None
        if joined is not None:
            run = joined
        else:  # the stretch ends here: keep the better of it and what came before
            required = _best(_best(required, run), info.required)
            run = info.exact if info.exact is not None else frozenset({""})
        exact = _cross(exact, info.exact) if exact is not None and info.exact is not None else None
    return _Info(exact, _best(required, run))


def _branch(branches: list[Any], fold: bool) -> _Info:
    infos = [_sequence(list(b), fold) for b in branches]
    exact: set[str] | None = set()
    required: set[str] | None = set()
    for info in infos:
        if exact is not None and info.exact is not None and len(exact | info.exact) <= _MAX_EXACT:
            exact |= info.exact
        else:
            exact = None
        choice = _best(info.exact, info.required)
        if required is not None and choice is not None:
            required |= choice
        else:
            required = None
    return _Info(
        frozenset(exact) if exact is not None else None,
        frozenset(required) if required is not None else None,
    )


def _repeat(low: int, high: int, body: list[Any], fold: bool) -> _Info:
    info = _sequence(body, fold)
    required = _best(info.exact, info.required) if low >= 1 else None
    if info.exact is None or high == _UNBOUNDED or high > 3:
        return _Info(None, required)
    power: frozenset[str] | None = frozenset({""})  # the body ``count`` times
    total: set[str] = set()
    for count in range(high + 1):
        if power is None:
            return _Info(None, required)
        if count >= low:
            total |= power
        power = _cross(power, info.exact) if count < high else power
    return _Info(frozenset(total) if len(total) <= _MAX_EXACT else None, required)


def _charset(items: list[tuple[Any, Any]], fold: bool) -> _Info:
    chars: set[str] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] < 16:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars.update("0123456789")  # other scripts' digits: see Filtered._ascii_digits
        else:  # a category, a negation or a wide range: any of many characters
            return _NOTHING
    return _Info(frozenset(c.lower() if fold else c for c in chars), None)


def _node(item: tuple[Any, Any], fold: bool) -> _Info:
    op, value = item
    name = str(op)
    if name == "LITERAL":
        char = chr(value)
        return _Info(frozenset({char.lower() if fold else char}), None)
    if name == "IN":
        return _charset(list(value), fold)
    if name in {"AT", "ASSERT", "ASSERT_NOT"}:
        return _EMPTY  # zero-width
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, body = value
        if (add_flags | del_flags) & re.IGNORECASE:
            return _NOTHING  # a change of case rule inside: give up on this part
        return _sequence(list(body), fold)
    if name == "BRANCH":
        return _branch(list(value[1]), fold)
    if name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
        low, high, body = value
        return _repeat(low, high, list(body), fold)
    if name == "ATOMIC_GROUP":
        return _sequence(list(value), fold)
    return _NOTHING  # any character, a back-reference, a conditional


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals one of which stands in every match of ``pattern`` (lower-cased when the
    pattern ignores case), or None when the pattern allows no such set."""
    if pattern.flags & re.LOCALE:
        return None
    return _literals_of(sre_parse.parse(pattern.pattern, pattern.flags))


def _literals_of(parsed: Any) -> frozenset[str] | None:
    """:func:`required_literals` of a parsed pattern (left as it was)."""
    fold = bool(parsed.state.flags & re.IGNORECASE)
    info = _sequence(list(parsed), fold)
    return _best(info.exact, info.required)


def _trie(literals: list[str]) -> str:
    """One regular expression for "any of ``literals``", as a prefix tree."""
    if "" in literals:
        return ""  # the empty rest of a shorter literal: it alone suffices
    heads: dict[str, list[str]] = {}
    for literal in literals:
        heads.setdefault(literal[0], []).append(literal[1:])
    branches = [re.escape(head) + _trie(rests) for head, rests in sorted(heads.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=64)
def _folded(text: str) -> str | None:
    """``text`` lower-cased, or None when it holds a character that ``re`` folds otherwise
    (kept for the few patterns that read one sentence in turn)."""
    lowered = text.lower()
    return None if not lowered.isascii() and _ODD.search(lowered) else lowered


ODD_FOLDING = _ODD
folded_text = _folded  # for other modules: an IGNORECASE search of ``text`` for a lower-case
# pattern is a case-sensitive search of ``folded_text(text)`` at the same offsets, when not None


class Filtered:
    """A compiled pattern whose ``search``, ``finditer`` and ``findall`` over a whole text
    first look for one of the pattern's required literals; the answers are the pattern's own.

    A case-insensitive pattern is also run, where it can be, as a case-sensitive copy
    (:func:`lowered_pattern`) over the lower-cased text, several times faster in ``re``; it
    only says where the matches start, and the pattern itself gives each match there."""

    __slots__ = ("_ascii_digits", "_fold", "_last", "_literals", "_lowered", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._fold = bool(pattern.flags & re.IGNORECASE)
        # ``\d`` was read as 0-9: a text with other characters than ASCII is always searched
        self._ascii_digits = "\\d" in pattern.pattern and not pattern.flags & re.ASCII
        # parsed once: read for its literals, then lower-cased in place for the copy
        parsed = (
            None if pattern.flags & re.LOCALE else sre_parse.parse(pattern.pattern, pattern.flags)
        )
        literals = _literals_of(parsed) if parsed is not None else None
        if literals and self._fold and any(_ODD.search(s) for s in literals):
            literals = None  # folded otherwise by ``re``: always search
        self._literals = re.compile(_trie(sorted(literals))) if literals else None
        self._lowered = lowered_pattern(pattern, parsed, loose=True) if self._fold else None
        # the last text tested and the answer: a rule that searches one sentence from
        # several positions in turn (the number scan) tests it once
        self._last: tuple[str | None, bool] = (None, True)

    def possible(self, text: str) -> bool:
        """False only when ``text`` cannot hold a match."""
        if self._literals is None or (self._ascii_digits and not text.isascii()):
            return True
        last = self._last
        if text is last[0]:
            return last[1]
        folded = _folded(text) if self._fold else text
        answer = folded is None or self._literals.search(folded) is not None
        self._last = (text, answer)
        return answer

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """``pattern.search(text, pos)``."""
        if not self.possible(text):
            return None
        folded = _folded(text) if self._lowered is not None else None
        if folded is None or self._lowered is None:
            return self.pattern.search(text, pos)
        first = self._lowered.search(folded, pos)
        if first is None:
            return None
        # no match starts before ``first``: the pattern's own search from there is the same
        found = self.pattern.search(text, first.start())
        if found is not None and found.span() == first.span():
            return found
        return self.pattern.search(text, pos)  # a disagreement: the slow way

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.possible(text):
            return iter(())
        folded = _folded(text) if self._lowered is not None else None
        if folded is None or self._lowered is None:
            return self.pattern.finditer(text)
        spans = [m.span() for m in self._lowered.finditer(folded)]
        found = [self.pattern.match(text, start) for start, _end in spans]
        same = [m for m, span in zip(found, spans, strict=True) if m and m.span() == span]
        if len(same) == len(spans) and all(start < end for start, end in spans):
            return iter(same)
        return self.pattern.finditer(text)  # an empty match, or a disagreement: the slow way

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.possible(text) else []


_CASE_STABLE = {
    "CATEGORY_DIGIT",
    "CATEGORY_NOT_DIGIT",
    "CATEGORY_SPACE",
    "CATEGORY_NOT_SPACE",
    "CATEGORY_WORD",
    "CATEGORY_NOT_WORD",
}  # lower-casing keeps a character's class


class _UnfoldableError(Exception):
    """A part of a pattern that has no case-sensitive lower-case equivalent here."""


def _lower_char(code: int) -> int:
    char = chr(code)
    lowered = char.lower()
    if len(lowered) != 1 or _ODD.search(char) or _ODD.search(lowered):
        raise _UnfoldableError(char)
    return ord(lowered)


def _lower_set(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A character set matching the lower-cased characters the case-folded set matches."""
    out: list[tuple[Any, Any]] = []
    for op, value in items:
        name = str(op)
        if name == "NEGATE" or (name == "CATEGORY" and str(value) in _CASE_STABLE):
            out.append((op, value))
        elif name == "LITERAL":
            out += [(op, value), (op, _lower_char(value))]
        elif name == "RANGE" and value[1] < 128:
            literal = sre_parse.LITERAL
            for code in range(value[0], value[1] + 1):
                out += [(literal, code), (literal, _lower_char(code))]
        else:
            raise _UnfoldableError(name)
    return out


def _lower_items(items: Any, loose: bool = False, negated: bool = False) -> None:
    """Lower-case, in place, the literals of a parsed case-folded pattern.

    ``loose``: a case-sensitive part inside a negative look-ahead ("in 2011" not followed by
    ``(?-i:[A-Z])``) becomes one that never matches, so that the look-ahead lets through
    more, never fewer, texts (``negated``: inside an odd number of them)."""
    for index, (op, value) in enumerate(items):
        name = str(op)
        if name in {"LITERAL", "NOT_LITERAL"}:
            items[index] = (op, _lower_char(value))
        elif name == "IN":
            items[index] = (op, _lower_set(list(value)))
        elif name in {"AT", "ANY"}:
            continue
        elif name == "BRANCH":
            for branch in value[1]:
                _lower_items(branch, loose, negated)
        elif name == "SUBPATTERN":
            if loose and negated and value[1] == 0 and value[2] == re.IGNORECASE:
                items[index] = sre_parse.parse("(?!)")[0]
            elif value[1] or value[2]:
                raise _UnfoldableError("inline flags")
            else:
                _lower_items(value[3], loose, negated)
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            _lower_items(value[2], loose, negated)
        elif name in {"ASSERT", "ASSERT_NOT"}:  # a look-behind's width must stay: kept exact
            ahead = value[0] == 1
            _lower_items(value[1], loose and ahead, negated != (name == "ASSERT_NOT"))
        elif name == "ATOMIC_GROUP":
            _lower_items(value, loose, negated)
        else:  # a back-reference, a conditional: left to the pattern itself
            raise _UnfoldableError(name)


def lowered_pattern(
    pattern: re.Pattern[str], parsed: Any = None, *, loose: bool = False
) -> re.Pattern[str] | None:
    """A case-sensitive pattern that matches the lower-cased text (``_folded``) where and as
    long as the case-insensitive ``pattern`` matches the text, or None when some part of it
    has no such copy (a back-reference, inline flags, a wide or odd character range).
    ``parsed``, the pattern already parsed, is used up (lower-cased in place).

    ``loose``: a case-sensitive part inside a negative look-ahead is dropped rather than
    refused; the copy then matches wherever the pattern does, and maybe elsewhere too (what
    :class:`Filtered` needs: it checks each match with the pattern itself)."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        from re import _compiler  # type: ignore[attr-defined]

        if parsed is None:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        _lower_items(parsed, loose)
        parsed.state.flags &= ~re.IGNORECASE
        lowered: re.Pattern[str] = _compiler.compile(parsed, pattern.flags & ~re.IGNORECASE)
    except (_UnfoldableError, ImportError, AttributeError, TypeError, ValueError, re.error):
        return None
    return lowered


_FILTERED_BOUND = 512  # patterns kept with their prefilter before the memo starts over
# id(pattern) → (pattern, its Filtered). Not an ``lru_cache`` keyed by the pattern: hashing a
# compiled pattern hashes its whole compiled code, every call (a few microseconds for the
# long rule patterns, called a dozen times per sentence). The pattern is kept with its
# Filtered, so its id cannot be reused while the entry stands.
_FILTERED: dict[int, tuple[re.Pattern[str], Filtered]] = {}


def filtered(pattern: re.Pattern[str]) -> Filtered:
    """``pattern`` with its prefilter, built once per process."""
    kept = _FILTERED.get(id(pattern))
    if kept is not None and kept[0] is pattern:
        return kept[1]
    if len(_FILTERED) >= _FILTERED_BOUND:
        _FILTERED.clear()
    made = Filtered(pattern)
    _FILTERED[id(pattern)] = (pattern, made)
    return made
