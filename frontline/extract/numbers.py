"""The counts that numbers in news text report: :func:`find_quantities`.

It ties the numbers of one sentence (found by :func:`frontline.extract.numerals.find_numbers`,
importable from here too) to what they count (killed, injured, displaced, besieged, captured,
places, percent) by the words around them. The words live in
``frontline/data/quantities.toml`` (see :mod:`frontline.extract.number_tables`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from frontline.extract.number_tables import KindWords, kind_words, normal_phrase, number_words
from frontline.extract.numerals import TOKEN, NumberMention, find_numbers
from frontline.extract.prefilter import filtered
from frontline.records import Quantity, Span

__all__ = ["NumberMention", "find_numbers", "find_quantities", "kind_words", "number_words"]

_TOLL_WINDOW = 150  # characters a "death toll" reaches forward
_AFTER_WORDS = 8  # words a kind word may follow its number by
_PASSIVE_WORDS = 25  # ... when it is the passive verb of the number's clause ("were killed")
_PASSIVE = re.compile(r"\b(?:were|was|have been|has been|had been)\s+\Z", re.I)
_NOUN_WORDS = 3  # words searched for a number's noun
_CLAUSE_END = frozenset('.;!?:()[]"“”')
_ASIDE = re.compile(r"\((?:\s*[^\W\d][\w-]*){1,4}\s*\)")  # "(Daesh)", "(pro-regime militia)"
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an)\s+\Z", re.I)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.I)
_AND_JOINED = re.compile(r"(?:\s+[A-Za-z][\w-]*){0,3}\s+and\s+")
# ... and, sharing a kind, one more word ("19 fighters from the group and four civilians")
_AND_SHARED = re.compile(r"(?:\s+[A-Za-z][\w-]*){0,4}\s+and\s+")


@dataclass(frozen=True, slots=True)
class _KindHit:
    start: int
    end: int
    roles: tuple[tuple[str, str], ...]


def _kind_hits(text: str, kinds: KindWords) -> list[_KindHit]:
    return [
        _KindHit(m.start(), m.end(), kinds.roles[normal_phrase(m.group())])
        for m in filtered(kinds.pattern).finditer(text)
    ]


def _kind_of(hit: _KindHit, allowed: tuple[str, ...]) -> str | None:
    for kind, role in hit.roles:
        if role in allowed:
            return kind
    return None


def _noun_class(text: str, mention: NumberMention, hits: list[_KindHit], kinds: KindWords) -> str:
    """``blocked``, ``places``, ``people`` or ``""``: what the noun after a number is."""
    hit_ends = {hit.start: hit.end for hit in hits}
    count_nouns = number_words().count_nouns
    seen = 0
    skip_to = mention.end
    for token in TOKEN.finditer(text, mention.end, min(len(text), mention.end + 80)):
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
    """A kind word right before the number ("killing at least 12", "killed another six")."""
    between = kind_words().between
    for hit in hits:
        gap = text[hit.end : mention.start]
        if hit.end <= mention.start and (not gap.strip() or normal_phrase(gap) in between):
            return _kind_of(hit, ("words", "before"))
    return None


def _kind_right_after(text: str, mention: NumberMention, hits: list[_KindHit]) -> str | None:
    """A kind word right after the number ("More than 150 Injured"): it names what the number
    counts, whatever kind word came before (a headline's "57 Civilians killed More than 150
    Injured")."""
    for hit in hits:
        if hit.start >= mention.end and _RIGHT_AFTER.fullmatch(text, mention.end, hit.start):
            return _kind_of(hit, ("words", "after"))
    return None


def _clause_clear(text: str, start: int, end: int, others: list[NumberMention]) -> bool:
    """No clause end and no other (non-subgroup) number between ``start`` and ``end``; a short
    aside in brackets is no clause end ("At least 23 ISIS (Daesh) militants have been killed")."""
    if any(ch in _CLAUSE_END for ch in _ASIDE.sub(" ", text[start:end])):
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
    """A kind word a few words after the number ("12 people were killed"), or the passive verb
    of its clause further on ("At least 86 members of Syrian government forces and its allies
    who include ... were killed"); ``""`` when the number is a subgroup ("Four children are
    among the dead")."""
    kinds = kind_words()
    for hit in hits:
        if hit.start < mention.end:
            continue
        between = text[mention.end : hit.start]
        reach = _PASSIVE_WORDS if _PASSIVE.search(text, 0, hit.start) else _AFTER_WORDS
        if len(TOKEN.findall(between)) > reach or not _clause_clear(
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
    return (
        kind_words().subgroup_before.search(window) is not None
        or _LATER_IN_LIST.search(window) is not None
    )


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
    right_after = _kind_right_after(text, mention, hits)
    if kind is not None and right_after is not None:
        kind = right_after  # a headline's "57 Civilians killed More than 150 Injured"
    if kind is None:
        kind = _kind_after(text, mention, hits, others)
    if kind is None:
        kind = _kind_from_toll(text, mention, hits, others)
    return kind or None


def _joined_by_and(
    text: str, first: NumberMention, second: NumberMention, joined: re.Pattern[str] = _AND_JOINED
) -> bool:
    """ "five children and two women": two numbers a few words apart, joined by "and"."""
    return joined.fullmatch(text, first.end, second.start) is not None


def _subgroups(text: str, mentions: list[NumberMention]) -> list[bool]:
    """Which mentions are subgroups: after "including" etc., or joined by "and" to one; and
    which are tolls the sentence replaces ("an earlier toll of 15"), when it gives another."""
    marks: list[bool] = []
    for i, mention in enumerate(mentions):
        chained = (
            bool(marks)
            and marks[-1]
            and _joined_by_and(text, mentions[i - 1], mention)
            and not _VERB_BETWEEN.search(text, mentions[i - 1].end, mention.start)
        )  # "two children were killed and 12 other civilians": a new count after the verb
        part = i > 0 and _part_of_previous(text, mentions[i - 1], mention)
        marks.append(chained or part or _is_subgroup(text, mention))
    superseded = kind_words().superseded
    replaced = [
        superseded.search(text, max(0, m.start - 80), m.start) is not None for m in mentions
    ]
    if not all(mark or old for mark, old in zip(marks, replaced, strict=True)):
        marks = [mark or old for mark, old in zip(marks, replaced, strict=True)]
    return marks


def _shared_back(
    text: str, counted: list[NumberMention], blocked: list[NumberMention], hits: list[_KindHit]
) -> dict[int, str]:
    """Counts that take their kind from the next count they are joined to by "and" ("Some 120
    ISIS fighters and 60 foreign mercenaries were killed": both killed), by their index."""
    shared: dict[int, str] = {}
    for i in range(len(counted) - 1):
        first, second = counted[i], counted[i + 1]
        if first in blocked or second in blocked:
            continue
        if not _joined_by_and(text, first, second, _AND_SHARED):
            continue
        if first.value == 1 or second.qualifier == "up to" or _BETWEEN.search(text, 0, first.start):
            continue  # one victim is added by _single_people; "between 7 and 12": a range
        others = [m for m in counted if m is not first and m not in blocked]
        if _quantity_kind(text, first, hits, others) is not None:
            continue
        if _noun_class(text, first, hits, kind_words()) in ("blocked", "places"):
            continue
        rest = [m for m in counted if m is not second and m not in blocked]
        kind = _quantity_kind(text, second, hits, rest)
        if kind is not None and kind not in _NOT_SHARED:
            shared[i] = kind
    return shared


def _one_victim(text: str, offset: int) -> list[Quantity]:
    """A toll of one for a victim told without a number ("claiming the life of a woman"), or of
    as many as are listed ("killing a man and a woman")."""
    found = kind_words().one_victim.search(text)
    if found is None:
        return []
    word = found.group("after") or found.group("before")
    start = found.start("after") if found.group("after") else found.start("before")
    victims, end = 1, start + len(word)
    while (more := kind_words().more_victims.match(text, end)) is not None:
        victims, end = victims + 1, more.end()  # "killing a man and a woman": two
    return [
        Quantity("killed", victims, None, Span(offset + start, offset + start + len(word), word))
    ]


def _single_people(text: str, mention: NumberMention, kind: str) -> int:
    """One person named beside a count of dead or wounded adds one to it ("A woman and her
    three children as well as another child were killed": 3 + 2)."""
    if kind not in ("killed", "injured") or mention.vague:
        return 0
    kinds = kind_words()
    before = kinds.single_before.search(text, max(0, mention.start - 40), mention.start)
    after = kinds.single_after.match(text, mention.end)
    return int(before is not None) + int(after is not None)


_AND_MORE_BEFORE = re.compile(r"\band\s+\Z", re.I)
_AND_MORE_AFTER = re.compile(r"\s+(?:more|other|others)\b", re.I)
_NAMED_WORDS = 20  # words a named victim may take between the verb and "and N more"
# the verbs that take the named victim as their object ("killing <name> and eight more")
_NAMING_VERB = re.compile(
    r"(?:kill(?:s|ed|ing)?|execut(?:es|ed|ing)|slaughtered|massacred)\Z", re.I
)
_NEW_CLAUSE = re.compile(
    r"\b(?:that|which|who|whom|said|says|added|while|when|as|were|was)\b", re.I
)


def _named_and_more(
    text: str, mention: NumberMention, hits: list[_KindHit], others: list[NumberMention]
) -> bool:
    """ "killing Amin Sameer al-Ruz a field commander of the group and eight more militants":
    one victim named, then a count of the others (a toll of the count plus one)."""
    if not _AND_MORE_AFTER.match(text, mention.end):
        return False
    if not _AND_MORE_BEFORE.search(text, max(0, mention.start - 6), mention.start):
        return False
    for hit in reversed(hits):
        if hit.end > mention.start:
            continue
        named = text[hit.end : mention.start - 4]
        return (
            _NAMING_VERB.search(text, hit.start, hit.end) is not None
            and not _PASSIVE.search(text, 0, hit.start)  # "were killed ... and dozens more"
            and not _NEW_CLAUSE.search(named)
            and not any(other.start < hit.start for other in others)  # a count before: passive
            and 0 < len(TOKEN.findall(named)) <= _NAMED_WORDS
            and _clause_clear(text, hit.end, mention.start, others)
        )
    return False


_NOT_SHARED = ("percent", "places")
_RIGHT_AFTER = re.compile(r"\s+")
_VERB_BETWEEN = re.compile(r"\b(?:were|was|are|is|have|has|had)\b", re.I)
# A count later in a subgroup's list: "6 civilians including a woman and two children"
_LATER_IN_LIST = re.compile(
    r"\b(?:including|among them|mostly)\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}?and\s+\Z", re.I
)
# Words after a count that name no particular people ("killing 17 and ...", "17 people")
_GENERIC_NOUNS = frozenset({"", "and", "people", "persons", "dead", "in", "on", "at", "of", "as"})
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|gave|gives|giving)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?toll\b(?:\s+[\w-]+){0,4}?\s+at(?:\s+(?:least|most|about|around))*\s+\Z",
    re.I,
)
_ADDED_NOUNS = frozenset({"more", "other", "others", "additional"})
_RANGE_JOIN = re.compile(r"\s+(?:and|to|-)\s+\Z", re.I)


def _blocked(text: str, mentions: list[NumberMention], hits: list[_KindHit]) -> list[NumberMention]:
    """The amounts of munitions, vehicles, time, money, ages...: a blocked noun after the
    number, or after the number that closes its range ("between 7 and 12 years old")."""
    kinds = kind_words()
    blocked = [m for m in mentions if _noun_class(text, m, hits, kinds) == "blocked"]
    for first, second in pairwise(mentions):
        if second in blocked and _RANGE_JOIN.match(text[first.end : second.start] + " "):
            blocked.append(first)
    return blocked


def _noun_after(text: str, end: int) -> str:
    words = [t.group().lower() for t in TOKEN.finditer(text, end, min(len(text), end + 40))]
    return words[0] if words else ""


def _said_again(text: str, mention: NumberMention, said: set[tuple[float | int, str]]) -> bool:
    """The same count of the same people said twice in one sentence, as when a headline runs
    into the lead ("29 rebels dead in Syria ... At least 29 rebels died"): counted once. A
    count that names no people of its own ("killing 17 and sending ... 17 people were
    killed") is the same count too; "17 soldiers and 17 rebels" are two."""
    noun = _noun_after(text, mention.end)
    if noun in _ADDED_NOUNS:
        return False
    return any(
        value == mention.value and (earlier == noun or _GENERIC_NOUNS & {earlier, noun})
        for value, earlier in said
    )


def _other_estimate(text: str, mention: NumberMention) -> bool:
    """A second source's figure for the toll just given ("killed 40 civilians Saturday while
    the Local Coordination Committees put the toll in opposition areas at 45 dead"): an
    estimate of the same dead, not more dead."""
    return bool(_ESTIMATE_BEFORE.search(text, max(0, mention.start - 60), mention.start))


def _part_elsewhere(text: str, mention: NumberMention, parts: list[NumberMention]) -> bool:
    """A death count that the sentence also gives as part of a larger count ("Troops kill 10
    children - ... said 10 children and 13 rebels were among 48 people executed")."""
    key = (mention.value, _noun_after(text, mention.end))
    return any(key == (p.value, _noun_after(text, p.end)) for p in parts)


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
        return _one_victim(text, offset)
    hits = _kind_hits(text, kind_words())
    subgroups = _subgroups(text, mentions)
    counted = [m for m, sub in zip(mentions, subgroups, strict=True) if not sub]
    # "Six civilians from one family were killed": a count of families or munitions does not
    # stand between a count of people and its verb
    blocked = _blocked(text, counted, hits)
    amounts = [m for m in counted if m not in blocked]
    quantities: list[Quantity] = []
    said: set[tuple[float | int, str]] = set()  # the killed counts so far, and their nouns
    killed: list[NumberMention] = []
    kept: list[NumberMention] = []
    previous: tuple[NumberMention, str] | None = None
    shared = _shared_back(text, counted, blocked, hits)
    for index, mention in enumerate(counted):
        others = [m for m in amounts if m is not mention]
        ranged = mention in blocked and not mention.percent  # "between 7 and 12 years old"
        kind = None if ranged else _quantity_kind(text, mention, hits, others)
        kind = kind or shared.get(index)
        if kind is None and previous and previous[1] not in _NOT_SHARED and mention not in blocked:
            kind = previous[1] if _joined_by_and(text, previous[0], mention) else None
        named = kind is None and _named_and_more(text, mention, hits, others)
        if named:
            kind = "killed"  # "killing <a named commander> and eight more militants": nine
        if kind is None:
            previous = None
            continue
        previous = (mention, kind)
        if kind == "killed":
            killed.append(mention)
            if _said_again(text, mention, said) or (said and _other_estimate(text, mention)):
                continue
            said.add((mention.value, _noun_after(text, mention.end)))
        span = Span(offset + mention.start, offset + mention.end, mention.text)
        kept.append(mention)
        value = mention.value + (1 if named else _single_people(text, mention, kind))
        quantities.append(Quantity(kind, value, mention.qualifier, span))
    parts = [m for m in mentions if m not in killed]
    counts = [
        q
        for q, m in zip(quantities, kept, strict=True)
        if q.kind != "killed" or not _part_elsewhere(text, m, parts)
    ]
    return counts if killed else counts + _one_victim(text, offset)
