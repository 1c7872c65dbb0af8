"""Spotting gazetteer names in running text, and telling people from places.

:func:`find_mentions` walks the capitalised words of a text and takes, at each one, the
longest run of up to :data:`MAX_WORDS` words (lower-case articles allowed inside: "Karm
al-Qaterji", "Deir ez-Zor") whose folded key is a gazetteer name. A run that starts with a
common given name ("Abdullah Ansari", "Rami Abdurrahman") is a person, unless the whole run
is itself a place ("Suleiman al-Halabi").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from frontline.geo.normalize import join_keys, lexicon, split_words, token_keys

if TYPE_CHECKING:
    from frontline.geo.gazetteer import Gazetteer

MAX_WORDS = 6
MIN_LOOSE_KEY = 3
_WORD = re.compile(r"[^\W\d_][\w'’‘ʿʾ`\-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’‘`\-]+)$")
_POSSESSIVE_LAST = frozenset("'’‘`-s")  # the last letter of a word _POSSESSIVE can cut
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CONNECTORS = frozenset(
    {
        "al",
        "el",
        "ad",
        "ed",
        "as",
        "es",
        "ash",
        "az",
        "ez",
        "ar",
        "at",
        "an",
        "bin",
        "ibn",
        "bani",
        "de",
    }
)


class PlaceMention(NamedTuple):
    """A stretch ``text[start:end]`` that names a gazetteer place; ``key`` is its fold key."""

    start: int
    end: int
    key: str


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    capital: bool


@functools.lru_cache(maxsize=50_000)
def _parts(token: str) -> tuple[tuple[str, str], ...]:
    return tuple(k for k in (token_keys(w) for w in split_words(token)) if k is not None)


def _is_capital(token: str) -> bool:
    first = token[0]
    if first.isupper():
        return True
    if first.isascii() and "-" not in token:
        return False  # the common case, answered before the two tests below
    if _ARABIC.match(token):
        return True
    head, sep, rest = token.partition("-")
    return bool(sep and rest and rest[0].isupper() and head.lower() in lexicon().articles)


_new_token = tuple.__new__  # builds a _Token without the keyword handling of its constructor


def _tokens(text: str) -> list[_Token]:
    """The words of ``text``, each without a possessive or trailing quote or hyphen."""
    out: list[_Token] = []
    append = out.append
    for m in _WORD.finditer(text):
        word = m.group()
        if word[-1] in _POSSESSIVE_LAST:
            cut = _POSSESSIVE.search(word)
            if cut:
                word = word[: cut.start()]  # never empty: a word starts with a letter
        start = m.start()
        first = word[0]
        if first.isupper():
            capital = True
        elif first.isascii() and "-" not in word:
            capital = False  # _is_capital's common cases, without the call
        else:
            capital = _is_capital(word)
        append(_new_token(_Token, (start, start + len(word), word, word.lower(), capital)))
    return out


def _can_end(tok: _Token) -> bool:
    """A name ends on a capitalised word that is not an article or a common word."""
    return (
        tok.capital
        and len(tok.text) > 1
        and bool(_parts(tok.text))
        and tok.lower not in lexicon().stopwords
    )


def _is_acronym(word: str) -> bool:
    """SANA, OCHA, SOHR: short all-capital words are organisations, not places."""
    return len(word) <= 4 and word.isupper() and word.isascii()


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Two words belong to one name when only a space separates them."""
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0")


def _run_end(text: str, toks: list[_Token], i: int) -> int:
    """Index after the last word of the capitalised run starting at ``i``."""
    j = i + 1
    while j < len(toks) and j - i < MAX_WORDS and _joined(text, toks[j - 1], toks[j]):
        if not (toks[j].capital or toks[j].lower in _CONNECTORS):
            break
        j += 1
    while j - 1 > i and not toks[j - 1].capital:
        j -= 1
    return j


def _match(gaz: Gazetteer, toks: list[_Token], i: int, j: int) -> str | None:
    parts = [p for t in toks[i:j] for p in _parts(t.text)]
    if not parts:
        return None
    loose, strict = join_keys(parts)
    has_loose, has_strict = gaz.has_key(loose, strict)
    # one word must be spelled alike; several words may match on their skeleton alone
    if has_strict or (has_loose and j - i > 1 and len(loose) >= MIN_LOOSE_KEY):
        return loose
    return None


def find_mentions(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Gazetteer names in ``text``, longest first at each position, left to right."""
    lex = lexicon()
    toks = _tokens(text)
    out: list[PlaceMention] = []
    i = 0
    # only a capitalised word can start a name: the others are passed over one by one
    for c in [k for k, t in enumerate(toks) if t.capital]:
        if c < i:
            continue
        i = c
        tok = toks[i]
        if _is_acronym(tok.text) or tok.lower in lex.stopwords:
            i += 1
            continue
        end = _run_end(text, toks, i)
        if tok.lower in lex.kunya and i + 1 < end and toks[i + 1].lower in lex.given_names:
            i = end  # "Abu Mohammad": a nom de guerre
            continue
        person = tok.lower in lex.given_names or (i > 0 and toks[i - 1].lower in lex.titles)
        if person:  # a person's name counts only when the whole run is itself a place
            shortest = end if end - i > 1 else end + 1
        else:  # a common word may start a name ("Sheikh Maqsoud") but is none alone
            shortest = i + 2 if tok.lower in lex.name_words else i + 1
        hit = None
        for j in range(end, shortest - 1, -1):
            if _can_end(toks[j - 1]):
                key = _match(gaz, toks, i, j)
                if key is not None:
                    hit = PlaceMention(tok.start, toks[j - 1].end, key)
                    break
        if hit is not None:
            out.append(hit)
            i = next(
                k for k in range(i, len(toks) + 1) if k == len(toks) or toks[k].start >= hit.end
            )
        else:
            i = end if person else i + 1
    return out


def looks_like_person(text_before: str, name: str, gaz: Gazetteer | None = None) -> bool:
    """Whether ``name`` (following ``text_before``) reads as a person, not a place.

    True when the word just before is a given name or a title ("Abdullah Ansari",
    "President Assad"), or when ``name`` itself starts with a given name and goes on and is
    not, as a whole, a gazetteer name ("Rami Abdurrahman", but not "Suleiman al-Halabi").
    """
    lex = lexicon()
    words = text_before.split()
    prev = words[-1].strip(",.;:'\"“”()").lower() if words else ""
    if prev and words[-1][:1].isupper() and prev in lex.given_names:
        return True
    if prev in lex.titles:
        return True
    own = name.split()
    if len(own) > 1 and own[0].lower() in lex.given_names:
        if gaz is None:
            from frontline.geo.gazetteer import Gazetteer

            gaz = Gazetteer.default()
        return not any(c.strict for c in gaz.candidates(name))
    return False
