"""A place name inside an armed group's name is part of the name, not where the event happened.

'Jaish al-Fatah', 'Ahrar al-Sham', 'Liwa al-Quds', 'Faylaq al-Rahman' and 'Jaysh al-Islam' carry
words that the gazetteer also knows as places; the event is at the place the sentence names with
'in' or as the target, and the group is its actor. Sentences written to the pattern of the bundled
FA-KES dev reports.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.events import extract_events
from frontline.records import Document


@pytest.mark.parametrize(
    ("text", "place", "actor1"),
    [
        (
            "Jaish al-Fatah fighters attacked army positions in Hama on Monday.",
            "Hama",
            "Syrian rebels",
        ),
        (
            "Ahrar al-Sham fighters shelled army positions in Idlib on Monday.",
            "Idlib",
            "Syrian rebels",
        ),
        (
            "Liwa al-Quds fighters attacked rebel positions in Aleppo on Monday.",
            "Aleppo",
            "Military Forces of Syria",
        ),
        ("Jaysh al-Islam shelled Damascus on Monday.", "Damascus", "Syrian rebels"),
    ],
)
def test_the_group_is_the_actor_and_not_the_place(text: str, place: str, actor1: str) -> None:
    document = Document(doc_id="t", text=text, published=date(2016, 5, 3), source="alaraby")
    events, _ = extract_events(document)
    assert [(e.location, e.actor1) for e in events] == [(place, actor1)]
