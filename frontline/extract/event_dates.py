"""The day of an event: the nearest date its sentence says of it, else the report's."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from frontline.extract.clauses import SentenceParts, TriggerHit

_INTO = re.compile(r"\s+(?:and\s+)?into\s+(?:the\s+)?", re.IGNORECASE)
# A date phrase that spans several days ("in recent days", "over the past two weeks")
_SPAN_OF_DAYS = re.compile(
    r"\b(?:recent|past|last|few)\s+(?:\w+\s+)?(?:days|weeks|months)\b", re.IGNORECASE
)


def date_for(
    hit: TriggerHit, parts: SentenceParts, published: date | None
) -> tuple[date | None, int]:
    """The event's date: the nearest date said of it, else the publication date (precision 2)."""
    if published is None:
        return None, 3
    own = [d for d in parts.dates if not d.reporting]
    spans = [d for d in own if _SPAN_OF_DAYS.search(parts.text, d.start, d.end)]
    if spans and len(spans) < len(own):  # "in recent days ... at the weekend": the weekend
        own = [d for d in own if d not in spans]
    # "overnight Wednesday and into Thursday morning": Thursday
    ended = [a for a, b in pairwise(own) if _INTO.fullmatch(parts.text, a.end, b.start)]
    own = [d for d in own if d not in ended]
    if own:
        nearest = min(own, key=lambda d: abs(d.start - hit.start))
        return nearest.date, nearest.precision
    if parts.dates:
        return parts.dates[0].date, 2
    return published, 2
