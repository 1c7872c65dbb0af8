"""The pipeline: one document in, one extraction out; a failing document is recorded, not fatal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline import pipeline
from frontline.records import Diagnostic, Document, Extraction

SAMPLES = Path(__file__).parents[1] / "samples"


def test_pipeline_extract_paths_reads_and_extracts_the_sample_article() -> None:
    from frontline.ingest import ReadOptions

    items = list(
        pipeline.extract_paths(
            [SAMPLES / "aleppo_2016-11-28_trt.txt"], ReadOptions(published=date(2016, 11, 28))
        )
    )
    extractions = [i for i in items if isinstance(i, Extraction)]
    assert len(extractions) == 1
    assert extractions[0].document.doc_id == "aleppo_2016-11-28_trt"
    assert len(extractions[0].events) >= 8


def test_pipeline_a_failing_document_becomes_an_error_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(document: Document) -> Extraction:
        raise RuntimeError("lexicon exploded")

    monkeypatch.setattr(pipeline, "run_one", broken)
    document = Document(doc_id="d1", text="Rebels shelled the town.", origin="news.csv")
    result = pipeline.run_one_recorded(document)
    assert isinstance(result, Diagnostic)
    assert result.level == "error"
    assert result.origin == "news.csv"
    assert "d1" in result.message and "lexicon exploded" in result.message


def test_pipeline_empty_text_after_cleaning_is_a_warning_not_a_crash() -> None:
    document = Document(doc_id="blank", text="Title line\n", ignored=((0, 10),), origin="blank.txt")
    extraction = pipeline.run_one(document)
    assert extraction.events == ()
    assert [d.level for d in extraction.diagnostics] == ["warning"]
