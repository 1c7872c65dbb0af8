from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.export.acled import (
    ACLED_COLUMNS,
    disorder_type,
    interaction,
    load_inter_codes,
    short_event_id,
    write_acled_csv,
)
from frontline.records import Event

NOW = datetime(2016, 11, 28, 12, 0, tzinfo=UTC)

ACLED_2023_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
    "source,source_scale,notes,fatalities,tags,timestamp"
)

ONTOLOGY_ACTORS = [
    "Military Forces of Syria",
    "Syrian rebels",
    "Jabhat Fateh al-Sham",
    "Islamic State",
    "Kurdish YPG/SDF",
    "Military Forces of Russia",
    "Iranian forces and militias",
    "Hezbollah",
    "US-led coalition",
    "Military Forces of Turkey",
    "Civilians",
]


def _rows(events: list[Event]) -> tuple[str, list[dict[str, str]]]:
    buffer = io.StringIO()
    assert write_acled_csv(events, buffer, now=NOW) == len(events)
    text = buffer.getvalue()
    return text, list(csv.DictReader(io.StringIO(text)))


def test_acled_header_is_acleds_columns(events: list[Event]) -> None:
    text, _ = _rows(events)
    assert text.splitlines()[0] == ACLED_2023_HEADER
    assert ",".join(ACLED_COLUMNS) == ACLED_2023_HEADER


def test_acled_capture_row_reads_back(capture: Event) -> None:
    _, (row,) = _rows([capture])
    assert row["event_id_cnty"] == short_event_id(capture.event_id)
    assert row["event_date"] == "2016-11-27"
    assert row["year"] == "2016"
    assert row["disorder_type"] == "Political violence"
    assert row["sub_event_type"] == "Government regains territory"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "2", "12")
    assert row["civilian_targeting"] == ""
    assert (row["country"], row["iso"], row["region"]) == ("Syria", "760", "Middle East")
    assert (row["location"], row["admin1"]) == ("Jabal Badro", "Aleppo")
    assert (float(row["latitude"]), float(row["longitude"])) == (36.21486, 37.20631)
    assert row["geo_precision"] == "1"
    assert row["timestamp"] == str(int(NOW.timestamp()))


def test_acled_notes_quote_the_evidence_with_attribution(capture: Event) -> None:
    _, (row,) = _rows([capture])
    assert row["notes"] == (
        "According to TRT World: On Sunday they captured the neighbouring Jabal Badro "
        "district, forcing thousands to flee."
    )


def test_acled_unknown_fatalities_are_zero_and_tagged(capture: Event) -> None:
    _, (unknown, known) = _rows([capture, replace(capture, fatalities=3)])
    assert unknown["fatalities"] == "0"
    assert "fatalities unknown" in unknown["tags"]
    assert known["fatalities"] == "3"
    assert "fatalities unknown" not in known["tags"]


def test_acled_displacement_targets_civilians(displacement: Event) -> None:
    _, (row,) = _rows([displacement])
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "7", "17")
    assert row["event_type"] == "Humanitarian"
    assert row["disorder_type"] == "Strategic developments"
    assert row["tags"].split("; ") == [
        "fatalities unknown",
        "frontline humanitarian layer",
        "displaced: 2000 (thousands)",
    ]


def test_acled_event_without_place_or_date_has_empty_cells(placeless: Event) -> None:
    _, (row,) = _rows([placeless])
    for column in ["event_date", "year", "location", "latitude", "longitude", "geo_precision"]:
        assert row[column] == "", column
    assert row["notes"].startswith("According to Syrian Observatory for Human Rights: ")
    assert "claimed" in row["tags"].split("; ")


def test_acled_interaction_puts_smaller_code_first() -> None:
    assert interaction(7, 1) == "17"
    assert interaction(2, 2) == "22"
    assert interaction(8, None) == "80"
    assert interaction(None, None) == ""


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Agreement", "Strategic developments"),
        ("Humanitarian", "Siege", "Strategic developments"),
    ],
)
def test_acled_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_acled_inter_codes_cover_ontology_actors() -> None:
    codes = load_inter_codes()
    assert set(ONTOLOGY_ACTORS) <= set(codes)
    assert codes["Military Forces of Russia"] == 8  # a foreign state's forces
    assert codes["Civilians"] == 7


def test_acled_short_event_id_is_stable_and_distinct(events: list[Event]) -> None:
    ids = [short_event_id(e.event_id) for e in events]
    assert ids == [short_event_id(e.event_id) for e in events]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("SYR") and len(i) == 15 for i in ids)


def test_acled_bad_inter_file_is_a_setup_error(tmp_path: Path) -> None:
    path = tmp_path / "acled_inter.toml"
    path.write_text('[inter]\n"Syrian rebels" = 9\n', encoding="utf-8")
    with pytest.raises(SetupError, match="Syrian rebels"):
        load_inter_codes(path)
