"""Copy detection on real articles: FA-KES's republished wire stories, and edited copies."""

from __future__ import annotations

import functools
from datetime import date

from fuse_fakes import TRT, fakes_documents

from frontline.fuse.copies import find_copies, fingerprint


@functools.cache
def _links() -> dict[str, str]:
    prints = [fingerprint(d.doc_id, d.text, d.published) for d in fakes_documents()]
    return {k: v.original for k, v in find_copies(prints).documents.items()}


def test_copies_fakes_republished_stories_link_to_the_earliest() -> None:
    links = _links()
    # the same AFP story in Jordan Times (15 June 2016) and Ahram Online (18 June 2016)
    assert links["1923848264"] == "1924058059"
    # Al-Manar ran one text three times; the first (1 February 2016) is the original
    assert links["1965511184"] == "1965511187"
    assert links["1965511186"] == "1965511187"
    assert "1965511187" not in links


def test_copies_fakes_most_articles_are_originals() -> None:
    links = _links()
    assert 5 <= len(links) <= len(fakes_documents()) // 10
    assert all(original not in links for original in links.values())


def _trt_text() -> str:
    return TRT.read_text(encoding="utf-8")


def test_copies_lightly_edited_copy_is_a_copy_of_the_original() -> None:
    text = _trt_text()
    edited = (
        text.replace("regime", "government")
        .replace("Sunday", "Sunday 27 November")
        .replace("thousands", "several thousand")
    )
    edited = "BEIRUT (Agencies) - " + edited + "\nThis story was updated with more details."
    prints = [
        fingerprint("copy", edited, date(2016, 11, 29)),
        fingerprint("trt", text, date(2016, 11, 28)),
    ]
    copies = find_copies(prints)
    assert copies.documents["copy"].original == "trt"
    assert copies.documents["copy"].similarity >= 0.45
    assert copies.origin("copy") == "trt"
    assert copies.origin("trt") == "trt"


def test_copies_a_lifted_paragraph_links_only_its_claims() -> None:
    text = _trt_text()
    paragraphs = [p for p in text.split("\n") if len(p.split()) > 25]
    lifted = paragraphs[1]
    other = next(d for d in fakes_documents() if d.doc_id == "1923848126").text
    mixed = other + "\n" + lifted + "\n"
    prints = [
        fingerprint("mixed", mixed, date(2016, 11, 30)),
        fingerprint("trt", text, date(2016, 11, 28)),
    ]
    copies = find_copies(prints)
    assert "mixed" not in copies.documents
    start = len(other) + 1
    assert copies.origin("mixed", start + 5, start + 40) == "trt"
    assert copies.origin("mixed", 10, 60) == "mixed"


def test_copies_unrelated_articles_are_not_copies() -> None:
    docs = {d.doc_id: d for d in fakes_documents()}
    prints = [fingerprint(i, docs[i].text, docs[i].published) for i in ("1923848126", "1926479313")]
    assert not find_copies(prints).documents
