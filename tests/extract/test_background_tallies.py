"""Tallies of the war and of its long stretches are background, not events; arms taken from the
dead are no attack (frontline/extract/clause_patterns.py).

Texts are bundled FA-KES articles (samples/fakes_dev.csv) of batch G.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

_MAARAT = (
    "The Syrian Observatory for Human Rights a Britain-based monitoring group said the blast "
    "took place outside the town of Maarat al-Numan in the northwestern Idlib province. "
)


def test_the_toll_of_a_years_old_rebellion_is_background() -> None:
    # FA-KES 1923848303: "the three-year-old rebellion which started as a peaceful protest
    # movement" tells the war's toll and origin, not a protest
    text = _MAARAT + (
        "More than 150000 people have been killed in the three-year-old rebellion which started "
        "as a peaceful protest movement and turned into a civil war after a government crackdown."
    )
    events = events_of(text, date(2014, 5, 6), "ahram", "idlib")
    assert [e.sub_event_type for e in events if "150000" in e.evidence.text] == []


def test_what_a_month_of_infighting_has_done_is_a_tally() -> None:
    # FA-KES 1923848299: a month's dead and displaced, told as a sum
    text = (
        "The Observatory says a month of infighting in Dier el-Zour alone has killed nearly 300 "
        "fighters and displaced 100000 civilians."
    )
    assert events_of(text, date(2014, 6, 9), "ahram", "deir ez-zor") == []


def test_grenades_confiscated_after_an_ambush_are_no_shelling() -> None:
    # FA-KES 1923848207: the army's ambush near Adra; the grenades were taken, not fired
    text = (
        "sixty-two rebel fighters were killed in a Syrian army ambush at dawn on Wednesday near "
        "the town of Adra east of Damascus said the Syrian Observatory for Human Rights a "
        "monitoring group opposed to President Bashar al-Assad. "
        "The state news agency SANA did not give a death toll for the ambush but said the rebels "
        "were from the al Qaeda-linked al-Nusra Front. It said all the rebels were killed and "
        "machineguns and rocket-propelled grenades were confiscated."
    )
    events = events_of(text, date(2013, 8, 7), "ahram", "damascus")
    assert "Shelling/artillery/missile attack" not in {e.sub_event_type for e in events}
