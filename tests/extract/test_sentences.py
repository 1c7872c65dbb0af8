"""Sentence boundaries: the regular-expression splitter gives spaCy's sentencizer's boundaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.extract.sentences import Sentence, split_sentences
from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Document

SAMPLES = Path(__file__).parents[2] / "samples"


@cache
def _corpus() -> list[str]:
    paths = [SAMPLES / "aleppo_2016-11-28_trt.txt", SAMPLES / "fakes_dev.csv"]
    items = iter_documents(paths, ReadOptions(published=date(2016, 11, 28)))
    return [i.analysis_text for i in items if isinstance(i, Document)]


@cache
def _spacy_splitter() -> Callable[[str], list[tuple[int, int]]]:
    """The splitter frontline used before: spaCy's sentencizer over a whitespace tokenizer
    that sheds the same opening and closing marks, one line at a time."""
    spacy = pytest.importorskip("spacy")
    import re

    from spacy.tokenizer import Tokenizer

    nlp: Any = spacy.blank("en")
    prefix = re.compile(r"""^["“‘(\[']""")
    suffix = re.compile(r"""[.,!?;:"”’)\]']$""")
    nlp.tokenizer = Tokenizer(nlp.vocab, prefix_search=prefix.search, suffix_search=suffix.search)
    nlp.add_pipe("sentencizer")

    def split(text: str) -> list[tuple[int, int]]:
        out = []
        for line in re.finditer(r"[^\n]+", text):
            if not line.group(0).strip():
                continue
            for sent in nlp(line.group(0)).sents:
                piece = text[line.start() + sent.start_char : line.start() + sent.end_char]
                if piece.strip():
                    start = line.start() + sent.start_char + len(piece) - len(piece.lstrip())
                    out.append((start, start + len(piece.strip())))
        return out

    return split


def _spans(sentences: list[Sentence]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sentences]


def test_sentences_offsets_reproduce_the_text() -> None:
    text = _corpus()[0]
    sentences = split_sentences(text)
    assert len(sentences) > 10
    assert all(text[s.start : s.end] == s.text == s.text.strip() for s in sentences)


def test_sentences_line_breaks_and_full_stops_end_sentences() -> None:
    text = "Aleppo under fire\nRebels withdrew from Hanano. Troops entered on Saturday!  Why?"
    assert [s.text for s in split_sentences(text)] == [
        "Aleppo under fire",
        "Rebels withdrew from Hanano.",
        "Troops entered on Saturday!",
        "Why?",
    ]


def test_sentences_numbers_and_inner_stops_do_not_end_sentences() -> None:
    text = "About 2.5 million people live in al-Bab.The town fell in 2016."
    assert [s.text for s in split_sentences(text)] == [text]


def test_sentences_quote_after_one_space_stays_with_the_sentence_before() -> None:
    one = split_sentences('He said so. "We will return," he added.')
    two = split_sentences('He said so.  "We will return," he added.')
    assert [s.text for s in one] == ['He said so. "', 'We will return," he added.']
    assert [s.text for s in two] == ["He said so.", '"We will return," he added.']


def test_sentences_same_boundaries_as_spacy_on_the_bundled_corpus() -> None:
    spacy_split = _spacy_splitter()
    texts = _corpus()
    assert len(texts) > 400
    for text in texts:
        assert _spans(split_sentences(text)) == spacy_split(text)


_ALPHABET = st.sampled_from(
    [*"aZ9 .!?,;:\"'“”‘’()[]-…؟。", " ", "  ", "\t", "\u00a0", "\n", "U.S.", "No."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_sentences_same_boundaries_as_spacy_on_any_text(text: str) -> None:
    assert _spans(split_sentences(text)) == _spacy_splitter()(text)
