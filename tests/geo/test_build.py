"""build_index: rebuilds the shipped index, dispatches on file kinds, reports bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from frontline.errors import InputError
from frontline.geo.build import INDEX_FILE, Manifest, build_index
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.normalize import GAZETTEER_DIR
from frontline.geo.sources import classify

SOURCES = Path(__file__).resolve().parents[2] / "data" / "geo"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Manifest, Path]:
    out = tmp_path_factory.mktemp("gazetteer")
    return build_index(SOURCES, out), out


def test_build_reproduces_shipped_counts(rebuilt: tuple[Manifest, Path]) -> None:
    manifest, out = rebuilt
    shipped = json.loads((GAZETTEER_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert dict(manifest.counts) == shipped["counts"]
    assert [s.sha256 for s in manifest.sources] == [s["sha256"] for s in shipped["sources"]]
    assert manifest.build_seconds < 60
    assert manifest.index_bytes + manifest.polygons_bytes < 50 * 1024 * 1024
    gaz = Gazetteer.load(out)
    assert [e.id for e in gaz][:50] == [e.id for e in Gazetteer.default()][:50]


def test_build_writes_attribution(rebuilt: tuple[Manifest, Path]) -> None:
    text = (rebuilt[1] / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for credit in (
        "GeoNames",
        "Who's On First",
        "CC BY 3.0 IGO",
        "OpenSyria",
        "CC BY 4.0",
        "Copyright (c) 2019 Columbia Center for Spatial Research",
    ):
        assert credit in text


def test_build_manifest_lists_sources_by_kind(rebuilt: tuple[Manifest, Path]) -> None:
    kinds = {s.path: s.kind for s in rebuilt[0].sources}
    assert kinds["geonames/SY_populated_places.tsv"] == "geonames"
    assert kinds["ocha_cod_2015/syr_admin1.geojson"] == "admin1"
    assert kinds["ocha_cod_2015/syr_admin4_communities.geojson"] == "communities"
    assert kinds["aleppo/aleppo_neighbourhoods_csr.geojson"] == "neighbourhoods"
    assert "README.md" not in kinds


def test_build_dispatches_on_structure_not_names(tmp_path: Path) -> None:
    src = tmp_path / "elsewhere"
    (src / "a").mkdir(parents=True)
    shutil.copy(
        SOURCES / "ocha_cod_2015" / "syr_admin1.geojson", src / "a" / "country_adm1.geojson"
    )
    shutil.copy(SOURCES / "ocha_cod_2015" / "syr_admin2.geojson", src / "a" / "country_adm2.json")
    lines = (
        (SOURCES / "geonames" / "SY_populated_places.tsv").read_text(encoding="utf-8").splitlines()
    )
    (src / "places.txt").write_text("\n".join(lines[:300]) + "\n", encoding="utf-8")
    empty = tmp_path / "aliases.toml"
    empty.write_text("", encoding="utf-8")
    manifest = build_index(src, tmp_path / "out", aliases_path=empty)
    assert manifest.counts["governorate"] == 14 and manifest.counts["district"] == 61
    assert 0 < manifest.counts["entries"] <= 14 + 61 + 300
    assert (tmp_path / "out" / INDEX_FILE).exists()
    assert classify(src / "places.txt") == "geonames"


def test_build_bad_row_names_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SOURCES / "ocha_cod_2015" / "syr_admin1.geojson", src / "adm1.geojson")
    good = (
        (SOURCES / "geonames" / "SY_populated_places.tsv")
        .read_text(encoding="utf-8")
        .splitlines()[0]
    )
    (src / "places.tsv").write_text(
        good + "\n" + "\t".join(good.split("\t")[:18]) + "\n", encoding="utf-8"
    )
    empty = tmp_path / "aliases.toml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build_index(src, tmp_path / "out", aliases_path=empty)
    assert err.value.line == 2 and "places.tsv" in str(err.value)
