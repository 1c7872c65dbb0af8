"""The fusion scorer: gold cluster files, pairwise and B-cubed scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontline.errors import InputError
from frontline.fuse.score import format_errors, pair_errors, read_clusters, score_clusters

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"


def _key(n: int) -> tuple[str, int, int, str, str, str]:
    return ("doc", n, n + 1, "Battles", "Armed clash", "")


def test_score_perfect_and_merged_clusterings() -> None:
    gold = {_key(1): "a", _key(2): "a", _key(3): "b", _key(4): "c"}
    perfect = score_clusters(gold, {_key(1): "x", _key(2): "x", _key(3): "y", _key(4): "z"})
    assert perfect.pairwise == (1.0, 1.0, 1.0) and perfect.bcubed == (1.0, 1.0, 1.0)
    merged = score_clusters(gold, dict.fromkeys(gold, "x"))
    assert merged.pairwise[1] == 1.0 and merged.pairwise[0] == pytest.approx(1 / 6, abs=1e-3)
    missing = score_clusters(gold, {_key(1): "x", _key(3): "y"})
    assert missing.found == 2 and missing.gold_claims == 4


def test_score_gold_files_are_valid_and_large_enough() -> None:
    dev = read_clusters(GOLD / "clusters_dev.jsonl")
    test = read_clusters(GOLD / "clusters_test.jsonl")
    assert len(dev) + len(test) >= 150
    assert not set(dev) & set(test)
    assert not set(dev.values()) & set(test.values())
    assert sum(1 for label in set(dev.values()) if list(dev.values()).count(label) > 1) >= 10


def test_score_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = {
        "doc_id": "d",
        "evidence_start": 0,
        "evidence_end": 5,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "cluster": "x",
    }
    path.write_text(json.dumps(good) + "\n" + json.dumps({"doc_id": "d"}) + "\n")
    with pytest.raises(InputError) as caught:
        read_clusters(path)
    assert f"{path}:2" in str(caught.value)


def test_score_errors_name_the_missed_and_spurious_pairs() -> None:
    gold = {_key(1): "a", _key(2): "a", _key(3): "b"}
    errors = pair_errors(gold, {_key(1): "x", _key(2): "y", _key(3): "y"})
    assert errors.missed == ((_key(1), _key(2)),)
    assert errors.spurious == ((_key(2), _key(3)),)
    text = format_errors(errors, gold)
    assert "missed pairs (1)" in text and "spurious pairs (1)" in text
    assert "doc@2 Armed clash '' [a]" in text
