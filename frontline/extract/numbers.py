"""Numbers in news text, and the counts they report.

:func:`find_numbers` finds amounts written in digits ("250,000", "1.5 million"), in words
("twenty-five", "a dozen", "half a million") or vaguely ("dozens", "tens of thousands"), with
the qualifier just before them ("at least", "some" → ``about``) and a percent sign or word just
after. It leaves out what only looks like an amount: years ("in 2011"), days of a date
("27 November", "27/11/2016"), times ("10 am"), identifiers ("URL 4016", "F-16"), ordinals and
fractions ("a third of"), compounds ("two-year", "24-hour") and the pronoun "one" ("one of the").

:func:`find_quantities` ties the numbers of one sentence to what they count (killed, injured,
displaced, besieged, captured, places, percent) by the words around them.

The word tables live in ``frontline/data/numbers.toml`` and ``frontline/data/quantities.toml``
(extend them there, not here); they are read on first use and kept for the process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.extract.dates import calendar_words
from frontline.extract.prefilter import filtered
from frontline.records import Quantity, Span

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NUMBERS_FILE = _DATA_DIR / "numbers.toml"
QUANTITIES_FILE = _DATA_DIR / "quantities.toml"

_MAX_DAY = 31
_QUALIFIER_WINDOW = 30  # characters looked at before a number for its qualifier
_TOLL_WINDOW = 150  # characters a "death toll" reaches forward
_AFTER_WORDS = 8  # words a kind word may follow its number by
_NOUN_WORDS = 3  # words searched for a number's noun
_CLAUSE_END = frozenset('.;!?:()[]"“”')
_WORD_SCALES = ("hundred", "thousand", "million", "billion", "dozen")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*|[^\sA-Za-z\d]")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.']*)[\s:#]*\Z")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_GLUED_DAY_YEAR = re.compile(r"\d{1,2}(?:19|20)\d\d")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an)\s+\Z", re.I)
_AND_JOINED = re.compile(r"(?:\s+[A-Za-z][\w-]*){0,3}\s+and\s+")
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


# ---------------------------------------------------------------------------------------------
# The word tables


@dataclass(frozen=True, slots=True)
class _Vague:
    value: int
    qualifier: str
    needs_of: bool


@dataclass(frozen=True, slots=True)
class _NumberWords:
    values: dict[str, tuple[str, int]]  # word -> (class, value): unit, teen, tens, scale
    vague: dict[str, _Vague]  # normalised phrase -> entry
    qualifiers: dict[str, str]
    candidate: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    percent_after: re.Pattern[str]
    time_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    id_prefixes: frozenset[str]
    fraction_words: frozenset[str]
    one_not_before: re.Pattern[str]
    one_not_after: frozenset[str]
    year_prepositions: frozenset[str]
    count_nouns: frozenset[str]


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(
            f"cannot read the {what} table {path}: {exc}; reinstall frontline"
        ) from exc


def _get(table: dict[str, Any], path: Path, *keys: str) -> Any:
    """``table[k1][k2]...``, or a SetupError naming the file and the missing key."""
    node: Any = table
    for depth, key in enumerate(keys):
        if not isinstance(node, dict) or key not in node:
            where = ".".join(keys[: depth + 1])
            raise SetupError(f"{path}: the key {where!r} is missing; add it (see the comments)")
        node = node[key]
    return node


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in p.split()) for p in ordered]
    return "|".join(parts) if parts else r"(?!x)x"


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _bounded(phrases: Iterable[str]) -> str:
    """``phrase_pattern`` with word boundaries that also suit phrases ending in "." or "%"."""
    return rf"(?<![\w.])(?:{_phrase_pattern(phrases)})(?![\w])"


@cache
def number_words() -> _NumberWords:
    """The tables of ``numbers.toml``, compiled (once per process)."""
    path = NUMBERS_FILE
    table = _read_toml(path, "number word")
    values: dict[str, tuple[str, int]] = {}
    for cls, key in (("unit", "units"), ("teen", "teens"), ("tens", "tens"), ("scale", "scales")):
        for word, value in _get(table, path, "words", key).items():
            values[word.lower()] = (cls, int(value))
    vague = {}
    for number, entry in enumerate(_get(table, path, "vague"), start=1):
        missing = {"phrase", "value", "qualifier"} - set(entry)
        if missing:
            raise SetupError(f"{path}: vague entry number {number} has no {sorted(missing)}")
        vague[_normal(entry["phrase"])] = _Vague(
            int(entry["value"]), str(entry["qualifier"]), bool(entry.get("needs_of", False))
        )
    qualifiers = {_normal(k): str(v) for k, v in _get(table, path, "qualifiers").items()}
    exclude = _get(table, path, "exclude")
    return _NumberWords(
        values=values,
        vague=vague,
        qualifiers=qualifiers,
        candidate=_candidate_pattern(values, vague),
        qualifier_before=re.compile(rf"(?<![\w])({_phrase_pattern(qualifiers)})\s+\Z", re.I),
        percent_after=re.compile(
            rf"\s*(?:{_phrase_pattern(_get(table, path, 'percent', 'suffixes'))})(?![\w])", re.I
        ),
        time_after=re.compile(
            rf"\s*{_bounded(_get(table, path, 'exclude', 'time_suffixes'))}", re.I
        ),
        scale_after=re.compile(r"\s+(hundred|thousand|million|billion)\b", re.I),
        id_prefixes=frozenset(w.lower() for w in _get(exclude, path, "id_prefixes")),
        fraction_words=frozenset(w.lower() for w in _get(exclude, path, "fraction_words")),
        one_not_before=re.compile(
            rf"\s+(?:{_phrase_pattern(_get(exclude, path, 'one_not_before'))})\b", re.I
        ),
        one_not_after=frozenset(w.lower() for w in _get(exclude, path, "one_not_after")),
        year_prepositions=frozenset(w.lower() for w in _get(exclude, path, "year_prepositions")),
        count_nouns=frozenset(w.lower() for w in _get(exclude, path, "count_nouns")),
    )


def _candidate_pattern(
    values: dict[str, tuple[str, int]], vague: dict[str, _Vague]
) -> re.Pattern[str]:
    word = _phrase_pattern([*values, "hundred", "dozen"])
    return re.compile(
        rf"(?P<vague>\b(?:{_phrase_pattern(vague)})\b)"
        rf"|(?P<words>\b(?:(?:half\s+)?a\s+)?(?:{word})(?:(?:\s+and\s+|\s+|-)(?:{word}))*\b)"
        r"|(?P<digits>\d+(?:[,.:/-]\d+)*)",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class _KindWords:
    roles: dict[str, tuple[tuple[str, str], ...]]  # normalised phrase -> ((kind, role), ...)
    pattern: re.Pattern[str]
    single_words: frozenset[str]
    places: frozenset[str]
    blocked: frozenset[str]
    scan_stops: frozenset[str]
    subgroup_before: re.Pattern[str]
    subgroup_after: re.Pattern[str]
    subgroup_next: re.Pattern[str]  # right after the number: "two of them"


@cache
def kind_words() -> _KindWords:
    """The tables of ``quantities.toml``, compiled (once per process)."""
    path = QUANTITIES_FILE
    table = _read_toml(path, "quantity")
    roles: dict[str, list[tuple[str, str]]] = {}
    for kind, entry in _get(table, path, "kind").items():
        for role in ("words", "before", "after", "toll"):
            for phrase in entry.get(role, []):
                roles.setdefault(_normal(phrase), []).append((kind, role))
    nouns = _get(table, path, "nouns")
    subgroup = _get(table, path, "subgroup")
    return _KindWords(
        roles={phrase: tuple(found) for phrase, found in roles.items()},
        pattern=re.compile(rf"\b(?:{_phrase_pattern(roles)})\b", re.I),
        single_words=frozenset(p for p in roles if " " not in p),
        places=frozenset(w.lower() for w in _get(nouns, path, "places")),
        blocked=frozenset(w.lower() for w in _get(nouns, path, "blocked")),
        scan_stops=frozenset(w.lower() for w in _get(nouns, path, "scan_stops")),
        subgroup_before=re.compile(
            rf"(?<![\w])(?:{_phrase_pattern(_get(subgroup, path, 'before'))})\s+\Z", re.I
        ),
        subgroup_after=re.compile(  # "among them" names the whole: "13 civilians among them"
            rf"\b(?:{_phrase_pattern(_get(subgroup, path, 'after'))})\b(?!\s+(?:them|whom)\b)",
            re.I,
        ),
        subgroup_next=re.compile(rf"\s+(?:{_phrase_pattern(subgroup.get('next', []))})\b", re.I),
    )


# ---------------------------------------------------------------------------------------------
# Numbers


def _as_number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _prev_word(text: str, start: int) -> str:
    found = _PREV_WORD.search(text[max(0, start - 30) : start])
    return found.group(1) if found else ""


def _next_words(text: str, end: int, count: int) -> list[str]:
    words = []
    for token in _TOKEN.finditer(text, end, min(len(text), end + 20 * count)):
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


def _is_year(text: str, start: int, end: int, lex: _NumberWords) -> bool:
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


def _digits_rejected(text: str, start: int, end: int, lex: _NumberWords) -> bool:
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


def _parse_words(words: list[str], lex: _NumberWords) -> tuple[int, int]:
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


def _one_is_pronoun(text: str, start: int, end: int, lex: _NumberWords) -> bool:
    if lex.one_not_before.match(text, end):
        return True
    return _prev_word(text, start).lower() in lex.one_not_after


def _words_mention(
    text: str, start: int, end: int, lex: _NumberWords
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


def _words_rejected(text: str, start: int, end: int, value: int, lex: _NumberWords) -> bool:
    if _hyphen_joined(text, start, end) or _FRACTION_OF.search(text, max(0, start - 20), start):
        return True
    if value == 1 and text[start:end].lower() == "one" and _one_is_pronoun(text, start, end, lex):
        return True
    if _prev_word(text, start).lower() in lex.id_prefixes:
        return True
    following = [w.lower() for w in _next_words(text, end, 1)]
    return bool(following) and following[0] in lex.fraction_words


def _mention(
    text: str, start: int, end: int, value: Decimal | int, lex: _NumberWords
) -> NumberMention:
    """The mention of a definite amount: qualifier before and percent after attached."""
    qualifier = None
    window = max(0, start - _QUALIFIER_WINDOW)
    found = lex.qualifier_before.search(text[window:start])
    if found:
        qualifier = lex.qualifiers[_normal(found.group(1))]
        start = window + found.start(1)
    percent = lex.percent_after.match(text, end)
    if percent:
        end = percent.end()
    number = _as_number(Decimal(value))
    return NumberMention(start, end, text[start:end], number, qualifier, False, bool(percent))


def _vague_mention(text: str, match: re.Match[str], lex: _NumberWords) -> NumberMention | None:
    entry = lex.vague[_normal(match.group())]
    if entry.needs_of:
        following = [w.lower() for w in _next_words(text, match.end(), 1)]
        if not following or (
            following[0] != "of" and following[0] not in kind_words().single_words
        ):
            return None
    start, end = match.span()
    return NumberMention(start, end, text[start:end], entry.value, entry.qualifier, True, False)


def _digits_mention(text: str, match: re.Match[str], lex: _NumberWords) -> NumberMention | None:
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


def _scan(text: str, lex: _NumberWords) -> Iterator[NumberMention]:
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


# ---------------------------------------------------------------------------------------------
# Quantities


@dataclass(frozen=True, slots=True)
class _KindHit:
    start: int
    end: int
    roles: tuple[tuple[str, str], ...]


def _kind_hits(text: str, kinds: _KindWords) -> list[_KindHit]:
    return [
        _KindHit(m.start(), m.end(), kinds.roles[_normal(m.group())])
        for m in filtered(kinds.pattern).finditer(text)
    ]


def _kind_of(hit: _KindHit, allowed: tuple[str, ...]) -> str | None:
    for kind, role in hit.roles:
        if role in allowed:
            return kind
    return None


def _noun_class(text: str, mention: NumberMention, hits: list[_KindHit], kinds: _KindWords) -> str:
    """``blocked``, ``places``, ``people`` or ``""``: what the noun after a number is."""
    hit_ends = {hit.start: hit.end for hit in hits}
    count_nouns = number_words().count_nouns
    seen = 0
    skip_to = mention.end
    for token in _TOKEN.finditer(text, mention.end, min(len(text), mention.end + 80)):
        if token.start() < skip_to:
            continue
        word = token.group().lower()
        if token.start() in hit_ends:  # "two besieged villages": look past the kind word
            skip_to = hit_ends[token.start()]
            word = "of"
        elif not word[0].isalpha() or word in kinds.scan_stops:
            return ""
        if word in kinds.blocked:
            return "blocked"
        if word in kinds.places:
            return "places"
        if word in count_nouns:
            return "people"
        if word != "of":
            seen += 1
            if seen == _NOUN_WORDS:
                return ""
    return ""


def _kind_before(text: str, mention: NumberMention, hits: list[_KindHit]) -> str | None:
    """A kind word right before the number ("killing at least 12")."""
    for hit in hits:
        if hit.end <= mention.start and not text[hit.end : mention.start].strip():
            return _kind_of(hit, ("words", "before"))
    return None


def _clause_clear(text: str, start: int, end: int, others: list[NumberMention]) -> bool:
    """No clause end and no other (non-subgroup) number between ``start`` and ``end``."""
    if any(ch in _CLAUSE_END for ch in text[start:end]):
        return False
    return not any(start <= other.start < end for other in others)


def _kind_from_toll(
    text: str, mention: NumberMention, hits: list[_KindHit], others: list[NumberMention]
) -> str | None:
    """ "the death toll rose to 20": a toll phrase earlier in the same clause."""
    for hit in reversed(hits):
        if hit.end <= mention.start and mention.start - hit.end <= _TOLL_WINDOW:
            kind = _kind_of(hit, ("toll",))
            if kind and _clause_clear(text, hit.end, mention.start, others):
                return kind
    return None


def _attributive(text: str, hit: _KindHit) -> bool:
    if hit.start and text[hit.start - 1] == "-":
        return True
    return _ATTRIBUTIVE.search(text, max(0, hit.start - 5), hit.start) is not None


def _kind_after(
    text: str, mention: NumberMention, hits: list[_KindHit], others: list[NumberMention]
) -> str | None:
    """A kind word a few words after the number ("12 people were killed"); ``""`` when the
    number is a subgroup ("Four children are among the dead")."""
    kinds = kind_words()
    for hit in hits:
        if hit.start < mention.end:
            continue
        between = text[mention.end : hit.start]
        if len(_TOKEN.findall(between)) > _AFTER_WORDS or not _clause_clear(
            text, mention.end, hit.start, others
        ):
            return None
        kind = _kind_of(hit, ("words", "after"))
        if kind and _attributive(text, hit):
            continue  # "the besieged area", "rebel-besieged": a description, not a verb
        if kind:
            return "" if kinds.subgroup_after.search(between) else kind
    return None


def _is_subgroup(text: str, mention: NumberMention) -> bool:
    window = text[max(0, mention.start - 40) : mention.start]
    return kind_words().subgroup_before.search(window) is not None


def _part_of_previous(text: str, previous: NumberMention, mention: NumberMention) -> bool:
    """ "Three people two of them children": a count of part of the number just before it
    ("killing 3 of them", with no number before, is a toll)."""
    near = mention.start - previous.end <= 40
    return (
        near and kind_words().subgroup_next.match(text, mention.end, mention.end + 20) is not None
    )


def _quantity_kind(
    text: str, mention: NumberMention, hits: list[_KindHit], others: list[NumberMention]
) -> str | None:
    if mention.percent:
        return "percent"
    noun = _noun_class(text, mention, hits, kind_words())
    if noun == "blocked":
        return None
    if noun == "places":
        return "places"
    kind = _kind_before(text, mention, hits)
    if kind is None:
        kind = _kind_after(text, mention, hits, others)
    if kind is None:
        kind = _kind_from_toll(text, mention, hits, others)
    return kind or None


def _joined_by_and(text: str, first: NumberMention, second: NumberMention) -> bool:
    """ "five children and two women": two numbers a few words apart, joined by "and"."""
    return _AND_JOINED.fullmatch(text, first.end, second.start) is not None


def _subgroups(text: str, mentions: list[NumberMention]) -> list[bool]:
    """Which mentions are subgroups: after "including" etc., or joined by "and" to one."""
    marks: list[bool] = []
    for i, mention in enumerate(mentions):
        chained = bool(marks) and marks[-1] and _joined_by_and(text, mentions[i - 1], mention)
        part = i > 0 and _part_of_previous(text, mentions[i - 1], mention)
        marks.append(chained or part or _is_subgroup(text, mention))
    return marks


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """The counts of ``text`` (one sentence, as a rule) tied to what they count.

    ``offset`` is where ``text`` starts in its document: spans are document offsets. Each
    number gives at most one quantity; subgroups ("including 2 women"), counts of munitions,
    vehicles, strikes or time, and amounts no kind word points at give none. A number joined
    by "and" to a counted one shares its kind ("killing nine children and 14 others").
    Summing disjoint tolls is the caller's business.
    """
    mentions = find_numbers(text)
    if not mentions:
        return []
    hits = _kind_hits(text, kind_words())
    subgroups = _subgroups(text, mentions)
    counted = [m for m, sub in zip(mentions, subgroups, strict=True) if not sub]
    quantities: list[Quantity] = []
    previous: tuple[NumberMention, str] | None = None
    for mention in counted:
        others = [m for m in counted if m is not mention]
        kind = _quantity_kind(text, mention, hits, others)
        if kind is None and previous and _joined_by_and(text, previous[0], mention):
            kind = previous[1] if previous[1] not in ("percent", "places") else None
        if kind is None:
            previous = None
            continue
        previous = (mention, kind)
        span = Span(offset + mention.start, offset + mention.end, mention.text)
        quantities.append(Quantity(kind, mention.value, mention.qualifier, span))
    return quantities
