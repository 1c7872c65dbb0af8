"""Lists of places written without commas are cut into their places (frontline.geo.lists).

Sentences from bundled FA-KES articles (samples/fakes_dev.csv), whose punctuation was
stripped: after a plural place noun ("the towns of", "neighborhoods of", "villages including")
the capitalised words are cut into the fewest names, gazetteer names first, names the
gazetteer lacks where nothing else fits.
"""

from __future__ import annotations

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.lists import list_items


def _items(text: str) -> list[tuple[str, bool, str]]:
    return [(text[i.start : i.end], i.known, i.hint) for i in list_items(text, Gazetteer.default())]


def test_an_unpunctuated_list_of_aleppo_neighbourhoods() -> None:
    text = (
        "The Assad regimes air force continues to relentlessly hit residential areas in the "
        "Aleppo neighborhoods of Tariq al-Bab Bustan al-Qasr Salahaddin al-Mashhad al-Amiriyah "
        "Baidin al-Jandoul and Bani Zeid."
    )
    assert [name for name, _, _ in _items(text)] == [
        "Tariq al-Bab",  # a given name ("Tariq") starting a place name
        "Bustan al-Qasr",
        "Salahaddin",
        "al-Mashhad",
        "al-Amiriyah",
        "Baidin",
        "al-Jandoul",  # unknown to the gazetteer: one word
        "Bani Zeid",  # unknown: a name-starting word takes the next one with it
    ]
    assert {hint for _, _, hint in _items(text)} == {"neighbourhood"}
    assert [name for name, known, _ in _items(text) if not known] == ["al-Jandoul", "Bani Zeid"]


def test_the_towns_of_a_list_and_where_it_ends() -> None:
    text = (
        "Other locations targeted by Assads troops this week in Eastern Ghouta include the towns "
        "of Misraba Ayn Tarma Arbin and Kafr Batna and the al-Wafideen refugee camp."
    )
    assert _items(text) == [
        ("Misraba", True, "town"),
        ("Ayn Tarma", True, "town"),
        ("Arbin", True, "town"),
        ("Kafr Batna", True, "town"),
    ]


def test_a_list_after_are_and_after_including() -> None:
    text = (
        "According to the Firat news agency the liberated neighborhoods are Nebabile Zahra and "
        "al-Wahab."
    )
    assert [name for name, _, _ in _items(text)] == ["Nebabile", "Zahra", "al-Wahab"]
    text = (
        "The army also took villages including Bashkuwi and Sifat while battles raged in "
        "Hardatain and Ratain said the Observatory."
    )
    assert [name for name, _, _ in _items(text)] == ["Bashkuwi", "Sifat"]


def test_a_counted_list_and_a_list_of_provinces() -> None:
    text = (
        "Residents in the area blamed the U.S.-led coalition for the strikes that targeted two "
        "villages Tokhar and Hoshariyeh which are controlled by IS activists said."
    )
    assert _items(text) == [("Tokhar", False, "village"), ("Hoshariyeh", False, "village")]
    text = (
        "On Tuesday at least six Takfiri militants were killed in attacks by the Syrian ground "
        "forces in the provinces of Hama and Idlib."
    )
    assert _items(text) == [("Hama", True, "governorate"), ("Idlib", True, "governorate")]


def test_a_known_name_may_start_with_a_common_word() -> None:
    text = (
        "rocket attacks on the neighborhoods of New Aleppo Bab al-Faraj al-Ismailiya al-Furqan "
        "Maisaloun and al-Jabiryieh in Aleppo city."
    )
    names = [name for name, _, _ in _items(text)]
    assert names == [
        "New Aleppo",
        "Bab al-Faraj",
        "al-Ismailiya",
        "al-Furqan",
        "Maisaloun",
        "al-Jabiryieh",
    ]


def test_one_place_or_no_cue_is_no_list() -> None:
    # one name after the cue: the ordinary place finder reads it
    assert _items("three neighborhoods of the Syrian northern city of al-Tabqa on Friday") == []
    assert _items("the villages of al-Murayeh South of Euphrates River and al-Jafreh") == []
    # no plural noun before the names: not read as a list here
    assert _items("In Daraa al-Balad army units clashed with terrorist groups") == []
    # a person's name after a cue word is no place: the list stops at the lower-case word
    assert _items("the districts of Aleppo said Rami Abdel Rahman") == []


def test_a_common_word_inside_a_run_of_names_is_one_of_them() -> None:
    # "Sohr" is a common word elsewhere (the monitor's acronym); between names it is a district
    text = (
        "the warplanes targeted the districts of Bustan al-Qasr Mashhad al-Kallasa Salihiya and "
        "al-Fardos Sheikh Haider Ansar Bustan al-Basha Ard al-Hamra Sohr Tariq al-Bab Karam Hamud "
        "Mesir all of which were currently under siege by the Assad regime."
    )
    names = [name for name, _, _ in _items(text)]
    assert names[-5:] == ["Ard al-Hamra", "Sohr", "Tariq al-Bab", "Karam Hamud", "Mesir"]
    assert len(names) == 13


def test_a_list_ends_where_a_persons_name_begins() -> None:
    for tail in ("Hussein Ali said", "Colonel Ahmed said", "Syrian Arab News Agency said"):
        text = "the strikes targeted the villages of Tokhar and Hoshariyeh " + tail
        assert [name for name, _, _ in _items(text)] == ["Tokhar", "Hoshariyeh"]


def test_a_name_ending_word_stays_with_its_name() -> None:
    text = (
        "the terrorists fled towards the villages of Maksar al-Hussan Tuloul al-Hawa al-Sharqiya "
        "and Tuloul al-Hawa al-Gharbiya in Jubb al-Jarrah area"
    )
    assert [name for name, _, _ in _items(text)] == [
        "Maksar al-Hussan",
        "Tuloul al-Hawa al-Sharqiya",
        "Tuloul al-Hawa al-Gharbiya",
    ]


def test_a_given_name_before_and_is_one_of_the_list() -> None:
    # "Hafez" is a given name, but 'and' after it makes it one of the list
    text = "on Friday ISIL seized control of the areas of Hafez and Muhassen in Deir Ezzor."
    assert [name for name, _, _ in _items(text)] == ["Hafez", "Muhassen"]
