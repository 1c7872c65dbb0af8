from __future__ import annotations

import io
import json
from dataclasses import replace
from typing import Any

from frontline.export.geojson import UNLOCATED_MEMBER, write_geojson
from frontline.export.jsonl import event_to_dict
from frontline.records import Event


def _collection(events: list[Event]) -> tuple[int, dict[str, Any]]:
    buffer = io.StringIO()
    count = write_geojson(events, buffer)
    return count, json.loads(buffer.getvalue())


def test_geojson_points_are_lon_lat(capture: Event) -> None:
    _, collection = _collection([capture])
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.20631, 36.21486]}
    assert feature["type"] == "Feature"
    assert feature["id"] == capture.event_id


def test_geojson_properties_are_the_jsonl_contract_without_coordinates(capture: Event) -> None:
    _, collection = _collection([capture])
    (feature,) = collection["features"]
    expected = json.loads(json.dumps(event_to_dict(capture)))
    del expected["latitude"], expected["longitude"]
    assert feature["properties"] == expected
    assert list(feature["properties"]) == list(expected)


def test_geojson_lists_unlocated_events(events: list[Event], placeless: Event) -> None:
    count, collection = _collection(events)
    assert collection["type"] == "FeatureCollection"
    assert count == 2
    assert len(collection["features"]) == 2
    assert collection[UNLOCATED_MEMBER] == [
        {"event_id": placeless.event_id, "location_text": None, "geo_status": None}
    ]


def test_geojson_place_without_coordinates_is_unlocated(capture: Event) -> None:
    assert capture.place is not None
    unresolved = replace(capture, place=replace(capture.place, latitude=None, longitude=None))
    count, collection = _collection([unresolved])
    assert count == 0
    assert collection["features"] == []
    assert collection[UNLOCATED_MEMBER] == [
        {"event_id": capture.event_id, "location_text": "Jabal Badro", "geo_status": "resolved"}
    ]


def test_geojson_empty_input_is_a_valid_collection() -> None:
    count, collection = _collection([])
    assert count == 0
    assert collection == {"type": "FeatureCollection", "features": [], UNLOCATED_MEMBER: []}
