"""The lead's day: towns a later sentence names without a day, for an event of the lead's kind
in the lead's governorate, take the day the lead gave (gold batch C).

Sentences from bundled FA-KES articles (samples/fakes_dev.csv, development splits) unless
marked as written to the guideline.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.records import Event

IDLIB_LEAD = (  # the article's caption and lead
    "People inspect a damaged building in Idlib after warplanes pounded the city yesterday. "
    "Syrian warplanes bombed opposition-held Idlib province killing at least 22 people. "
)
IDLIB_TOWNS = (
    "The Local Coordination Committees an activist network said Russian jets struck the towns "
    "of Jisr al-Shaghour and Binnish while the Observatory reported strikes on the provincial "
    "capital Idlib."
)


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "x")


def _dates(events: list[Event], sub_event_type: str) -> dict[str, tuple[date | None, int]]:
    return {
        e.location or "": (e.event_date, e.time_precision)
        for e in events
        if e.sub_event_type == sub_event_type
    }


def test_towns_struck_after_a_dated_lead_take_the_leads_day() -> None:
    events = _events(IDLIB_LEAD + IDLIB_TOWNS, date(2016, 8, 15))
    strikes = _dates(events, "Air/drone strike")
    assert strikes["Jisr al-Shughur"] == (date(2016, 8, 14), 1)
    assert strikes["Binnish"] == (date(2016, 8, 14), 1)


def test_without_a_dated_lead_an_undated_strike_is_the_reports_day() -> None:
    events = _events(IDLIB_TOWNS, date(2016, 8, 15))
    assert _dates(events, "Air/drone strike")["Binnish"] == (date(2016, 8, 15), 2)


def test_a_strike_in_another_governorate_keeps_the_reports_day() -> None:
    # written to the guideline: the lead dates strikes in Idlib, not in Hama
    text = IDLIB_LEAD + "Russian jets struck the town of Kafr Zeita in Hama province."
    assert _dates(_events(text, date(2016, 8, 15)), "Air/drone strike")["Kafr Zeita"] == (
        date(2016, 8, 15),
        2,
    )


def test_what_happened_meanwhile_is_dated_by_the_report_not_the_sentence_before() -> None:
    text = (
        "A source at Aleppo police command said in a statement to SANA reporter that terrorist "
        "groups targeted on Wednesday morning al-Shrafiyeh neighborhood with rocket shells "
        "killing a woman and injuring four other civilians. Meanwhile civil sources told SANA "
        "that 8 persons among them two children were wounded in terrorist rocket shells on "
        "al-Foaa and Kafrya in Idleb countryside."
    )
    shelling = _dates(_events(text, date(2016, 6, 2)), "Shelling/artillery/missile attack")
    assert shelling["Ashrafiyeh"] == (date(2016, 6, 1), 1)
    assert shelling["Foua"] == (date(2016, 6, 2), 2)


def test_a_day_outranks_a_span_of_days_in_one_sentence() -> None:
    text = (
        "The regime has stepped up air attacks in Aleppo province in recent days killing at "
        'least 57 civilians when it dropped "container bombs" on the IS-held town of Al-Bab at '
        "the weekend."
    )
    strikes = _dates(_events(text, date(2015, 7, 15)), "Air/drone strike")
    assert strikes["Al-Bab"] == (date(2015, 7, 11), 2)  # the Saturday before, not three days back


def test_shells_falling_overnight_into_a_day_fell_that_day() -> None:
    text = (
        "Dozens of shells fell overnight Wednesday and into Thursday morning on Fuaa and "
        "Kafraya which are largely inhabited by Shiite Muslims the observatory said."
    )
    shelling = _dates(_events(text, date(2015, 7, 17)), "Shelling/artillery/missile attack")
    assert shelling["Foua"] == (date(2015, 7, 16), 1)


def test_villages_taken_after_a_lead_reported_on_a_day_take_that_day() -> None:
    text = (
        "The Syrian army backed by allied militia has captured several villages north of Aleppo "
        "from insurgents and fighting has blocked a main supply route leading into the northern "
        "city a monitoring group said on Tuesday. The army also took villages including "
        "Bashkuwi and Sifat while battles raged in Hardatain and Ratain said the Observatory "
        "which tracks the Syrian conflict using sources on the ground."
    )
    captures = _dates(_events(text, date(2015, 2, 18)), "Government regains territory")
    assert captures["Bashkuwi"] == (date(2015, 2, 17), 2)  # the lead's report day
