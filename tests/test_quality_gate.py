"""The quality gate: extraction scored against each gold set must not fall below its floors.

The floors live in data/gold/floors.json and only rise: a change that lowers a score below a
floor fails CI; a change that raises scores should raise the floors in the same commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontline.evaluation import Report, evaluate

ROOT = Path(__file__).parents[1]
_FILE = json.loads((ROOT / "data" / "gold" / "floors.json").read_text(encoding="utf-8"))
FLOORS = _FILE["sets"]
TOLERANCE = float(_FILE["accuracy_tolerance"])  # accuracies are among matched events only


def _value(report: dict[str, Any], dotted: str) -> float:
    section, key = dotted.split(".")
    return float(report[section][key])


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, Report]:
    spec = FLOORS[request.param]
    report = evaluate(ROOT / spec["gold"], [str(ROOT / p) for p in spec["corpus"]])
    return request.param, report


def test_quality_gate_scores_stay_above_their_floors(scored: tuple[str, Report]) -> None:
    name, report = scored
    scores = report.as_dict()
    below = {
        metric: (_value(scores, metric), floor)
        for metric, floor in FLOORS[name]["floors"].items()
        if _value(scores, metric) < floor - (TOLERANCE if metric.startswith("accuracy.") else 0.0)
    }
    assert not below, f"gold set {name!r}: below the floor (score, floor): {below}"


def test_quality_gate_every_gold_document_was_scored(scored: tuple[str, Report]) -> None:
    name, report = scored
    gold_lines = (ROOT / FLOORS[name]["gold"]).read_text(encoding="utf-8").splitlines()
    assert report.documents == sum(1 for line in gold_lines if line.strip())
