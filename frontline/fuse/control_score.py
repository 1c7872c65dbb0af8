"""Scoring the control timeline against the gold files' ``control_changes``.

The whole corpus is extracted, the timeline is derived from every territory change in it
(:func:`frontline.fuse.control.build_timeline`), and each gold change is looked up: a change
at a place (a neighbourhood, a village, a town) is recovered when the timeline has a period of
the same taker at the same place (same gazetteer entry, same folded name, or a name found
among the words of the gold phrase) starting within a day of the gold date; a change at an
area (a city whose neighbourhoods are known, "villages near" a town, a governorate) when an
area claim of the same taker at that area lies within a day. A gold file's document missing
from the corpus is an error, as in ``frontline eval``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from frontline.errors import InputError
from frontline.fuse.control import AreaClaim, Timeline, area_test, build_timeline
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.normalize import fold
from frontline.records import ControlPeriod, Document, Event, Place

SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class GoldControlChange:
    doc_id: str
    location: str
    admin1: str | None
    taker: str | None
    on: date
    evidence: str


@dataclass(frozen=True, slots=True)
class ChangeResult:
    """One gold change and what the timeline says: ``outcome`` is ``recovered``,
    ``wrong date`` (the taker's period starts more than a day away), ``other taker``
    (the place has periods, none of this taker near the date) or ``missing``."""

    gold: GoldControlChange
    place: str
    area: bool
    outcome: str
    found: date | None = None


@dataclass(frozen=True, slots=True)
class ControlScore:
    results: tuple[ChangeResult, ...]

    def counts(self, area: bool) -> tuple[int, int]:
        """(recovered, total) among the place-level (``area`` False) or area-level changes."""
        chosen = [r for r in self.results if r.area == area]
        return sum(r.outcome == "recovered" for r in chosen), len(chosen)

    def as_dict(self) -> dict[str, Any]:
        place, area = self.counts(False), self.counts(True)
        return {
            "place_changes": {"recovered": place[0], "total": place[1]},
            "area_changes": {"recovered": area[0], "total": area[1]},
            "changes": [_result_dict(r) for r in self.results],
        }


def read_gold_changes(path: Path) -> tuple[dict[str, date | None], list[GoldControlChange]]:
    """The gold documents' publication dates and their control changes with a date."""
    published: dict[str, date | None] = {}
    changes: list[GoldControlChange] = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                doc_id = str(raw["doc_id"])
                published[doc_id] = _date(raw.get("published"))
                changes.extend(_change(doc_id, c) for c in raw.get("control_changes", []))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"bad gold line: {exc!r}", line_no) from exc
    return published, [c for c in changes if c.on is not None]


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _change(doc_id: str, raw: dict[str, Any]) -> GoldControlChange:
    return GoldControlChange(
        doc_id,
        str(raw["location"]),
        raw.get("admin1"),
        raw.get("to"),
        date.fromisoformat(raw["date"]),
        str(raw.get("evidence", "")),
    )


def score_control(
    changes: Sequence[GoldControlChange], timeline: Timeline, gazetteer: Gazetteer | None = None
) -> ControlScore:
    """Look every gold change up in the timeline."""
    from frontline.geo.resolve import ResolveContext, resolve

    gaz = gazetteer or Gazetteer.default()
    is_area = area_test(gaz)
    results = []
    for change in changes:
        place = resolve(change.location, ResolveContext(admin1=change.admin1))
        if is_area(place) or (place.geo_precision or 1) >= 3:
            results.append(_score_area(change, place, timeline.area_claims))
        else:
            results.append(_score_place(change, place, timeline.periods))
    return ControlScore(tuple(results))


def _same_place(gold: GoldControlChange, place: Place, name: str, entry_id: str | None) -> bool:
    """Same gazetteer entry; else the same folded name, or the name as a word of the gold
    phrase ("several villages north of Aleppo"), as ``frontline eval`` matches changes."""
    if place.gazetteer_id and entry_id and place.gazetteer_id == entry_id:
        return True
    folded = fold(name)
    return bool(folded) and (folded == fold(place.name) or folded in _word_runs(gold.location))


def _word_runs(phrase: str, longest: int = 4) -> set[str]:
    """The folded keys of every run of up to ``longest`` consecutive words of ``phrase``."""
    words = phrase.replace("(", " ").replace(")", " ").split()
    return {
        fold(" ".join(words[i : i + n]))
        for n in range(1, longest + 1)
        for i in range(len(words) - n + 1)
    }


def _score_place(
    change: GoldControlChange, place: Place, periods: Sequence[ControlPeriod]
) -> ChangeResult:
    here = [p for p in periods if _same_place(change, place, p.place, p.gazetteer_id)]
    starts = [p.since for p in here if p.faction == change.taker and p.since is not None]
    return _outcome(change, place, False, bool(here), starts)


def _score_area(
    change: GoldControlChange, place: Place, claims: Sequence[AreaClaim]
) -> ChangeResult:
    here = [a for a in claims if _same_place(change, place, a.place, a.gazetteer_id)]
    starts = [a.on for a in here if a.taker == change.taker]
    return _outcome(change, place, True, bool(here), starts)


def _outcome(
    change: GoldControlChange, place: Place, area: bool, any_here: bool, starts: list[date]
) -> ChangeResult:
    if not starts:
        return ChangeResult(change, place.name, area, "other taker" if any_here else "missing")
    nearest = min(starts, key=lambda d: abs((d - change.on).days))
    close = abs((nearest - change.on).days) <= SLACK_DAYS
    return ChangeResult(change, place.name, area, "recovered" if close else "wrong date", nearest)


def evaluate_control(gold_path: Path, corpus: Sequence[str | Path]) -> ControlScore:
    """Extract the whole corpus, derive the timeline, score the gold changes of ``gold_path``.

    A document without a publication date (a bare text file) that the gold file lists takes
    the gold ``published``, as a user would pass ``--published``.
    """
    from frontline.ingest import iter_documents
    from frontline.pipeline import run_one

    published, changes = read_gold_changes(gold_path)
    seen: set[str] = set()
    claims: list[Event] = []
    for item in iter_documents(corpus):
        if not isinstance(item, Document):
            continue
        doc = item
        if doc.published is None and published.get(doc.doc_id) is not None:
            doc = replace(doc, published=published[doc.doc_id], published_from="given")
        seen.add(doc.doc_id)
        claims.extend(e for e in run_one(doc).events if e.territory is not None)
    missing = [d for d in published if d not in seen]
    if missing:
        raise InputError(
            str(gold_path),
            f"{len(missing)} gold documents not in the corpus: {', '.join(missing[:5])}",
        )
    return score_control(changes, build_timeline(claims))


def format_control_score(score: ControlScore) -> str:
    """A plain-text report: the two recall figures, then one line per gold change."""
    place, area = score.counts(False), score.counts(True)
    lines = [
        f"place-level changes recovered (same taker, start within {SLACK_DAYS} day): "
        f"{place[0]}/{place[1]}",
        f"area-level changes recovered (an area claim, same taker, within {SLACK_DAYS} day): "
        f"{area[0]}/{area[1]}",
    ]
    for r in score.results:
        found = f" (timeline: {r.found})" if r.found else ""
        kind = "area " if r.area else "place"
        lines.append(
            f"  {kind} {r.outcome:<11} {r.gold.doc_id} {r.gold.on} {r.gold.location} → "
            f"{r.gold.taker} [{r.place}]{found}"
        )
    return "\n".join(lines)


def _result_dict(r: ChangeResult) -> dict[str, Any]:
    return {
        "doc_id": r.gold.doc_id,
        "location": r.gold.location,
        "resolved": r.place,
        "taker": r.gold.taker,
        "date": r.gold.on.isoformat(),
        "area": r.area,
        "outcome": r.outcome,
        "timeline_date": r.found.isoformat() if r.found else None,
    }
