"""Which triggers of a sentence stand for events of their own.

The gold guideline's precedence rules (data/gold/README.md): the most specific explosion wins;
a capture outranks the fighting around it; a bare death toll or "attack" gives way to a violent
trigger; a facility makes an event only next to an action; a weak word ("offensive") needs a
day of its own or a verb of starting; a halted or foiled attack is no strike.
"""

from __future__ import annotations

import re

from frontline.extract.clauses import SentenceParts, TriggerHit
from frontline.extract.lexicon import trigger_families
from frontline.extract.taken import attributive, not_a_place_taken

EXPLOSIONS = "Explosions/Remote violence"
TERRITORY_MODES = {"take", "passive", "lose"}
_GENERIC = {"attack", "kill"}

_MASSACRE = re.compile(r"massacre", re.IGNORECASE)
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:villages?|towns?|areas?|districts?|neighbou?rhoods?|positions?|territory|parts?|cities|"
    r"city|hills?|bases?)\s+$",
    re.IGNORECASE,
)
_STARTED = re.compile(
    r"\b(?:began|begun|begins|launched|launches|started|starts|pressed ahead|pushed ahead|"
    r"continued|continues|resumed|intensified|escalated|stepped up)\b",
    re.IGNORECASE,
)
# "treated at", "taken to", "near", "connected to" + the facility: where, not what was hit
_FACILITY_AS_SETTING = re.compile(
    r"\b(?:treat(?:ed|ment)|admitted|taken|rushed|transferred|brought|arrived|connected|"
    r"near|close to|outside|inside)\s+(?:at|to|in|into)?\s*(?:the |a |an |its |their )?"
    r"(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "two hospitals", "the hospitals", "its clinics": particular facilities
_COUNTED_BEFORE = re.compile(
    r"\b(?:the|its|their|his|both|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)

# "hospital bombings", "hospital attacks": the facility names a kind of attack
_ATTACKS_AFTER = re.compile(r"\s+(?:bombings|attacks|strikes|raids|shellings)\b", re.IGNORECASE)


def _facility_hit(hit: TriggerHit, text: str) -> bool:
    """A facility named as the thing hit, not where victims are treated ("receiving treatment
    at makeshift hospitals"), a landmark ("near the Water Station") or a class of places
    ("attacks on hospitals", "destroyed hospitals and other civilian infrastructure")."""
    before = text[max(0, hit.start - 40) : hit.start]
    if _FACILITY_AS_SETTING.search(before):
        return False
    uncounted = not _COUNTED_BEFORE.search(before)
    bare_plural = hit.text.lower().endswith("s") and uncounted
    # "over hospital bombings in Syria": a class of attacks, not one facility hit
    attack_class = uncounted and _ATTACKS_AFTER.match(text, hit.end) is not None
    return not bare_plural and not attack_class


def select_triggers(parts: SentenceParts) -> list[TriggerHit]:
    """The triggers of a sentence that stand for events of their own (one per family)."""
    families = trigger_families()
    hits = [
        h
        for h in parts.triggers
        if families[h.family].sub_event_type == "Siege" or not parts.habitual_at(h.start)
    ]
    hits = [h for h in hits if not families[h.family].facility or _facility_hit(h, parts.text)]
    has_action = any(not families[h.family].facility for h in hits)
    hits = [h for h in hits if has_action or not families[h.family].facility]
    own_day = any(not d.reporting for d in parts.dates)
    hits = [
        h for h in hits if not families[h.family].weak or own_day or _STARTED.search(parts.text)
    ]
    if any(h.family in {"change", "disrupted"} for h in hits):  # a halted or foiled attack
        hits = [h for h in hits if families[h.family].event_type != EXPLOSIONS]
    explosions = [h for h in hits if families[h.family].event_type == EXPLOSIONS]
    if explosions:  # "the massacre committed by Assad's air force": the strike is the event
        hits = [h for h in hits if not _MASSACRE.match(h.text)]
        best = max(explosions, key=lambda h: families[h.family].specificity)
        hits = [h for h in hits if families[h.family].event_type != EXPLOSIONS or h is best]
    hits = [
        h
        for h in hits
        if families[h.family].territory not in TERRITORY_MODES | {"transfer"}
        or not (
            not_a_place_taken(h, parts.text)
            or attributive(
                h, parts.text, any(d.start > h.end and not d.reporting for d in parts.dates)
            )
        )
    ]
    territory = [h for h in hits if families[h.family].territory in TERRITORY_MODES]
    if territory:
        hits = [h for h in hits if h.family not in {"clash", "campaign", "attack", "kill"}]
    if len(territory) > 1:  # "the villages taken by X had been recaptured by Y": the main verb
        modifiers = [h for h in territory if _PLACE_NOUN_BEFORE.search(parts.text[: h.start])]
        if len(modifiers) < len(territory):
            hits = [h for h in hits if h not in modifiers]
    violent = [
        h
        for h in hits
        if h.family not in _GENERIC
        and families[h.family].event_type in {EXPLOSIONS, "Battles", "Violence against civilians"}
    ]
    if violent:
        hits = [h for h in hits if h.family not in _GENERIC]
    elif any(h.family == "attack" for h in hits):
        hits = [h for h in hits if h.family != "kill"]
    chosen: dict[str, TriggerHit] = {}
    for hit in hits:
        chosen.setdefault(hit.family, hit)
    return sorted(chosen.values(), key=lambda h: h.start)
