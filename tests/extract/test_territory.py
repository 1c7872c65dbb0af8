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


def test_a_place_described_by_its_capture_is_no_new_capture() -> None:
    # From FA-KES 1924058126 and 1926479162: a participle or a relative clause after the place
    text = (
        "Government forces had launched an assault from positions near the plant to retake the "
        "village of Zaara captured by opposition groups earlier."
    )
    assert _captures(text, date(2016, 8, 15)) == []
    text = (
        "Activists in Aleppo said that the Iranian militias summarily executed six young men in "
        "the neighborhood of Sakhour on Friday after those men returned to their homes in eastern "
        "Aleppo which completely fell to regime forces."
    )
    assert _captures(text, date(2016, 12, 24)) == []


def test_ground_with_no_place_is_no_capture() -> None:
    text = (
        "At least seven people died in rebel shelling of a neighbourhood of the Syrian city of "
        "Aleppo held by the Kurdish YPG militia at dawn on Saturday a monitoring group said as "
        "rebels took territory to the south."
    )
    assert _captures(text, date(2016, 6, 18)) == []


def test_men_lost_are_no_ground_lost() -> None:
    text = (
        "Jeish al-Fatah coalition of terrorist groups has lost over one hundred militants in the "
        "battle against the Syrian Army troops and NDF in al Mallah Farms Northwest of Aleppo "
        "Province during the last five days Several sources confirmed."
    )
    document = Document(doc_id="t", text=text, published=date(2016, 7, 1), source="fna")
    events, _ = extract_events(document)
    assert [e.territory for e in events] == [None]
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Armed clash", "Mallah Farms")
    ]
    assert events[0].event_date == date(2016, 6, 26)  # the last five days: their first


def test_pushing_a_group_back_from_a_place_is_a_capture() -> None:
    text = (
        "The Syrian Army troops and popular forces have managed to push the terrorist groups back "
        "from nearly 90 percent of al-Mallah Farms on Thursday."
    )
    captures = _captures(text, date(2016, 7, 1))
    assert [(e.place.name if e.place else None) for e in captures] == ["Mallah Farms"]
    assert captures[0].territory is not None
    assert captures[0].territory.taker == "Military Forces of Syria"
    assert captures[0].territory.loser == "Syrian rebels"


def test_a_list_goes_on_after_as_well_as() -> None:
    # Written to the guideline, from FA-KES 1962495699's wording
    text = "The army also won back the village of Kafar Naya as well as Ehras on Monday."
    names = [e.place.name for e in _captures(text, date(2016, 2, 16)) if e.place]
    assert names == ["Kafr Naya", "Ahras"]


def test_raiders_who_entered_villages_and_carried_out_a_massacre_took_none() -> None:
    # From FA-KES 1965511105 (batch F): the fighters went in to kill, not to hold the villages.
    text = (
        "Al-Nusra said in an internet statement that its militants entered the villages of "
        "Massudiyeh Maksar al-Hissan and Jab al-Jerah in Homs province and carried out the "
        "massacre."
    )
    assert _captures(text, date(2013, 9, 7)) == []


def test_fighters_who_entered_a_town_and_took_control_captured_it() -> None:
    # Written to the guideline: control said, so a capture, whatever else they did there.
    text = (
        "Rebels entered the town of Khan Touman and killed 12 soldiers before taking control of "
        "it on Friday."
    )
    captures = _captures(text, date(2016, 5, 8))
    assert [(e.place.name if e.place else None) for e in captures] == ["Khan Tuman"]


def test_handing_over_weapons_stocks_is_no_handover_of_ground() -> None:
    # From FA-KES 1926479125 (batch F).
    text = (
        "The announcement by French Foreign Minister Laurent Fabius came a day after a surprise "
        "proposal by Russia that its Syrian ally hand over its chemical weapons stocks in a move "
        "that could avert possible U.S. strikes."
    )
    assert _captures(text, date(2013, 9, 10)) == []


AL_QARYATAYN = (
    "A human rights group has claimed that Daesh executed at least 128 Syrian civilians in the "
    "town of Al-Qaryatayn. The Palmyra Coordination Committee a local group reported that at "
    'least 35 of the slain were found in a mine shaft. "After the regime retook it [on Saturday] '
    'the towns residents found the bodies on the streets." SOHR added that at least 12 residents '
    "of the town were killed by government forces after they regained control of Al-Qaryatayn."
)


def test_a_place_that_opens_an_organisations_name_is_not_where_the_story_is() -> None:
    # From FA-KES 1965495348 (batch F), shortened: "it" is the town of the story, not the
    # Palmyra of "The Palmyra Coordination Committee".
    captures = _captures(AL_QARYATAYN, date(2017, 10, 23))
    assert [(e.place.name if e.place else None) for e in captures] == ["Al-Qaryatayn"]


def test_a_capture_retold_without_a_day_is_the_one_told_with_its_day() -> None:
    # The same article: "after they regained control of Al-Qaryatayn" retells Saturday's
    # capture; one event, dated the Saturday.
    captures = _captures(AL_QARYATAYN, date(2017, 10, 23))
    assert [(e.event_date, e.time_precision) for e in captures] == [(date(2017, 10, 21), 1)]


def test_a_pullout_last_year_is_background_not_an_event() -> None:
    # From FA-KES 1923848204 (batch F), read on 17 August 2013.
    text = (
        "Government troops pulled out of majority Kurdish areas of Syria last year leaving "
        "Kurdish militia to fend for themselves."
    )
    assert _captures(text, date(2013, 8, 17)) == []


def test_fighters_who_drove_named_rebels_out_of_a_base_took_it() -> None:
    # From FA-KES 1962495644 (batch F): "drove US-backed rebels out of" is a capture by the
    # subject, whatever the words naming whom they drove out.
    text = (
        "Nusra Front Al-Qaidas Syria affiliate on Saturday drove US-backed rebels out of a "
        "strategic northern military base near Aleppo in fierce fighting that left dozens dead."
    )
    captures = _captures(text, date(2015, 2, 28))
    assert [(e.territory.taker if e.territory else None) for e in captures] == [
        "Jabhat Fateh al-Sham"
    ]


def test_a_quoted_capture_of_a_numbered_base_is_told_at_that_base() -> None:
    # From FA-KES 1962495644 (batch F): names in most words do not make a quote a headline,
    # and "Base 46" is a place though the gazetteer lacks it.
    text = (
        '"Al-Nusra captured Base 46" said Rami Abdel Rahman director of the Britain-based '
        "Observatory."
    )
    captures = _captures(text, date(2015, 2, 28))
    assert [(e.location, e.territory.taker if e.territory else None) for e in captures] == [
        ("Base 46", "Jabhat Fateh al-Sham")
    ]


def test_a_capture_told_as_what_came_a_month_before_is_background() -> None:
    # From FA-KES 1962495644 (batch F): Regiment 111 was taken a month before the report.
    text = (
        "The offensive came a month after al-Nusra expelled Hazm from Regiment 111 another base "
        "they had taken."
    )
    assert _captures(text, date(2015, 2, 28)) == []


def test_a_short_sentence_full_of_names_that_tells_its_day_is_no_headline() -> None:
    # Written to the guideline: most words capitalised, but "on Friday" makes it prose.
    captures = _captures("Khan Touman fell to Nusra Front fighters on Friday.", date(2016, 5, 8))
    assert [(e.territory.taker if e.territory else None) for e in captures] == [
        "Jabhat Fateh al-Sham"
    ]
    text = "Kurdish fighters drove Islamic State out of Tal Abyad on Tuesday."
    captures = _captures(text, date(2016, 5, 8))
    assert [(e.territory.taker, e.territory.loser) for e in captures if e.territory] == [
        ("Kurdish YPG/SDF", "Islamic State")
    ]


def test_a_town_that_fell_into_the_hands_of_a_group_is_its_capture() -> None:
    # Written to the guideline.
    text = "The town of Khan Touman fell into the hands of the rebels on Friday."
    captures = _captures(text, date(2016, 5, 8))
    assert [(e.territory.taker if e.territory else None) for e in captures] == ["Syrian rebels"]


def test_a_place_handed_over_or_surrendered_to_a_party_is_that_partys() -> None:
    # Written to the guideline: the party after "to" takes the place, the subject gives it up.
    for text in (
        "Rebels handed over the town of Khan Touman to the army on Friday.",
        "The last rebels surrendered the town of Khan Touman to the army on Friday.",
    ):
        captures = _captures(text, date(2016, 5, 8))
        assert [(e.territory.taker, e.territory.loser) for e in captures if e.territory] == [
            ("Military Forces of Syria", "Syrian rebels")
        ]
        assert captures[0].sub_event_type == "Non-violent transfer of territory"


def test_forces_made_to_withdraw_from_a_town_lose_it() -> None:
    # Written to the guideline; every tense of "withdraw from", "pull out of", "retreat from".
    for text in (
        "The army was forced to withdraw from Morek on Friday.",
        "Government troops began pulling out of Morek on Friday.",
    ):
        captures = _captures(text, date(2016, 5, 8))
        assert [(e.territory.loser if e.territory else None) for e in captures] == [
            "Military Forces of Syria"
        ]


def test_a_military_base_the_gazetteer_lacks_is_the_place_taken() -> None:
    # Written to the guideline: "the Wadi Deif military base" names a place.
    text = "Opposition fighters overran the Wadi Deif military base on Monday."
    captures = _captures(text, date(2016, 5, 8))
    assert [e.location for e in captures] == ["Wadi Deif"]
