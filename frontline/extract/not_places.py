"""Names a place finder must not take for places: an armed group's one-word name ("Al-Nusra" is
no "An Nasirah" in Homs) and a place's name opening an organisation's ("the Aleppo Media
Center": the group speaks, nothing happens in Aleppo)."""

from __future__ import annotations

import re

from frontline.geo.normalize import lexicon as geo_lexicon

# Armed groups' names that the gazetteer's spelling rules match to a place ("Al-Nusra" is no
# "An Nasirah" in Homs)
_GROUP_WORDS = frozenset({"nusra", "daesh", "daish", "isis", "isil", "hezbollah", "hizbollah"})


# A place's name that opens an organisation's ("The Palmyra Coordination Committee", "the
# Aleppo Media Center", "the Douma Local Council"): the group speaks, nothing happens there
_ORGANISATION_AFTER = re.compile(
    r"^\s+(?:(?:Local|Media|Revolutionary|Revolution|Coordination|Civil|City|Provincial|"
    r"Governorate|News|Documentation)\s+)*(?:Coordination Committees?|Committees?|Councils?|"
    r"Cent(?:er|re)|Network|Union|Coordination)\b"
)


def group_word(name: str) -> bool:
    """A group's one-word name, with or without an article ("Al-Nusra")."""
    words = re.split(r"[\s\-‑]+", name)
    if words and words[0].lower() in geo_lexicon().articles:
        words = words[1:]
    return len(words) == 1 and words[0].lower() in _GROUP_WORDS


def opens_organisation(rest: str) -> bool:
    """Whether the text after a place's name ("rest") makes the name an organisation's."""
    return _ORGANISATION_AFTER.match(rest) is not None
