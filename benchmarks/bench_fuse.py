"""Fusion speed: 100,000 claims fused on one core.

The claims are real extracted claims (FA-KES dev, or a JSONL file of ``frontline extract``)
sampled with replacement, each moved to a random date within five years and, for four in five,
to a random populated place of the gazetteer (the rest keep their own place, so dense clusters
stay). Copies are not part of the timing (``benchmarks`` of copy detection: see docs/fusion.md).

``--dense K`` builds the realistic worst case instead: K copies of each real claim (a wire
story republished many times, a siege reported daily), each in a document of its own, at the
claim's own place, dated within a few days of it; claims are taken in turn until ``--n``.

``--dense K --apart DAYS`` spreads the copies instead: the k-th copy of each article DAYS days
after the one before (as ``benchmarks/bench_map.py`` fills its store, eight days apart), so a
copy rarely says the same thing on the same day as another, and claims dated only to the week
or month still meet the copies of other dates.

``--check`` fuses the same claims again storing every compatible pair (the reference,
``fuse_claims(..., pairwise=True)``, untimed) and says whether the fused events are identical.

    python benchmarks/bench_fuse.py [--claims events.jsonl] [--n 100000] [--dense K]
    [--apart DAYS] [--profile] [--check]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import pstats
import random
import resource
import time
from datetime import date, timedelta
from pathlib import Path

from frontline.export.jsonl import read_jsonl
from frontline.fuse import Fusion, fuse_claims
from frontline.geo import Gazetteer
from frontline.records import Event, GeoStatus, Place

ROOT = Path(__file__).resolve().parents[1]


def real_claims(path: Path | None) -> list[Event]:
    if path is not None:
        with path.open(encoding="utf-8") as handle:
            return list(read_jsonl(handle, str(path)))
    from frontline.pipeline import extract_paths
    from frontline.records import Extraction

    found: list[Event] = []
    for item in extract_paths([ROOT / "samples" / "fakes_dev.csv"]):
        if isinstance(item, Extraction):
            found.extend(item.events)
    return found


def synthesise(claims: list[Event], n: int, seed: int = 5) -> list[Event]:
    rng = random.Random(seed)
    places = [
        e for e in Gazetteer.default() if e.kind in ("city", "town", "village", "neighbourhood")
    ]
    start = date(2013, 1, 1)
    out = []
    for i in range(n):
        claim = rng.choice(claims)
        day = start + timedelta(days=rng.randrange(5 * 365))
        place = claim.place
        if rng.random() < 0.8:
            entry = rng.choice(places)
            place = Place(
                entry.name,
                entry.name,
                GeoStatus.RESOLVED,
                entry.lat,
                entry.lon,
                entry.admin1,
                entry.admin2,
                1,
                entry.id,
                entry.kind,
            )
        out.append(
            dataclasses.replace(
                claim, event_id=f"s{i}", doc_id=f"d{i // 4}", event_date=day, place=place
            )
        )
    return out


def densify(claims: list[Event], n: int, copies: int, seed: int = 5, apart: int = 0) -> list[Event]:
    """``copies`` copies of each dated claim, same place, date jittered by up to 3 days; or,
    with ``apart``, the k-th copy dated ``apart`` days after the one before it (centred on
    the claim's date) in the k-th copy of its article (claims of one article stay together)."""
    rng = random.Random(seed)
    dated = [c for c in claims if c.event_date is not None]
    out: list[Event] = []
    while len(out) < n:
        i = len(out)
        claim = dated[(i // copies) % len(dated)]
        assert claim.event_date is not None
        if apart:
            k = i % copies
            day = claim.event_date + timedelta(days=apart * (k - copies // 2))
            doc = f"{claim.doc_id}~{k}"
        else:
            day = claim.event_date + timedelta(days=rng.randint(-3, 3))
            doc = f"d{i}"
        out.append(dataclasses.replace(claim, event_id=f"s{i}", doc_id=doc, event_date=day))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=Path, help="JSONL of extracted claims (default: FA-KES)")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dense", type=int, metavar="K", help="K copies of each claim, nearby")
    parser.add_argument(
        "--apart", type=int, default=0, metavar="DAYS", help="with --dense: copies DAYS apart"
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument("--check", action="store_true", help="compare with every pair stored")
    args = parser.parse_args()
    found = real_claims(args.claims)
    if args.dense:
        claims = densify(found, args.n, args.dense, apart=args.apart)
    else:
        claims = synthesise(found, args.n)
    fusion = Fusion.default()
    fusion.gazetteer.contains("gn:170063", "gn:170063")  # load the shapes outside the timing
    profiler = cProfile.Profile() if args.profile else None
    began, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    fused = fuse_claims(claims, fusion=fusion)
    if profiler is not None:
        profiler.disable()
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    multi = sum(1 for f in fused if len(f.members) > 1)
    print(
        f"{len(claims)} claims -> {len(fused)} fused events ({multi} with several claims) "
        f"in {seconds:.1f} s wall, {cpu:.1f} s CPU ({len(claims) / cpu:,.0f} claims/s of CPU); "
        f"peak memory {peak:.0f} MB"
    )
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    if args.check:
        reference = fuse_claims(claims, fusion=fusion, pairwise=True)
        print("identical to every pair stored:", fused == reference)


if __name__ == "__main__":
    main()
