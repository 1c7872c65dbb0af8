"""The place dateline of a story: the city it was filed from, before an agency's name.

Wire and state-media stories open with where the reporter sits: "BEIRUT (Reuters) -",
"DAMASCUS (Sputnik) –", "MOSCOW October 1 (RIA Novosti) -", "DEIR EZ-ZOR (Syria) (Sputnik)",
"Aleppo, SANA_" or, in capitals on its own, "BEIRUT At least 70 fighters ...". That city is
not where the reported event happened, so cleaning sets the dateline aside and place finding
never reads it; the publication date (:mod:`frontline.ingest.dateline`) is not affected.

:func:`find_place_dateline` accepts, within the first :data:`WINDOW` characters:

1. a place (one to three words, in capitals or starting a sentence), an optional country
   (", Syria", "(Syria)", "Syria"), an optional day ("October 1"), then an agency in
   brackets and an optional dash: "BEIRUT (Reuters) -";
2. a place, an optional comma, an agency and a dash (state-media style): "Hama, SANA_",
   "Aleppo SANA-";
3. within :data:`BARE_WINDOW`, a place in capitals at the very start of the story text
   (after a date dateline or a sentence end), an optional country, then a sentence in mixed
   case: "BEIRUT Thirteen civilians ...", "QAMISHLI Syria A massive bomb ...". Its words must
   not be headings, credits, acronyms or agencies (``not_places``, ``agencies``).

A dateline with an agency that does not start a sentence follows a photo credit and a related
story's headline ("... reported. AP Photo Syrian Kurds Set Up Body to Govern Raqqa After Daesh
Defeat MOSCOW (Sputnik)"); the range then starts after the previous sentence's end (at most
:data:`MAX_HEADLINE` characters back), so the headline is set aside too.

The agency names and the capitals that are no place are read from
``frontline/data/datelines.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from frontline.errors import SetupError
from frontline.extract.dates import calendar_words

DATELINES_FILE = Path(__file__).resolve().parent.parent / "data" / "datelines.toml"
WINDOW = 700  # characters from the start where a dateline with an agency may sit
BARE_WINDOW = 200  # ... and one in capitals without an agency
MAX_HEADLINE = 250  # longest credit and headline run set aside before a dateline
_CAPS_PLACE = r"[A-Z][A-Z'’\-]{2,}(?:[ \-][A-Z][A-Z'’\-]+){0,2}"
_TITLE_PLACE = r"[A-Z][a-z'’\-]+(?:[ \-](?:al-|el-|ad-|as-|ar-)?[A-Z][a-z'’\-]+){0,2}"
_COUNTRY = r"(?:\s*,\s*[A-Z][a-z]+|\s+\([A-Z][a-z]+\)|\s+Syria)?"
_DASH = r"[-–—_:]"
_SENTENCE_END = ".!?)]\"”'’"


@dataclass(frozen=True, slots=True)
class PlaceDateline:
    """A place dateline: ``text == source[start:end]``; ``place`` as written."""

    start: int
    end: int
    place: str
    text: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    agency: re.Pattern[str]
    wire: re.Pattern[str]
    bare: re.Pattern[str]
    not_places: frozenset[str]
    # A word of each agency's name: a head that holds none has no dateline with an agency.
    agency_words: tuple[str, ...]


def _words(table: dict[str, object], key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SetupError(f"{DATELINES_FILE}: {key!r} must be a list of strings; fix it")
    return [str(v) for v in value]


@cache
def _patterns() -> _Patterns:
    try:
        table = tomllib.loads(DATELINES_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(f"cannot read {DATELINES_FILE}: {exc}; reinstall frontline") from exc
    names = sorted(_words(table, "agencies"), key=len, reverse=True)
    agency = (
        "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")(?![^\W_])"
    )
    day = rf"(?:\s+(?:{calendar_words().month_pattern()})\.?\s+[0-3]?\d(?:,?\s+(?:19|20)\d\d)?)?"
    place = rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})"
    return _Patterns(
        agency=re.compile(
            rf"(?<![\w-]){place}{_COUNTRY}{day},?\s*\({agency}[^()\n]{{0,30}}\)(?:\s*{_DASH})?"
        ),
        wire=re.compile(rf"(?<![\w-]){place}\s*,?\s*{agency}\s*{_DASH}"),
        bare=re.compile(
            rf"(?<![\w-])(?P<place>{_CAPS_PLACE}){_COUNTRY}(?:\s*{_DASH})?(?=\s+[A-Z][a-z]|\s+A\s)"
        ),
        not_places=frozenset(w.upper() for w in _words(table, "not_places") + names),
        agency_words=_needles({max(name.split(), key=len) for name in names}),
    )


def _needles(words: set[str]) -> tuple[str, ...]:
    """``words`` less those that hold another of them (a text holding "SANA" holds "ANA")."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _at_story_start(text: str, start: int, story_start: int) -> bool:
    """Whether ``start`` begins the story: nothing before it but the ignored opening, or a
    sentence end (or a date's last digit) right before it."""
    before = text[:start].rstrip()
    if len(before) <= story_start:
        return True
    return before[-1] in _SENTENCE_END or before[-1].isdigit()


def _capitals(place: str) -> bool:
    return place.upper() == place


def find_place_dateline(text: str, story_start: int = 0) -> PlaceDateline | None:
    """The first place dateline of ``text`` (see the module docstring); ``story_start`` is
    where the story's own text begins (after a date dateline or title set aside)."""
    pats = _patterns()
    head = text[:WINDOW]
    found: list[re.Match[str]] = []
    named = any(word in head for word in pats.agency_words)  # plain tests before the scans
    for match in pats.agency.finditer(head) if named and "(" in head else ():
        if _capitals(match["place"]) or _at_story_start(text, match.start(), story_start):
            found.append(match)
            break
    wire = pats.wire.search(head) if named else None
    if wire:
        found.append(wire)
    for match in pats.bare.finditer(text[:BARE_WINDOW]):
        words = re.split(r"[ \-]", match["place"])
        if any(w.strip("'’") in pats.not_places for w in words):
            continue
        if _at_story_start(text, match.start(), story_start):
            found.append(match)
            break
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    start = _headline_start(text, first.start(), story_start)
    return PlaceDateline(start, first.end(), first["place"], text[start : first.end()])


def _headline_start(text: str, start: int, story_start: int) -> int:
    """Where the words run before a dateline that does not start a sentence begin: a photo
    credit and a related story's headline ("... reported. AP Photo Syrian Kurds Set Up Body to
    Govern Raqqa MOSCOW (Sputnik)"), set aside with it; ``start`` when there are none."""
    if _at_story_start(text, start, story_start):
        return start
    end = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? "))
    if end < 0 or end + 2 <= story_start or start - end > MAX_HEADLINE:
        return start
    return end + 2
