"""Places named in one list each get their own event, whatever the gazetteer makes of them.

A list of villages may hold one whose name the gazetteer also knows as a city district
("Zeitan Khalsa and Barna": Khalsa folds like Aleppo's Kallaseh district); the list still
holds together, so each village gets its capture. A district never joins a list with its own
city. Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv), with the publication
dates of their articles.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event

_ZEITAN = (
    "The observatory also said on Saturday that rebels had captured three villages south of "
    "Aleppo from government control Zeitan Khalsa and Barna causing significant losses among "
    "government forces and their allies."
)
_KAFR_ZITA = (
    "Also on Wednesday airstrikes by the Syrian air force targeted gathering centers of "
    "militants of the Jaish al-Fatah in Kafr Zita Jub al-Rayan and Kafr Nabudah in the northern "
    "countryside of Hama."
)


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "reuters")


def test_each_village_of_a_capture_list_is_taken() -> None:
    events = _events(_ZEITAN, date(2016, 6, 18))
    captures = [e for e in events if e.territory is not None]
    assert len(captures) == 3
    names = [e.place.text for e in captures if e.place is not None]
    assert names == ["Zeitan", "Khalsa", "Barna"]
    assert {e.territory.taker for e in captures if e.territory} == {"Syrian rebels"}
    assert {e.sub_event_type for e in captures} == {"Non-state actor overtakes territory"}
    assert all(e.place is not None and e.place.admin1 == "Aleppo" for e in captures)


def test_each_village_of_a_strike_list_is_struck() -> None:
    events = _events(_KAFR_ZITA, date(2016, 2, 18))
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.place.admin1 for e in strikes if e.place] == ["Hama"] * len(strikes)
    assert [e.place.text for e in strikes if e.place] == [
        "Kafr Zita",
        "Jub al-Rayan",
        "Kafr Nabudah",
    ]
    assert {e.actor1 for e in strikes} == {"Military Forces of Syria"}


def test_a_district_does_not_join_its_own_city() -> None:
    text = "Regime forces captured the neighbourhood of Sakhour Aleppo on Monday."
    captures = [e for e in _events(text, date(2016, 11, 28)) if e.territory is not None]
    assert [e.place.name for e in captures if e.place] == ["Sakhour"]


def test_transliterations_of_known_places() -> None:
    # frontline/data/place_aliases.toml: spellings the bundled reports use
    mortar = _events(
        "Mortar fire wounded three people in the Abbasids neighbourhood of northeast Damascus "
        "on Sunday.",
        date(2014, 4, 6),
    )
    assert [(e.place.name, e.place.admin1) for e in mortar if e.place] == [
        ("Al  'Abassiyin", "Damascus")
    ]
    camp = _events(
        "Jabhat Fateh Al Sham surprise offensive in Daraa countryside on Sunday against Syrian "
        "Arab Army in military camp near key town of Ibtraa turn to a misery for terrorist group.",
        date(2016, 10, 31),
    )
    assert {(e.place.name, e.place.admin1) for e in camp if e.place} == {("Ibta`", "Daraa")}


def test_a_list_goes_on_past_where_its_places_lie() -> None:
    # FA-KES 1915433670: "in the southwestern countryside of Damascus", "west of Damascus"
    # say where the villages lie; Damascus is none of the places taken
    text = (
        "The official Syrian news agency Sana quoted a military source on Wednesday as saying the "
        'army was able to "restore security" to Sanei Tal al-Hawa and Tal-Arous in the '
        "southwestern countryside of Damascus Tal Meri west of Damascus and al-Danaji and Tal "
        "Antar near Deir al-Adas."
    )
    captures = [e for e in _events(text, date(2015, 2, 12)) if e.territory is not None]
    names = [e.place.text for e in captures if e.place is not None]
    assert names[-5:] == ["Tal al-Hawa", "Tal-Arous", "Tal Meri", "al-Danaji", "Tal Antar"]
    assert "Damascus" not in names


def test_a_year_before_the_attacker_is_no_count_of_it() -> None:
    # FA-KES 1923848235: the dateline's year stands right before "Syrian government"
    text = (
        "AFP Friday 12 Sep 2014 Syrian government air raids on a rebel-held area near Douma "
        "killed 42 people including seven children a monitoring group said Friday."
    )
    events = _events(text, date(2014, 9, 12))
    assert [e.actor1 for e in events] == ["Military Forces of Syria"]


def test_a_place_after_a_bearing_only_locates_the_one_before() -> None:
    # FA-KES 1926479162: the valley is struck; Damascus only says where the valley lies
    text = (
        "Regime forces have also significantly escalated aerial and artillery bombardment on "
        "Wadi Barada valley northwest of Damascus pounding the rebel-held enclave with tens of "
        "barrel bombs and airstrikes over the past two days."
    )
    events = _events(text, date(2016, 12, 24))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Air/drone strike", "Wadi Barada")
    ]


def test_an_aleppo_district_the_sources_lack() -> None:
    # place_aliases.toml adds Ramouseh (FA-KES 1924058126 spells it Ramussa)
    text = (
        "After a nearly three-week siege opposition forces took Ramussa on August 6 linking up "
        "with opposition-held neighborhoods."
    )
    captures = [e for e in _events(text, date(2016, 8, 15)) if e.territory is not None]
    assert [(e.place.name, e.place.admin1) for e in captures if e.place] == [("Ramouseh", "Aleppo")]


def test_the_capital_is_damascus() -> None:
    # FA-KES 1923848315: the sentence names no place but "the capital"
    text = (
        "In the capital SANA said two people were killed in mortar fire by rebel fighters on "
        "Sunday."
    )
    events = _events(text, date(2014, 4, 6))
    assert [(e.sub_event_type, e.place.name, e.place.admin1) for e in events if e.place] == [
        ("Shelling/artillery/missile attack", "Damascus", "Damascus")
    ]
