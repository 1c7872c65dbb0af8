"""Credibility scores of real FA-KES articles: features, reasons, the shipped model, training."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.fuse import credibility_model as training
from frontline.fuse.credibility import (
    CREDIBLE,
    FAKE,
    CredibilityModel,
    corpus_features,
    default_model,
    load_model,
    score,
    score_corpus,
)
from frontline.records import Document, Extraction

SAMPLES = Path(__file__).parents[2] / "samples"
ROWS = 40


@pytest.fixture(scope="module")
def fakes_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first FA-KES dev rows (with the repeated rows 278-280 of the full file)."""
    with (SAMPLES / "fakes_dev.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = reader.fieldnames
    assert header is not None
    chosen = rows[:ROWS] + rows[276:279]
    path = tmp_path_factory.mktemp("fakes") / "fakes_part.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(chosen)
    return path


@pytest.fixture(scope="module")
def corpus(fakes_csv: Path) -> tuple[list[Extraction], list[int]]:
    return training.labelled_corpus([fakes_csv])


def test_credibility_shipped_model_scores_every_article_in_range(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    extractions, _ = corpus
    model = default_model()
    records = score_corpus(extractions, model)
    assert [r.doc_id for r in records] == [x.document.doc_id for x in extractions]
    for record in records:
        assert 0.0 <= record.score <= 1.0
        assert record.label == (CREDIBLE if record.score >= model.threshold else FAKE)
        assert 1 <= len(record.reasons) <= 4
    assert len({r.score for r in records}) > 10, "scores should differ between articles"


def test_credibility_reasons_name_what_the_text_holds(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    extractions, _ = corpus
    features = corpus_features(extractions)
    checked = 0
    for extraction, feats in zip(extractions, features, strict=True):
        text = extraction.document.text.lower()
        for word in feats.notes["hedge_density"]:
            assert word in text
        speakers = {e.attributed_to for e in extraction.events}
        for claim in feats.claims:
            for name, notes in claim.notes.items():
                if name.startswith("attr_"):
                    assert set(notes) <= speakers
                    checked += 1
        for reason in score(feats).reasons:
            if reason.startswith("hedging words"):
                listed = reason.split("(", 1)[1].split(")", 1)[0].split(", ")
                assert all(word in text for word in listed)
    assert checked > 50


def _copy(extraction: Extraction, doc_id: str, source: str) -> Extraction:
    document = replace(extraction.document, doc_id=doc_id, source=source)
    events = tuple(
        replace(e, doc_id=doc_id, event_id=f"{doc_id}-{i}", source=source)
        for i, e in enumerate(extraction.events)
    )
    return Extraction(document, events)


def test_credibility_corroboration_comes_from_other_outlets_in_the_fused_events(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    extractions, _ = corpus
    features = corpus_features(extractions)
    sources = {(x.document.source or "").casefold() for x in extractions}
    backed = [
        (x, f) for x, f in zip(extractions, features, strict=True) if f.values["corroborated"]
    ]
    assert backed, "some FA-KES articles report events other outlets report too"
    for extraction, feats in backed:
        named = {n for c in feats.claims for n in c.notes["corroborated"]}
        assert named and named <= sources
        assert (extraction.document.source or "").casefold() not in named
    article = backed[0][0]
    (alone,) = corpus_features([article])
    assert alone.values["corroborated"] == 0.0 and alone.values["outlets"] == 0.0


def test_credibility_a_verbatim_copy_from_another_outlet_corroborates_nothing(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    extractions, _ = corpus
    article = next(x for x in extractions if any(e.place and e.event_date for e in x.events))
    elsewhere = "reuters" if article.document.source != "reuters" else "sana"
    copy = _copy(article, "copy-elsewhere", elsewhere)
    original, copied = corpus_features([article, copy])
    assert original.values["corroborated"] == 0.0
    assert copied.values["copied"] == 1.0
    assert original.values["copied"] == 0.0


def test_credibility_folds_keep_copies_together_and_cover_every_article(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    extractions, labels = corpus
    groups = training.near_duplicate_groups([x.document.text for x in extractions])
    repeated = [i for i, x in enumerate(extractions) if x.document.doc_id == "1926479049"]
    assert len(repeated) >= 2 and len({groups[i] for i in repeated}) == 1
    folds = training.grouped_folds(labels, groups, 5, seed=1)
    assert sorted(i for f in folds for i in f) == list(range(len(labels)))
    fold_of = {i: n for n, f in enumerate(folds) for i in f}
    for g in set(groups):
        assert len({fold_of[i] for i, h in enumerate(groups) if h == g}) == 1
    for fold in folds:
        share = sum(labels[i] for i in fold) / len(fold)
        assert 0.25 <= share <= 0.8


def test_credibility_cross_validation_never_fits_on_the_fold_it_scores(
    corpus: tuple[list[Extraction], list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    extractions, labels = corpus
    features = corpus_features(extractions)
    folds = training.grouped_folds(labels, list(range(len(labels))), 4, seed=3)
    seen: list[set[int]] = []
    real_fit = training.fit

    def recording_fit(train, train_labels, config):  # type: ignore[no-untyped-def]
        seen.append({id(f) for f in train})
        return real_fit(train, train_labels, config)

    monkeypatch.setattr(training, "fit", recording_fit)
    report = training.cross_validate(features, labels, folds, training.CONFIGS[0])
    assert len(seen) == len(folds)
    for fold, trained in zip(folds, seen, strict=True):
        assert trained.isdisjoint(id(features[i]) for i in fold)
        assert len(trained) == len(labels) - len(fold)
    assert report.n == len(labels) and 0.0 <= report.macro_f1 <= 1.0


def test_credibility_model_round_trips_and_a_broken_file_names_itself(tmp_path: Path) -> None:
    model = default_model()
    again = CredibilityModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.features == model.features and again.weights == pytest.approx(model.weights)
    broken = tmp_path / "model.json"
    broken.write_text('{"features": ["toll"], "mean": []}', encoding="utf-8")
    with pytest.raises(SetupError, match=r"model\.json"):
        load_model(broken)


def test_credibility_claim_scores_lie_in_range_and_follow_the_article(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    from frontline.fuse.credibility import claim_scores

    extractions, _ = corpus
    features = corpus_features(extractions)
    some = [f for f in features if f.claims][:10]
    assert some
    for feats in some:
        scores = claim_scores(feats, default_model())
        assert set(scores) == {c.event_id for c in feats.claims}
        assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_credibility_labelled_corpus_refuses_rows_without_labels(tmp_path: Path) -> None:
    from frontline.errors import InputError

    path = tmp_path / "unlabelled.txt"
    path.write_text("Title\nAt least 12 people were killed in Aleppo on Sunday.\n", "utf-8")
    with pytest.raises(InputError, match="unlabelled"):
        training.labelled_corpus([path])
    assert isinstance(Document("x", "y"), Document)


def test_credibility_each_claim_is_scored_and_named_with_its_own_reasons(
    corpus: tuple[list[Extraction], list[int]],
) -> None:
    from frontline.fuse.credibility import claim_reports

    extractions, _ = corpus
    checked = 0
    for extraction, feats in zip(extractions, corpus_features(extractions), strict=True):
        events = {e.event_id: e for e in extraction.events}
        reports = claim_reports(feats)
        assert [r.event_id for r in reports] == [c.event_id for c in feats.claims]
        for report, claim in zip(reports, feats.claims, strict=True):
            assert 0.0 <= report.score <= 1.0
            assert (events[report.event_id].location or "?") in report.claim
            for reason in report.reasons:
                assert claim.values.get(reason.split(":", 1)[0], 0.0) != 0.0
            checked += 1
    assert checked > 50


def test_cli_credibility_claims_lists_every_claim_of_the_article() -> None:
    from click.testing import CliRunner

    from frontline.cli import main
    from frontline.ingest import ReadOptions, iter_documents
    from frontline.pipeline import run_one

    article = SAMPLES / "aleppo_2016-11-28_trt.txt"
    args = ["credibility", "--claims", "--published", "2016-11-28", str(article)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    (document,) = iter_documents([article], ReadOptions(published=date(2016, 11, 28)))
    assert isinstance(document, Document)
    expected = [e.event_id for e in run_one(document).events]
    assert [c["event_id"] for c in line["claims"]] == expected
    assert all(0.0 <= c["score"] <= 1.0 and c["claim"] for c in line["claims"])
