"""Fused territory changes as the control timeline reads them.

A raw claim becomes a one-member group (:func:`as_group`), its outlet's camp from
``frontline/data/outlets.toml``. A fused change whose members disagree on the taker, or
include a report dated well after the change, is split into the changes its members really
state (:func:`split_group`): fusion votes one taker and one date per event, control needs the
rival takers and must not date a capture by a later mention of the place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from frontline.fuse.outlets import OutletDirectory
from frontline.records import Event, FusedEvent, TerritoryChange


def as_group(event: Event, outlets: OutletDirectory | None = None) -> FusedEvent:
    """A raw claim as a one-member fused event: its own outlet is its only source, and that
    outlet's camp (``frontline/data/outlets.toml``) its camp."""
    source = event.source or event.doc_id
    camp = (outlets or OutletDirectory.default()).camp(event.source)
    return FusedEvent(
        fused_id=event.event_id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        event_date=event.event_date,
        time_precision=event.time_precision,
        actor1=event.actor1,
        actor2=event.actor2,
        place=event.place,
        fatalities_low=event.fatalities,
        fatalities_best=event.fatalities,
        fatalities_high=event.fatalities,
        territory=event.territory,
        members=(event.event_id,),
        documents=(event.doc_id,),
        sources=(source,),
        camps=(camp,),
        independent_sources=1,
        certainty=event.certainty,
    )


def split_group(
    group: FusedEvent, members: Mapping[str, Event], window: int, outlets: OutletDirectory
) -> list[FusedEvent]:
    """A fused change as the changes its members really state.

    Fusion votes one taker and one date per event; control needs more. Members dated more than
    ``window`` days from the fused date (a later report that mentions the place) become their
    own claims on their own dates, and members naming different takers become rival changes,
    each supported only by its own outlets. A group whose known members all agree on the
    taker and the date is returned as it is (its independent sources and camps kept)."""
    known = [members[m] for m in group.members if m in members]
    if not known or group.event_date is None:
        return [group]
    on = group.event_date

    def near(e: Event) -> bool:
        return e.event_date is None or abs((e.event_date - on).days) <= window

    close = [e for e in known if near(e) and e.territory is not None]
    far = [as_group(e, outlets) for e in known if not near(e) and e.territory is not None]
    takers = {e.territory.taker for e in close if e.territory is not None}
    if not far and len(takers) <= 1 and len(close) == len(known):
        return [group]
    out = far
    for taker in sorted(takers, key=lambda t: t or ""):
        side = [e for e in close if e.territory is not None and e.territory.taker == taker]
        out.append(_side_group(group, side, outlets))
    return out


def _side_group(group: FusedEvent, side: Sequence[Event], outlets: OutletDirectory) -> FusedEvent:
    sources = sorted({(e.source or e.doc_id).casefold() for e in side})
    losers = sorted({e.territory.loser for e in side if e.territory and e.territory.loser})
    certainty = next(
        (c for c in ("reported", "claimed", "denied") if any(e.certainty == c for e in side)),
        "reported",
    )
    taker = side[0].territory.taker if side[0].territory else None
    return replace(
        group,
        fused_id=group.fused_id if len(side) == len(group.members) else side[0].event_id,
        members=tuple(sorted(e.event_id for e in side)),
        documents=tuple(sorted({e.doc_id for e in side})),
        sources=tuple(sources),
        camps=tuple(sorted({outlets.camp(s) for s in sources})),
        independent_sources=len(sources),
        territory=TerritoryChange(losers[0] if losers else None, taker),
        certainty=certainty,
    )
