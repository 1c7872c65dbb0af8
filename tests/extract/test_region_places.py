"""Places read inside the area their sentence names ("in the countryside of Damascus").

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv) unless marked as written to
the guideline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.extract.events import extract_events
from frontline.extract.places import DocumentContext, find_places
from frontline.ingest import iter_documents
from frontline.pipeline import run_one
from frontline.records import Document, GeoStatus, Place

_NO_CONTEXT = DocumentContext(city=None, admin1=None, default=None)
_RESTORE = (
    "The official Syrian news agency Sana quoted a military source on Wednesday as saying the "
    'army was able to "restore security" to Sanei Tal al-Hawa and Tal-Arous in the southwestern '
    "countryside of Damascus Tal Meri west of Damascus and al-Danaji and Tal Antar near Deir "
    "al-Adas."
)


def _places(text: str) -> dict[str, Place]:
    return {m.text: m.place for m in find_places(text, 0, _NO_CONTEXT)}


def test_namesakes_far_from_the_named_countryside_are_not_taken() -> None:
    # The gazetteer knows a Tall al Hawa and a Tall Arus only in al-Hasakah, 400 km away: the
    # sentence puts them in the Damascus countryside, so they stay unresolved there, by name.
    places = _places(_RESTORE)
    for name in ("Tal al-Hawa", "Tal-Arous"):
        place = places[name]
        assert place.admin1 == "Rural Damascus"
        assert place.status is GeoStatus.UNRESOLVED
        assert place.name == name
        assert place.geo_precision == 3
    assert places["Deir al-Adas"].admin1 == "Daraa"  # a real place next door keeps its reading


def test_a_namesake_inside_the_named_countryside_is_preferred() -> None:
    text = (
        "Also on Wednesday airstrikes by the Syrian air force targeted gathering centers of "
        "militants of the Jaish al-Fatah in Kafr Zita Jub al-Rayan and Kafr Nabudah in the "
        "northern countryside of Hama."
    )
    places = _places(text)
    assert places["Jub al-Rayan"].admin1 == "Hama"  # not Jibaryun in Latakia
    assert places["Kafr Nabudah"].admin1 == "Hama"


def test_rural_and_province_name_the_area_too() -> None:
    # written to the guideline
    places = _places("Regime helicopters dropped barrel bombs on Tal al-Hawa in rural Damascus.")
    assert places["Tal al-Hawa"].admin1 == "Rural Damascus"
    places = _places("Warplanes struck Tal al-Hawa in Damascus province on Monday.")
    assert places["Tal al-Hawa"].admin1 != "Al-Hasakah"


def test_without_an_area_a_name_keeps_its_gazetteer_reading() -> None:
    places = _places("Kurdish fighters entered Tal al-Hawa on Monday.")  # written to the guideline
    assert places["Tal al-Hawa"].admin1 == "Al-Hasakah"
    assert places["Tal al-Hawa"].status is not GeoStatus.UNRESOLVED


def test_restoring_security_to_places_is_the_government_taking_them() -> None:
    fakes = Path(__file__).parents[2] / "samples" / "fakes_dev.csv"
    document = next(
        d for d in iter_documents([fakes]) if isinstance(d, Document) and d.doc_id == "1915433670"
    )
    assert _RESTORE in document.text
    events = run_one(document).events
    taken = {e.location: e for e in events if e.sub_event_type == "Government regains territory"}
    for name in ("Tal al-Hawa", "Tal-Arous"):
        assert name in taken, sorted(str(k) for k in taken)
        event = taken[name]
        assert event.actor1 == "Military Forces of Syria"
        assert event.place is not None
        assert event.place.admin1 == "Rural Damascus"


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        # FA-KES 1962495649 and 1962495696 (batch F): "the province of X" is the governorate,
        # as "X province" is, not the city X
        (
            "The Syrian army killed a notorious Takfiri terrorist commander in heavy clashes in "
            "the province of Lattakia on Wednesday Al-Alam News Network reports.",
            "Latakia",
        ),
        (
            "At least 18 militants including a commander have been killed in a car bomb "
            "explosion in Syrias southern province of Quneitra.",
            "Quneitra",
        ),
    ],
)
def test_the_province_of_a_name_is_its_governorate(text: str, governorate: str) -> None:
    document = Document(doc_id="t", text=text, published=date(2016, 3, 2), source="alalam")
    events, _ = extract_events(document)
    assert [(e.location, e.place.geo_precision if e.place else None) for e in events] == [
        (governorate, 3)
    ]


def test_a_groups_name_is_no_place() -> None:
    # FA-KES 1923848295 (batch F): "Al-Nusra" was read as An Nasirah in Homs, and as the
    # article's own town it placed Deir Ezzor's Hafez in Homs
    places = _places(
        "Rebels in Syria including Al-Nusra Front militants have been battling ISIL since the "
        "start of the year in fighting that has reportedly killed more than 6000 people."
    )
    assert "Al-Nusra" not in places
