"""Date expressions and their resolution (frontline.extract.dates)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.extract.dates import DateExpression, find_date_expressions, resolve

ROOT = Path(__file__).resolve().parents[2]
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"
TRT_PUBLISHED = date(2016, 11, 28)  # a Monday
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _resolved(text: str, published: date) -> list[tuple[str, str, date, int]]:
    return [(e.kind, e.text, *resolve(e, published)) for e in find_date_expressions(text)]


# --- the TRT example article (published Monday 2016-11-28) ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The regime took control of the Hanano housing district on the northeast frontline in "
            "eastern Aleppo on Saturday.",
            [("weekday", "Saturday", date(2016, 11, 26), 1)],
        ),
        (
            "On Sunday they captured the neighbouring Jabal Badro district, forcing thousands to "
            "flee.",
            [("weekday", "Sunday", date(2016, 11, 27), 1)],
        ),
        (
            "Syria's rebels lost all of the northern neighbourhoods of their stronghold in east "
            "Aleppo on Monday, as the regime made significant advances",
            [("weekday", "Monday", date(2016, 11, 28), 1)],
        ),
        (
            '"Syrian government forces have captured some 10 neighbourhoods over the past few '
            "days, putting nearly 30 per cent",
            [("range", "over the past few days", date(2016, 11, 25), 2)],
        ),
        (
            "The offensive launched by Assad's forces in September, backed by Russia and Iran",
            [("explicit", "September", date(2016, 9, 15), 3)],
        ),
        (
            "Syria's rebels, who seized the area in 2012.",
            [],
        ),
    ],
)
def test_dates_trt_article(sentence: str, expected: list[tuple[str, str, date, int]]) -> None:
    text = TRT.read_text(encoding="utf-8")
    assert sentence in text
    assert _resolved(sentence, TRT_PUBLISHED) == expected


# --- kinds and resolution -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "span", "resolved", "precision"),
    [
        ("rebels said yesterday", "relative_day", "yesterday", date(2016, 11, 27), 1),
        ("fighting today in the east", "relative_day", "today", date(2016, 11, 28), 1),
        ("strikes last night", "relative_day", "last night", date(2016, 11, 27), 1),
        ("two days ago", "relative_day", "two days ago", date(2016, 11, 26), 1),
        ("on Monday night", "weekday", "Monday night", date(2016, 11, 28), 1),
        ("Saturday's attack", "weekday", "Saturday", date(2016, 11, 26), 1),
        ("Saturdays convoy attack", "weekday", "Saturdays", date(2016, 11, 26), 1),
        ("last Monday", "weekday", "last Monday", date(2016, 11, 21), 1),
        ("in the past two days", "range", "in the past two days", date(2016, 11, 26), 2),
        ("over the past 3 days", "range", "over the past 3 days", date(2016, 11, 25), 2),
        ("in recent days", "range", "in recent days", date(2016, 11, 25), 2),
        ("last week", "range", "last week", date(2016, 11, 21), 2),
        ("a week ago", "range", "a week ago", date(2016, 11, 21), 2),
        ("over the weekend", "range", "over the weekend", date(2016, 11, 26), 2),
        ("earlier this month", "range", "earlier this month", date(2016, 11, 15), 3),
        ("last month", "range", "last month", date(2016, 10, 15), 3),
        ("on 27 November 2016", "explicit", "27 November 2016", date(2016, 11, 27), 1),
        ("on November 27, 2016", "explicit", "November 27, 2016", date(2016, 11, 27), 1),
        ("on Nov. 27", "explicit", "Nov. 27", date(2016, 11, 27), 1),
        ("on 27th of November", "explicit", "27th of November", date(2016, 11, 27), 1),
        ("dated 27/11/2016", "explicit", "27/11/2016", date(2016, 11, 27), 1),
        ("dated 2016-11-27", "explicit", "2016-11-27", date(2016, 11, 27), 1),
        ("in November 2015", "explicit", "November 2015", date(2015, 11, 15), 3),
        ("Monday 28 November 2016", "explicit", "Monday 28 November 2016", date(2016, 11, 28), 1),
    ],
)
def test_dates_kinds_spans_and_resolution(
    text: str, kind: str, span: str, resolved: date, precision: int
) -> None:
    (expr,) = find_date_expressions(text)
    assert (expr.kind, expr.text) == (kind, span)
    assert text[expr.start : expr.end] == span
    assert resolve(expr, TRT_PUBLISHED) == (resolved, precision)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2016, 11, 28), date(2016, 11, 28)),  # Monday: nothing earlier in the week
        (date(2016, 11, 29), date(2016, 11, 28)),  # Tuesday: Monday
        (date(2016, 12, 1), date(2016, 11, 29)),  # Thursday: two days back
    ],
)
def test_dates_earlier_this_week_stays_in_the_week(published: date, expected: date) -> None:
    (expr,) = find_date_expressions("clashes earlier this week")
    assert resolve(expr, published) == (expected, 2)


def test_dates_yearless_date_before_new_year_is_last_year() -> None:
    (expr,) = find_date_expressions("the strike on December 30 killed")
    assert resolve(expr, date(2017, 1, 2)) == (date(2016, 12, 30), 1)
    (expr,) = find_date_expressions("the strike on 2 January killed")
    assert resolve(expr, date(2017, 1, 2)) == (date(2017, 1, 2), 1)


def test_dates_yearless_leap_day_finds_a_leap_year() -> None:
    (expr,) = find_date_expressions("on 29 February")
    assert resolve(expr, date(2017, 3, 10)) == (date(2016, 2, 29), 1)


@pytest.mark.parametrize(
    "text",
    [
        "the Sunday Times reported",
        "the Mail on Sunday said",
        "prayers on Good Friday",
        "talks next Monday",
        "markets close on Fridays",
        "Mondayitis",
        "they may advance",
        "Jan Egeland said",
        "the 31 February attack",
        "The war began in 2011",
    ],
)
def test_dates_not_dates(text: str) -> None:
    assert find_date_expressions(text) == []


def test_dates_longest_expression_wins_and_none_overlap() -> None:
    text = "Rebels struck on Saturday 26 November 2016 and again over the past few days."
    found = find_date_expressions(text)
    assert [e.text for e in found] == ["Saturday 26 November 2016", "over the past few days"]


# --- properties -----------------------------------------------------------------------------


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(["on {}", "{}", "on {} night", "{}'s attack", "early on {} morning"]),
)
def test_dates_weekday_resolves_within_the_week_before(
    published: date, weekday: str, template: str
) -> None:
    (expr,) = find_date_expressions(template.format(weekday))
    day, precision = resolve(expr, published)
    assert precision == 1
    assert 0 <= (published - day).days <= 6
    assert day.weekday() == WEEKDAYS.index(weekday)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 12))
def test_dates_yearless_day_is_on_or_before_publication(published: date, month: int) -> None:
    (expr,) = find_date_expressions(f"on 1 {MONTHS[month - 1]}")
    day, precision = resolve(expr, published)
    assert precision == 1
    assert timedelta(0) <= published - day < timedelta(days=366)


_PIECES = [
    "on",
    "Monday",
    "Saturday's",
    "Sunday",
    "Times",
    "yesterday",
    "today",
    "over",
    "the",
    "past",
    "few",
    "days",
    "two",
    "last",
    "week",
    "27",
    "November",
    "2016",
    "Nov.",
    "/",
    "11",
    "in",
    "September",
    "earlier",
    "this",
    "month",
    ",",
    ".",
    "ago",
    "a",
    "night",
    "-",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_dates_offsets_always_match_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    previous_end = 0
    for expr in find_date_expressions(text):
        assert isinstance(expr, DateExpression)
        assert text[expr.start : expr.end] == expr.text
        assert expr.start >= previous_end
        previous_end = expr.end
        resolve(expr, date(2016, 11, 28))


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # FA-KES 1919191754, a Tuesday: the chlorine attack on Saraqeb of 1 August 2016
        (
            "Last Monday regime forces attacked Saraqeb another opposition-held city in Idlib "
            "province with barrel bombs laced with chlorine gas.",
            date(2016, 8, 9),
            date(2016, 8, 1),
        ),
        # FA-KES 1926479355, a Tuesday: "last Thursday" five days before
        (
            "The Castello Road route was effectively severed last Thursday when government "
            "forces seized a hilltop within firing range.",
            date(2016, 7, 12),
            date(2016, 7, 7),
        ),
    ],
)
def test_dates_last_weekday_is_never_yesterday(
    sentence: str, published: date, expected: date
) -> None:
    (expr,) = find_date_expressions(sentence)
    assert resolve(expr, published) == (expected, 1)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # FA-KES 1924058051, a Friday: a toll run up over six days (gold: the Saturday, week)
        (
            "Since Saturday at least 68 civilians have been killed in aerial attacks on the town.",
            date(2015, 7, 17),
            (date(2015, 7, 11), 2),
        ),
        # FA-KES 1924058065, a Monday: since the day before is still that day
        (
            "A Reuters witness said there had been drones in the sky since Sunday morning and "
            "warplanes had heavily bombarded the towns of Mesraba and Harasta.",
            date(2017, 11, 27),
            (date(2017, 11, 26), 1),
        ),
    ],
)
def test_dates_since_a_weekday_is_a_span(
    sentence: str, published: date, expected: tuple[date, int]
) -> None:
    (expr,) = find_date_expressions(sentence)
    assert resolve(expr, published) == expected
