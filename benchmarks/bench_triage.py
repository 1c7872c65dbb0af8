"""What the extraction triage costs: CPU time of the rules vs the triage over the same documents.

Run (from the repository root)::

    .venv/bin/python benchmarks/bench_triage.py                 # FA-KES dev, 480 articles
    .venv/bin/python benchmarks/bench_triage.py --repeat 3      # best of three passes

The rules (``frontline.extract.events.extract_events``) run over every document first, after a
warm-up pass that loads lexicons, gazetteer and the triage weights; then ``triage`` runs over
the extractions with the shipped model, whatever ``FRONTLINE_TRIAGE`` says. Both are timed in
process CPU seconds, so other work on a shared machine does not count; each figure is the best
of ``--repeat`` passes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from frontline.extract.events import extract_events
from frontline.extract.triage import default_model, triage
from frontline.ingest import iter_documents
from frontline.records import Document, Extraction

ROOT = Path(__file__).resolve().parents[1]


def _rules(documents: list[Document]) -> tuple[float, list[Extraction]]:
    start = time.process_time()
    out = [Extraction(document=d, events=tuple(extract_events(d)[0])) for d in documents]
    return time.process_time() - start, out


def _triage(extractions: list[Extraction]) -> tuple[float, int]:
    model = default_model()
    start = time.process_time()
    kept = sum(len(triage(x, model).events) for x in extractions)
    return time.process_time() - start, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", default=[str(ROOT / "samples" / "fakes_dev.csv")])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    documents = [d for d in iter_documents(args.corpus) if isinstance(d, Document)]
    _triage(_rules(documents[:20])[1])  # warm-up: lexicons, gazetteer, weights
    rules_s, extractions = min((_rules(documents) for _ in range(args.repeat)), key=lambda r: r[0])
    triage_s, kept = min(_triage(extractions) for _ in range(args.repeat))
    events = sum(len(x.events) for x in extractions)
    print(f"{len(documents)} documents, {events} candidate events, {kept} kept by triage")
    print(f"rules  {rules_s:.3f} CPU s  ({len(documents) / rules_s:.0f} docs/s)")
    print(f"triage {triage_s:.3f} CPU s  ({len(documents) / triage_s:.0f} docs/s)")
    print(f"triage adds {100 * triage_s / rules_s:.1f}% to the rules' time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
