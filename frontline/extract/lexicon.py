"""The extraction lexicons: actors, event triggers and speakers, loaded from data files.

The TOML files in ``frontline/data/`` are the single source of these words; this module only
compiles them into regular expressions, once per process, on first use.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from frontline.errors import SetupError

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
_WORD_START = re.compile(r"(?<![\w-])\w")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled matchers for one kind of entry.

    The alternatives are bucketed by their first character, and only the bucket of the letter
    a word starts with is tried there, longest alternative first: a few hundred phrases cost a
    handful of regex matches per word.
    """

    buckets: dict[str, re.Pattern[str]]
    anywhere: re.Pattern[str] | None
    keys: dict[str, str]
    folded: bool

    def find(self, text: str) -> list[Match]:
        """All non-overlapping hits, in text order (the longest alternative wins at a word)."""
        hits: list[Match] = []
        end = 0
        for word in _WORD_START.finditer(text):
            pos = word.start()
            if pos < end:
                continue
            first = text[pos].lower() if self.folded else text[pos]
            best: re.Match[str] | None = None
            for pattern in (self.buckets.get(first), self.anywhere):
                m = pattern.match(text, pos) if pattern is not None else None
                if m and (best is None or m.end() > best.end()):
                    best = m
            if best is not None and best.lastgroup:
                hits.append(Match(pos, best.end(), best.group(0), self.keys[best.lastgroup]))
                end = best.end()
        return hits


@dataclass(frozen=True, slots=True)
class LexiconSet:
    """Several lexicons (case-folded and exact) read together; overlaps go to the longest."""

    parts: tuple[Lexicon, ...]

    def find(self, text: str) -> list[Match]:
        hits = [hit for part in self.parts for hit in part.find(text)]
        if len(self.parts) == 1:
            return hits
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Match] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.replace("’", "'").split()]
    return r"\s+".join(words).replace("'", "['’]?")


def _first_char(body: str) -> str | None:
    """The literal first character of a pattern, or None when it starts with a construct."""
    if not body or body[0] in "([\\.^$*+?{|":
        return None
    return body[0]


def _compile(alternatives: list[tuple[str, str]], *, folded: bool, raw: bool) -> Lexicon:
    """Named-group alternations, one per first character; group name → key."""
    ordered = sorted(alternatives, key=lambda a: -len(_LOOKAROUND.sub("", a[0])))
    grouped: dict[str | None, list[str]] = {}
    keys: dict[str, str] = {}
    for i, (text, key) in enumerate(ordered):
        body = text if raw else _phrase_regex(text)
        first = _first_char(body)
        if first is not None and folded:
            first = first.lower()
        keys[f"g{i}"] = key
        grouped.setdefault(first, []).append(f"(?P<g{i}>{body})")
    flags = re.IGNORECASE if folded else 0

    def one(parts: list[str]) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(parts) + r")(?![\w-])", flags)

    buckets = {c: one(parts) for c, parts in grouped.items() if c is not None}
    if folded:  # a case-insensitive bucket must be found from either case of its letter
        buckets.update({c.upper(): p for c, p in list(buckets.items())})
    anywhere = one(grouped[None]) if None in grouped else None
    return Lexicon(buckets, anywhere, keys, folded)


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
