"""Sentence boundaries, as offsets into the document's original text.

A line break always ends a sentence (news texts put captions and paragraphs on lines of their
own). Within a line, the rules of ``frontline/data/sentences.toml`` apply: the line is cut into
words at white space, each word sheds its opening marks from the front and its closing marks
from the back; a sentence-end mark that stands alone ends the sentence, and the next starts at
the first word after it that is not all punctuation. White space other than one plain space
counts as a word of its own, so ``said.  "We`` starts the next sentence at the quote, while
``said. "We`` leaves the quote with the sentence before.

These are the boundaries of spaCy's rule-based sentencizer over a whitespace tokenizer with
the same marks (``tests/extract/test_sentences.py`` holds the two side by side), found with a
few regular expressions instead of a token per word: no vocabulary grows, nothing is loaded
but the word lists, and any line length is fine.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from frontline.errors import SetupError

_LINE = re.compile(r"[^\n]+")
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Rules:
    opening: frozenset[str]
    closing: frozenset[str]
    ends: frozenset[str]
    end_marks: re.Pattern[str]  # one sentence-end mark
    # the ASCII ones alone: a long character class costs ``re`` much more per character, and
    # most lines hold no other character than ASCII
    ascii_end_marks: re.Pattern[str]


@cache
def _rules() -> _Rules:
    name = "sentences.toml"
    try:
        with resources.files("frontline.data").joinpath(name).open("rb") as fh:
            data = tomllib.load(fh)
        opening, closing, ends = (frozenset(data[k]) for k in ("opening", "closing", "ends"))
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(
            f"cannot read frontline/data/{name}: {exc!r}; reinstall frontline or fix the file"
        ) from exc
    marks = "".join(re.escape(c) for c in sorted(ends))
    ascii_marks = "".join(re.escape(c) for c in sorted(ends) if c.isascii())
    return _Rules(opening, closing, ends, re.compile(f"[{marks}]"), re.compile(f"[{ascii_marks}]"))


def _core(word: str, rules: _Rules) -> tuple[int, int]:
    """Where a word's core starts and ends once its opening and closing marks are shed."""
    i, j = 0, len(word)
    while i < j and word[i] in rules.opening:
        i += 1
    while j > i and word[j - 1] in rules.closing:
        j -= 1
    return i, j


@lru_cache(maxsize=4096)
def _all_punctuation(core: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in core)


def _ends_sentence(word: str, rules: _Rules) -> bool:
    """Whether a word holds a sentence-end mark that stands alone as a token."""
    i, j = _core(word, rules)
    if j - i == 1 and word[i] in rules.ends:
        return True
    return any(c in rules.ends for c in word[j:])


def _next_start(line: str, pos: int, rules: _Rules) -> int | None:
    """Where the sentence after a sentence end at ``pos`` (a word's end) starts, if anywhere."""
    while True:
        gap = _SPACE.match(line, pos)
        assert gap is not None  # \s* always matches
        if gap.end() == len(line):
            return None
        if gap.end() - pos != 1 or line[pos] != " ":
            return pos  # white space other than one plain space is a word of its own
        word = _WORD.match(line, gap.end())
        assert word is not None  # a non-space character follows
        i, j = _core(word.group(), rules)
        core = word.group()[i:j]
        if core and core not in rules.ends and not _all_punctuation(core):
            return word.start() + i
        pos = word.end()


_NON_SPACE = re.compile(r"\S*")


def _ending_words(line: str, rules: _Rules) -> Iterator[tuple[int, int]]:
    """The words (runs of non-space) of ``line`` that hold a sentence-end mark, in order:
    found from the marks, which are few, rather than by trying every word."""
    end = 0
    marks = rules.ascii_end_marks if line.isascii() else rules.end_marks
    for mark in marks.finditer(line):
        at = mark.start()
        if at < end:
            continue  # a second mark in the same word
        start = at
        while start > end and not line[start - 1].isspace():
            start -= 1
        found = _NON_SPACE.match(line, at)
        assert found is not None  # \S* always matches
        end = found.end()
        yield start, end


def _line_starts(line: str, rules: _Rules) -> list[int]:
    """Offsets in ``line`` where its sentences start."""
    starts = [0]
    for start, end in _ending_words(line, rules):
        if end <= starts[-1] or not _ends_sentence(line[start:end], rules):
            continue
        next_start = _next_start(line, end, rules)
        if next_start is None:
            break
        starts.append(next_start)
    return starts


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` (blank ranges skipped), each trimmed of surrounding space."""
    rules = _rules()
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        body = line.group(0)
        if not body.strip():
            continue
        starts = _line_starts(body, rules)
        for a, b in zip(starts, [*starts[1:], len(body)], strict=True):
            piece = body[a:b]
            stripped = piece.strip()
            if not stripped:
                continue
            start = line.start() + a + len(piece) - len(piece.lstrip())
            sentences.append(Sentence(start, start + len(stripped), stripped))
    return sentences
