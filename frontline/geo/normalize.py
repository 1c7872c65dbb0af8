"""Folding place names into keys that survive transliteration.

Two keys are made from every name:

* :func:`fold` — the *loose* key, a consonant skeleton. Articles (``al-``, ``ash-``, …) are
  dropped, accents, apostrophes and ayn/hamza marks removed, ``q`` → ``k``, ``kh`` → ``k``,
  vowels (and ``y``) removed and doubled letters collapsed, so that "Holok", "Hulluk" and
  "Hellok" meet, as do "Kheder", "Khodr" and "Khidr", or "Salah ad-Deen" and "Salaheddin".
* :func:`strict_key` — the same consonants with each run of vowels kept as one ``a``; two
  names with equal strict keys are spelled alike ("Hellok" / "Holok", "Haydariya" /
  "Haidariye"), which ranks them above skeleton-only matches ("Khodr" / "Kheder").

Arabic script is folded too (harakat and tatweel removed; أ/إ/آ → ا, ى → ي, ة → ه; the
article ال dropped). The word lists (articles, optional prefixes) live in
``frontline/data/gazetteer/lexicon.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frontline.errors import SetupError

FOLD_VERSION = "3"

_SPLIT = re.compile(r"[\s\-‐‑‒–—_/,.;:()\[\]\"“”«»|&+]+")
_MARKS = re.compile(r"['’‘ʿʾ`´ʼʻ\u02bc]")
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_MAP = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_ARABIC_KEEP = re.compile(r"[^\u0621-\u064a0-9]")
_DOUBLES = re.compile(r"(.)\1+")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_GLIDE_Y = re.compile(r"(?<![aeiou])y+|y+(?![aeiou])")  # y kept only between vowels
_VOWEL_H_END = re.compile(r"([aeiouy])h$")
_LOOSE_DROP = str.maketrans("", "", "aeiouy")
_LATIN_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae"})


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``lexicon.toml``, lower-cased."""

    articles: frozenset[str]
    optional_prefixes: frozenset[str]
    stopwords: frozenset[str]
    name_words: frozenset[str]
    kunya: frozenset[str]
    feature_words: dict[str, tuple[str, ...]]
    qualifiers_before: tuple[str, ...]
    qualifiers_after: tuple[str, ...]
    leading: tuple[str, ...]
    descriptors: tuple[str, ...]
    facility_words: tuple[str, ...]
    given_names: frozenset[str]
    titles: frozenset[str]


DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"


def _data_text(name: str) -> str:
    path = GAZETTEER_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SetupError(
            f"{path}: cannot read the geo word list ({exc}); reinstall frontline"
        ) from exc


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in words}, key=lambda w: (-len(w), w)))


@functools.cache
def lexicon() -> Lexicon:
    """Load ``lexicon.toml`` and ``given_names.txt`` once per process."""
    try:
        raw = tomllib.loads(_data_text("lexicon.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"frontline/data/gazetteer/lexicon.toml: {exc}") from exc
    names = [
        line.strip().lower()
        for line in _data_text("given_names.txt").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    prefixes = [*raw["optional_prefixes"], *raw["arabic_optional_prefixes"]]
    return Lexicon(
        articles=frozenset(a.lower() for a in raw["articles"]),
        optional_prefixes=frozenset(p.lower() for p in prefixes),
        stopwords=frozenset(w.lower() for w in raw["stopwords"]),
        name_words=frozenset(w.lower() for w in raw.get("name_words", [])),
        kunya=frozenset(w.lower() for w in raw.get("kunya", [])),
        feature_words={k.lower(): tuple(v) for k, v in raw["feature_words"].items()},
        qualifiers_before=_longest_first(raw["qualifiers"]["before"]),
        qualifiers_after=_longest_first(raw["qualifiers"]["after"]),
        leading=_longest_first(raw["qualifiers"]["leading"]),
        descriptors=_longest_first(raw["qualifiers"].get("descriptors", [])),
        facility_words=_longest_first(raw["facilities"]["words"]),
        given_names=frozenset(names),
        titles=frozenset(t.lower() for t in raw.get("titles", [])),
    )


def _ascii_lower(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.lower().translate(_LATIN_EXTRA))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", _MARKS.sub("", plain))


def _arabic(token: str) -> str:
    text = _ARABIC_KEEP.sub("", _HARAKAT.sub("", token).translate(_ARABIC_MAP))
    if text.startswith("ال") and len(text) > 3:
        text = text[2:]
    return text


@functools.lru_cache(maxsize=200_000)
def token_keys(token: str) -> tuple[str, str] | None:
    """``(loose, strict)`` keys of one word, or None for an article or an empty word."""
    if _ARABIC.search(token):
        text = _arabic(token)
        return (text, text) if text else None
    text = _ascii_lower(token)
    if not text or text in lexicon().articles:
        return None
    loose = text.replace("q", "k").replace("kh", "k").replace("gh", "g").replace("c", "k")
    loose = _VOWEL_H_END.sub(r"\1", loose.replace("ph", "f").replace("dj", "j"))
    strict = _DOUBLES.sub(r"\1", _VOWEL_RUN.sub("a", _GLIDE_Y.sub("", _DOUBLES.sub(r"\1", loose))))
    return _DOUBLES.sub(r"\1", loose.translate(_LOOSE_DROP)), strict


def split_words(name: str) -> list[str]:
    """The words of a name: split on spaces, hyphens and punctuation (apostrophes kept)."""
    return [w for w in _SPLIT.split(name) if w]


@functools.lru_cache(maxsize=100_000)
def _undoubled(text: str) -> str:
    """``text`` with each run of one character written once ("Raqqa" keys alike "Raqa")."""
    return _DOUBLES.sub(r"\1", text)


def join_keys(parts: list[tuple[str, str]]) -> tuple[str, str]:
    """Combine word keys into a name's ``(loose, strict)`` keys."""
    loose = _undoubled("".join([p[0] for p in parts]))
    strict = _undoubled("".join([p[1] for p in parts]))
    return (loose or strict), strict


def _word_keys(words: list[str]) -> list[tuple[str, str]]:
    parts = [k for k in (token_keys(w) for w in words) if k is not None]
    if not parts:  # a name made only of articles keeps them
        parts = [(t, t) for t in (_ascii_lower(w) for w in words) if t]
    return parts


@functools.lru_cache(maxsize=100_000)
def name_keys(name: str) -> tuple[str, str]:
    """``(loose, strict)`` keys of a whole name."""
    return join_keys(_word_keys(split_words(name)))


def fold(name: str) -> str:
    """The loose, transliteration-folding key of a name (see the module docstring)."""
    return name_keys(name)[0]


def strict_key(name: str) -> str:
    """The lighter key: equal strict keys mean the same spelling up to vowel classes."""
    return name_keys(name)[1]


def _is_optional_prefix(word: str) -> bool:
    lex = lexicon()
    if _ARABIC.search(word):
        return _HARAKAT.sub("", word).translate(_ARABIC_MAP) in lex.optional_prefixes
    return _ascii_lower(word) in lex.optional_prefixes


def strip_optional_prefix(name: str) -> str | None:
    """The name without its leading generic word ("Karm al-Qaterji" → "al-Qaterji")."""
    words = split_words(name)
    if len(words) > 1 and _is_optional_prefix(words[0]):
        rest = words[1:]
        if any(token_keys(w) is not None for w in rest):
            return " ".join(rest)
    return None


def index_keys(name: str) -> list[tuple[str, str, bool]]:
    """Every ``(loose, strict, weak)`` key a gazetteer name is filed under.

    ``weak`` marks the key made after dropping an optional prefix, which ranks lower.
    """
    loose, strict = name_keys(name)
    out = [(loose, strict, False)] if loose else []
    words = split_words(name)
    if len(words) > 2 and any(token_keys(w) is None for w in words[1:-1]):
        # "Salah ad-Deen" is also written as one word, "Salaheddin"
        j_loose, j_strict = name_keys("".join(words))
        if j_loose != loose:
            out.append((j_loose, j_strict, False))
    rest = strip_optional_prefix(name)
    if rest is not None:
        r_loose, r_strict = name_keys(rest)
        if r_loose and len(r_loose) >= 2:
            out.append((r_loose, r_strict, True))
    return out
