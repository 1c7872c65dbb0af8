"""Fit the extraction triage on the development gold sets; cross-validate; write the weights.

    .venv/bin/python scripts/train_triage.py --cv      # grouped CV figures, write nothing
    .venv/bin/python scripts/train_triage.py --write   # the same, then fit on all and write

The rule extractor runs (triage off) over the documents of the development gold sets only —
dev, B, C and D; never the held-out batches A and E — and each candidate event is labelled by
the project's scorer (``frontline.evaluation.match_events``): 1 when it is matched to a gold
event, 0 when not. Documents are split into folds that keep near-duplicate articles together.
For every config the out-of-fold probabilities give, per gold set, event P/R/F1 without triage
and with it at each threshold; the config and threshold with the best pooled F1 win. The
nested figure chooses the threshold again inside each training split (inner CV), so no figure
it reports was tuned on the documents it scores. Triage is switched on by default only when
the nested pooled F1 beats the rules alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from frontline.evaluation import (
    Counts,
    GoldDocument,
    date_close,
    locate_gold,
    match_events,
    read_gold,
    same_place,
    score,
)
from frontline.extract.events import extract_events
from frontline.extract.triage import (
    HASH_BITS,
    MODEL_FILE,
    Features,
    TriageModel,
    bucket,
    document_features,
    fit,
)
from frontline.fuse.credibility_model import grouped_folds, near_duplicate_groups
from frontline.ingest import iter_documents
from frontline.records import Document, Event

ROOT = Path(__file__).resolve().parents[1]
ALEPPO = "samples/aleppo_2016-11-28_trt.txt"
FAKES = "samples/fakes_dev.csv"
SETS = (
    ("dev", "data/gold/dev_events.jsonl", (ALEPPO, FAKES)),
    ("B", "data/gold/extra_events_b.jsonl", (FAKES,)),
    ("C", "data/gold/extra_events_c.jsonl", (FAKES,)),
    ("D", "data/gold/extra_events_d.jsonl", (FAKES,)),
)
SEED = 20161128
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))
TRADEOFF = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # keep thresholds a user may set (FRONTLINE_TRIAGE)


@dataclass(frozen=True, slots=True)
class Config:
    """Which features (``words``: hashed words and pairs too) and the L2 strength."""

    name: str
    l2: float
    words: bool


CONFIGS = tuple(
    Config(f"{'cues+words' if words else 'cues'}, l2={l2:g}", l2, words)
    for words, strengths in ((False, (3.0, 10.0, 30.0, 100.0)), (True, (10.0, 30.0, 100.0, 300.0)))
    for l2 in strengths
)


@dataclass(frozen=True, slots=True)
class Case:
    """One gold document: its candidates (triage off), their features and labels."""

    set_name: str
    gold: GoldDocument
    document: Document
    events: tuple[Event, ...]
    rows: tuple[Features, ...]
    labels: tuple[int, ...]


def load_cases(sets: Sequence[tuple[str, str, Sequence[str]]] = SETS) -> list[Case]:
    """Run the rules over every gold document of ``sets`` and label each candidate."""
    documents: dict[str, Document] = {}
    for corpus in sorted({c for _, _, paths in sets for c in paths}):
        for item in iter_documents([ROOT / corpus]):
            if isinstance(item, Document):
                documents.setdefault(item.doc_id, item)
    cases = []
    for set_name, gold_path, _ in sets:
        for gold in locate_gold(read_gold(ROOT / gold_path)):
            if gold.doc_id not in documents:
                raise SystemExit(f"{gold_path}: document {gold.doc_id} is not in the corpus")
            cases.append(_case(set_name, gold, documents[gold.doc_id]))
    return cases


def _case(set_name: str, gold: GoldDocument, document: Document) -> Case:
    if document.published is None and gold.published is not None:
        document = replace(document, published=gold.published, published_from="given")
    events = tuple(extract_events(document)[0])
    matched = {id(p) for p, _ in match_events(events, gold.events)}
    labels = tuple(int(id(e) in matched) for e in events)
    rows = tuple(document_features(document, events))
    return Case(set_name, gold, document, events, rows, labels)


def folds_of(cases: Sequence[Case], k: int, seed: int) -> list[list[int]]:
    """Document folds: near-duplicate articles together, documents with errors spread."""
    groups = near_duplicate_groups([c.document.text for c in cases])
    spurious = [int(0 in c.labels) for c in cases]
    return grouped_folds(spurious, groups, k, seed)


def out_of_fold(
    cases: Sequence[Case], folds: Sequence[Sequence[int]], config: Config
) -> list[list[float]]:
    """Each candidate's probability from a model fitted on the other folds' documents."""
    probs: list[list[float]] = [[] for _ in cases]
    for fold in folds:
        held = set(fold)
        model = _fit(cases, [i for i in range(len(cases)) if i not in held], config)
        for i in fold:
            probs[i] = [model.probability(row) for row in cases[i].rows]
    return probs


def _fit(cases: Sequence[Case], which: Sequence[int], config: Config) -> TriageModel:
    rows = [row for i in which for row in cases[i].rows]
    labels = [y for i in which for y in cases[i].labels]
    return fit(rows, labels, config.l2, words=config.words)


def counts(
    cases: Sequence[Case], probs: Sequence[Sequence[float]] | None, threshold: float
) -> dict[str, Counts]:
    """Event counts per gold set (and ``all``) keeping candidates with p >= threshold."""
    out: dict[str, Counts] = {}
    for name in sorted({c.set_name for c in cases}):
        chosen = [i for i, c in enumerate(cases) if c.set_name == name]
        predicted = {
            cases[i].gold.doc_id: [
                e
                for j, e in enumerate(cases[i].events)
                if probs is None or probs[i][j] >= threshold
            ]
            for i in chosen
        }
        out[name] = score([cases[i].gold for i in chosen], predicted).overall
    out["all"] = Counts(*(sum(getattr(c, f) for c in out.values()) for f in ("tp", "fp", "fn")))
    return out


def best_threshold(cases: Sequence[Case], probs: Sequence[Sequence[float]]) -> float:
    """The threshold with the best pooled event F1 (the lower one on a tie)."""
    return max(THRESHOLDS, key=lambda t: (round(counts(cases, probs, t)["all"].f1, 6), -t))


def nested(
    cases: Sequence[Case], folds: Sequence[Sequence[int]], config: Config, seed: int
) -> tuple[list[list[float]], list[float]]:
    """Out-of-fold probabilities, each outer fold judged by its own inner-CV threshold: the
    probabilities are shifted so that 0.5 stands where that fold's threshold stood."""
    import math

    probs: list[list[float]] = [[] for _ in cases]
    chosen: list[float] = []
    for fold in folds:
        held = set(fold)
        train = [cases[i] for i in range(len(cases)) if i not in held]
        inner = folds_of(train, len(folds) - 1, seed)
        threshold = best_threshold(train, out_of_fold(train, inner, config))
        chosen.append(threshold)
        model = _fit(cases, [i for i in range(len(cases)) if i not in held], config)
        shift = math.log(threshold / (1 - threshold))
        for i in fold:
            probs[i] = [_logit_shift(model.probability(r), shift) for r in cases[i].rows]
    return probs, chosen


def _logit_shift(p: float, shift: float) -> float:
    import math

    p = min(max(p, 1e-12), 1 - 1e-12)
    return 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) - shift)))


def _line(label: str, c: Counts) -> str:
    return f"  {label:<34} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  " + (
        f"(tp {c.tp}, fp {c.fp}, fn {c.fn})"
    )


def _table(title: str, before: dict[str, Counts], after: dict[str, Counts]) -> list[str]:
    lines = [title]
    for name in before:
        lines.append(_line(f"{name} rules alone", before[name]))
        lines.append(_line(f"{name} with triage", after[name]))
    return lines


def _figures(before: dict[str, Counts], after: dict[str, Counts]) -> dict[str, object]:
    return {
        name: {"without": before[name].as_dict(), "with": after[name].as_dict()} for name in before
    }


@dataclass(frozen=True, slots=True)
class Choice:
    """The config and threshold chosen by CV, with its out-of-fold and nested figures."""

    config: Config
    threshold: float
    before: dict[str, Counts]
    oof: dict[str, Counts]
    nested: dict[str, Counts]
    inner: list[float]
    auc: float
    tradeoff: dict[float, Counts]

    @property
    def on(self) -> bool:
        return self.nested["all"].f1 > self.before["all"].f1


def choose(cases: Sequence[Case], k: int, seed: int) -> Choice:
    """Cross-validate every config; keep the best pooled F1; measure it nested."""
    folds = folds_of(cases, k, seed)
    best: tuple[float, int, float, list[list[float]]] | None = None
    for rank, config in enumerate(CONFIGS):
        probs = out_of_fold(cases, folds, config)
        threshold = best_threshold(cases, probs)
        f1 = round(counts(cases, probs, threshold)["all"].f1, 6)
        print(f"  {config.name:<22} best threshold {threshold:.2f}  pooled OOF F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, rank, threshold, probs)
    assert best is not None
    _, rank, threshold, probs = best
    nested_probs, inner = nested(cases, folds, CONFIGS[rank], seed)
    return Choice(
        CONFIGS[rank],
        threshold,
        counts(cases, None, 0.0),
        counts(cases, probs, threshold),
        counts(cases, nested_probs, 0.5),
        inner,
        roc_auc(cases, probs),
        {t: counts(cases, probs, t)["all"] for t in TRADEOFF},
    )


def roc_auc(cases: Sequence[Case], probs: Sequence[Sequence[float]]) -> float:
    """How often a matched candidate outscores an unmatched one (ties count half)."""
    scored = [
        (p, y)
        for case, ps in zip(cases, probs, strict=True)
        for p, y in zip(ps, case.labels, strict=True)
    ]
    good = sorted(p for p, y in scored if y)
    bad = [p for p, y in scored if not y]
    if not good or not bad:
        return 0.5
    wins = sum(
        bisect_left(good, p) + 0.5 * (bisect_right(good, p) - bisect_left(good, p)) for p in bad
    )
    return 1.0 - wins / (len(good) * len(bad))


def spurious_kinds(cases: Sequence[Case]) -> Counter[str]:
    """What the unmatched candidates are, against the gold events of their document."""
    kinds: Counter[str] = Counter()
    for case in cases:
        for event, label in zip(case.events, case.labels, strict=True):
            if not label:
                kinds[_kind(event, case.gold)] += 1
    return kinds


def _kind(event: Event, gold: GoldDocument) -> str:
    same_type = [g for g in gold.events if g.event_type == event.event_type]
    if not same_type:
        return "no gold event of its type in the article"
    place = [g for g in same_type if same_place(event, g)]
    if any(date_close(event.event_date, g) for g in place):
        return "retells an event already matched (same type, place and date)"
    if place:
        return "same type and place, another date"
    if any(date_close(event.event_date, g) for g in same_type):
        return "same type and date, another place"
    return "same type, other place and date"


def report(choice: Choice) -> None:
    title = (
        f"chosen {choice.config.name}, threshold {choice.threshold:.2f}, "
        f"out of fold (ROC AUC {choice.auc:.3f}):"
    )
    print("\n".join(_table(title, choice.before, choice.oof)))
    print("pooled, out of fold, at other keep thresholds (FRONTLINE_TRIAGE=<threshold>):")
    for t, c in choice.tradeoff.items():
        print(_line(f"threshold {t:.1f}", c))
    title = f"nested (threshold chosen inside each training split: {choice.inner}):"
    print("\n".join(_table(title, choice.before, choice.nested)))
    with_f1, alone = choice.nested["all"].f1, choice.before["all"].f1
    state = "on" if choice.on else "off"
    print(f"default: triage {state} (nested pooled F1 {with_f1:.3f} vs rules alone {alone:.3f})")


def write(cases: Sequence[Case], choice: Choice, args: argparse.Namespace) -> None:
    """Fit the chosen config on every candidate and write the weights file atomically."""
    info = {
        "config": choice.config.name,
        "seed": args.seed,
        "folds": args.folds,
        "trained_on": {
            "documents": len(cases),
            "candidates": sum(len(c.labels) for c in cases),
            "matched": sum(sum(c.labels) for c in cases),
        },
        "gold_sets": [path for _, path, _ in SETS],
        "cv_out_of_fold": _figures(choice.before, choice.oof),
        "cv_nested": _figures(choice.before, choice.nested),
        "cv_roc_auc": round(choice.auc, 3),
        "cv_tradeoff": {f"{t:.1f}": c.as_dict() for t, c in choice.tradeoff.items()},
        "hash_check": {word: bucket(word, HASH_BITS) for word in ("killed", "since 2011")},
    }
    model = _fit(cases, range(len(cases)), choice.config)
    model = replace(model, threshold=choice.threshold, enabled=choice.on, info=info)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="report cross-validation (default)")
    parser.add_argument("--write", action="store_true", help="fit on all and write the weights")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    cases = load_cases()
    labels = [y for c in cases for y in c.labels]
    print(f"{len(cases)} documents, {len(labels)} candidates, {sum(labels)} matched to gold")
    choice = choose(cases, args.folds, args.seed)
    print("spurious candidates:")
    for kind, n in spurious_kinds(cases).most_common():
        print(f"  {n:4}  {kind}")
    report(choice)
    if args.write:
        write(cases, choice, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
