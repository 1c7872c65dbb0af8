"""Group names that hold a country's name, read apart from events abroad.

The background rules set aside events abroad ("strikes in neighbouring Iraq"). A group named
for a country is no place: "the Takfiri group ISIL (so-called Islamic State in Iraq and Syria)"
or "the Islamic State in Iraq and the Levant (ISIL)" names the jihadists, and the sentence
keeps its events, tolls and dates. Only the unmistakable forms are names: after "so-called" or
a bracket, or followed by its abbreviation in brackets; "strikes on Islamic State in Iraq and
Syria" is the war in general, and stays background.
"""

from __future__ import annotations

import re

_NAMED_FOR_A_COUNTRY = re.compile(
    r"\b(?:so-called |\()(?:the )?islamic state in iraq(?= and (?:the levant|al-?sham|"
    r"(?:greater )?syria)\b)|\bislamic state in iraq and (?:the levant|al-?sham|(?:greater )?syria)"
    r"(?=\s*\()",
    re.IGNORECASE,
)


def without_group_names(text: str) -> str:
    """``text`` with the names of groups named for a country replaced by "the group"."""
    return _NAMED_FOR_A_COUNTRY.sub("the group", text)
