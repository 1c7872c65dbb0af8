"""Words that say a trigger is no event told: strikes being considered, support given by air
forces, recent clashes recalled to say how things stand, repeated reports of strikes
(frontline/extract/clause_patterns.py).

Texts are bundled FA-KES articles (samples/fakes_dev.csv) of batches D and G.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.extract.clauses import read_sentence
from frontline.extract.places import document_context
from frontline.extract.sentences import split_sentences
from frontline.records import Document


def _trigger_words(text: str, published: date) -> list[str]:
    document = Document(doc_id="t", text=text, published=published, source="reuters")
    sentences = split_sentences(text)
    context = document_context(document, sentences)
    parts = [read_sentence(s, document, context, None, None) for s in sentences]
    return [hit.text for p in parts for hit in p.triggers]


def test_air_strikes_being_considered_are_not_strikes() -> None:
    # FA-KES 1926479274 (batch G): Washington and Paris weigh strikes after the gas attack
    text = (
        "Washington and Paris say forces loyal to President Bashar al-Assad were behind the "
        "attack in which more than 1400 are estimated to have been killed and they are "
        "considering air strikes to try to deter him from using such weapons again."
    )
    assert "air strikes" not in _trigger_words(text, date(2013, 9, 8))


def test_air_forces_two_allies_lend_are_support_not_a_strike() -> None:
    # FA-KES 1965511181 (batch G): "backed by Syrian and Russian air forces" says who helped the
    # ground operation, not that aircraft struck al-Tabqa
    text = (
        "Syrian army in cooperation with popular defense groups backed by Syrian and Russian air "
        "forces began on 2 June a wide military operation on Athriya-Khanaser- al-Tabqa axis."
    )
    events = events_of(text, date(2016, 6, 2), "sana", "raqqa")
    assert "Air/drone strike" not in {e.sub_event_type for e in events}


def test_recent_clashes_recalled_to_tell_how_a_town_stands_are_background() -> None:
    # FA-KES 1965511116 (batch G)
    text = (
        "Moreover in Azaz situation is still unstable after recent clashes between the ISIL "
        "militiamen and Storm of North Brigade of the so-called free Syrian army."
    )
    assert events_of(text, date(2013, 9, 23), "x", "aleppo") == []


def test_repeated_reports_of_airstrikes_are_a_summary() -> None:
    # FA-KES 1924058201 (batch D): the UN spokesman sums up two days of reports; "two days ago"
    # dates the announcement, not a strike
    text = (
        "Since the announcement two days ago by the Assad regime of an offensive to capture "
        "eastern Aleppo there have been repeated reports of airstrikes involving the use of "
        'incendiary weapons and advanced munitions such as bunker buster bombs" U.N. spokesman '
        "Stephane Dujarric said in a statement."
    )
    assert events_of(text, date(2016, 9, 22), "x", "aleppo") == []


def test_the_capital_that_lost_troops_is_the_government_not_the_place() -> None:
    # FA-KES 1923102950 (batch C): the counter-attack drove the army out of Raqqa province;
    # "Damascus lost more than 40 troops" names the government, not a battle in Damascus
    text = (
        "The airstrikes came after IS dealt a significant blow to Russian-backed Syrian "
        "government forces driving them out of Raqqa province after they came within just 20km "
        "(12 miles) of the Euphrates River and the countrys largest dam. Damascus lost more than "
        "40 troops and militia in the militant counter-attack on Sunday and Monday the UK-based "
        "Observatory said."
    )
    events = events_of(text, date(2016, 6, 21), "alaraby", "raqqa")
    assert "Damascus" not in {e.location for e in events}


def test_intensified_air_attacks_on_a_town_told_undated_are_background() -> None:
    # FA-KES 1924058051 (dev): the observatory head on why Al Bab is bombed; the Kweyris
    # airport named on the way was not struck that day
    text = (
        'Observatory head Rami Abdel Rahman said the "intensified air attacks by regime forces '
        'on Al Bab are aimed at foiling Daesh efforts on multiple fronts" including the nearby '
        "Kweyris military airport which Daesh has besieged for more than a year."
    )
    strikes = events_of(text, date(2015, 7, 17), "jordantimes", "aleppo")
    assert [e for e in strikes if e.sub_event_type == "Air/drone strike"] == []


def test_a_group_active_in_a_region_that_has_clashed_with_rebels_is_no_clash_told() -> None:
    # FA-KES 1962495644 (batch F)
    text = (
        "The south is the last notable foothold of the mainstream rebel non-jihadist opposition "
        "to President Bashar al-Assad who has consolidated control over much of western Syria . "
        "Al Qaedas Syrian arm the Nusra Front is also active in the south and has clashed with "
        "western-back rebels."
    )
    assert events_of(text, date(2015, 2, 28), "x", "daraa") == []
