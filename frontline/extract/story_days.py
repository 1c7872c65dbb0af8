"""The day a story's lead gives its events, for the places its later sentences name undated.

Wire copy often dates the events once, in the lead ("Syrian districts of Idlib province came
under heavy bombardment Sunday"), and then names the towns hit without repeating the day
("Russian jets struck the towns of Jisr al-Shaghour and Binnish"). Those towns' strikes are the
lead's strikes and take its day (gold batch C: "an air-strike pair named in the lead with its
day and elsewhere without one keeps the lead's day"). Only an event of the lead's own kind, in
the governorate of a place the lead dated, and told with no day at all inherits it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from frontline.extract.places import PlaceMention
from frontline.records import Place

# (sub_event_type, governorate) -> the day the lead gives events of that kind there
LeadDays = dict[tuple[str, str], date]


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
