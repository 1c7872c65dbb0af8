from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from frontline.errors import InputError
from frontline.export.jsonl import dict_to_event, event_to_dict, read_jsonl, write_jsonl
from frontline.records import Event, GeoStatus, Span

BADRO_SENTENCE = (
    "On Sunday they captured the neighbouring Jabal Badro district, forcing thousands to flee."
)

CONTRACT_KEYS = [
    "doc_id",
    "source",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "quantities",
    "attributed_to",
    "evidence",
    "territory",
    "event_id",
    "location_text",
    "geo_status",
    "gazetteer_id",
    "certainty",
    "trigger",
    "extractor",
]


def _lines(events: list[Event]) -> list[str]:
    buffer = io.StringIO()
    write_jsonl(events, buffer)
    return buffer.getvalue().splitlines()


def test_jsonl_keys_in_contract_order(events: list[Event]) -> None:
    for line in _lines(events):
        assert list(json.loads(line)) == CONTRACT_KEYS


def test_jsonl_capture_values(capture: Event, article: str) -> None:
    d = json.loads(_lines([capture])[0])
    assert d["event_date"] == "2016-11-27"
    assert d["time_precision"] == 1
    assert (d["event_type"], d["sub_event_type"]) == ("Battles", "Government regains territory")
    assert (d["actor1"], d["actor2"]) == ("Military Forces of Syria", "Syrian rebels")
    assert (d["location"], d["admin1"], d["geo_precision"]) == ("Jabal Badro", "Aleppo", 1)
    assert (d["latitude"], d["longitude"]) == (36.21486, 37.20631)
    assert d["fatalities"] is None
    assert d["territory"] == {"from": "Syrian rebels", "to": "Military Forces of Syria"}
    assert d["evidence"]["text"] == BADRO_SENTENCE
    assert article[d["evidence"]["start"] : d["evidence"]["end"]] == BADRO_SENTENCE
    assert d["geo_status"] == "resolved"
    assert d["extractor"] == capture.provenance.extractor


def test_jsonl_quantity_carries_qualifier_and_offsets(displacement: Event, article: str) -> None:
    (quantity,) = json.loads(_lines([displacement])[0])["quantities"]
    assert quantity == {
        "kind": "displaced",
        "value": 2000,
        "qualifier": "thousands",
        "start": quantity["start"],
        "end": quantity["end"],
    }
    assert article[quantity["start"] : quantity["end"]] == "thousands"


def test_jsonl_event_without_place_has_null_location(placeless: Event) -> None:
    d = event_to_dict(placeless)
    located = ["location", "admin1", "admin2", "latitude", "longitude", "geo_precision"]
    for key in [*located, "location_text", "geo_status", "gazetteer_id", "event_date"]:
        assert d[key] is None, key
    assert d["certainty"] == "claimed"


def test_jsonl_round_trip_gives_equal_events(events: list[Event]) -> None:
    buffer = io.StringIO()
    assert write_jsonl(events, buffer) == 3
    buffer.seek(0)
    assert list(read_jsonl(buffer, "events.jsonl")) == events


def test_jsonl_round_trip_keeps_a_quantity_span_outside_the_evidence(
    displacement: Event, article: str
) -> None:
    outside = Span(0, 6, article[:6])
    event = replace(displacement, quantities=(replace(displacement.quantities[0], span=outside),))
    d = event_to_dict(event)
    assert d["quantities"][0]["text"] == "Syrian"  # type: ignore[index]
    assert dict_to_event(json.loads(json.dumps(d))) == event


def test_jsonl_round_trip_keeps_unresolved_place(capture: Event) -> None:
    assert capture.place is not None
    place = replace(
        capture.place,
        status=GeoStatus.UNRESOLVED,
        latitude=None,
        longitude=None,
        geo_precision=None,
        gazetteer_id=None,
    )
    event = replace(capture, place=place)
    assert dict_to_event(json.loads(json.dumps(event_to_dict(event)))) == event


def test_jsonl_writes_arabic_unescaped(capture: Event) -> None:
    assert capture.place is not None
    event = replace(capture, place=replace(capture.place, text="جبل بدرو"))
    assert "جبل بدرو" in _lines([event])[0]


def test_jsonl_read_skips_blank_lines(capture: Event) -> None:
    text = "\n" + _lines([capture])[0] + "\n\n"
    assert list(read_jsonl(io.StringIO(text), "x.jsonl")) == [capture]


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"doc_id": "x"}', "not a frontline event"),
    ],
)
def test_jsonl_read_names_the_bad_line(capture: Event, bad_line: str, reason: str) -> None:
    text = _lines([capture])[0] + "\n" + bad_line + "\n"
    events = read_jsonl(io.StringIO(text), "out/events.jsonl")
    assert next(events) == capture
    with pytest.raises(InputError) as info:
        next(events)
    assert info.value.line == 2
    assert info.value.origin == "out/events.jsonl"
    assert reason in str(info.value)
    assert str(info.value).startswith("out/events.jsonl:2: ")


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("event_date", "27 November 2016", "ISO date"),
        ("time_precision", "1", "time_precision"),
        ("fatalities", True, "boolean"),
        ("geo_status", "certain", "geo_status"),
        ("evidence", {"start": 0, "end": 5, "text": "abc"}, "evidence"),
    ],
)
def test_jsonl_dict_to_event_rejects_bad_fields(
    capture: Event, key: str, value: object, reason: str
) -> None:
    d = event_to_dict(capture)
    d[key] = value
    with pytest.raises(ValueError, match=reason):
        dict_to_event(d)
