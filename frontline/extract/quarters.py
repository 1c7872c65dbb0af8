"""Places listed beside a city's quarters: quarters of that city the gazetteer lacks.

"... targeted with dozens of rocket shells Ifreen area Bab al-Faraj al-Midan al-Muhafaza Saif
al-Dawleh al-Izaa al-Martini and al-Neel Street": al-Midan and Saif al-Dawleh are quarters of
Aleppo, so Bab al-Faraj and al-Martini beside them are too, not the Hasakah village and the
Idlib hamlet the gazetteer knows by those names. Such a name keeps its own name, unresolved,
at the city (precision 2), as a quarter the resolver finds no reading of inside its city does
(:func:`frontline.geo.resolve.quarter_place`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from frontline.geo.gazetteer import Entry, Gazetteer, radius_km
from frontline.geo.resolve import QUARTER_KM, admin1_names, quarter_place

if TYPE_CHECKING:
    from frontline.extract.places import PlaceMention

# between two places of one list: nothing, a comma, 'and'
_GLUE = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_STRAYS = ("village", "town")


def beside_quarters(text: str, found: list[PlaceMention], admin1: str | None) -> list[PlaceMention]:
    """The sentence's places, with each village or town listed right beside a quarter of a city
    and far outside that city read as one more quarter of it (``admin1``: the governorate the
    article was filed under; a namesake inside it keeps its reading)."""
    if sum(m.place.feature == "neighbourhood" for m in found) == 0:
        return found
    gaz = Gazetteer.default()
    wanted = admin1_names(admin1)
    out = list(found)
    for k, m in enumerate(found):
        place = m.place
        if place.feature not in _STRAYS or place.gazetteer_id is None:
            continue
        entry = gaz.get(place.gazetteer_id)
        city = _city_beside(text, found, k, gaz)
        if entry is None or city is None or (wanted and entry.admin1 in wanted):
            continue
        if entry.km_to(city.lat, city.lon) > radius_km(city) + QUARTER_KM:
            quarter = quarter_place(place.text, m.text, city, place.span)
            out[k] = replace(m, place=quarter)
    return out


def _city_beside(text: str, found: list[PlaceMention], k: int, gaz: Gazetteer) -> Entry | None:
    """The city of a quarter listed right before or after ``found[k]``."""
    for j in (k - 1, k + 1):
        if not 0 <= j < len(found):
            continue
        left, right = (found[j], found[k]) if j < k else (found[k], found[j])
        other = found[j].place
        if other.feature != "neighbourhood" or other.gazetteer_id is None:
            continue
        if _GLUE.fullmatch(text[left.end : right.start]) is None:
            continue
        entry = gaz.get(other.gazetteer_id)
        city = gaz.get(entry.parent) if entry is not None and entry.parent else None
        if city is not None:
            return city
    return None
