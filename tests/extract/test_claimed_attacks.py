"""A group that claims an attack is the attacker of the story's bombings that name none, told
before the claim or after it; "no group has claimed" names nobody.

Sentences from bundled FA-KES articles (samples/fakes_dev.csv, development splits).
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.extract.claimed import claimant


def test_a_claim_before_the_bombing_names_its_attacker() -> None:
    text = (
        "A twin bombing struck a crowd in a predominantly Kurdish town in northern Syria on "
        "Wednesday killing 44 people and wounding dozens more Syrias state-run news agency and "
        "Kurdish media reported. The Daesh group claimed responsibility for the attack. Media "
        "reports said a truck loaded with large quantities of explosives blew up on the western "
        "edge of the town of Qamishli followed by an explosives-packed motorcycle a few minutes "
        "later in the same area."
    )
    events = events_of(text, date(2016, 7, 27), "dailysabah")
    bombing = next(e for e in events if e.location == "Qamishli")
    assert bombing.sub_event_type == "Remote explosive/landmine/IED"
    assert bombing.actor1 == "Islamic State"


def test_a_claim_in_the_lead_names_the_attacker_of_the_blast_told_next() -> None:
    text = (
        "The Islamic State (ISIS Daesh ISIL IS) terrorist group on Monday claimed "
        "responsibility for a suicide bombing that killed more than 30 Syrian rebel fighters in "
        "a blast near the Turkish border. The blast on Sunday night struck the Atme border "
        "crossing between Turkey and the northern Syrian province of Idlib according to the "
        "Syrian Observatory for Human Rights."
    )
    events = events_of(text, date(2016, 8, 15), "alalam")
    blast = next(e for e in events if e.event_date == date(2016, 8, 14))
    assert blast.actor1 == "Islamic State"


def test_nobody_claiming_an_attack_names_no_attacker() -> None:
    text = "No group has claimed responsibility for the attack so far."
    assert claimant(text, "Syrian rebels") is None
    assert claimant("The Daesh group claimed responsibility for the attack.", "Islamic State") == (
        "Islamic State"
    )


def test_a_group_that_admits_using_a_weapon_is_the_attacker_of_the_shelling_told_next() -> None:
    text = (
        "The Jaysh al-Islam militant group fighting government forces in Syria has admitted to "
        "using forbidden weapons against Kurdish militia in Aleppo. The groups statement comes "
        "after reports of chemical gas being used in shelling Aleppos Sheikh Maqsood district "
        "according to RT."
    )
    events = events_of(text, date(2016, 4, 8), "rt")
    shelling = next(e for e in events if e.location == "Sheikh Maqsoud")
    assert shelling.actor1 == "Syrian rebels"


def test_a_terrorist_attack_label_names_the_attacker_of_the_bombs_told_next() -> None:
    # GUIDELINE_EXTENSIONS.md: state media's unnamed "terrorist" bombing is Syrian rebels
    text = (
        "A double terrorist attack in the western Syrian city of Homs has claimed the lives of "
        "18 civilians including 10 children Lebanese TV channel Al-Mayadin reported. According "
        "to earlier media reports two car bombs went off near the Akrameh al-Makhzumi school and "
        "the Zaim hospital in the citys Akrameh region."
    )
    events = events_of(text, date(2014, 10, 1), "sputnik")
    bombing = next(e for e in events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert bombing.actor1 == "Syrian rebels"
