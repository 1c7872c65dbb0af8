"""Resolving a place phrase from an article to a gazetteer entry, honestly.

``resolve("the Hanano housing district", ctx)`` reads the phrase (part qualifiers such as
"east" / "outskirts of", feature words such as "district" / "province", facility words
such as "water pumping station"), finds the candidates for the name, scores them against
the context (the city the article is about, the governorate given with the article, the
feature kind, other places named nearby, population) and returns a
:class:`frontline.records.Place` that says resolved, ambiguous or unresolved.

``geo_precision``: 1 the place itself; 2 part of it or near it, or a facility placed at
the place that contains it; 3 only the governorate.
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from dataclasses import dataclass, replace

from frontline.geo.build import ALIASES_FILE
from frontline.geo.gazetteer import POPULATED_KINDS, Candidate, Entry, Gazetteer, radius_km
from frontline.geo.mentions import find_mentions
from frontline.geo.normalize import fold, lexicon, name_keys
from frontline.records import GeoStatus, Place, Span

AMBIGUITY_MARGIN = 0.15
SAME_PLACE_KM = 5.0
NEARBY_KM = 30.0
SUBDISTRICT_KM = 20.0
REGION_BONUS = 0.6
QUARTER_KM = 10.0  # a place this far outside a city's edge is no quarter of it
REGION_KM = 120.0  # beyond this from every place the sentence anchors on, a name is elsewhere
_KIND_PRIOR = {
    "city": 0.35,
    "town": 0.25,
    "region": 0.25,
    "governorate": 0.2,
    "village": 0.1,
    "neighbourhood": 0.1,
    "landmark": 0.1,
    "district": 0.05,
    "subdistrict": 0.0,
}
_TRIM = " \t\n,.;:!?\"'“”‘’()[]"
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class ResolveContext:
    """What the article says around a place: its city, governorate, feature, neighbours."""

    city: str | None = None
    admin1: str | None = None
    feature_hint: str | None = None
    nearby: tuple[str, ...] = ()
    # governorates the sentence itself puts its places in ("in the countryside of Damascus")
    region: tuple[str, ...] = ()
    # the city the sentence itself names ("al-Qusour neighborhood in Deir Ezzor city"): it holds
    # the sentence's quarters, whatever city the article names most
    sentence_city: str | None = None


@dataclass(frozen=True)
class _Phrase:
    """A place phrase taken apart."""

    core: str
    part: bool  # "east Aleppo", "outskirts of Raqqa", "Aleppo countryside"
    kinds: tuple[str, ...]  # feature kinds the phrase names, best first
    facility: str | None  # "water pumping station"
    full: str  # the phrase without leading "the"/"in" and trailing punctuation


def _strip_words(text: str, words: tuple[str, ...], at_start: bool) -> tuple[str, str | None]:
    low = text.lower()
    for w in words:
        if at_start and low.startswith(w + " "):
            return text[len(w) + 1 :].strip(), w
        if not at_start and low.endswith(" " + w):
            return text[: -len(w) - 1].strip(), w
    return text, None


@functools.lru_cache(maxsize=65536)
def parse_phrase(text: str, feature_hint: str | None = None) -> _Phrase:
    """Split a place phrase into its name, part qualifier, feature kind and facility.

    Cached: the same phrase is read in many articles, each with its own context."""
    lex = lexicon()
    full = _POSSESSIVE.sub("", " ".join(text.split())).strip(_TRIM)
    core, part, facility = full, False, None
    kinds: list[str] = []
    for _ in range(4):
        before = core
        core, _w = _strip_words(core, lex.leading, at_start=True)
        core, _w = _strip_words(core, lex.descriptors, at_start=True)
        core, q = _strip_words(core, lex.qualifiers_before, at_start=True)
        part = part or q is not None
        core, q = _strip_words(core, lex.qualifiers_after, at_start=False)
        part = part or q is not None
        for words, at_start in (
            (tuple(lex.feature_words), False),
            (tuple(lex.feature_words), True),
        ):
            ordered = tuple(sorted(words, key=len, reverse=True))
            core, f = _strip_words(core, ordered, at_start)
            if f is not None:
                kinds.extend(lex.feature_words[f])
                if at_start:
                    core, _w = _strip_words(core, ("of",), at_start=True)
        if facility is None:
            core, facility = _strip_words(core, lex.facility_words, at_start=False)
        if core == before:
            break
    if feature_hint and feature_hint.lower() in lex.feature_words:
        kinds.extend(lex.feature_words[feature_hint.lower()])
    return _Phrase(core.strip(_TRIM) or full, part, tuple(dict.fromkeys(kinds)), facility, full)


@functools.cache
def _hints() -> dict[str, tuple[str, ...]]:
    if not ALIASES_FILE.exists():
        return {}
    data = tomllib.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    return {fold(k): tuple(v) for k, v in data.get("hints", {}).items()}


@functools.lru_cache(maxsize=4096)
def admin1_names(hint: str | None) -> tuple[str, ...]:
    """The governorates a hint names ("deir ezzor" → ("Deir ez-Zor",)), via the gazetteer."""
    if not hint:
        return ()
    key = fold(hint)
    if key in _hints():
        return _hints()[key]
    gaz = Gazetteer.default()
    govs = [c for c in gaz.candidates(hint) if c.entry.kind == "governorate"]
    govs.sort(key=lambda c: (not c.strict, -c.entry.population))
    return tuple(g.entry.admin1 for g in govs[:1] if g.entry.admin1)


@functools.lru_cache(maxsize=4096)
def _city_entry(name: str | None) -> Entry | None:
    if not name:
        return None
    cands = [c for c in Gazetteer.default().candidates(name) if c.entry.kind in POPULATED_KINDS]
    cands.sort(key=lambda c: (not c.strict, c.weak, -c.entry.population))
    return cands[0].entry if cands else None


@functools.lru_cache(maxsize=256)
def _main_cities(admin1: tuple[str, ...]) -> frozenset[str]:
    """The biggest city of each governorate named."""
    out = set()
    for name in admin1:
        cities = [e for e in Gazetteer.default() if e.kind == "city" and e.admin1 == name]
        if cities:
            out.add(max(cities, key=lambda e: e.population).id)
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def _own_score(
    kind: str, population: int, names: int, prominence: float, strict: bool, weak: bool
) -> float:
    """The part of a candidate's score that the article's context leaves alone (keyed by
    plain values: an entry's own hash reads all its fields)."""
    score = (1.0 if strict else 0.55) - (0.15 if weak else 0.0)
    score += _KIND_PRIOR.get(kind, 0.0)
    if kind not in ("governorate", "district", "subdistrict"):
        score += 0.3 * min(1.0, math.log10(population + 1) / 6.5)
    score += 0.2 * min(1.0, max(0, names - 3) / 12)  # known places have many names
    score += prominence
    return score


def _score(cand: Candidate, phrase: _Phrase, ctx: ResolveContext, gaz: Gazetteer) -> float:
    e = cand.entry
    score = _own_score(e.kind, e.population, len(e.names), e.prominence, cand.strict, cand.weak)
    wanted = admin1_names(ctx.admin1)
    city = _city_entry(ctx.city)
    if ctx.region and city is not None and city.admin1 not in ctx.region:
        city = None  # the sentence says where, and not in the article's city ("in the northern
        # countryside of Hama"); the article's filing still counts
    if wanted and e.admin1 in wanted:
        # a soft hint: an article filed under one governorate names places in others too
        score += 0.25
        if not ctx.city and e.parent in _main_cities(wanted):
            score += 0.45  # an article filed under a governorate is mostly about its city
    elif wanted and not ctx.city and e.kind in ("neighbourhood", "landmark"):
        score -= 0.4  # a city quarter is named in its own city's news
    if phrase.kinds:
        if e.kind in phrase.kinds:
            score += 0.6 - 0.1 * phrase.kinds.index(e.kind)
        elif e.kind in ("governorate", "district", "subdistrict"):
            score -= 0.3
    elif e.kind in ("district", "subdistrict"):
        score -= 0.2
    if city is not None and city.id != e.id:
        inside = e.parent == city.id or (
            e.kind in ("neighbourhood", "landmark")
            and e.km_to(city.lat, city.lon) <= radius_km(city)
        )
        if inside:
            score += 0.7
        elif e.kind in ("neighbourhood", "landmark"):
            score -= 0.4
    if ctx.nearby and _near_any(e, ctx.nearby, gaz):
        score += 0.25
    if ctx.region and e.admin1 in ctx.region:
        score += REGION_BONUS  # the sentence says where: stronger than the article's filing
    return score


def _near_any(e: Entry, names: tuple[str, ...], gaz: Gazetteer) -> bool:
    return any(
        other_id != e.id and e.km_to(lat, lon) <= NEARBY_KM
        for other_id, lat, lon in _neighbours(names, gaz)
    )


@functools.lru_cache(maxsize=4096)
def _neighbours(names: tuple[str, ...], gaz: Gazetteer) -> tuple[tuple[str, float, float], ...]:
    """Where the places named nearby may be: the first five entries of each name, less
    governorates (looked up once per set of names, not once per candidate)."""
    return tuple(
        (other.id, other.lat, other.lon)
        for n in names
        for other in gaz.lookup(n)[:5]
        if other.kind != "governorate"
    )


def _same_place(best: Entry, rival: Entry, gaz: Gazetteer) -> bool:
    """A rival is no real alternative when it is the same spot or an area holding ``best``."""
    if best.km_to(rival.lat, rival.lon) <= SAME_PLACE_KM:
        return True
    if rival.kind in ("governorate", "district") and gaz.contains(rival.id, best.id):
        return True
    if rival.kind == "subdistrict" and best.kind != "subdistrict":
        return best.admin2 == rival.admin2 and best.km_to(rival.lat, rival.lon) <= SUBDISTRICT_KM
    return best.id in {p.id for p in gaz.parent_chain(rival)}


def _precision(e: Entry, phrase: _Phrase) -> int:
    if e.kind == "governorate":
        return 3
    if phrase.part or phrase.facility or e.kind in ("district", "subdistrict", "region"):
        return 2
    return 1


def _place(
    text: str,
    e: Entry,
    status: GeoStatus,
    score: float,
    precision: int,
    span: Span | None,
    feature: str | None = None,
) -> Place:
    return Place(
        text=text,
        name=e.name,
        status=status,
        latitude=e.lat,
        longitude=e.lon,
        admin1=e.admin1,
        admin2=e.admin2,
        geo_precision=precision,
        gazetteer_id=e.id,
        feature=feature or e.kind,
        score=round(score, 3),
        span=span,
    )


def _ranked(
    name: str, phrase: _Phrase, ctx: ResolveContext, gaz: Gazetteer
) -> list[tuple[float, Entry]]:
    cands = gaz.candidates(name)
    if "governorate" in phrase.kinds:
        govs = [c for c in cands if c.entry.kind == "governorate"]
        cands = govs or cands
    scored = [(_score(c, phrase, ctx, gaz), c.entry) for c in cands]
    scored.sort(key=lambda se: (-se[0], -se[1].population, se[1].id))
    return scored


def _decide(
    text: str, scored: list[tuple[float, Entry]], phrase: _Phrase, gaz: Gazetteer, span: Span | None
) -> Place:
    best_score, best = scored[0]
    rivals = [
        e
        for s, e in scored[1:]
        if best_score - s < AMBIGUITY_MARGIN and not _same_place(best, e, gaz)
    ]
    status = GeoStatus.AMBIGUOUS if rivals else GeoStatus.RESOLVED
    feature = "facility" if phrase.facility else None
    return _place(text, best, status, best_score, _precision(best, phrase), span, feature)


def resolve(text: str, context: ResolveContext | None = None, span: Span | None = None) -> Place:
    """Resolve a place phrase ("east Aleppo", "the Hanano district", "Aleppo province")."""
    ctx = context or ResolveContext()
    gaz = Gazetteer.default()
    phrase = parse_phrase(text, ctx.feature_hint)
    for name in dict.fromkeys((phrase.full, phrase.core)):
        whole = name == phrase.full and name != phrase.core
        if whole and not any(c.strict for c in gaz.candidates(name)):
            continue  # the whole phrase counts only as a known name ("Damascus province")
        scored = _ranked(name, phrase, ctx, gaz)
        if scored and phrase.facility and not whole and not _strict_best(name, scored[0][1], gaz):
            break  # "the Castello Road": a loose look-alike is no place for a facility
        if scored:
            if whole:
                phrase = _Phrase(name, False, (), None, name)
            if _outside_region(scored[0][1], ctx, gaz):
                return _region_place(text, name, ctx.region[0], span)
            city = _quarter_elsewhere(scored[0][1], phrase, ctx, gaz)
            if city is not None:
                return quarter_place(text, phrase.core, city, span)
            return _decide(text, scored, phrase, gaz, span)
    if phrase.facility or phrase.core:
        return resolve_facility(text, None, ctx, span)
    return Place(text=text, name=phrase.full)


def _strict_best(name: str, best: Entry, gaz: Gazetteer) -> bool:
    return any(c.strict and c.entry.id == best.id for c in gaz.candidates(name))


def resolve_facility(
    text: str,
    containing: str | None,
    context: ResolveContext | None = None,
    span: Span | None = None,
) -> Place:
    """Place a facility or a place the gazetteer lacks at the smallest place known to hold it.

    A place named inside the phrase ("the Suleiman al-Halabi water pumping station") gives a
    resolved location with precision 2; otherwise ``containing``, then the article's city,
    then its governorate, give an *unresolved* place that still carries coordinates
    (precision 2, or 3 for a governorate). Nothing is dropped.
    """
    ctx = context or ResolveContext()
    gaz = Gazetteer.default()
    phrase = parse_phrase(text, ctx.feature_hint)
    inner = [
        m for m in find_mentions(phrase.full, gaz) if (m.start, m.end) != (0, len(phrase.full))
    ]
    if not phrase.facility:
        inner = []  # an unknown name is not placed at a word inside it ("Wadi al-Mesk")
    for m in inner:
        sub = phrase.full[m.start : m.end]
        scored = _ranked(sub, _Phrase(sub, False, (), None, sub), ctx, gaz)
        if scored:
            part = _Phrase(sub, True, (), phrase.facility or phrase.core, phrase.full)
            return _decide(text, scored, part, gaz, span)
    name = phrase.full if phrase.full else text
    holders = [resolve(w, ctx) for w in (containing, ctx.city) if w]
    holders += [_governorate_place(a) for a in admin1_names(ctx.admin1)]
    for holder in holders:
        if holder.latitude is not None:
            precision = 3 if holder.feature == "governorate" else 2
            return Place(
                text=text,
                name=name,
                status=GeoStatus.UNRESOLVED,
                latitude=holder.latitude,
                longitude=holder.longitude,
                admin1=holder.admin1,
                admin2=holder.admin2,
                geo_precision=precision,
                gazetteer_id=holder.gazetteer_id,
                feature="facility",
                score=0.0,
                span=span,
            )
    return Place(text=text, name=name, span=span)


def _quarter_elsewhere(
    best: Entry, phrase: _Phrase, ctx: ResolveContext, gaz: Gazetteer
) -> Entry | None:
    """The city a phrase that names a quarter ("al-Qusour neighborhood", "al-Sinaah district")
    lies in, when the best reading of its name is a town or village far outside the city the
    sentence or the article is about: the gazetteer lacks the quarter and knows a namesake."""
    if not phrase.kinds or phrase.kinds[0] != "neighbourhood" or phrase.facility:
        return None
    city = _city_entry(ctx.sentence_city or ctx.city)
    if city is None or city.kind not in ("city", "town") or best.id == city.id:
        return None
    if ctx.region and city.admin1 not in ctx.region:
        return None  # "the District of Douma in Rural Damascus": not the article's city
    if best.kind in phrase.kinds or best.kind not in ("town", "village"):
        return None  # "the Asfar Najjar area" may be a village; a known quarter elsewhere stays
    wanted = admin1_names(ctx.admin1)
    if wanted and not ctx.sentence_city and (best.admin1 in wanted or city.admin1 not in wanted):
        return None  # the namesake lies where the article was filed, or the city does not
    if ctx.nearby and _near_any(best, ctx.nearby, gaz):
        return None  # "the al-Waer neighbourhood of Homs": the sentence names its town
    return city if best.km_to(city.lat, city.lon) > radius_km(city) + QUARTER_KM else None


def quarter_place(text: str, name: str, city: Entry, span: Span | None) -> Place:
    """A quarter the gazetteer lacks, kept by its own name, unresolved, at its city (with no
    feature: a name the gazetteer lacks ranks with the villages a sentence names beside it)."""
    place = _place(text, city, GeoStatus.UNRESOLVED, 0.0, 2, span)
    return replace(place, name=name, feature=None)


def _outside_region(best: Entry, ctx: ResolveContext, gaz: Gazetteer) -> bool:
    """The sentence names one governorate as where its places are, the best reading of the
    name lies in another and far from every place the sentence anchors on: a namesake."""
    if len(ctx.region) != 1 or best.admin1 in ctx.region or best.kind == "governorate":
        return False
    anchors = [e for n in ctx.nearby for e in gaz.lookup(n)[:3]]
    anchors += [c.entry for c in gaz.candidates(ctx.region[0]) if c.entry.kind == "governorate"]
    return all(best.km_to(a.lat, a.lon) > REGION_KM for a in anchors)


def _region_place(text: str, name: str, admin1: str, span: Span | None) -> Place:
    """A place the gazetteer lacks in the governorate its sentence names: kept by its own name,
    unresolved, at the governorate (precision 3)."""
    gov = _governorate_place(admin1)
    return replace(
        gov,
        text=text,
        name=name,
        status=GeoStatus.UNRESOLVED,
        score=0.0,
        span=span,
        admin2=None,
        gazetteer_id=None,
        feature=None,
    )


def _governorate_place(admin1: str) -> Place:
    gaz = Gazetteer.default()
    for cand in gaz.candidates(admin1):
        e = cand.entry
        if e.kind == "governorate" and e.admin1 == admin1:
            return _place(admin1, e, GeoStatus.RESOLVED, 1.0, 3, None)
    return Place(text=admin1, name=admin1)


def article_context(text: str, admin1: str | None = None) -> ResolveContext:
    """A context for one article: its most-named city, the governorate given, the places named."""
    gaz = Gazetteer.default()
    counts: dict[str, int] = {}
    names: list[str] = []
    for m in find_mentions(text, gaz):
        name = text[m.start : m.end]
        names.append(name)
        city = _city_entry(name)
        if city is not None and city.kind == "city" and name_keys(city.name)[0] == m.key:
            counts[city.name] = counts.get(city.name, 0) + 1
    city_name = max(counts, key=lambda c: counts[c]) if counts else None
    return ResolveContext(city=city_name, admin1=admin1, nearby=tuple(dict.fromkeys(names))[:12])
