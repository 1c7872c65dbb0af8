"""Amounts in news text: :func:`find_numbers`.

It finds amounts written in digits ("250,000", "1.5 million"), in words ("twenty-five",
"a dozen", "half a million") or vaguely ("dozens", "tens of thousands"), with the qualifier
just before them ("at least", "some" → ``about``) and a percent sign or word just after. It
leaves out what only looks like an amount: years ("in 2011"), days of a date ("27 November",
"27/11/2016"), times ("10 am"), identifiers ("URL 4016", "F-16"), ordinals and fractions
("a third of"), compounds ("two-year", "24-hour") and the pronoun "one" ("one of the").

The word tables are read by :mod:`frontline.extract.number_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from frontline.extract.dates import calendar_words
from frontline.extract.number_tables import NumberWords, kind_words, normal_phrase, number_words
from frontline.extract.prefilter import filtered

_MAX_DAY = 31
_QUALIFIER_WINDOW = 30  # characters looked at before a number for its qualifier
_WORD_SCALES = ("hundred", "thousand", "million", "billion", "dozen")
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*|[^\sA-Za-z\d]")  # a word, number or sign
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.']*)[\s:#]*\Z")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_GLUED_DAY_YEAR = re.compile(r"\d{1,2}(?:19|20)\d\d")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_FRACTION_OF = re.compile(r"\b(?:half|third|quarter|fifth|tenth)s?\s+of\s+\Z", re.I)
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """An amount in a text: ``text == source[start:end]``, qualifier and percent included.

    ``value`` is an ``int`` when whole; vague amounts carry their coded value (``dozens`` →
    24) with ``vague=True`` and the vague word as ``qualifier``.
    """

    start: int
    end: int
    text: str
    value: float | int
    qualifier: str | None
    vague: bool
    percent: bool


def _as_number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _prev_word(text: str, start: int) -> str:
    found = _PREV_WORD.search(text[max(0, start - 30) : start])
    return found.group(1) if found else ""


def _next_words(text: str, end: int, count: int) -> list[str]:
    words = []
    for token in TOKEN.finditer(text, end, min(len(text), end + 20 * count)):
        words.append(token.group())
        if len(words) == count:
            break
    return words


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """``two-year``, ``24-hour``, ``F-16``, ``no-one``: a number glued to a word by a hyphen."""
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
    return after or before


def _day_like(digits: str) -> bool:
    return digits.isdigit() and 1 <= int(digits) <= _MAX_DAY


def _beside_month(text: str, start: int, end: int, digits: str) -> bool:
    """A day of a date: "27 November", "November 27", "Nov. 27", "Apr 232017"."""
    prev = _prev_word(text, start).rstrip(".")
    if prev in calendar_words().months and (_day_like(digits) or _GLUED_DAY_YEAR.fullmatch(digits)):
        return True
    following = _next_words(text, end, 1)
    return bool(following) and following[0] in calendar_words().months and _day_like(digits)


def _is_year(text: str, start: int, end: int, lex: NumberWords) -> bool:
    """A bare 19xx/20xx is a year unless a head count follows or a kind word precedes it."""
    if lex.qualifier_before.search(text[max(0, start - _QUALIFIER_WINDOW) : start]):
        return False
    prev = _prev_word(text, start).lower().rstrip(".")
    if prev.capitalize() in calendar_words().months:
        return True
    kinds = kind_words().single_words
    if prev in kinds:
        return False
    if prev in lex.year_prepositions:
        return True
    following = [w.lower() for w in _next_words(text, end, 3)]
    return not any(w in lex.count_nouns or w in kinds for w in following)


def _digits_rejected(text: str, start: int, end: int, lex: NumberWords) -> bool:
    digits = text[start:end]
    if not _PLAIN_NUMBER.fullmatch(digits):
        return True  # 27/11/2016, 10:30, 18.05.2017, 2011-2012, 12,34
    if len(digits) > 1 and digits[0] == "0" and not digits.startswith("0."):
        return True  # 0914, 05
    before = text[start - 1] if start else " "
    if before.isalpha() or before in "$£€#+@_" or _hyphen_joined(text, start, end):
        return True
    if end < len(text) and (text[end].isalpha() or text[end] == "_"):
        return True  # 5km, 1980s, 27th
    if lex.time_after.match(text, end) or _beside_month(text, start, end, digits):
        return True
    prev = _prev_word(text, start).lower()
    if prev in lex.id_prefixes:
        return True
    following = [w.lower() for w in _next_words(text, end, 1)]
    if following and following[0] in lex.fraction_words:
        return True
    at_time = prev == "at" and _HHMM.fullmatch(digits) is not None
    return at_time and not any(w in lex.count_nouns for w in _next_words(text, end, 2))


def _parse_words(words: list[str], lex: NumberWords) -> tuple[int, int]:
    """The value of the longest number-word prefix of ``words`` and how many words it takes.

    ``(0, 0)`` when no prefix is a number. "a" counts as one before a multiplier only.
    """
    if len(words) >= 3 and words[:2] == ["half", "a"] and words[2] in _WORD_SCALES:
        multiplier = 12 if words[2] == "dozen" else lex.values.get(words[2], ("", 100))[1]
        return multiplier // 2, 3
    total, group, has_hundred, last, last_scale = 0, 0, False, "", 10**12
    best = (0, 0)
    for i, word in enumerate(words):
        cls, value = lex.values.get(word, ("", 0))
        if word == "a" and i == 0:
            group, last = 1, "a"
        elif word == "zero":
            return (0, 1) if i == 0 else best
        elif cls in ("unit", "teen", "tens") and last in ("", "hundred", "and", "scale"):
            group, last = group + value, cls
        elif cls == "unit" and last == "tens":
            group, last = group + value, "tensunit"
        elif word == "hundred" and last in ("unit", "teen", "a") and not has_hundred:
            group, has_hundred, last = group * 100, True, "hundred"
        elif cls == "scale" and last not in ("", "and", "scale") and value < last_scale:
            total, group, has_hundred, last_scale, last = (
                total + group * value,
                0,
                False,
                value,
                "scale",
            )
        elif word == "dozen" and last in ("unit", "teen", "a") and not has_hundred and not total:
            return group * 12, i + 1
        elif word == "and" and last in ("hundred", "scale"):
            last = "and"
        else:
            break
        if last not in ("a", "and"):
            best = (total + group, i + 1)
    return best


def _one_is_pronoun(text: str, start: int, end: int, lex: NumberWords) -> bool:
    if lex.one_not_before.match(text, end):
        return True
    return _prev_word(text, start).lower() in lex.one_not_after


def _words_mention(
    text: str, start: int, end: int, lex: NumberWords
) -> tuple[int, int, int] | None:
    """(start, end, value) of the number words in ``text[start:end]``, trimmed to the longest
    valid prefix; ``None`` (with nothing consumed) when there is none."""
    tokens = [
        (m.start() + start, m.end() + start, m.group().lower())
        for m in re.finditer(r"[A-Za-z]+", text[start:end])
    ]
    for skip in range(min(3, len(tokens))):
        value, used = _parse_words([t[2] for t in tokens[skip:]], lex)
        if used:
            return tokens[skip][0], tokens[skip + used - 1][1], value
    return None


def _words_rejected(text: str, start: int, end: int, value: int, lex: NumberWords) -> bool:
    if _hyphen_joined(text, start, end) or _FRACTION_OF.search(text, max(0, start - 20), start):
        return True
    if value == 1 and text[start:end].lower() == "one" and _one_is_pronoun(text, start, end, lex):
        return True
    if _prev_word(text, start).lower() in lex.id_prefixes:
        return True
    following = [w.lower() for w in _next_words(text, end, 1)]
    return bool(following) and following[0] in lex.fraction_words


def _mention(
    text: str, start: int, end: int, value: Decimal | int, lex: NumberWords
) -> NumberMention:
    """The mention of a definite amount: qualifier before and percent after attached."""
    qualifier = None
    window = max(0, start - _QUALIFIER_WINDOW)
    found = lex.qualifier_before.search(text[window:start])
    if found:
        qualifier = lex.qualifiers[normal_phrase(found.group(1))]
        start = window + found.start(1)
    percent = lex.percent_after.match(text, end)
    if percent:
        end = percent.end()
    number = _as_number(Decimal(value))
    return NumberMention(start, end, text[start:end], number, qualifier, False, bool(percent))


def _vague_mention(text: str, match: re.Match[str], lex: NumberWords) -> NumberMention | None:
    entry = lex.vague[normal_phrase(match.group())]
    if entry.needs_of:
        following = [w.lower() for w in _next_words(text, match.end(), 1)]
        if not following or (
            following[0] != "of" and following[0] not in kind_words().single_words
        ):
            return None
    start, end = match.span()
    return NumberMention(start, end, text[start:end], entry.value, entry.qualifier, True, False)


def _digits_mention(text: str, match: re.Match[str], lex: NumberWords) -> NumberMention | None:
    start, end = match.span()
    if _digits_rejected(text, start, end, lex):
        return None
    value = Decimal(text[start:end].replace(",", ""))
    scale = lex.scale_after.match(text, end)
    if scale:
        value *= (
            100 if scale.group(1).lower() == "hundred" else lex.values[scale.group(1).lower()][1]
        )
        end = scale.end()
    elif _YEAR_LIKE.fullmatch(text[start:end]) and _is_year(text, start, end, lex):
        return None
    return _mention(text, start, end, value, lex)


def _scan(text: str, lex: NumberWords) -> Iterator[NumberMention]:
    candidate = filtered(lex.candidate)  # searched in the lower-cased text where it can be
    if not candidate.possible(text):
        return
    pos = 0
    while (match := candidate.search(text, pos)) is not None:
        pos = match.end()
        if match.lastgroup == "vague":
            found = _vague_mention(text, match, lex)
        elif match.lastgroup == "digits":
            found = _digits_mention(text, match, lex)
        else:
            words = _words_mention(text, match.start(), match.end(), lex)
            if words is None:
                continue
            start, end, value = words
            pos = end
            found = None
            if not _words_rejected(text, start, end, value, lex):
                found = _mention(text, start, end, value, lex)
        if found is not None:
            yield found


def find_numbers(text: str) -> list[NumberMention]:
    """Every amount in ``text``, in order (see the module docstring for what is left out)."""
    return list(_scan(text, number_words()))
