"""Fit the credibility model on labelled articles and write frontline/data/credibility_model.json.

    .venv/bin/python scripts/train_credibility.py --cv   # cross-validated scores, write nothing
    .venv/bin/python scripts/train_credibility.py        # choose by CV, fit on all, write

Every config of frontline.fuse.credibility_model.CONFIGS is cross-validated on folds that keep
near-duplicate articles together; the best macro-F1 wins and is fitted on every article. The
chosen config is also scored leaving one outlet out at a time, and on plain stratified folds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontline.fuse.credibility import MODEL_FILE
from frontline.fuse.credibility_model import SEED, Report, choose_and_fit, labelled_corpus

ROOT = Path(__file__).resolve().parents[1]


def _line(report: Report) -> str:
    c, f = report.per_class["credible"], report.per_class["fake"]
    return (
        f"{report.name:<28} macro-F1 {report.macro_f1:.3f}  accuracy {report.accuracy:.3f}  "
        f"credible P/R {c['precision']:.3f}/{c['recall']:.3f}  "
        f"fake P/R {f['precision']:.3f}/{f['recall']:.3f}  ({report.folds} folds)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", default=[str(ROOT / "samples" / "fakes_dev.csv")])
    parser.add_argument("--cv", action="store_true", help="report cross-validation only")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    extractions, labels = labelled_corpus(args.corpus)
    model, evaluation = choose_and_fit(extractions, labels, args.folds, args.seed)
    print(f"{len(labels)} articles, {sum(labels)} credible; grouped {args.folds}-fold CV:")
    for report in evaluation.reports:
        print("  " + _line(report))
    print(f"chosen: {evaluation.chosen.name}")
    print("  leave-one-source-out: " + _line(evaluation.by_source))
    print("  stratified, no grouping: " + _line(evaluation.stratified))
    if not args.cv:
        text = json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n"
        tmp = args.out.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
