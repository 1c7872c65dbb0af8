"""The gazetteer: places, their names and shapes, loaded once per process.

>>> gaz = Gazetteer.default()
>>> [e.name for e in gaz.lookup("Hulluk")]
['Holok']

Entries come from the index that :mod:`frontline.geo.build` writes into
``frontline/data/gazetteer/``. Every name of every entry is filed under its loose fold key
(:func:`frontline.geo.normalize.fold`), so a lookup is one dictionary access.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.geo.build import (
    ALIASES_FILE,
    DEFAULT_PROMINENCE,
    FIELDS,
    INDEX_FILE,
    MANIFEST_FILE,
    POLYGONS_FILE,
    Manifest,
    km,
    sha256_file,
)
from frontline.geo.normalize import (
    FOLD_VERSION,
    GAZETTEER_DIR,
    index_keys,
    name_keys,
    strip_optional_prefix,
)

ADMIN_KINDS = ("governorate", "district", "subdistrict")
POPULATED_KINDS = ("city", "town", "village")


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    admin1: str | None
    admin2: str | None
    population: int
    parent: str | None
    prominence: float
    names: tuple[str, ...]
    xids: tuple[str, ...] = ()

    def km_to(self, lat: float, lon: float) -> float:
        return km(self.lat, self.lon, lat, lon)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry found for a name, with how well the name matched."""

    entry: Entry
    strict: bool  # same spelling up to vowel classes, not only the same skeleton
    weak: bool  # matched only after dropping a generic prefix ("Karm", "Jabal", ...)


_FOUND_BOUND = 65_536  # candidate lists memoised per gazetteer before the memo starts over


class Gazetteer:
    """Places with their names, parents and shapes; lookups by folded name."""

    def __init__(self, entries: list[Entry], keys: list[list[list[Any]]], directory: Path) -> None:
        self._entries = entries
        self._by_id: dict[str, Entry] = {}
        self._loose: dict[str, list[tuple[int, str, bool]]] = {}
        self._strict: set[str] = set()
        self._directory = directory
        # found candidates per (loose key, strict key, weak), a bounded per-process memo
        self._found: dict[tuple[str, str, bool], tuple[Candidate, ...]] = {}
        self._ids: list[str] = []  # the entries' ids, in order, while no entry is added
        for entry in entries:
            self._by_id[entry.id] = entry
            for xid in entry.xids:
                self._by_id.setdefault(xid, entry)
        self._file_all(keys)

    def _file_all(self, keys: list[list[list[Any]]]) -> None:
        """Every entry's keys, as :meth:`_file` files them one by one: an entry's own earlier
        keys are the only ones a duplicate can be, since entries are filed in order."""
        by_loose, strict_keys = self._loose, self._strict
        for i, entry_keys in enumerate(keys):
            filed: set[tuple[str, str]] = set()
            for loose, strict, weak in entry_keys:
                strict_keys.add(strict)
                if (loose, strict) in filed:
                    continue
                filed.add((loose, strict))
                bucket = by_loose.get(loose)
                if bucket is None:
                    by_loose[loose] = [(i, strict, bool(weak))]
                else:
                    bucket.append((i, strict, bool(weak)))
        self._found.clear()

    def _file(self, i: int, loose: str, strict: str, weak: bool) -> None:
        bucket = self._loose.setdefault(loose, [])
        if all(b[0] != i or b[1] != strict for b in bucket):
            bucket.append((i, strict, weak))
        self._strict.add(strict)
        self._found.clear()

    # -- loading -------------------------------------------------------------------------

    @staticmethod
    @functools.cache
    def default() -> Gazetteer:
        """The shipped index, loaded on first use and kept for the process."""
        return Gazetteer.load(GAZETTEER_DIR)

    @classmethod
    def load(cls, directory: Path, aliases_path: Path | None = None) -> Gazetteer:
        """Load an index written by :func:`frontline.geo.build.build_index`."""
        path = Path(directory) / INDEX_FILE
        try:
            data = json.loads(gzip.decompress(path.read_bytes()))
        except (OSError, ValueError) as exc:
            raise SetupError(
                f"{path}: cannot read the gazetteer index ({exc}); rebuild it with "
                "python -m frontline.geo"
            ) from exc
        if data.get("format") != "frontline-gazetteer" or list(data.get("fields", [])) != list(
            FIELDS
        ):
            raise SetupError(f"{path}: not a frontline gazetteer index of this version; rebuild it")
        entries = [
            _entry(row, names, xids)
            for row, names, xids in zip(data["entries"], data["names"], data["xids"], strict=True)
        ]
        keys = data["keys"]
        if data.get("fold_version") != FOLD_VERSION:
            keys = [_keys_for(e) for e in entries]
        gaz = cls(entries, keys, Path(directory))
        aliases_path = aliases_path or ALIASES_FILE
        if aliases_path.exists() and sha256_file(aliases_path) != gaz.manifest().aliases_sha256:
            gaz._overlay(aliases_path)
        return gaz

    @functools.cached_property
    def _manifest(self) -> Manifest:
        path = self._directory / MANIFEST_FILE
        try:
            return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise SetupError(f"{path}: cannot read the gazetteer manifest ({exc})") from exc

    def manifest(self) -> Manifest:
        return self._manifest

    @property
    def version(self) -> str:
        """A short provenance label: ``gazetteer/<version>@<index hash prefix>``."""
        digest = self._manifest.files.get(INDEX_FILE, "")[:12]
        return f"frontline-gazetteer/{self._manifest.version}@{digest}"

    def _overlay(self, path: Path) -> None:
        """Apply a place_aliases.toml edited after the index was built."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SetupError(f"{path}: {exc}") from exc
        for spec in data.get("new", []):
            if spec.get("id") in self._by_id:
                continue
            lat, lon = float(spec["lat"]), float(spec["lon"])
            a1, a2 = self.admin_for_point(lat, lon)
            names = (spec["name"], *spec.get("aliases", []))
            self._add(
                Entry(
                    spec["id"],
                    spec["name"],
                    spec["kind"],
                    lat,
                    lon,
                    a1,
                    a2,
                    int(spec.get("population", 0)),
                    spec.get("parent"),
                    float(spec.get("prominence", DEFAULT_PROMINENCE)),
                    names,
                )
            )
        for spec in data.get("place", []):
            found = self._by_id.get(spec.get("id", "")) or next(
                (
                    c.entry
                    for c in self.candidates(spec.get("name", ""))
                    if c.strict and spec.get("kind", c.entry.kind) == c.entry.kind
                ),
                None,
            )
            if found is None:
                continue
            drop = {name_keys(n)[1] for n in spec.get("drop_aliases", [])}
            names = tuple(
                n for n in (*found.names, *spec.get("aliases", [])) if name_keys(n)[1] not in drop
            )
            prominence = float(spec.get("prominence", DEFAULT_PROMINENCE))
            display = spec.get("display", found.name)
            self._replace(found, replace(found, name=display, names=names, prominence=prominence))

    def _add(self, entry: Entry) -> None:
        self._entries.append(entry)
        self._by_id[entry.id] = entry
        for loose, strict, weak in _keys_for(entry):
            self._file(len(self._entries) - 1, loose, strict, bool(weak))

    def _replace(self, old: Entry, new: Entry) -> None:
        i = self._index(old)
        self._entries[i] = new
        self._ids[i] = new.id
        self._by_id[new.id] = new
        for loose, strict, weak in _keys_for(new):
            self._file(i, loose, strict, bool(weak))

    def _index(self, old: Entry) -> int:
        """``self._entries.index(old)``, with the ids compared first: an entry's generated
        ``__eq__`` reads every field, and an equal entry has the same id."""
        ids = self._ids if len(self._ids) == len(self._entries) else []
        if not ids:
            ids = self._ids = [e.id for e in self._entries]
        i = ids.index(old.id)
        while self._entries[i] is not old and self._entries[i] != old:
            i = ids.index(old.id, i + 1)
        return i

    # -- lookups -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def candidates(self, name: str) -> list[Candidate]:
        """Entries any of whose names folds like ``name``, best spelled first."""
        loose, strict = name_keys(name)
        out = self._candidates(loose, strict, weak=False)
        if not out:
            rest = strip_optional_prefix(name)
            if rest is not None:
                r_loose, r_strict = name_keys(rest)
                out = self._candidates(r_loose, r_strict, weak=True)
        return list(out)  # a fresh list: the memo's tuple stays as it was

    def _candidates(self, loose: str, strict: str, weak: bool) -> tuple[Candidate, ...]:
        key = (loose, strict, weak)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _FOUND_BOUND:
                self._found.clear()
            found = self._found[key] = tuple(self._find(loose, strict, weak))
        return found

    def _find(self, loose: str, strict: str, weak: bool) -> list[Candidate]:
        best: dict[int, Candidate] = {}
        for i, s, w in self._loose.get(loose, ()):
            cand = Candidate(self._entries[i], s == strict, w or weak)
            old = best.get(i)
            if old is None or (cand.strict, not cand.weak) > (old.strict, not old.weak):
                best[i] = cand
        return sorted(best.values(), key=lambda c: (not c.strict, c.weak, -c.entry.population))

    def lookup(self, name: str) -> list[Entry]:
        """All entries whose any name folds to the key of ``name``."""
        return [c.entry for c in self.candidates(name)]

    def has_key(self, loose: str, strict: str) -> tuple[bool, bool]:
        """Whether a loose key is filed, and whether the strict key is filed too."""
        return loose in self._loose, strict in self._strict

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id (or one of its merged source ids)."""
        return self._by_id.get(entry_id)

    def parent_chain(self, entry: Entry) -> list[Entry]:
        chain, seen = [], {entry.id}
        current = entry
        while current.parent and current.parent not in seen:
            parent = self._by_id.get(current.parent)
            if parent is None:
                break
            chain.append(parent)
            seen.add(parent.id)
            current = parent
        return chain

    def contains(self, outer_id: str, inner_id: str) -> bool:
        """Whether the inner place lies within the outer one."""
        outer, inner = self.get(outer_id), self.get(inner_id)
        if outer is None or inner is None:
            return False
        if outer.id == inner.id or outer in self.parent_chain(inner):
            return True
        if outer.kind == "governorate":
            return inner.admin1 == outer.admin1
        if outer.kind == "district":
            return inner.admin2 == outer.admin2 and inner.admin1 == outer.admin1
        shape = self.polygon(outer.id)
        if shape is not None:
            from shapely.geometry import Point

            return bool(shape.covers(Point(inner.lon, inner.lat)))
        return outer.kind in POPULATED_KINDS and inner.km_to(outer.lat, outer.lon) <= radius_km(
            outer
        )

    # -- geometry ------------------------------------------------------------------------

    @functools.cached_property
    def _shapes(self) -> Mapping[str, Any]:
        from shapely.geometry import shape

        path = self._directory / POLYGONS_FILE
        try:
            raw = json.loads(gzip.decompress(path.read_bytes()))
        except (OSError, ValueError) as exc:
            raise SetupError(f"{path}: cannot read the gazetteer polygons ({exc})") from exc
        return {k: shape(v) for k, v in raw.items()}

    @functools.cached_property
    def _admin_trees(self) -> dict[str, tuple[Any, list[Entry]]]:
        import shapely

        out = {}
        for kind in ("governorate", "district"):
            ents = [e for e in self._entries if e.kind == kind and e.id in self._shapes]
            out[kind] = (shapely.STRtree([self._shapes[e.id] for e in ents]), ents)
        return out

    def polygon(self, entry_id: str) -> Any | None:
        """The entry's simplified shape (a shapely geometry), or None when it has none."""
        entry = self.get(entry_id)
        return None if entry is None else self._shapes.get(entry.id)

    def admin_for_point(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        """``(admin1, admin2)`` names of the polygons holding a point (nearest if none)."""
        from shapely.geometry import Point

        point = Point(lon, lat)
        out: list[str | None] = []
        for kind in ("governorate", "district"):
            tree, ents = self._admin_trees[kind]
            hits = tree.query(point, predicate="intersects")
            if len(hits) == 0:
                hits = [tree.nearest(point)]
            entry = ents[int(hits[0])] if len(ents) else None
            out.append(
                entry.admin1 if kind == "governorate" and entry else entry.admin2 if entry else None
            )
        return out[0], out[1]

    def find_mentions(self, text: str) -> list[Any]:
        """Gazetteer names in a text (see :func:`frontline.geo.mentions.find_mentions`)."""
        from frontline.geo.mentions import find_mentions

        return find_mentions(text, self)


def _entry(row: list[Any], names: list[str], xids: list[str]) -> Entry:
    eid, name, kind, lat, lon, admin1, admin2, population, parent, prominence = row
    return Entry(
        eid,
        name,
        kind,
        lat,
        lon,
        admin1,
        admin2,
        population,
        parent,
        prominence,
        tuple(names),
        tuple(xids),
    )


def radius_km(entry: Entry) -> float:
    """A rough radius for a populated place without a shape, from its population."""
    if entry.kind not in POPULATED_KINDS and entry.kind != "neighbourhood":
        return 0.0
    return 1.0 + 8.0 * math.sqrt(max(entry.population, 0) / 1_600_000)


def _keys_for(entry: Entry) -> list[list[Any]]:
    seen: dict[tuple[str, str], bool] = {}
    for n in (entry.name, *entry.names):
        for loose, strict, weak in index_keys(n):
            seen[(loose, strict)] = seen.get((loose, strict), True) and weak
    return [[loose, strict, int(weak)] for (loose, strict), weak in seen.items()]
