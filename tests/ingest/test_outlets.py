"""The outlet table: codes, display names, spellings."""

from __future__ import annotations

import pytest

from frontline.ingest import outlet_code, outlet_display_name
from frontline.ingest.outlets import outlets

FAKES_SOURCES = {
    "trt": "TRT World",
    "alaraby": "The New Arab",
    "ahram": "Ahram Online",
    "dailysabah": "Daily Sabah",
    "nna": "NNA",
    "jordantimes": "Jordan Times",
    "manar": "Al-Manar",
    "sputnik": "Sputnik",
    "etilaf": "Syrian Coalition (Etilaf)",
    "sana": "SANA",
    "alalam": "Al-Alam",
    "tass": "TASS",
    "reuters": "Reuters",
    "arabiya": "Al Arabiya",
    "asharqalawsat": "Asharq Al-Awsat",
}


@pytest.mark.parametrize(("code", "name"), sorted(FAKES_SOURCES.items()))
def test_outlets_every_fakes_source_has_its_display_name(code: str, name: str) -> None:
    assert outlet_display_name(code) == name
    assert outlet_code(code) == code
    assert outlet_code(name) == code


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("TRTWorld", "trt"),
        ("TRT World", "trt"),
        ("trtworld.com", "trt"),
        ("https://www.trtworld.com/mea/x", "trt"),
        ("  al-araby al-jadeed ", "alaraby"),
        ("english.aawsat.com", "asharqalawsat"),
        ("Syrian Arab News Agency", "sana"),
    ],
)
def test_outlets_spellings_map_to_codes(spelling: str, code: str) -> None:
    assert outlet_code(spelling) == code


def test_outlets_unknown_names() -> None:
    assert outlet_code("The Aleppo Gazette") is None
    assert outlet_code("") is None
    assert outlet_display_name("aleppogazette") == "aleppogazette"


def test_outlets_codes_are_unique_with_countries() -> None:
    codes = [outlet.code for outlet in outlets()]
    assert len(codes) == len(set(codes))
    assert all(outlet.country for outlet in outlets())


def test_outlets_no_spelling_names_two_outlets() -> None:
    from frontline.ingest.outlets import _key

    owner: dict[str, str] = {}
    for outlet in outlets():
        for spelling in (outlet.code, outlet.name, *outlet.aliases):
            assert owner.setdefault(_key(spelling), outlet.code) == outlet.code, spelling
