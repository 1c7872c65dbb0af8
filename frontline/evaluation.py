"""Scoring extraction against hand-annotated gold events.

A predicted event matches a gold event of the same document when the event type is the same,
the place is the same (the same gazetteer entry, the same name after transliteration folding,
or within 5 km), and the date is within a day — within a week when gold's time_precision is 2,
a month when it is 3. Each gold event is matched at most once: the scorer makes as many pairs
as it can (a least-cost assignment, ``frontline.matching``) and, among those, prefers pairs
told in the same sentence, then of the same sub-event, then at the same place, then the
nearest date. Among matched pairs the scorer reports how often the
sub-event, the exact date, actor1, admin1, the location and the fatalities agree. Territory
changes are scored as their own set (place, date, taker).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from frontline.errors import InputError
from frontline.matching import assign
from frontline.records import Event

PLACE_KM = 5.0
_DATE_SLACK = {1: 1, 2: 7, 3: 31}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    doc_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    time_precision: int
    actor1: str | None
    actor2: str | None
    location: str
    admin1: str | None
    fatalities: int | None
    evidence: str
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class GoldChange:
    doc_id: str
    location: str
    taker: str | None
    event_date: date | None
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    published: date | None
    source: str | None
    events: tuple[GoldEvent, ...]
    changes: tuple[GoldChange, ...]


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def read_gold(path: Path) -> list[GoldDocument]:
    """Gold documents from a JSONL file in the format of ``data/gold/dev_events.jsonl``."""
    documents: list[GoldDocument] = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                documents.append(_gold_document(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"bad gold line: {exc}", line_no) from exc
    return documents


def _gold_document(raw: Mapping[str, Any]) -> GoldDocument:
    doc_id = str(raw["doc_id"])
    events = tuple(
        GoldEvent(
            doc_id=doc_id,
            event_type=e["event_type"],
            sub_event_type=e["sub_event_type"],
            event_date=_date(e.get("event_date")),
            time_precision=int(e.get("time_precision") or 1),
            actor1=e.get("actor1"),
            actor2=e.get("actor2"),
            location=e["location"],
            admin1=e.get("admin1"),
            fatalities=e.get("fatalities"),
            evidence=e.get("evidence", ""),
        )
        for e in raw.get("events", [])
    )
    changes = tuple(
        GoldChange(doc_id, c["location"], c.get("to"), _date(c.get("date")), c.get("evidence", ""))
        for c in raw.get("control_changes", [])
    )
    return GoldDocument(doc_id, _date(raw.get("published")), raw.get("source"), events, changes)


def _fold(name: str | None) -> str:
    from frontline.geo.normalize import fold

    return fold(name) if name else ""


def same_place(pred: Event, gold: GoldEvent) -> bool:
    """Same gazetteer entry, same folded name, or within 5 km."""
    from frontline.geo.build import km

    place = pred.place
    if place is None:
        return False
    if _same_location(pred, gold) or _fold(place.text) == _fold(gold.location):
        return True
    if None not in (place.latitude, place.longitude, gold.lat, gold.lon):
        return km(place.latitude, place.longitude, gold.lat, gold.lon) <= PLACE_KM  # type: ignore[arg-type]
    return False


def date_close(pred: date | None, gold: GoldEvent) -> bool:
    if pred is None or gold.event_date is None:
        return pred is None and gold.event_date is None
    return abs((pred - gold.event_date).days) <= _DATE_SLACK.get(gold.time_precision, 1)


def _matches(pred: Event, gold: GoldEvent) -> bool:
    return (
        pred.event_type == gold.event_type
        and same_place(pred, gold)
        and date_close(pred.event_date, gold)
    )


_NO_PAIR = 10_000_000  # above any sum of pair costs: the most pairs come first
_WORD = re.compile(r"\w+")


def _same_sentence(pred: Event, gold: GoldEvent) -> bool:
    """The found event's evidence and gold's are the same sentence (most of the words shared)."""
    found = set(_WORD.findall(pred.evidence.text.lower()))
    told = set(_WORD.findall(gold.evidence.lower()))
    if not found or not told:
        return False
    return len(found & told) >= 0.8 * min(len(found), len(told))


def _pair_cost(pred: Event, gold: GoldEvent) -> int:
    """How unlike a pair of matching events is: another sentence, sub-event, place, days."""
    days = (
        abs((pred.event_date - gold.event_date).days) if pred.event_date and gold.event_date else 9
    )
    return (
        1000 * (not _same_sentence(pred, gold))
        + 100 * (pred.sub_event_type != gold.sub_event_type)
        + 10 * (not _same_location(pred, gold))
        + min(days, 9)
    )


def match_events(
    preds: Sequence[Event], golds: Sequence[GoldEvent]
) -> list[tuple[Event, GoldEvent]]:
    """One-to-one pairs: as many as can be made, then the most alike (best first)."""
    if not preds or not golds:
        return []
    cost = [[_pair_cost(p, g) if _matches(p, g) else _NO_PAIR for g in golds] for p in preds]
    chosen = [
        (cost[i][j], preds[i].evidence.start, i, j)
        for i, j in enumerate(assign(cost))
        if j is not None and cost[i][j] < _NO_PAIR
    ]
    return [(preds[i], golds[j]) for _, _, i, j in sorted(chosen)]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    """Scores over a gold set; ``missed``, ``spurious`` and ``disagreements`` feed ``--errors``.

    ``disagreements`` maps a field name to the matched pairs (found, gold) that differ on it.
    """

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    territory: Counts = field(default_factory=Counts)
    agreement: Counter[str] = field(default_factory=Counter)
    matched: int = 0
    documents: int = 0
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)
    disagreements: dict[str, list[tuple[Event, GoldEvent]]] = field(default_factory=dict)
    changes_missed: list[GoldChange] = field(default_factory=list)
    changes_spurious: list[Event] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.agreement[name] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": self.overall.as_dict(),
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "territory": self.territory.as_dict(),
            "matched": self.matched,
            "accuracy": {
                k: round(self.accuracy(k), 3)
                for k in (
                    "sub_event_type",
                    "event_date",
                    "actor1",
                    "admin1",
                    "location",
                    "fatalities",
                )
            },
        }


def _same_location(p: Event, g: GoldEvent) -> bool:
    if p.place is None:
        return False
    if g.gazetteer_id is not None and p.place.gazetteer_id == g.gazetteer_id:
        return True
    return _fold(p.place.name) == _fold(g.location)


Agreement = Callable[[Event, GoldEvent], bool]
_AGREE: dict[str, Agreement] = {
    "sub_event_type": lambda p, g: p.sub_event_type == g.sub_event_type,
    "event_date": lambda p, g: p.event_date == g.event_date,
    "actor1": lambda p, g: p.actor1 == g.actor1,
    "admin1": lambda p, g: _fold(p.place.admin1 if p.place else None) == _fold(g.admin1),
    "location": _same_location,
    "fatalities": lambda p, g: p.fatalities == g.fatalities,
}


def _count(counts: dict[str, Counts], key: str) -> Counts:
    return counts.setdefault(key, Counts())


def _territory(report: Report, preds: Sequence[Event], changes: Sequence[GoldChange]) -> None:
    taken = [p for p in preds if p.territory is not None]
    used: set[int] = set()
    for change in changes:
        for i, p in enumerate(taken):
            if i in used or p.territory is None:
                continue
            place_ok = p.place is not None and (
                _fold(p.place.name) == _fold(change.location)
                or _fold(change.location).find(_fold(p.place.name)) >= 0
            )
            date_ok = (
                p.event_date is not None
                and change.event_date is not None
                and abs((p.event_date - change.event_date).days) <= 1
            )
            if place_ok and date_ok and p.territory.taker == change.taker:
                used.add(i)
                report.territory.tp += 1
                break
        else:
            report.territory.fn += 1
            report.changes_missed.append(change)
    report.territory.fp += len(taken) - len(used)
    report.changes_spurious += [p for i, p in enumerate(taken) if i not in used]


def score(gold: Iterable[GoldDocument], predicted: Mapping[str, Sequence[Event]]) -> Report:
    """Score predicted events (by doc_id) against the gold documents."""
    report = Report()
    for doc in gold:
        report.documents += 1
        preds = list(predicted.get(doc.doc_id, ()))
        pairs = match_events(preds, doc.events)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for p, g in pairs:
            report.overall.tp += 1
            _count(report.by_type, g.event_type).tp += 1
            report.matched += 1
            for name, agree in _AGREE.items():
                if agree(p, g):
                    report.agreement[name] += 1
                else:
                    report.disagreements.setdefault(name, []).append((p, g))
        for g in doc.events:
            if id(g) not in matched_g:
                report.overall.fn += 1
                _count(report.by_type, g.event_type).fn += 1
                report.missed.append(g)
        for p in preds:
            if id(p) not in matched_p:
                report.overall.fp += 1
                _count(report.by_type, p.event_type).fp += 1
                report.spurious.append(p)
        _territory(report, preds, doc.changes)
    return report


def locate_gold(documents: Sequence[GoldDocument]) -> list[GoldDocument]:
    """Gold events with the coordinates and gazetteer entry of their location (5 km rule)."""
    from dataclasses import replace

    from frontline.geo.resolve import ResolveContext, resolve

    located: list[GoldDocument] = []
    for doc in documents:
        events = []
        for e in doc.events:
            place = resolve(e.location, ResolveContext(admin1=e.admin1))
            events.append(
                replace(e, lat=place.latitude, lon=place.longitude, gazetteer_id=place.gazetteer_id)
            )
        located.append(replace(doc, events=tuple(events)))
    return located


def evaluate(gold_path: Path, corpus: Sequence[str | Path]) -> Report:
    """Run the pipeline over the gold documents found in ``corpus`` and score them.

    A document whose reader found no publication date (a bare text file) takes the gold
    file's ``published``, as a user would pass ``--published``.
    """
    from dataclasses import replace

    from frontline.ingest import iter_documents
    from frontline.pipeline import run_one
    from frontline.records import Document

    gold = locate_gold(read_gold(gold_path))
    wanted = {g.doc_id: g for g in gold}
    predicted: dict[str, list[Event]] = {}
    for item in iter_documents(corpus):
        if not isinstance(item, Document) or item.doc_id not in wanted:
            continue
        doc = item
        if doc.published is None and wanted[doc.doc_id].published is not None:
            doc = replace(doc, published=wanted[doc.doc_id].published, published_from="given")
        predicted[doc.doc_id] = list(run_one(doc).events)
    missing = [g.doc_id for g in gold if g.doc_id not in predicted]
    if missing:
        raise InputError(
            str(gold_path),
            f"{len(missing)} gold documents not in the corpus: {', '.join(missing[:5])}",
        )
    return score(gold, predicted)


def _prf(label: str, c: Counts) -> str:
    scores = f"P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}"
    return f"{label:<30} {scores}  (tp {c.tp}, fp {c.fp}, fn {c.fn})"


def format_report(report: Report, *, errors: bool = False) -> str:
    """A plain-text report; with ``errors``, every missed and spurious event and its sentence,
    then, field by field, every matched event whose field disagrees with gold."""
    o = report.overall
    lines = [
        f"documents {report.documents}  gold events {o.tp + o.fn}  predicted {o.tp + o.fp}",
        _prf("events", o),
    ]
    lines += [_prf(f"  {name}", c) for name, c in sorted(report.by_type.items())]
    lines.append(_prf("territory changes", report.territory))
    lines.append(f"among {report.matched} matched events:")
    for name in _FIELDS:
        lines.append(f"  {name:<16} {report.accuracy(name):.3f}")
    if errors:
        lines.append("missed (in gold, not found):")
        for g in report.missed:
            where = f"{g.sub_event_type} @ {g.location}"
            lines.append(f"  - {g.doc_id} {g.event_date} {where}: {g.evidence}")
        lines.append("spurious (found, not in gold):")
        for p in report.spurious:
            where = f"{p.sub_event_type} @ {p.location}"
            lines.append(f"  + {p.doc_id} {p.event_date} {where}: {p.evidence.text}")
        lines += _disagreement_lines(report)
        lines += _territory_lines(report)
    return "\n".join(lines)


def _territory_lines(report: Report) -> list[str]:
    """Territory changes in gold that no found change matched (place, date, taker), then
    found changes that matched none."""
    lines = ["territory changes missed (in gold, not found):"]
    for c in report.changes_missed:
        lines.append(f"  - {c.doc_id} {c.event_date} {c.location} to {c.taker}: {c.evidence}")
    lines.append("territory changes spurious (found, not in gold):")
    for p in report.changes_spurious:
        taker = p.territory.taker if p.territory else None
        lines.append(f"  + {p.doc_id} {p.event_date} {p.location} to {taker}: {p.evidence.text}")
    return lines


_FIELDS = ("sub_event_type", "event_date", "actor1", "admin1", "location", "fatalities")
_FOUND_VALUE: dict[str, Callable[[Event], object]] = {
    "sub_event_type": lambda p: p.sub_event_type,
    "event_date": lambda p: p.event_date,
    "actor1": lambda p: p.actor1,
    "admin1": lambda p: p.place.admin1 if p.place else None,
    "location": lambda p: p.location,
    "fatalities": lambda p: p.fatalities,
}


def _disagreement_lines(report: Report) -> list[str]:
    """Per field, every matched pair that disagrees on it: the gold event, both values, and
    the sentence the event was found in."""
    lines: list[str] = []
    for name in _FIELDS:
        pairs = report.disagreements.get(name, [])
        lines.append(f"{name} disagrees ({len(pairs)} of {report.matched} matched):")
        for p, g in pairs:
            where = f"{g.sub_event_type} @ {g.location}"
            values = f"gold {getattr(g, name)}, found {_FOUND_VALUE[name](p)}"
            lines.append(f"  ~ {g.doc_id} {g.event_date} {where}: {values}: {p.evidence.text}")
    return lines
