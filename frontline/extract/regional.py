"""One event told twice in an article, once at a wide place and once at a town: kept at the town.

Three kinds of wide place fold into a town the article names for the same event:

- the governorate alone ("in Syria's northern Idlib province");
- the whole city, when its toll is the toll of a neighbourhood the article names ("fired tens
  of shells on the residential neighborhoods in Aleppo city claiming the lives of 8 persons",
  then eight killed in al-Jamilia); a city report with no toll, or with its own, stays (the
  mortar that killed two at the Damascus Opera House and the one that wounded three in
  Abbasiyin are two attacks);
- the article's own town, lent to a lead that names no place ("At least 43 people were killed
  Saturday in a suicide car bomb attack on buses ...", then "at a transit point in Rashidin west
  of Aleppo"): the town must lie within a few kilometres of the article's town, so that a lead
  about the article's town is not moved to a place the story names only on the way (Al Bab's
  barrel bombs and "the nearby Kweyris military airport").

One event results, at the town, with the better date and the counts either report gives; when
both give a toll and the two are close (18 in the lead, 20 further down), the lead's. A wide
report whose toll is the sum of the tolls of two or more town reports ("Thirteen civilians ...
were killed in aerial attacks ... on the northern province of Aleppo", then five at Taduf and
eight at Daret Izza) counts the same dead again: it is dropped, the towns kept. A bearing city
("a rebel-held area near Damascus") may lie in another governorate than the town it bears
(Damascus and Douma in Rural Damascus).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from frontline.extract.places import PlaceMention
from frontline.extract.tolls import fatalities_of
from frontline.geo.merge import km
from frontline.records import Event

NEAR_KM = 12.0  # a town this close to the article's town may be where its lead happened
_SUICIDE = "Suicide bomb"
# "killed ... by suicide bombing in Syria's Idlib province", then "in the blast against the
# headquarters ... in Seraqeb": one explosion, the specific kind kept
_BLAST_KINDS = frozenset({_SUICIDE, "Remote explosive/landmine/IED"})
NEAR_BEARING_KM = 25.0  # "a village near Aleppo" lies this close to Aleppo
_UNNAMED_NEAR = re.compile(
    r"\b(?:a|an|one) (?:[\w-]+ )?(?:village|town|hamlet|area|district|neighbou?rhood)s? "
    r"(?:near|outside|close to|on the outskirts of|in the countryside of)\b",
    re.IGNORECASE,
)
# "in a government-controlled village in the central Syrian province of Hama", "beneath a
# checkpoint in a northwestern province": somewhere in a governorate, whatever city it is
# placed at (the headline's "Syria's Hama")
_UNNAMED_IN_PROVINCE = re.compile(
    r"\b(?:a|an|one) (?:[\w-]+ ){0,2}(?:village|town|hamlet|area|checkpoint|base|market)s? in "
    r"(?:a|an|the|syria'?s|syrias) (?:[\w-]+ ){0,3}(?:province|governorate)\b",
    re.IGNORECASE,
)
_MOST_PARTS = 4  # a wide toll is looked for as the sum of at most this many town tolls
TOLL_RATIO = 0.8  # two tolls this close (18 and 20) are one count, reported twice


def fold_regional(events: list[Event], default: PlaceMention | None = None) -> list[Event]:
    """The events with each wide-place report folded into the town report it repeats
    (``default``: the article's town, as the document context found it)."""
    out = list(events)
    for regional in events:
        borrowed = _borrowed(regional, default)
        unnamed = _unnamed_near(regional)
        somewhere = _UNNAMED_IN_PROVINCE.search(regional.evidence.text) is not None
        city = _city_toll(regional) and not (borrowed or unnamed or somewhere)
        wide = _governorate_only(regional) or somewhere
        if not (wide or borrowed or unnamed or city) or any(
            e.evidence == regional.evidence and e.location != regional.location for e in events
        ):
            continue  # "one in Aleppo province, a second in Damascus province": a list
        finer = next(
            (
                e
                for e in out
                if e is not regional
                and _refines(e, regional, across=unnamed)
                and not _listed(e, out)
                and (not borrowed or _elsewhere_near(e, regional, default))
                and (not unnamed or _named_near(e, regional))
                and (not city or _told_again(e, regional))
                and (not somewhere or e.location != regional.location)
            ),
            None,
        )
        if finer is not None:
            _fold(out, finer, regional)
        elif (_governorate_only(regional) or city) and _summed(regional, out, city):
            out.remove(regional)
    # a toll told where the sentence names no place ("A jihadist group in Syria has publicly
    # executed and crucified nine men"), the sum of the tolls told at the places named after
    # it (eight in Deir Hafer, one in Al-Bab): the same dead, wherever it was placed
    out = [e for e in out if not (_unplaced(e) and _summed(e, out, across=True))]
    return _claims_retold(_one_blast(out))


# "Daesh ... on Monday claimed responsibility for a suicide bombing that killed more than 30",
# "said it carried out the attack in Qamishli": the attack the article tells for itself
_CLAIMED = re.compile(
    r"\bclaim(?:s|ed|ing)? responsibility for\b|\bsaid it (?:had )?carried out (?:the|this|that)\b",
    re.IGNORECASE,
)


def _claims_retold(events: list[Event]) -> list[Event]:
    """A claim of responsibility for an attack the article also tells in a sentence of its
    own (of the same kind, within three days, with a toll close to it) is that attack, told
    again: folded into it, the report's day and place kept."""
    out = list(events)
    for claim in events:
        if not _CLAIMED.search(claim.evidence.text):
            continue
        told = next(
            (
                e
                for e in out
                if e.evidence != claim.evidence
                and e.event_type == claim.event_type
                and not _CLAIMED.search(e.evidence.text)
                and _same_toll(e.fatalities, claim.fatalities)
                and None not in (e.event_date, claim.event_date)
                and abs((e.event_date - claim.event_date).days) <= 3  # type: ignore[operator]
            ),
            None,
        )
        if told is not None and claim in out:
            _fold(out, told, claim)
    return out


def _fold(events: list[Event], kept: Event, told_again: Event) -> None:
    """One event told twice: ``told_again`` merged into ``kept`` (in place)."""
    events[events.index(kept)] = _merge_regional(kept, told_again)
    events.remove(told_again)


def _unplaced(event: Event) -> bool:
    """Placed at a place its own sentence does not name."""
    span = event.place.span if event.place else None
    return span is not None and not event.evidence.start <= span.start < event.evidence.end


def _one_blast(events: list[Event]) -> list[Event]:
    """One explosion told twice at one place and day, once as the suicide bombing it was and
    once as a bomb or a blast ("A suicide bomber driving an ambulance killed four people",
    then "A man drove an ambulance packed with explosives into the parking of the Qardaha
    hospital"): one event, the suicide bombing."""
    out = list(events)
    for later in events:
        if later.sub_event_type not in _BLAST_KINDS:
            continue
        first = next(
            (
                e
                for e in out
                if e.evidence.start < later.evidence.start  # told before: the report kept
                and e.sub_event_type in _BLAST_KINDS
                and e.sub_event_type != later.sub_event_type
                and e.location == later.location
                and e.event_date == later.event_date
                and _same_toll(e.fatalities, later.fatalities)
            ),
            None,
        )
        if first is not None and later in out:
            _fold(out, first, later)
    return out


def _city_toll(event: Event) -> bool:
    """A toll placed at a whole city, not a capture of it."""
    place = event.place
    return (
        place is not None
        and place.feature == "city"
        and event.territory is None
        and event.fatalities is not None
    )


def _quarter_of(finer: Event, city: Event) -> bool:
    """A place inside the city (a neighbourhood, a street, a square): not a city itself,
    within a few kilometres of its centre."""
    here, there = finer.place, city.place
    if here is None or there is None or here.feature == "city":
        return False
    if finer.location == city.location or here.latitude is None or here.longitude is None:
        return False
    if there.latitude is None or there.longitude is None:
        return False
    return km(here.latitude, here.longitude, there.latitude, there.longitude) <= NEAR_KM


def _told_again(finer: Event, city: Event) -> bool:
    """The same dead on the same day, in a place inside the city."""
    return (
        _quarter_of(finer, city)
        and finer.fatalities == city.fatalities
        and finer.event_date == city.event_date
    )


def _summed(regional: Event, events: list[Event], city: bool = False, across: bool = False) -> bool:
    """Two or more town reports whose tolls add up to the wide report's."""
    if regional.fatalities is None:
        return False
    untolled = replace(regional, quantities=(), fatalities=None)
    tolls = [
        toll
        for e in events
        if e is not regional
        and (toll := e.fatalities) is not None
        and _refines(e, untolled, across)
        and (not city or _quarter_of(e, regional))
    ]
    return any(
        sum(some) == regional.fatalities
        for n in range(2, min(len(tolls), _MOST_PARTS) + 1)
        for some in combinations(tolls, n)
    )


def _borrowed(event: Event, default: PlaceMention | None) -> bool:
    """Placed at the article's town by a sentence that names no place of its own."""
    span = event.place.span if event.place else None
    if default is None or span is None or span != default.place.span:
        return False
    return not event.evidence.start <= span.start < event.evidence.end


def _elsewhere_near(finer: Event, regional: Event, default: PlaceMention | None) -> bool:
    """A place named in its own sentence, other than the article's town and close to it."""
    if _borrowed(finer, default) or finer.location == regional.location or default is None:
        return False
    here, there = finer.place, default.place
    if here is None or here.latitude is None or here.longitude is None:
        return False
    if there.latitude is None or there.longitude is None:
        return False
    return km(here.latitude, here.longitude, there.latitude, there.longitude) <= NEAR_KM


def _unnamed_near(event: Event) -> bool:
    """Told at a place the sentence does not name, placed at the city it names as a bearing
    ("an air strike hit a clinic in a village near Syria's second city Aleppo")."""
    return event.place is not None and _UNNAMED_NEAR.search(event.evidence.text) is not None


def _named_near(finer: Event, regional: Event) -> bool:
    """A place of its own, other than the bearing, within reach of it (Khan Tuman, 12 km from
    Aleppo, for "a village near Aleppo")."""
    here, there = finer.place, regional.place
    if here is None or there is None or finer.location == regional.location:
        return False
    if None in (here.latitude, here.longitude, there.latitude, there.longitude):
        return False
    assert here.latitude is not None and here.longitude is not None
    assert there.latitude is not None and there.longitude is not None
    return km(here.latitude, here.longitude, there.latitude, there.longitude) <= NEAR_BEARING_KM


def _listed(event: Event, events: list[Event]) -> bool:
    """One of several places its sentence lists for one event: a province's toll belongs to
    none of them in particular."""
    return any(
        e is not event and e.evidence == event.evidence and e.location != event.location
        for e in events
        if e.sub_event_type == event.sub_event_type
    )


def _governorate_only(event: Event) -> bool:
    return event.place is not None and event.place.geo_precision == 3


def _refines(finer: Event, regional: Event, across: bool = False) -> bool:
    """``across``: the wide place is a bearing, the town may lie in the next governorate."""
    if finer.place is None or regional.place is None or _governorate_only(finer):
        return False
    if finer.event_type != regional.event_type or not _same_kind(finer, regional):
        return False
    if finer.place.admin1 is None or not (across or finer.place.admin1 == regional.place.admin1):
        return False
    if not _same_toll(finer.fatalities, regional.fatalities):
        return False  # two tolls far apart: two events
    if None not in (finer.actor1, regional.actor1) and finer.actor1 != regional.actor1:
        return False
    if finer.event_date is None or regional.event_date is None:
        return finer.event_date == regional.event_date
    days = abs((finer.event_date - regional.event_date).days)
    return days <= 1 or (days <= 7 and 2 in (finer.time_precision, regional.time_precision))


def _same_kind(finer: Event, regional: Event) -> bool:
    """The same sub-event type, or a blast told once as the suicide bombing it was."""
    kinds = {finer.sub_event_type, regional.sub_event_type}
    return len(kinds) == 1 or kinds == _BLAST_KINDS


def _same_toll(first: int | None, second: int | None) -> bool:
    """No toll on one side, or two tolls close enough to be one count told twice (18 in the
    lead, 20 in the paragraph that names the village)."""
    if first is None or second is None:
        return True
    return min(first, second) >= TOLL_RATIO * max(first, second)


def _merge_regional(finer: Event, regional: Event) -> Event:
    kind = regional.sub_event_type if regional.sub_event_type == _SUICIDE else finer.sub_event_type
    dated = regional if regional.time_precision < finer.time_precision else finer
    lead = regional if regional.evidence.start < finer.evidence.start else finer
    # two tolls: the lead's, the figure the gold codes (GUIDELINE_EXTENSIONS, conflicting tolls)
    if None not in (finer.fatalities, regional.fatalities):
        quantities = lead.quantities
    else:
        quantities = finer.quantities or regional.quantities
        if fatalities_of(quantities) is None:  # the town's wounded, the lead's dead
            quantities += tuple(q for q in regional.quantities if q.kind == "killed")
    return replace(
        finer,
        sub_event_type=kind,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        actor1=finer.actor1 or regional.actor1,
        actor2=finer.actor2 or regional.actor2,
        quantities=quantities,
        fatalities=fatalities_of(quantities),
    )
