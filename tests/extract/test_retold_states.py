"""A state told again is the event that made it: a road said to have been cut days after it was
severed is that cut (frontline/extract/events.py, ``_retold``).

Texts are bundled FA-KES articles (samples/fakes_dev.csv) of batch G.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of


def test_a_road_said_to_have_been_cut_days_after_its_cutting_is_the_same_cut() -> None:
    # FA-KES 1923102826 (batch G): the Castello Road was severed on Thursday; a resident's "the
    # Castello Road has been cut" three days later is that cut, not another
    text = (
        "The fighters from the Faylaq al-Sham Islamist faction and al-Qaeda affiliate al-Nusra "
        "Front were killed trying to reopen the Castello Road which regime forces effectively "
        "severed on Thursday the Syrian Observatory for Human Rights monitor said. The road was "
        "the only remaining supply route into the opposition-held east of Aleppo city which has "
        "been divided between government and rebel control since mid-2012. Government forces "
        "effectively severed the route on Thursday when they seized a hilltop within firing "
        "range of the Castello Road. "
        '"Theres not a drop of fuel left because the Castello Road has been cut" he told AFP.'
    )
    cuts = [
        e
        for e in events_of(text, date(2016, 7, 10), "alaraby", "aleppo")
        if e.sub_event_type == "Infrastructure"
    ]
    assert [(e.location, e.event_date) for e in cuts] == [("Castello Road", date(2016, 7, 7))]
