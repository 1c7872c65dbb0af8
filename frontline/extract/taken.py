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
    r"trucks?|equipment|documents|materials|supplies|drugs|cash|money)"
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
    rf"^\s+(?:(?:a|an|the|some|several|dozens of|scores of|large amounts? of|a number of|\d+|"
    rf"two|three|four|five|six|seven|eight|nine|ten|more|other)\s+)*"
    rf"(?:\w+\s+)?{_PEOPLE_AND_THINGS}\b",
    re.IGNORECASE,
)


def not_a_place_taken(hit: TriggerHit, text: str) -> bool:
    """ "hostages captured from villages", "captured several insurgents", "just-liberated
    areas", "seizing a vehicle": people, things or an adjective, not a change of control.
    After a passive trigger ("recaptured by", "fell to") the people named are the takers."""
    before = text[max(0, hit.start - 25) : hit.start]
    after = text[hit.end : hit.end + 40]
    person_before = _PERSON_BEFORE.search(before) and _PARTICIPLE_AFTER.match(after)
    object_after = trigger_families()[
        hit.family
    ].territory != "passive" and _TAKEN_OBJECT_AFTER.match(after)
    return bool(
        _THING_BEFORE.search(before)
        or person_before
        or (_PERSON_PASSIVE_BEFORE.search(before) and _PASSIVE.match(hit.text + after))
        or object_after
        or before.endswith(("-", "‑"))
    )
