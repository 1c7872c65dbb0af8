"""Who says so: the party a sentence's claims are attributed to.

Recognises "X said", "X reported", "X told ...", "according to X", "citing X", "..., said X"
and quotes followed by "X said". The speaker's words are looked up in the speaker lexicon, then
in the actor lexicon (an actor speaking is attributed to its ``speaker`` name); a pronoun
("It later said", "he said") takes the last speaker or actor of the discourse, which the caller
passes in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontline.extract.lexicon import ADJECTIVE, Match, actor_lexicon, actors, speaker_lexicon
from frontline.extract.prefilter import filtered

_VERBS = (
    r"said|says|say|reported|reports|report|told|tells|announced|announces|stated|states|"
    r"claimed|claims|added|confirmed|confirms|quoted|noted|declared|documented|estimated"
)
_WORD = re.compile(r"[\w'’.\-]+")
# Words between a speaker and its verb ("X also said", "X said on Monday", "X said in a statement").
_BETWEEN = {"also", "later", "earlier", "previously", "had", "has", "have", "was", "quoted", "as"}
_WHO_WORDS = 8
_NOT_AFTER_SPEAKER = {"according to", "citing", "cited by", "quoting"}
_ANY_VERB = re.compile(
    r"\b(?:" + _VERBS + r"|according to|citing|cited by|quoting)\b", re.IGNORECASE
)
_WINDOW = 120
# "..., said X" after a quote or a comma, or "... said X." closing the sentence.
_NAME = r"(?:the\s+)?[A-Z][\w'’.\-]*(?:[ ,]+[\w'’.\-]+){0,6}"
_WHO_AFTER = re.compile(
    r"[\"”,]\s*(?P<verb>" + _VERBS + r")\s+(?P<who>" + _NAME + r"|the (?:statement|report)\b)"
)
_WHO_AFTER_END = re.compile(r"\s(?P<verb>" + _VERBS + r")\s+(?P<who>" + _NAME + r"?)\W*\Z")
_ACCORDING = re.compile(
    r"\b(?P<verb>according to|citing|cited by|quoting)\s+(?P<who>(?:[\w'’.\-]+[ ]*){1,8})",
    re.IGNORECASE,
)
_STOP_BEFORE = re.compile(
    r"^.*(?:[\"“”;:]|\b(?:that|which|who|while|as|and|but|when|after|before|where|because|"
    r"the group|the statement)\b)\s*",
    re.IGNORECASE,
)
_STOP_AFTER = re.compile(
    r"[,;:\"“”(]|\s(?:that|which|who|on|in|as|after|when|told|said|adding|saying)\s",
    re.IGNORECASE,
)
# Words that may follow a known speaker's name and still belong to it ("SANA news agency").
_SPEAKER_TAIL = re.compile(
    r"(?:\s+(?:news|agency|tv|television|channel|radio|network|monitor(?:ing)?|group|media|"
    r"office|cent(?:re|er)))+",
    re.IGNORECASE,
)
_ROLE_OF = re.compile(
    r",?\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|official|member|head|"
    r"director|commander|chief|activist|leader|correspondent|officer)\s+(?:for|of|with|at|in)\s+"
    r"(?:the\s+)?(?P<org>[^,.;\"”]{3,60})",
    re.IGNORECASE,
)
_PERSONAL = {"he", "she", "we", "i"}
_PRONOUNS = {"it", "they", "the group", "the statement", "the report", "the source", "the sources"}
_GROUP_WORDS = re.compile(
    r"\b(?:activists?|sources?|officials?|witness(?:es)?|residents?)\b", re.IGNORECASE
)
_NAME_LINKS = {"of", "the", "for", "al", "bin", "abu", "ibn", "de", "and"}
_HEDGES = re.compile(
    r"\b(?:claimed|claims|it is claimed|allegedly|reportedly|purportedly|unconfirmed|"
    r"could not be (?:independently )?verified)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|rejected claims|dismissed (?:the )?claims?)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The claimant of one sentence; offsets are local to the sentence."""

    speaker: str | None
    words: str
    start: int
    end: int
    verb: str
    pronoun: bool


def _clean_who(words: str, *, before: bool) -> str:
    if before:
        words = _STOP_BEFORE.sub("", words)
    else:
        cut = _STOP_AFTER.search(" " + words + " ")
        if cut:
            words = (" " + words + " ")[: cut.start()]
    return words.strip(" ,.'’\"")


def _up_to_speaker(words: str) -> str:
    """The words up to the known speaker they name and its tail ("SANA news agency
    terrorists fired ..." -> "SANA news agency"): what follows is the claim, not the speaker."""
    hits = speaker_lexicon().find(words)
    if not hits:
        return words
    end = hits[-1].end
    tail = _SPEAKER_TAIL.match(words, end)
    return words[: tail.end() if tail else end]


def _wider(outer: Match, inner: Match) -> bool:
    """Whether ``outer`` covers ``inner`` and more."""
    return outer.start <= inner.start and inner.end <= outer.end and outer.text != inner.text


def _canonical(words: str, person: str | None, party: str | None) -> tuple[str | None, bool]:
    """(canonical speaker, whether the words were a pronoun)."""
    low = words.lower()
    if low in _PERSONAL:
        return person, True
    if low in _PRONOUNS:
        return party or person, True
    return _named(words), False


@lru_cache(maxsize=16384)
def _named(words: str) -> str | None:
    """The speaker that words other than a pronoun name. Memoised: the same few speakers
    ("the Syrian Observatory for Human Rights", "activists") speak in article after article."""
    hits = speaker_lexicon().find(words)
    actor_hits = actor_lexicon().find(words)
    if hits and not any(_wider(a, hits[-1]) for a in actor_hits):
        return hits[-1].key
    if actor_hits:  # also "The Army of Conquest said", which holds the speaker "the army"
        return actors()[actor_hits[-1].key.removesuffix(ADJECTIVE)].speaker
    group = _GROUP_WORDS.search(words)
    if group:  # "activists in Aleppo", "a military source": keep from the group word on
        start = words.rfind(" ", 0, group.start()) + 1
        return " ".join(words[start:].split()[:5])
    parts = words.split()
    if len(parts) <= 5 and all(p[:1].isupper() or p.lower() in _NAME_LINKS for p in parts):
        return words
    return None


# "... into neighbouring Turkey an activist said": an unnamed speaker, told with "a"/"an",
# begins at its article; the words before it are the claim.
_UNNAMED_SPEAKER = re.compile(
    r"\b(?:a|an)\s+(?:[\w'’-]+\s+)?(?:activist|source|official|witness|resident)\W*$",
    re.IGNORECASE,
)


def _from_unnamed_speaker(words: str) -> str:
    """The words before a speech verb cut to an unnamed speaker ("an activist") they end with."""
    unnamed = _UNNAMED_SPEAKER.search(words)
    return words[unnamed.start() :] if unnamed else words


def _speakers_after(sentence: str, verbs: list[re.Match[str]]) -> list[tuple[int, int, int, str]]:
    """(rank, who start, who end, verb) for "according to X", '..." said X' and "... said X."."""
    found = [
        (0, m.start("who"), m.end("who"), m.group("verb")) for m in _ACCORDING.finditer(sentence)
    ]
    found += [
        (1, m.start("who"), m.end("who"), m.group("verb")) for m in _WHO_AFTER.finditer(sentence)
    ]
    tail = [v for v in verbs if len(sentence) - v.end() < 90][-1:]
    for v in tail:  # only a verb near the end can be followed by its speaker and nothing else
        m = _WHO_AFTER_END.search(sentence, v.start() - 1)
        if m is not None:
            found.append((1, m.start("who"), m.end("who"), m.group("verb")))
    return found


def _speakers_before(sentence: str, verbs: list[re.Match[str]]) -> list[tuple[int, int, int, str]]:
    """(rank, start, end, verb) of the words before each speech verb ("The Observatory said")."""
    found = []
    for verb in verbs:
        if verb.group(0).lower() in _NOT_AFTER_SPEAKER:
            continue
        words = list(_WORD.finditer(sentence, max(0, verb.start() - _WINDOW), verb.start()))
        while words and words[-1].group(0).lower() in _BETWEEN:
            words.pop()
        if len(words) >= 2 and words[-2].group(0).lower() == "on":  # "said on Monday"
            words = words[:-2]
        if len(words) >= 3 and " ".join(w.group(0).lower() for w in words[-3:]) == "in a statement":
            words = words[:-3]
        if words:
            words = words[-_WHO_WORDS:]
            found.append((2, words[0].start(), words[-1].end(), verb.group(0)))
    return found


def find_attribution(
    sentence: str, person: str | None = None, party: str | None = None
) -> Attribution | None:
    """The speaker a sentence attributes its claims to, or None when it is the outlet's own.

    ``person`` is the last speaker (for "he said"), ``party`` the speaker name of the last
    acting party (for "It later said").
    """
    verbs = list(filtered(_ANY_VERB).finditer(sentence))
    if not verbs:
        return None
    candidates: list[tuple[int, Attribution]] = []
    spans = [(*c, False) for c in _speakers_after(sentence, verbs)]
    spans += [(*c, True) for c in _speakers_before(sentence, verbs)]
    for rank, who_start, who_end, verb, before in spans:
        raw = sentence[who_start:who_end]
        words = _clean_who(raw, before=before)
        words = _up_to_speaker(words) if not before else _from_unnamed_speaker(words)
        if not words:
            continue
        speaker, pronoun = _canonical(words, person, party)
        if (
            speaker == words and raw != words
        ):  # a bare name: a known speaker in the fuller words wins
            fuller, _ = _canonical(raw, person, party)
            if fuller is not None and fuller != raw:
                speaker = fuller
        if speaker is None and not pronoun:
            continue
        org = _ROLE_OF.match(sentence, who_end) if not before else None
        if org is not None:  # "said Ibrahim Abu Al-Leith, a spokesman for the White Helmets"
            org_speaker, _ = _canonical(org.group("org").strip(), person, party)
            if org_speaker is not None:
                speaker = org_speaker
        found = raw.find(words)
        start = who_start + max(found, 0)
        end = sentence.find(verb, who_end) + len(verb) if before else start + len(words)
        attribution = Attribution(speaker, words, start, end, verb.lower(), pronoun)
        candidates.append((rank, attribution))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1].start))
    return candidates[0][1]


def certainty_of(sentence: str, attribution: Attribution | None) -> str:
    """``denied``, ``claimed`` (hedged or a party's claim) or ``reported``."""
    if filtered(_DENIAL).search(sentence):
        return "denied"
    if filtered(_HEDGES).search(sentence) or (
        attribution is not None and attribution.verb in {"claimed", "claims"}
    ):
        return "claimed"
    return "reported"
