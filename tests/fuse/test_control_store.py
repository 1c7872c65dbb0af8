"""The control timeline in the store and on the command line, from the example article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontline.cli import main
from frontline.errors import StoreError
from frontline.records import ControlPeriod
from frontline.store import Store
from frontline.store.control import (
    ControlFilter,
    control_periods,
    control_view,
    count_control_periods,
    refresh_control,
    replace_control_periods,
)

ROOT = Path(__file__).parents[2]
ARTICLE = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"
GOV = "Military Forces of Syria"


@pytest.fixture
def filled(store: Store) -> Store:
    from frontline.ingest import ReadOptions, iter_documents
    from frontline.pipeline import run_many
    from frontline.records import Document

    docs = [
        d
        for d in iter_documents([ARTICLE], ReadOptions(published=date(2016, 11, 28)))
        if isinstance(d, Document)
    ]
    store.ingest(run_many(docs))
    return store


def test_control_store_refresh_is_idempotent(filled: Store) -> None:
    written = refresh_control(filled)
    first = control_periods(filled)
    assert written == len(first) == count_control_periods(filled) > 0
    assert refresh_control(filled) == written
    assert control_periods(filled) == first


def test_control_store_filters_by_day_and_place(filled: Store) -> None:
    refresh_control(filled)
    on = control_periods(filled, ControlFilter(place="jabal badro", on=date(2016, 11, 20)))
    assert [(p.faction, p.until) for p in on] == [("Syrian rebels", date(2016, 11, 27))]
    inside = control_periods(filled, ControlFilter(within="Aleppo"))
    assert {p.place for p in inside} >= {"Hanano", "Jabal Badro"}


def test_control_store_failed_replace_keeps_the_previous_timeline(filled: Store) -> None:
    refresh_control(filled)
    before = control_periods(filled)
    broken = ControlPeriod("Hanano", None, None, None, 0.5, ())  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="previous timeline was kept"):
        replace_control_periods(filled, [*before, broken])
    assert control_periods(filled) == before


def test_control_view_computes_the_timeline_when_none_is_stored(filled: Store) -> None:
    view = control_view(filled, "Aleppo", date(2016, 11, 28))
    assert view.refreshed and view.place == "Aleppo"
    assert {p.place for p in view.holders if p.faction == GOV} >= {"Hanano", "Jabal Badro"}
    assert view.shares is not None and view.shares.total > 100


def test_control_cli_json_lists_each_place_inside(filled: Store) -> None:
    runner = CliRunner()
    args = ["control", "--place", "Aleppo", "--date", "2016-11-28", "--db", filled.url]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["place"]: r for r in json.loads(result.output)}
    badro = rows["Jabal Badro"]
    assert badro["faction"] == GOV and badro["since"] == "2016-11-27"
    assert set(badro) >= {"place", "faction", "since", "until", "confidence", "evidence"}
    assert badro["evidence"] and 0 < badro["confidence"] <= 1
    table = runner.invoke(main, args)
    assert table.exit_code == 0 and "neighbourhoods of Aleppo" in table.output


def test_control_cli_unknown_place_fails_naming_it(filled: Store) -> None:
    args = ["control", "--place", "Xqzzyville", "--date", "2016-11-28", "--db", filled.url]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "Xqzzyville" in str(result.exception)


def test_control_eval_scores_the_articles_gold_changes(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = (ROOT / "data" / "gold" / "dev_events.jsonl").read_text(encoding="utf-8")
    gold.write_text(
        next(line for line in lines.splitlines() if '"aleppo_2016-11-28_trt"' in line) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["eval-control", "--gold", str(gold), str(ARTICLE), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    outcome = {c["location"]: c["outcome"] for c in report["changes"]}
    assert outcome["Hanano"] == outcome["Jabal Badro"] == "recovered"
    assert report["place_changes"]["recovered"] >= 4
