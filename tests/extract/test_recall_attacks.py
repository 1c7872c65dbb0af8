"""Attacks told with one side left out: who struck whom is read from the side that is named.

Each text is copied from an article of a development gold set (samples/fakes_dev.csv); the
date given is the article's publication date.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

GOVERNMENT = "Military Forces of Syria"
IS = "Islamic State"
REBELS = "Syrian rebels"


def test_fighters_that_were_hit_with_no_attacker_named_were_hit_by_their_enemy() -> None:
    # batch B, 1962495700 (alalam): state media tell the army's operations from the targets
    events = events_of(
        "A number of gatherings of ISIS terrorists were hit in al-Hawi area and a vehicle "
        "transporting 12 terrorists was destroyed on Mrat road in the eastern countryside of "
        "the province.",
        date(2016, 2, 14),
        "alalam",
        "deir ezzor",
    )
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clashes
    assert {(e.actor1, e.actor2) for e in clashes} == {(GOVERNMENT, IS)}


def test_militants_killed_in_attacks_by_ground_forces_are_fighting_in_each_province() -> None:
    # batch D, 1962495699 (alalam): "the Syrian ground forces" are the army
    events = events_of(
        "On Tuesday at least six Takfiri militants were killed in attacks by the Syrian ground "
        "forces in the provinces of Hama and Idlib.",
        date(2016, 2, 17),
        "alalam",
        "aleppo",
    )
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert sorted(e.location or "" for e in clashes) == ["Hama", "Idlib"]
    assert {(e.actor1, e.actor2) for e in clashes} == {(GOVERNMENT, REBELS)}
    assert {e.event_date for e in clashes} == {date(2016, 2, 16)}


def test_places_targeted_by_a_party_take_the_kind_of_strike_the_story_told_of_it() -> None:
    # batch B, 1915433669 (alaraby): two sentences of the article; the second names places
    # "targeted by Assads troops" and no weapon: the regime's air strikes told before
    events = events_of(
        "Regime aircraft have dropped more than 1000 bombs on the city in at least 150 "
        "airstrikes during the past ten days according to analysts. Other locations targeted "
        "by Assads troops this week in Eastern Ghouta include the towns of Misraba Ayn Tarma "
        "Arbin and Kafr Batna and the al-Wafideen refugee camp.",
        date(2015, 2, 12),
        "alaraby",
        "damascus",
    )
    towns = [e for e in events if e.evidence.text.startswith("Other locations")]
    assert {e.sub_event_type for e in towns} == {"Air/drone strike"}
    assert {e.actor1 for e in towns} == {GOVERNMENT}
    assert {"Misraba", "Kafr Batna"} <= {e.location for e in towns}
    # "this week" with no day is the publication date, precision 2 (GUIDELINE_EXTENSIONS.md)
    assert {(e.event_date, e.time_precision) for e in towns} == {(date(2015, 2, 12), 2)}


def test_fighters_who_attacked_a_checkpoint_fought_the_side_that_held_it() -> None:
    # batch F, 1923848204 (ahram): the dead civilians do not make a checkpoint attack one on
    # civilians
    events = events_of(
        "Elsewhere in Syria rebels attacked a pro-regime militia checkpoint in a majority "
        "Christian area of Homs province killing six civilians and five militiamen the "
        "Observatory said.",
        date(2013, 8, 17),
        "ahram",
        "hasakeh",
    )
    assert [(e.sub_event_type, e.location) for e in events] == [("Armed clash", "Homs")]
    assert (events[0].actor1, events[0].actor2) == (REBELS, GOVERNMENT)


def test_a_group_that_attacked_a_military_post_fought_the_army() -> None:
    # batch G, 1965511181 (manar)
    events = events_of(
        "The Syrian army also struck an ISIL terrorist group mostly foreigners who attacked a "
        "military post at the triangle of al- Rassafe in the western countryside of Raqqa "
        "province according to SANA.",
        date(2016, 6, 16),
        "manar",
        "lattakia",
    )
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert [e.location for e in clashes] == ["Rassafe"]
    assert {clashes[0].actor1, clashes[0].actor2} == {IS, GOVERNMENT}
