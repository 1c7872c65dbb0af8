"""What a capture verb took: a place, or people, things or an adjective.

"hostages captured from villages", "captured several insurgents", "Syrian soldiers captured
while fleeing", "just-liberated areas", "seizing a vehicle" change no control; after a passive
trigger ("recaptured by", "fell to") the people named are the takers.
"""

from __future__ import annotations

import re

from frontline.extract.clauses import TriggerHit
from frontline.extract.lexicon import trigger_families

_PEOPLE_AND_THINGS = (
    r"(?:hostages?|prisoners?|soldiers|troops|fighters|militants|insurgents|terrorists|rebels|"
    r"jihadists|members|men|women|children|civilians|people|pilots?|officers?|captains?|"
    r"commanders?|leaders?|items|weapons|arms|ammunition|munitions|vehicles?|tanks?|cars?|"
    r"trucks?|equipment|documents|materials|supplies|drugs|cash|money|stocks?|stockpiles?|"
    r"arsenals?|bodies|remains)"
)
_THING_BEFORE = re.compile(
    r"\b(?:hostages?|prisoners?|items|weapons|arms|ammunition|munitions|equipment|documents|"
    r"materials|supplies|drugs|cash|money)\s+(?:(?:who|that|were|was)\s+)?$",
    re.IGNORECASE,
)
# "Syrian soldiers captured while fleeing": the participle describes the people before it
_PERSON_BEFORE = re.compile(
    r"\b(?:soldiers|troops|fighters|militants|insurgents|terrorists|rebels|members|men|civilians|"
    r"people|pilots?)\s+$",
    re.IGNORECASE,
)
# "another 15 terrorist were captured by the army": people taken, whatever follows
_PERSON_PASSIVE_BEFORE = re.compile(
    r"\b(?:soldiers?|troops|fighters?|militants?|insurgents?|terrorists?|rebels?|members?|men|"
    r"civilians?|people|pilots?|gunmen|jihadists?)\s+(?:(?:who|that)\s+)?"
    r"(?:(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?)?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"(?:were|was|been)\b", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(
    r"^\s+(?:while|when|after|during|by|and (?:later )?executed)\b", re.I
)
_TAKEN_OBJECT_AFTER = re.compile(
    rf"^\s+(?:(?:a|an|the|its|their|his|her|some|several|dozens of|scores of|"
    rf"large amounts? of|a number of|\d+|"
    rf"two|three|four|five|six|seven|eight|nine|ten|more|other|over|about|around|nearly|almost|"
    rf"at least|up to|one|hundreds? of|hundred|thousands? of)\s+)*"
    rf"(?:\w+\s+)?{_PEOPLE_AND_THINGS}\b",
    re.IGNORECASE,
)


# "rebels took territory to the south": ground with no place of its own
_VAGUE_GROUND_AFTER = re.compile(
    r"^\s+(?:some |more |new |further )?(?:territory|ground)\s+(?:to|in) the "
    r"(?:north|south|east|west)\w*\b(?!\s+of)",
    re.IGNORECASE,
)
# "the village of Zaara captured by opposition groups earlier", "eastern Aleppo which
# completely fell to regime forces": a place described by its past, not a capture told
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:which|that)\s+(?:had\s+|has\s+)?(?:\w+\s+)?|[A-Z][\w'-]+\s+)$",
)
_BY_AFTER = re.compile(r"^\s+by\b", re.IGNORECASE)
# "its militants entered the villages of ... and carried out the massacre": a raid, not a
# capture, unless the sentence says the raiders took control
_RAID_AFTER = re.compile(
    r"^[^.;]{0,120}?\band (?:then |later )?(?:carried out|committed|perpetrated|killed|"
    r"massacred|slaughtered|executed|kidnapp?ed|abducted|looted|torched|burned|burnt|set fire)\b",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"\b(?:control|captured?|seized?|took|taken|held|hold)\b", re.IGNORECASE)
# "The Islamic State expelled rival rebels from Deir al-Zor city": a verb whose object is the
# people driven out takes the place they are driven from
_DRIVING_OUT = re.compile(r"(?:expel|oust|evict)", re.IGNORECASE)
_FROM_PLACE_AFTER = re.compile(r"^[^.;]{0,50}?\b(?:from|out of)\s", re.IGNORECASE)


def raid(hit: TriggerHit, text: str) -> bool:
    """Raiders who "entered" places "and carried out the massacre", "and killed" people:
    they went in to strike, not to hold the place, unless the sentence says they took it."""
    if not hit.text.lower().startswith("entered"):
        return False
    return bool(_RAID_AFTER.match(text[hit.end :])) and not _CONTROL.search(text[hit.end :])


def attributive(hit: TriggerHit, text: str, dated_after: bool) -> bool:
    """A capture in a relative clause ("which completely fell to regime forces") or a bare
    participle after a place name ("Zaara captured by opposition groups earlier") describes
    the place; it is no event unless the clause gives it a day of its own."""
    if dated_after or trigger_families()[hit.family].territory not in ("take", "passive"):
        return False
    before = text[max(0, hit.start - 40) : hit.start]
    relative = re.search(r"\b(?:which|that)\s+(?:had\s+|has\s+)?(?:\w+\s+)?$", before, re.I)
    if relative and trigger_families()[hit.family].territory == "passive":
        return True
    bare = _ATTRIBUTIVE_BEFORE.search(before) and not relative
    return bool(bare and _BY_AFTER.match(text[hit.end : hit.end + 6]) and hit.text.endswith("ed"))


def not_a_place_taken(hit: TriggerHit, text: str) -> bool:
    """ "hostages captured from villages", "captured several insurgents", "just-liberated
    areas", "seizing a vehicle": people, things or an adjective, not a change of control.
    After a passive trigger ("recaptured by", "fell to") the people named are the takers."""
    before = text[max(0, hit.start - 25) : hit.start]
    after = text[hit.end : hit.end + 40]
    person_before = _PERSON_BEFORE.search(before) and _PARTICIPLE_AFTER.match(after)
    object_after = (
        trigger_families()[hit.family].territory != "passive"
        and _TAKEN_OBJECT_AFTER.match(after)
        and not (_DRIVING_OUT.match(hit.text) and _FROM_PLACE_AFTER.match(text[hit.end :]))
    )
    return bool(
        _THING_BEFORE.search(before)
        or person_before
        or (_PERSON_PASSIVE_BEFORE.search(before) and _PASSIVE.match(hit.text + after))
        or object_after
        or _VAGUE_GROUND_AFTER.match(after)
        or before.endswith(("-", "‑"))
        or raid(hit, text)
    )
