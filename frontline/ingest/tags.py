"""A site's tag list run into the article text with no full stop after it.

Web copies keep the page's tag list between the standfirst and the lead, glued to the lead:
"... in the besieged town of Madaya. Tags Madaya Syria hunger siege women Hizbollah Three women
from the besieged town of Madaya ... were killed". Read as text, the lead sentence starts with
"Tags" (never an event) and carries the tags' place names. :func:`tag_lists` finds the range
from "Tags" to the last tag so that cleaning sets it aside and the lead starts its own sentence.

Tags are nouns and names; the lead is a sentence. The lead is found at the first word that a
tag list does not hold: a word that opens a sentence ("At least", "A", "The", "Three", "Dozens"),
or a small word of a clause ("were", "has", "on", "and"), in which case the lead starts at the
capitalised word before it ("Russia has accused", "Jets thought to belong"). "for" and "of"
between two capitalised words belong to a name ("Syrian Observatory for Human Rights"). A tag
list at the foot of the page ("... Syria Community standardsDiscussion Comment via Facebook")
is set aside to the end of its line; one with no lead and no footer after it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TAGS = re.compile(r"(?<![^\s.!?\"”’])Tags\s+(?=\S)")
_TOKEN = re.compile(r"\S+")
# The foot of a page: the tags, then the comment buttons ("Community standardsDiscussion").
_FOOTER = re.compile(r"\bCommunity standards")
_MAX_TAGS = 30  # tokens: a longer run with no lead in sight is not a tag list
# Capitalised, these open the lead itself.
_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "at",
        "more",
        "dozens",
        "hundreds",
        "scores",
        "several",
        "some",
        "many",
        "almost",
        "nearly",
        "over",
        "around",
        "about",
        "suspected",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ]
)
# Lower case, these belong to a clause, never to a tag list.
_CLAUSE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "from",
        "in",
        "on",
        "at",
        "by",
        "to",
        "with",
        "and",
        "after",
        "among",
        "including",
        "were",
        "was",
        "is",
        "are",
        "have",
        "has",
        "had",
        "been",
        "be",
        "say",
        "says",
        "said",
        "killed",
        "hit",
        "struck",
    ]
)
_NAME_LINKS = frozenset(["for", "of", "and"])


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _lead_start(tokens: list[re.Match[str]]) -> int | None:
    """The index of the lead's first token, or None when no lead follows the tags."""
    for k, match in enumerate(tokens):
        word = match.group().strip("\"“”‘’'()[],:;")
        low = word.lower()
        if _capitalised(word) and low in _OPENERS:
            return k if k > 0 else None
        if not word.islower() or low not in _CLAUSE_WORDS:
            continue
        between_names = (
            0 < k < len(tokens) - 1
            and low in _NAME_LINKS
            and _capitalised(tokens[k - 1].group())
            and _capitalised(tokens[k + 1].group())
        )
        if between_names:
            continue
        back = k - 1
        while back > 0 and not _capitalised(tokens[back].group()):
            back -= 1
        return back if back > 0 else None
    return None


def _tag_words(text: str) -> Iterator[re.Match[str]]:
    """``_TAGS.finditer(text)``, tried only where "Tags" stands: a scan with the pattern
    costs far more than ``str.find`` (two matches cannot overlap: one ends in white space)."""
    at = text.find("Tags")
    while at >= 0:
        tags = _TAGS.match(text, at)
        if tags is not None:
            yield tags
        at = text.find("Tags", at + 4)


def tag_lists(text: str) -> list[tuple[int, int]]:
    """The ranges of tag lists glued to the next sentence ("Tags" and the tags, not the lead)."""
    found: list[tuple[int, int]] = []
    for tags in _tag_words(text):
        line_end = text.find("\n", tags.end())
        window = text[tags.end() : line_end if line_end >= 0 else len(text)]
        tokens = list(_TOKEN.finditer(window))[: _MAX_TAGS + 1]
        footer = _FOOTER.search(window, 0, tokens[-1].end())
        if footer is not None:  # the page's last words: tags, comment buttons; no lead
            found.append((tags.start(), tags.end() + len(window)))
            continue
        lead = _lead_start(tokens)
        if lead is None:  # or a tag list with a full stop of its own ("... sniper fire.")
            lead = next((k + 1 for k, t in enumerate(tokens) if t.group()[-1] in ".!?"), None)
        if lead is not None:
            found.append((tags.start(), tags.end() + tokens[lead - 1].end()))
    return found
