"""Dates when splitting: claims that know the day stay with the day they tell, and a vague
claim dated by its article attaches only to an event of the week before it.

Real claims: the Hass school strikes of 26 October 2016 (Idlib) beside an AFP summary of the
week's bombardment, and the Midan police-station bombing of 2 October 2017 (Damascus) beside
a report two weeks later that "Damascus has been shaken by two bomb attacks in recent weeks".
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta

from fuse_fakes import read_and_fused, read_documents

from frontline.fuse import fuse_claims
from frontline.fuse.cluster import actors_agree
from frontline.fuse.rules import default_rules
from frontline.records import Event, FusedEvent

HASS = ("1923848283", "1923848285", "1924058095", "1924058188", "1926479043", "1923102891")
MIDAN = ("1923102965", "1923102970", "1924058110", "1965495340", "1923848256")


def _claim(events: tuple[Event, ...], doc_id: str, words: str) -> Event:
    found = [e for e in events if e.doc_id == doc_id and words in e.evidence.text]
    assert found, f"no claim of {doc_id} says {words!r}"
    return found[0]


def _event_of(fused: tuple[FusedEvent, ...], claim: Event) -> FusedEvent:
    return next(f for f in fused if claim.event_id in f.members)


def test_a_claim_of_another_known_day_stays_out_of_an_event_of_week_dated_reports() -> None:
    events, fused = read_and_fused(HASS)
    strike = _event_of(fused, _claim(events, "1926479043", "town of Hass"))
    assert strike.event_date == date(2016, 10, 26)
    # "Since Thursday bombardment has killed 44 civilians": the extractor dates it to the
    # Thursday, six days before; week-dated reports of Hass are within its reach
    summary = _claim(events, "1923848285", "Since Thursday")
    assert summary.event_date == date(2016, 10, 20)
    assert summary.event_id not in strike.members
    # since 86b32e0 the tally counted from the Thursday is dated by the week (precision 2,
    # was 1); fused as a claim of that known day, it stays out too
    known = dataclasses.replace(summary, time_precision=1)
    events = tuple(known if e.event_id == known.event_id else e for e in events)
    fused = tuple(fuse_claims(events))
    strike = _event_of(fused, _claim(events, "1926479043", "town of Hass"))
    assert strike.event_date == date(2016, 10, 26)
    assert known.event_id not in strike.members
    # while the reports of the strike, by the day or by the week, are one event
    for doc_id, words in (("1924058095", "six strikes"), ("1923848283", "Haas village")):
        assert _claim(events, doc_id, words).event_id in strike.members


def test_a_vague_claim_attaches_only_to_an_event_of_the_week_before_its_date() -> None:
    events, fused = read_and_fused(MIDAN)
    bombing = _event_of(fused, _claim(events, "1924058110", "Midan"))
    assert bombing.event_date == date(2017, 10, 2)
    later = _claim(events, "1923102970", "recent weeks")
    assert later.time_precision == 2 and later.event_date is not None
    assert (later.event_date - date(2017, 10, 2)).days > 7
    assert later.event_id not in bombing.members


MAYADIN = (
    "1923848258",
    "1924058109",
    "1926478973",
    "1924058070",
    "1923848259",
    "1965495342",
    "1965495344",
    "1965495345",
)


def test_a_vague_claim_with_a_far_other_toll_stays_out_of_the_event() -> None:
    events, fused = read_and_fused(MAYADIN)
    # Russian strikes on the rafts near Mayadeen, 5 October 2017: 14 civilians killed
    rafts = _event_of(fused, _claim(events, "1924058109", "at least 14 civilians"))
    assert _claim(events, "1924058070", "Thursday night").event_id in rafts.members
    # "120 ISIS fighters and 60 foreign mercenaries were killed" in the area of Mayadeen two
    # days later: a place as vague, a week as wide, but a toll far above twice the strike's
    # (both counts are the dead: 180 since 4c1d4b8, 60 before; either is far from 14)
    mercenaries = _claim(events, "1926478973", "60 foreign mercenaries")
    assert mercenaries.fatalities == 120 + 60
    assert mercenaries.event_id not in rafts.members


def test_a_vague_claim_naming_another_attacker_stays_out_of_the_event() -> None:
    events, fused = read_and_fused(MAYADIN)
    rafts = _event_of(fused, _claim(events, "1924058109", "at least 14 civilians"))
    assert {e.actor1 for e in events if e.event_id in rafts.members} - {None} == {
        "Military Forces of Russia"
    }
    # "At least 12 civilians ... killed in US-led coalition strikes" in Deir ez-Zor province
    coalition = _claim(events, "1965495342", "At least 12 civilians")
    assert coalition.actor1 == "US-led coalition" and coalition.fatalities == 12
    assert coalition.event_id not in rafts.members


def test_a_vague_claim_joins_only_an_event_of_its_kind() -> None:
    events, fused = read_and_fused(MAYADIN)
    rafts = _event_of(fused, _claim(events, "1924058109", "at least 14 civilians"))
    # "15 civilians killed by a missile" in the city of Deir el-Zour the next day: the toll is
    # close and shelling and air strikes are one sub-type group (specific claims may meet),
    # but a vague missile strike does not join an air strike
    missile = _claim(events, "1923848259", "15 civilians")
    assert missile.sub_event_type == "Shelling/artillery/missile attack"
    assert missile.event_id not in rafts.members


def test_vague_claims_left_over_group_only_with_their_kind() -> None:
    events, fused = read_and_fused(("1923102970", "1923848256"))
    # "Damascus has been largely spared ... but has been shaken by two bomb attacks in recent
    # weeks", dated to the week of Sunday's shelling of the city: both vague, one day
    summary = _claim(events, "1923848256", "largely spared")
    assert summary.sub_event_type == "Remote explosive/landmine/IED"
    shelling = _claim(events, "1923848256", "Shelling on the central district")
    assert summary.event_date == shelling.event_date
    assert summary.event_id not in _event_of(fused, shelling).members
    with_it = _event_of(fused, summary).members
    assert {e.sub_event_type for e in events if e.event_id in with_it} == {summary.sub_event_type}


AL_BAB = ("1915433687", "1923848183", "1923848187", "1923848188", "1924058050", "1924058051")


def test_a_vague_toll_is_weighed_against_the_specific_reports_only() -> None:
    extracted, _ = read_and_fused(AL_BAB)
    # al-Bab, July 2015: "57 killed" in the town's reports; "since Saturday at least 68"
    # (vague: the governorate) is within a factor of 2 of 57 and attaches when dated, as it
    # once was, to the week of its article (the extractor now dates it to the Saturday, two
    # days before the 57 were told, and it stays out)
    since = [e for e in extracted if "Since Saturday at least 68" in e.evidence.text]
    assert since and all(e.fatalities == 68 for e in since)
    events = tuple(
        dataclasses.replace(e, event_date=read_documents()[e.doc_id].published, time_precision=2)
        if e in since
        else e
        for e in extracted
    )
    fused = tuple(fuse_claims(events))
    strike = _event_of(fused, _claim(events, "1923848187", "stepped up air attacks"))
    assert strike.fatalities_high == 68
    # "since July 11 ... 136 killed" across the province is within a factor of 2 of the 68
    # attached before it, but not of anything the specific reports state
    province = _claim(events, "1923848183", "Since July 11")
    assert province.fatalities == 136
    assert province.event_id not in strike.members


def test_the_report_most_others_agree_with_founds_the_event() -> None:
    events, fused = read_and_fused((*HASS, "1923102889"))
    # Hass, 26 October 2016: "airstrikes by the Assad regime and Russia air forces" and the
    # Observatory's "warplanes either Russia or Syrian carried out six strikes" are one strike;
    # a tweet read as the night before (Kafr Takharim, 6 killed, Russian jets, rebels hit)
    # must not found the event and push the regime-worded reports into another
    regime = _claim(events, "1926479043", "town of Hass")
    observatory = _claim(events, "1924058095", "six strikes")
    strike = _event_of(fused, regime)
    assert observatory.event_id in strike.members
    # and it is the event that holds the most of the strike reports placed in Hass
    hass = [
        e
        for e in events
        if e.place is not None
        and e.place.name == "Hassef"
        and e.event_type == "Explosions/Remote violence"
    ]
    held = Counter(f.fused_id for f in fused for e in hass if e.event_id in f.members)
    assert held[strike.fused_id] == max(held.values())


KHAN_SHEIKHOUN = (
    "1918150026",
    "1918150027",
    "1918150030",
    "1919191759",
    "1923102866",
    "1923102874",
    "1923102878",
    "1923848141",
    "1923848144",
    "1924058036",
    "1924058142",
    "1924058148",
    "1926479006",
    "1926479033",
    "1926479106",
    "1926479327",
    "1965495383",
    "1965495387",
)


def test_a_vague_report_does_not_attach_to_an_event_told_days_after_it() -> None:
    events, fused = read_and_fused(KHAN_SHEIKHOUN)
    # "the attack was likely carried out by government warplanes", in an article of 5 April:
    # the gas attack of the 4th, not the US missile strikes of Friday the 7th on the air base
    # they came from, which the extractor also places at Khan Sheikhoun
    warplanes = _claim(events, "1924058036", "likely carried out by government warplanes")
    assert warplanes.event_date == date(2017, 4, 5)
    # the sentence tells no day; since 88e9c90 the eyewitness's "We heard strikes this
    # morning" after it is read as prose and merged into it, giving it the article's day:
    # also fuse it as the sentence tells it, dated by its article's week
    assert warplanes.event_id in _event_of(fused, _claim(events, "1926479033", "Khan")).members
    warplanes = dataclasses.replace(warplanes, time_precision=2)
    events = tuple(warplanes if e.event_id == warplanes.event_id else e for e in events)
    fused = tuple(fuse_claims(events))
    retaliation = _event_of(fused, _claim(events, "1923102878", "first direct military action"))
    assert retaliation.event_date == date(2017, 4, 7)
    assert warplanes.event_id not in retaliation.members
    gas = _event_of(fused, _claim(events, "1926479033", "Khan Sheikhoun"))
    assert gas.event_date == date(2017, 4, 4)
    assert warplanes.event_id in gas.members


def test_a_chemical_attack_told_two_weeks_later_is_the_same_attack() -> None:
    events, fused = read_and_fused(KHAN_SHEIKHOUN)
    gas = _event_of(fused, _claim(events, "1926479033", "Khan Sheikhoun"))
    assert gas.event_date == date(2017, 4, 4)
    # "the OPCW said last week that incontrovertible test results showed sarin gas ... had
    # been used in Khan Sheikhun", in an article of 18 April dated by it
    opcw = _claim(events, "1923102866", "incontrovertible")
    assert opcw.sub_event_type == "Chemical weapon" and opcw.time_precision == 2
    assert opcw.event_date == date(2017, 4, 18)
    assert opcw.event_id in gas.members


def test_two_chemical_attacks_on_known_days_weeks_apart_stay_two() -> None:
    events, _ = read_and_fused(KHAN_SHEIKHOUN)
    first = _claim(events, "1926479033", "Khan Sheikhoun")
    assert first.sub_event_type == "Chemical weapon" and first.event_date is not None
    assert first.time_precision == 1
    later = dataclasses.replace(
        first,
        event_id=first.event_id + "-later",
        doc_id="later",
        event_date=first.event_date + timedelta(days=20),
    )
    fused = fuse_claims([first, later])
    assert len(fused) == 2
    week = dataclasses.replace(later, time_precision=2)
    assert len(fuse_claims([first, week])) == 1


def test_a_toll_far_below_one_told_days_before_is_another_strike() -> None:
    events, fused = read_and_fused(AL_BAB)
    # al-Bab, July 2015: "killing at least 57 civilians when it dropped container bombs", in
    # articles of the 12th; "At least 11 civilians including three children were killed in
    # regime barrel bomb attacks in the town of al-Bab", on the 16th: tolls are revised
    # upwards, so the 11 are another day's barrel bombs
    containers = _claim(events, "1923848187", "stepped up air attacks")
    barrels = _claim(events, "1915433687", "At least 11 civilians")
    assert containers.fatalities == 57 and barrels.fatalities == 11
    assert containers.event_date is not None and barrels.event_date is not None
    assert (barrels.event_date - containers.event_date).days > 1
    assert barrels.event_id not in _event_of(fused, containers).members


def test_a_strike_told_as_by_syrian_jets_and_as_by_russian_jets_is_one_strike() -> None:
    events, fused = read_and_fused((*HASS, "1923102889"))
    # Hass, 26 October 2016: "Airstrikes by the Assad regime and Russia air forces" (coded
    # Syrian) and "The raids hit Hass around 1130 am", in a report whose tweet names Russian
    # jets and rebels hit: the press names either air force for one strike
    regime = _claim(events, "1926479043", "town of Hass")
    raids = _claim(events, "1924058095", "raids hit Hass")
    assert regime.actor1 == "Military Forces of Syria"
    assert raids.event_id in _event_of(fused, regime).members
    # the raids took Russia from the article's earlier "warplanes either Russia or Syrian"
    # until c180938/57197a1; that sentence leaves them open now: code them Russian, as
    # another report does ("six air raids by suspected Russian jets hit Haas"), to fuse a
    # Russian telling with the Syrian one
    assert raids.actor1 is None
    russian = dataclasses.replace(raids, actor1="Military Forces of Russia")
    events = tuple(russian if e.event_id == russian.event_id else e for e in events)
    fused = tuple(fuse_claims(events))
    assert regime.actor2 != russian.actor2
    assert russian.event_id in _event_of(fused, regime).members
    rules = default_rules()
    assert actors_agree(regime, russian, rules) and not actors_agree(regime, russian)
    coalition = dataclasses.replace(russian, actor1="US-led coalition")
    assert not actors_agree(regime, coalition, rules)


def test_a_week_dated_report_joins_no_event_whose_known_days_are_later() -> None:
    events, fused = read_and_fused(KHAN_SHEIKHOUN)
    # "They claimed the attack was caused by an airstrike carried out either by the regime or
    # Russian warplanes", an article of 4 April (coded with the Syrian military as the
    # victim, so its actors conflict with the gas attack's reports): not the US missile
    # strikes on the air base on Friday the 7th
    claimed = _claim(events, "1918150030", "either by the regime or Russian warplanes")
    assert claimed.time_precision == 2 and claimed.event_date == date(2017, 4, 4)
    retaliation = _event_of(fused, _claim(events, "1923102878", "first direct military action"))
    assert retaliation.event_date == date(2017, 4, 7)
    assert claimed.event_id not in retaliation.members
