"""The word tables that numbers and quantities are read by, compiled once per process.

:func:`number_words` reads ``frontline/data/numbers.toml`` (number words, vague amounts,
qualifiers, percent words and what is not an amount); :func:`kind_words` reads
``frontline/data/quantities.toml`` (the words that say what a number counts). Extend the tables
there, not here; they are read on first use and kept for the process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from frontline.errors import SetupError

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NUMBERS_FILE = _DATA_DIR / "numbers.toml"
QUANTITIES_FILE = _DATA_DIR / "quantities.toml"


@dataclass(frozen=True, slots=True)
class _Vague:
    value: int
    qualifier: str
    needs_of: bool


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The tables of ``numbers.toml``, compiled: see :func:`number_words`."""

    values: dict[str, tuple[str, int]]  # word -> (class, value): unit, teen, tens, scale
    vague: dict[str, _Vague]  # normalised phrase -> entry
    qualifiers: dict[str, str]
    candidate: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    percent_after: re.Pattern[str]
    time_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    id_prefixes: frozenset[str]
    fraction_words: frozenset[str]
    one_not_before: re.Pattern[str]
    one_not_after: frozenset[str]
    year_prepositions: frozenset[str]
    count_nouns: frozenset[str]


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(
            f"cannot read the {what} table {path}: {exc}; reinstall frontline"
        ) from exc


def _get(table: dict[str, Any], path: Path, *keys: str) -> Any:
    """``table[k1][k2]...``, or a SetupError naming the file and the missing key."""
    node: Any = table
    for depth, key in enumerate(keys):
        if not isinstance(node, dict) or key not in node:
            where = ".".join(keys[: depth + 1])
            raise SetupError(f"{path}: the key {where!r} is missing; add it (see the comments)")
        node = node[key]
    return node


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in p.split()) for p in ordered]
    return "|".join(parts) if parts else r"(?!x)x"


def normal_phrase(phrase: str) -> str:
    """A phrase lower-cased, its white space collapsed: how the tables key their phrases."""
    return " ".join(phrase.lower().split())


def _bounded(phrases: Iterable[str]) -> str:
    """``phrase_pattern`` with word boundaries that also suit phrases ending in "." or "%"."""
    return rf"(?<![\w.])(?:{_phrase_pattern(phrases)})(?![\w])"


@cache
def number_words() -> NumberWords:
    """The tables of ``numbers.toml``, compiled (once per process)."""
    path = NUMBERS_FILE
    table = _read_toml(path, "number word")
    values: dict[str, tuple[str, int]] = {}
    for cls, key in (("unit", "units"), ("teen", "teens"), ("tens", "tens"), ("scale", "scales")):
        for word, value in _get(table, path, "words", key).items():
            values[word.lower()] = (cls, int(value))
    vague = {}
    for number, entry in enumerate(_get(table, path, "vague"), start=1):
        missing = {"phrase", "value", "qualifier"} - set(entry)
        if missing:
            raise SetupError(f"{path}: vague entry number {number} has no {sorted(missing)}")
        vague[normal_phrase(entry["phrase"])] = _Vague(
            int(entry["value"]), str(entry["qualifier"]), bool(entry.get("needs_of", False))
        )
    qualifiers = {normal_phrase(k): str(v) for k, v in _get(table, path, "qualifiers").items()}
    exclude = _get(table, path, "exclude")
    return NumberWords(
        values=values,
        vague=vague,
        qualifiers=qualifiers,
        candidate=_candidate_pattern(values, vague),
        qualifier_before=re.compile(rf"(?<![\w])({_phrase_pattern(qualifiers)})\s+\Z", re.I),
        percent_after=re.compile(
            rf"\s*(?:{_phrase_pattern(_get(table, path, 'percent', 'suffixes'))})(?![\w])", re.I
        ),
        time_after=re.compile(
            rf"\s*{_bounded(_get(table, path, 'exclude', 'time_suffixes'))}", re.I
        ),
        scale_after=re.compile(r"\s+(hundred|thousand|million|billion)\b", re.I),
        id_prefixes=frozenset(w.lower() for w in _get(exclude, path, "id_prefixes")),
        fraction_words=frozenset(w.lower() for w in _get(exclude, path, "fraction_words")),
        one_not_before=re.compile(
            rf"\s+(?:{_phrase_pattern(_get(exclude, path, 'one_not_before'))})\b", re.I
        ),
        one_not_after=frozenset(w.lower() for w in _get(exclude, path, "one_not_after")),
        year_prepositions=frozenset(w.lower() for w in _get(exclude, path, "year_prepositions")),
        count_nouns=frozenset(w.lower() for w in _get(exclude, path, "count_nouns")),
    )


def _candidate_pattern(
    values: dict[str, tuple[str, int]], vague: dict[str, _Vague]
) -> re.Pattern[str]:
    word = _phrase_pattern([*values, "hundred", "dozen"])
    return re.compile(
        rf"(?P<vague>\b(?:{_phrase_pattern(vague)})\b)"
        rf"|(?P<words>\b(?:(?:half\s+)?a\s+)?(?:{word})(?:(?:\s+and\s+|\s+|-)(?:{word}))*\b)"
        r"|(?P<digits>\d+(?:[,.:/-]\d+)*)",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class KindWords:
    """The tables of ``quantities.toml``, compiled: see :func:`kind_words`."""

    roles: dict[str, tuple[tuple[str, str], ...]]  # normalised phrase -> ((kind, role), ...)
    pattern: re.Pattern[str]
    single_words: frozenset[str]
    places: frozenset[str]
    blocked: frozenset[str]
    scan_stops: frozenset[str]
    between: frozenset[str]  # between a kind word and its number: "killed another six"
    single_before: re.Pattern[str]  # "A woman and her (three children)"
    single_after: re.Pattern[str]  # "(Five women) and a child"
    one_victim: re.Pattern[str]  # "claiming the life of a woman", "a teenage son ... was killed"
    more_victims: re.Pattern[str]  # after one victim: "(killing a man) and a woman"
    subgroup_before: re.Pattern[str]
    subgroup_after: re.Pattern[str]
    subgroup_next: re.Pattern[str]  # right after the number: "two of them"
    superseded: re.Pattern[str]  # before the number: "an earlier toll on Sunday of"


@cache
def kind_words() -> KindWords:
    """The tables of ``quantities.toml``, compiled (once per process)."""
    path = QUANTITIES_FILE
    table = _read_toml(path, "quantity")
    roles: dict[str, list[tuple[str, str]]] = {}
    for kind, entry in _get(table, path, "kind").items():
        for role in ("words", "before", "after", "toll"):
            for phrase in entry.get(role, []):
                roles.setdefault(normal_phrase(phrase), []).append((kind, role))
    nouns = _get(table, path, "nouns")
    victim = _phrase_pattern([*nouns.get("single_people", []), *nouns.get("single_victims", [])])
    subgroup = _get(table, path, "subgroup")
    return KindWords(
        roles={phrase: tuple(found) for phrase, found in roles.items()},
        pattern=re.compile(rf"\b(?:{_phrase_pattern(roles)})\b", re.I),
        single_words=frozenset(p for p in roles if " " not in p),
        places=frozenset(w.lower() for w in _get(nouns, path, "places")),
        blocked=frozenset(w.lower() for w in _get(nouns, path, "blocked")),
        scan_stops=frozenset(w.lower() for w in _get(nouns, path, "scan_stops")),
        between=frozenset(normal_phrase(w) for w in nouns.get("between", [])),
        single_before=re.compile(
            rf"\b(?:a|an|another|one|his|her|their)\s+(?:[a-z-]+\s+)?(?:{victim})\s+"
            r"(?:and|as well as)\s+"
            r"(?:(?:his|her|their)\s+)?\Z",
            re.I,
        ),
        one_victim=re.compile(
            r"\b(?:the (?:life|lives) of|killing|killed|kills|shot dead|executing|executed)\s+"
            r"(?:a|an|one of (?:the|its|their|his|her))\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?P<after>{victim})s?\b"
            rf"|\b(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?P<before>{victim})\s+"
            r"(?:[\w-]+\s+){0,6}?was\s+(?:killed|shot dead|executed)\b",
            re.I,
        ),
        more_victims=re.compile(
            r"\s*(?:,|and|as well as)\s+(?:a|an|another|his|her|their)\s+"
            rf"(?:[a-z-]+\s+)?(?:{victim})\b",
            re.I,
        ),
        single_after=re.compile(
            r"\s+[a-z-]+\s+(?:and|as well as)\s+(?:a|an|another|his|her|their)\s+"
            rf"(?:[a-z-]+\s+)?(?:{victim})\b",
            re.I,
        ),
        subgroup_before=re.compile(
            rf"(?<![\w])(?:{_phrase_pattern(_get(subgroup, path, 'before'))})\s+\Z", re.I
        ),
        subgroup_after=re.compile(  # "among them" names the whole: "13 civilians among them"
            rf"\b(?:{_phrase_pattern(_get(subgroup, path, 'after'))})\b(?!\s+(?:them|whom)\b)",
            re.I,
        ),
        subgroup_next=re.compile(rf"\s+(?:{_phrase_pattern(subgroup.get('next', []))})\b", re.I),
        superseded=re.compile(
            rf"\b(?:{_phrase_pattern(subgroup.get('superseded', []))})(?:\s+[^\W\d]+){{0,4}}?"
            r"\s+of\s+\Z",
            re.I,
        ),
    )
