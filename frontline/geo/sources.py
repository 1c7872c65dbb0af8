"""Readers for the gazetteer's source files, recognised by name pattern and structure.

Each reader turns one file into plain :class:`Draft` records (or alias rows); nothing here
knows which country the files describe. :func:`classify` says what a file is:

==================  ===========================================================================
kind                recognised by
==================  ===========================================================================
``geonames``        ``*.tsv``/``*.txt`` with 19 tab-separated columns, a numeric first column
``admin_codes``     ``admin1Codes*.txt`` / ``admin2Codes*.txt`` (GeoNames code tables)
``admin1``          GeoJSON polygons with a ``PCODE`` and no ``ADMIN1_COD``
``admin2``          GeoJSON polygons with ``PCODE`` and ``ADMIN1_COD``
``communities``     GeoJSON points with ``PCODE`` and ``ADMIN2_COD``
``neighbourhoods``  GeoJSON polygons with a name field and no ``PCODE``/``ADMIN*`` fields
``landmarks``       GeoJSON points with a name field and no ``PCODE``
``admin_records``   JSON arrays of ``{id, name: {en, ar}, centroid, externalIds}`` objects
``alias_table``     TSV with a ``feature_index`` and ``name_en`` header; JSON objects of
                    ``{original_name, alternative_english, alternative_arabic}``
==================  ===========================================================================
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontline.errors import InputError

_EN_FIELDS = ("NAME_EN", "HAY_EN", "NAME", "FACILITY_N", "name", "Name")
_ALT_EN_FIELDS = ("NAM_EN_REF",)
_AR_FIELDS = ("NAME_ARA", "NAME_A", "NAME_AR", "name_ar")
_CODE_FIELDS = ("PCODE", "HAY_PCODE")
_PLACEHOLDER_NAMES = frozenset({"unknown", "n/a", "none", "null", "-"})
_LATIN_OR_ARABIC = re.compile(
    r"^[\s\x20-\x7e\u00c0-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018-\u201d\u0600-\u06ff]+$"
)


@dataclass
class Draft:
    """A place being assembled by the build (mutable; build-internal)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    names: list[str] = field(default_factory=list)
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    parent: str | None = None
    xids: list[str] = field(default_factory=list)
    geometry: dict[str, Any] | None = None
    code: str | None = None  # source code used for cross-walks (P-code, GeoNames admin code)
    layer: str | None = None
    index: int = -1  # position of the feature in its layer file
    prominence: float = 0.0  # news prominence from place_aliases.toml (a resolver prior)

    def add_names(self, *names: str | None) -> None:
        for n in names:
            if n and n.strip() and n.strip() not in self.names and _LATIN_OR_ARABIC.match(n):
                self.names.append(n.strip())


@dataclass(frozen=True)
class AliasRow:
    """Extra names for one feature of a neighbourhood layer, by position or by name."""

    feature_index: int | None
    name: str
    aliases: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not readable JSON: {exc}") from exc


def _first(props: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for f in fields:
        value = props.get(f)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _geojson_kind(data: dict[str, Any]) -> str | None:
    feats = data.get("features") or []
    if not feats:
        return None
    props = feats[0].get("properties") or {}
    gtype = (feats[0].get("geometry") or {}).get("type", "")
    polygon = "Polygon" in gtype
    if "PCODE" in props and polygon:
        return "admin2" if "ADMIN1_COD" in props else "admin1"
    if "PCODE" in props and "ADMIN2_COD" in props:
        return "communities"
    if _first(props, _EN_FIELDS) is None:
        return None
    return "neighbourhoods" if polygon else "landmarks"


def classify(path: Path) -> str | None:
    """The kind of a source file (see the module docstring), or None to skip it."""
    name = path.name.lower()
    if name.startswith(("admin1codes", "admin2codes")) and name.endswith(".txt"):
        return "admin_codes"
    if name.endswith((".tsv", ".txt")):
        with path.open(encoding="utf-8") as fh:
            first = fh.readline().rstrip("\n").split("\t")
        if len(first) == 19 and first[0].isdigit():
            return "geonames"
        return "alias_table" if {"feature_index", "name_en"} <= set(first) else None
    if name.endswith((".geojson", ".json")):
        data = _load_json(path)
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            return _geojson_kind(data)
        if isinstance(data, list) and data and isinstance(data[0], dict) and "centroid" in data[0]:
            return "admin_records"
        if isinstance(data, dict) and all(
            isinstance(v, dict) and "original_name" in v for v in data.values()
        ):
            return "alias_table"
    return None


def read_geonames(path: Path) -> Iterator[Draft]:
    """Populated places (feature class P) of a GeoNames ``geoname`` dump."""
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise InputError(str(path), f"expected 19 columns, found {len(cols)}", lineno)
            if cols[6] != "P":
                continue
            name, ascii_name = cols[1], cols[2]
            display = name if name.isascii() else (ascii_name or name)
            draft = Draft(
                id=f"gn:{cols[0]}",
                name=display,
                kind=_geonames_kind(cols[7], int(cols[14] or 0)),
                lat=float(cols[4]),
                lon=float(cols[5]),
                population=int(cols[14] or 0),
                code=f"{cols[8]}.{cols[10]}" if cols[10] else None,
            )
            draft.add_names(display, name, ascii_name, *cols[3].split(","))
            yield draft


def _geonames_kind(code: str, population: int) -> str:
    if code in ("PPLC", "PPLA") or population >= 100_000:
        return "city"
    if code in ("PPLA2", "PPLA3") or population >= 10_000:
        return "town"
    return "village"


def read_admin_codes(path: Path) -> dict[str, tuple[str, str]]:
    """GeoNames admin code table: ``code -> (name, geonameid)``."""
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise InputError(str(path), "expected code, name, asciiname, geonameid", lineno)
            out[cols[0]] = (cols[1], cols[3])
    return out


def read_geojson(path: Path, kind: str) -> list[Draft]:
    """Features of an admin, community, neighbourhood or landmark GeoJSON layer."""
    drafts = []
    for index, feat in enumerate(_load_json(path)["features"]):
        props = feat.get("properties") or {}
        geom = feat.get("geometry")
        name = _first(props, _EN_FIELDS)
        if not name or not geom or name.lower() in _PLACEHOLDER_NAMES:
            continue
        code = _first(props, _CODE_FIELDS)
        lat, lon = _point_of(props, geom)
        if kind in ("admin1", "admin2"):
            ident, dkind = f"{kind}:{code}", ("governorate" if kind == "admin1" else "district")
        elif kind == "communities":
            ident, dkind = f"pcode:{code}", _community_kind(props.get("CAPIT_LVL"))
        else:
            ident = f"{path.stem}:{code or index}"
            dkind = "neighbourhood" if kind == "neighbourhoods" else "landmark"
        draft = Draft(ident, name, dkind, lat, lon, code=code, layer=path.stem, index=index)
        draft.add_names(name, _first(props, _ALT_EN_FIELDS), _first(props, _AR_FIELDS))
        if kind != "communities" and "Polygon" in geom.get("type", ""):
            draft.geometry = geom
        if kind == "admin2":
            draft.admin1 = props.get("ADMIN1_COD")
        drafts.append(draft)
    return drafts


def _community_kind(level: object) -> str:
    if level in (0, 1):
        return "city"
    return "town" if level in (2, 3) else "village"


def _point_of(props: dict[str, Any], geom: dict[str, Any]) -> tuple[float, float]:
    lat, lon = props.get("LATITUDE"), props.get("LONGITUDE")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    from shapely.geometry import shape

    shp = shape(geom)
    point = shp if shp.geom_type == "Point" else shp.representative_point()
    if "Polygon" in shp.geom_type:
        centroid = shp.centroid
        if shp.contains(centroid):
            point = centroid
    return float(point.y), float(point.x)


def read_admin_records(path: Path) -> list[dict[str, Any]]:
    """Governorate / district / sub-district records (``id, name, aliases, centroid, …``)."""
    records = _load_json(path)
    for rec in records:
        if not isinstance(rec, dict) or "name" not in rec or "centroid" not in rec:
            raise InputError(str(path), f"record without name/centroid: {str(rec)[:80]}")
        if "districtId" in rec:
            rec["_level"] = "subdistrict"
        elif "governorateId" in rec:
            rec["_level"] = "district"
        else:
            rec["_level"] = "governorate"
    return list(records)


def read_alias_table(path: Path) -> list[AliasRow]:
    """Alias rows for a neighbourhood layer (a centroid TSV or a names JSON)."""
    if path.suffix.lower() == ".json":
        data = _load_json(path)
        return [
            AliasRow(
                None,
                v["original_name"],
                (
                    v.get("original_name_a") or "",
                    *(v.get("alternative_english") or []),
                    *(v.get("alternative_arabic") or []),
                ),
            )
            for v in data.values()
        ]
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            alts = [row.get("name_ar") or ""]
            for col in ("alt_names_en", "alt_names_ar"):
                alts += (row.get(col) or "").split("|")
            lat, lon = row.get("latitude"), row.get("longitude")
            rows.append(
                AliasRow(
                    int(row["feature_index"]),
                    row.get("name_en") or "",
                    tuple(a for a in alts if a),
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
    return rows
