from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

import frontline.export.jsonl
from frontline.export import FORMATS, export_to_path, read_jsonl, write_events
from frontline.records import Event

NOW = datetime(2016, 11, 28, tzinfo=UTC)


@pytest.mark.parametrize("format", FORMATS)
def test_export_write_events_dispatches_every_format(events: list[Event], format: str) -> None:
    buffer = io.StringIO()
    count = write_events(events, buffer, format, now=NOW)
    assert count == (2 if format == "geojson" else 3)
    assert buffer.getvalue()


def test_export_unknown_format_lists_valid_ones(events: list[Event]) -> None:
    with pytest.raises(ValueError, match="unknown export format 'kml'") as info:
        write_events(events, io.StringIO(), "kml")
    for format in FORMATS:
        assert format in str(info.value)


def test_export_to_path_round_trips_jsonl(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export_to_path(events, path, "jsonl") == 3
    with path.open(encoding="utf-8") as fh:
        assert list(read_jsonl(fh, str(path))) == events
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_export_to_path_replaces_an_old_file(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    path.write_text("old", encoding="utf-8")
    export_to_path(events, str(path), "geojson")
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_export_to_path_failure_midway_keeps_old_file(
    events: list[Event], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("the previous export\n", encoding="utf-8")
    real = frontline.export.jsonl.event_to_dict
    calls: list[Event] = []

    def fail_on_second(event: Event) -> dict[str, object]:
        calls.append(event)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(event)

    monkeypatch.setattr(frontline.export.jsonl, "event_to_dict", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        export_to_path(events, path, "jsonl")
    assert len(calls) == 2  # the first event had been written to the temporary file
    assert path.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_export_to_path_failure_leaves_no_new_file(events: list[Event], tmp_path: Path) -> None:
    def broken() -> Iterator[Event]:
        yield events[0]
        raise RuntimeError("store went away")

    path = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        export_to_path(broken(), path, "acled-csv", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_export_to_path_unknown_format_creates_nothing(events: list[Event], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jsonl, acled-csv, geojson"):
        export_to_path(events, tmp_path / "events.kml", "kml")
    assert list(tmp_path.iterdir()) == []
