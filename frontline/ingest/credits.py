"""Photo credits with a related story's headline, run into the text of web copies.

Sputnik pages put a picture between two paragraphs, and the copy keeps its credit and the
headline of the story it links to, with no punctuation around them: "... dumped in a mine
shaft. Sputnik Hikmet Durgun US-Led Coalition Confirms Syrias Raqqa Completely Liberated From
Daesh "After the regime retook it ...". Read as text, the headline is a capture of Raqqa that
the article never reports. :func:`photo_credits` finds these ranges so cleaning sets them aside.

A credit is the agency's name at the start of a sentence, then two words of a person's name
(capitalised, or in capitals), then a headline in title case of at least three words. The
headline ends before a quotation mark or a bracket, or before the capitalised word that opens
the next sentence ("... Oil Field in Deir ez-Zor Province Al-Qaryatayn had a large ...").
"""

from __future__ import annotations

import re

_AGENCY = "Sputnik"
_CREDIT = re.compile(
    r"(?:(?<=[.!?\"”’)])\s+|^)(?P<credit>Sputnik\s+(?:[A-Z][a-z]+|[A-Z]{2,})\s+"
    r"(?:[A-Z][a-z]+|[A-Z]{2,}))\s+"
)
_TOKEN = re.compile(r"\S+")
# Small words a title-case headline leaves in lower case.
_CONNECTORS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "over",
        "the",
        "to",
        "vs",
        "with",
        "after",
        "against",
    ]
)
_MIN_HEADLINE_WORDS = 3


def _title_word(token: str) -> bool:
    """A capitalised word, a number, or a name with a capitalised part ("ez-Zor", "al-Sham")."""
    return (
        token[0].isupper()
        or token[0].isdigit()
        or any(part[:1].isupper() for part in token.split("-")[1:])
    )


def photo_credits(text: str) -> list[tuple[int, int]]:
    """The ranges of each credit and the headline that follows it."""
    ranges: list[tuple[int, int]] = []
    if _AGENCY not in text:  # a plain test first: scanning with the pattern costs far more
        return ranges
    for credit in _CREDIT.finditer(text):
        words: list[re.Match[str]] = []
        next_sentence = False
        for token in _TOKEN.finditer(text, credit.end()):
            word = token.group()
            if word[0] in "\"“”'‘’(":
                break
            if _title_word(word) or word.lower() in _CONNECTORS:
                words.append(token)
                continue
            next_sentence = True  # a lower-case word: the text has resumed
            break
        if next_sentence:  # its first word was the last capitalised one
            while words and words[-1].group().lower() in _CONNECTORS:
                words.pop()
            words = words[:-1]
        while words and words[-1].group().lower() in _CONNECTORS:
            words.pop()
        if len(words) >= _MIN_HEADLINE_WORDS:
            ranges.append((credit.start("credit"), words[-1].end()))
    return ranges
