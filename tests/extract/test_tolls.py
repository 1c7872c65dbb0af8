"""Death tolls: a toll told in the sentence after its event belongs to that event; a toll the
sentence itself replaces ("updating an earlier toll of 15") is not added to the new one.

Sentences from bundled FA-KES articles (samples/fakes_dev.csv, development splits) unless
marked as written to the guideline.
"""

from __future__ import annotations

from datetime import date

import pytest
from sentence_events import events_of

from frontline.extract.numbers import find_quantities
from frontline.records import Event


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "x")


def _killed(text: str) -> list[int | float]:
    return [q.value for q in find_quantities(text) if q.kind == "killed"]


def _at(events: list[Event], place: str) -> Event:
    return next(e for e in events if e.location and place in e.location)


def test_a_toll_in_the_next_sentence_is_the_bombings() -> None:
    text = (
        "The Syrian Coalition condemned the bombing that targeted the headquarters of the "
        "Syrian interim government in the town of Azaz in northern Aleppo province. At least "
        "five civilians were killed and many more wounded in the attack."
    )
    assert _at(_events(text, date(2017, 5, 3)), "Azaz").fatalities == 5


def test_a_new_count_after_a_subgroups_verb_is_counted() -> None:
    text = (
        "SANA reporter in Aleppo said that 6 civilians including a woman and two children were "
        "killed and 12 other civilians were injured by rocket shells fired by terrorist groups "
        "on al-Athamiyeh neighborhood in Aleppo city on Tuesday."
    )
    assert [(q.kind, q.value) for q in find_quantities(text)] == [("killed", 6), ("injured", 12)]


def test_a_toll_told_place_by_place_gives_each_place_its_own() -> None:
    text = (
        "Another three people were killed in strikes elsewhere in Syria one in Aleppo province "
        "a second in Damascus province and a third in Busra Al Sham in Daraa province."
    )
    events = _events(text, date(2015, 2, 2))
    assert [e.fatalities for e in events] == [1, 1, 1]
    # written to the guideline: a count before each place is that place's
    text = "Regime air strikes killed 12 people in Douma and five in Arbin on Monday."
    assert [e.fatalities for e in _events(text, date(2015, 2, 2))] == [12, 5]


def test_a_headline_total_copied_beside_a_toll_is_not_added_to_it() -> None:
    from frontline.extract.events import extract_events
    from frontline.records import Document

    text = (
        "At least 57 Civilians killed More than 150 Injured in continued Nusra Front terrorist "
        "attacks on Aleppo Also snipers from Jabhat al-Nusra-linked terrorist groups (Nusra "
        "Front) positioned in Bustan al-Qassr neighborhood opened fire on locals in al-Masharqa "
        "neighborhood leaving two people dead."
    )
    title = "57 Civilians killed 150 Injured in Continued Terrorist Attacks on Aleppo"
    document = Document(
        doc_id="t", text=text, published=date(2016, 4, 29), source="alalam", title=title
    )
    events, _ = extract_events(document)
    assert [e.fatalities for e in events if e.fatalities is not None] == [2]


def test_a_toll_told_after_a_capture_is_not_the_captures() -> None:
    # the dead of the fighting, not of the taking of the villages (gold batch B)
    text = (
        "The army also took villages including Bashkuwi and Sifat while battles raged in "
        "Hardatain and Ratain said the Observatory which tracks the Syrian conflict using "
        "sources on the ground. It added that at least 16 insurgents were killed."
    )
    captures = [e for e in _events(text, date(2015, 2, 18)) if e.territory is not None]
    assert captures
    assert [e.fatalities for e in captures] == [None] * len(captures)


def test_a_toll_with_no_place_after_a_clash_is_the_clashs() -> None:
    text = (
        "On Thursday it mounted a counterattack against government forces along their supply "
        "lines through the desert to the eastern city of Deir Ezzor. At least 128 troops and "
        "militia were killed on Thursday and Friday as the army battled to restore control the "
        "Observatory said."
    )
    event = _at(_events(text, date(2017, 9, 30)), "Deir")
    assert (event.event_date, event.fatalities) == (date(2017, 9, 28), 128)


def test_a_late_toll_goes_to_the_first_named_place_of_a_list() -> None:
    text = (
        "Hama An army unit with a cover from the Syrian Air force clashed with al-Nusra and Jund "
        "al-Aqsa terrorists in al-Tamanaa Skeik and Atshan who tried to attack residential areas "
        "in the direction of Maan 30 km north of Hama city a military source told SANA on "
        "Friday. The attack was foiled and 28 terrorists were killed including one of al-Nusra "
        "leaders in Atshan who is nicknamed Abu Moussa the source confirmed."
    )
    events = [e for e in _events(text, date(2016, 4, 22)) if e.sub_event_type == "Armed clash"]
    assert [e.fatalities for e in events] == [28, None, None]


@pytest.mark.parametrize(
    "second",
    [
        # a war total is background, not the toll of the strike before it
        "The US-Russia truce deal had been billed as the best chance to put an end to more than "
        "five years of conflict in which more than 300000 people have been killed.",
        "More than 550 civilians have been killed in the last two months in Syria because of the "
        "attacks carried out by forces of the Syrian regime according to The Syrian Observatory "
        "for Human Rights.",
        # written to the guideline: the lead's toll said again
        "22 people were killed during the airstrikes.",
    ],
)
def test_a_total_or_a_repeated_toll_is_not_carried_back(second: str) -> None:
    first = "At least 22 people were killed in air strikes on Idlib on Sunday. "
    strike = "Warplanes struck the town of Salqin in Idlib province on Monday. "
    events = _events(first + strike + second, date(2016, 9, 20))
    assert _at(events, "Salqin").fatalities is None


def test_a_second_report_of_a_tolled_strike_is_not_added_to_a_clash() -> None:
    text = (
        "Airstrikes on Daesh-held villages near Manbij killed at least 85 civilians on Tuesday "
        "as intense fighting was underway between the militants and U.S-backed fighters. The "
        "Britain-based Syrian Observatory for Human Rights said at least 56 civilians including "
        "11 children were killed in the strikes on the villages which also wounded dozens."
    )
    tolls = sorted(e.fatalities or 0 for e in _events(text, date(2016, 7, 19)))
    assert tolls[-1] == 85 and 56 not in tolls


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack killed 32 rebels as they were entering Turkey the Britain-based "
            "Observatory said updating an earlier toll on Sunday evening of 15.",
            [32],
        ),
        (
            '"The toll from regime air raids on Douma has risen to 42 dead including seven '
            'children and two women" said the Syrian Observatory for Human Rights which on '
            "Thursday had given a death toll of 17.",
            [42],
        ),
        # an initial toll that nothing replaces is still the toll
        (
            "The Syrian Observatory for Human Rights reported the airstrikes on Saturday with an "
            "initial death toll of 47.",
            [47],
        ),
    ],
)
def test_a_replaced_toll_is_not_counted(text: str, expected: list[int]) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word between the verb and its count
        (
            "Air raids in the town of Maarat al-Numan about 30 km (20 miles) south of Idlib killed "
            "another six people the Observatory said.",
            [6],
        ),
        (
            "According to official Syrian military spokesperson the Syrian Armed Forces killed "
            "a confirmed 33 militants on Sunday including 10 foreign members of Jabhat Fateh "
            "Al-Sham.",
            [33],
        ),
        (
            "The Observatory added that ISIL executed the 19 men on charges of corruption on "
            "earth.",
            [19],
        ),
        # the passive verb of a long subject
        (
            "At least 86 members of Syrian government forces and its allies who include members "
            "of the Lebanese group Hizbollah and other Iranian-backed militias were killed in "
            "fighting in the south Aleppo area in the past four days the observatory said.",
            [86],
        ),
        # a count of families is no count of people and does not stand in the way
        (
            "Six civilians from one family were killed in airstrikes on the town of Atareb west "
            "of Aleppo on Saturday.",
            [6],
        ),
        # a headline run into the lead: the same count said twice
        (
            "29 rebels dead in Syria premature car bomb blast NGO AFP Sunday 6 Apr 2014 At least "
            "29 rebels died in a blast in the city of Homs in central Syria on Sunday as they "
            "primed a car bomb for an attack an NGO said.",
            [29],
        ),
        (
            "Troops kill 10 children - Meanwhile the Observatory said 10 children and 13 rebels "
            "were among 48 people executed by government forces in the northern village of "
            "Rityan earlier this week.",
            [48],
        ),
        # written to the guideline: two equal counts of different people are two counts
        ("The clashes killed 5 soldiers and 5 rebels.", [5, 5]),
        # a headline run into the lead, its count naming no people: the same count twice
        (
            "After Kurdish militia expelled jihadists in Ras al-Ain last month Al-Qaeda counters "
            "by killing 17 and sending residents pouring into Turkey AFP Saturday 17 Aug 2013 "
            "Al-Qaeda loyalists attacked a mainly Kurdish town in northeastern Syria sparking "
            "fighting in which 17 people were killed two of them ambulance crew a watchdog said "
            "on Saturday.",
            [17],
        ),
        # a count later in a subgroup's list is part of the toll before it
        (
            "SANA reporter in Aleppo said that 6 civilians including a woman and two children "
            "were killed and 12 other civilians were injured by rocket shells fired by terrorist "
            "groups on al-Athamiyeh neighborhood in Aleppo city on Tuesday.",
            [6],
        ),
        # "claiming" right before a number counts the dead
        (
            "A terrorist car bomb rocked Masaken Barzeh neighborhood in Damascus city on Tuesday "
            "claiming eight and injuring 14 citizens according to Al-Manar reporter.",
            [8],
        ),
        # a headline's "killed More than 150 Injured": the kind right after the number wins
        (
            "At least 57 Civilians killed More than 150 Injured in continued Nusra Front "
            "terrorist attacks on Aleppo Terrorists targeted al-Razi Hospital with rocket shells "
            "and fired others on al-Jamiliyeh and al-Mohafaza (governorate) neighborhoods leaving "
            "4 people dead and 38 others injured.",
            [57, 4],
        ),
        # two counts joined by "and" share the verb after the second
        (
            "The opposing Britain-based Syrian Observatory for Human Rights said 19 fighters from "
            "the group and four civilians were killed in the blast in the Sukari district of the "
            "city.",
            [19, 4],
        ),
        # a second source's figure for the same dead is an estimate, not more dead
        (
            "The Observatory said government airstrikes and shelling on opposition areas in "
            "Aleppo city and the surrounding countryside killed 40 civilians Saturday while the "
            "Local Coordination Committees put the toll in opposition areas at 45 dead.",
            [40],
        ),
    ],
)
def test_which_numbers_are_death_counts(text: str, expected: list[int]) -> None:
    assert _killed(text) == expected


ALEPPO_FRIDAY = (
    "Activists said that at least 20 civilians including children were killed and many more "
    "wounded in intensifying aerial bombing of Aleppo on Friday by regime and Russian forces. "
)


def test_more_victims_of_the_same_event_are_added_to_its_toll() -> None:
    text = ALEPPO_FRIDAY + (
        "Three more civilians were killed and around 15 others were injured on Friday evening "
        "in a barrel bomb attack by the Assad regime."
    )
    assert _at(_events(text, date(2016, 4, 23)), "Aleppo").fatalities == 23


def test_a_second_toll_of_the_same_event_is_not_added() -> None:
    # written to the guideline: a second figure for the same bombing is no further victims
    text = ALEPPO_FRIDAY + (
        "The Observatory said 25 civilians were killed in the aerial bombing of Aleppo on Friday."
    )
    assert _at(_events(text, date(2016, 4, 23)), "Aleppo").fatalities == 20


QAMISHLI = (
    "A twin bombing struck a crowd in a predominantly Kurdish town in northern Syria on "
    "Wednesday killing 44 people and wounding dozens more Syrias state-run news agency and "
    "Kurdish media reported. The Daesh group claimed responsibility for the attack. Media "
    "reports said a truck loaded with large quantities of explosives blew up on the western "
    "edge of the town of Qamishli followed by an explosives-packed motorcycle a few minutes "
    "later in the same area."
)


def test_the_toll_of_a_bombing_at_an_unnamed_town_goes_to_the_town_named_next() -> None:
    assert _at(_events(QAMISHLI, date(2016, 7, 27)), "Qamishli").fatalities == 44


def test_the_toll_of_an_unnamed_town_goes_to_one_named_place_only() -> None:
    # written to the guideline: a second bombing elsewhere is no second home for the toll
    text = QAMISHLI + " Another car bomb blew up in the town of Hasakeh."
    events = _events(text, date(2016, 7, 27))
    assert [e.fatalities for e in events if e.fatalities] == [44]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Syrian soldiers stormed Nusra Fronts strongholds in al-Rastan in Northern Homs "
            "killing Amin Sameer al-Ruz Aka Abu Malik a field commander of the group and eight "
            "more militants",
            [9],
        ),
        # written to the guideline
        ("The strike killed a commander and five other fighters.", [6]),
        # a count before the others is a count of its own, not one named victim
        ("The raids killing nine children and 14 others local activists said.", [9, 14]),
    ],
)
def test_a_named_victim_and_n_more_is_n_plus_one(text: str, expected: list[int]) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"A woman and her three children as well as another child were killed when '
            "helicopters dropped a barrel bomb on the village of Taduf",
            [("killed", 5)],
        ),
        # written to the guideline
        ("Five women and a child were killed in the strike.", [("killed", 6)]),
        ("The shells killed two women and a man in Douma.", [("killed", 3)]),
        ("A child and 37 others were injured.", [("injured", 38)]),
    ],
)
def test_one_person_named_beside_a_count_adds_one(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Arab Israeli teenage son of a defence ministry contractor was killed on the Golan "
            "on Sunday when a blast hit the car he was travelling in with his father.",
            [("killed", 1)],
        ),
        (
            "A source at Aleppo Police Command told SANAs correspondent that terrorists located "
            "in the eastern neighborhoods of Aleppo fired a number of rocket shells at "
            "residential neighborhoods in the city claiming the life of a woman and injuring 19 "
            "in the neighborhoods of Bab al-Faraj al-Ismailiya.",
            [("injured", 19), ("killed", 1)],
        ),
        # written to the guideline: a number of victims is no victim told alone
        ("The strike killed a number of militants.", []),
        ("A car bomb killed two soldiers and a civilian.", [("killed", 3)]),
    ],
)
def test_one_victim_told_without_a_number_is_a_toll_of_one(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jeish al-Fatah coalition of terrorist groups has lost over one hundred militants in "
            "the battle against the Syrian Army troops and NDF in al Mallah Farms.",
            [("killed", 100)],
        ),
        # written to the guideline: places, arms and shares lost are no dead
        ("The rebels lost 3 villages and two tanks.", [("places", 3)]),
        ("IS lost 20 percent of its territory.", [("percent", 20)]),
    ],
)
def test_fighters_lost_are_dead(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive toll, then others who are no victims
        (
            "At least 86 people were killed early on Tuesday in rebel-held Khan Sheikhoun and "
            "dozens more have received treatment for convulsions.",
            [("killed", 86)],
        ),
        (
            "At least two children are reported to have died from malnourishment in recent weeks "
            "and more than 1100 other children are reportedly suffering acute malnutrition.",
            [("killed", 2)],
        ),
        # ages are no victims, nor is the number that opens their range
        (
            "A medical source told SANA reporter that eight students between 7 and 12 years old "
            "were killed and another 27 students and a female teacher were injured.",
            [("killed", 8), ("injured", 28)],
        ),
    ],
)
def test_counts_that_are_no_victims_of_the_toll(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "second",
    [
        "The monitor had initially given a death toll of 34 civilians but the number spiked "
        "after more bodies were recovered.",
        "Separately two pro-Turkey Syria militants were killed and two others sustained "
        "injuries in clashes in the same region the Turkish army said.",
        "Estimates of the death toll in the three weeks of operations vary from 10000 to more "
        "than 30000.",
    ],
)
def test_a_replaced_toll_an_estimate_or_another_event_is_not_carried_back(second: str) -> None:
    # written to the guideline, after sentences of the FA-KES corpus
    first = "Warplanes struck the village of Al-Shafah in Deir Ezzor province on Monday. "
    events = _events(first + second, date(2017, 5, 30))
    assert [e.fatalities for e in events if e.sub_event_type == "Air/drone strike"] == [None]


def test_victims_listed_one_by_one_are_counted() -> None:
    text = (
        "The continued terrorist attacks resulted in killing a man and a woman and caused "
        "material damage to public and private properties."
    )
    assert _killed(text) == [2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short aside in brackets does not end the clause
        (
            "At least 23 ISIS (Daesh) militants have been killed by Turkish artillery fire and US "
            "airstrikes in northern Syria a Turkish broadcaster claims.",
            [23],
        ),
        ("leading to the death of eight and the injury of 89 according to Syria TV.", [8]),
        (
            "A jihadist group in Syria has publicly executed and crucified nine men eight of them "
            "rebels fighting both the regime and the jihadists.",
            [9],
        ),
        (
            "Al-Nusra Front claimed responsibility for attacks in which at least 30 Alawites "
            "including several women children and elderly men were shot dead in cold blood.",
            [30],
        ),
        (
            "The Syrian army gave a heavy blow to the so-called Islam Brigade in rural Damascus "
            "killing one of its commanders Qasim Halabouni in Qalamun region.",
            [1],
        ),
        (
            "terrorists fired rocket shells on al-Meridian neighborhood in Aleppo city claiming "
            "the lives of a man and his wife after their house was toppled.",
            [2],
        ),
    ],
)
def test_more_ways_of_telling_a_death_count(text: str, expected: list[int]) -> None:
    assert _killed(text) == expected


def test_a_headline_total_told_as_part_of_a_joint_toll_stays_in_it() -> None:
    # the headline's 120 is one part of the body's toll, not a total copied beside it
    from frontline.extract.numbers import find_quantities
    from frontline.extract.tolls import killed_values, without_totals

    title = "Russian forces kill 120 ISIS fighters over 60 foreign mercenaries in Syria"
    body = (
        "Some 120 ISIS fighters and 60 foreign mercenaries were killed in a series of Russian "
        "air strikes in Syria over the past 24 hours the defense ministry in Moscow said."
    )
    counts = without_totals(find_quantities(body), killed_values(title))
    assert sorted(q.value for q in counts if q.kind == "killed") == [60, 120]
