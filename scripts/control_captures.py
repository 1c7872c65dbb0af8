"""List the places inside a city that the corpus reports as captured, with the capture dates the
control timeline derives and the evidence sentence of each change.

    .venv/bin/python scripts/control_captures.py --place Aleppo --since 2016-11-01 \
        --until 2016-12-31 samples/aleppo_2016-11-28_trt.txt samples/fakes_dev.csv

Text files take their dateline from ``--published`` (the sample's is 2016-11-28). Claims are
fused first (frontline.fuse.fusion, copies folded), as the store does. Area-level changes (the
city itself, "villages near" it) are listed apart: they never become a neighbourhood's date.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from frontline.fuse.control import build_timeline
from frontline.fuse.control_shares import find_area, lies_within
from frontline.fuse.copies import find_copies, fingerprint
from frontline.fuse.fusion import fuse_claims
from frontline.geo import Gazetteer
from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import run_one
from frontline.records import Document, Event


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--place", default="Aleppo")
    parser.add_argument("--since", type=date.fromisoformat, default=date(2016, 11, 1))
    parser.add_argument("--until", type=date.fromisoformat, default=date(2016, 12, 31))
    parser.add_argument("--published", type=date.fromisoformat, default=date(2016, 11, 28))
    args = parser.parse_args(argv)
    read = [
        d
        for path in args.corpus
        for d in iter_documents(
            [path], ReadOptions(published=args.published if path.endswith(".txt") else None)
        )
    ]
    docs = [
        d
        for d in read
        if isinstance(d, Document) and d.published and args.since <= d.published <= args.until
    ]
    events: list[Event] = [e for d in docs for e in run_one(d).events if e.territory]
    by_id = {e.event_id: e for e in events}
    copies = find_copies([fingerprint(d.doc_id, d.text, d.published) for d in docs])
    fused = fuse_claims(events, copies, {d.doc_id: d.source for d in docs})
    members = {f.fused_id: f.members for f in fused}
    timeline = build_timeline(fused)
    gaz = Gazetteer.default()
    area = find_area(gaz, args.place, timeline.periods)
    if area is None:
        print(f"no place named {args.place!r} in the gazetteer", file=sys.stderr)
        return 1
    inside = [p for p in timeline.periods if lies_within(gaz, area, p)]
    print(f"{len(docs)} documents, {len(events)} territory claims, {len(fused)} fused changes")
    for period in sorted(inside, key=lambda p: (p.place, p.since or date.min)):
        since = period.since.isoformat() if period.since else "(before)"
        print(f"\n{period.place}: {period.faction} since {since} (confidence {period.confidence})")
        for fid in period.evidence:
            for event_id in members.get(fid, (fid,)):
                event = by_id.get(event_id)
                if event is not None:
                    print(f"  [{event.source} {event.doc_id} {event.event_date}] "
                          f"{event.evidence.text.strip()[:220]}")  # fmt: skip
    print("\narea-level changes (not spread to neighbourhoods):")
    for claim in timeline.area_claims:
        print(
            f"  {claim.on} {claim.place}: {claim.loser} -> {claim.taker} ({claim.confidence:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
