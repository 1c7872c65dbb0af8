"""Places named in a sentence, resolved against the gazetteer in the article's context.

The gazetteer (:mod:`frontline.geo`) finds the names; this module reads the words around each
name that change what it means ("east Aleppo", "outskirts of Raqqa", "Idlib province", "the
Suleiman al-Halabi water pumping station") and asks the resolver for the place with that
context: the city the article is about and the governorate given with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from frontline.extract.sentences import Sentence
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.normalize import lexicon as geo_lexicon
from frontline.geo.resolve import ResolveContext, admin1_names, resolve
from frontline.records import Document, GeoStatus, Place, Span

_PART_BEFORE = re.compile(
    r"(?:\b(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|"
    r"central|rural|outskirts of|near|nearby|close to|countryside of|suburbs of|parts? of|"
    r"areas? of|around|outside|edge of|entrance to|east of|west of|north of|south of)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?)$",
    re.IGNORECASE,
)
_DIRECTION = r"(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?)"
# a city named as the hub of its countryside or province: the places around lie in that area
_AREA_BEFORE = re.compile(
    r"\b(?:countryside|province|governorate|outskirts) of\s+(?:the\s+)?$|\brural\s+$",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:" + _DIRECTION + r"\s+)?(?:countryside|province|governorate)\b",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(r"^\s+(?:province|governorate|region)\b", re.IGNORECASE)
_PART_AFTER = re.compile(
    r"^\s+(?:countryside|outskirts|suburbs|surroundings|area|environs)\b", re.IGNORECASE
)
_FACILITY_AFTER = re.compile(
    r"^\s+(?:water (?:pumping )?station|pumping station|power (?:plant|station)|hospital|airport|"
    r"air ?base|military airport|oil ?field|gas ?field|checkpoint|highway|road|bridge|dam|"
    r"prison|barracks|academy|roundabout|square|market|mosque|school|university|factory)\b",
    re.IGNORECASE,
)
_FEATURE_HINT_AFTER = re.compile(
    r"^\s+(district|neighbou?rhood|village|town|city|province|governorate)\b", re.IGNORECASE
)
_FEATURE_HINT_BEFORE = re.compile(
    r"\b(district|neighbou?rhood|village|town|city) of\s+$", re.IGNORECASE
)
_NAME_WORDS = (
    r"(?P<name>(?:(?:al|el|ad|as|ash|az|at|ar)[-‑ ])?[A-Z][\w'’]+"
    r"(?:[-‑ ](?:(?:al|el|ad|as|ash|az|at|ar|bin|abu)[-‑ ])?[A-Z][\w'’]+){0,3})"
)
_UNKNOWN_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|near|towards|outside|(?:town|village|city|neighbou?rhood|district|area|region) of)"
    r"\s+(?:the\s+)?" + _NAME_WORDS
)
_FEATURES = (
    r"(?:neighbou?rhood|district|village|valley|oil ?fields?|gas ?fields?|"
    r"military airport|air ?base|airport|farms|hills?|mountains?|checkpoint|highway|road)\b"
)
_UNKNOWN_BEFORE_FEATURE = re.compile(_NAME_WORDS + r"\s+" + _FEATURES)
_ANY_FEATURE = re.compile(_FEATURES)  # a sentence without one needs no name-before-it scan
_POPULATED = {"city", "town", "village"}
_ANCHORS = {"city", "governorate"}
_RANK = {
    "neighbourhood": 0,
    "landmark": 0,
    "facility": 0,
    "village": 1,
    "town": 1,
    "community": 1,
    "city": 2,
    "subdistrict": 3,
    "district": 4,
    "governorate": 5,
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence (offsets local to the sentence) and what it resolved to."""

    start: int
    end: int
    text: str
    place: Place
    rank: int


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the whole article says about where it is: its city, its governorate."""

    city: str | None
    admin1: str | None
    default: PlaceMention | None


@lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Gazetteer names, and names the gazetteer lacks where the words say a place stands
    ("in Wadi al-Mesk", "the village of X", "X oilfields"): those resolve as unresolved,
    placed at the smallest known containing place, never dropped."""
    known = [(m[0], m[1]) for m in Gazetteer.default().find_mentions(text)]
    unknown = [
        span for span in _unknown_names(text) if all(span[1] <= s or span[0] >= e for s, e in known)
    ]
    return tuple(sorted(known + unknown))


def _unknown_names(text: str) -> list[tuple[int, int]]:
    stop = geo_lexicon().stopwords
    found: dict[int, int] = {}
    patterns = [_UNKNOWN_AFTER_PREPOSITION]
    if _ANY_FEATURE.search(text):
        patterns.append(_UNKNOWN_BEFORE_FEATURE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span("name")
            words = [w for w in re.split(r"[\s\-‑]+", m.group("name")) if w[:1].isupper()]
            if not words or any(w.lower() in stop for w in words):
                continue
            found.setdefault(start, end)
    return sorted(found.items())


@lru_cache(maxsize=65536)
def _resolved(name: str, context: ResolveContext) -> Place:
    """Resolution depends on the name and its context only: the same answer for every article."""
    return resolve(name, context)


@lru_cache(maxsize=4096)
def _hinted(context: ResolveContext, hint: str | None) -> ResolveContext:
    return replace(context, feature_hint=hint)


def _feature_hint(text: str, start: int, end: int) -> str | None:
    after = _FEATURE_HINT_AFTER.match(text[end : end + 20])
    if after:
        return after.group(1).lower()
    before = _FEATURE_HINT_BEFORE.search(text[max(0, start - 20) : start])
    return before.group(1).lower() if before else None


def _resolution(
    text: str, start: int, end: int, context: ResolveContext
) -> tuple[Place, re.Match[str] | None]:
    """The gazetteer's reading of the name at ``text[start:end]`` with the words around it,
    and the region word after it ("Damascus province": the governorate)."""
    region = _REGION_AFTER.match(text[end : end + 15])
    if region:
        phrase, ctx = text[start : end + region.end()], _hinted(context, "governorate")
    else:
        phrase, ctx = text[start:end], _hinted(context, _feature_hint(text, start, end))
    return _resolved(phrase, ctx), region


def _mention(text: str, start: int, end: int, offset: int, context: ResolveContext) -> PlaceMention:
    name = text[start:end]
    place, region = _resolution(text, start, end, context)
    lead = _PART_BEFORE.search(text[max(0, start - 40) : start])
    part = lead is not None or _PART_AFTER.match(text[end : end + 20]) is not None
    facility = _FACILITY_AFTER.match(text[end : end + 30])
    written = name if lead is None else text[start - len(lead.group(0)) : end].strip()
    precision = place.geo_precision
    if region:
        precision = 3
    elif (part or facility) and precision is not None:
        precision = max(precision, 2)
    place = replace(
        place,
        text=written if written != name else place.text,
        geo_precision=precision,
        span=Span(offset + start, offset + end, name),
    )
    rank = _RANK.get(place.feature or "", 2)
    if facility:
        rank = 0
    if place.status is GeoStatus.UNRESOLVED and place.feature is None:
        rank = 1
    return PlaceMention(start, end, name, place, rank)


def find_places(text: str, offset: int, context: DocumentContext) -> list[PlaceMention]:
    """The places a sentence names, in order; ``offset`` is the sentence's start in the article."""
    base = ResolveContext(city=context.city, admin1=context.admin1, feature_hint=None, nearby=())
    found = [_mention(text, s, e, offset, base) for s, e in _mentions(text)]
    anchors = [
        m for m in found if m.place.feature in _ANCHORS and m.place.status is GeoStatus.RESOLVED
    ]
    area = tuple(dict.fromkeys(a for m in anchors for a in _area(text, m)))
    regions = {m.place.admin1 for m in anchors} | set(area)
    if not regions:
        return found
    # A name that resolved away from the city or governorate its sentence names is read again
    # with those places as neighbours ("al-Sinaa and al-Ummal neighborhoods in Deir Ezzor city")
    # and, where the sentence names an area ("in the countryside of Damascus", "Hama province"),
    # inside that governorate.
    again = replace(base, nearby=tuple(m.text for m in anchors), region=area)
    return [
        _mention(text, m.start, m.end, offset, again)
        if m not in anchors
        and (m.place.status is not GeoStatus.RESOLVED or m.place.admin1 not in regions)
        else m
        for m in found
    ]


def _area(text: str, anchor: PlaceMention) -> tuple[str, ...]:
    """The governorate an anchor names as an area: a governorate itself, or a city with
    'countryside', 'province', 'rural' around it (Damascus's countryside is Rural Damascus)."""
    place = anchor.place
    if place.feature == "governorate":
        return (place.admin1,) if place.admin1 else ()
    cued = _AREA_BEFORE.search(text[max(0, anchor.start - 40) : anchor.start]) or _AREA_AFTER.match(
        text[anchor.end : anchor.end + 40]
    )
    if not cued:
        return ()
    return admin1_names(f"{place.name} countryside") or ((place.admin1,) if place.admin1 else ())


def document_context(document: Document, sentences: Sequence[Sentence]) -> DocumentContext:
    """The town or city an article is about (the one it names most) and its governorate."""
    admin1 = document.meta.get("location") or None
    base = ResolveContext(city=None, admin1=admin1, feature_hint=None, nearby=())
    cities: Counter[str] = Counter()
    first: dict[str, tuple[Sentence, int, int]] = {}
    for sentence in sentences:
        for s, e in _mentions(sentence.text):
            place, _region = _resolution(sentence.text, s, e, base)
            if place.feature in _POPULATED:
                cities[place.name] += 1
                first.setdefault(place.name, (sentence, s, e))
    if not cities:
        return DocumentContext(city=None, admin1=admin1, default=None)
    city = cities.most_common(1)[0][0]
    sentence, s, e = first[city]
    default = _mention(sentence.text, s, e, sentence.start, base)
    precise = replace(default.place, geo_precision=max(default.place.geo_precision or 2, 2))
    return DocumentContext(
        city=city, admin1=admin1 or default.place.admin1, default=replace(default, place=precise)
    )
