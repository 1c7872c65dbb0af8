"""Plain-text articles, on the TRT World example article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Diagnostic, Document

TRT_SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
pytestmark = pytest.mark.usefixtures("fake_datelines")

TRT_TITLE = "Syrian regime forces and their allies gain full control of northern Aleppo."
CAPTION = "People remove belongings from a damaged site after an air strike Sunday"


def _only_document(items: list[Document | Diagnostic]) -> Document:
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == 1, items
    return documents[0]


def _ignored_texts(document: Document) -> list[str]:
    return [document.text[start:end] for start, end in document.ignored]


def test_plaintext_trt_text_is_the_whole_file() -> None:
    document = _only_document(list(iter_documents([TRT_SAMPLE])))
    assert document.text == TRT_SAMPLE.read_text(encoding="utf-8")
    assert document.doc_id == "aleppo_2016-11-28_trt"
    assert document.origin == str(TRT_SAMPLE)


def test_plaintext_trt_first_line_is_the_ignored_title() -> None:
    document = _only_document(list(iter_documents([TRT_SAMPLE])))
    assert document.title is not None
    assert document.title.startswith(TRT_TITLE)
    assert _ignored_texts(document)[0] == document.title
    assert document.analysis_text.startswith(" " * len(document.title))


def test_plaintext_trt_second_caption_copy_is_ignored() -> None:
    document = _only_document(list(iter_documents([TRT_SAMPLE])))
    first = document.text.index(CAPTION)
    second = document.text.index(CAPTION, first + 1)
    assert document.analysis_text.count(CAPTION) == 1
    assert document.analysis_text.index(CAPTION) == first
    assert any(start == second for start, _ in document.ignored)


def test_plaintext_trt_source_line_gives_the_outlet() -> None:
    document = _only_document(list(iter_documents([TRT_SAMPLE])))
    assert document.source == "trt"
    assert _ignored_texts(document)[-1] == "Source: TRTWorld and agencies"
    assert "Source:" not in document.analysis_text
    assert "Holok" in document.analysis_text


def test_plaintext_trt_has_no_date_unless_given() -> None:
    plain = _only_document(list(iter_documents([TRT_SAMPLE])))
    assert (plain.published, plain.published_from) == (None, "none")
    options = ReadOptions(
        published=date(2016, 11, 28),
        source="TRT World",
        url="https://www.trtworld.com/mea/aleppo",
        doc_id="trt-aleppo",
    )
    given = _only_document(list(iter_documents([str(TRT_SAMPLE)], options)))
    assert (given.published, given.published_from) == (date(2016, 11, 28), "given")
    assert given.source == "trt"
    assert given.url == "https://www.trtworld.com/mea/aleppo"
    assert given.doc_id == "trt-aleppo"


def test_plaintext_dateline_prefix_gives_the_date(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Air strikes hit Atareb\n27 November 2016 Air strikes on Atareb killed six people.\n",
        encoding="utf-8",
    )
    document = _only_document(list(iter_documents([path])))
    assert (document.published, document.published_from) == (date(2016, 11, 27), "dateline")
    assert _ignored_texts(document) == ["Air strikes hit Atareb", "27 November 2016"]
    assert document.title == "Air strikes hit Atareb"


def test_plaintext_doc_id_with_several_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One\nFirst article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two\nSecond article.", encoding="utf-8")
    with pytest.raises(SetupError, match="names one document"):
        list(iter_documents([tmp_path], ReadOptions(doc_id="x")))


def test_plaintext_one_line_file_is_all_text(tmp_path: Path) -> None:
    path = tmp_path / "flash.txt"
    path.write_text("Government forces captured Hanano on Saturday.\n", encoding="utf-8")
    document = _only_document(list(iter_documents(str(path))))
    assert (document.title, document.ignored) == (None, ())
    assert document.analysis_text == document.text
