"""City places the news names often and the gazetteer sources lack (gold batch G's gaps).

Aleppo's Castello Road, Mogambo, Bab al-Faraj, Saadallah al-Jabiri Square, the al-Assad suburb,
al-Meridian and al-Izaa, Deir ez-Zor's al-Qusour, al-Joura, Hrabesh, al-Rashdiyeh and al-Hweiqa,
Latakia's al-Daatour and Homs' Akrameh were read as a village of the same name elsewhere (Bab
al Faraj in al-Hasakah, Al-Qusayr in Homs) or not at all, so their events fell to the city or
vanished.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from frontline.geo.normalize import fold
from frontline.geo.resolve import ResolveContext, resolve
from frontline.records import GeoStatus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extract"))
from sentence_events import events_of

ALEPPO = ResolveContext(admin1="aleppo")
DEIR = ResolveContext(admin1="deir ezzor")


@pytest.mark.parametrize(
    ("text", "ctx", "canonical", "admin1"),
    [
        ("Castello Road", ALEPPO, "Castello Road", "Aleppo"),
        ("Mogambo", ALEPPO, "Mogambo", "Aleppo"),
        ("Bab al-Faraj", ALEPPO, "Bab al-Faraj", "Aleppo"),
        ("Saadallah al-Jabiri Square", ALEPPO, "Saadallah al-Jabiri Square", "Aleppo"),
        ("al-Assad suburb", ALEPPO, "Dahiyat al-Assad", "Aleppo"),
        ("al-Meridian", ALEPPO, "Meridian", "Aleppo"),
        ("al-Neel street", ALEPPO, "Nile Street", "Aleppo"),
        ("Sukari", ALEPPO, "Sukkari", "Aleppo"),
        ("al-Qusour", DEIR, "Qusour", "Deir ez-Zor"),
        ("al-Qusor", DEIR, "Qusour", "Deir ez-Zor"),
        ("al-Joura", DEIR, "Joura", "Deir ez-Zor"),
        ("Hrabesh", DEIR, "Harabesh", "Deir ez-Zor"),
        ("Akrameh", ResolveContext(admin1="homs"), "Akrama", "Homs"),
        ("al-Izaa", ALEPPO, "Izaa", "Aleppo"),
        ("al-Rashdiyeh", DEIR, "Rushdiyeh", "Deir ez-Zor"),
        ("al-Hweiqa", DEIR, "Hweiqa", "Deir ez-Zor"),
        ("al-Daatour", ResolveContext(admin1="lattakia"), "Daatour", "Latakia"),
    ],
)
def test_city_places_resolve_in_their_city(
    text: str, ctx: ResolveContext, canonical: str, admin1: str
) -> None:
    place = resolve(text, ctx)
    assert place.status is GeoStatus.RESOLVED, place
    assert fold(place.name) == fold(canonical)
    assert place.admin1 == admin1


def test_homs_qusayr_is_still_the_town_without_a_deir_ez_zor_context() -> None:
    assert resolve("al-Qusayr", ResolveContext(admin1="homs")).name == "Al-Qusayr"


def _places(text: str, published: date, location: str) -> set[tuple[str, str]]:
    found = set()
    for event in events_of(text, published, location=location):
        assert event.place is not None
        found.add((event.place.name, event.place.admin1 or ""))
    return found


def test_a_hilltop_seized_near_the_castello_road_is_placed_at_the_road() -> None:
    text = (
        "Government forces effectively severed the route on Thursday when they seized a "
        "hilltop within firing range of the Castello Road."
    )
    assert _places(text, date(2016, 7, 10), "aleppo") == {("Castello Road", "Aleppo")}


def test_deir_ez_zor_neighbourhoods_hit_by_rockets_are_not_homs_al_qusayr() -> None:
    text = (
        "A source at Deir Ezzor Governorate told SANA reporter on Wednesday that ISIL terrorists "
        "fired at dawn several rocket shells on al-Qusour and al-Joura neighborhoods in the city."
    )
    assert _places(text, date(2016, 6, 2), "lattakia") == {
        ("Qusour", "Deir ez-Zor"),
        ("Joura", "Deir ez-Zor"),
    }


def test_the_neighbourhood_shelled_is_found_not_only_the_firing_position() -> None:
    text = (
        "Earlier on the day terrorists positioned in Bustan al-Qassr neighborhood fired rocket "
        "shells on al-Meridian neighborhood in the city claiming the lives of a man and his wife "
        "after their house was toppled onto their heads and injuring four other people."
    )
    assert ("Meridian", "Aleppo") in _places(text, date(2016, 4, 29), "aleppo")


def test_a_double_car_bombing_in_homs_akrameh_is_placed_at_the_neighbourhood() -> None:
    text = (
        "According to earlier media reports two car bombs went off near the Akrameh al-Makhzumi "
        "school and the Zaim hospital in the citys Akrameh region."
    )
    assert ("Akrama", "Homs") in _places(text, date(2014, 10, 1), "homs")


def test_a_motorcycle_bomb_in_latakias_daatour_is_in_latakia() -> None:
    text = (
        "A terrorist motorcycle bomb attack took place near al-Khulafaa al-Rashideen Mosque in "
        "al-Daatour neighborhood in Latakia city leaving 5 martyrs."
    )
    assert _places(text, date(2016, 6, 2), "lattakia") == {("Daatour", "Latakia")}


def test_adra_near_douma_is_neither_daraa_nor_darayya() -> None:
    place = resolve("near the town of Adra", ResolveContext(admin1="damascus"))
    assert (place.name, place.admin1) == ("Adra", "Rural Damascus")
    assert resolve("Daraa", ResolveContext()).name == "Daraa"
    assert resolve("Darayya", ResolveContext(admin1="damascus")).name == "Darayya"
