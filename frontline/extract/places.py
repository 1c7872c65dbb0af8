"""Places named in a sentence, resolved against the gazetteer in the article's context.

The gazetteer (:mod:`frontline.geo`) finds the names; this module reads the words around each
name that change what it means ("east Aleppo", "outskirts of Raqqa", "Idlib province", "the
Suleiman al-Halabi water pumping station") and asks the resolver for the place with that
context: the city the article is about and the governorate given with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from operator import attrgetter

from frontline.extract.not_places import group_word, opens_organisation
from frontline.extract.prefilter import filtered
from frontline.extract.quarters import beside_quarters
from frontline.extract.sentences import Sentence
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.lists import list_items, name_prefixes
from frontline.geo.normalize import lexicon as geo_lexicon
from frontline.geo.resolve import ResolveContext, admin1_names, resolve, resolve_facility
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
# "the province of Lattakia", "Syria's southern province of Quneitra": the governorate, as
# "Lattakia province" is
_REGION_BEFORE = re.compile(r"\b(?:province|governorate) of\s+(?:the\s+)?$", re.IGNORECASE)
_PART_AFTER = re.compile(
    r"^\s+(?:countryside|outskirts|suburbs|surroundings|area|environs)\b", re.IGNORECASE
)
# a direction before "city/town/village of" says where the place lies in the country, not
# which part of it is meant ("the northern city of Aleppo", "the western town of Ariha")
_WHERE_IN_SYRIA = re.compile(
    r"(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)\s+"
    r"(?:city|town|village)\s+of\s+$",
    re.IGNORECASE,
)
_FACILITY_AFTER = re.compile(
    r"^\s+(?:water (?:pumping )?station|pumping station|power (?:plant|station)|hospital|"
    r"(?:international )?airport|"
    r"air ?base|military airport|oil ?field|gas ?field|checkpoint|highway|road|bridge|dam|"
    r"prison|barracks|academy|roundabout|square|market|mosque|school|university|factory)\b",
    re.IGNORECASE,
)
_FEATURE_HINT_AFTER = re.compile(
    r"^\s+(district|neighbou?rhood|village|town|city|province|governorate)(?:s\b|\b)",
    re.IGNORECASE,
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
# A military base named by its number ("Base 46", "Regiment 111", "Brigade 80")
_NUMBERED_BASE = re.compile(r"\b(?P<name>(?:Base|Regiment|Brigade|Division|Battalion) \d{2,3})\b")
_FEATURES = (
    r"(?:neighbou?rhood|district|village|valley|oil ?fields?|gas ?fields?|"
    r"military airport|air ?base|military base|airport|farms|hills?|mountains?|checkpoint|"
    r"highway|road)\b"
)
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) $")
# a capitalised word that ends a name: 'and', a preposition or a mark follows it
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)(?=\s+(?:and|in|on|at|near|of|while|which)\b|[,.;]|$)")
# "al-Sinaa and al-Ummal neighborhoods": the plural feature word names both places
_SHARED_HINT_AFTER = re.compile(
    r"\s+and\s+" + _NAME_WORDS + r"\s+(?P<feature>district|neighbou?rhood|village|town)s\b",
    re.IGNORECASE,
)
_IN_NEXT = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
_AND_NAME = re.compile(r"(?:\s+(?:province|governorate|countryside))?\s+and\s+" + _NAME_WORDS)
_UNKNOWN_BEFORE_FEATURE = re.compile(_NAME_WORDS + r"\s+" + _FEATURES)
_ANY_FEATURE = re.compile(_FEATURES)  # a sentence without one needs no name-before-it scan
_POPULATED = {"city", "town", "village"}
_QUARTERS = {"neighbourhood", "district"}  # the features a list of a city's quarters gives
_QUARTER_KINDS = {"neighbourhood", "landmark", "facility"}
# what a listed quarter is mistaken for ("districts of" may name a governorate's towns)
_STRAY_KINDS: set[str | None] = {"neighbourhood", "landmark", "village", None}
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


@dataclass(frozen=True, slots=True)
class _Spot:
    """A name in a sentence and what the words around it say, whatever the article's context:
    the phrase to resolve and its feature hint, a region word after it ("Idlib province"), a
    part word around it ("east Aleppo", "Aleppo countryside"), a facility after it."""

    start: int
    end: int
    name: str
    phrase: str
    hint: str | None
    region: bool
    part: bool
    facility: bool
    written: str  # the name with the part words before it ("east Aleppo")
    quarter: str | None = None  # the noun of a list of a city's quarters ("neighborhoods of")
    guess: bool = False  # a listed name the gazetteer lacks ("Bani Zeid", "Duvaybik")
    countryside: bool = False  # "northern rural Homs": the governorate around the city (gold)


@lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[_Spot, ...]:
    """Gazetteer names, and names the gazetteer lacks where the words say a place stands
    ("in Wadi al-Mesk", "the village of X", "X oilfields"): those resolve as unresolved,
    placed at the smallest known containing place, never dropped."""
    gaz = Gazetteer.default()
    items = list_items(text, gaz)
    listed = {(i.start, i.end): i.hint for i in items}
    guessed = {(i.start, i.end) for i in items if not i.known}
    known = [
        (m[0], m[1])
        for m in gaz.find_mentions(text)
        if _apart((m[0], m[1]), listed)
        and not group_word(text[m[0] : m[1]])
        and not opens_organisation(text[m[1] :])
    ] + list(listed)
    known = [_widened(text, span) if span not in listed else span for span in known]
    unknown = [span for span in _unknown_names(text) if _apart(span, known)]
    unknown += [span for span in _joined_names(text, known) if _apart(span, known + unknown)]
    return tuple(
        _spot(text, s, e, listed.get((s, e)), (s, e) in guessed) for s, e in sorted(known + unknown)
    )


def _widened(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A gazetteer name inside a longer one the gazetteer lacks: a name-starting word before it
    ("the village of Tal Al-Majda": Majda is another place) or, after a name that starts with
    such a word, a person's name that ends it ("Tal al-Sheikh Hussein and Toloul Khalif")."""
    start, end = span
    prefixes = name_prefixes()
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    lex = geo_lexicon()
    # not after "Abu" or "Umm": "Abu Moussa" whose name is a place's is a person
    if before and before.group(1).lower() in prefixes - lex.kunya:
        start = before.start(1)
    first = text[start:end].split()[0].lower()
    after = _WORD_AFTER.match(text, end)
    if after and first in prefixes and after.group(1).lower() in lex.given_names:
        end = after.end(1)
    return start, end


def _apart(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in others)


def _unknown_names(text: str) -> list[tuple[int, int]]:
    stop = geo_lexicon().stopwords
    found: dict[int, int] = {}
    patterns = [_UNKNOWN_AFTER_PREPOSITION, _NUMBERED_BASE]
    if _ANY_FEATURE.search(text):
        patterns.append(_UNKNOWN_BEFORE_FEATURE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span("name")
            words = [w for w in re.split(r"[\s\-‑]+", m.group("name")) if w[:1].isupper()]
            numbered = pattern is _NUMBERED_BASE  # "Base 46": "base" alone is a common word
            if not words or (not numbered and any(w.lower() in stop for w in words)):
                continue
            found.setdefault(start, end)
    return sorted(found.items())


def _joined_names(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name the gazetteer lacks joined by 'and' to one it knows ("in Unq al-Hawa and Wadi
    al-Mesk"): the second place of a pair, unless its words are common words or a person's."""
    lex = geo_lexicon()
    out: list[tuple[int, int]] = []
    for _, end in known:
        m = _AND_NAME.match(text, end)
        if m is None:
            continue
        words = [w for w in re.split(r"[\s\-‑]+", m.group("name")) if w[:1].isupper()]
        first = words[0].lower() if words else ""
        if not words or first in lex.given_names or first in lex.titles:
            continue
        if any(w.lower() in lex.stopwords or (w.isupper() and len(w) <= 4) for w in words):
            continue
        out.append(m.span("name"))
    return out


def _spot(text: str, start: int, end: int, listed: str | None = None, guess: bool = False) -> _Spot:
    """``listed`` is the feature a list gives the name ("the towns of ...")."""
    name = text[start:end]
    region = _REGION_AFTER.match(text[end : end + 15])
    region_before = _REGION_BEFORE.search(text[max(0, start - 25) : start])
    hint: str | None
    if region:
        phrase, hint = text[start : end + region.end()], "governorate"
    elif region_before:
        phrase, hint = text[start - len(region_before.group(0)) : end], "governorate"
    else:
        phrase, hint = name, _feature_hint(text, start, end) or listed
    lead = filtered(_PART_BEFORE).search(text[max(0, start - 40) : start])
    if lead is not None and _WHERE_IN_SYRIA.match(lead.group(0)):
        lead = None  # "the northern city of Aleppo" is the city, told by where it lies
    after = _PART_AFTER.match(text[end : end + 20])
    part = lead is not None or after is not None
    area = _AREA_AFTER.match(text[end : end + 30])  # "Aleppo eastern countryside"
    words = f"{lead.group(0) if lead else ''} {area.group(0) if area else ''}".lower()
    facility_words = _FACILITY_AFTER.match(text[end : end + 30])
    facility = facility_words is not None
    if facility_words and not region:
        whole = text[start : end + facility_words.end()]
        if any(c.strict for c in Gazetteer.default().candidates(whole)):
            phrase = whole  # a facility the gazetteer knows ("Aleppo international airport")
    written = name if lead is None else text[start - len(lead.group(0)) : end].strip()
    quarter = listed if listed in _QUARTERS else None
    in_region = region is not None or region_before is not None
    spot = _Spot(start, end, name, phrase, hint, in_region, part, facility, written, quarter, guess)
    return replace(spot, countryside=True) if "rural" in words or "countryside" in words else spot


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
    shared = _SHARED_HINT_AFTER.match(text, end)
    if shared:
        return shared.group("feature").lower()
    before = _FEATURE_HINT_BEFORE.search(text[max(0, start - 20) : start])
    return before.group(1).lower() if before else None


def _resolution(spot: _Spot, context: ResolveContext) -> Place:
    """The gazetteer's reading of the name with the words around it."""
    return _resolved(spot.phrase, _hinted(context, spot.hint))


@lru_cache(maxsize=65536)
def _placed(spot: _Spot, context: ResolveContext) -> tuple[Place, int]:
    """The place a spot stands for in a context, as written and as precise as its words say
    (its span still to be set), and its rank."""
    place = _resolution(spot, context)
    precision = place.geo_precision
    if spot.region or (spot.countryside and place.feature == "city"):
        precision = 3
    elif (spot.part or spot.facility) and precision is not None:
        precision = max(precision, 2)
    written = spot.written
    place = replace(
        place, text=written if written != spot.name else place.text, geo_precision=precision
    )
    rank = _RANK.get(place.feature or "", 2)
    if spot.facility:
        rank = 0
    if place.status is GeoStatus.UNRESOLVED and place.feature is None:
        rank = 1
    return place, rank


_PLACE_FIELDS = tuple(f.name for f in fields(Place) if f.init)
_place_values = attrgetter(*_PLACE_FIELDS)
_SPAN_FIELD = _PLACE_FIELDS.index("span")


def _with_span(place: Place, span: Span) -> Place:
    """``replace(place, span=span)`` without its per-call reading of the fields."""
    values = list(_place_values(place))
    values[_SPAN_FIELD] = span
    return Place(*values)


def _mention(spot: _Spot, offset: int, context: ResolveContext) -> PlaceMention:
    place, rank = _placed(spot, context)
    place = _with_span(place, Span(offset + spot.start, offset + spot.end, spot.name))
    return PlaceMention(spot.start, spot.end, spot.name, place, rank)


def find_places(text: str, offset: int, context: DocumentContext) -> list[PlaceMention]:
    """The places a sentence names, in order; ``offset`` is the sentence's start in the article."""
    return beside_quarters(text, _find_places(text, offset, context), context.admin1)


def _find_places(text: str, offset: int, context: DocumentContext) -> list[PlaceMention]:
    base = ResolveContext(city=context.city, admin1=context.admin1, feature_hint=None, nearby=())
    spots = _mentions(text)
    found = [_mention(spot, offset, base) for spot in spots]
    anchors = [
        m for m in found if m.place.feature in _ANCHORS and m.place.status is GeoStatus.RESOLVED
    ]
    area = tuple(dict.fromkeys(a for m in anchors for a in _area(text, m)))
    regions = {m.place.admin1 for m in anchors} | set(area)
    if not regions:
        return _guessed(spots, _at_city(spots, found, context, base), base)
    # A name that resolved away from the city or governorate its sentence names is read again
    # with those places as neighbours ("al-Sinaa and al-Ummal neighborhoods in Deir Ezzor city")
    # and, where the sentence names an area ("in the countryside of Damascus", "Hama province"),
    # inside that governorate.
    # The city itself, not its surroundings ("near Damascus"), holds the sentence's quarters
    # and outranks the article's city for them.
    cities = {m.place.name for m in anchors if m.place.feature == "city"}
    cities &= {m.place.name for m in anchors if m.place.geo_precision == 1}
    city = next(iter(cities)) if len(cities) == 1 else None
    again = replace(base, sentence_city=city, nearby=tuple(m.text for m in anchors), region=area)
    placed = [
        _mention(spot, offset, again)
        if m not in anchors
        and (m.place.status is not GeoStatus.RESOLVED or m.place.admin1 not in regions)
        else m
        for spot, m in zip(spots, found, strict=True)
    ]
    # "Tal Al-Majda in Sweida province and Tal Antar in Deraa": each in its own governorate
    for k, (spot, m) in enumerate(zip(spots, placed, strict=True)):
        own = _own_region(text, placed, k, anchors)
        if own and m.place.admin1 != own:
            placed[k] = _mention(spot, offset, replace(again, region=(own,)))
    return _guessed(spots, _at_city(spots, placed, context, base), base)


def _own_region(
    text: str, placed: list[PlaceMention], k: int, anchors: list[PlaceMention]
) -> str | None:
    """The governorate of the city or governorate named right after a place ("X in Deraa")."""
    if k + 1 >= len(placed) or placed[k + 1] not in anchors or placed[k] in anchors:
        return None
    after = placed[k + 1]
    if not _IN_NEXT.fullmatch(text[placed[k].end : after.start]):
        return None
    return after.place.admin1


def _at_city(
    spots: Sequence[_Spot],
    found: list[PlaceMention],
    context: DocumentContext,
    base: ResolveContext,
) -> list[PlaceMention]:
    """A listed quarter of a city that the gazetteer knows only as a village or a quarter of
    elsewhere ("the neighborhoods of Bab al-Faraj al-Ismailiya" in Aleppo; Bab al-Faraj is also
    a Hasakah village) keeps its own name, unresolved, at the city the sentence or the article
    names (precision 2)."""
    if not any(spot.quarter for spot in spots):
        return found
    city = next(
        (
            m.place
            for m in found
            if m.place.feature == "city" and m.place.status is GeoStatus.RESOLVED
        ),
        context.default.place if context.default else None,
    )
    if city is None or city.feature != "city":
        return found
    out = []
    for spot, m in zip(spots, found, strict=True):
        place = m.place
        inside = place.feature in _QUARTER_KINDS and place.admin1 == city.admin1
        stray = _STRAY_KINDS | ({"town"} if spot.quarter == "neighbourhood" else set())
        if spot.quarter and not inside and place.feature in stray:
            placed = resolve_facility(spot.name, city.name, base, place.span)
            m = PlaceMention(m.start, m.end, m.text, replace(placed, text=place.text), 0)
        out.append(m)
    return out


def _guessed(
    spots: Sequence[_Spot], found: list[PlaceMention], base: ResolveContext
) -> list[PlaceMention]:
    """A listed name the gazetteer lacks ("the area of ... Duvaybik Aktharin", "the areas of
    Hafez and Muhassen in Deir Ezzor") is no look-alike from elsewhere: it keeps its own name,
    unresolved, at the city or governorate its sentence names, else the article's."""
    if not any(spot.guess and not spot.quarter for spot in spots):
        return found
    holder = next(
        (
            m.place.name
            for m in found
            if m.place.feature in _ANCHORS and m.place.status is GeoStatus.RESOLVED
        ),
        None,
    )
    out = []
    for spot, m in zip(spots, found, strict=True):
        if spot.guess and not spot.quarter:
            placed = resolve_facility(spot.name, holder, base, m.place.span)
            m = PlaceMention(m.start, m.end, m.text, replace(placed, text=m.place.text), 1)
        out.append(m)
    return out


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
    first: dict[str, tuple[Sentence, _Spot]] = {}
    for sentence in sentences:
        for spot in _mentions(sentence.text):
            place = _resolution(spot, base)
            if place.feature in _POPULATED:
                cities[place.name] += 1
                first.setdefault(place.name, (sentence, spot))
    if not cities:
        return DocumentContext(city=None, admin1=admin1, default=None)
    city = cities.most_common(1)[0][0]
    sentence, spot = first[city]
    default = _mention(spot, sentence.start, base)
    precise = replace(default.place, geo_precision=max(default.place.geo_precision or 2, 2))
    return DocumentContext(
        city=city, admin1=admin1 or default.place.admin1, default=replace(default, place=precise)
    )
