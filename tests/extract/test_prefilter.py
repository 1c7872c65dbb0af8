"""The literal prefilter never hides a match: the rules' patterns give the same answers with
and without it, on every FA-KES dev sentence and on texts built to fool it."""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from frontline.extract import (
    attackers,
    attribution,
    clauses,
    dates,
    numbers,
    numerals,
    roles,
    selection,
)
from frontline.extract.lexicon import actor_lexicon, speaker_lexicon, trigger_lexicon
from frontline.extract.prefilter import _ODD, Filtered, required_literals
from frontline.extract.sentences import split_sentences
from frontline.ingest import iter_documents
from frontline.records import Document

ROOT = Path(__file__).resolve().parents[2]


@cache
def _sentences() -> tuple[str, ...]:
    texts = [
        s.text
        for d in iter_documents([ROOT / "samples/fakes_dev.csv"])
        if isinstance(d, Document)
        for s in split_sentences(d.text)
    ]
    return tuple(texts)


def _rule_patterns() -> list[re.Pattern[str]]:
    found = [
        value
        for module in (attackers, attribution, clauses, dates, numbers, numerals, roles, selection)
        for value in vars(module).values()
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str)
    ]
    patterns = dates._patterns()
    found += list(patterns.explicit)
    found += [patterns.bare_month, patterns.weekday, patterns.phrase, patterns.counted]
    found += [numbers.kind_words().pattern, numbers.number_words().candidate]
    for lexicon in (trigger_lexicon(), actor_lexicon(), speaker_lexicon()):
        found += [p.anywhere for p in lexicon.parts if p.anywhere is not None]
    return found


def _spans(pattern: Filtered | re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _check_sentences(step: int) -> None:
    patterns = _rule_patterns()
    assert len(patterns) > 50
    skipped = 0
    texts = _sentences()[::step]
    for pattern in patterns:
        wrapped = Filtered(pattern)
        for text in texts:
            assert _spans(wrapped, text) == _spans(pattern, text), (pattern.pattern, text)
            skipped += not wrapped.possible(text)
    assert skipped > len(patterns) * len(texts) // 4  # the prefilter does skip


def test_same_matches_on_fakes_sentences() -> None:
    _check_sentences(step=24)


@pytest.mark.slow
def test_same_matches_on_every_fakes_sentence() -> None:
    _check_sentences(step=1)


def test_literals_of_a_background_rule() -> None:
    literals = required_literals(clauses._BACKGROUND)
    assert literals is not None and "recently" in literals and "since " in literals
    assert required_literals(re.compile(r"\w+ing")) == frozenset({"ing"})
    assert required_literals(re.compile(r"(?:a|\w)b+")) == frozenset({"b"})
    assert required_literals(re.compile(r"x?")) is None


def _mutations(rng: random.Random, literal: str) -> str:
    """``literal`` with random case, neighbours and look-alike characters."""
    odd = "İıſµΣσςKÅ"
    chars = [c.upper() if rng.random() < 0.3 else c for c in literal]
    if chars and rng.random() < 0.3:
        chars[rng.randrange(len(chars))] = rng.choice(odd)
    return rng.choice(["", "the ", "on ", "x"]) + "".join(chars) + rng.choice(["", " a", "."])


def test_no_match_hidden_on_texts_built_from_the_literals() -> None:
    rng = random.Random(2607)
    for pattern in _rule_patterns():
        wrapped = Filtered(pattern)
        pieces = list(re.findall(r"[A-Za-z' ]{2,}", pattern.pattern)) or ["a"]
        for _ in range(60):
            text = " ".join(_mutations(rng, rng.choice(pieces)) for _ in range(3))
            assert _spans(wrapped, text) == _spans(pattern, text), (pattern.pattern, text)


def test_digits_of_other_scripts_are_searched() -> None:
    candidate = numbers.number_words().candidate
    for text in ("٣ people were killed", "killed ３ people", "no number here", "12 dead"):
        assert _spans(Filtered(candidate), text) == _spans(candidate, text)
    assert not Filtered(candidate).possible("no number here")


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="re's private case tables")
def test_odd_characters_cover_the_case_folding_of_re() -> None:
    import _sre
    from re import _casefix  # type: ignore[attr-defined]

    for code, others in _casefix._EXTRA_CASES.items():
        for c in (code, *others):
            assert chr(c).isascii() or _ODD.search(chr(c)), hex(c)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if char.lower() != chr(_sre.unicode_tolower(code)):
            assert _ODD.search(char.lower()), hex(code)
