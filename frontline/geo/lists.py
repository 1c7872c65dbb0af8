"""Lists of places written without punctuation, cut into their places.

FA-KES articles lost their commas, so "the Aleppo neighborhoods of Tariq al-Bab Bustan al-Qasr
Salahaddin al-Mashhad al-Amiriyah Baidin al-Jandoul and Bani Zeid" reaches the extractor as
one run of capitalised words. After a cue that announces a list (a plural place noun: "the
towns of", "villages including", "the liberated neighborhoods are", "two villages") this
module cuts each run into the fewest pieces, a gazetteer name costing less than a name the
gazetteer lacks, so that every listed place is found, known or not. The cues, the feature each
cue gives its places and the words that start a name but are none alone live in
``frontline/data/place_lists.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from frontline.geo.mentions import _can_end, _is_acronym, _match, _Token, _tokens
from frontline.geo.normalize import lexicon

if TYPE_CHECKING:
    from frontline.geo.gazetteer import Gazetteer

MAX_NAME_WORDS = 4
_KNOWN_COST = 1  # a gazetteer name
_UNKNOWN_COST = 3  # a name the gazetteer lacks: taken only where no known names fit
_AND = frozenset({"and", "&"})
_ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|az|at|ar|an)[-‑]")
_GAP = re.compile(r"\s*,?\s+|\s*,\s*")  # what may stand between two words of one list


class ListItem(NamedTuple):
    """One place of a list: ``text[start:end]``, whether the gazetteer knows the name, and the
    feature the list's noun gives it ("neighbourhood", "village", ...)."""

    start: int
    end: int
    known: bool
    hint: str


class _Tables(NamedTuple):
    cue: re.Pattern[str]
    hints: dict[str, str]
    prefixes: frozenset[str]
    suffixes: frozenset[str]


@functools.cache
def _tables() -> _Tables:
    with resources.files("frontline.data").joinpath("place_lists.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    hints = {k.lower(): v for k, v in raw["nouns"].items()}
    nouns = "|".join(sorted(map(re.escape, hints), key=len, reverse=True))
    after = "|".join(re.escape(w) for w in raw["cues"]["after_noun"])
    counts = "|".join(re.escape(w) for w in raw["cues"]["counts"])
    cue = re.compile(
        rf"\b(?:(?:{counts})\s+(?P<counted>{nouns})|(?P<noun>{nouns})\s*(?:{after}))\s+"
        r"(?:the\s+)?",
        re.IGNORECASE,
    )
    prefixes = frozenset(w.lower() for w in raw["names"]["prefixes"])
    suffixes = frozenset(w.lower() for w in raw["names"]["suffixes"])
    return _Tables(cue, hints, prefixes, suffixes)


def name_prefixes() -> frozenset[str]:
    """Words that start a place name but are none alone ("Tal", "Kafr", "Sheikh")."""
    return _tables().prefixes | lexicon().name_words


def list_items(text: str, gaz: Gazetteer) -> list[ListItem]:
    """The places of every list ``text`` announces, when a list names at least two."""
    tables = _tables()
    if not tables.cue.search(text):
        return []
    toks = _tokens(text)
    out: list[ListItem] = []
    for m in tables.cue.finditer(text):
        noun = (m.group("noun") or m.group("counted")).lower()
        first = next((k for k, t in enumerate(toks) if t.start >= m.end()), None)
        if first is None or (out and toks[first].start < out[-1].end):
            continue
        groups = _groups(text, toks, first, gaz)
        items: list[ListItem] = []
        for group in groups:
            pieces = _segment(toks, group, gaz, tables)
            # a list ends where its words stop making names ("... and Hoshariyeh Hussein Ali")
            for stop in range(group.stop - 1, group.start, -1):
                if pieces is not None:
                    break
                pieces = _segment(toks, range(group.start, stop), gaz, tables)
            if pieces is None:
                break
            items.extend(
                ListItem(toks[a].start, toks[b - 1].end, known, tables.hints[noun])
                for a, b, known in pieces
            )
        if len(items) >= 2:
            out.extend(items)
    return out


def _groups(text: str, toks: list[_Token], first: int, gaz: Gazetteer) -> list[range]:
    """The runs of capitalised words from ``first`` on that 'and' or a comma separate; a list
    ends at any other word or mark."""
    stop = lexicon().stopwords
    groups: list[range] = []
    start = k = first
    while k < len(toks):
        tok = toks[k]
        if k > start or (k == start and groups):
            gap = text[toks[k - 1].end : tok.start]
            if not _GAP.fullmatch(gap):
                break
            if "," in gap and k > start:
                groups.append(range(start, k))
                start = k
        if tok.lower in _AND and k > start:
            groups.append(range(start, k))
            start = k + 1
            k += 1
            continue
        if not tok.capital or _is_acronym(tok.text):
            break
        if (
            tok.lower in stop
            and not _known_from(toks, k, gaz)
            and not _inside(text, toks, k, start, gaz)
        ):
            break
        k += 1
    if k > start:
        groups.append(range(start, k))
    return groups


def _inside(text: str, toks: list[_Token], k: int, start: int, gaz: Gazetteer) -> bool:
    """Whether a common word stands inside a run of names, a name itself ("... Ard al-Hamra
    Sohr Tariq al-Bab ..."): names before it in its group and a name word right after it, not
    a person's ("Colonel Ahmed") unless a longer place name starts there ("Tariq al-Bab")."""
    if k == start or k + 1 >= len(toks):
        return False
    after = toks[k + 1]
    return (
        text[toks[k].end : after.start] == " "
        and after.capital
        and after.lower not in lexicon().stopwords
        and not _is_acronym(after.text)
        and (after.lower not in _people() or _known_from(toks, k + 1, gaz))
    )


@functools.cache
def _people() -> frozenset[str]:
    lex = lexicon()
    return lex.given_names | lex.titles


def _known_from(toks: list[_Token], k: int, gaz: Gazetteer) -> bool:
    """Whether a gazetteer name of several words starts at word ``k`` ("New Aleppo")."""
    return any(
        _match(gaz, toks, k, j) is not None
        for j in range(k + 2, min(len(toks), k + MAX_NAME_WORDS) + 1)
    )


def _segment(
    toks: list[_Token], group: range, gaz: Gazetteer, tables: _Tables
) -> list[tuple[int, int, bool]] | None:
    """The cheapest cut of ``toks[group]`` into names, as (first, after-last, known) word
    indexes; None when some word fits in no name."""
    lo, hi = group.start, group.stop
    best: dict[int, tuple[int, list[tuple[int, int, bool]]]] = {lo: (0, [])}
    for a in range(lo, hi):
        if a not in best:
            continue
        cost, pieces = best[a]
        for b in range(a + 1, min(hi, a + MAX_NAME_WORDS) + 1):
            price = _price(toks, a, b, gaz, tables)
            if price is None:
                continue
            known = price == _KNOWN_COST
            total = cost + price
            if b not in best or total < best[b][0]:
                best[b] = (total, [*pieces, (a, b, known)])
    return best[hi][1] if hi in best else None


def _price(toks: list[_Token], a: int, b: int, gaz: Gazetteer, tables: _Tables) -> int | None:
    """What taking ``toks[a:b]`` as one name costs: a gazetteer name, an unknown one-word
    name, or an unknown name made of a name-starting word and the next, each perhaps with a
    name-ending word after it ("al-Sharqiya"); None when it can be no name."""
    prefixes = tables.prefixes
    head = toks[a].lower
    if _ARTICLE.sub("", toks[b - 1].lower) in tables.suffixes:
        if b - a == 1:
            return None
        if _match(gaz, toks, a, b) is not None:
            return _KNOWN_COST
        return _price(toks, a, b - 1, gaz, tables)
    last = toks[b - 1]
    single_ok = head not in prefixes and head not in lexicon().name_words
    if b - a == 1 and single_ok and len(last.text) >= 3 and last.lower in lexicon().stopwords:
        return _UNKNOWN_COST  # a common word that _groups let stand inside the list
    if not _can_end(last):
        return None
    person = all(t.lower in _people() for t in toks[a:b])  # "Hussein Ali": a person's name
    if (b - a > 1 or single_ok) and not person and _match(gaz, toks, a, b) is not None:
        return _KNOWN_COST
    # not a person's given name or a title ("Hussein", "Colonel") unless 'and' follows it
    # ("the areas of Hafez and Muhassen")
    named = head in _people() and not (b < len(toks) and toks[b].lower in _AND)
    if b - a == 1 and single_ok and len(last.text) >= 3 and not named:
        return _UNKNOWN_COST
    if b - a == 2 and head in prefixes:
        return _UNKNOWN_COST
    return None
