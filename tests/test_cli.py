"""End-to-end tests of the ``frontline`` command on real files: what a user types and sees.

Commands run through click's CliRunner on the real ``frontline.cli.main`` group; the checks
of exit codes and messages for environment errors run the installed entry point
(``frontline.cli.run``) in a subprocess, as a user would meet them.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from frontline.cli import main
from frontline.store import Store

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"
FAKES = ROOT / "samples" / "fakes_dev.csv"
GOLD = ROOT / "data" / "gold" / "dev_events.jsonl"
RESOURCES = ROOT / "tests" / "resources" / "ingest"
PUBLISHED = ["--published", "2016-11-28"]

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
]


def invoke(*args: str | Path) -> Result:
    """Run ``frontline ARGS`` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def run_frontline(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point (``frontline.cli.run``) as a user would."""
    command = [sys.executable, "-c", "from frontline.cli import run; run()"]
    return subprocess.run(
        [*command, *(str(a) for a in args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def is_badro_capture(event: dict[str, Any]) -> bool:
    return bool(
        event["location"] == "Jabal Badro"
        and event["event_date"] == "2016-11-27"
        and event["sub_event_type"] == "Government regains territory"
    )


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def article_events() -> list[dict[str, Any]]:
    result = invoke("extract", ARTICLE, *PUBLISHED, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


@pytest.fixture(scope="module")
def article_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the TRT World article (read-only for the tests that use it)."""
    url = db_url(tmp_path_factory.mktemp("article") / "trt.db")
    result = invoke("ingest", ARTICLE, *PUBLISHED, "--db", url)
    assert result.exit_code == 0, result.stderr
    return url


@pytest.fixture(scope="module")
def fakes_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the 480 FA-KES dev articles."""
    url = db_url(tmp_path_factory.mktemp("fakes") / "fakes.db")
    result = invoke("ingest", FAKES, "--db", url)
    assert result.exit_code == 0, result.stderr
    return url


# --- extract ------------------------------------------------------------------------------


def test_cli_extract_jsonl_keys_follow_the_contract_order(
    article_events: list[dict[str, Any]],
) -> None:
    assert article_events
    for event in article_events:
        assert list(event)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS


def test_cli_extract_jsonl_finds_the_jabal_badro_capture(
    article_events: list[dict[str, Any]],
) -> None:
    captures = [e for e in article_events if is_badro_capture(e)]
    assert captures, [(e["location"], e["event_date"]) for e in article_events]
    assert captures[0]["event_type"] == "Battles"
    assert captures[0]["doc_id"] == "aleppo_2016-11-28_trt"


def test_cli_extract_jsonl_evidence_offsets_index_the_file(
    article_events: list[dict[str, Any]],
) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    for event in article_events:
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_cli_extract_table_lists_the_events() -> None:
    result = invoke("extract", ARTICLE, *PUBLISHED, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "according to" in result.stdout  # the header
    assert "Jabal Badro" in result.stdout
    assert "2016-11-27" in result.stdout


def test_cli_extract_reads_feeds_html_and_corpora() -> None:
    paths = [RESOURCES / n for n in ("trt_world.rss", "trt_aleppo.html", "articles.csv")]
    result = invoke("extract", *paths)
    assert result.exit_code == 0, result.stderr
    assert {e["doc_id"] for e in jsonl(result.stdout)} >= {"sohr-001"}


# --- ingest -------------------------------------------------------------------------------


def test_cli_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    url = db_url(tmp_path / "x.db")
    first = invoke("ingest", ARTICLE, *PUBLISHED, "--db", url)
    assert first.exit_code == 0, first.stderr
    assert "1 added" in first.stdout
    with Store.open(url) as store:
        counts = store.count_documents(), store.count_events()
    assert counts[0] == 1
    assert counts[1] > 0

    second = invoke("ingest", ARTICLE, *PUBLISHED, "--db", url)
    assert second.exit_code == 0, second.stderr
    assert "0 added" in second.stdout
    assert "0 events added" in second.stdout
    with Store.open(url) as store:
        assert (store.count_documents(), store.count_events()) == counts


# --- events -------------------------------------------------------------------------------


def stored(url: str, *options: str) -> list[dict[str, Any]]:
    result = invoke("events", "--db", url, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def test_cli_events_by_place_returns_the_capture(article_db: str) -> None:
    found = stored(article_db, "--place", "Jabal Badro")
    assert found
    assert all(e["location"] == "Jabal Badro" for e in found)
    assert any(is_badro_capture(e) for e in found)


def test_cli_events_since_and_until_split_the_dated_events(article_db: str) -> None:
    everything = stored(article_db)
    later = stored(article_db, "--since", "2016-11-28")
    earlier = stored(article_db, "--until", "2016-11-27")
    assert later
    assert earlier
    assert all(e["event_date"] >= "2016-11-28" for e in later)
    assert all(e["event_date"] <= "2016-11-27" for e in earlier)
    dated = {e["event_id"] for e in everything if e["event_date"]}
    assert {e["event_id"] for e in later} | {e["event_id"] for e in earlier} == dated


def test_cli_events_by_type_keeps_only_that_type(article_db: str) -> None:
    everything = stored(article_db)
    battles = stored(article_db, "--type", "battles")
    assert battles
    assert all(e["event_type"] == "Battles" for e in battles)
    assert len(battles) == sum(e["event_type"] == "Battles" for e in everything)


def test_cli_events_table(article_db: str) -> None:
    result = invoke("events", "--db", article_db, "--place", "Jabal Badro")
    assert result.exit_code == 0, result.stderr
    assert "Jabal Badro" in result.stdout


def test_cli_events_rejects_a_bad_date(article_db: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", article_db, "--since", "28/11/2016"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_cli_events_rejects_a_negative_limit(article_db: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", article_db, "--limit", "-1"])
    assert result.exit_code == 2
    assert "--limit" in result.stderr


def test_cli_events_limit(article_db: str) -> None:
    assert len(stored(article_db, "--limit", "2")) == 2


# --- export -------------------------------------------------------------------------------


def export(url: str, fmt: str, output: Path) -> None:
    result = invoke("export", "--db", url, "--format", fmt, "-o", output)
    assert result.exit_code == 0, result.stderr
    assert output.is_file()
    assert str(output) in result.stdout


def test_cli_export_acled_csv(article_db: str, tmp_path: Path) -> None:
    output = tmp_path / "events.csv"
    export(article_db, "acled-csv", output)
    with output.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    header = set(rows[0])
    assert {
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "inter1",
        "actor2",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
    } <= header
    assert any(r["location"] == "Jabal Badro" for r in rows)


def test_cli_export_geojson(article_db: str, tmp_path: Path) -> None:
    output = tmp_path / "events.geojson"
    export(article_db, "geojson", output)
    collection = json.loads(output.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 32 < latitude < 38
        assert 35 < longitude < 43


def test_cli_export_jsonl_matches_events(article_db: str, tmp_path: Path) -> None:
    output = tmp_path / "events.jsonl"
    export(article_db, "jsonl", output)
    lines = jsonl(output.read_text(encoding="utf-8"))
    assert lines
    assert all(list(e)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS for e in lines)
    assert lines == stored(article_db)


# --- bad inputs ---------------------------------------------------------------------------


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "nowhere.txt"


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 8)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _no_text_column(_tmp_path: Path) -> Path:
    return RESOURCES / "no_text_column.csv"


def _broken_feed(_tmp_path: Path) -> Path:
    return RESOURCES / "broken_feed.xml"


BAD_INPUTS: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "binary": _binary,
    "empty": _empty,
    "no text column": _no_text_column,
    "broken feed": _broken_feed,
}


def assert_clean_stderr(stderr: str) -> None:
    assert "Traceback" not in stderr
    for line in stderr.splitlines():
        assert line.startswith(("error: ", "warning: ")), line


@pytest.mark.parametrize("make", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_cli_extract_bad_input_alone_fails_with_one_line(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    bad = make(tmp_path)
    result = invoke("extract", bad)
    assert result.exit_code != 0
    assert result.stdout == ""
    assert_clean_stderr(result.stderr)
    naming = [line for line in result.stderr.splitlines() if str(bad) in line]
    assert len(naming) == 1, result.stderr


@pytest.mark.parametrize("make", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_cli_ingest_bad_input_beside_a_good_one_stores_the_good_one(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    bad = make(tmp_path)
    url = db_url(tmp_path / "mixed.db")
    result = invoke("ingest", bad, ARTICLE, *PUBLISHED, "--db", url)
    assert result.exit_code == 0, result.stderr
    assert_clean_stderr(result.stderr)
    assert len([line for line in result.stderr.splitlines() if str(bad) in line]) == 1
    with Store.open(url) as store:
        assert store.document("aleppo_2016-11-28_trt") is not None
        assert store.count_events() > 0


@pytest.mark.parametrize("make", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_cli_ingest_bad_input_alone_exits_non_zero(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    bad = make(tmp_path)
    result = invoke("ingest", bad, "--db", db_url(tmp_path / "bad.db"))
    assert result.exit_code != 0
    assert_clean_stderr(result.stderr)
    assert str(bad) in result.stderr


def test_cli_extract_names_the_row_of_a_bad_corpus_line() -> None:
    corpus = RESOURCES / "articles.jsonl"
    result = invoke("extract", corpus)
    assert result.exit_code == 0, result.stderr
    assert_clean_stderr(result.stderr)
    assert f"{corpus}:3: " in result.stderr
    assert f"{corpus}:4: " in result.stderr
    assert jsonl(result.stdout)


def test_cli_bad_input_through_the_entry_point_exits_one(tmp_path: Path) -> None:
    finished = run_frontline("extract", tmp_path / "nowhere.txt", cwd=tmp_path)
    assert finished.returncode == 1
    assert finished.stdout == ""
    assert_clean_stderr(finished.stderr)
    assert "nowhere.txt" in finished.stderr


# --- the database URL ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("foo://bar", "foo://bar"),
        ("sqlite:////nonexistent-dir/sub/x.db", "does its directory exist"),
    ],
    ids=["unknown scheme", "missing directory"],
)
def test_cli_bad_db_url_gives_one_clear_line(url: str, words: str, tmp_path: Path) -> None:
    finished = run_frontline("events", "--db", url, cwd=tmp_path)
    assert finished.returncode != 0
    assert "Traceback" not in finished.stderr
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1, finished.stderr
    assert lines[0].startswith("error: ")
    assert words in lines[0]
    assert "--db" in lines[0]


# --- about, places, eval ------------------------------------------------------------------


def test_cli_about_prints_version_and_attributions() -> None:
    from frontline import __version__

    result = invoke("about")
    assert result.exit_code == 0
    assert __version__ in result.stdout
    for credit in ("GeoNames", "OCHA", "OpenSyria", "Columbia Center for Spatial Research"):
        assert credit in result.stdout
    assert "MIT" in result.stdout


def test_cli_version_option() -> None:
    from frontline import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_cli_places_lists_the_article_places_most_frequent_first(article_db: str) -> None:
    result = invoke("places", "--db", article_db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert list(rows[0]) == [
        "location_text",
        "location",
        "gazetteer_id",
        "geo_status",
        "geo_precision",
        "count",
    ]
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    badro = [r for r in rows if r["location_text"] == "Jabal Badro"]
    assert badro
    assert badro[0]["geo_status"] == "resolved"
    assert badro[0]["gazetteer_id"]
    assert sum(counts) == len([e for e in stored(article_db) if e["location"]])


def test_cli_places_unresolved_after_ingesting_fakes(fakes_db: str) -> None:
    result = invoke("places", "--db", fakes_db, "--unresolved", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    assert {r["geo_status"] for r in rows} <= {"unresolved", "ambiguous"}
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)

    table = invoke("places", "--db", fakes_db, "--unresolved")
    assert table.exit_code == 0, table.stderr
    assert rows[0]["location_text"] in table.stdout


def test_cli_places_help_points_to_the_alias_file() -> None:
    result = invoke("places", "--help")
    assert "place_aliases.toml" in result.stdout


def test_cli_eval_json_has_event_scores() -> None:
    result = invoke("eval", "--gold", GOLD, ARTICLE, FAKES, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"precision", "recall", "f1"} <= set(report["events"])
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= report["events"][key] <= 1.0
