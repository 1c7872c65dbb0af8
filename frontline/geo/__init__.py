"""geo stage: an offline gazetteer and a toponym resolver.

``Gazetteer.default()`` loads the shipped index once per process; ``resolve(text, context)``
turns a place phrase into a :class:`frontline.records.Place`; ``fold`` is the
transliteration-folding key every name is filed under. See docs/gazetteer.md.
"""

from frontline.geo.build import Manifest, build_index
from frontline.geo.gazetteer import Candidate, Entry, Gazetteer
from frontline.geo.mentions import PlaceMention, find_mentions, looks_like_person
from frontline.geo.normalize import fold, strict_key
from frontline.geo.resolve import ResolveContext, article_context, resolve, resolve_facility

__all__ = [
    "Candidate",
    "Entry",
    "Gazetteer",
    "Manifest",
    "PlaceMention",
    "ResolveContext",
    "article_context",
    "build_index",
    "find_mentions",
    "fold",
    "looks_like_person",
    "resolve",
    "resolve_facility",
    "strict_key",
]
