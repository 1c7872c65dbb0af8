"""Check gold event files against the schema of data/gold/README.md and the ontology.

Every line must be one document with the required keys; event types, sub-types and actor names
must come from ONTOLOGY.md (read from its tables, plus the README's one extension); dates must
be ISO; ``time_precision`` and ``geo_precision`` must be 1..3; every ``evidence`` and
``location_text`` must be an exact substring of the article (FA-KES rows are read from the CSV
by ``unit_id``; other doc_ids from ``<articles>/<doc_id>.txt``). Prints a summary per file and
exits non-zero when any error is found.

Usage: python scripts/gold_check.py GOLD.jsonl [GOLD.jsonl ...]
       [--csv samples/fakes_dev.csv] [--articles samples] [--ontology ONTOLOGY.md]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

EXTRA_ACTORS = frozenset({"Military Forces of Israel"})
GOVERNORATES = frozenset(
    {
        "Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Rural Damascus", "Damascus", "Latakia",
        "Deir ez-Zor", "Raqqa", "Al-Hasakah", "Quneitra", "Tartus", "As-Suwayda",
    }
)  # fmt: skip
DOC_KEYS = ("doc_id", "published", "source", "events", "control_changes", "notes")
EVENT_KEYS = (
    "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
    "location", "location_text", "admin1", "geo_precision", "fatalities", "quantities",
    "attributed_to", "evidence",
)  # fmt: skip
CHANGE_KEYS = (
    "location", "admin1", "from", "to", "date", "time_precision", "attributed_to", "evidence",
)  # fmt: skip
QUANTITY_KEYS = ("kind", "value", "qualifier")
PRECISIONS = frozenset({1, 2, 3})


@dataclass(frozen=True)
class Vocabulary:
    """Allowed event types (with their sub-types) and canonical actor names."""

    sub_types: dict[str, frozenset[str]]
    actors: frozenset[str]


@dataclass
class Report:
    """Errors, warnings and tallies for one gold file."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0
    empty_documents: int = 0
    events: Counter[str] = field(default_factory=Counter)
    sub_events: Counter[str] = field(default_factory=Counter)
    changes: int = 0


def _table_rows(markdown: str, heading: str) -> list[list[str]]:
    """Body rows (cells stripped) of the first table after a markdown heading."""
    section = markdown.split(heading, 1)[1]
    rows: list[list[str]] = []
    for line in section.splitlines():
        if line.startswith("## ") and rows:
            break
        if line.startswith("|") and not re.fullmatch(r"[|\s:-]+", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # drop the header row


def read_vocabulary(ontology: Path) -> Vocabulary:
    """Event types, sub-types and actors from the tables of ONTOLOGY.md."""
    text = ontology.read_text(encoding="utf-8")
    sub_types: dict[str, frozenset[str]] = {}
    for event_type, subs in _table_rows(text, "## Event types and sub-event types"):
        name = re.sub(r"\s*\(.*\)$", "", event_type)  # "Humanitarian (frontline's own)"
        sub_types[name] = frozenset(s.strip() for s in subs.split("·"))
    actors = {row[0] for row in _table_rows(text, "## Normalized actors")}
    return Vocabulary(sub_types, frozenset(actors) | EXTRA_ACTORS)


def read_articles(csv_path: Path) -> dict[str, dict[str, str]]:
    """FA-KES rows by unit_id (the last row wins for the few repeated ids)."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        return {row["unit_id"]: row for row in csv.DictReader(handle)}


def _is_iso(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _missing(record: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [key for key in keys if key not in record]


def _check_quantities(quantities: Any, where: str, report: Report) -> None:
    if not isinstance(quantities, list):
        report.errors.append(f"{where}: quantities is not a list")
        return
    for quantity in quantities:
        if not isinstance(quantity, dict) or _missing(quantity, QUANTITY_KEYS):
            report.errors.append(f"{where}: bad quantity {quantity!r}")
        elif not isinstance(quantity["value"], int) or isinstance(quantity["value"], bool):
            report.errors.append(f"{where}: quantity value not an int: {quantity!r}")


def _check_fatalities(event: dict[str, Any], where: str, report: Report) -> None:
    fatalities = event["fatalities"]
    if fatalities is not None and (not isinstance(fatalities, int) or fatalities < 0):
        report.errors.append(f"{where}: fatalities must be a non-negative int or null")
    quantities = event["quantities"] if isinstance(event["quantities"], list) else []
    kinds = {q.get("kind") for q in quantities if isinstance(q, dict)}
    if fatalities is not None and "killed" not in kinds:
        report.warnings.append(f"{where}: fatalities {fatalities} without a 'killed' quantity")


def _check_span(value: Any, text: str | None, name: str, where: str, report: Report) -> None:
    if not isinstance(value, str) or not value:
        report.errors.append(f"{where}: {name} is empty or not a string")
    elif text is not None and value not in text:
        report.errors.append(f"{where}: {name} not in article: {value[:70]!r}")


def _check_actor(value: Any, vocab: Vocabulary, name: str, where: str, report: Report) -> None:
    if value is not None and value not in vocab.actors:
        report.errors.append(f"{where}: {name} {value!r} is not a canonical actor")


def _check_common(record: dict[str, Any], text: str | None, where: str, report: Report) -> None:
    """Fields shared by events and control changes."""
    if record.get("admin1") not in GOVERNORATES:
        report.errors.append(f"{where}: admin1 {record.get('admin1')!r} is not a governorate")
    if record.get("time_precision") not in PRECISIONS:
        report.errors.append(f"{where}: time_precision must be 1..3")
    if not isinstance(record.get("attributed_to"), str) or not record["attributed_to"]:
        report.errors.append(f"{where}: attributed_to is empty")
    _check_span(record.get("evidence"), text, "evidence", where, report)


def check_event(
    event: dict[str, Any], text: str | None, vocab: Vocabulary, where: str, report: Report
) -> None:
    """Validate one event and tally it."""
    missing = _missing(event, EVENT_KEYS)
    if missing:
        report.errors.append(f"{where}: missing keys {missing}")
        return
    event_type, sub_type = event["event_type"], event["sub_event_type"]
    if sub_type not in vocab.sub_types.get(event_type, frozenset()):
        report.errors.append(f"{where}: bad type {event_type!r} / {sub_type!r}")
    if not _is_iso(event["event_date"]):
        report.errors.append(f"{where}: event_date {event['event_date']!r} is not ISO")
    if event["geo_precision"] not in PRECISIONS:
        report.errors.append(f"{where}: geo_precision must be 1..3")
    if not isinstance(event["location"], str) or not event["location"]:
        report.errors.append(f"{where}: location is empty")
    _check_actor(event["actor1"], vocab, "actor1", where, report)
    _check_actor(event["actor2"], vocab, "actor2", where, report)
    _check_common(event, text, where, report)
    _check_span(event["location_text"], text, "location_text", where, report)
    _check_quantities(event["quantities"], where, report)
    _check_fatalities(event, where, report)
    report.events[event_type] += 1
    report.sub_events[f"{event_type} / {sub_type}"] += 1


def check_change(
    change: dict[str, Any], text: str | None, vocab: Vocabulary, where: str, report: Report
) -> None:
    """Validate one control change and tally it. ``from`` may be null (loser not stated)."""
    missing = _missing(change, CHANGE_KEYS)
    if missing:
        report.errors.append(f"{where}: missing keys {missing}")
        return
    if not _is_iso(change["date"]):
        report.errors.append(f"{where}: date {change['date']!r} is not ISO")
    if change["to"] is None:
        report.errors.append(f"{where}: control change without 'to'")
    _check_actor(change["from"], vocab, "from", where, report)
    _check_actor(change["to"], vocab, "to", where, report)
    _check_common(change, text, where, report)
    report.changes += 1


def article_text(
    doc: dict[str, Any], rows: dict[str, dict[str, str]], articles: Path, report: Report
) -> str | None:
    """The article text of a gold document, or None (with an error) when it cannot be found."""
    doc_id = str(doc["doc_id"])
    if doc_id in rows:
        if rows[doc_id]["source"] != doc["source"]:
            report.errors.append(f"{doc_id}: source {doc['source']!r} != CSV source")
        return rows[doc_id]["article_content"]
    path = articles / f"{doc_id}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    report.errors.append(f"{doc_id}: no article text (not in the CSV, no {path})")
    return None


def check_document(
    doc: dict[str, Any],
    rows: dict[str, dict[str, str]],
    articles: Path,
    vocab: Vocabulary,
    report: Report,
) -> None:
    """Validate one gold line."""
    missing = _missing(doc, DOC_KEYS)
    doc_id = str(doc.get("doc_id"))
    if missing:
        report.errors.append(f"{doc_id}: missing keys {missing}")
        if {"doc_id", "source", "events", "control_changes"} & set(missing):
            return
    if not _is_iso(doc.get("published")):
        report.errors.append(f"{doc_id}: published {doc.get('published')!r} is not ISO")
    if not isinstance(doc.get("notes"), str) or not doc.get("notes"):
        report.errors.append(f"{doc_id}: notes are empty")
    text = article_text(doc, rows, articles, report)
    for number, event in enumerate(doc["events"], start=1):
        check_event(event, text, vocab, f"{doc_id} event {number}", report)
    for number, change in enumerate(doc["control_changes"], start=1):
        check_change(change, text, vocab, f"{doc_id} change {number}", report)
    report.documents += 1
    report.empty_documents += not doc["events"]


CLUSTER_KEYS = (
    "doc_id", "evidence_start", "evidence_end", "event_type", "sub_event_type", "cluster",
)  # fmt: skip


def check_cluster_claim(
    claim: dict[str, Any],
    rows: dict[str, dict[str, str]],
    articles: Path,
    vocab: Vocabulary,
    where: str,
    report: Report,
) -> None:
    """Validate one line of a cross-document cluster file (data/gold/README.md, "Event
    identity"): keys, the ontology's types, and the evidence offsets into the article."""
    missing = _missing(claim, CLUSTER_KEYS)
    if missing:
        report.errors.append(f"{where}: missing keys {missing}")
        return
    subs = vocab.sub_types.get(claim["event_type"])
    if subs is None or claim["sub_event_type"] not in subs:
        report.errors.append(
            f"{where}: {claim['event_type']} / {claim['sub_event_type']} is not in the ontology"
        )
    source = rows.get(str(claim["doc_id"]), {}).get("source")
    text = article_text({**claim, "source": source}, rows, articles, report)
    start, end = claim["evidence_start"], claim["evidence_end"]
    if text is not None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            report.errors.append(f"{where}: evidence offsets {start}..{end} outside the article")
        elif not text[start:end].startswith(str(claim.get("evidence", ""))):
            report.errors.append(f"{where}: evidence does not match the article at {start}")
    report.documents += 1
    report.events[claim["event_type"]] += 1
    report.sub_events[f"{claim['event_type']} / {claim['sub_event_type']}"] += 1


def check_file(
    path: Path, rows: dict[str, dict[str, str]], articles: Path, vocab: Vocabulary
) -> Report:
    """Validate every line of a gold JSONL file."""
    report = Report()
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                report.errors.append(f"line {line_no}: not JSON ({exc})")
                continue
            if isinstance(doc, dict) and "cluster" in doc:
                check_cluster_claim(doc, rows, articles, vocab, f"line {line_no}", report)
                continue
            doc_id = str(doc.get("doc_id"))
            if doc_id in seen:
                report.errors.append(f"line {line_no}: duplicate doc_id {doc_id}")
            seen.add(doc_id)
            check_document(doc, rows, articles, vocab, report)
    return report


def print_report(path: Path, report: Report) -> None:
    total = sum(report.events.values())
    print(f"== {path}")
    print(f"documents {report.documents} (no events: {report.empty_documents})")
    print(f"events {total}; control changes {report.changes}")
    for event_type, count in report.events.most_common():
        print(f"  {event_type}: {count}")
        for sub, sub_count in sorted(report.sub_events.items(), key=lambda kv: -kv[1]):
            if sub.startswith(f"{event_type} / "):
                print(f"    {sub.split(' / ', 1)[1]}: {sub_count}")
    for warning in report.warnings:
        print(f"  warning: {warning}")
    for error in report.errors:
        print(f"  ERROR: {error}")
    print("OK" if not report.errors else f"FAILED: {len(report.errors)} error(s)")


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--csv", type=Path, default=here / "samples" / "fakes_dev.csv")
    parser.add_argument("--articles", type=Path, default=here / "samples")
    parser.add_argument("--ontology", type=Path, default=None)
    args = parser.parse_args()
    ontology = args.ontology or _find_ontology(here)
    vocab = read_vocabulary(ontology)
    rows = read_articles(args.csv)
    failed = False
    for path in args.gold:
        report = check_file(path, rows, args.articles, vocab)
        print_report(path, report)
        failed = failed or bool(report.errors)
    return 1 if failed else 0


def _find_ontology(root: Path) -> Path:
    """ONTOLOGY.md in the repository, else the shared copy."""
    candidates = (root / "ONTOLOGY.md", root / "docs" / "ONTOLOGY.md")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return root.parent / "shared" / "ONTOLOGY.md"


if __name__ == "__main__":
    sys.exit(main())
