"""Scoring fusion against hand-made clusters (``data/gold/clusters_*.jsonl``).

A gold line names one claim by what survives a change of extractor — the document, the
evidence offsets, the event type and sub-type, and the place as written — and gives the label
of the real-world event it reports. The corpus is extracted and fused as a whole (copies
included); each gold claim is found among the extracted claims by that key, and the fused
events are compared with the gold clusters over the gold claims that were found: pairwise
precision / recall / F1 (is each pair of claims put together when, and only when, the gold
puts it together?) and B-cubed precision / recall / F1.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from frontline.errors import InputError
from frontline.records import Document, Event, FusedEvent

ClaimKey = tuple[str, int, int, str, str, str]
_FIELDS = ("doc_id", "evidence_start", "evidence_end", "event_type", "sub_event_type", "cluster")


@dataclass(frozen=True, slots=True)
class FusionScore:
    """Pairwise and B-cubed scores over the gold claims found in the extraction."""

    gold_claims: int
    found: int
    gold_clusters: int
    pairwise: tuple[float, float, float]
    bcubed: tuple[float, float, float]

    def as_dict(self) -> dict[str, object]:
        p, r, f = self.pairwise
        bp, br, bf = self.bcubed
        return {
            "gold_claims": self.gold_claims,
            "found": self.found,
            "gold_clusters": self.gold_clusters,
            "pairwise": {"precision": p, "recall": r, "f1": f},
            "bcubed": {"precision": bp, "recall": br, "f1": bf},
        }


def claim_key(event: Event) -> ClaimKey:
    where = event.place.text if event.place is not None else ""
    start, end = event.evidence.start, event.evidence.end
    return (event.doc_id, start, end, event.event_type, event.sub_event_type, where)


def read_clusters(path: Path) -> dict[ClaimKey, str]:
    """Gold claim keys and their cluster labels; a bad line is an InputError naming it."""
    gold: dict[ClaimKey, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold clusters: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            key: ClaimKey = (
                str(raw["doc_id"]),
                int(raw["evidence_start"]),
                int(raw["evidence_end"]),
                str(raw["event_type"]),
                str(raw["sub_event_type"]),
                str(raw.get("location_text") or ""),
            )
            label = str(raw["cluster"])
        except (ValueError, KeyError, TypeError) as exc:
            message = f"not a gold cluster line ({exc}); each needs {', '.join(_FIELDS)}"
            raise InputError(str(path), message, number) from None
        gold[key] = label
    return gold


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def score_clusters(gold: Mapping[ClaimKey, str], predicted: Mapping[ClaimKey, str]) -> FusionScore:
    """Compare the predicted event of each gold claim (``predicted``: key → fused id)."""
    keys = sorted(k for k in gold if k in predicted)
    same_gold = same_pred = both = 0
    for a, b in combinations(keys, 2):
        g, p = gold[a] == gold[b], predicted[a] == predicted[b]
        same_gold += g
        same_pred += p
        both += g and p
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_gold if same_gold else 1.0
    return FusionScore(
        gold_claims=len(gold),
        found=len(keys),
        gold_clusters=len(set(gold.values())),
        pairwise=(round(precision, 3), round(recall, 3), round(_f1(precision, recall), 3)),
        bcubed=_bcubed(keys, gold, predicted),
    )


@dataclass(frozen=True, slots=True)
class PairErrors:
    """The gold claim pairs fusion got wrong: ``missed`` (one gold event, split apart) and
    ``spurious`` (put together, different gold events), each pair with its two labels."""

    missed: tuple[tuple[ClaimKey, ClaimKey], ...]
    spurious: tuple[tuple[ClaimKey, ClaimKey], ...]


def pair_errors(gold: Mapping[ClaimKey, str], predicted: Mapping[ClaimKey, str]) -> PairErrors:
    """Every wrongly split and wrongly joined pair of the gold claims found."""
    keys = sorted(k for k in gold if k in predicted)
    missed, spurious = [], []
    for a, b in combinations(keys, 2):
        g, p = gold[a] == gold[b], predicted[a] == predicted[b]
        if g and not p:
            missed.append((a, b))
        elif p and not g:
            spurious.append((a, b))
    return PairErrors(tuple(missed), tuple(spurious))


def format_errors(errors: PairErrors, gold: Mapping[ClaimKey, str]) -> str:
    """The wrong pairs, one a line: each claim as doc_id@start sub-type 'place' [gold label]."""

    def name(key: ClaimKey) -> str:
        doc_id, start, _, _, sub_type, where = key
        return f"{doc_id}@{start} {sub_type} '{where}' [{gold[key]}]"

    lines = [f"missed pairs ({len(errors.missed)}): one gold event, fused apart"]
    lines += [f"  {name(a)}  ~  {name(b)}" for a, b in errors.missed]
    lines.append(f"spurious pairs ({len(errors.spurious)}): fused together, different gold events")
    lines += [f"  {name(a)}  ~  {name(b)}" for a, b in errors.spurious]
    return "\n".join(lines)


def _bcubed(
    keys: Sequence[ClaimKey], gold: Mapping[ClaimKey, str], predicted: Mapping[ClaimKey, str]
) -> tuple[float, float, float]:
    if not keys:
        return (0.0, 0.0, 0.0)
    by_gold: dict[str, set[ClaimKey]] = defaultdict(set)
    by_pred: dict[str, set[ClaimKey]] = defaultdict(set)
    for k in keys:
        by_gold[gold[k]].add(k)
        by_pred[predicted[k]].add(k)
    precision = recall = 0.0
    for k in keys:
        shared = len(by_gold[gold[k]] & by_pred[predicted[k]])
        precision += shared / len(by_pred[predicted[k]])
        recall += shared / len(by_gold[gold[k]])
    precision, recall = precision / len(keys), recall / len(keys)
    return (round(precision, 3), round(recall, 3), round(_f1(precision, recall), 3))


def assignment(fused: Iterable[FusedEvent], events: Iterable[Event]) -> dict[ClaimKey, str]:
    """Claim key → fused id (a key shared by several claims takes its first claim's event)."""
    of_event = {member: f.fused_id for f in fused for member in f.members}
    found: dict[ClaimKey, str] = {}
    for event in sorted(events, key=lambda e: e.event_id):
        found.setdefault(claim_key(event), of_event[event.event_id])
    return found


def fuse_corpus(corpus: Sequence[str | Path]) -> tuple[list[Event], list[FusedEvent]]:
    """Extract every document of ``corpus`` and fuse all their claims, copies folded."""
    from frontline.fuse.copies import find_copies, fingerprint
    from frontline.fuse.fusion import fuse_claims
    from frontline.pipeline import extract_paths
    from frontline.records import Extraction

    documents: dict[str, Document] = {}
    events: list[Event] = []
    for item in extract_paths(corpus):
        if isinstance(item, Extraction):
            documents[item.document.doc_id] = item.document
            events.extend(item.events)
    prints = [fingerprint(d.doc_id, d.text, d.published) for d in documents.values()]
    sources = {d.doc_id: d.source for d in documents.values()}
    return events, fuse_claims(events, find_copies(prints), sources)


def evaluate_fusion(gold_path: Path, corpus: Sequence[str | Path]) -> FusionScore:
    """Score the fusion of ``corpus`` against the gold clusters of ``gold_path``."""
    gold = read_clusters(gold_path)
    events, fused = fuse_corpus(corpus)
    return score_clusters(gold, assignment(fused, events))


def format_score(score: FusionScore, label: str) -> str:
    p, r, f = score.pairwise
    bp, br, bf = score.bcubed
    return (
        f"{label}: {score.found} of {score.gold_claims} gold claims found, "
        f"{score.gold_clusters} gold events\n"
        f"  pairwise  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}\n"
        f"  B-cubed   precision {bp:.3f}  recall {br:.3f}  F1 {bf:.3f}"
    )
