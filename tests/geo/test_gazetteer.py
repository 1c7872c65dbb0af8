"""Gazetteer: lookups by any spelling, containment, admin areas, shapes, speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.normalize import GAZETTEER_DIR

GOLD_ADMIN1 = {
    "Aleppo",
    "Idlib",
    "Homs",
    "Hama",
    "Daraa",
    "Rural Damascus",
    "Damascus",
    "Latakia",
    "Deir ez-Zor",
    "Raqqa",
    "Al-Hasakah",
    "Quneitra",
    "Tartus",
    "As-Suwayda",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_gazetteer_default_is_loaded_once(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert len(gaz) > 10_000


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Holok", "Holok"),
        ("Hulluk", "Holok"),
        ("Hellok", "Holok"),
        ("Trab al-Hellok", "Holok"),
        ("Jabal Badru", "Jabal Badro"),
        ("Sheikh Khodr", "Sheikh Kheder"),
        ("al-Qaterji", "Qaterji"),
        ("Katerji", "Qaterji"),
        ("Sakhour", "Sakhour"),
        ("Haydariya", "Haydariya"),
        ("Salah al-Din", "Salaheddin"),
        ("Salaheddin", "Salaheddin"),
        ("Sheikh Maqsoud", "Sheikh Maqsoud"),
        ("الشيخ مقصود", "Sheikh Maqsoud"),
        ("الحيدرية", "Haydariya"),
    ],
)
def test_gazetteer_lookup_finds_aleppo_neighbourhoods(
    gaz: Gazetteer, query: str, expected: str
) -> None:
    hits = [e for e in gaz.lookup(query) if e.kind == "neighbourhood" and e.admin1 == "Aleppo"]
    assert expected in [e.name for e in hits]


@pytest.mark.parametrize("query", ["Deir Ezzor", "Deir ez-Zor", "دير الزور"])
def test_gazetteer_lookup_deir_ez_zor_spellings(gaz: Gazetteer, query: str) -> None:
    assert "gn:170794" in [e.id for e in gaz.lookup(query)]


def test_gazetteer_lookup_arabic_aleppo(gaz: Gazetteer) -> None:
    ids = [e.id for e in gaz.lookup("حلب")]
    assert "gn:170063" in ids and "admin1:SY02" in ids


def test_gazetteer_get_by_merged_source_ids(gaz: Gazetteer) -> None:
    aleppo_gov = gaz.get("admin1:SY02")
    assert aleppo_gov is not None and aleppo_gov.kind == "governorate"
    assert gaz.get("sy-aleppo") is aleppo_gov  # OpenSyria's id
    merged = [
        e for e in gaz if e.id.startswith("gn:") and any(x.startswith("pcode:") for x in e.xids)
    ]
    assert len(merged) > 1000  # GeoNames places and OCHA communities became one entry
    assert gaz.get(next(x for x in merged[0].xids if x.startswith("pcode:"))) is merged[0]


def test_gazetteer_same_town_from_two_sources_is_one_entry(gaz: Gazetteer) -> None:
    near_idlib = [e for e in gaz.lookup("Idlib") if e.kind in ("city", "town", "village")]
    assert len([e for e in near_idlib if e.km_to(35.93, 36.63) < 5]) == 1


def test_gazetteer_contains(gaz: Gazetteer) -> None:
    hanano = next(e for e in gaz.lookup("Hanano") if e.kind == "neighbourhood")
    assert hanano.parent == "gn:170063"
    assert gaz.contains("gn:170063", hanano.id)
    assert gaz.contains("admin1:SY02", hanano.id)
    assert not gaz.contains("admin1:SY01", hanano.id)
    assert not gaz.contains(hanano.id, "gn:170063")


def test_gazetteer_admin_for_point(gaz: Gazetteer) -> None:
    assert gaz.admin_for_point(36.20, 37.15)[0] == "Aleppo"
    assert gaz.admin_for_point(33.51, 36.29)[0] == "Damascus"
    assert gaz.admin_for_point(33.57, 36.40)[0] == "Rural Damascus"  # Douma


def test_gazetteer_every_entry_has_a_gold_governorate(gaz: Gazetteer) -> None:
    assert {e.admin1 for e in gaz} == GOLD_ADMIN1


def test_gazetteer_polygons_for_map(gaz: Gazetteer) -> None:
    from shapely.geometry import Point

    hanano = next(e for e in gaz.lookup("Hanano") if e.kind == "neighbourhood")
    point = Point(hanano.lon, hanano.lat)
    for entry_id in (hanano.id, "gn:170063", "admin1:SY02"):
        shape = gaz.polygon(entry_id)
        assert shape is not None and shape.buffer(0.001).covers(point)
    assert gaz.polygon("gn:172955") is None  # Raqqa: a point only


@pytest.mark.slow  # wall-clock: noisy on a shared machine; benchmarks/bench_geo.py reports it
def test_gazetteer_lookup_speed(gaz: Gazetteer) -> None:
    names = [n for e in list(gaz)[:4000] for n in e.names[:2]]
    started = time.perf_counter()
    for n in names:
        gaz.lookup(n)
    rate = len(names) / (time.perf_counter() - started)
    assert rate >= 20_000, f"{rate:.0f} lookups/s"


def test_gazetteer_applies_edited_aliases_without_rebuild(tmp_path: Path) -> None:
    aliases = tmp_path / "place_aliases.toml"
    aliases.write_text(
        '[[new]]\nid = "user:test-layramoun"\nname = "Layramoun roundabout"\nkind = "landmark"\n'
        'lat = 36.24\nlon = 37.13\naliases = ["Layramoun circle"]\n\n'
        '[[place]]\nid = "gn:170063"\naliases = ["Halab ash-Shahba"]\n',
        encoding="utf-8",
    )
    gaz = Gazetteer.load(GAZETTEER_DIR, aliases_path=aliases)
    roundabout = gaz.lookup("the Layramoun circle")[:1] or gaz.lookup("Layramoun circle")
    assert roundabout[0].id == "user:test-layramoun" and roundabout[0].admin1 == "Aleppo"
    assert "gn:170063" in [e.id for e in gaz.lookup("Halab ash-Shahba")]
