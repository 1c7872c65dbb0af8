"""From one document to coded event claims.

Each sentence is read for its parts (triggers, actors, places, dates, counts, speaker, see
:mod:`frontline.extract.clauses`); each trigger becomes one claim per place it names, coded with
ONTOLOGY.md's types, actors in their roles, a date resolved against the publication date, the
counts that belong to it, the speaker, and the sentence as evidence. A small discourse memory
carries the last actor, speaker and place across sentences, so that "On Sunday they captured
..." and "It later said it had taken ..." are read as a reader reads them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from frontline.extract import fallback, placing, roles, story_days, tolls
from frontline.extract.claimed import (
    CLAIMED_KINDS,
    claimant,
    credit_claimant,
    labelled_attacker,
)
from frontline.extract.clauses import SentenceParts, TriggerHit, read_sentence
from frontline.extract.initialisms import join_initialisms
from frontline.extract.lexicon import trigger_families
from frontline.extract.places import PlaceMention, document_context
from frontline.extract.prefilter import filtered
from frontline.extract.regional import fold_regional
from frontline.extract.sentences import split_sentences
from frontline.extract.tolls import carry_back, merged_quantities
from frontline.extract.tolls import fatalities_of as _fatalities
from frontline.ingest.outlets import outlet_display_name
from frontline.records import (
    Diagnostic,
    Document,
    Event,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)

BACKGROUND_DAYS = 14
_IS = "Islamic State"  # whose "terrorists" a story's later sentences may be
# Unnamed attackers are read from the story's last named one for these (with every explosion).
_REMEMBERED = {"Attack", "Armed clash"}
_ANAPHORIC_TYPES = {"Explosions/Remote violence", "Violence against civilians", "Battles"}
_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?$"
    # "It was a series of airstrikes": what the story already told, described
    r"|^\W*(?:it|this|that|these|they)\s+(?:was|were|is|are)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Words that point back at an event told before: "following the massacre", "condemned the attack",
# "investigate the recent chemical attack", "in response to a deadly gas attack".
_BACK_CUE = re.compile(
    r"\b(?:following|after|since|in the (?:wake|aftermath) of|in (?:response|reaction) to|"
    r"in retaliation for|investigat\w*|(?:condemn|denounc|deplor)\w*|blam\w* (?:\w+ )?for|"
    r"responsib\w* for|denied (?:carrying out|any role in|involvement in)|carried out|"
    r"involved in|(?:perpetrators|victims|survivors|anniversary|file) of)\s+"
    r"(?:the|this|that|these|those|an?|last \w+['’]s|\w+day['’]s)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Words that carry the day of the sentence before into this one ("meanwhile" does not: what
# happened meanwhile is current news, dated by the report, data/gold/README.md).
_CARRIED = re.compile(
    r"\b(?:later|then|also|afterwards|responded|in response|in retaliation)\b",
    re.IGNORECASE,
)
# An event told of the whole country: "across the country", "throughout Syria", "nationwide".
_COUNTRY_WIDE = re.compile(
    r"\b(?:across|throughout|all over)\s+(?:the (?:[\w-]+ )?country|syria)\b|\bnationwide\b",
    re.IGNORECASE,
)
# "in a village in northern Syria", "a town in eastern Syria": a place the text does not name
_SOMEWHERE = re.compile(
    r"\b(?:a|one)\s+(?:[\w-]+\s+){0,2}(?:village|town|city|neighbou?rhood|area)\s+in\s+"
    r"(?:(?:the\s+)?(?:north|south|east|west|centre|center)\w*\s+(?:of\s+)?)?syria\b"
    # "executed 48 people earlier this week in a northern village"
    r"|\bin\s+an?\s+(?:north|south|east|west|central)\w*\s+(?:village|town|hamlet)\b"
    r"|\bin\s+(?:a\s+)?syrian\s+province\b"  # "Civilian massacre in Syrian province with ..."
    # unnamed towns: "on Daesh-held villages in ...", "several opposition-held towns east of"
    r"|\b(?:several|some|two|three|four|five|[\w-]+-held)\s+(?:[\w-]+\s+)?(?:villages|towns)\s+"
    r"(?:in|near|around|(?:north|south|east|west)\w*\s+of)\b",
    re.IGNORECASE,
)


@dataclass
class Discourse:
    """What a reader remembers from earlier sentences: who acted last, who spoke, where and
    when the story was, and who carried out each kind of attack so far."""

    actor: str | None = None
    speaker: str | None = None
    place: PlaceMention | None = None
    day: date | None = None
    agents: dict[str, str] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    violent: tuple[str, str] | None = None
    leads: story_days.LeadDays = field(default_factory=dict)
    reports: story_days.ReportDays = field(default_factory=dict)  # the lead's report day
    unnamed: tolls.Unnamed = field(default_factory=dict)  # tolls of places the text left unnamed
    joint: dict[str, date | None] = field(default_factory=dict)  # kinds told of two allies: day
    totals: set[float] = field(default_factory=set)  # the death tolls the headline gave


@dataclass(frozen=True, slots=True)
class Claim:
    """An event before its id and provenance are fixed."""

    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place: Place | None
    event_date: date | None
    time_precision: int
    quantities: tuple[Quantity, ...]
    territory: TerritoryChange | None
    trigger: TriggerHit
    list_index: int = 0
    implied: bool = False  # actor1 not named: read from the weapon or from memory
    unnamed_ground: bool = False  # a capture placed where the story is, not where it says


def extract_events(document: Document) -> tuple[list[Event], list[Diagnostic]]:
    """All event claims of one document, in text order, duplicates merged."""
    text = document.analysis_text
    if not text.strip():
        message = f"document {document.doc_id}: no text left to read after cleaning"
        return [], [Diagnostic("warning", document.origin or document.doc_id, message)]
    sentences = join_initialisms(split_sentences(text), text)
    context = document_context(document, sentences)
    outlet = outlet_display_name(document.source) if document.source else None
    doc_hash = document.content_hash
    memory = Discourse()
    if document.title:  # "57 Civilians killed 150 Injured in Continued Terrorist Attacks on Aleppo"
        memory.totals.update(tolls.killed_values(document.title))
    events: list[Event] = []
    seen: dict[tuple[str, str, str, date | None], int] = {}
    unnamed: set[int] = set()  # events whose actor1 no sentence named
    left_open: set[int] = set()  # ... and those whose first report left it open between two
    no_change: set[int] = set()  # captures of ground the text does not name: no control change
    for sentence in sentences:
        parts = read_sentence(sentence, document, context, memory.actor, memory.speaker)
        if memory.actor == _IS and _elsewhere(parts, memory):  # a roundup's next area
            parts = read_sentence(sentence, document, context, None, memory.speaker)
        claims = _claims(parts, document.published, memory)
        if not claims:  # "At least five civilians were killed in the attack."
            carry_back(events, parts)
        speaker = parts.speaker or outlet
        for claim in claims:
            event = _to_event(document, doc_hash, parts, claim, speaker)
            key = (event.event_type, event.sub_event_type, event.location or "", event.event_date)
            same = seen.get(key)
            if same is None:
                same = _retold(events, event)
            if same is not None:
                if same in unnamed and not claim.implied and event.actor1:
                    events[same] = replace(events[same], actor1=event.actor1)  # named wins
                    unnamed.discard(same)
                events[same] = _merge(events[same], event, same in left_open)
                if events[same].time_precision == 2 and event.time_precision == 1:
                    events[same] = replace(  # the day the retelling names
                        events[same], event_date=event.event_date, time_precision=1
                    )
                continue
            seen[key] = len(events)
            if claim.unnamed_ground:
                no_change.add(len(events))
            if claim.implied:  # "Syrian or Russian jets": no later claim names the attacker
                (left_open if roles.hesitant(parts) else unnamed).add(len(events))
            events.append(event)
        group = claimant(parts.text, parts.subject_actor or parts.speaker_actor)
        group = group or labelled_attacker(parts.text, parts.actors)
        if group:  # "The Daesh group claimed responsibility for the attack"
            credit_claimant(events, group)
            memory.agents.update(dict.fromkeys(CLAIMED_KINDS, group))
        _remember(memory, parts, claims)
    unchanged = {events[i].event_id for i in no_change}
    events = fold_regional(events, context.default)
    events = [replace(e, territory=None) if e.event_id in unchanged else e for e in events]
    return roles.share_facility_attackers(events), []


def _elsewhere(parts: SentenceParts, memory: Discourse) -> bool:
    """Whether all the sentence's places lie outside the governorate the story was in: a
    roundup moving on ("Aleppo In the same context a woman was killed ... in terrorist attacks
    with rocket shells on residential neighborhoods in Aleppo city", after ISIL's shells on
    Deir Ezzor), whose "terrorists" are no longer the group named there (GUIDELINE_EXTENSIONS.md,
    batch C: "Elsewhere, 'terrorists' stay Syrian rebels")."""
    here = memory.place.place.admin1 if memory.place else None
    areas = {p.place.admin1 for p in parts.places}
    return here is not None and bool(areas) and None not in areas and here not in areas


def _retold(events: list[Event], event: Event) -> int | None:
    """An earlier capture (or road cut) of the same place a day apart, one of the two dated only
    roughly: the same state told again ("has captured" in the lead, "had taken control" in a
    later report). A roughly dated capture told after one given its day, within the week
    before, retells it too ("After the regime retook it [on Saturday] ..." then "after they
    regained control of Al-Qaryatayn"; "the Castello Road has been cut" after its severing)."""
    state = event.territory is not None or event.sub_event_type == "Infrastructure"
    for i, other in enumerate(events):
        if (
            (other.event_type, other.sub_event_type, other.location)
            == (event.event_type, event.sub_event_type, event.location)
            and event.location is not None
            and (state or _same_toll(other, event))
            and other.event_date is not None
            and event.event_date is not None
        ):
            apart = (event.event_date - other.event_date).days
            if abs(apart) <= 1 and 2 in (other.time_precision, event.time_precision):
                return i
            if 0 <= apart <= 7 and (other.time_precision, event.time_precision) == (1, 2):
                return i
    return None


_THE_RAIDS = re.compile(
    r"\bthe (?:[\w-]+ ){0,3}(?:raids|strikes|air ?strikes|attacks|bombardment|shelling)\b",
    re.IGNORECASE,
)


def _same_toll(other: Event, event: Event) -> bool:
    """The same dead counted twice: a summary's attack told again in the lead ("killing at
    least three women" before a site's tag list, "Three women ... were killed" after it)."""
    if other.fatalities is None:
        return False
    if event.fatalities is None:  # "who carried out the Tuesday night raids": the raids told
        return _THE_RAIDS.search(event.evidence.text) is not None
    return other.fatalities == event.fatalities


def _remember(memory: Discourse, parts: SentenceParts, claims: list[Claim]) -> None:
    if not memory.types:  # the story's lead: the first sentence that tells events
        story_days.remember_lead(memory.leads, claims)
        said_on = [d.date for d in parts.dates if d.reporting and d.precision == 1]
        story_days.remember_report(memory.reports, claims, said_on[0] if said_on else None)
    memory.types.update(c.event_type for c in claims)
    explosions = [c for c in claims if c.event_type == "Explosions/Remote violence"]
    if claims:  # a sentence with no event leaves the story's last kind of strike in memory
        memory.violent = (
            (explosions[0].event_type, explosions[0].sub_event_type) if explosions else None
        )
    for claim in claims:
        if (
            claim.event_type != "Explosions/Remote violence"
            and claim.sub_event_type not in _REMEMBERED
        ):
            continue
        if claim.actor1 and not claim.implied:
            memory.agents[claim.sub_event_type] = claim.actor1
            if roles.joint_strikers(parts):  # "the Assad regime and Russian air forces": either's
                memory.joint[claim.sub_event_type] = claim.event_date
            else:
                memory.joint.pop(claim.sub_event_type, None)
        elif roles.hesitant(parts):  # "Syrian or Russian jets": later raids stay unattributed
            memory.agents.pop(claim.sub_event_type, None)
    dated = [c for c in claims if c.event_date is not None and c.time_precision == 1]
    if dated:
        memory.day = dated[0].event_date
    subject = next((c.actor1 for c in claims if c.actor1 and c.actor1 != "Civilians"), None)
    subject = subject or parts.subject_actor
    if subject:
        memory.actor = subject
    if parts.speaker and not parts.speaker_is_pronoun:
        memory.speaker = parts.speaker
    if parts.places:
        memory.place = placing.story_place(parts)


def _claims(parts: SentenceParts, published: date | None, memory: Discourse) -> list[Claim]:
    claims: list[Claim] = []
    for hit in roles.select_triggers(parts):
        coded = roles.code(hit, parts, memory.actor)
        told_after = coded is None and memory.violent and parts.places
        named = (
            roles.attacker(hit, parts, memory.actor)
            if told_after and hit.family == "attack"
            else None
        )
        if told_after and memory.violent and (hit.family == "kill" or named):
            # "At Khan Sheikhun 15 people were killed", after a sentence about air strikes;
            # "Other locations targeted by Assads troops this week ...": the story's strikes
            event_type, sub_event_type = memory.violent
            kinds = [kind for kind, agent in memory.agents.items() if agent == named]
            sub_event_type = kinds[-1] if named and kinds else sub_event_type  # what X did
            victim = "Civilians" if any(a.name == "Civilians" for a in parts.actors) else None
            coded = roles.Coded(
                event_type, sub_event_type, named or memory.agents.get(sub_event_type), victim
            )
        if coded is None:
            continue
        running = coded.sub_event_type == "Siege"  # a running state: dated by the report
        if parts.background and not running:
            continue  # (tested first: the tests below read the counts, which cost more)
        if coded.event_type in tolls.VIOLENT_TYPES and _only_vague_toll(parts):
            continue  # "Thousands of civilians were killed during air bombardments": a tally
        if coded.event_type in memory.types and _refers_back(hit, parts, memory):
            continue
        if _points_back(hit, parts, memory):
            continue
        explosion = coded.event_type == "Explosions/Remote violence"
        remembered = explosion or coded.sub_event_type in _REMEMBERED
        weapon_of = roles.implied_attacker(hit, parts) if explosion else None
        implied = coded.actor1 is None  # unless named: from the weapon, else from memory
        if implied and weapon_of is not None:  # the weapon in this sentence outranks memory
            coded = replace(coded, actor1=weapon_of)
        elif implied and remembered and not roles.hesitant(parts):
            coded = replace(coded, actor1=memory.agents.get(coded.sub_event_type))
            if coded.sub_event_type in memory.joint and roles.told_on_another_day(
                parts, memory.joint[coded.sub_event_type]
            ):  # strikes of two allies on one day; another day's may be either's
                coded = replace(coded, actor1=None)
        if running:
            event_date, precision = published, 2
        elif not parts.dates and memory.day and filtered(_CARRIED).search(parts.text):
            event_date, precision = memory.day, 2  # "It later said ...", "... also killed"
        else:
            event_date, precision = roles.date_for(hit, parts, published)
        if published and event_date and event_date < published - timedelta(days=BACKGROUND_DAYS):
            continue
        places = placing.places_for(hit, parts)
        if not places and (_COUNTRY_WIDE.search(parts.text) or _SOMEWHERE.search(parts.text)):
            # "air strikes on opposition-held towns across the country": no place to code, but
            # who struck and when stays in memory for the towns named next
            if explosion and coded.actor1 and not implied:
                memory.agents[coded.sub_event_type] = coded.actor1
            if precision == 1:
                memory.day = event_date
            if _SOMEWHERE.search(parts.text):  # "in a town in northern Syria ... killing 44"
                tolls.remember_unnamed(memory.unnamed, coded.sub_event_type, parts.quantities)
            continue
        named_here = bool(places)
        places = places or fallback.story_places(parts, memory.place)
        if not places:
            continue  # no place below the country: not coded (data/gold/README.md)
        # "all but one of the villages ... had been recaptured", "seized a hilltop": ground the
        # sentence does not name is not the story's town changing hands
        unnamed_ground = (
            coded.territory is not None
            and not named_here
            and fallback.unnamed_ground(parts, hit, places)
        )
        undated = not parts.dates and not running and (event_date, precision) == (published, 2)
        for index, mention in enumerate(places):
            lead = undated and story_days.lead_day(memory.leads, coded.sub_event_type, mention)
            reported = (
                undated
                and not lead
                and story_days.report_day(memory.reports, coded.sub_event_type, mention)
            )
            claims.append(
                Claim(
                    event_type=coded.event_type,
                    sub_event_type=coded.sub_event_type,
                    actor1=coded.actor1,
                    actor2=coded.actor2,
                    place=mention.place if mention else None,
                    event_date=lead or reported or event_date,
                    time_precision=1 if lead else precision,
                    quantities=(),
                    territory=coded.territory,
                    trigger=hit,
                    list_index=index,
                    implied=implied,
                    unnamed_ground=unnamed_ground,
                )
            )
    if not claims:
        return claims  # the counts are read only where a claim may take them
    counts = tolls.without_totals(parts.quantities, memory.totals)
    claims = tolls.with_counts(_seized_facilities(claims), counts, memory.unnamed)
    return tolls.by_place(claims, parts)


def _seized_facilities(claims: list[Claim]) -> list[Claim]:
    """A facility captured ("captured the Suleiman al-Halabi water pumping station") is one
    Infrastructure event carrying the territory change, not a capture and a facility event."""
    captures = [c for c in claims if c.territory is not None and c.event_type == "Battles"]
    facilities = [  # a facility noun: a road cut off is not a place seized
        c
        for c in claims
        if c.sub_event_type == "Infrastructure" and trigger_families()[c.trigger.family].facility
    ]
    if not captures or not facilities:
        return claims
    capture = captures[0]
    out: list[Claim] = []
    for claim in claims:
        if claim in captures and claim.trigger.start < facilities[0].trigger.start:
            continue
        if claim.sub_event_type == "Infrastructure" and capture.trigger.start < claim.trigger.start:
            claim = replace(
                claim, actor1=capture.actor1, actor2=capture.actor2, territory=capture.territory
            )
        out.append(claim)
    return out


def _only_vague_toll(parts: SentenceParts) -> bool:
    """A death toll in the hundreds or thousands with no day of its own is a tally, not an event."""
    killed = [q for q in parts.quantities if q.kind == "killed"]
    vague = [q for q in killed if q.qualifier in {"hundreds", "thousands", "tens of thousands"}]
    own_day = any(not d.reporting for d in parts.dates)
    return bool(vague) and len(vague) == len(killed) and not own_day


def _refers_back(hit: TriggerHit, parts: SentenceParts, memory: Discourse) -> bool:
    """ "the strikes", "this attack" with no day or place of its own: an event already told."""
    family = trigger_families()[hit.family]
    if family.event_type not in _ANAPHORIC_TYPES or family.facility:
        return False
    own_day = any(not d.reporting for d in parts.dates)
    known = memory.place.place.name if memory.place else None
    new_place = any(p.place.name != known for p in parts.places)
    definite = _DEFINITE.search(parts.text[max(0, hit.start - 25) : hit.start])
    return not own_day and not new_place and definite is not None


def _points_back(hit: TriggerHit, parts: SentenceParts, memory: Discourse) -> bool:
    """ "Following the massacre", "condemned the attack", "investigate the recent chemical
    attack": an event told before (in this article or elsewhere), unless the sentence gives
    it a day, a place or a toll of its own."""
    family = trigger_families()[hit.family]
    if family.event_type not in _ANAPHORIC_TYPES or family.facility:
        return False
    window = max(0, hit.start - 60)
    cue = filtered(_BACK_CUE).search(parts.text[window : hit.start])
    if cue is None:
        return False
    # what comes before the cue belongs to the main clause ("launched missiles last week in
    # response to a deadly gas attack"); only what follows it can be the event's own
    after = window + cue.start()
    own_day = any(not d.reporting and d.start >= after for d in parts.dates)
    toll = any(
        q.kind in ("killed", "injured") and (q.span is None or q.span.start - parts.start >= after)
        for q in parts.quantities
    )
    known = memory.place.place.name if memory.place else None
    new_place = any(p.place.name != known and p.start >= after for p in parts.places)
    return not (own_day or toll or new_place)


def _to_event(
    document: Document, doc_hash: str, parts: SentenceParts, claim: Claim, speaker: str | None
) -> Event:
    """One event; ``doc_hash`` is ``document.content_hash``, hashed once per document."""
    evidence = Span(parts.start, parts.end, document.text[parts.start : parts.end])
    place = claim.place
    if (
        place is not None
        and place.geo_precision == 1
        and any(q.kind == "places" for q in claim.quantities)
    ):
        place = replace(place, geo_precision=2)  # "some 10 neighbourhoods" of a city: part of it
    place_name = place.name if place else ""
    digest = hashlib.sha1(
        f"{doc_hash}:{evidence.start}:{evidence.end}:{claim.event_type}:"
        f"{claim.sub_event_type}:{place_name}".encode()
    ).hexdigest()[:16]
    return Event(
        event_id=digest,
        doc_id=document.doc_id,
        source=document.source,
        event_date=claim.event_date,
        time_precision=claim.time_precision,
        event_type=claim.event_type,
        sub_event_type=claim.sub_event_type,
        actor1=claim.actor1,
        actor2=claim.actor2,
        place=place,
        fatalities=_fatalities(claim.quantities),
        quantities=claim.quantities,
        attributed_to=speaker,
        evidence=evidence,
        territory=claim.territory,
        provenance=Provenance(doc_id=document.doc_id, evidence=evidence),
        certainty=parts.certainty,
        trigger=claim.trigger.family,
    )


def _merge(first: Event, later: Event, left_open: bool = False) -> Event:
    """The same event stated twice in one article: keep the first, fill what it lacks."""
    quantities = merged_quantities(first, later)  # "Three more civilians were killed"
    return replace(
        first,
        actor1=None if left_open else first.actor1 or later.actor1,
        actor2=first.actor2 or later.actor2,
        quantities=quantities,
        fatalities=_fatalities(quantities),
    )
