"""Summaries of a group's fate, of the war or of months gone by are background, not events
(frontline/extract/clauses.py); a "not" inside a relative clause denies that clause's verb only.

Sentences are from bundled FA-KES dev articles (samples/fakes_dev.csv).
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "t")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # FA-KES 1965495348 (batch F): the fate of a town's Christians over the years
        (
            "Daesh executed 128 residents of the town of Al-Qaryatayn. Many of the towns Catholic "
            "and Orthodox Christian minorities have been abducted or killed or have fled the area "
            "reducing the Christian population from 2000 to a few hundred.",
            date(2017, 10, 23),
        ),
        # FA-KES 1923848317: the war's toll and its refugees
        (
            "More than 146000 people have died in Syrias three-year war and nearly half the "
            "countrys population have fled their homes.",
            date(2014, 3, 30),
        ),
        # FA-KES 1918150027: evacuations over months
        (
            "Thousands of Syrians have been evacuated from besieged areas in recent months "
            "under deals between Bashar al-Assads regime and rebels fighting for six years.",
            date(2017, 4, 18),
        ),
        # FA-KES 1923102948 (batch D): a tally of recent days
        (
            "Deir Ez-Zor province links the IS group stronghold of Raqqa to their territory in "
            "neighbouring Iraq. Syrian government forces backed by Russia are currently "
            "attempting to drive militant "
            "groups out of their Syrian strongholds however dozens of civilians have been killed "
            "in this effort in recent days.",
            date(2016, 6, 27),
        ),
        # FA-KES 1924058210: attacks over a week
        (
            "Civil-defense units reportedly rushed to the scene of the attacks in Eastern Ghouta. "
            "Over the course of the past week regime forces have carried out repeated attacks on "
            "the district leaving dozens of civilian residents dead or injured.",
            date(2017, 11, 6),
        ),
        # FA-KES 1923848295 (batch F): the war in Iraq
        (
            "The FSA officers executed by the jihadists had been kidnapped in Hafez the "
            "Britain-based Observatory said. "
            "ISIL has been battling Iraqi government forces since June 9 when in launched a "
            "lightening offensive in the north of the country.",
            date(2014, 6, 17),
        ),
        # FA-KES 1962495635 (batch B): months of calm, then "latest attacks"
        (
            "The coastal cities of Latakia and Tartous in recent months were a safe haven for "
            "Syrian residents however latest attacks have made many people flee the areas.",
            date(2013, 8, 12),
        ),
    ],
)
def test_summaries_are_no_events(text: str, published: date) -> None:
    summary = text.split(". ")[-1]
    assert [e for e in _events(text, published) if summary[:40] in e.evidence.text] == []


def test_a_toll_with_its_own_day_stays_an_event() -> None:
    # FA-KES 1918150030 (dev): "Dozens of people have been killed" is told with its day
    text = (
        "Dozens of people have been killed in Syrias northern Idlib province on Tuesday in a "
        "suspected chemical attack that has been described as among the worst in the countrys "
        "six-year war."
    )
    assert [e.sub_event_type for e in _events(text, date(2017, 4, 4))] == ["Chemical weapon"]


def test_a_not_in_a_relative_clause_leaves_the_main_verb() -> None:
    # FA-KES 1962495635 (batch B): the civilians not kidnapped did flee
    text = (
        "Rebels attacked Alawite villages in the Latakia countryside on Sunday. Those civilians "
        "who were not kidnapped have fled and are hiding in the forests around the villages."
    )
    fled = [e for e in _events(text, date(2013, 8, 12)) if e.sub_event_type == "Displacement"]
    assert len(fled) == 1


def test_an_event_set_in_time_by_came_as_is_not_told_again() -> None:
    # FA-KES 1919191770 (dev): "The blast" is the Salaheddin bombing the title announced; the
    # opening sentence only sets it in time
    text = (
        "The blast happened as the regime and opposition resumed population exchanges four days "
        "after a deadly attack on a convoy of evacuees forced both sides to suspend the deal. A "
        "bomb killed six people and wounded more than 30 in Syrias second city Aleppo on "
        "Wednesday the Assad regimes official television channel reported. The blast hit the "
        "southwestern neighbourhood of Salaheddin which was on the front line between opposition "
        "and regime-held sectors."
    )
    events = _events(text, date(2017, 4, 19))
    assert [e for e in events if e.evidence.text.startswith("The blast happened")] == []
    assert any(e.evidence.text.startswith("A bomb killed six") for e in events)


def test_what_came_as_an_event_is_news() -> None:
    # FA-KES 1923848213: the car bomb after "The strikes came as" is an event of its own
    text = (
        "The strikes came as a car bomb wounded at least 37 people including children in a "
        "government-controlled neighbourhood in the central city of Homs."
    )
    kinds = [e.sub_event_type for e in _events(text, date(2014, 10, 29))]
    assert "Remote explosive/landmine/IED" in kinds
    assert "Air/drone strike" not in kinds


def test_what_a_group_stands_for_is_no_event() -> None:
    # FA-KES 1965495348 (batch F): the committee's support for protest says who it is
    text = (
        "But in that three-week period Daesh executed 128 residents of the town of "
        "Al-Qaryatayn. "
        "The Palmyra Coordination Committee a local group that supports protest and resistance "
        "against the Syrian government reported that at least 35 of the slain were found with "
        "their bodies dumped in a mine shaft."
    )
    kinds = [e.sub_event_type for e in _events(text, date(2017, 10, 23))]
    assert "Peaceful protest" not in kinds
