"""RSS and Atom feeds, from files and from URLs (through a fake fetcher: no network)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.ingest import ReadOptions, iter_documents
from frontline.ingest.feeds import html_to_text
from frontline.records import Diagnostic, Document

RESOURCES = Path(__file__).resolve().parents[2] / "tests" / "resources" / "ingest"
RSS = RESOURCES / "trt_world.rss"
ATOM = RESOURCES / "syria_news.atom"
BROKEN = RESOURCES / "broken_feed.xml"

pytestmark = pytest.mark.usefixtures("fake_datelines")


def _documents(items: list[Document | Diagnostic]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def test_feeds_rss_one_document_per_entry() -> None:
    items = list(iter_documents([RSS]))
    documents = _documents(items)
    assert [d.title for d in documents] == [
        "Syrian regime forces gain full control of northern Aleppo",
        "Regime says it captured Aleppo water station",
    ]
    first = documents[0]
    assert first.text.startswith("Syria's rebels lost all of the northern neighbourhoods")
    assert "\n\nThe regime's gains have prompted an exodus" in first.text
    assert "<p>" not in first.text
    assert (first.published, first.published_from) == (date(2016, 11, 28), "metadata")
    assert first.source == "trt"
    assert first.url is not None and first.url.endswith("northern-aleppo-240117")
    assert "<b>" not in documents[1].text and "Suleiman al-Halabi" in documents[1].text


def test_feeds_entry_without_text_is_a_warning() -> None:
    diagnostics = [item for item in iter_documents([RSS]) if isinstance(item, Diagnostic)]
    assert len(diagnostics) == 1
    assert diagnostics[0].level == "warning"
    assert diagnostics[0].origin == str(RSS)
    assert "entry 3" in diagnostics[0].message


def test_feeds_ids_are_stable_and_distinct() -> None:
    first = [d.doc_id for d in _documents(list(iter_documents([RSS])))]
    again = [d.doc_id for d in _documents(list(iter_documents([RSS])))]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(doc_id.startswith("feed-") for doc_id in first)


def test_feeds_atom_entry() -> None:
    (document,) = _documents(list(iter_documents([ATOM])))
    assert document.title == "Aleppo airstrikes kill 36 people in opposition-held areas"
    assert document.source == "dailysabah"
    assert document.published == date(2016, 10, 17)
    assert "Atareb" in document.text


def test_feeds_malformed_feed_is_an_error_naming_the_file() -> None:
    items = list(iter_documents([BROKEN, ATOM]))
    assert isinstance(items[0], Diagnostic)
    assert (items[0].level, items[0].origin) == ("error", str(BROKEN))
    assert "malformed feed" in items[0].message
    assert len(_documents(items)) == 1


def test_feeds_url_read_through_the_fetcher() -> None:
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return RSS.read_bytes()

    url = "https://www.trtworld.com/mea/rss"
    items = list(iter_documents([url], ReadOptions(fetch=fetch, source="TRT World")))
    assert asked == [url]
    documents = _documents(items)
    assert len(documents) == 2
    assert all(d.origin == url and d.source == "trt" for d in documents)


def test_feeds_url_that_cannot_be_fetched_is_an_error(tmp_path: Path) -> None:
    def fetch(url: str) -> bytes:
        raise OSError("connection refused")

    text_file = tmp_path / "note.txt"
    text_file.write_text("Note\nClashes in Jobar on Sunday.", encoding="utf-8")
    url = "http://feeds.example.org/syria.xml"
    items = list(iter_documents([url, text_file], ReadOptions(fetch=fetch)))
    assert isinstance(items[0], Diagnostic)
    assert (items[0].level, items[0].origin) == ("error", url)
    assert "connection refused" in items[0].message
    assert len(_documents(items)) == 1


def test_feeds_html_to_text_keeps_paragraphs() -> None:
    fragment = "<p>Shelling hit <b>Douma</b>.</p><p>Two&nbsp;died.</p><script>x()</script>"
    assert html_to_text(fragment) == "Shelling hit Douma.\n\nTwo died."
    assert html_to_text("Plain &amp; simple") == "Plain & simple"
