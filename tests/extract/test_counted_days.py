"""'The latest attack comes one week after ...': the event told after 'comes N days/weeks
after' is that long before the report (precision 2); 'came ... after' counts from another day
and gives no date.

Sentences from bundled FA-KES articles (samples/fakes_dev.csv) unless marked as written to the
guideline.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.dates import find_date_expressions, resolve
from frontline.extract.events import extract_events
from frontline.records import Document

LATEST = (
    "The latest attack comes one week after a Daesh suicide bomber blew himself up at a border "
    "crossing in neighbouring Idlib province killing 29 Syrian opposition fighters."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LATEST, [(date(2016, 10, 6), 2)]),
        # written to the guideline
        ("The strike comes just a day after talks collapsed.", [(date(2016, 10, 12), 2)]),
        ("The strike came a day after talks collapsed.", []),
    ],
)
def test_comes_n_days_after(text: str, expected: list[tuple[date, int]]) -> None:
    published = date(2016, 10, 13)
    assert [resolve(e, published) for e in find_date_expressions(text)] == expected


def test_the_earlier_bombing_takes_the_day_a_week_back() -> None:
    document = Document(doc_id="t", text=LATEST, published=date(2016, 10, 13), source="x")
    events, _ = extract_events(document)
    bombing = next(e for e in events if e.sub_event_type == "Suicide bomb")
    assert (bombing.event_date, bombing.time_precision) == (date(2016, 10, 6), 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gold batch B: one statement covering several named days is dated at the first day
        (
            "Six civilians including a child were among at least 22 people killed in US air "
            "strikes on Saturday and Sunday a monitor said.",
            [(date(2015, 7, 4), 2)],
        ),
        # written to the guideline
        ("Clashes raged from Friday to Sunday.", [(date(2015, 7, 3), 2)]),
        # two days, each of its own place
        (
            "Strikes hit Douma on Friday and Harasta on Saturday.",
            [(date(2015, 7, 3), 1), (date(2015, 7, 4), 1)],
        ),
    ],
)
def test_a_span_of_named_days_is_its_first_day(text: str, expected: list[tuple[date, int]]) -> None:
    published = date(2015, 7, 5)  # a Sunday
    assert [resolve(e, published) for e in find_date_expressions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Thursday it said it had carried out more than 50 raids over two days targeting "
            "ISIL jihadists near Palmyra.",
            [(date(2016, 7, 14), 1), (date(2016, 7, 13), 2)],
        ),
        # written to the guideline
        ("Clashes over the past two days killed 12.", [(date(2016, 7, 13), 2)]),
    ],
)
def test_over_n_days_is_counted_back_like_the_past_n_days(
    text: str, expected: list[tuple[date, int]]
) -> None:
    published = date(2016, 7, 15)  # a Friday
    assert [resolve(e, published) for e in find_date_expressions(text)] == expected
