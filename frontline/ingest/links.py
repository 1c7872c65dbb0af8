"""Links to other stories run into the text of web copies: set aside, never read as news.

Web pages put links to related stories between the paragraphs or at the foot of the page, and a
copy of the page keeps their words with no punctuation around them:

- a marker and one headline in the middle of the story: "click to watch - Syrian army takes
  villages in south of country The large offensive ...", "READ MORE WATCH Russian Airstrikes
  Send Terrorists Fleeing in Syrias Hama In a separate operation ...", "Watch: Regional
  international diplomats struggle over Aleppo Play Video";
- a list of headlines at the foot: "Source AFP Related News Suicide car bomb kills eight regime
  and rebel fighters in Daraa - SOHR ... Category News ...", to the end of the text.

Read as text, a headline is an event the article never reports (a capture of villages, an air
strike in Hama). :func:`link_runs` finds these ranges so that cleaning sets them aside.

A headline after a marker ends at "Play Video", or before the word that opens the next sentence:
a capitalised article, preposition or sentence adverb ("The", "A", "In", "Meanwhile") after at
least three words of headline. A marker whose headline has no such end in sight is left alone.
"""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"(?:\bclick (?:here )?to (?:watch|read)\b|\bREAD MORE(?:\s+WATCH)?\b|\bWATCH\b|"
    r"\b(?:Watch|Read more|Related|READ ALSO|Read also)\s*:)\s*[-–—:]?\s*"
)
# Words one of which every marker and the footer hold, for a plain test before the scan.
_MARKER_WORDS = (
    "click ",
    "READ MORE",
    "WATCH",
    "Watch",
    "Read more",
    "Related",
    "READ ALSO",
    "Read also",
)
_FOOTER = re.compile(r"\bRelated News\b")
_PLAY = re.compile(r"\s+Play Video\b")
_TOKEN = re.compile(r"\S+")
_OPENERS = frozenset(
    (
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "after",
        "as",
        "meanwhile",
        "earlier",
        "elsewhere",
        "later",
        "but",
        "however",
    )
)
_MIN_WORDS = 3  # a headline has at least this many words
_MAX_WORDS = 25  # a longer run with no sentence start in sight is not a headline


def _headline_end(text: str, start: int) -> int | None:
    """Where the headline that starts at ``start`` ends, or None if no end is in sight."""
    play = _PLAY.search(text, start, start + 300)
    if play is not None:
        return play.end()
    tokens = list(_TOKEN.finditer(text, start))[: _MAX_WORDS + 1]
    for index, token in enumerate(tokens):
        word = token.group()
        if index < _MIN_WORDS or not word[:1].isupper() or word.lower() not in _OPENERS:
            continue
        if index + 1 < len(tokens) and tokens[index + 1].group()[:1].islower():
            return tokens[index - 1].end()
    return None


def link_runs(text: str) -> list[tuple[int, int]]:
    """The ranges of ``text`` that are links to other stories (see the module docstring)."""
    runs: list[tuple[int, int]] = []
    if not any(word in text for word in _MARKER_WORDS):
        return runs
    footer = _FOOTER.search(text)
    for marker in _MARKER.finditer(text, 0, footer.start() if footer else len(text)):
        end = _headline_end(text, marker.end())
        if end is not None:
            runs.append((marker.start(), end))
    if footer is not None:
        runs.append((footer.start(), len(text.rstrip())))
    return runs
