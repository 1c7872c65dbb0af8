"""Credibility in the store and on the command line: refresh, outlet reliability, commands."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontline.cli import main
from frontline.fuse.credibility import refresh_credibility
from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import run_one
from frontline.records import Document
from frontline.store import Store
from frontline.store.credibility import outlet_reliability, read_credibility

SAMPLES = Path(__file__).parents[2] / "samples"
ARTICLE = SAMPLES / "aleppo_2016-11-28_trt.txt"


def _documents(limit: int) -> list[Document]:
    found = [d for d in iter_documents([SAMPLES / "fakes_dev.csv"]) if isinstance(d, Document)]
    return found[:limit]


def test_credibility_refresh_stores_one_row_per_document_and_is_idempotent(
    store: Store,
) -> None:
    documents = _documents(25)
    store.ingest(run_one(d) for d in documents)
    assert refresh_credibility(store) == len({d.doc_id for d in documents})
    first = read_credibility(store)
    assert refresh_credibility(store) == len(first)
    assert read_credibility(store) == first
    assert all(0.0 <= r.score <= 1.0 and r.reasons for r in first)
    assert refresh_credibility(store, [documents[0].doc_id]) == 1
    assert len(read_credibility(store)) == len(first)


def test_credibility_sources_sum_to_the_stored_articles_by_quarter(store: Store) -> None:
    documents = _documents(25)
    store.ingest(run_one(d) for d in documents)
    refresh_credibility(store)
    outlets = outlet_reliability(store)
    assert {o.source for o in outlets} == {d.source for d in documents}
    assert sum(o.articles for o in outlets) == len({d.doc_id for d in documents})
    for outlet in outlets:
        assert sum(p.articles for p in outlet.periods) == outlet.articles
        assert 0.0 <= outlet.credible_share <= 1.0
        assert all(p.period[:4].isdigit() and "-Q" in p.period for p in outlet.periods)


def test_cli_credibility_jsonl_gives_one_line_per_article() -> None:
    result = CliRunner().invoke(
        main, ["credibility", str(ARTICLE), "--published", "2016-11-28"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1
    assert list(lines[0]) == ["doc_id", "score", "label", "reasons"]
    assert lines[0]["doc_id"] == "aleppo_2016-11-28_trt"
    assert lines[0]["label"] in ("credible", "fake")


def test_cli_credibility_names_a_missing_file_and_fails(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = CliRunner().invoke(main, ["credibility", str(missing)])
    assert result.exit_code != 0
    assert "nowhere.txt" in result.stderr


def test_cli_sources_lists_scored_outlets(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Store.open(url) as store:
        store.ingest(run_one(d) for d in iter_documents([ARTICLE], ReadOptions(source="trt")))
        refresh_credibility(store)
    result = CliRunner().invoke(main, ["sources", "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    outlets = json.loads(result.stdout)
    assert [o["source"] for o in outlets] == ["trt"]
    assert outlets[0]["articles"] == 1
