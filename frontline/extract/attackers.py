"""Attackers the claim's own words leave unnamed, or name in doubt.

A weapon alone may name its force (barrel bombs are the Syrian government's); a sentence may
leave the attacker open between two ("Syrian or Russian jets") or name two allies striking
together, after which a strike on another day may be either's; and a facility hit takes the
attacker of the strike told with it. :mod:`frontline.extract.roles` uses these (and re-exports
them) when it codes who did what.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from frontline.extract.clauses import SentenceParts, TriggerHit
from frontline.extract.selection import EXPLOSIONS
from frontline.records import Event

GOVERNMENT = "Military Forces of Syria"
GOVERNMENT_CAMP = {
    GOVERNMENT,
    "Military Forces of Russia",
    "Iranian forces and militias",
    "Hezbollah",
}
_VIOLENT = {EXPLOSIONS, "Battles", "Violence against civilians"}
# "Syrian or Russian jets", "either the regime or Russia", "jets of the Syrian regime or its
# ally Russia": one of two, so nobody in particular.
# The countries count as their forces ("warplanes either Russia or Syrian").
HESITANT = re.compile(
    r"\b(?:syrian?|russian?|regime|government|assad|turkish|coalition)(?:['’]?s)?\s+"
    r"(?:\w+\s+)?or\s+(?:(?:the|its|their)\s+)?(?:(?:ally|allies|backer)\s+)?"
    r"(?:syrian?|russian?|regime|government|assad|turkish|"
    r"coalition|us|u\.s\.|american)\b"
    # "by Syrian warplanes or those of Damascus's ally Russia"
    r"|\b(?:syrian|russian|regime|government|assad|turkish|coalition)(?:['’]?s)?\s+"
    r"(?:\w+\s+)?or\s+(?:those|that)\s+of\b",
    re.IGNORECASE,
)
# Every match of HESITANT holds "or" between white space: a text without it needs no search.
OR_WORD = re.compile(r"\s[oO][rR]\s")  # (no other character folds to o or r in re)
# Barrel bombs are dropped from the Syrian air force's helicopters only (ACLED codes them to the
# regime): an unnamed barrel bomb is the government's (GUIDELINE_EXTENSIONS.md, conventions).
_BARREL_BOMB = re.compile(r"\bbarrel[- ]?bomb", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:\"“”]")
# Actors acting jointly: the first named stands for them ("Hizballah and Syrian regime forces").
COORDINATED = re.compile(
    r"^\s*(?:,|and|&|along with|together with|and what it called(?: other)?|or|"
    r"and (?:other|allied|affiliated))\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def implied_attacker(hit: TriggerHit, parts: SentenceParts) -> str | None:
    """The force a weapon alone names: barrel bombs are the Syrian government's, when they are
    the strike's own weapon (the trigger or in its clause, not a quote that follows)."""
    if hesitant(parts):
        return None
    for m in _BARREL_BOMB.finditer(parts.text):
        left, right = sorted((m.start(), hit.start))
        if right - left <= 80 and not _CLAUSE_BREAK.search(parts.text[left:right]):
            return GOVERNMENT
    return None


def joint_strikers(parts: SentenceParts) -> bool:
    """Whether the sentence names two allied forces striking together ("the Assad regime and
    Russian air forces carried out ..."): a later raid on another day may be either's."""
    return any(
        a.name != b.name
        and {a.name, b.name} <= GOVERNMENT_CAMP
        and COORDINATED.match(parts.text[a.end : b.start]) is not None
        for a, b in zip(parts.actors, parts.actors[1:], strict=False)
    )


def told_on_another_day(parts: SentenceParts, day: date | None) -> bool:
    """Whether the sentence dates what it tells to a day of its own other than ``day``."""
    own = [d.date for d in parts.dates if not d.reporting]
    return bool(own) and day not in own


def hesitant(parts: SentenceParts) -> bool:
    """Whether the sentence leaves the attacker open between two ("Syrian or Russian jets")."""
    return OR_WORD.search(parts.text) is not None and HESITANT.search(parts.text) is not None


def share_facility_attackers(events: list[Event]) -> list[Event]:
    """A facility hit is coded in addition to the strike or attack that hit it, at its place and
    day (data/gold/README.md): with no attacker of its own, it takes that event's."""
    out: list[Event] = []
    for event in events:
        if event.sub_event_type == "Infrastructure" and event.actor1 is None:
            attack = next(
                (
                    other
                    for other in events
                    if other.event_type in _VIOLENT
                    and other.actor1 is not None
                    and (other.evidence, other.location) == (event.evidence, event.location)
                ),
                None,
            )
            if attack is not None:
                event = replace(event, actor1=attack.actor1)
        out.append(event)
    return out
