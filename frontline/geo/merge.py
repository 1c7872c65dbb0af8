"""Read the gazetteer source files and merge them into one list of places.

``read_sources(source_dir)`` reads every file whose kind :func:`frontline.geo.sources.classify`
recognises; ``assemble(src, aliases, aliases_path)`` joins admin polygons with their records,
folds points that name the same place, attaches neighbourhood layers to their city, fills in
each place's governorate and district, and applies ``place_aliases.toml``. The index itself is
written by :mod:`frontline.geo.build`.
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.geo import sources
from frontline.geo.normalize import lexicon, name_keys
from frontline.geo.sources import Draft

DEFAULT_PROMINENCE = 0.2  # for places named in place_aliases.toml
KIND_RANK = {"city": 3, "town": 2, "village": 1}
MERGE_KM = 5.0
NEIGHBOURHOOD_MERGE_KM = 2.0
PARENT_KM = 15.0


@dataclass(frozen=True)
class SourceFile:
    path: str
    kind: str
    sha256: str
    bytes: int


@dataclass
class Sources:
    """What the source folder holds, by kind, before merging."""

    admin1: list[Draft] = field(default_factory=list)
    admin2: list[Draft] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    points: list[Draft] = field(default_factory=list)
    communities: list[Draft] = field(default_factory=list)
    layers: dict[Path, list[Draft]] = field(default_factory=dict)
    alias_tables: list[tuple[Path, list[sources.AliasRow]]] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_sources(source_dir: Path) -> Sources:
    if not source_dir.is_dir():
        raise SetupError(f"{source_dir}: gazetteer source folder not found")
    src = Sources()
    for path in sorted(p for p in source_dir.rglob("*") if p.is_file()):
        kind = sources.classify(path)
        if kind is None:
            continue
        rel = path.relative_to(source_dir).as_posix()
        src.files.append(SourceFile(rel, kind, sha256_file(path), path.stat().st_size))
        if kind == "geonames":
            src.points.extend(sources.read_geonames(path))
        elif kind == "admin_codes":
            src.codes.update(sources.read_admin_codes(path))
        elif kind == "admin_records":
            src.records.extend(sources.read_admin_records(path))
        elif kind == "alias_table":
            src.alias_tables.append((path, sources.read_alias_table(path)))
        elif kind in ("admin1", "admin2", "communities"):
            getattr(src, kind).extend(sources.read_geojson(path, kind))
        else:
            src.layers[path] = sources.read_geojson(path, kind)
    if not src.admin1:
        raise SetupError(f"{source_dir}: no admin1 polygon layer (GeoJSON with PCODE) found")
    return src


def _enrich(draft: Draft, rec: Mapping[str, Any]) -> None:
    name = rec.get("name") or {}
    draft.add_names(
        name.get("en"), name.get("ar"), *(a.get("value") for a in rec.get("aliases", []))
    )
    if name.get("en"):
        draft.name = name["en"]
    pop = (rec.get("population") or {}).get("value")
    if isinstance(pop, int | float) and draft.kind != "subdistrict":
        draft.population = max(draft.population, int(pop))
    ext = rec.get("externalIds") or {}
    draft.xids.append(str(rec["id"]))
    if ext.get("geonames"):
        draft.xids.append(f"gn:{ext['geonames']}")


def _admin_drafts(src: Sources) -> list[Draft]:
    """Governorates, districts and sub-districts, polygons joined with admin records."""
    by_code = {d.code: d for d in (*src.admin1, *src.admin2) if d.code}
    level_prefix = {"governorate": "admin1", "district": "admin2", "subdistrict": "admin3"}
    rec_code = {r["id"]: (r.get("externalIds") or {}).get("ochaPcode") for r in src.records}
    out = [*src.admin1, *src.admin2]
    for rec in src.records:
        code = rec_code[rec["id"]] or rec["id"]
        draft = by_code.get(code)
        if draft is None:
            c = rec["centroid"]
            prefix = level_prefix[rec["_level"]]
            draft = Draft(
                f"{prefix}:{code}",
                rec["name"]["en"],
                rec["_level"],
                c["latitude"],
                c["longitude"],
                code=code,
            )
            parent_rec = rec.get("districtId") or rec.get("governorateId")
            if parent_rec and rec_code.get(parent_rec):
                parent_prefix = "admin2" if rec.get("districtId") else "admin1"
                draft.parent = f"{parent_prefix}:{rec_code[parent_rec]}"
            by_code[code] = draft
            out.append(draft)
        _enrich(draft, rec)
    by_gn = {x: d for d in out for x in d.xids if x.startswith("gn:")}
    for _code, (name, gid) in src.codes.items():
        if f"gn:{gid}" in by_gn:
            by_gn[f"gn:{gid}"].add_names(name)
    return out


def _merge_points(initial: list[Draft], points: Iterable[Draft]) -> list[Draft]:
    """Fold points naming the same place (same key, close together) into one entry."""
    kept = list(initial)
    by_key: dict[str, list[Draft]] = defaultdict(list)
    for d in kept:
        for n in d.names:
            by_key[name_keys(n)[0]].append(d)
    for p in points:
        keys = sorted({name_keys(n)[0] for n in p.names})
        best, best_km = None, math.inf
        for k in keys:
            for other in by_key.get(k, ()):
                small = other.kind in ("neighbourhood", "landmark")
                limit = NEIGHBOURHOOD_MERGE_KM if small else MERGE_KM
                dist = km(p.lat, p.lon, other.lat, other.lon)
                if dist <= limit and dist < best_km:
                    best, best_km = other, dist
        if best is None:
            kept.append(p)
            for k in keys:
                by_key[k].append(p)
            continue
        best.add_names(*p.names)
        best.xids.extend([p.id, *p.xids])
        best.population = max(best.population, p.population)
        if KIND_RANK.get(p.kind, 0) > KIND_RANK.get(best.kind, 9):
            best.kind = p.kind
        for k in keys:
            if best not in by_key[k]:
                by_key[k].append(best)
    return kept


def _apply_alias_tables(src: Sources) -> None:
    for path, rows in src.alias_tables:
        layers = [drafts for lp, drafts in src.layers.items() if lp.parent == path.parent]
        for drafts in layers:
            by_index = {d.index: d for d in drafts}
            by_name = {d.name: d for d in drafts}
            for row in rows:
                target = by_index.get(row.feature_index) if row.feature_index is not None else None
                if target is None or target.name != row.name:
                    target = by_name.get(row.name)
                if target is None:
                    continue
                target.add_names(*row.aliases)
                if row.lat is not None and row.lon is not None and row.feature_index is not None:
                    target.lat, target.lon = row.lat, row.lon


def assign_parents(src: Sources, points: list[Draft]) -> dict[str, list[Draft]]:
    """Each neighbourhood / landmark layer belongs to the biggest place near its middle."""
    members: dict[str, list[Draft]] = defaultdict(list)
    for drafts in src.layers.values():
        if not drafts:
            continue
        lat = sum(d.lat for d in drafts) / len(drafts)
        lon = sum(d.lon for d in drafts) / len(drafts)
        near = [
            p for p in points if p.kind in KIND_RANK and km(lat, lon, p.lat, p.lon) <= PARENT_KM
        ]
        if not near:
            continue
        city = max(near, key=lambda p: p.population)
        for d in drafts:
            d.parent = city.id
            if d.kind == "neighbourhood":
                members[city.id].append(d)
    return members


def _admin_for_points(admins: list[Draft], drafts: list[Draft]) -> None:
    """Point-in-polygon against admin1/admin2 shapes (nearest shape for coastal points)."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    for level, kind in (("admin1", "governorate"), ("admin2", "district")):
        polys = [d for d in admins if d.kind == kind and d.geometry]
        if not polys:
            continue
        shapes = [shape(d.geometry) for d in polys]
        tree = shapely.STRtree(shapes)
        todo = [d for d in drafts if getattr(d, level) is None]
        if not todo:
            continue
        pts = shapely.points(np.array([[d.lon, d.lat] for d in todo]))
        found: dict[int, int] = {}
        q_pts, q_polys = tree.query(pts, predicate="intersects")
        for i, j in zip(q_pts.tolist(), q_polys.tolist(), strict=True):
            found.setdefault(i, j)
        missing = [i for i in range(len(todo)) if i not in found]
        if missing:
            idx = tree.nearest(pts[missing])
            for i, j in zip(missing, idx.tolist(), strict=True):
                found[i] = j
        for i, d in enumerate(todo):
            setattr(d, level, polys[found[i]].id)


def load_aliases(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"{path}: {exc}") from exc


def _find_draft(drafts: list[Draft], spec: Mapping[str, Any], where: str) -> Draft:
    if "id" in spec:
        for d in drafts:
            if d.id == spec["id"] or spec["id"] in d.xids:
                return d
        raise SetupError(f"{where}: no gazetteer entry with id {spec['id']!r}")
    strict = name_keys(str(spec.get("name", "")))[1]
    hits = [
        d
        for d in drafts
        if spec.get("kind", d.kind) == d.kind
        and any(name_keys(n)[1] == strict for n in (d.name, *d.names))
    ]
    if "admin1" in spec:
        wanted = name_keys(str(spec["admin1"]))[0]
        govs = {
            d.id
            for d in drafts
            if d.kind == "governorate" and any(name_keys(n)[0] == wanted for n in d.names)
        }
        hits = [d for d in hits if d.admin1 in govs]
    if len(hits) != 1:
        raise SetupError(
            f"{where}: name {spec.get('name')!r} matches {len(hits)} entries; add kind or id"
        )
    return hits[0]


def _apply_place_aliases(drafts: list[Draft], data: Mapping[str, Any], origin: Path) -> None:
    for n, spec in enumerate(data.get("new", []), 1):
        where = f"{origin}: [[new]] #{n}"
        try:
            d = Draft(
                spec["id"], spec["name"], spec["kind"], float(spec["lat"]), float(spec["lon"])
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SetupError(f"{where}: needs id, name, kind, lat, lon ({exc})") from exc
        d.population = int(spec.get("population", 0))
        d.parent = spec.get("parent")
        d.add_names(d.name, *spec.get("aliases", []))
        d.prominence = float(spec.get("prominence", DEFAULT_PROMINENCE))
        drop = {name_keys(n)[1] for n in spec.get("drop_aliases", [])}
        d.names = [n for n in d.names if name_keys(n)[1] not in drop]
        drafts.append(d)
    for n, spec in enumerate(data.get("place", []), 1):
        d = _find_draft(drafts, spec, f"{origin}: [[place]] #{n}")
        if "display" in spec:
            d.add_names(d.name)
            d.name = spec["display"]
        d.add_names(d.name, *spec.get("aliases", []))
        d.prominence = float(spec.get("prominence", DEFAULT_PROMINENCE))
        drop = {name_keys(n)[1] for n in spec.get("drop_aliases", [])}
        d.names = [n for n in d.names if name_keys(n)[1] not in drop]


def _display(name: str) -> str:
    """Drop a leading lower-case article ("as-Sakhour" → "Sakhour")."""
    head, sep, rest = name.partition("-")
    if sep and head in lexicon().articles and rest:
        return rest[0].upper() + rest[1:]
    return name


def assemble(src: Sources, aliases: Mapping[str, Any], aliases_path: Path) -> list[Draft]:
    """All sources merged into the final list of drafts (admin names still ids)."""
    admins = _admin_drafts(src)
    _apply_alias_tables(src)
    layer_drafts = [d for drafts in src.layers.values() for d in drafts]
    for d in layer_drafts:
        d.name = _display(d.name)
    ordered = sorted(src.points, key=lambda p: (-p.population, -KIND_RANK.get(p.kind, 0), p.id))
    places = _merge_points(layer_drafts, [*ordered, *src.communities])
    assign_parents(src, places)
    drafts = [*admins, *places]
    for d in admins:
        if d.kind == "governorate":
            d.admin1 = d.id
        elif d.kind == "district" and d.admin1 and not d.admin1.startswith("admin1:"):
            d.admin1 = f"admin1:{d.admin1}"
        if d.kind == "district":
            d.admin2 = d.id
    _admin_for_points(admins, [d for d in drafts if d.kind not in ("governorate",)])
    _apply_place_aliases(drafts, aliases, aliases_path)
    _admin_for_points(admins, [d for d in drafts if d.admin1 is None or d.admin2 is None])
    return drafts
