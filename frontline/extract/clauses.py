"""Reading one sentence into its parts: triggers, actors, places, dates, counts, speaker.

Offsets of the parts are local to the sentence except the quantities, whose spans are already
offsets into the document (they go straight into the output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from frontline.extract import dates as date_parser
from frontline.extract.abroad import without_group_names
from frontline.extract.attribution import Attribution, certainty_of, find_attribution
from frontline.extract.causes import cause_trigger
from frontline.extract.clause_patterns import (
    _APPOSED_NAME,
    _BACKGROUND,
    _BARE_VERB,
    _CAME_AS,
    _CLAUSE_BACKGROUND,
    _CLAUSE_BREAK,
    _CRAFT,
    _CRAFT_HIT_AFTER,
    _CRAFT_HIT_BEFORE,
    _EXPECTED,
    _FIGHTING,
    _FORCED_BEFORE,
    _GENERIC_FIGHTERS,
    _HELD_WEAPONS_AFTER,
    _HELD_WEAPONS_BEFORE,
    _HYPHEN_COMPOUND,
    _HYPOTHETICAL_BEFORE,
    _IS,
    _LEFT_AS_RESULT,
    _MONTHS_AFTER,
    _NAME_AFTER,
    _NAMED_EVENT,
    _NEGATED,
    _NEGATED_RELATIVE,
    _NEVER_AN_EVENT,
    _NOT_AN_EVENT_AFTER,
    _NOT_AN_EVENT_BEFORE,
    _OBJECT_OF,
    _ONE_PHRASE,
    _PERFECT_INFINITIVE,
    _PLANNED,
    _PRO,
    _PROGRESSIVE,
    _PRONOUN_SUBJECT,
    _SPAN_OF_DAYS,
    _SPEECH_BEFORE,
    _SUBJECT_START,
    _SUPPORT_BEFORE,
    _VIDEO_TITLE_AFTER,
    _WEAPONS_NOUN,
    _WHAT_A_GROUP_DOES,
    _WORDS,
)
from frontline.extract.lexicon import (
    ADJECTIVE,
    actor_lexicon,
    actors,
    speaker_forces,
    trigger_families,
    trigger_lexicon,
)
from frontline.extract.numbers import find_quantities
from frontline.extract.places import DocumentContext, PlaceMention, find_places
from frontline.extract.prefilter import filtered
from frontline.extract.sentences import Sentence
from frontline.records import Document, Quantity


@dataclass(frozen=True, slots=True)
class TriggerHit:
    start: int
    end: int
    text: str
    family: str


@dataclass(frozen=True, slots=True)
class ActorHit:
    start: int
    end: int
    text: str
    name: str
    adjective: bool = False


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    date: date
    precision: int
    reporting: bool


@dataclass(slots=True)
class _Later:
    """What a sentence's parts work out only when first asked: most sentences' claims never
    ask for the counts, whether the sentence is background or how certain it is."""

    attribution: Attribution | None
    quantities: tuple[Quantity, ...] | None = None
    background: bool | None = None
    certainty: str | None = None
    breaks: list[int] | None = None  # where clauses break


@dataclass(frozen=True, slots=True)
class SentenceParts:
    start: int
    end: int
    text: str
    triggers: tuple[TriggerHit, ...]
    actors: tuple[ActorHit, ...]
    places: tuple[PlaceMention, ...]
    dates: tuple[DateHit, ...]
    speaker: str | None
    speaker_is_pronoun: bool
    speaker_forces: str | None
    speaker_actor: str | None
    speaker_span: tuple[int, int] | None
    subject_actor: str | None
    context: DocumentContext
    # places named inside the speaker's words ("a spokesman at the hospital in Kafr Takharim")
    speaker_places: tuple[PlaceMention, ...] = ()
    _later: _Later = field(default_factory=lambda: _Later(None), repr=False, compare=False)

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """The counts of a sentence with a trigger (spans are document offsets)."""
        later = self._later
        if later.quantities is None:
            found = find_quantities(self.text, self.start) if self.triggers else ()
            later.quantities = tuple(found)
        return later.quantities

    @property
    def background(self) -> bool:
        """Never an event, or background without a day of its own (:func:`_is_background`)."""
        later = self._later
        if later.background is None:
            later.background = _is_background(self.text, self.dates)
        return later.background

    @property
    def certainty(self) -> str:
        later = self._later
        if later.certainty is None:
            later.certainty = _certainty(self.text, later.attribution)
        return later.certainty

    def habitual_at(self, position: int) -> bool:
        """Whether the clause around ``position`` states a state or a habit, not an event."""
        if not filtered(_CLAUSE_BACKGROUND).possible(self.text):
            return False  # no required word anywhere in the sentence, so none in the clause
        breaks = self._later.breaks
        if breaks is None:
            breaks = self._later.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]
        start = max((b for b in breaks if b < position), default=0)
        end = min((b for b in breaks if b >= position), default=len(self.text))
        return _CLAUSE_BACKGROUND.search(self.text, start, end) is not None

    def pronoun_before(self, position: int) -> bool:
        """Whether a pronoun before ``position`` may be the subject of what happens there (not
        the speaker's own: "He said that ...")."""
        return any(
            _outside(self.speaker_span, m.start(), m.end())
            for m in _PRONOUN_SUBJECT.finditer(self.text, 0, position)
        )


def _outside(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is None or end <= span[0] or start >= span[1]


def _all_actors(text: str) -> tuple[ActorHit, ...]:
    hits: list[ActorHit] = []
    for m in actor_lexicon().find(text):
        if _HYPHEN_COMPOUND.match(text[m.end : m.end + 12]) or _PRO.search(
            text[max(0, m.start - 4) : m.start]
        ):
            continue
        name, adjective = m.key.removesuffix(ADJECTIVE), m.key.endswith(ADJECTIVE)
        last = hits[-1] if hits else None
        if (
            last
            and not adjective
            and _ONE_PHRASE.fullmatch(text[last.end : m.start])
            and not (last.name != name and _APPOSED_NAME.match(text[last.end - 1 : m.start + 1]))
        ):
            # "ISIS terrorists", "al-Nusra militants": one party, named by the first
            hits[-1] = ActorHit(
                last.start, m.end, text[last.start : m.end], last.name, last.adjective
            )
            continue
        hits.append(ActorHit(m.start, m.end, m.text, name, adjective))
    return tuple(hits)


def _as_is(hit: ActorHit) -> ActorHit:
    """A generic word for armed men ("terrorists", "militants") as the Islamic State."""
    if _GENERIC_FIGHTERS.fullmatch(hit.text):
        return ActorHit(hit.start, hit.end, hit.text, _IS, hit.adjective)
    return hit


def _triggers(text: str, speaker_span: tuple[int, int] | None) -> tuple[TriggerHit, ...]:
    hits: list[TriggerHit] = []
    for m in trigger_lexicon().find(text):
        if not _outside(speaker_span, m.start, m.end) or _NAMED_EVENT.match(m.text):
            continue  # "the Ghouta Massacre": the name of a past event
        window = text[max(0, m.start - 40) : m.start]
        # (the case-insensitive rules run through ``filtered``: case-sensitively over the
        # lower-cased words, several times faster, with the same answers)
        if (
            filtered(_NOT_AN_EVENT_BEFORE).search(window[-30:])
            and not filtered(_FORCED_BEFORE).search(window)
            and not _PERFECT_INFINITIVE.search(window)
        ):
            continue
        if filtered(_EXPECTED).search(window) or cause_trigger(text, m.start, m.end):
            continue  # expected, or the cause of what is told ("in retaliation for the attack")
        before = text[max(0, m.start - 60) : m.start]
        if filtered(_NEGATED).search(before) and not _NEGATED_RELATIVE.search(before):
            continue
        if filtered(_MONTHS_AFTER).search(text[max(0, m.start - 90) : m.start]):
            continue  # told as what came months before ("a month after al-Nusra expelled")
        if filtered(_WHAT_A_GROUP_DOES).search(text[max(0, m.start - 90) : m.start]):
            continue  # "a local group that supports protest and resistance": a description
        if filtered(_HYPOTHETICAL_BEFORE).search(window):
            continue  # "could avert possible U.S. military strikes": not (yet) an event
        if _SUBJECT_START.fullmatch(text, 0, m.start) and _CAME_AS.match(text, m.end):
            continue  # "The blast happened as ...": the event told before, set in time
        if _BARE_VERB.fullmatch(m.text) and filtered(_PLANNED).search(
            text[max(0, m.start - 90) : m.start]
        ):
            continue  # "planned to break the lines and recapture the areas": a plan
        # "forces backed by government shelling took an area": the support's verb is an event
        support = (
            filtered(_SUPPORT_BEFORE).search(window) and not trigger_families()[m.key].territory
        )
        if support or _NOT_AN_EVENT_AFTER.match(text[m.end : m.end + 30]):
            continue
        if m.text.lower().startswith("left") and _LEFT_AS_RESULT.match(text[m.end : m.end + 60]):
            continue
        if _VIDEO_TITLE_AFTER.search(text, m.end, m.end + 150):
            continue  # "Air strikes kill eight White Helmets workers - YouTube": a video's title
        if _held_weapons(text, m.start, m.end) or _craft_hit(text, m.start, m.end):
            continue
        hits.append(TriggerHit(m.start, m.end, m.text, m.key))
    return tuple(hits)


def _craft_hit(text: str, start: int, end: int) -> bool:
    """ "DAESH shot down a helicopter", "their helicopter came under fire": the aircraft is
    what was hit; the event is the ground fire (a clash), not an air strike."""
    if not _CRAFT.search(text[start:end]):
        return False
    before = text[max(0, start - 40) : start]
    return bool(_CRAFT_HIT_BEFORE.search(before) or _CRAFT_HIT_AFTER.match(text[end : end + 30]))


def _held_weapons(text: str, start: int, end: int) -> bool:
    """ "surrendered its cache of chemical weapons": arms held or given up, not an attack."""
    if not _WEAPONS_NOUN.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - 50) : start]
    return bool(
        _HELD_WEAPONS_BEFORE.search(before) or _HELD_WEAPONS_AFTER.match(text[end : end + 20])
    )


def _describes_a_party(hit: TriggerHit, text: str, parties: tuple[ActorHit, ...]) -> bool:
    """ "the coalition fighting IS", "Hezbollah, which is fighting alongside ...": what a party
    does in general, not a battle."""
    if not _FIGHTING.fullmatch(hit.text):
        return False
    before = text[max(0, hit.start - 20) : hit.start]
    if _PROGRESSIVE.search(before):
        return True
    return any(0 <= hit.start - a.end <= 2 for a in parties)


def _dates(
    text: str, published: date | None, speaker_span: tuple[int, int] | None
) -> tuple[DateHit, ...]:
    if published is None:
        return ()
    hits: list[DateHit] = []
    for expr in date_parser.find_date_expressions(text):
        resolved, precision = date_parser.resolve(expr, published)
        reporting = bool(_SPEECH_BEFORE.search(text[max(0, expr.start - 40) : expr.start]))
        near_speaker = speaker_span and speaker_span[0] <= expr.start <= speaker_span[1] + 25
        if near_speaker and not _SPAN_OF_DAYS.search(text[expr.start : expr.end]):
            reporting = True  # "in the past four days the observatory said": the events' span
        hits.append(DateHit(expr.start, expr.end, resolved, precision, reporting))
    return tuple(hits)


# Prose, not a headline: someone "said" in lower case, a day told "on Friday"
_PROSE = re.compile(
    r"\b(?:said|told|added)\b|"
    r"\b(?:on|late|early) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _is_headline(text: str) -> bool:
    """A headline run into the text ("Several Syrians Killed Injured in Homs Suicide Blasts");
    a sentence whose names someone "said" in lower case is prose ("Al-Nusra captured Base 46"
    said Rami Abdel Rahman director of the Britain-based Observatory), and so is one that
    tells its day ("Khan Touman fell to Nusra Front fighters on Friday")."""
    if _PROSE.search(text):
        return False
    words = [w for w in _WORDS.findall(text) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised >= 0.7 * len(words)


def _is_background(text: str, dates: tuple[DateHit, ...]) -> bool:
    """Never an event (plans, accusations, pictures, headlines), or background unless it has
    its own day."""
    if filtered(_NEVER_AN_EVENT).search(without_group_names(text)) or _is_headline(text):
        return True
    own_day = any(not d.reporting and d.precision == 1 for d in dates)
    return bool(filtered(_BACKGROUND).search(text)) and not own_day


def _certainty(text: str, attribution: Attribution | None) -> str:
    """As :func:`certainty_of`, and a party to the war speaking of the war is "claimed"."""
    certainty = certainty_of(text, attribution)
    if certainty == "reported" and attribution is not None and attribution.speaker is not None:
        parties = {a.speaker for a in actors().values()} | set(speaker_forces())
        if attribution.speaker in parties:
            return "claimed"
    return certainty


def read_sentence(
    sentence: Sentence,
    document: Document,
    context: DocumentContext,
    last_actor: str | None,
    last_speaker: str | None,
) -> SentenceParts:
    """Everything the event rules need to know about one sentence."""
    text = sentence.text
    actor_speaker = actors()[last_actor].speaker if last_actor in actors() else None
    attribution = find_attribution(text, last_speaker, actor_speaker)
    speaker_span = (attribution.start, attribution.end) if attribution else None
    every_actor = _all_actors(text)
    triggers = tuple(
        t for t in _triggers(text, speaker_span) if not _describes_a_party(t, text, every_actor)
    )
    if last_actor == _IS:  # "terrorists" in a story about IS are IS (GUIDELINE_EXTENSIONS, E)
        every_actor = tuple(_as_is(a) for a in every_actor)
    actor_hits = tuple(a for a in every_actor if _outside(speaker_span, a.start, a.end))
    speaker_actor = next(
        (
            a.name
            for a in every_actor
            if not _outside(speaker_span, a.start, a.end) and not a.adjective
        ),
        None,
    )
    first_trigger = triggers[0].start if triggers else len(text)
    subject = next(
        (
            a.name
            for a in actor_hits
            if a.start < first_trigger
            and a.name != "Civilians"
            and not _OBJECT_OF.search(text, max(0, a.start - 20), a.start)
        ),
        None,
    )
    # dates and counts only matter where a trigger stands; the rest feeds the discourse memory
    dates = _dates(text, document.published, speaker_span) if triggers else ()
    named = tuple(
        p
        for p in find_places(text, sentence.start, context)
        if all(_outside((a.start, a.end), p.start, p.end) for a in every_actor if not a.adjective)
        and not _NAME_AFTER.match(text[p.end : p.end + 12])
    )
    places = tuple(p for p in named if _outside(speaker_span, p.start, p.end))
    return SentenceParts(
        start=sentence.start,
        end=sentence.end,
        text=text,
        triggers=triggers,
        actors=actor_hits,
        places=places,
        dates=dates,
        speaker=attribution.speaker if attribution else None,
        speaker_is_pronoun=attribution.pronoun if attribution else False,
        speaker_forces=speaker_forces().get(attribution.speaker or "") if attribution else None,
        speaker_actor=speaker_actor,
        speaker_span=speaker_span,
        subject_actor=subject,
        context=context,
        speaker_places=tuple(p for p in named if not _outside(speaker_span, p.start, p.end)),
        _later=_Later(attribution),
    )
