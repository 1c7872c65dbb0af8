"""List the next FA-KES rows to hand-annotate as gold, in the README's fixed order.

Eligibility (data/gold/README.md, "Selection rule", step 1): drop rows whose ``unit_id``
occurs more than once, rows whose ``article_content`` duplicates another row's, and rows
shorter than 200 characters. Eligible rows are sorted by the SHA-1 hex digest of ``unit_id``;
documents already in the dev gold file are skipped.

Usage: python scripts/gold_select.py [--csv samples/fakes_dev.csv]
       [--gold data/gold/dev_events.jsonl] [--count 80] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

MIN_CHARS = 200


def read_rows(csv_path: Path) -> list[dict[str, str]]:
    """All rows of the FA-KES CSV, as dictionaries."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def eligible_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows with a unique id, unique content and at least MIN_CHARS characters."""
    id_counts = Counter(row["unit_id"] for row in rows)
    content_counts = Counter(row["article_content"] for row in rows)
    return [
        row
        for row in rows
        if id_counts[row["unit_id"]] == 1
        and content_counts[row["article_content"]] == 1
        and len(row["article_content"]) >= MIN_CHARS
    ]


def sha1_order(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows sorted by the SHA-1 hex digest of their unit_id."""
    return sorted(rows, key=lambda row: hashlib.sha1(row["unit_id"].encode()).hexdigest())


def gold_doc_ids(gold_path: Path) -> set[str]:
    """The doc_ids already annotated in a gold JSONL file."""
    with gold_path.open(encoding="utf-8") as handle:
        return {str(json.loads(line)["doc_id"]) for line in handle if line.strip()}


def next_rows(csv_path: Path, gold_path: Path, count: int) -> list[dict[str, str]]:
    """The first ``count`` eligible rows, in SHA-1 order, not yet in the gold file."""
    done = gold_doc_ids(gold_path)
    ordered = sha1_order(eligible_rows(read_rows(csv_path)))
    return [row for row in ordered if row["unit_id"] not in done][:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=Path("samples/fakes_dev.csv"))
    parser.add_argument("--gold", type=Path, default=Path("data/gold/dev_events.jsonl"))
    parser.add_argument("--count", type=int, default=80)
    parser.add_argument("--verbose", action="store_true", help="also print source, date, etc.")
    args = parser.parse_args()
    for position, row in enumerate(next_rows(args.csv, args.gold, args.count), start=1):
        if args.verbose:
            fields = (row["source"], row["date"], row["location"], row["labels"])
            chars = len(row["article_content"])
            print(position, row["unit_id"], *fields, chars, sep="\t")
        else:
            print(row["unit_id"])


if __name__ == "__main__":
    main()
