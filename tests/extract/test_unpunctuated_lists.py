"""One event per place of an unpunctuated list, the toll on the first-named place only.

Sentences from bundled FA-KES articles (samples/fakes_dev.csv), with their publication dates;
gold (data/gold/README.md, GUIDELINE_EXTENSIONS.md) codes one event per listed place and puts
a toll stated for the whole list on the first-named.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date, location: str = "") -> list[Event]:
    return events_of(text, published, "sana", location)


def test_each_neighbourhood_of_a_list_is_struck() -> None:
    text = (
        "The Assad regimes air force continues to relentlessly hit residential areas in the "
        "Aleppo neighborhoods of Tariq al-Bab Bustan al-Qasr Salahaddin al-Mashhad al-Amiriyah "
        "Baidin al-Jandoul and Bani Zeid."
    )
    strikes = [
        e for e in _events(text, date(2016, 4, 23)) if e.sub_event_type == "Air/drone strike"
    ]
    assert [e.place.text for e in strikes if e.place is not None] == [
        "Tariq al-Bab",
        "Bustan al-Qasr",
        "Salahaddin",
        "al-Mashhad",
        "al-Amiriyah",
        "Baidin",
        "al-Jandoul",
        "Bani Zeid",
    ]


def test_a_toll_for_the_whole_list_goes_on_the_first_place() -> None:
    text = (
        "Meanwhile over 10 civilians were also killed and 18 more wounded in barrel bomb attacks "
        "on the neighborhoods of Karam Alnozha and Tal Alzarazir in Aleppo on Tuesday."
    )
    strikes = [e for e in _events(text, date(2016, 8, 9)) if e.sub_event_type == "Air/drone strike"]
    assert [(e.place.text if e.place else None, e.fatalities) for e in strikes] == [
        ("Karam Alnozha", 10),
        ("Tal Alzarazir", None),
    ]


def test_a_siege_of_listed_quarters_is_one_siege_at_the_city() -> None:
    text = (
        "Speaking to Anadolu Agency Najib Ansari said the warplanes targeted the districts of "
        "Bustan al-Qasr Mashhad al-Kallasa Salihiya and al-Fardos Sheikh Haider Ansar Bustan "
        "al-Basha Ard al-Hamra Sohr Tariq al-Bab Karam Hamud Mesir all of which were currently "
        "under siege by the Assad regime."
    )
    events = _events("Aleppo under fire. " + text, date(2016, 9, 24), "aleppo")
    sieges = [e.location for e in events if e.sub_event_type == "Siege"]
    assert sieges == ["Aleppo"]
    strikes = [e.place.text for e in events if e.sub_event_type == "Air/drone strike" and e.place]
    assert strikes[:3] == ["Bustan al-Qasr", "Mashhad", "al-Kallasa"]
    assert "Sheikh Haider" in strikes and len(strikes) >= 9


def test_a_name_the_gazetteer_lacks_joined_by_and_to_a_known_one() -> None:
    text = (
        "In the meantime Syrian Air Force bombed ISILs positions in Unq al-Hawa and Wadi al-Mesk "
        "in Jubb al-Jarrah claiming the lives of several militants."
    )
    strikes = [
        e for e in _events(text, date(2016, 7, 27)) if e.sub_event_type == "Air/drone strike"
    ]
    assert [e.place.text for e in strikes if e.place] == ["Unq al-Hawa", "Wadi al-Mesk"]


def test_a_person_or_a_group_after_and_is_no_place() -> None:
    text = (
        "Syrian warplanes struck Douma and Jaish al-Islam fighters fired back, activist "
        "Hassan Taqieddin and Ahmed said."
    )
    places = [e.place.text for e in _events(text, date(2016, 7, 27)) if e.place]
    assert "Jaish al-Islam" not in places and "Ahmed" not in places


def test_a_place_given_by_its_bearing_yields_to_the_places_named_near_it() -> None:
    text = (
        "Six Tupolev bombers flew out of an airbase in Russia on Thursday morning and conducted "
        "strikes east of Palmyra near the cities of Arak and Sukhna as well as in the Homs region "
        "the statement said."
    )
    strikes = [
        e for e in _events(text, date(2016, 7, 14)) if e.sub_event_type == "Air/drone strike"
    ]
    assert [e.place.text for e in strikes if e.place] == ["Arak", "Sukhna"]
    assert all(e.place and e.place.admin1 == "Homs" for e in strikes)  # not Raqqa city


def test_a_listed_quarter_known_only_elsewhere_stays_in_its_city() -> None:
    # Maisaloun is also a Latakia village; listed among Aleppo's neighbourhoods it is Aleppo's,
    # kept by its own name
    text = (
        "Later in the evening SANA reporter said that 4 people were killed including 3 children "
        "and 43 others were injured in rocket shells fired by the terrorist organizations on the "
        "neighborhoods of Maisaloun and al-Jabiryieh in Aleppo City."
    )
    events = _events(text, date(2016, 11, 28), "aleppo")
    places = [e.place for e in events if e.place]
    assert [p.text for p in places] == ["Maisaloun", "al-Jabiryieh"]
    assert {p.admin1 for p in places} == {"Aleppo"}
    assert [e.fatalities for e in events] == [4, None]


def test_a_count_for_each_group_of_places_keeps_the_list_together() -> None:
    text = (
        "Terrorists fired a number of rocket shells at residential neighborhoods in the city "
        "claiming the life of a woman and injuring 19 in the neighborhoods of Bab al-Faraj "
        "al-Ismailiya and injuring 3 in al-Furqan neighborhood."
    )
    events = _events("Aleppo city. " + text, date(2016, 11, 28), "aleppo")
    shelled = [e.place.text for e in events if e.place and e.evidence.text == text]
    assert shelled == ["Bab al-Faraj", "al-Ismailiya", "al-Furqan"]


def test_a_provinces_toll_is_not_folded_into_one_of_a_list() -> None:
    text = (
        "The Syrian army has killed at least 100 ISIS terrorists in the eastern Deir Ezzor "
        "province during the past 24 hours. Meanwhile a source on the ground said an army unit "
        "targeted ISIS sites in the neighborhoods of al-Hamidiyeh al-Aradi and al-Rushdiyeh "
        "killing 71 terrorists and injuring 81 others."
    )
    events = _events(text, date(2016, 2, 14), "deir ezzor")
    clashes = [(e.place.text, e.fatalities) for e in events if e.place]
    assert ("al-Hamidiyeh", 71) in clashes
    assert ("al-Aradi", None) in clashes and ("al-Rushdiyeh", None) in clashes
    assert any(f == 100 for _, f in clashes)  # the province's toll stays its own event


def test_a_feature_word_or_near_between_two_places_of_a_list() -> None:
    text = (
        "ISILs sites and military vehicles loaded with ammunition were targeted by the Syrian "
        "army aircraft in al-Shaer and Jazal oilfields and near the town of Khneifes."
    )
    strikes = [
        e for e in _events(text, date(2016, 7, 27)) if e.sub_event_type == "Air/drone strike"
    ]
    assert [e.place.text for e in strikes if e.place] == [
        "al-Shaer",
        "Jazal",
        "near the town of Khneifes",  # the place with its part words, as written
    ]


def test_two_airports_are_two_places() -> None:
    text = (
        "The Observatory said rebels had also fired dozens of rockets at the Nairab military "
        "airport and Aleppo international airport both east of the city and government-controlled."
    )
    events = _events(text, date(2016, 10, 28), "aleppo")
    assert [e.location for e in events] == ["Nayrab", "Aleppo International Airport"]


def test_a_place_that_only_says_where_the_list_before_it_lies() -> None:
    text = (
        "Syrias state news agency SANA said the army took the village of Tal Al-Majda in Sweida "
        "province and Tal Antar in Deraa."
    )
    captures = [e for e in _events(text, date(2015, 2, 28)) if e.territory is not None]
    names = [e.place.text for e in captures if e.place]
    assert "Tal Antar" in names and len(names) == 2
    assert "Sweida" not in names


def test_a_known_name_inside_a_longer_one() -> None:
    text = (
        "Daraa An army unit targeted with concentrated artillery fire 4 vehicles belonging to "
        "al-Nusra which were moving in Tal al-Sheikh Hussein and Toloul Khalif in the far "
        "northeast countryside of Daraa province."
    )
    shelled = [e for e in _events(text, date(2016, 4, 22)) if "artillery" in e.sub_event_type]
    assert [e.place.text for e in shelled if e.place] == ["Tal al-Sheikh Hussein", "Toloul Khalif"]
    # a kunya before a given name is a person, not a 'name-starting word' of a place
    from frontline.extract.places import _widened

    text = "the commander Abu Moussa said"
    start = text.index("Moussa")
    assert _widened(text, (start, start + 6)) == (start, start + 6)
    text = "the village of Tal Al-Majda in Sweida province"
    start = text.index("Al-Majda")
    assert text[slice(*_widened(text, (start, start + 8)))] == "Tal Al-Majda"


def test_a_listed_name_the_gazetteer_lacks_is_no_look_alike_from_elsewhere() -> None:
    text = "On Friday ISIL seized control of the areas of Hafez and Muhassen in Deir Ezzor."
    captures = [e for e in _events(text, date(2014, 6, 21)) if e.territory is not None]
    assert next((e.place.name, e.place.admin1) for e in captures if e.place) == (
        "Hafez",
        "Deir ez-Zor",  # not a Homs look-alike
    )
    assert len(captures) == 2
