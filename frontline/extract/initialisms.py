"""Sentences cut after an initialism ("U.S.", "U.N.") joined again to their continuation.

The sentence rules end a sentence at every full stop that stands after a word, so "a move that
could avert possible U.S. military strikes" becomes two sentences, the second "military
strikes." (an air strike with no context to say it was only possible), and "allowing U.N.
inspectors to visit" leaves "inspectors to visit ..." on its own. A sentence that ends with an
initialism of capital letters and full stops and is followed by one that starts with a small
letter is one sentence: :func:`join_initialisms` joins the two. The splitting rules themselves
are left as they are (they match spaCy's sentencizer, see ``frontline/extract/sentences.py``).
"""

from __future__ import annotations

import re

from frontline.extract.sentences import Sentence

_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")


def join_initialisms(sentences: list[Sentence], text: str) -> list[Sentence]:
    """``sentences`` of ``text`` with each one cut after an initialism joined to the next
    when the next starts with a small letter on the same line."""
    joined: list[Sentence] = []
    for sentence in sentences:
        if joined and _continues(joined[-1], sentence, text):
            first = joined[-1]
            joined[-1] = Sentence(first.start, sentence.end, text[first.start : sentence.end])
        else:
            joined.append(sentence)
    return joined


def _continues(first: Sentence, second: Sentence, text: str) -> bool:
    return (
        second.text[:1].islower()
        and _INITIALISM_END.search(first.text) is not None
        and "\n" not in text[first.end : second.start]
    )
