"""Where a trigger's event happened: the most specific place the sentence names, and the
places listed with it ("Zeitan Khalsa and Barna", "one in Aleppo province a second in Damascus
province"), leaving out where fighters fled to."""

from __future__ import annotations

import re

from frontline.extract.causes import named_as_cause
from frontline.extract.clauses import SentenceParts, TriggerHit
from frontline.extract.places import PlaceMention
from frontline.extract.prefilter import filtered

# "one in Aleppo province a second in Damascus province", "nine near Kobani and one at Deir Ezzor",
# "injuring 19 in the neighborhoods of Bab al-Faraj al-Ismailiya and injuring 3 in al-Furqan"
_ONE_BY_ONE = re.compile(
    r"^\s*(?:province|governorate|city|town)?\s*,?\s*(?:and\s+)?"
    r"(?:(?:killing|injuring|wounding)\s+)?"
    r"(?:(?:a|the)\s+(?:second|third|fourth|fifth|other|last)(?:\s+one)?|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d+)\s+(?:(?:others?|people|civilians)\s+)?(?:in|at|near)\s+"
    r"(?:the\s+)?(?:(?:neighbou?rhoods?|districts?|villages?|towns?)\s+of\s+)?$",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"\b(?:fled|flee|fleeing|retreated|retreating|withdrew|withdrawing|escaped|headed|heading|"
    r"evacuated|evacuating|transferred|bused|bussed|moved)\s+(?:back\s+)?(?:towards?|to|into)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_RANK_CLASS = {0: "part", 1: "populated", 2: "populated", 3: "admin", 4: "admin", 5: "admin"}
# Between two places of one list: nothing, a comma or a conjunction, and after a conjunction
# "the village of"; "the city of Afrin the village of Hassadjek" is no list.
# A feature word may close the first ("Mheimideh village and Sfeira Tahtani", "al-Kassarat area
# and Baqjaji farm") and a preposition open the second ("oilfields and near the town of Khneifes").
_LIST_GLUE = re.compile(
    r"^\s*(?:(?:village|town|area|neighbou?rhood|district|farms?|oil ?fields?|camp|province|"
    r"(?:military |international )?(?:airport|air ?base))\s+)?"
    r"(?:(?:,|and|&|,\s*and|or|as well as|,\s*as well as)\s+(?:(?:near|in|at|around)\s+)?"
    r"(?:the\s+)?(?:(?:towns?|villages?|neighbou?rhoods?|districts?|areas?)\s+of\s+)?)?$",
    re.IGNORECASE,
)


# A bearing from a landmark: "northwest of", "about 30 km south of"
_BEARING_BEFORE = re.compile(
    r"\b(?:(?:about |some |around )?\d+\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\(\d+\s+\w+\)\s+)?)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|(?:syrian\s+)?capital\s+)?$",
    re.IGNORECASE,
)
# After a place given by its bearing, the places that say where exactly: "near the cities of"
_NEAR_NEXT = re.compile(
    r"^\s*,?\s*(?:near|close to|around|at)\s+(?:the\s+)?"
    r"(?:(?:towns?|villages?|cities|city|areas?)\s+of\s+)?$",
    re.IGNORECASE,
)
# What places a list's item: "in the (southwestern) countryside of", "west of", "near", "in"
_QUALIFIER = re.compile(
    r"^\s*(?:(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:countryside|outskirts|suburbs|province|"
    r"governorate|area)\s+of|(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+(?:of|part of)|near|close to|outside|in)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _listable(rank: int, best: int) -> bool:
    """Whether a place of ``rank`` may sit in one list with the best-ranked place: the same
    class, or a village beside a district ("Zeitan Khalsa and Barna", one of them a namesake
    of a city district), never a city or a province beside its own parts."""
    return _RANK_CLASS.get(rank) == _RANK_CLASS.get(best) or {rank, best} == {0, 1}


def places_for(hit: TriggerHit, parts: SentenceParts) -> list[PlaceMention]:
    """The place(s) a trigger's event happened at: the most specific one named, and its list."""
    if not parts.places:
        return []
    # "the remaining terrorists fled towards Oum Suhairij": where they went, not where it was
    destination = filtered(_DESTINATION)
    places = [p for p in parts.places if not destination.search(parts.text[: p.start])]
    # "missile strikes on Shayrat in retaliation for the gas attack on Khan Sheikhoun"
    places = [p for p in places if not named_as_cause(parts.text, p.start, p.end)]
    if not places:
        return []  # only where they went, or what caused it: the place is the story's

    def rank(p: PlaceMention) -> tuple[int, int, int, int]:
        behind = 0 if p.start >= hit.start else 1
        return (p.rank, _landmark(p, places, parts.text), behind, abs(p.start - hit.end))

    best = min(places, key=rank)
    group = [best]
    ordered = sorted(places, key=lambda p: p.start)
    i = ordered.index(best)
    for step in (-1, 1):
        j, current = i + step, best
        while 0 <= j < len(ordered):
            other = ordered[j]
            left, right = (other, current) if step < 0 else (current, other)
            gap = parts.text[left.end : right.start]
            if _ONE_BY_ONE.match(gap):  # "one in Aleppo province a second in Damascus province"
                pass
            elif step > 0 and _qualifies(parts.text, gap, ordered, j, best):
                current, j = other, j + 1  # "... in the countryside of Damascus Tal Meri ..."
                continue
            elif step < 0 and _qualifies_back(parts.text, gap, ordered, j, best):
                # "Tal Al-Majda in Sweida province and Tal Antar": Sweida only places the first
                current, j = ordered[j - 1], j - 2
                group.append(current)
                continue
            elif not _listable(other.rank, best.rank) or not _LIST_GLUE.match(gap):
                break
            group.append(other)
            current, j = other, j + step
    if hit.family == "siege" and _quarters(group) and parts.context.default is not None:
        return [parts.context.default]  # a siege of a city's listed quarters is the city's
    return sorted(group, key=lambda p: p.start)


def _qualifies_back(
    text: str, gap: str, ordered: list[PlaceMention], j: int, best: PlaceMention
) -> bool:
    """:func:`_qualifies` read from the list's later place back: ``ordered[j]`` stands between
    two of the list's places only to say where the first lies ("the village of Tal Al-Majda in
    Sweida province and Tal Antar in Deraa")."""
    if j < 1 or not _LIST_GLUE.match(gap):
        return False
    before = ordered[j - 1]
    return _listable(before.rank, best.rank) and bool(
        _QUALIFIER.search(text[before.end : ordered[j].start])
    )


def _quarters(group: list[PlaceMention]) -> bool:
    """Whether a list names several quarters of a city ("the districts of Bustan al-Qasr
    Mashhad al-Kallasa ... all of which were under siege"): a siege of them is one siege at the
    city (data/gold/GUIDELINE_EXTENSIONS.md)."""
    return len(group) > 2 and sum(p.place.feature == "neighbourhood" for p in group) >= 2


def story_place(parts: SentenceParts) -> PlaceMention:
    """The place a later sentence that names none is about: the last place this one names
    that does not only locate another ("Jubb al-Jarrah area 73 km east of Homs city": Jubb
    al-Jarrah)."""
    places = list(parts.places)
    plain = [p for p in places if not _landmark(p, places, parts.text)]
    return plain[-1] if plain else places[-1]


def _landmark(place: PlaceMention, places: list[PlaceMention], text: str) -> int:
    """1 when the place only locates another one named before it ("Wadi Barada valley
    northwest of Damascus", "Maarat al-Numan about 30 km south of Idlib"), else 0; it decides
    between places of one rank."""
    if _BEARING_BEFORE.search(text[max(0, place.start - 40) : place.start]) is None:
        return 0
    earlier = any(p.end <= place.start for p in places if p is not place)
    # "strikes east of Palmyra near the cities of Arak and Sukhna": the places named next
    later = any(_NEAR_NEXT.match(text[place.end : p.start]) for p in places if p.start > place.end)
    return int(earlier or later)


def _qualifies(
    text: str, gap: str, ordered: list[PlaceMention], j: int, best: PlaceMention
) -> bool:
    """Whether ``ordered[j]`` only says where the list's last place lies ("in the southwestern
    countryside of Damascus", "west of Damascus", "near Deir al-Adas") and the list goes on
    after it ("... Damascus Tal Meri west of Damascus and al-Danaji"): a place between two of
    the list's own that is not one of them."""
    other = ordered[j]
    if j + 1 >= len(ordered) or not _QUALIFIER.search(gap):
        return False
    after = ordered[j + 1]
    return _listable(after.rank, best.rank) and bool(
        _LIST_GLUE.match(text[other.end : after.start])
    )
