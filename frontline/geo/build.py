"""Build the offline gazetteer index from a folder of source files.

``build_index(source_dir, out_dir)`` reads every file under ``source_dir`` whose kind
:func:`frontline.geo.sources.classify` recognises, merges them into one list of places
(:mod:`frontline.geo.merge`), and writes ``index.json.gz`` (entries and their fold keys),
``polygons.json.gz`` (simplified shapes), ``manifest.json`` and ``ATTRIBUTION.md`` into
``out_dir``. See docs/gazetteer.md.

Run ``python -m frontline.geo [SOURCE_DIR] [OUT_DIR]`` to rebuild the shipped index.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from frontline.errors import InputError
from frontline.geo.merge import (
    DEFAULT_PROMINENCE,
    SourceFile,
    assemble,
    assign_parents,
    km,
    load_aliases,
    read_sources,
    sha256_file,
)
from frontline.geo.normalize import (
    DATA_DIR,
    FOLD_VERSION,
    GAZETTEER_DIR,
    index_keys,
    split_words,
)
from frontline.geo.sources import Draft

__all__ = [
    "ALIASES_FILE",
    "ATTRIBUTION_FILE",
    "DEFAULT_PROMINENCE",
    "FIELDS",
    "INDEX_FILE",
    "INDEX_VERSION",
    "MANIFEST_FILE",
    "POLYGONS_FILE",
    "Manifest",
    "SourceFile",
    "build_index",
    "km",
    "main",
    "sha256_file",
]

INDEX_VERSION = "1"
INDEX_FILE = "index.json.gz"
POLYGONS_FILE = "polygons.json.gz"
MANIFEST_FILE = "manifest.json"
ATTRIBUTION_FILE = "ATTRIBUTION.md"
ALIASES_FILE = DATA_DIR / "place_aliases.toml"
FIELDS = (
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "admin1",
    "admin2",
    "population",
    "parent",
    "prominence",
)
_ADMIN_TOLERANCE = 0.002
_DETAIL_TOLERANCE = 0.00005


@dataclass(frozen=True)
class Manifest:
    """What a build read and wrote: sources with hashes, counts, timing, versions."""

    version: str
    fold_version: str
    built_at: str
    build_seconds: float
    sources: tuple[SourceFile, ...]
    counts: Mapping[str, int]
    index_bytes: int
    polygons_bytes: int
    aliases_sha256: str
    files: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["counts"] = dict(self.counts)
        out["files"] = dict(self.files)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Manifest:
        return cls(
            version=data["version"],
            fold_version=data["fold_version"],
            built_at=data["built_at"],
            build_seconds=data["build_seconds"],
            sources=tuple(SourceFile(**s) for s in data["sources"]),
            counts=dict(data["counts"]),
            index_bytes=data["index_bytes"],
            polygons_bytes=data["polygons_bytes"],
            aliases_sha256=data["aliases_sha256"],
            files=dict(data.get("files", {})),
        )


def _geometry(geom: Mapping[str, Any], tolerance: float, digits: int) -> dict[str, Any]:
    import shapely
    from shapely.geometry import mapping, shape

    shp = shape(geom).simplify(tolerance, preserve_topology=True)
    shp = shapely.set_precision(shp, 10.0**-digits)
    return dict(mapping(shp))


def _city_shapes(members: Mapping[str, list[Draft]]) -> dict[str, dict[str, Any]]:
    import shapely
    from shapely.geometry import shape

    out = {}
    for city_id, drafts in members.items():
        shapes = [shape(d.geometry) for d in drafts if d.geometry]
        if shapes:
            union = shapely.union_all([s.buffer(0.0003) for s in shapes]).buffer(-0.0003)
            out[city_id] = _geometry(shapely.geometry.mapping(union), 0.0003, 4)
    return out


def _entry_row(d: Draft, names_of: Mapping[str, str]) -> list[Any]:
    return [
        d.id,
        d.name,
        d.kind,
        round(d.lat, 5),
        round(d.lon, 5),
        names_of.get(d.admin1 or "", None),
        names_of.get(d.admin2 or "", None),
        d.population,
        d.parent,
        d.prominence,
    ]


def _entry_keys(d: Draft) -> list[list[Any]]:
    seen: dict[tuple[str, str], bool] = {}
    for n in (d.name, *d.names):
        for loose, strict, weak in index_keys(n):
            seen[(loose, strict)] = seen.get((loose, strict), True) and weak
    return [[loose, strict, int(weak)] for (loose, strict), weak in seen.items()]


def build_index(source_dir: Path, out_dir: Path, aliases_path: Path | None = None) -> Manifest:
    """Build the gazetteer from ``source_dir`` into ``out_dir``; return its manifest."""
    started = time.perf_counter()
    aliases_path = aliases_path or ALIASES_FILE
    src = read_sources(Path(source_dir))
    drafts = assemble(src, load_aliases(aliases_path), aliases_path)
    ids = [d.id for d in drafts]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise InputError(str(source_dir), f"duplicate gazetteer ids: {dup}")
    names_of = {d.id: d.name for d in drafts if d.kind in ("governorate", "district")}
    members = assign_parents(src, drafts)
    polygons = _polygons(drafts, members)
    index = {
        "format": "frontline-gazetteer",
        "version": INDEX_VERSION,
        "fold_version": FOLD_VERSION,
        "fields": list(FIELDS),
        "entries": [_entry_row(d, names_of) for d in drafts],
        "names": [d.names for d in drafts],
        "xids": [d.xids for d in drafts],
        "keys": [_entry_keys(d) for d in drafts],
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    index_bytes = _write_gz(out_dir / INDEX_FILE, index)
    polygons_bytes = _write_gz(out_dir / POLYGONS_FILE, polygons)
    _write_attribution(Path(source_dir), out_dir)
    counts: dict[str, int] = defaultdict(int)
    for d in drafts:
        counts[d.kind] += 1
    counts["entries"] = len(drafts)
    counts["polygons"] = len(polygons)
    counts["names"] = sum(len(d.names) for d in drafts)
    manifest = Manifest(
        version=INDEX_VERSION,
        fold_version=FOLD_VERSION,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 2),
        sources=tuple(src.files),
        counts=dict(sorted(counts.items())),
        index_bytes=index_bytes,
        polygons_bytes=polygons_bytes,
        aliases_sha256=sha256_file(aliases_path) if aliases_path.exists() else "",
        files={
            INDEX_FILE: sha256_file(out_dir / INDEX_FILE),
            POLYGONS_FILE: sha256_file(out_dir / POLYGONS_FILE),
        },
    )
    (out_dir / MANIFEST_FILE).write_text(
        json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def _polygons(drafts: list[Draft], members: Mapping[str, list[Draft]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in drafts:
        if d.geometry is None:
            continue
        admin = d.kind in ("governorate", "district")
        tol, digits = (_ADMIN_TOLERANCE, 4) if admin else (_DETAIL_TOLERANCE, 5)
        out[d.id] = _geometry(d.geometry, tol, digits)
    out.update(_city_shapes(members))
    return out


def _write_gz(path: Path, data: Any) -> int:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return path.stat().st_size


def _write_attribution(source_dir: Path, out_dir: Path) -> None:
    """Ship the credits: the hand-written ATTRIBUTION.md, and any licence files found."""
    template = GAZETTEER_DIR / ATTRIBUTION_FILE
    target = out_dir / ATTRIBUTION_FILE
    if template.exists() and template.resolve() != target.resolve():
        shutil.copyfile(template, target)
    for lic in sorted(source_dir.rglob("*")):
        if lic.is_file() and split_words(lic.stem.upper())[0] in ("LICENSE", "LICENCE", "NOTICE"):
            dest = out_dir / "LICENCES" / lic.relative_to(source_dir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lic, dest)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    source = Path(args[0]) if args else Path("data/geo")
    out = Path(args[1]) if len(args) > 1 else GAZETTEER_DIR
    manifest = build_index(source, out)
    sys.stdout.write(json.dumps(manifest.counts) + f"\n{manifest.build_seconds}s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
