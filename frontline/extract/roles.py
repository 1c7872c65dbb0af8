"""Coding rules: who did what to whom, and when, for each trigger that makes an event.

These are the judgment calls of the gold annotation guideline (data/gold/README.md) written as
rules: a death toll alone makes an event only between named parties; the taker's side decides
the territory sub-event; the first of actors acting jointly stands for them; one of two
("Syrian or Russian jets") is nobody in particular. Which triggers make events is
:mod:`frontline.extract.selection`'s (re-exported here as ``select_triggers``); where the event
happened is :mod:`frontline.extract.placing`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontline.extract.attackers import COORDINATED as _COORDINATED
from frontline.extract.attackers import GOVERNMENT, HESITANT, OR_WORD
from frontline.extract.attackers import GOVERNMENT_CAMP as _GOVERNMENT_CAMP
from frontline.extract.attackers import hesitant as hesitant
from frontline.extract.attackers import implied_attacker as implied_attacker
from frontline.extract.attackers import joint_strikers as joint_strikers
from frontline.extract.attackers import share_facility_attackers as share_facility_attackers
from frontline.extract.attackers import told_on_another_day as told_on_another_day
from frontline.extract.clauses import ActorHit, SentenceParts, TriggerHit
from frontline.extract.event_dates import date_for as date_for
from frontline.extract.lexicon import actors, trigger_families
from frontline.extract.selection import EXPLOSIONS, TERRITORY_MODES
from frontline.extract.selection import select_triggers as select_triggers
from frontline.records import TerritoryChange

REBELS = "Syrian rebels"
IS = "Islamic State"
CIVILIANS = "Civilians"


_AIRCRAFT = re.compile(
    r"\b(?:air|aircraft|airstrikes?|warplanes?|planes?|jets?|helicopters?|aerial|barrel|drones?|raids?)\b",
    re.IGNORECASE,
)
_SHELLS = re.compile(
    r"\b(?:shells?|shelling|mortars?|rockets?|artillery|missiles?|cannons?)\b", re.IGNORECASE
)
# "by jihadist fighters led by X": X leads them
_LED_BY = r"|^\s+by\s+(?:[\w-]+\s+){1,3}(?:led|spearheaded|headed) by\s+(?:the\s+)?$"
_BY_BETWEEN = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(?:by|from|with|in an?)\s+(?:the\s+|an?\s+)?$" + _LED_BY,
    re.IGNORECASE,
)
# "clashed with X", "a battle with Daesh": X is the other side, not the agent.
_BY_BETWEEN_CLASH = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(?:by|from)\s+(?:the\s+|an?\s+)?$" + _LED_BY, re.IGNORECASE
)
_FIGHTING_FAMILIES = {"clash", "campaign"}
_AIR_FORCES = {GOVERNMENT, "Military Forces of Russia", "US-led coalition"}
_BARE_BOMBS = re.compile(r"bombs?", re.IGNORECASE)
_BLAMED_ON = re.compile(
    r"\b(?:blam(?:e|es|ed|ing)|pinned|attribut(?:e|es|ed|ing))\s+(?:\w+\s+)?(?:on|to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_WEAPON_OWNER = re.compile(r"(?:['’]s)?\s")
_BY_OF = re.compile(
    r"^[\s,]*(?:(?:\w+\s+){0,3}?(?:by|from|with|in an?|of)"
    r"|(?:\w+\s+){0,3}?(?:carried out|conducted|launched|dropped|fired) by|belonging to)"
    r"\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_BY_ONLY = re.compile(r"^[\s,]*(?:\w+\s+){0,3}?by\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
# "fighting between X and Y", "clashes pitting X against Y": X is named first.
_BETWEEN_AFTER = re.compile(
    r"^[\s,]*(?:\w+\s+){0,4}?(?:between|pitting|involving)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_LEAVING = re.compile(r"(?:fle|left|were leaving|was leaving)", re.IGNORECASE)
# People who bear arms, named by a common noun right before what they did
_COMBATANTS_BEFORE = re.compile(
    r"\b(?:pilots?|fighters|soldiers|troops|militants|gunmen|rebels|terrorists|jihadists|"
    r"insurgents|militiamen)\s+(?:(?:were|was|had|have|then|all|also)\s+)*$",
    re.IGNORECASE,
)
# Fighting told from the side that stopped it, in the passive: the attacker is the subject's
_REPELLED = re.compile(r"repelled|repulsed|foiled|thwarted", re.IGNORECASE)
_PASSIVE_REPEL = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
# Trigger families too generic for a label adjective to name their attacker ("terrorist attacks")
_GENERIC_FAMILIES = ("attack", "kill")
# A nationality word followed by these names a place or a people, not a force.
_NOT_A_FORCE_AFTER = re.compile(
    r"^\s+(?:border|frontier|side|soil|territory|airspace|city|cities|town|province|capital|"
    r"citizens?|nationals?|people|government|officials?|ministry|president|embassy)\b",
    re.IGNORECASE,
)
# The people who leave, named as the subject of the leaving ("as they were leaving").
_LEAVERS_BEFORE = re.compile(
    r"\b(?:they|we|people|civilians|residents|families|thousands|hundreds)\s+"
    r"(?:(?:were|was|had|have|has|then|all|also|later)\s+)*$",
    re.IGNORECASE,
)
_SUBJECT_GAP = re.compile(r"^\s+(?:(?:have|had|has|then|later|all|also)\s+)?$", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^\s*(?:,\s*)?(?:or|either)\s+(?:the\s+)?$", re.IGNORECASE)
# An actor right after these is an object, not the subject ("Kurds fighting the IS group").
_OBJECT_BEFORE = re.compile(
    r"\b(?:fighting|against|targeting|attacking|on|at|with|from|of|including|to|into|between|"
    r"for|towards|by|attacked|targeted|ambushed|shelled|bombed|stormed)\s+(?:the\s+)?"
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:\w+\s+)?$"
    r"|\b(?:(?!(?:19|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    r"scores|hundreds|hundred|thousand)"
    r"(?:\s+(?:more|other))?\s+$",  # "killed 23 Daesh members": a count of them, an object
    re.IGNORECASE,
)
# ... and an actor followed by these is a victim ("17 government troops were killed in ...").
_VICTIM_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:were|was|been|being|are|is)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hit|targeted|struck|executed|attacked)"
    # "Jaish al-Fateh terrorists suffered another blow in similar strikes"
    r"|(?:suffered|sustained|(?:has|have|had) lost)(?:\s+\w+){0,4}\s+(?:in|from)\b)\b",
    re.IGNORECASE,
)
# A party followed by its members or leaders: the party stands for them all.
_MEMBERS_AFTER = re.compile(
    r"^\s*,?\s*(?:including|such as|among them|notably|led by|spearheaded by|"
    r"(?:\w+\s+){0,2}(?:that|which) includes?)\s",
    re.IGNORECASE,
)
_FROM_BETWEEN = re.compile(  # "from (the control of) the Takfiri militants"
    r"\bfrom\s+(?:the\s+)?(?:(?:control|grip|hands|clutches)\s+of\s+(?:the\s+)?)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_GOVERNMENT_SIEGE = re.compile(r"\b(?:government|regime|army|loyalist)\s+siege\b", re.IGNORECASE)
_ISLAMIST_SIEGE = re.compile(r"\b(?:islamist|jihadist|extremist)\s+siege\b", re.IGNORECASE)
_HELD_BY_REBELS = re.compile(
    r"\b(?:rebel|opposition|insurgent)[-‑\s](?:held|controlled)\b", re.IGNORECASE
)
_HELD_BY_REGIME = re.compile(
    r"\b(?:regime|government|army)[-‑\s](?:held|controlled)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Coded:
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    territory: TerritoryChange | None = None


# What an attack hit when it hit the other side's forces: "a military post", "army checkpoints",
# "a pro-regime militia checkpoint", "their positions"
_MILITARY_TARGET = re.compile(
    r"^\s+(?:(?:on|against)\s+)?(?:an?|the|their|its|several|two|three|four|\d+)?\s*"
    r"(?:[\w-]+\s+){0,3}?(?:military\s+|army\s+)?(?:posts?|checkpoints?|positions?|bases?|"
    r"barracks|outposts?|air\s?bases?|military airports?|convoys?|patrols?)\b",
    re.IGNORECASE,
)


def _family(hit: TriggerHit) -> tuple[str, str, str | None, int, bool]:
    f = trigger_families()[hit.family]
    return f.event_type, f.sub_event_type, f.territory, f.specificity, f.facility


def _side(name: str | None) -> str | None:
    return actors()[name].side if name in actors() else None


def _armed(name: str | None) -> bool:
    return name is not None and name != CIVILIANS


def _agent(hit: TriggerHit, parts: SentenceParts, last_actor: str | None) -> str | None:
    """Who acts: "by X" after the trigger, the first of "fighting between X and Y", the actor
    naming the weapon, the subject before it (the first of actors acting jointly, nobody when
    it is one of two: "Syrian or Russian jets"), or the antecedent of a pronoun."""
    text = parts.text
    if OR_WORD.search(text) and HESITANT.search(text, max(0, hit.start - 60), hit.end + 60):
        return None
    armed = [a for a in parts.actors if _armed(a.name)]
    if _REPELLED.fullmatch(hit.text) and _PASSIVE_REPEL.search(
        text, max(0, hit.start - 25), hit.start
    ):
        first = next((a for a in armed if a.end <= hit.start), None)
        if first is not None:  # "The ISIL offensive ... was repelled by the Syrian soldiers"
            return first.name
    by = _BY_BETWEEN
    fighting = hit.family in _FIGHTING_FAMILIES  # "a battle with Daesh": Daesh is the other side
    if fighting:
        by = _BY_BETWEEN_CLASH
    elif trigger_families()[hit.family].territory in TERRITORY_MODES:
        by = _BY_ONLY  # "capturing it from government forces": from names the loser
    elif trigger_families()[hit.family].event_type == EXPLOSIONS:
        by = _BY_OF  # "an airstrike of the US-led coalition", "bombardments of the army's jets"
    for a in armed:
        gap = text[hit.end : a.start]
        if not a.adjective and 0 <= a.start - hit.end <= 40 and by.match(gap):
            return a.name
        if fighting and 0 <= a.start - hit.end <= 40 and _BETWEEN_AFTER.match(gap):
            return a.name
    for a in armed:  # "the chemical weapon use in Idlib which Washington blames on X"
        if a.start >= hit.end and _BLAMED_ON.search(text, max(hit.end, a.start - 25), a.start):
            return a.name
    inside_is_object = trigger_families()[hit.family].territory in TERRITORY_MODES  # "push X back"
    for i, a in enumerate(armed):
        if (a.start < hit.end and a.end > hit.start and not inside_is_object) or (
            a.adjective and 0 <= hit.start - a.end <= 25 and _adjective_acts(a, hit, text)
        ):
            return _first_of_joint(armed[: i + 1], text)
    for a in armed if by is _BY_OF else ():  # "killed by regime bombs": the weapon's owner
        if not a.adjective and _WEAPON_OWNER.fullmatch(text, a.end, hit.start):
            return a.name
    before = [
        a
        for i, a in enumerate(armed)
        if a.end <= hit.start
        and (not a.adjective or _joined_to_next(a, armed[i + 1 :], text))
        and not _OBJECT_BEFORE.search(text[max(0, a.start - 30) : a.start])
        and not _VICTIM_AFTER.match(text[a.end : hit.start])
    ]
    if before:
        return _first_of_joint(before, text)
    if parts.pronoun_before(hit.start):
        return parts.speaker_actor or last_actor
    return None


def attacker(hit: TriggerHit, parts: SentenceParts, last_actor: str | None) -> str | None:
    """The armed party the sentence names as carrying out ``hit`` (:func:`_agent`), or None."""
    agent = _agent(hit, parts, last_actor)
    return agent if _armed(agent) else None


def _adjective_acts(adjective: ActorHit, hit: TriggerHit, text: str) -> bool:
    """Whether a nationality word before the trigger names its attacker ("Russian air strikes"),
    not a place or a people ("towards the Turkish border as heavy clashes continued")."""
    if adjective.text.lower() == "terrorist" and hit.family in _GENERIC_FAMILIES:
        return False  # "terrorist attacks": a label for attacks, no attacker of its own
    return not _NOT_A_FORCE_AFTER.match(text[adjective.end : hit.end])


def _joined_to_next(adjective: ActorHit, later: list[ActorHit], text: str) -> bool:
    """Whether a nationality word is joined to the party named next ("the Russian and Syrian
    air forces"): it names a party of its own, the first of the two."""
    return bool(later) and _COORDINATED.match(text[adjective.end : later[0].start]) is not None


def _named_by(hit: TriggerHit, parts: SentenceParts) -> bool:
    """Whether an armed party follows the trigger as its agent ("displaced by the fighting of
    X", "forced out by X")."""
    return any(
        _armed(a.name)
        and 0 <= a.start - hit.end <= 40
        and _BY_ONLY.match(parts.text[hit.end : a.start]) is not None
        for a in parts.actors
    )


def _first_of_joint(chain: list[ActorHit], text: str) -> str | None:
    """The last actor of ``chain`` or, when it is coordinated with those before it, the first
    of them; None when the text hesitates between them ("Syrian or Russian warplanes")."""
    i = len(chain) - 1
    while i > 0:
        gap = text[chain[i - 1].end : chain[i].start]
        if _MEMBERS_AFTER.match(gap):  # "Rebel groups including ... Fateh al-Sham Front"
            i -= 1
            continue
        if not _COORDINATED.match(gap):
            break
        if _ALTERNATIVE.match(gap) and chain[i - 1].name != chain[i].name:
            return None
        i -= 1
    return chain[i].name


def _armed_leave(hit: TriggerHit, parts: SentenceParts) -> bool:
    """Fighters, not civilians, are the ones who flee or leave ("militants fled", "the pilots
    were leaving the area")."""
    if not _LEAVING.match(hit.text):
        return False
    if _COMBATANTS_BEFORE.search(parts.text[max(0, hit.start - 30) : hit.start]):
        return True
    return any(
        _armed(a.name)
        and 0 <= hit.start - a.end <= 25
        and _SUBJECT_GAP.match(parts.text[a.end : hit.start])
        for a in parts.actors
    )


def _victim(hit: TriggerHit, parts: SentenceParts, agent: str | None) -> str | None:
    if any(a.name == CIVILIANS for a in parts.actors):
        return CIVILIANS
    after = [a for a in parts.actors if a.start >= hit.end and _armed(a.name) and a.name != agent]
    if after:
        return after[0].name
    agent_after = any(a.name == agent and a.start >= hit.end for a in parts.actors)
    passive = [  # "Four more ISIS terrorists were killed in an army operation"
        a
        for a in parts.actors
        if agent_after
        and a.end <= hit.start
        and _armed(a.name)
        and a.name != agent
        and _VICTIM_AFTER.match(parts.text[a.end : hit.end])
    ]
    return passive[-1].name if passive else None


def _fallen_side(hit: TriggerHit, parts: SentenceParts) -> tuple[str, str] | None:
    """(attacker, victim) of fighting the sentence tells from the side that fell ("17 government
    troops were killed in fighting with the Daesh group"): the party of the other camp named
    after the trigger, else the fallen side's usual enemy."""
    fallen = [
        a
        for a in parts.actors
        if _armed(a.name)
        and a.end <= hit.start
        and _VICTIM_AFTER.match(parts.text[a.end : hit.end])
    ]
    if not fallen:
        return None
    victim = fallen[-1].name
    enemy = next(
        (
            a.name
            for a in parts.actors
            if a.start >= hit.end and _armed(a.name) and _camp(a.name) != _camp(victim)
        ),
        None,
    )
    attacker = enemy or _opponent(victim, parts)
    return (attacker, victim) if attacker else None


def _opponent(name: str | None, parts: SentenceParts) -> str | None:
    if name is None:
        return None
    if name in _GOVERNMENT_CAMP:
        return IS if any(a.name == IS for a in parts.actors) else REBELS
    return GOVERNMENT


def _territory(
    hit: TriggerHit, mode: str, parts: SentenceParts, last_actor: str | None
) -> Coded | None:
    others: list[ActorHit] = [a for a in parts.actors if _armed(a.name)]
    if mode == "passive":
        taker = next((a.name for a in others if a.start >= hit.end), None)
        loser = next(
            (a.name for a in reversed(others) if a.end <= hit.start and a.name != taker), None
        )
    elif mode == "lose":
        loser = _agent(hit, parts, last_actor)
        taker = next(
            (a.name for a in others if a.name != loser and _side(a.name) != _side(loser)), None
        )
        taker = taker or _opponent(loser, parts)
    else:
        taker = _agent(hit, parts, last_actor) or parts.speaker_forces
        loser = next(
            (
                a.name
                for a in others
                if a.start >= hit.end
                and a.name != taker
                and _FROM_BETWEEN.search(parts.text[hit.end : a.start])
            ),
            None,
        )
    loser = loser or _other_camp(taker, others) or _opponent(taker, parts)
    taker = taker or _opponent(loser, parts)
    if taker is None:
        return None
    sub = (
        "Government regains territory"
        if taker in _GOVERNMENT_CAMP
        else "Non-state actor overtakes territory"
    )
    return Coded("Battles", sub, taker, loser, TerritoryChange(loser=loser, taker=taker))


_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)


def _handed_to(hit: TriggerHit, parts: SentenceParts) -> str | None:
    """The armed party a place is handed over to ("handed over the town of Khan Touman to
    the army"), within the clause after the trigger; None when none is named."""
    if not hit.text.lower().startswith(("hand", "surrender")):
        return None
    for a in parts.actors:
        gap = parts.text[hit.end : a.start]
        if a.start >= hit.end and len(gap) < 80 and _armed(a.name) and _TO_BEFORE.search(gap):
            return a.name
    return None


def _camp(name: str) -> str | None:
    return "government" if name in _GOVERNMENT_CAMP else _side(name)


def _other_camp(taker: str | None, others: list[ActorHit]) -> str | None:
    """The one party of the other camp the sentence names ("SDF killed 23 Daesh members and
    liberated ..."); None when it names none or several."""
    if taker is None:
        return None
    names = {a.name for a in others if _camp(a.name) != _camp(taker)}
    return names.pop() if len(names) == 1 else None


def _besieger(hit: TriggerHit, parts: SentenceParts, last_actor: str | None) -> str | None:
    named = _agent(hit, parts, last_actor)
    if named:
        return named
    if _GOVERNMENT_SIEGE.search(hit.text):  # "under a devastating government siege"
        return GOVERNMENT
    if _ISLAMIST_SIEGE.search(hit.text):  # "under Islamist siege": the story's jihadists
        return IS if last_actor == IS else REBELS
    if _HELD_BY_REBELS.search(parts.text):
        return GOVERNMENT
    if _HELD_BY_REGIME.search(parts.text):
        return REBELS
    return None


def code(hit: TriggerHit, parts: SentenceParts, last_actor: str | None) -> Coded | None:
    """Type, sub-type, actors and territory change for one trigger, or None for no event."""
    event_type, sub, mode, _, _ = _family(hit)
    if mode in TERRITORY_MODES:
        return _territory(hit, mode, parts, last_actor)
    agent = _agent(hit, parts, last_actor)
    if mode == "transfer":
        leaving = any(a.name == agent and a.start >= hit.start for a in parts.actors)
        taker = None if leaving else agent  # "empty of militants": the militants left
        taker = taker or (_opponent(agent, parts) if leaving else None) or GOVERNMENT
        loser = _opponent(taker, parts)
        receiver = _handed_to(hit, parts)  # "handed over the town to the army"
        if receiver is not None and receiver != agent:
            taker, loser = receiver, agent or _opponent(receiver, parts)
        return Coded(event_type, sub, taker, loser, TerritoryChange(loser=loser, taker=taker))
    if sub == "Peaceful protest" and _COMBATANTS_BEFORE.search(
        parts.text[max(0, hit.start - 30) : hit.start]
    ):
        return None  # "its fighters marched about 3 kilometers": an advance, not a protest
    if sub == "Peaceful protest" and not _armed(agent):
        return Coded(event_type, sub, CIVILIANS, None)  # the ontology has no protester actor
    if sub == "Peaceful protest":  # "the gunmen suppressed protests": force used on protesters
        return Coded(event_type, "Excessive force against protesters", agent, CIVILIANS)
    if sub == "Displacement":
        if _armed_leave(hit, parts):
            return None  # "the remaining terrorists fled towards ...": fighters withdrawing
        if _LEAVERS_BEFORE.search(parts.text, 0, hit.start) and not _named_by(hit, parts):
            agent = None  # "X targeted civilians as they were leaving": X made no one leave
        return Coded(event_type, sub, agent, CIVILIANS)
    if sub == "Siege":
        return Coded(event_type, sub, _besieger(hit, parts, last_actor), CIVILIANS)
    victim = _victim(hit, parts, agent)
    if sub == "Infrastructure":
        return Coded(event_type, sub, agent, CIVILIANS)
    if sub in {"@kill", "@attack"}:
        if sub == "@attack" and _armed(agent) and _MILITARY_TARGET.match(parts.text[hit.end :]):
            # "who attacked a military post", "attacked a pro-regime militia checkpoint": the
            # other side's forces hold what was attacked
            return Coded("Battles", "Armed clash", agent, _opponent(agent, parts))
        if victim == CIVILIANS and _armed(agent):
            return Coded("Violence against civilians", "Attack", agent, victim)
        if _armed(agent) and _armed(victim):
            return Coded("Battles", "Armed clash", agent, victim)
        fallen = _fallen_side(hit, parts) if sub == "@attack" and agent is None else None
        if fallen is not None:  # "gatherings of ISIS terrorists were hit in al-Hawi area": by
            victim = fallen[1]  # their usual enemy ("12 terrorists" after it are the same)
            return Coded("Battles", "Armed clash", _opponent(victim, parts), victim)
        return None
    if sub == "@bombard":
        sub = (
            "Shelling/artillery/missile attack"
            if _SHELLS.search(parts.text) and not _AIRCRAFT.search(parts.text)
            else "Air/drone strike"
        )
    if (
        sub == "Remote explosive/landmine/IED"
        and agent in _AIR_FORCES
        and _BARE_BOMBS.fullmatch(hit.text)
    ):  # "killed by regime bombs": a state's bombs are dropped from the air
        sub = "Air/drone strike"
    if sub == "Armed clash":
        own_day = any(not d.reporting for d in parts.dates)
        if agent is None and victim is None and not (own_day and parts.places):
            return None
        if agent is None:
            agent, victim = _fallen_side(hit, parts) or (agent, victim)
        victim = victim or _opponent(agent, parts)
    return Coded(event_type, sub, agent, victim)
