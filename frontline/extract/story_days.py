"""The day a story's lead gives its events, for the places its later sentences name undated.

Wire copy often dates the events once, in the lead ("Syrian districts of Idlib province came
under heavy bombardment Sunday"), and then names the towns hit without repeating the day
("Russian jets struck the towns of Jisr al-Shaghour and Binnish"). Those towns' strikes are the
lead's strikes and take its day (gold batch C: "an air-strike pair named in the lead with its
day and elsewhere without one keeps the lead's day"). Only an event of the lead's own kind, in
the governorate of a place the lead dated, and told with no day at all inherits it.

A lead that gives only the day of its report ("has captured several villages north of Aleppo
... a monitoring group said on Tuesday") lends that day, at precision 2, to undated events of
its kind in its governorate at other places ("The army also took villages including
Bashkuwi"): the news of that day (gold batch B).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from frontline.extract.places import PlaceMention
from frontline.records import Place

# (sub_event_type, governorate) -> the day the lead gives events of that kind there
LeadDays = dict[tuple[str, str], date]
# (sub_event_type, governorate) -> the day the lead's report was made, and the lead's place
ReportDays = dict[tuple[str, str], tuple[date, str]]


class Dated(Protocol):
    """What :func:`remember_lead` reads of a claim."""

    @property
    def sub_event_type(self) -> str: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def event_date(self) -> date | None: ...
    @property
    def time_precision(self) -> int: ...


def remember_lead(leads: LeadDays, claims: Iterable[Dated]) -> None:
    """Keep the days of the lead's claims told with a day of their own (precision 1)."""
    for claim in claims:
        place, day = claim.place, claim.event_date
        if place is None or place.admin1 is None or day is None or claim.time_precision != 1:
            continue
        leads.setdefault((claim.sub_event_type, place.admin1), day)


def lead_day(leads: LeadDays, sub_event_type: str, mention: PlaceMention | None) -> date | None:
    """The lead's day for an undated event of the same kind in the same governorate."""
    admin1 = mention.place.admin1 if mention else None
    return leads.get((sub_event_type, admin1)) if admin1 else None


def remember_report(reports: ReportDays, claims: Iterable[Dated], said_on: date | None) -> None:
    """Keep the day the lead's report was made ("has captured several villages north of
    Aleppo ... a monitoring group said on Tuesday") for its claims dated by it alone."""
    if said_on is None:
        return
    for claim in claims:
        place = claim.place
        if place is None or place.admin1 is None or claim.event_date != said_on:
            continue
        if claim.time_precision == 2:
            reports.setdefault((claim.sub_event_type, place.admin1), (said_on, place.name))


def report_day(
    reports: ReportDays, sub_event_type: str, mention: PlaceMention | None
) -> date | None:
    """The lead's report day for an undated event of its kind in its governorate, at another
    place ("The army also took villages including Bashkuwi and Sifat"): the news of that day.
    The lead's own place told again keeps the publication day."""
    if mention is None or mention.place.admin1 is None:
        return None
    day, place = reports.get((sub_event_type, mention.place.admin1), (None, None))
    return day if day is not None and place != mention.place.name else None
