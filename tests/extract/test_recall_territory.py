"""Control changes told in words the capture rules used to pass over, and names that are no places.

Each sentence is copied from an article of a development gold set (samples/fakes_dev.csv); the
date given is the article's publication date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sentence_events import events_of

from frontline.extract.events import extract_events
from frontline.geo import Gazetteer
from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Document

IS = "Islamic State"
NUSRA = "Jabhat Fateh al-Sham"
GOVERNMENT = "Military Forces of Syria"
FAKES = Path(__file__).resolve().parents[2] / "samples" / "fakes_dev.csv"


def _fakes_document(doc_id: str) -> Document:
    """One FA-KES dev article as the CLI reads it."""
    for item in iter_documents([FAKES], ReadOptions()):
        if isinstance(item, Document) and item.doc_id == doc_id:
            return item
    raise LookupError(doc_id)


def test_a_group_that_expelled_its_rivals_from_a_city_took_the_city() -> None:
    # batch G, 1926479240 (reuters): "expelled" takes people as its object and the place after
    # "from"
    events = events_of(
        "The Islamic State expelled rival rebels from Deir al-Zor city on Monday tightening its "
        "hold on the eastern province bordering Iraq.",
        date(2014, 7, 18),
        "reuters",
        "homs",
    )
    changes = [e for e in events if e.territory is not None]
    assert [(e.location, e.event_date) for e in changes] == [("Deir ez-Zor", date(2014, 7, 14))]
    assert changes[0].territory is not None and changes[0].territory.taker == IS


def test_a_weekday_with_a_lost_apostrophe_is_no_place() -> None:
    # batch G, 1923848303 (ahram): "in Mondays fighting" ("Monday's") is a day, the capture is
    # at the village of al-Sabha
    events = events_of(
        "Five civilians were killed in Mondays fighting which resulted in the Nusra Front and its "
        "allies taking control of the village of al-Sabha it said.",
        date(2014, 5, 6),
        "ahram",
        "idlib",
    )
    changes = [e for e in events if e.territory is not None]
    assert [e.location for e in changes] == ["Sabhah"]
    assert changes[0].territory is not None and changes[0].territory.taker == NUSRA
    assert changes[0].event_date == date(2014, 5, 5)


def test_the_un_secretary_generals_name_is_no_village() -> None:
    # batch B, 1923848281 (ahram): "Ki-moon" once resolved to Kamin, a village in Latakia
    text = (
        "UN chief Ban Ki-moon meanwhile condemned an attack on a school in government-held west "
        "Aleppo on Thursday that killed at killed at least six children according to state media."
    )
    named = [text[m.start : m.end] for m in Gazetteer.default().find_mentions(text)]
    assert named == ["Aleppo"]


def test_villages_retaken_with_no_name_are_the_story_village_not_its_city() -> None:
    # dev, 1914947538 (nna), the whole article: "By Friday all but one of the villages taken by
    # government forces had been recaptured by the rebels ..." names no village; the story's
    # village (Rityan) may be among them and changes hands again, no city does ("Al-Qaeda" in
    # that sentence is no village either: it once resolved to Kudu)
    document = _fakes_document("1914947538")
    events, _ = extract_events(document)
    changes = [
        (e.location, e.event_date, e.territory.taker) for e in events if e.territory is not None
    ]
    assert changes == [
        ("Rityan", date(2015, 2, 17), GOVERNMENT),
        ("Rityan", date(2015, 2, 20), "Syrian rebels"),
    ]


def test_a_hilltop_seized_near_a_road_is_no_change_of_the_city() -> None:
    # batch F, 1962495668 (alalam): the hilltop is nameless; Aleppo did not change hands
    events = events_of(
        "The Castello Road was effectively severed by Syrian forces Thursday when they seized a "
        "hilltop within firing range of the key supply route.",
        date(2016, 7, 11),
        "alalam",
        "aleppo",
    )
    assert all(e.territory is None for e in events)


def test_villages_seized_in_the_place_a_definite_description_names_change_hands() -> None:
    # batch B, 1962495635 (alalam), the article's opening: "the coastal city" is the story's
    # Latakia
    events = events_of(
        "Mon Aug 12 2013 Extremism takes hundreds of lives in Latakia. Hundreds of Alawite "
        "civilians have brutally been killed kidnapped tortured or have "
        "disappeared during a rebel offensive on the province of Latakia local residents have "
        "reported. Foreign-backed militants have pushed deep into the coastal city for the first "
        "time seizing a string of villages in a campaign which locals have warned threatens to "
        "open the area up to full-blown sectarian war.",
        date(2013, 8, 12),
        "alalam",
        "lattakia",
    )
    changes = [e for e in events if e.territory is not None]
    assert [e.location for e in changes] == ["Latakia"]
    assert changes[0].territory is not None and changes[0].territory.taker == "Syrian rebels"


def _named(text: str) -> list[str]:
    return [text[m.start : m.end] for m in Gazetteer.default().find_mentions(text)]


def test_english_words_people_and_foreign_places_are_no_syrian_villages() -> None:
    # batch F 1965495335 (sputnik), batch G 1926479026 (arabiya), 1926479274 (reuters),
    # 1965495355 (sputnik): "Inside" was read as Arzaghan Tahtani, "Emma Bonino" as Maab - Obin,
    # "Kerrys" as Kirs, "Lithuania" as a facility, "Tonnes" as Btinyas
    assert _named(
        "Inside the Lebanese Shia pilgrims bus targeted this morning by a suicide bomber in "
        "Damascus"
    ) == ["Damascus"]
    assert (
        _named(
            "Mohammad Javad Zarif told Italian Foreign Minister Emma Bonino in a telephone "
            "conversation on Saturday according to Press TV."
        )
        == []
    )
    assert (
        _named(
            "Kerrys meeting with Arab ministers including from Bahrain Egypt Kuwait Saudi Arabia "
            "and the United Arab Emirates followed talks in Lithuania with European foreign "
            "ministers"
        )
        == []
    )
    assert _named("Russian Military Delivers Over 5 Tonnes of Humanitarian Aid to Syrias Hama") == [
        "Hama"
    ]


def test_the_end_of_a_groups_name_is_no_place() -> None:
    # batch D, 1965495358 (sputnik): "Ahrar ash-Sham" put the bombing at As Suhum, not Saraqib
    events = events_of(
        "At least 45 people were killed and 30 were injured in the blast against the headquarters "
        "of Lions of Islam Brigade which belongs to Ahrar ash-Sham in Idlibs eastern neighborhood "
        'of Seraqeb" the source said.',
        date(2017, 5, 21),
        "sputnik",
        "idlib",
    )
    assert {e.location for e in events} == {"Saraqib"}


def test_the_area_of_names_a_list_of_villages() -> None:
    # batch F, 1924058197 (dailysabah): "in the area of A B and C" lists three villages, one
    # strike each (Turkmen Bari was read as "Bari", Aleppo's loose namesake, or not at all)
    events = events_of(
        "Turkish warplanes carried out airstrikes against Daish in the area of Akhtarin Turkmen "
        "Bari and Dabiq of northern Syria and destroyed nine Daish targets with ten bombs.",
        date(2016, 10, 3),
        "dailysabah",
        "aleppo",
    )
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.location for e in strikes] == ["Akhtarin", "Turkuman Barih", "Duniq"]
    assert {e.actor1 for e in strikes} == {"Military Forces of Turkey"}


def test_a_second_list_of_the_same_villages_spelled_otherwise_adds_no_new_places() -> None:
    # batch F, 1924058197 (dailysabah): "Duvaybik" is Dabiq (Duwaybiq) and "Aktharin" Akhtarin
    events = events_of(
        "Meanwhile moderate groups organized 11 airstrike operations against Daish in the area of "
        "Ziyadiyah Bahrutah Duvaybik Aktharin and Turkmen Bari in northern Syria.",
        date(2016, 10, 3),
        "dailysabah",
        "aleppo",
    )
    assert [e.location for e in events] == [
        "Az Ziyadiyah",
        "Bahwartah",
        "Duniq",
        "Akhtarin",
        "Turkuman Barih",
    ]
