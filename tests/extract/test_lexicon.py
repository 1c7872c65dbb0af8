"""The lexicon matcher: every place a lexicon phrase stands in a sentence is found."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from frontline.extract.lexicon import (
    Lexicon,
    actor_lexicon,
    speaker_lexicon,
    trigger_lexicon,
)
from frontline.extract.sentences import split_sentences
from frontline.ingest import ReadOptions, iter_documents
from frontline.records import Document

SAMPLES = Path(__file__).parents[2] / "samples"


@cache
def _sentences() -> list[str]:
    paths = [SAMPLES / "aleppo_2016-11-28_trt.txt", SAMPLES / "fakes_dev.csv"]
    docs = [d for d in iter_documents(paths, ReadOptions()) if isinstance(d, Document)]
    return [s.text for d in docs[:40] for s in split_sentences(d.analysis_text)]


def _alternatives(part: Lexicon) -> list[re.Pattern[str]]:
    """Each alternative of a compiled lexicon on its own, at word starts and ends."""
    flags = re.IGNORECASE if part.folded else 0
    patterns = [*part.buckets.values(), *([part.anywhere] if part.anywhere else [])]
    bodies = [
        body
        for p in patterns
        for body in re.findall(r"\(\?P<g\d+>((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)", p.pattern)
    ]
    return [re.compile(r"(?<![\w-])(?:" + b + r")(?![\w-])", flags) for b in bodies]


def test_lexicon_finds_the_example_article_phrases() -> None:
    text = (
        "Syrian government forces and their allies captured Jabal Badro on Sunday, "
        "the Syrian Observatory for Human Rights said."
    )
    actors = {m.key for m in actor_lexicon().find(text)}
    assert {"Military Forces of Syria"} <= actors
    assert "Syrian Observatory for Human Rights" in {m.text for m in speaker_lexicon().find(text)}
    assert "captured" in {m.text for m in trigger_lexicon().find(text)}


@pytest.mark.parametrize("name", ["actors", "triggers", "speakers"])
def test_lexicon_misses_no_phrase_in_real_sentences(name: str) -> None:
    lexicon = {"actors": actor_lexicon, "triggers": trigger_lexicon, "speakers": speaker_lexicon}
    checked = 0
    for part in lexicon[name]().parts:
        alternatives = _alternatives(part)
        assert len(alternatives) == len(part.keys)
        for sentence in _sentences():
            hits = part.find(sentence)
            assert all(a.end <= b.start for a, b in pairwise(hits))
            for pattern in alternatives:
                for m in pattern.finditer(sentence):
                    checked += 1
                    assert any(h.start <= m.start() < h.end for h in hits), (m.group(), sentence)
    assert checked > 50
