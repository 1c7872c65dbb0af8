"""Date expressions in news text, and the day each one points to.

:func:`find_date_expressions` finds, with offsets local to the text:

- ``weekday``: "Saturday", "on Monday night", "Saturday's attack", "last Monday", and
  "Saturdays convoy attack" where the text lost its apostrophes (never "Sunday Times",
  "Good Friday", "next Monday", "on Fridays", or a weekday inside a longer word);
- ``relative_day``: "today", "yesterday", "last night", "two days ago";
- ``explicit``: "27 November 2016", "November 27, 2016", "Nov. 27", "27/11/2016",
  "2016-11-27", "November 2016", "in September" (a bare month needs a preposition before it);
- ``range``: "over the past few days", "past two days", "earlier this week", "last week",
  "in recent days", "this month", "last month", "over the weekend".

:func:`resolve` turns one into ``(date, time_precision)`` against the publication day, following
the gold README's conventions. Whether a date modifies only the reporting verb is the
caller's concern. The phrase tables live in ``frontline/data/dates.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.extract.prefilter import filtered

DATES_FILE = Path(__file__).resolve().parent.parent / "data" / "dates.toml"

_MID_MONTH = 15
_LEAP_YEAR = 2000  # any leap year: a yearless "29 February" is a real day
_MAX_YEARS_BACK = 8  # how far back a yearless "29 February" may look for a leap year
_HABITUAL = re.compile(r"\b(?:on|every|most|all)\s+\Z", re.IGNORECASE)
_MONTH_PREPOSITIONS = r"in|since|during|until|till|by|from|of|last|this|throughout|early|late"


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase: ``text == source[start:end]``; the other fields say what it means.

    ``kind`` is ``weekday`` (``weekday`` set, Monday = 0), ``relative_day`` or ``range``
    (``days_back`` or ``months_back`` set) or ``explicit`` (``month`` set, ``day`` and
    ``year`` when stated). ``precision`` is the time precision the expression gives.
    """

    start: int
    end: int
    text: str
    kind: str
    precision: int = 1
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    days_back: int | None = None
    months_back: int | None = None
    strictly_before: bool = False  # "last Monday": never the publication day itself
    this_week: bool = False  # never before the Monday of the publication's week
    weekend: bool = False  # the most recent Saturday before publication
    since: bool = False  # "since Saturday": the first day of a span, not the day of one event


# ---------------------------------------------------------------------------------------------
# The tables


@dataclass(frozen=True, slots=True)
class CalendarWords:
    """Month and weekday spellings of ``dates.toml`` (abbreviations included)."""

    months: dict[str, int]
    full_months: dict[str, int]
    weekdays: dict[str, int]
    full_weekdays: dict[str, int]

    def month_pattern(self, *, abbreviated: bool = True) -> str:
        return _alternation(self.months if abbreviated else self.full_months)

    def weekday_pattern(self, *, abbreviated: bool = True) -> str:
        return _alternation(self.weekdays if abbreviated else self.full_weekdays)


@dataclass(frozen=True, slots=True)
class _Phrase:
    days_back: int | None
    months_back: int | None
    precision: int
    this_week: bool
    weekend: bool


@dataclass(frozen=True, slots=True)
class _Patterns:
    calendar: CalendarWords
    explicit: tuple[re.Pattern[str], ...]
    bare_month: re.Pattern[str]
    weekday: re.Pattern[str]
    weekday_not_before: re.Pattern[str]
    weekday_not_after: re.Pattern[str]
    weekday_planned: re.Pattern[str]
    phrases: dict[str, tuple[str, _Phrase]]  # normalised phrase -> (kind, meaning)
    phrase: re.Pattern[str]
    counted: re.Pattern[str]


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrase_pattern(phrases: list[str]) -> str:
    ordered = sorted({" ".join(p.split()) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(f"cannot read the date table {path}: {exc}; reinstall frontline") from exc


def _section(table: dict[str, Any], key: str) -> Any:
    if key not in table:
        raise SetupError(f"{DATES_FILE}: the table {key!r} is missing; add it")
    return table[key]


@cache
def _table() -> dict[str, Any]:
    return _read(DATES_FILE)


@cache
def calendar_words() -> CalendarWords:
    """Month and weekday names (read once per process); shared with the dateline finder."""
    table = _table()
    months = _names(_section(table, "months"), every=True)
    weekdays = _names(_section(table, "weekdays"), every=True)
    return CalendarWords(
        months=months,
        full_months=_names(_section(table, "months"), every=False),
        weekdays=weekdays,
        full_weekdays=_names(_section(table, "weekdays"), every=False),
    )


def _names(section: dict[str, list[str]], *, every: bool) -> dict[str, int]:
    """name -> number; the first spelling of each entry is the full name."""
    return {
        name: int(number)
        for number, names in section.items()
        for name in (names if every else names[:1])
    }


def _phrase_entries(table: dict[str, Any]) -> dict[str, tuple[str, _Phrase]]:
    entries: dict[str, tuple[str, _Phrase]] = {}
    for kind, key in (("relative_day", "relative_day"), ("range", "range")):
        for number, entry in enumerate(_section(table, key), start=1):
            if "phrase" not in entry:
                raise SetupError(f"{DATES_FILE}: {key} number {number} has no 'phrase'; add it")
            entries[_normal(entry["phrase"])] = (
                kind,
                _Phrase(
                    days_back=entry.get("days_back", 0 if kind == "relative_day" else None),
                    months_back=entry.get("months_back"),
                    precision=int(entry.get("precision", 1)),
                    this_week=bool(entry.get("this_week", False)),
                    weekend=bool(entry.get("weekend", False)),
                ),
            )
    return entries


def _explicit_patterns(month: str, weekday: str) -> tuple[re.Pattern[str], ...]:
    lead = rf"(?:(?:{weekday}),?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))"
    return (
        re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
        re.compile(
            r"(?<![\d.])(?P<day>\d{1,2})([/.-])(?P<mon>\d{1,2})\2(?P<year>(?:19|20)\d\d)(?!\d)"
        ),
        re.compile(rf"\b{lead}{day}(?:\s+of)?\s+(?P<month>{month})\b\.?{year}?"),
        re.compile(rf"\b{lead}(?P<month>{month})\b\.?\s+{day}(?![\d:]){year}?"),
        re.compile(rf"\b(?P<month>{month})\b\.?{year}"),
    )


@cache
def _patterns() -> _Patterns:
    table = _table()
    cal = calendar_words()
    names = _section(table, "weekday_names")
    phrases = _phrase_entries(table)
    full_weekday = cal.weekday_pattern(abbreviated=False)
    parts = _phrase_pattern(names["parts_of_day"])
    return _Patterns(
        calendar=cal,
        explicit=_explicit_patterns(cal.month_pattern(), full_weekday),
        bare_month=re.compile(
            rf"\b(?i:{_MONTH_PREPOSITIONS})\s+(?i:(?:early|late|mid)[\s-]+)?"
            rf"(?P<month>{cal.month_pattern(abbreviated=False)})\b(?!\.?\s+\d)"
        ),
        weekday=re.compile(
            rf"\b(?:(?P<last>[Ll]ast)\s+)?(?P<weekday>{full_weekday})"
            rf"(?:\b|(?P<plain_s>s)(?=\s+[a-z]))(?:\s+(?P<part>{parts})\b)?"
        ),
        weekday_not_before=re.compile(
            rf"(?:['’]s)?\s+(?:{_phrase_pattern(names['not_before'])})\b"
        ),
        weekday_not_after=re.compile(rf"\b(?:{_phrase_pattern(names['not_after'])})\s+\Z"),
        weekday_planned=re.compile(
            rf"\b(?:{_phrase_pattern(names.get('plan_before', []))})(?:\s+[\w-]+){{0,5}}?\s+"
            r"(?:on\s+)?\Z",
            re.IGNORECASE,
        ),
        phrases=phrases,
        phrase=re.compile(rf"\b(?:{_phrase_pattern(list(phrases))})\b", re.IGNORECASE),
        counted=re.compile(
            r"\b(?:(?:over|in|during|for)\s+)?(?:the\s+)?(?P<which>past|last|(?<=over\s))\s*"
            r"(?P<n>\d{1,2}|[a-z]+)\s+days\b"
            r"|\b(?P<ago>\d{1,2}|a|an|[a-z]+)\s+(?P<unit>days?|weeks?)\s+ago\b"
            # "The latest attack comes one week after a Daesh suicide bomber blew himself up" (in
            # the present, counted from the report; "came ... after" counts from another day)
            r"|\b(?:comes|come)\s+(?:just\s+)?(?P<after>\d{1,2}|a|an|[a-z]+)\s+"
            r"(?P<after_unit>days?|weeks?)\s+after\b",
            re.IGNORECASE,
        ),
    )


# ---------------------------------------------------------------------------------------------
# Finding


def _valid_day(day: int, month: int, year: int | None) -> bool:
    try:
        date(year or _LEAP_YEAR, month, day)
    except ValueError:
        return False
    return True


def _explicit(text: str, pats: _Patterns) -> list[DateExpression]:
    found = []
    for pattern in pats.explicit:
        for m in filtered(pattern).finditer(text):
            groups = m.groupdict()
            month = pats.calendar.months[groups["month"]] if groups.get("month") else None
            month = month or int(groups["mon"])
            day = int(groups["day"]) if groups.get("day") else None
            if groups.get("mon") and day is not None and month > 12 >= day:
                day, month = month, day  # 11/27/2016: month first
            year = int(groups["year"]) if groups.get("year") else None
            if not 1 <= month <= 12 or (day is not None and not _valid_day(day, month, year)):
                continue
            precision = 1 if day is not None else 3
            found.append(
                DateExpression(
                    m.start(),
                    m.end(),
                    m.group(),
                    "explicit",
                    precision,
                    day=day,
                    month=month,
                    year=year,
                )
            )
    for m in filtered(pats.bare_month).finditer(text):
        start, end = m.span("month")
        month = pats.calendar.months[m.group("month")]
        found.append(DateExpression(start, end, m.group("month"), "explicit", 3, month=month))
    return found


_SINCE = re.compile(r"\bsince\s+\Z", re.IGNORECASE)


def _weekdays(text: str, pats: _Patterns) -> list[DateExpression]:
    found = []
    for m in filtered(pats.weekday).finditer(text):
        if pats.weekday_not_before.match(text, m.end("weekday")):
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        if pats.weekday_not_after.search(before):
            continue
        if m.group("plain_s") and _HABITUAL.search(before):
            continue  # "on Fridays" is a habit; "Saturdays convoy attack" lost its apostrophe
        if pats.weekday_planned.search(text, max(0, m.start() - 80), m.start()):
            continue  # "a truce on Thursday" planned: not the day of anything told
        weekday = pats.calendar.weekdays[m.group("weekday")]
        since = _SINCE.search(before) is not None
        found.append(
            DateExpression(
                m.start(),
                m.end(),
                m.group(),
                "weekday",
                1,
                weekday=weekday,
                strictly_before=m.group("last") is not None,
                since=since,
            )
        )
    return found


def _phrases(text: str, pats: _Patterns) -> list[DateExpression]:
    found = []
    for m in filtered(pats.phrase).finditer(text):
        kind, meaning = pats.phrases[_normal(m.group())]
        found.append(
            DateExpression(
                m.start(),
                m.end(),
                m.group(),
                kind,
                meaning.precision,
                days_back=meaning.days_back,
                months_back=meaning.months_back,
                this_week=meaning.this_week,
                weekend=meaning.weekend,
            )
        )
    return found


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an"):
        return 1
    from frontline.extract.numbers import find_numbers

    numbers = find_numbers(word)
    if len(numbers) == 1 and numbers[0].text == word and isinstance(numbers[0].value, int):
        return numbers[0].value
    return None


def _counted(text: str, pats: _Patterns) -> list[DateExpression]:
    found = []
    for m in filtered(pats.counted).finditer(text):
        n = _count(m.group("n") or m.group("ago") or m.group("after"))
        if n is None:
            continue
        start, end = m.span()
        if m.group("after"):  # the event told after "comes ... after": that long before, roughly
            weeks = m.group("after_unit").lower().startswith("week")
            found.append(
                DateExpression(start, end, m.group(), "range", 2, days_back=n * (7 if weeks else 1))
            )
        elif m.group("n"):
            found.append(DateExpression(start, end, m.group(), "range", 2, days_back=n))
        elif m.group("unit").lower().startswith("week"):
            found.append(DateExpression(start, end, m.group(), "range", 2, days_back=7 * n))
        else:
            found.append(DateExpression(start, end, m.group(), "relative_day", 1, days_back=n))
    return found


def find_date_expressions(text: str) -> list[DateExpression]:
    """Every date expression of ``text``, in order, none overlapping (the longer one wins)."""
    pats = _patterns()
    candidates = [
        *_explicit(text, pats),
        *_counted(text, pats),
        *_phrases(text, pats),
        *_weekdays(text, pats),
    ]
    candidates.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[DateExpression] = []
    for expr in candidates:
        if kept and expr.start < kept[-1].end:
            continue
        if kept and _day_pair(text, kept[-1], expr):
            # "on Saturday and Sunday": one span of days, dated at the first, precision 2
            kept[-1] = replace(kept[-1], end=expr.end, text=text[kept[-1].start : expr.end])
            kept[-1] = replace(kept[-1], precision=2)
            continue
        kept.append(expr)
    return kept


_DAY_PAIR = re.compile(r"\s*(?:and|to|through|until|or)\s*\Z|\s*-\s*\Z", re.IGNORECASE)


def _day_pair(text: str, first: DateExpression, second: DateExpression) -> bool:
    """Two weekdays joined into a span: "Saturday and Sunday", "Friday to Sunday"."""
    return (
        first.kind == second.kind == "weekday"
        and first.precision == 1
        and _DAY_PAIR.match(text[first.end : second.start]) is not None
    )


# ---------------------------------------------------------------------------------------------
# Resolving


def _month_back(published: date, months_back: int) -> date:
    index = published.year * 12 + published.month - 1 - months_back
    return min(date(index // 12, index % 12 + 1, _MID_MONTH), published)


def _yearless(day: int, month: int, published: date) -> date:
    """The latest ``day``/``month`` on or before ``published`` (a leap year for 29 February)."""
    for year in range(published.year, published.year - _MAX_YEARS_BACK, -1):
        if _valid_day(day, month, year) and date(year, month, day) <= published:
            return date(year, month, day)
    return date(published.year - 1, month, day)


def _explicit_date(expr: DateExpression, published: date) -> date:
    month = expr.month or published.month
    if expr.day is None:
        year = expr.year or (published.year if month <= published.month else published.year - 1)
        if (year, month) == (published.year, published.month):
            return min(date(year, month, _MID_MONTH), published)
        return date(year, month, _MID_MONTH)
    if expr.year is not None:
        return date(expr.year, month, expr.day)
    return _yearless(expr.day, month, published)


def _range_date(expr: DateExpression, published: date) -> date:
    if expr.weekend:
        return published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    if expr.months_back is not None:
        return _month_back(published, expr.months_back)
    back = expr.days_back or 0
    if expr.this_week:
        back = min(back, published.weekday())
    return published - timedelta(days=back)


def resolve(expr: DateExpression, published: date) -> tuple[date, int]:
    """The day ``expr`` points to, read on ``published``, and its time precision.

    - a weekday: the most recent such day on or before publication ("on Monday" in a Monday
      article is that day); "last Monday" is strictly before, and a week before the day
      before publication ("last Monday" read on a Tuesday); precision 1, or 2 for a span of
      days that began then ("since Saturday" read on a Friday);
    - today / yesterday / "two days ago": publication minus that many days; precision 1;
    - "over the past few days": minus 3; "past two days": minus 2; "last week": minus 7;
      "this week" and "earlier this week": minus 2 but never before that week's Monday (so
      minus 1 on a Tuesday, 0 on a Monday); "over the weekend": the last Saturday before;
      precision 2;
    - "this month" / "last month": the 15th of that month (never after publication),
      precision 3;
    - an explicit day: that day, precision 1; without a year, the year that puts it on or
      before publication (30 December read on 2 January is last year's); month only: its
      15th (never after publication), precision 3.
    """
    if expr.kind == "weekday" and expr.weekday is not None:
        back = (published.weekday() - expr.weekday) % 7
        if expr.strictly_before and back <= 1:
            back += 7  # "last Monday" read on a Tuesday is not yesterday but a week before
        if expr.since and back >= 2:
            return published - timedelta(days=back), 2  # "since Saturday": days, not a day
        return published - timedelta(days=back), expr.precision
    if expr.kind == "relative_day":
        return published - timedelta(days=expr.days_back or 0), expr.precision
    if expr.kind == "range":
        return _range_date(expr, published), expr.precision
    return _explicit_date(expr, published), expr.precision
