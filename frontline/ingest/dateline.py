"""The publication dateline of an article, when its text carries one.

A dateline is a full date (day, month and year) that dates the article rather than an event
in it. :func:`find_dateline` accepts one only where outlets put it, within the first
:data:`WINDOW` characters:

1. at the very start, alone or after a lead ("Published", "Posted on", "Last updated at",
   "Date of publication", "Print this page"): "Wed 05 Apr 2017", "Published August 2 2016",
   "27 November 2016", "2016-11-27", "24.08.2013", "Last updated at Apr 232017";
2. after such a lead anywhere in the window;
3. with its weekday, after a headline ("... Monitor AFP Saturday 16 Jul 2016"), unless a
   preposition makes it an event date ("on Saturday 16 July 2016"); right after a wire
   agency's name (AFP, Reuters, AP) it may start as far as :data:`WIRE_WINDOW` characters in,
   behind a long headline and standfirst;
4. followed by an agency name ("... Aleppo city 6 October 2016 Aleppo SANA-");
5. written with dots ("Middle East 2159 18.05.2017");
6. on a line of its own among the first lines.

The span covers the lead, the weekday, the date and a time right after it ("at 0914",
"15.30 GMT", "(updated 1935 05.10.2017)"); ``date`` is the publication day. Numeric dates are
read day first (27/11/2016) unless that is impossible (11/27/2016). The month and weekday
names come from ``frontline/data/dates.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from frontline.extract.dates import calendar_words

WINDOW = 150  # characters from the start where a dateline may sit
WIRE_WINDOW = 250  # ... or, right after a wire agency's name, this many
_FIRST_LINES = 5  # lines looked at for a date on a line of its own
_LEAD = (
    r"(?:print\s+this\s+page\s+)?(?:date\s+of\s+publication|(?:last\s+)?updated(?:\s+(?:on|at))?"
    r"|published(?:\s+(?:on|at))?|posted(?:\s+(?:on|at))?)\s*:?\s*"
)
_EVENT_PREPOSITION = re.compile(
    r"\b(?:on|since|until|till|from|by|of|before|after|between|and|to|in|last|this|next|that|"
    r"dated|during|through)\s+\Z",
    re.IGNORECASE,
)
# Plain tests before the scans: a lead holds one of these words (any case), a date a digit,
# a wire's name before a date one of the names.
_LEAD_WORDS = ("date", "published", "posted")
_DIGIT = re.compile(r"\d")
_WIRES = ("AFP", "Reuters", "AP")
_WIRE_BEFORE = re.compile(r"\b(?:AFP|Reuters|AP)\s+\Z")
_AGENCY_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+)?(?:SANA|AFP|Reuters|AP|Sputnik|TASS|Anadolu|AA)\b"
)
_TIME_AFTER = re.compile(
    r"(?:\s*,?\s*(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|UTC|am|pm|a\.m\.|p\.m\.)(?![\w]))?"
    r"|\s+at\s+(?:[01]\d|2[0-3])[0-5]\d(?!\d)"
    r"|\s+(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?=\s+[A-Z\d]|\s*$)"
    r"|\s*\(updated[^)]{0,30}\))",
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: ``text == source[start:end]`` and the publication day it gives."""

    start: int
    end: int
    date: date
    text: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    date: re.Pattern[str]
    lead_date: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    cal = calendar_words()
    month = cal.month_pattern()
    weekday = cal.weekday_pattern()
    year = r"(?P<year{n}>(?:19|20)\d\d)(?!\d)"
    forms = [
        rf"(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month1>{month})\b\.?,?\s+" + year.format(n=1),
        rf"(?P<month2>{month})\b\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + year.format(n=2),
        rf"(?P<month3>{month})\b\.?\s+(?P<day3>[0-3]\d)" + year.format(n=3),
        r"(?P<year4>(?:19|20)\d\d)-(?P<mon4>[01]\d)-(?P<day4>[0-3]\d)(?!\d)",
        r"(?P<day5>\d{1,2})(?P<sep5>[./-])(?P<mon5>\d{1,2})(?P=sep5)" + year.format(n=5),
    ]
    core = rf"(?<![\w.])(?:(?P<weekday>{weekday})\b\.?,?\s+)?(?:" + "|".join(forms) + ")"
    return _Patterns(
        date=re.compile(core),
        lead_date=re.compile(rf"(?P<lead>{_LEAD})(?:{core})", re.IGNORECASE),
    )


def _parse(match: re.Match[str]) -> date | None:
    """The date a match spells, or ``None`` for an impossible one."""
    groups = match.groupdict()
    months = calendar_words().months
    for n in "12345":
        if groups.get(f"year{n}") is None:
            continue
        named = groups.get(f"month{n}")
        month = months.get(named or "") if named else int(groups[f"mon{n}"])
        day = int(groups[f"day{n}"])
        if month is None:  # a month spelled in other case than the table's (lead pattern)
            month = months.get((named or "").capitalize())
        if month and month > 12 >= day and not named:
            day, month = month, day  # 11/27/2016: month first
        try:
            return date(int(groups[f"year{n}"]), month or 0, day)
        except ValueError:
            return None
    return None


def _build(text: str, match: re.Match[str], start: int) -> Dateline | None:
    found = _parse(match)
    if found is None:
        return None
    end = match.end()
    time = _TIME_AFTER.match(text, end)
    if time:
        end = time.end()
    return Dateline(start, end, found, text[start:end])


def _accepted(text: str, match: re.Match[str], head: str) -> bool:
    """Rules 1 and 3-5 of the module docstring, for a date without a lead."""
    if not head[: match.start()].strip():
        return True
    if _EVENT_PREPOSITION.search(head, 0, match.start()):
        return False
    dotted = match.group("sep5") == "."
    return bool(match.group("weekday")) or dotted or bool(_AGENCY_AFTER.match(text, match.end()))


def _own_line(text: str) -> Dateline | None:
    """Rule 6: a line that holds nothing but a date (and its lead, weekday or time)."""
    pats = _patterns()
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number >= _FIRST_LINES:
            break
        stripped = line.strip()
        offset = pos + line.index(stripped) if stripped else pos
        pos += len(line)
        match = pats.lead_date.fullmatch(stripped) or pats.date.fullmatch(stripped)
        if match:
            shifted = _build(text[offset : offset + len(stripped)], match, 0)
            if shifted:
                return Dateline(offset, offset + len(shifted.text), shifted.date, shifted.text)
    return None


def _may_lead(head: str) -> bool:
    """Whether ``head`` may hold a lead ("Published", "Last updated"): always when it is not
    ASCII, where case-insensitive matching is more than ``str.lower``."""
    if not head.isascii():
        return True
    lowered = head.lower()
    return any(word in lowered for word in _LEAD_WORDS)


def find_dateline(text: str) -> Dateline | None:
    """The publication dateline near the start of ``text`` (see the module docstring)."""
    pats = _patterns()
    head = text[:WINDOW]
    candidates: list[Dateline] = []
    lead = pats.lead_date.search(head) if _may_lead(head) else None
    if lead:
        built = _build(text, lead, lead.start())
        if built:
            candidates.append(built)
    for match in pats.date.finditer(head) if _DIGIT.search(head) else ():
        if _accepted(text, match, head):
            built = _build(text, match, match.start())
            if built:
                candidates.append(built)
                break
    if candidates:
        return min(candidates, key=lambda d: d.start)
    return _after_wire(text) or _own_line(text)


def _after_wire(text: str) -> Dateline | None:
    """Rule 3 beyond :data:`WINDOW`: "... into Turkey AFP Saturday 17 Aug 2013"."""
    head = text[:WIRE_WINDOW]
    if not any(wire in head for wire in _WIRES):
        return None
    for match in _patterns().date.finditer(head, WINDOW - 40):
        if match.group("weekday") and _WIRE_BEFORE.search(head, 0, match.start()):
            return _build(text, match, match.start())
    return None
