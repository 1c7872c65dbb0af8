"""Attacks named as the cause of the one told, not told themselves.

"In response to the Khan Sheikhoun chemical attack the United States fired 59 Tomahawk
missiles at the Shayrat air base": the sentence tells the missile strike; the gas attack and
its town are its cause. A place inside such a cause is not the place of the event, and an
attack that "prompted" another is not told again. Triggers after "in response to" stay (the
rule cost batch B a strike told "last week" in response to the gas attack); an attack the
story "came after" is left alone: it is often told for itself ("comes one week after a
suicide bomber blew himself up ...").
"""

from __future__ import annotations

import re

# "in response to the ...", "in retaliation for the gas attack on", "punished for the ..."
_CAUSE_BEFORE = re.compile(
    r"\b(?:in (?:response|retaliation|reprisal|revenge) (?:to|for)|retaliat(?:e|ed|es|ing) for|"
    r"punish(?:ed|es|ing)? (?:\w+ ){0,3}for)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_CAUSE_AFTER = re.compile(
    r"^\s+(?:(?:which|that)\s+)?(?:had\s+|has\s+)?(?:prompted|triggered|provoked|sparked)\b",
    re.IGNORECASE,
)
# ... and a place named in such a cause is not the place of the attack it caused
_CAUSE_PLACE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}(?:attack|strike|massacre|bombing)s?\s+(?:(?:which|that)\s+)?"
    r"(?:had\s+|has\s+)?(?:prompted|triggered|provoked|sparked)\b",
    re.IGNORECASE,
)


def cause_trigger(text: str, start: int, end: int) -> bool:
    """Whether the trigger at ``start:end`` is an attack that "prompted" the one told."""
    return _CAUSE_AFTER.match(text[end : end + 40]) is not None


def named_as_cause(text: str, start: int, end: int) -> bool:
    """Whether the place or trigger at ``start:end`` belongs to an attack named as the cause of
    the one told ("in retaliation for the gas attack on Khan Sheikhoun", "the Khan Sheikhun
    strike prompted Washington to ...")."""
    return bool(
        _CAUSE_BEFORE.search(text[max(0, start - 80) : start])
        or _CAUSE_AFTER.match(text[end : end + 40])
        or _CAUSE_PLACE_AFTER.match(text[end : end + 60])
    )
