"""A weekday that names the day of something planned ("to pave the way for an eight-hour truce
on Thursday") is no day of an event told; the event keeps the day the sentence gives it.

Sentences from bundled FA-KES articles (samples/fakes_dev.csv) unless marked as written to the
guideline.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.dates import find_date_expressions
from frontline.extract.events import extract_events
from frontline.records import Document

TRUCE = (
    "Moscow had announced on Tuesday that the Russian and Syrian air forces had stopped bombing "
    "Aleppo to pave the way for an eight-hour truce on Thursday."
)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (TRUCE, ["Tuesday"]),
        # written to the guideline
        ("The talks are scheduled for Friday in Geneva.", []),
        ("A ceasefire due to begin on Monday was agreed in Astana.", []),
        # a day of an event told before a plan is kept
        ("Air strikes hit Douma on Friday ahead of the talks.", ["Friday"]),
    ],
)
def test_a_planned_day_is_no_date_of_the_sentence(text: str, days: list[str]) -> None:
    assert [e.text for e in find_date_expressions(text)] == days


def test_a_halt_announced_for_a_planned_truce_is_dated_by_its_announcement() -> None:
    published = date(2016, 10, 19)  # a Wednesday
    events, _ = extract_events(Document(doc_id="t", text=TRUCE, published=published, source="x"))
    halt = next(e for e in events if e.sub_event_type == "Change to group/activity")
    assert (halt.event_date, halt.time_precision) == (date(2016, 10, 18), 2)
