"""GeoJSON (RFC 7946): one Point feature per located event.

Each feature's ``geometry`` is a Point at ``[longitude, latitude]`` (RFC 7946 order, WGS 84),
its ``id`` is the event id, and its ``properties`` are :func:`~frontline.export.jsonl.event_to_dict`
without ``latitude`` and ``longitude``.

Events without coordinates (no place, or a place the gazetteer could not resolve) are not
dropped silently: the collection lists them in the foreign member ``"frontline:unlocated"``,
one ``{"event_id", "location_text", "geo_status"}`` object each, so a map shows what it
cannot place. :func:`write_geojson` returns the number of features written; the unlocated
ones are ``len(collection["frontline:unlocated"])``.

Features are written as they come, so a large export does not sit in memory; only the
(short) unlocated list is held until the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from frontline.export.jsonl import event_to_dict
from frontline.records import Event

UNLOCATED_MEMBER = "frontline:unlocated"


def event_to_feature(event: Event) -> dict[str, object] | None:
    """The Point feature of ``event``, or None when it has no coordinates."""
    place = event.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    properties = event_to_dict(event)
    del properties["latitude"], properties["longitude"]
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": properties,
    }


def _unlocated_entry(event: Event) -> dict[str, object]:
    place = event.place
    return {
        "event_id": event.event_id,
        "location_text": place.text if place else None,
        "geo_status": place.status.value if place else None,
    }


def write_geojson(events: Iterable[Event], fh: TextIO) -> int:
    """Write a FeatureCollection; returns the number of features (located events)."""
    fh.write('{"type": "FeatureCollection", "features": [')
    count = 0
    unlocated: list[dict[str, object]] = []
    for event in events:
        feature = event_to_feature(event)
        if feature is None:
            unlocated.append(_unlocated_entry(event))
            continue
        fh.write(",\n" if count else "\n")
        fh.write(json.dumps(feature, ensure_ascii=False))
        count += 1
    fh.write("\n], ")
    fh.write(json.dumps(UNLOCATED_MEMBER))
    fh.write(": ")
    fh.write(json.dumps(unlocated, ensure_ascii=False))
    fh.write("}\n")
    return count
