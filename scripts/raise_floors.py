"""Raise the quality floors in data/gold/floors.json to the current scores (never lower them).

.venv/bin/python scripts/raise_floors.py          # show scores against floors, change nothing
.venv/bin/python scripts/raise_floors.py --write  # raise every floor the scores now exceed
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontline.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "data" / "gold" / "floors.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the raised floors")
    args = parser.parse_args(argv)
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name, spec in data["sets"].items():
        scores = evaluate(ROOT / spec["gold"], [str(ROOT / p) for p in spec["corpus"]]).as_dict()
        for metric, floor in spec["floors"].items():
            section, key = metric.split(".")
            score = float(scores[section][key])
            raised = max(floor, round(score - 0.0005, 3))
            mark = "raise" if raised > floor else ""
            print(f"{name:<8} {metric:<26} score {score:.3f}  floor {floor:.3f}  {mark}")
            spec["floors"][metric] = raised
    if args.write:
        FLOORS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
