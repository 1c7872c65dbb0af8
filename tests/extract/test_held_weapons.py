"""Chemical weapons held, handed over or destroyed are arms, not a chemical attack.

ACLED codes a Chemical weapon event where such a weapon is used. A report that a government
surrendered, destroyed or stockpiled them names no attack. The first sentence comes from a
bundled FA-KES dev article (samples/fakes_dev.csv); the others are written to the same pattern.
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "alaraby")


@pytest.mark.parametrize(
    "text",
    [
        "Following the massacre the Assad regime surrendered its cache of chemical weapons under "
        "the threat of UN sanctions and the use of force by the United States.",
        "On Monday inspectors destroyed the remaining chemical weapons held at a site near Hama.",
        "The government in Damascus handed over its chemical weapons stockpile on Monday.",
    ],
)
def test_chemical_weapons_held_or_given_up_are_no_attack(text: str) -> None:
    events = _events(text, date(2017, 4, 10))
    assert not [e for e in events if e.sub_event_type == "Chemical weapon"]


def test_a_chemical_attack_is_still_one() -> None:
    events = _events(
        "A chemical attack on Khan Sheikhoun in Idlib province killed 87 people on Tuesday.",
        date(2017, 4, 6),
    )
    assert [e.location for e in events if e.sub_event_type == "Chemical weapon"] == [
        "Khan Sheikhoun"
    ]
