"""The extraction triage: the trained check that drops unlikely candidate events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.evaluation import locate_gold, match_events, read_gold
from frontline.extract.events import extract_events
from frontline.extract.triage import (
    ENV_VAR,
    MODEL_FILE,
    TriageModel,
    _sentence_features,
    bucket,
    default_model,
    document_features,
    enabled,
    fit,
    keep_threshold,
    load_model,
    probabilities,
    triage,
)
from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import run_one
from frontline.records import Document, Extraction

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"
FAKES = ROOT / "samples" / "fakes_dev.csv"
WAR_TOTAL = "has killed more than 280000 people and displaced millions since it started in 2011"
ATTACK = "Since Saturday at least 68 civilians have been killed in aerial attacks on the town."


@pytest.fixture(scope="module")
def fakes() -> dict[str, Document]:
    return {d.doc_id: d for d in iter_documents([FAKES]) if isinstance(d, Document)}


@pytest.fixture(scope="module")
def article() -> Document:
    items = iter_documents([SAMPLE], ReadOptions(published=date(2016, 11, 28)))
    return next(i for i in items if isinstance(i, Document))


def test_triage_weights_file_loads_with_stable_hashing() -> None:
    model = load_model(MODEL_FILE)
    assert model.weights
    assert 0.0 < model.threshold < 1.0
    # the buckets recorded when the weights were written are the ones computed now
    for token, expected in model.info["hash_check"].items():
        assert bucket(token, model.hash_bits) == expected
    assert default_model() is default_model()  # loaded once per process


def test_triage_keeps_the_example_articles_events(
    article: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, "0")
    without = {(e.location, e.sub_event_type) for e in run_one(article).events}
    monkeypatch.setenv(ENV_VAR, "1")
    kept = {(e.location, e.sub_event_type) for e in run_one(article).events}
    assert kept == without
    assert ("Holok", "Government regains territory") in kept


def test_triage_threshold_drops_low_candidates_in_order(article: Document) -> None:
    extraction = Extraction(document=article, events=tuple(extract_events(article)[0]))
    scores = probabilities(extraction, default_model())
    cut = sorted(scores)[len(scores) // 2]
    strict = TriageModel(default_model().weights, default_model().bias, threshold=cut)
    kept = triage(extraction, strict).events
    assert 0 < len(kept) < len(extraction.events)
    assert list(kept) == [e for e, p in zip(extraction.events, scores, strict=True) if p >= cut]


@pytest.mark.parametrize(("raw", "on"), [("0", False), ("off", False), ("1", True), ("yes", True)])
def test_triage_environment_switch(raw: str, on: bool) -> None:
    assert enabled({ENV_VAR: raw}) is on


@pytest.mark.parametrize("raw", ["maybe", "1.5", "0.0", "-0.2"])
def test_triage_environment_switch_rejects_other_values(raw: str) -> None:
    with pytest.raises(SetupError, match=ENV_VAR):
        enabled({ENV_VAR: raw})


def test_triage_environment_sets_the_keep_threshold(
    article: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert keep_threshold({ENV_VAR: "1"}) == default_model().threshold
    assert keep_threshold({ENV_VAR: "off"}) is None
    assert keep_threshold({ENV_VAR: "0.6"}) == 0.6
    monkeypatch.setenv(ENV_VAR, "0")
    everything = run_one(article).events
    monkeypatch.setenv(ENV_VAR, "0.99")  # keep only the surest: fewer events, all of them known
    surest = run_one(article).events
    assert len(surest) < len(everything)
    assert {e.event_id for e in surest} <= {e.event_id for e in everything}


def test_triage_broken_weights_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "triage_model.json"
    broken.write_text('{"weights": {}', encoding="utf-8")
    with pytest.raises(SetupError, match=r"triage_model\.json"):
        load_model(broken)


def test_triage_training_on_a_subset_is_deterministic(fakes: dict[str, Document]) -> None:
    gold = locate_gold(read_gold(ROOT / "data" / "gold" / "extra_events_c.jsonl"))[:12]
    rows, labels = [], []
    for doc in gold:
        events = tuple(extract_events(fakes[doc.doc_id])[0])
        matched = {id(p) for p, _ in match_events(events, doc.events)}
        rows += document_features(fakes[doc.doc_id], events)
        labels += [int(id(e) in matched) for e in events]
    assert 0 < sum(labels) < len(labels)
    first = fit(rows, labels, 3.0, steps=200)
    again = fit(rows, labels, 3.0, steps=200)
    assert first.weights == again.weights
    assert first.bias == again.bias
    assert any(name.startswith("w#") for name in first.weights)


def test_triage_features_mark_a_running_total_and_a_concrete_day(
    fakes: dict[str, Document],
) -> None:
    def rows(words: str) -> list[dict[str, float]]:
        document = next(d for d in fakes.values() if words in d.text)
        events = extract_events(document)[0]
        features = document_features(document, events)
        return [r for e, r in zip(events, features, strict=True) if words in e.evidence.text]

    # the rules no longer propose an event from this war total (background), so its cues are
    # read from the sentence itself
    total = next(s for d in fakes.values() for s in d.text.split(". ") if WAR_TOTAL in s)
    assert "cue:cumulative" in _sentence_features(total, False, 8)
    attack = rows(ATTACK)
    assert attack
    assert all("cue:concrete" in r for r in attack)  # "Since Saturday"
    assert all("place_carried" in r for r in attack)  # "on the town": named a sentence before


def test_triage_default_follows_the_weights_file() -> None:
    assert enabled({}) is default_model().enabled
