"""Attacks a group claims: the attacker of bombings the story tells without naming one.

Wire copy often tells a bombing first and who claimed it later, or the other way round: "The
Daesh group claimed responsibility for the attack. Media reports said a truck loaded with
large quantities of explosives blew up on the western edge of the town of Qamishli". The
claimant is the attacker (actor1) of the story's bombings that name none: those told before
the claim, and those told after it (through the discourse memory of each kind's attacker).
A group that "admitted to using forbidden weapons" is the attacker of the shelling and the gas
attacks the story tells without one. "No group has claimed responsibility" names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontline.extract.clauses import ActorHit
from frontline.records import Event

# The kinds of attack a group claims or admits: bombings, shelling, gas (never air strikes).
CLAIMED_KINDS = (
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
    "Shelling/artillery/missile attack",
)
_CLAIM = re.compile(
    r"\b(?:claimed|claims|claiming|took|takes|admitted)\s+(?:the\s+)?responsibility\b|"
    r"\bsaid it (?:had )?carried out the (?:[\w-]+\s+)?(?:attack|bombing|blast|explosion)s?\b|"
    r"\badmit(?:s|ted)?\s+(?:to\s+)?using\b",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|explosions?)\b", re.I)
_NOBODY = re.compile(
    r"\b(?:no|nobody|none|not|yet to|neither)\b(?:\s+[\w-]+){0,4}\s*$", re.IGNORECASE
)


def claimant(text: str, subject: str | None) -> str | None:
    """The group a sentence says claimed an attack (its subject), or None."""
    if subject is None or subject == "Civilians":
        return None
    claim = _CLAIM.search(text)
    if claim is None or _NOBODY.search(text[max(0, claim.start() - 40) : claim.start()]):
        return None
    return subject


def labelled_attacker(text: str, actors: Sequence[ActorHit]) -> str | None:
    """The party a state-media label names ("A double terrorist attack in the western Syrian
    city of Homs"): Syrian rebels (or, in a story about the Islamic State, that group)."""
    for actor in actors:
        if (
            actor.adjective
            and actor.text.lower() == "terrorist"
            and _LABELLED.match(text, actor.end)
        ):
            return actor.name
    return None


def credit_claimant(events: list[Event], group: str) -> None:
    """Give ``group`` as attacker to the bombings told so far with none (in place)."""
    for i, event in enumerate(events):
        if event.actor1 is None and event.sub_event_type in CLAIMED_KINDS:
            events[i] = replace(event, actor1=group)
