"""Who took a place, and which places were taken.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv) unless marked as written to
the guideline; each article's publication date.
"""

from __future__ import annotations

from datetime import date

from frontline.extract.events import extract_events
from frontline.records import Document, Event


def _captures(text: str, published: date) -> list[Event]:
    document = Document(doc_id="t", text=text, published=published, source="reuters")
    events, _ = extract_events(document)
    return [e for e in events if e.territory is not None]


def test_people_after_a_passive_capture_are_its_takers() -> None:
    # From FA-KES 1914947538, with the village named (the article names it a sentence before).
    text = (
        "By Friday all but one of the villages taken by government forces around Rityan had been "
        "recaptured by the rebels who include fighters from Al-Qaeda affiliate Al-Nusra Front."
    )
    captures = _captures(text, date(2015, 2, 22))
    assert [(e.place.name if e.place else None) for e in captures] == ["Rityan"]
    assert captures[0].territory is not None
    assert captures[0].territory.taker == "Syrian rebels"
    assert captures[0].territory.loser == "Military Forces of Syria"
    assert captures[0].sub_event_type == "Non-state actor overtakes territory"


def test_a_town_falling_to_the_rebels_is_their_capture() -> None:
    # Written to the guideline.
    captures = _captures("The town of Khan Touman fell to the rebels on Friday.", date(2016, 5, 8))
    assert [(e.territory.taker if e.territory else None) for e in captures] == ["Syrian rebels"]
