"""Words around a trigger that make it a claim of a past event, a thing, or no place to code.

- "claims to have captured": a perfect infinitive reports a past capture; it is no plan.
- "mortar launchers were destroyed", "received several TOW anti-tank missiles": the weapon is
  a thing named, not fired.
- "under the cover of U.S.-led coalition airstrikes": support, not an event of its own.
- "fled towards Oum Suhairij": where fighters went, not where the event was.
- "across the country": an event told of the whole country has no place to code.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv) with their articles'
publication dates, unless marked as written to the guideline.
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "alaraby")


def test_a_claim_to_have_captured_is_a_capture() -> None:
    text = (
        "Jaysh al Tahrir a rebel group that operates under the flag of the Free Syrian Army and "
        "has received several TOW anti-tank missiles from the US claims to have captured two "
        "villages from the Kurdish-led Syrian Democratic Forces (SDF) south of Jarabulus."
    )
    events = _events(text, date(2016, 8, 29))
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert events[0].territory is not None
    assert events[0].territory.taker == "Syrian rebels"
    assert events[0].territory.loser == "Kurdish YPG/SDF"


def test_a_plan_to_capture_is_still_no_capture() -> None:
    # Written to the guideline: the plain infinitive stays a plan.
    text = "Rebels plan to capture two villages south of Jarabulus on Monday."
    assert _events(text, date(2016, 8, 29)) == []


def test_weapons_named_as_things_are_no_attack() -> None:
    text = (
        "Numbers of terrorists were killed in Yabroud and their vehicles and mortar launchers "
        "were destroyed on Friday."
    )
    subs = [e.sub_event_type for e in _events(text, date(2016, 4, 22))]
    assert "Shelling/artillery/missile attack" not in subs


def test_airstrikes_as_cover_are_support() -> None:
    text = (
        "US-backed Syrian fighters are pushing ahead in their offensive near Tabqa against members "
        "of the Islamic State group under the cover of U.S.-led coalition airstrikes."
    )
    subs = [e.sub_event_type for e in _events(text, date(2017, 4, 10))]
    assert "Air/drone strike" not in subs


def test_where_fighters_fled_is_not_where_they_fought() -> None:
    text = (
        "Army units clashed with ISIL terrorists in Jubb al-Jarrah on Friday. Army units "
        "clashed with the attacking terrorists and targeted them with precision fire killing a "
        "number of terrorists while the remaining terrorists fled towards Oum Suhairij and "
        "nearby villages where they are holed up."
    )
    places = {e.place.name for e in _events(text, date(2016, 4, 22)) if e.place}
    assert "Umm Sahrij" not in places
    assert places == {"Jubb al Jarrah"}


def test_an_event_across_the_country_has_no_place() -> None:
    text = (
        "In Jassem in the southern province of Daraa 16 civilians were killed in four air strikes "
        "on Monday. Syrian Army units targeted hideouts of terrorists across the country on "
        "Monday killing dozens of them."
    )
    events = _events(text, date(2015, 2, 3))
    assert [e.evidence.text[:9] for e in events] == ["In Jassem"]


def test_who_struck_across_the_country_strikes_the_towns_named_next() -> None:
    text = (
        "Syrian government air strikes on opposition-held towns across the country killed at "
        "least 44 people on Monday. In Jassem in the southern province of Daraa 16 civilians "
        "were killed in four air strikes."
    )
    events = _events(text, date(2015, 2, 3))
    assert [(e.place.name if e.place else None, e.actor1) for e in events] == [
        ("Jassem", "Military Forces of Syria")
    ]


def test_an_aircraft_shot_down_is_no_air_strike() -> None:
    text = (
        "Two Russian pilots were killed in Syria on Friday after DAESH shot down a helicopter "
        "near Palmyra. The two pilots were flying a Syrian Mi-25 helicopter which was downed "
        "east of Palmyra city on Friday."
    )
    subs = [e.sub_event_type for e in _events(text, date(2016, 7, 10))]
    assert "Air/drone strike" not in subs
    assert "Armed clash" in subs


def test_an_intensified_bombardment_is_a_campaign() -> None:
    text = (
        "The attacks came as Syrian regime forces and Russian jets intensified their "
        "bombardment of Idlib the British-based Syrian Observatory for Human Rights reported."
    )
    assert _events(text, date(2017, 4, 27)) == []


def test_it_was_a_series_of_airstrikes_describes_the_strike_told() -> None:
    text = (
        "Air strikes on Douma killed 12 people on Tuesday the Syrian Observatory for Human "
        'Rights said. "It was a series of airstrikes throughout the day and the death toll may '
        'still rise" the Britain-based group added.'
    )
    events = _events(text, date(2017, 4, 4))
    assert [e.evidence.text[:15] for e in events] == ["Air strikes on "]


def test_an_event_with_no_place_below_the_country_is_not_coded() -> None:
    text = (
        "Turkish warplanes killed nine fighters of the Islamic State group in strikes on "
        "jihadist positions in Syria on Friday a monitor said."
    )
    assert _events(text, date(2015, 7, 24)) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "An attack on a clinic in Aleppo on Monday killed two patients injured eight others "
            "and left the building 50 percent damaged.",
            "Displacement",
        ),
        (
            "After using up all of their ammunition the pilots were leaving the area near Palmyra "
            "on Friday.",
            "Displacement",
        ),
        (
            "The SDF said on social media Monday that its fighters marched about 3 kilometers "
            "from the eastern side of Tabqa.",
            "Peaceful protest",
        ),
        (
            "The Syrian fighter jets in a series of combat sorties on Saturday targeted ISIL "
            "gatherings near Muraiyah.",
            "Armed clash",
        ),
        (
            "Casualties mount in Douma as the regime continues its assault for the tenth day in a "
            "row.",
            "Armed clash",
        ),
    ],
)
def test_words_that_make_no_event_of_their_kind(text: str, absent: str) -> None:
    assert absent not in [e.sub_event_type for e in _events(text, date(2016, 5, 9))]


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES 1926479036, 1926479076, 1924058065: statements about attacks in general
        "Whether it was with a knife or an aircraft any attack on civilians in Aleppo is terrorism "
        "pure and simple the Coalition added.",
        "The Coalition rejected any and all excuses used to justify the bombings in Aleppo "
        "stressing that targeting civilians cannot be justified by fighting terror.",
        "Hadi al-Bahra president of the Syrian Coalition warns that the Assad regime will repeat "
        "such brutal aerial shelling on Raqqa.",
        'Eastern Ghouta is one of several "de-escalation" zones where Russia has brokered deals '
        "to ease the fighting between rebels and the government.",
    ],
)
def test_statements_about_attacks_in_general_are_no_event(text: str) -> None:
    assert _events(text, date(2016, 8, 10)) == []


def test_people_able_to_get_out_are_displaced() -> None:
    # FA-KES 1926479226
    text = "A family of 6 persons has been able to get out of Aleppo eastern countryside on Sunday."
    events = _events(text, date(2016, 11, 21))
    assert [
        (e.sub_event_type, e.place.name if e.place else None, e.event_date) for e in events
    ] == [("Displacement", "Aleppo", date(2016, 11, 20))]


def test_a_video_title_run_into_the_next_sentence() -> None:
    # FA-KES 1924058082: the title is no event, the sentence after it is
    text = (
        "Russian jets drop phosphorus and cluster bombs in Syrias Aleppo - YouTube Russian "
        "warplanes struck Maaret-al-Numan a city south of Idlib with cluster munitions on Tuesday."
    )
    events = _events(text, date(2016, 6, 8))
    assert [(e.sub_event_type, e.place.name if e.place else None, e.actor1) for e in events] == [
        ("Air/drone strike", "Ma`arrat an Nu`man", "Military Forces of Russia")
    ]
    title_only = "The War in Syria Air strikes kill eight White Helmets workers in Hama - YouTube"
    assert _events(title_only, date(2017, 4, 30)) == []


def test_a_health_centre_put_out_of_service_is_infrastructure() -> None:
    # FA-KES 1923102913
    text = (
        "Managed by QRCS the health centre in al-Sakhoor area went out of service due to 50 "
        "percent damage to the building as a result of the bombing on Saturday."
    )
    events = _events(text, date(2016, 10, 3))
    assert ("Infrastructure", "Sakhour") in [
        (e.sub_event_type, e.place.name if e.place else None) for e in events
    ]


def test_a_toll_over_the_past_year_is_a_tally() -> None:
    # FA-KES 1914947538
    text = (
        'The Observatory "has documented the killing of 5812 civilians including 1733 children '
        '969 women and 3110 men in barrel bombings and (other) air raids" over the past year in '
        "Aleppo."
    )
    assert _events(text, date(2015, 2, 22)) == []


def test_a_siege_with_two_words_before_it_is_a_siege() -> None:
    # FA-KES 1923102874
    text = (
        "Eastern Ghouta has been under a devastating government siege since 2012 and is targeted "
        "regularly by air strikes and artillery."
    )
    events = _events(text, date(2017, 4, 4))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Siege", "Eastern Ghouta")
    ]


def test_a_toll_after_a_sentence_without_event_keeps_the_storys_strikes() -> None:
    # FA-KES 1924058053: the air strikes of the story, a quote between, then a town's toll
    text = (
        "In Jassem in the southern province of Daraa 16 civilians were killed in four air strikes "
        "on Monday. The monitor gave no further details. Defector killed At Khan Sheikhun in the "
        "northwestern province of Idlib 15 people were killed including a former army officer who "
        "had defected from loyalist ranks to join opposition forces the observatory said."
    )
    events = _events(text, date(2015, 2, 3))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Air/drone strike", "Jassem"),
        ("Air/drone strike", "Khan Sheikhoun"),
    ]


def test_an_unnamed_village_is_not_the_storys_place() -> None:
    # FA-KES 1924058100
    text = (
        "A shell struck a school in Deraa on Tuesday. At least 10 people were also killed and "
        "another 20 wounded when a DAESH suicide bomber blew himself up in a village in northern "
        "Syria in the early hours of Tuesday the SOHR said."
    )
    events = _events(text, date(2016, 10, 11))
    assert "Suicide bomb" not in [e.sub_event_type for e in events]
