"""The extraction lexicons: actors, event triggers and speakers, loaded from data files.

The TOML files in ``frontline/data/`` are the single source of these words; this module only
compiles them into regular expressions, once per process, on first use.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from frontline.errors import SetupError
from frontline.extract.prefilter import ODD_FOLDING, filtered, folded_text

_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str
    speaker: str


@dataclass(frozen=True, slots=True)
class TriggerFamily:
    id: str
    event_type: str
    sub_event_type: str
    territory: str | None
    specificity: int
    facility: bool
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon hit in a text; ``key`` names the actor, trigger family or speaker."""

    start: int
    end: int
    text: str
    key: str


ADJECTIVE = "\x00adjective"  # key suffix of nationality words ("Russian"), which need a noun


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled matchers for one kind of entry.

    Alternatives are bucketed by their literal first one or two characters. A prefilter (one
    prefix-tree regex over every alternative's literal head: "shell" of ``shell(?:ed|ing)``)
    finds only the word starts where some alternative could match, and there only the buckets
    of its first characters are tried, longest alternative first; alternatives that start with
    a regex construct are scanned for in one pass of their own. A few hundred phrases cost a
    few regex calls per sentence.
    """

    starts: re.Pattern[str] | None
    buckets: dict[str, re.Pattern[str]]
    anywhere: re.Pattern[str] | None
    keys: dict[str, str]
    folded: bool
    # ``starts`` for the lower-cased text, without IGNORECASE (None: use ``starts``)
    lower_starts: re.Pattern[str] | None = None

    def find(self, text: str) -> list[Match]:
        """All non-overlapping hits, in text order (the longest alternative wins at a word)."""
        hits: list[Match] = []
        end = 0
        if self.starts is not None:
            for word in self._starts(text):
                pos = word.start()
                if pos < end:
                    continue
                best = self._best(text, pos)
                if best is not None and best.lastgroup:
                    hits.append(Match(pos, best.end(), best.group(0), self.keys[best.lastgroup]))
                    end = best.end()
        if self.anywhere is not None:
            hits += [
                Match(m.start(), m.end(), m.group(0), self.keys[m.lastgroup])
                for m in filtered(self.anywhere).finditer(text)
                if m.lastgroup
            ]
            hits = _longest_first(hits)
        return hits

    def _starts(self, text: str) -> Iterator[re.Match[str]]:
        """Where some alternative may match. Matching the lower-cased text case-sensitively
        finds the same places faster, wherever ``str.lower`` folds as ``re`` does."""
        if self.lower_starts is not None:
            lowered = folded_text(text)
            if lowered is not None:
                return self.lower_starts.finditer(lowered)
        assert self.starts is not None
        return self.starts.finditer(text)

    def _best(self, text: str, pos: int) -> re.Match[str] | None:
        prefix = text[pos : pos + 2]
        if self.folded:
            prefix = prefix.lower()
        best: re.Match[str] | None = None
        for key in (prefix, prefix[:1]):
            pattern = self.buckets.get(key)
            m = pattern.match(text, pos) if pattern is not None else None
            if m and (best is None or m.end() > best.end()):
                best = m
        return best


def _longest_first(hits: list[Match]) -> list[Match]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Match] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


@dataclass(frozen=True, slots=True)
class LexiconSet:
    """Several lexicons (case-folded and exact) read together; overlaps go to the longest."""

    parts: tuple[Lexicon, ...]

    def find(self, text: str) -> list[Match]:
        hits = [hit for part in self.parts for hit in part.find(text)]
        return hits if len(self.parts) == 1 else _longest_first(hits)


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.replace("’", "'").split()]
    return r"\s+".join(words).replace("'", "['’]?")


_LITERAL = re.compile(r"\w")
_QUANTIFIER = "?*{+"


def _prefix(body: str) -> str | None:
    """The literal first one or two characters of a pattern (None: it starts with a construct)."""
    if not body or not _LITERAL.match(body[0]) or body[1:2] in tuple(_QUANTIFIER):
        return None
    if len(body) > 2 and _LITERAL.match(body[1]) and body[2] not in _QUANTIFIER:
        return body[:2]
    return body[0]


# A piece of a pattern's literal start: a word character, an escaped mark, or white space.
_HEAD_PIECE = re.compile(r"\w|\\[^\w\s]|\\s\+")


def _literal_head(body: str, bucket: str) -> tuple[str, ...]:
    """The regex pieces every match of ``body`` starts with (at least its bucket key): word
    characters, escaped marks and ``\\s+`` up to the first other construct, less a piece that
    a quantifier makes optional."""
    pieces: list[str] = []
    if not _top_level_bar(body):
        pos = 0
        while (piece := _HEAD_PIECE.match(body, pos)) is not None:
            pieces.append(piece.group(0))
            pos = piece.end()
        if pieces and body[pos : pos + 1] in tuple(_QUANTIFIER):
            pieces.pop()
    if "".join(pieces[: len(bucket)]).lower() != bucket.lower():
        return tuple(re.escape(c) for c in bucket)
    return tuple(pieces)


def _top_level_bar(body: str) -> bool:
    """Whether a pattern is an alternation at its top level (``a|b``)."""
    depth, escaped, in_class = 0, False, False
    for c in body:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
    return False


def _trie_regex(heads: list[tuple[str, ...]]) -> str:
    """One regular expression matching any of ``heads`` (sorted sequences of regex pieces),
    shaped as a prefix tree so that a position is accepted or refused in a few tests."""
    branches: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        branches.setdefault(head[0], []).append(head[1:])
    parts = []
    for first, rests in branches.items():
        if () in rests:
            parts.append(first)  # a shorter head suffices: the rest need not match
        else:
            parts.append(first + _trie_regex(rests))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _first_letters(body: str) -> frozenset[str] | None:
    """The characters a match of ``body`` can start with (None: not known, or any)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(body)
    except (ImportError, re.error):
        return None
    if parsed.state.flags & ~re.UNICODE:
        return None  # inline flags
    first, empty = _first_of(list(parsed), _constants)
    return frozenset(first) if first is not None and not empty else None


def _first_of(items: list[Any], sre: Any) -> tuple[set[str] | None, bool]:
    """First characters of a parsed pattern, and whether it can match the empty string."""
    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            return {*out, chr(arg)}, False
        if op is sre.IN and all(o is sre.LITERAL for o, _ in arg):
            return out | {chr(a) for _, a in arg}, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character
        if op is sre.SUBPATTERN and not arg[1] and not arg[2]:
            sub, empty = _first_of(list(arg[3]), sre)
        elif op is sre.BRANCH:
            branches = [_first_of(list(b), sre) for b in arg[1]]
            if any(f is None for f, _ in branches):
                return None, False
            sub = set().union(*(f for f, _ in branches if f is not None))
            empty = any(e for _, e in branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            sub, empty = _first_of(list(arg[2]), sre)
            empty = empty or arg[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def _compile(alternatives: list[tuple[str, str]], *, folded: bool, raw: bool) -> Lexicon:
    """Named-group alternations bucketed by literal prefix; group name → key."""
    ordered = sorted(alternatives, key=lambda a: -len(_LOOKAROUND.sub("", a[0])))
    grouped: dict[str | None, list[str]] = {}
    keys: dict[str, str] = {}
    bodies: list[tuple[str, str | None]] = []
    for i, (text, key) in enumerate(ordered):
        body = text if raw else _phrase_regex(text)
        prefix = _prefix(body)
        if prefix is not None and folded:
            prefix = prefix.lower()
        keys[f"g{i}"] = key
        grouped.setdefault(prefix, []).append(f"(?P<g{i}>{body})")
        bodies.append((body, prefix))
    flags = re.IGNORECASE if folded else 0

    def one(parts: list[str], lead: str = "") -> re.Pattern[str]:
        return re.compile(lead + "(?:" + "|".join(parts) + r")(?![\w-])", flags)

    buckets = {c: one(parts) for c, parts in grouped.items() if c is not None}
    heads = {_literal_head(body, key) for body, key in bodies if key is not None}
    starts = lower_starts = None
    if heads:
        # a look-ahead: heads span words, and the word starts inside them are candidates too
        starts = re.compile(r"(?<![\w-])(?=" + _trie_regex(sorted(heads)) + ")", flags)
        lower_starts = _lower_starts(heads) if folded else None
    anywhere = None
    if None in grouped:
        firsts = [_first_letters(body) for body, key in bodies if key is None]
        known = sorted({c for f in firsts if f is not None for c in f})
        lead = ""  # a look-ahead at the letters they start with, when all are known
        if known and all(f is not None for f in firsts):
            lead = "(?=[" + "".join(re.escape(c) for c in known) + "])"
        anywhere = one(grouped[None], r"(?<![\w-])" + lead)
    return Lexicon(starts, buckets, anywhere, keys, folded, lower_starts)


def _lower_starts(heads: set[tuple[str, ...]]) -> re.Pattern[str] | None:
    """The case-folded ``starts`` as a case-sensitive pattern over lower-cased text: the same
    positions (lower-casing keeps lengths, ``\\w`` and ``\\s`` there), or None when a head
    holds a character ``re`` folds otherwise than ``str.lower``."""
    if any(ODD_FOLDING.search(piece) for head in heads for piece in head):
        return None
    lowered = sorted({tuple(piece.lower() for piece in head) for head in heads})
    return re.compile(r"(?<![\w-])(?=" + _trie_regex(lowered) + ")")


def _load(name: str) -> dict[str, Any]:
    try:
        with resources.files("frontline.data").joinpath(name).open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(
            f"cannot read lexicon frontline/data/{name}: {exc}; reinstall frontline or fix the file"
        ) from exc


@cache
def actors() -> dict[str, Actor]:
    """Canonical actor name → Actor."""
    data = _load("actors.toml")
    return {
        a["name"]: Actor(a["name"], a.get("side", "other"), a.get("speaker", a["name"]))
        for a in data["actor"]
    }


@cache
def actor_lexicon() -> LexiconSet:
    data = _load("actors.toml")
    folded = [(alias, a["name"]) for a in data["actor"] for alias in a.get("aliases", [])]
    exact = [(alias, a["name"]) for a in data["actor"] for alias in a.get("case_sensitive", [])]
    exact += [
        (adj, a["name"] + ADJECTIVE) for a in data["actor"] for adj in a.get("adjectives", [])
    ]
    return LexiconSet(
        (_compile(folded, folded=True, raw=False), _compile(exact, folded=False, raw=False))
    )


@cache
def trigger_families() -> dict[str, TriggerFamily]:
    data = _load("triggers.toml")
    return {
        t["id"]: TriggerFamily(
            id=t["id"],
            event_type=t["event_type"],
            sub_event_type=t["sub_event_type"],
            territory=t.get("territory"),
            specificity=int(t.get("specificity", 0)),
            facility=bool(t.get("facility", False)),
            weak=bool(t.get("weak", False)),
        )
        for t in data["trigger"]
    }


@cache
def trigger_lexicon() -> LexiconSet:
    data = _load("triggers.toml")
    folded = [(p, t["id"]) for t in data["trigger"] for p in t.get("patterns", [])]
    exact = [(p, t["id"]) for t in data["trigger"] for p in t.get("case_sensitive", [])]
    return LexiconSet(
        (_compile(folded, folded=True, raw=True), _compile(exact, folded=False, raw=True))
    )


@cache
def speaker_forces() -> dict[str, str]:
    """Speaker name → the actor its unnamed "forces" are."""
    data = _load("speakers.toml")
    return {s["name"]: s["forces"] for s in data["speaker"] if "forces" in s}


@cache
def speaker_lexicon() -> LexiconSet:
    data = _load("speakers.toml")
    folded = [(alias, s["name"]) for s in data["speaker"] for alias in s.get("aliases", [])]
    return LexiconSet((_compile(folded, folded=True, raw=False),))
