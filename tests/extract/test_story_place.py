"""The place a sentence that names none is about: the story's last place, never a place named
only as a bearing (frontline/extract/events.py, ``_story_place``).

Texts are bundled FA-KES articles (samples/fakes_dev.csv) of the development batches.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of


def test_a_town_given_by_its_distance_from_a_city_stays_the_place_of_the_next_sentence() -> None:
    # FA-KES 1965511201 (batch B): "Jubb al-Jarrah area 73 km east of Homs city"; the clash
    # told next, with no place of its own, was in Jubb al-Jarrah, not in Homs
    text = (
        "Later the source said that Army and Armed Forces units in cooperation with popular "
        "defense groups thwarted an infiltration attempt by terrorist groups affiliated with ISIL "
        "from the direction of Oum Suhairij village towards the villages of Maksar al-Hussan "
        "Tuloul al-Hawa al-Sharqiya and Tuloul al-Hawa al-Gharbiya in Jubb al-Jarrah area 73 km "
        "east of Homs city. Army units clashed with the attacking terrorists and targeted them "
        "with precision fire which resulted in destroying a number of their vehicles some of "
        "them equipped with machineguns and killing a number of terrorists while the remaining "
        "terrorists fled towards Oum Suhairij and nearby villages where they are holed up."
    )
    events = events_of(text, date(2016, 4, 22), "sana")
    clash = [e for e in events if e.evidence.text.startswith("Army units clashed")]
    assert [e.location for e in clash] == ["Jubb al Jarrah"]
    assert "Homs" not in {e.location for e in events}


def test_killings_in_an_unnamed_northern_village_are_not_placed_at_the_story_town() -> None:
    # FA-KES 1914947538 (dev): the story is about Qardaha; "in a northern village" is not
    # Qardaha, and the 48 executed are placed where a later sentence names the village (Rityan)
    text = (
        "A suicide bomber driving an ambulance killed four people on Sunday in an unprecedented "
        "attack on a hospital that took Syrias civil war to the ruling Assad clans hometown for "
        "the first time a monitoring group said. The attack came as the Syrian Observatory for "
        "Human Rights reported that troops had executed 48 people earlier this week in a "
        'northern village among them 10 children. "A man drove an ambulance packed with '
        'explosives into the parking of the Qardaha hospital." - Troops kill 10 children - '
        "Meanwhile the Observatory said 10 children and 13 rebels were among 48 people executed "
        "by government forces in the northern village of Rityan earlier this week."
    )
    events = events_of(text, date(2015, 2, 22), "nna", "lattakia")
    executions = [e for e in events if e.sub_event_type == "Attack"]
    assert [(e.location, e.fatalities) for e in executions] == [("Rityan", 48)]


def test_strikes_on_several_unnamed_towns_are_not_placed_at_the_last_town_named() -> None:
    # FA-KES 1923102874 (batch D): the lead names Khan Sheikhun for the gas attack; "several
    # opposition-held towns east of the Syrian capital" are not Khan Sheikhun
    text = (
        "At least 19 people were killed near the Syrian capital on Tuesday including six "
        "children just hours after a suspected chemical gas attack left dozens dead in the Khan "
        "Sheikhun. At least 19 civilians were killed in heavy aerial bombardment of several "
        "opposition-held towns east of the Syrian capital on Tuesday a monitoring group said."
    )
    events = events_of(text, date(2017, 4, 4), "alaraby", "damascus")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert "Khan Sheikhoun" not in {e.location for e in strikes}


def test_the_syrian_capital_named_as_a_bearing_is_not_where_the_story_stays() -> None:
    # FA-KES 1923102849 (dev): "Madaya west of the Syrian capital Damascus"; the funeral the
    # next sentence tells was shelled in Madaya
    text = (
        "Three women from the besieged town of Madaya west of the Syrian capital Damascus were "
        "killed after being hit by artillery shells while attending a funeral on Thursday "
        'evening. "Hizballah and Syrian regime forces targeted a funeral with mortars and '
        'artillery shells leading the deaths of at least three women" media activist Abdul Wahab '
        "told The New Arab adding that dozens of others were left injured."
    )
    events = events_of(text, date(2016, 8, 12), "alaraby", "damascus")
    assert "Damascus" not in {e.location for e in events}


def test_a_massacre_in_an_unnamed_syrian_province_is_not_placed_anywhere_yet() -> None:
    # FA-KES 1923102948 (batch D): the summary line names no province; the massacre is the
    # air strikes on al-Quria told next, not an attack at the article's filing place
    text = (
        "Date of publication 27 June 2016 Civilian massacre in Syrian province with a heavy "
        "Islamic State presence took place over the weekend. Russian and Syrian regime airstrikes "
        "killed 25 children on Saturday in a densely populated town in eastern Syria the United "
        "Nations childrens agency (UNICEF) has said. Citing news from its local partners in Syria "
        "UNICEF have said that the bodies of children were pulled from the rubble in the Islamic "
        "State group-dominated town of al-Quria."
    )
    events = events_of(text, date(2016, 6, 27), "alaraby", "deir ezzor")
    assert [e for e in events if "Civilian massacre" in e.evidence.text] == []
