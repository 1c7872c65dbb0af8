"""Faster paths of the extraction give the answers of the slower ones they stand in for."""

from __future__ import annotations

import gc
import re
from functools import cache
from pathlib import Path

import pytest

from frontline.extract.events import extract_events
from frontline.extract.lexicon import Lexicon, actor_lexicon, speaker_lexicon, trigger_lexicon
from frontline.extract.prefilter import Filtered, folded_text, lowered_pattern
from frontline.extract.sentences import split_sentences
from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Document

SAMPLES = Path(__file__).parents[2] / "samples"
# odd capitals and look-alikes: dotted capital I, Kelvin sign, long s, Turkish dotless i
ODD_TEXTS = [
    "REGIME FORCES SHELLED İdlib; the Regime's jets hit al-Bab.",
    "ISIS militants ſhelled the \u212aurdish YPG near Manbij, the Syrian army said.",
    "Russian warplanes struck Idlıb, killing 12 civilians, SOHR reported.",
    "The SYRIAN ARMY recaptured Palmyra from ISIS, state media SANA said.",
]


@cache
def _sentences() -> list[str]:
    paths = [SAMPLES / "aleppo_2016-11-28_trt.txt", SAMPLES / "fakes_dev.csv"]
    docs = [d for d in iter_documents(paths, ReadOptions()) if isinstance(d, Document)]
    return [s.text for d in docs[:120] for s in split_sentences(d.analysis_text)] + ODD_TEXTS


def _parts() -> list[Lexicon]:
    return [p for ls in (actor_lexicon(), trigger_lexicon(), speaker_lexicon()) for p in ls.parts]


@pytest.mark.parametrize("index", range(3))
def test_lower_cased_starts_are_the_case_folded_starts(index: int) -> None:
    part = [p for p in _parts() if p.lower_starts is not None][index]
    assert part.starts is not None and part.lower_starts is not None
    for text in _sentences():
        lowered = folded_text(text)
        if lowered is None:  # a character re folds otherwise: the slow path is taken
            assert any(c in text for c in "İſ\u212aı")
            continue
        fast = [m.start() for m in part.lower_starts.finditer(lowered)]
        assert fast == [m.start() for m in part.starts.finditer(text)], text


def test_lexicon_hits_with_and_without_the_lower_cased_starts() -> None:
    from dataclasses import replace

    found = 0
    for part in _parts():
        slow = replace(part, lower_starts=None)
        for text in _sentences():
            hits = part.find(text)
            assert hits == slow.find(text), text
            found += len(hits)
    assert found > 500  # the sentences do hold actors, triggers and speakers


def _filtered_in_use() -> list[Filtered]:
    """Every pattern the extraction runs through its prefilter, after extracting a few articles."""
    paths = [SAMPLES / "fakes_dev.csv"]
    for document in [d for d in iter_documents(paths, ReadOptions()) if isinstance(d, Document)][
        :40
    ]:
        extract_events(document)
    return [o for o in gc.get_objects() if isinstance(o, Filtered)]


def _case_variants() -> list[str]:
    texts = _sentences()
    return texts + [t.upper() for t in texts[:300]] + [t.swapcase() for t in texts[300:600]]


def test_lowered_patterns_give_the_patterns_own_matches() -> None:
    patterns = _filtered_in_use()
    lowered = [f for f in patterns if f._lowered is not None]
    assert len(lowered) >= 8  # the rules' case-insensitive patterns are run the fast way
    matched = 0
    for f in lowered:
        for text in _case_variants():
            slow = [(m.span(), m.groups()) for m in f.pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in f.finditer(text)] == slow, text
            first = f.search(text)
            assert (first and (first.span(), first.groups())) == (slow[0] if slow else None), text
            middle = len(text) // 3  # a search from inside the text, as the number scan does
            later, expected = f.search(text, middle), f.pattern.search(text, middle)
            assert (later and later.span()) == (expected and expected.span()), text
            matched += bool(slow)
    assert matched > 1000


@pytest.mark.parametrize(
    ("pattern", "lowered"),
    [
        (r"\b(?:said|told)\s+[A-Z]\w+", True),
        (r"(?P<day>\d+)\s+(?:days?|weeks?)\s+ago", True),
        (r"[^a-f]+strikes?", True),
        (r"(\w+) \1", False),  # a back-reference: only the pattern itself
        (r"\b(?-i:Last)\s+week", False),  # a change of case rule inside
        (r"[Α-Ω]+", False),  # a range beyond ASCII
    ],
)
def test_lowered_copy_only_where_it_is_exact(pattern: str, lowered: bool) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    copy = lowered_pattern(compiled)
    assert (copy is not None) == lowered
    texts = ["He SAID Assad", "3 Days AGO", "aerial STRIKES", "the the", "LAST week", "ΑΒΓ"]
    for text in texts:
        if copy is None:
            break
        fast = [m.span() for m in copy.finditer(text.lower())]
        assert fast == [m.span() for m in compiled.finditer(text)]
