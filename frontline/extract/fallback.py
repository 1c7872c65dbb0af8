"""Where an event is when its sentence names no place of its own.

The speaker's place ("a spokesman at the hospital in Kafr Takharim said"), "the capital", the
town the story is about ("the town"), else the place the story was last about or the article's.
A capture placed this way changes control only where the sentence points at that place ("the
coastal city"); "all but one of the villages", "a hilltop" are ground it does not name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontline.extract.clauses import SentenceParts, TriggerHit
from frontline.extract.places import PlaceMention, find_places
from frontline.records import Span

_POPULATED = {"city", "town", "village"}
_SMALL = {"town", "village"}
_SETTLEMENTS = re.compile(r"\b(?:villages|towns)\b", re.IGNORECASE)
_THE_CAPITAL = re.compile(
    r"\b(?:in|on|near|around|into|at) the (?:syrian )?(?P<capital>capital)\b(?!\s+of)",
    re.IGNORECASE,
)
_THE_TOWN = re.compile(r"\bthe (?:town|city|village)\b(?! of)", re.IGNORECASE)
# "pushed deep into the coastal city ... seizing a string of villages": the story's place, named
# by a definite description
_THE_PLACE = re.compile(
    r"\bthe (?:[\w-]+ )?(?:town|city|village|province|region|area)\b(?! of)", re.IGNORECASE
)

_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b", re.IGNORECASE)


def story_places(parts: SentenceParts, remembered: PlaceMention | None) -> list[PlaceMention]:
    """Where the event of a sentence that names no place is; ``remembered`` is the place the
    story was last about."""
    return _speaker_place(parts) or _capital(parts) or _fallback_place(parts, remembered)


def unnamed_ground(parts: SentenceParts, hit: TriggerHit, places: list[PlaceMention]) -> bool:
    """Whether the capture ``hit``, placed at ``places`` (found by :func:`story_places`), took
    ground the sentence does not name: neither a description of the place ("the town", "the
    coastal city"), a pronoun for it ("After the regime retook it") nor its name stands there."""
    if _THE_PLACE.search(parts.text) or _PRONOUN_OBJECT.match(parts.text[hit.end :]):
        return False
    if _SETTLEMENTS.search(parts.text) and any(m.place.feature in _SMALL for m in places):
        return False  # the village the story is about may be among "the villages" retaken
    return not any(m.text and m.text in parts.text for m in places)


def _speaker_place(parts: SentenceParts) -> list[PlaceMention]:
    """The most specific place named inside the speaker's words ("a spokesman at the hospital
    in Kafr Takharim in Idlib said"): where the event was when the sentence names no other."""
    if not parts.speaker_places:
        return []
    return [min(parts.speaker_places, key=lambda p: (p.rank, p.start))]


def _capital(parts: SentenceParts) -> list[PlaceMention]:
    """ "In the capital", "the Syrian capital": Damascus, when the sentence names no place."""
    said = _THE_CAPITAL.search(parts.text)
    if said is None:
        return []
    start, end = said.start("capital"), said.end("capital")
    span = Span(parts.start + start, parts.start + end, parts.text[start:end])
    return [
        replace(m, start=start, end=end, text=span.text, place=replace(m.place, span=span))
        for m in find_places("Damascus", 0, parts.context)
        if m.rank == 2
    ][:1]


def _fallback_place(parts: SentenceParts, remembered: PlaceMention | None) -> list[PlaceMention]:
    """No place in the sentence: "the town" is the town the article is about; otherwise the
    place the discourse is about, else the article's."""
    the_town = _THE_TOWN.search(parts.text) is not None
    if the_town and remembered is not None and remembered.place.feature in _POPULATED:
        return [remembered]
    if the_town and parts.context.default:
        return [parts.context.default]
    if remembered is not None:
        return [remembered]
    return [parts.context.default] if parts.context.default else []
