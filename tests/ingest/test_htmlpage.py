"""Web pages: main text and metadata by trafilatura, on a page wrapping the TRT article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Diagnostic, Document

PAGE = Path(__file__).resolve().parents[2] / "tests" / "resources" / "ingest" / "trt_aleppo.html"

pytestmark = pytest.mark.usefixtures("fake_datelines")


def _document(items: list[Document | Diagnostic]) -> Document:
    (document,) = [item for item in items if isinstance(item, Document)]
    return document


def test_htmlpage_main_text_without_boilerplate() -> None:
    document = _document(list(iter_documents([PAGE])))
    assert "about 250,000 people live under siege" in document.text
    assert "Suleiman al-Halabi" in document.text
    assert "Privacy" not in document.text
    assert "Copyright" not in document.text
    assert document.doc_id == "trt_aleppo"


def test_htmlpage_metadata() -> None:
    document = _document(list(iter_documents([PAGE])))
    assert document.title == "Syrian regime forces gain full control of northern Aleppo"
    assert (document.published, document.published_from) == (date(2016, 11, 28), "metadata")
    assert document.source == "trt"
    assert document.url == (
        "https://www.trtworld.com/mea/syrian-regime-forces-gain-full-control-of-northern-aleppo-240117"
    )


def test_htmlpage_title_repeated_in_text_is_ignored() -> None:
    document = _document(list(iter_documents([PAGE])))
    title = document.title or ""
    assert document.text.startswith(title)  # trafilatura keeps the <h1>
    assert document.ignored[0] == (0, len(title))
    assert document.analysis_text.lstrip().startswith("The losses would be")


def test_htmlpage_given_date_wins_over_metadata() -> None:
    options = ReadOptions(published=date(2016, 11, 29))
    document = _document(list(iter_documents([PAGE], options)))
    assert (document.published, document.published_from) == (date(2016, 11, 29), "given")


def test_htmlpage_without_main_text_is_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    items = list(iter_documents([page, PAGE]))
    assert isinstance(items[0], Diagnostic)
    assert (items[0].level, items[0].origin) == ("warning", str(page))
    assert isinstance(items[1], Document)
