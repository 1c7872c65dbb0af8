"""CSV and JSONL tables: FA-KES recognised on its own, other layouts by column mapping."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.ingest import ColumnMapping, ReadOptions, iter_documents
from frontline.records import Diagnostic, Document

ROOT = Path(__file__).resolve().parents[2]
FAKES = ROOT / "samples" / "fakes_dev.csv"
RESOURCES = ROOT / "tests" / "resources" / "ingest"

pytestmark = pytest.mark.usefixtures("fake_datelines")


def _fakes_rows() -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with FAKES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(
    items: list[Document | Diagnostic],
) -> tuple[list[Document], list[Diagnostic]]:
    documents = [item for item in items if isinstance(item, Document)]
    diagnostics = [item for item in items if isinstance(item, Diagnostic)]
    return documents, diagnostics


def test_tables_fakes_recognised_without_options() -> None:
    documents, diagnostics = _split(list(iter_documents([FAKES])))
    rows = _fakes_rows()
    assert len(rows) == 480
    assert len(documents) == 480
    for row, document in zip(rows, documents, strict=True):
        assert document.doc_id == row["unit_id"]
        assert document.text == row["article_content"]
        assert document.title == row["article_title"].strip()
        assert document.source == row["source"]
        assert document.meta["location"] == row["location"]
        assert document.meta["label"] == row["labels"]
    assert all(d.level == "warning" and "already used" in d.message for d in diagnostics)


def test_tables_fakes_duplicate_ids_are_reported_with_their_rows() -> None:
    _, diagnostics = _split(list(iter_documents([FAKES])))
    repeated = {d.message.split("'")[1] for d in diagnostics}
    assert repeated == {"1926479049", "1926479112", "1926479289", "1926479313", "1926479318"}
    assert all(d.origin == str(FAKES) and d.line and d.line > 1 for d in diagnostics)


def test_tables_fakes_column_date_unless_the_dateline_disagrees() -> None:
    documents, _ = _split(list(iter_documents([FAKES])))
    by_id = {d.doc_id: d for d in documents}
    agree = by_id["1914947530"]  # "Wed 05 Apr 2017 ..." and 4/5/2017
    assert (agree.published, agree.published_from) == (date(2017, 4, 5), "column")
    assert "csv_date" not in agree.meta
    disagree = by_id["1924058228"]  # tass: "April 30 2017 ..." and 4/16/2017
    assert (disagree.published, disagree.published_from) == (date(2017, 4, 30), "dateline")
    assert disagree.meta["csv_date"] == "2017-04-16"


def test_tables_fakes_dateline_and_repeated_title_are_ignored() -> None:
    documents, _ = _split(list(iter_documents([FAKES])))
    who = next(d for d in documents if d.doc_id == "1914947530")
    ignored = [who.text[start:end] for start, end in who.ignored]
    assert ignored[:2] == [
        "Wed 05 Apr 2017",
        "Syria attack symptoms consistent with nerve agent use WHO.",
    ]
    assert who.analysis_text.lstrip().startswith("Victims of a suspected chemical attack")


def test_tables_csv_with_default_columns() -> None:
    documents, diagnostics = _split(list(iter_documents([RESOURCES / "articles.csv"])))
    assert [d.doc_id for d in documents] == ["sohr-001", "sohr-003"]
    atareb = documents[0]
    assert atareb.title == "Air strike on Atareb"
    assert (atareb.published, atareb.published_from) == (date(2016, 10, 16), "column")
    assert (atareb.source, atareb.url) == ("reuters", "https://example.org/atareb")
    assert [(d.level, d.line) for d in diagnostics] == [("warning", 3), ("warning", 4)]
    assert "empty text" in diagnostics[0].message
    assert "'not a date'" in diagnostics[1].message
    assert documents[1].published is None


def test_tables_csv_with_a_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        "ref;headline;story;day\n"
        'r1;Douma shelled;"Government forces shelled Douma.\nTwo people died.";28/11/2016\n',
        encoding="utf-8",
    )
    columns = ColumnMapping.parse("id=ref,title=headline,text=story,date=day,date_format=%d/%m/%Y")
    documents, diagnostics = _split(list(iter_documents([path], ReadOptions(columns=columns))))
    assert diagnostics == []
    assert documents[0].doc_id == "r1"
    assert documents[0].text == "Government forces shelled Douma.\nTwo people died."
    assert documents[0].published == date(2016, 11, 28)


def test_tables_csv_without_text_column_is_an_error_naming_the_file() -> None:
    path = RESOURCES / "no_text_column.csv"
    items = list(iter_documents([path]))
    assert len(items) == 1
    assert isinstance(items[0], Diagnostic)
    assert (items[0].level, items[0].origin) == ("error", str(path))
    assert "no text column" in items[0].message


def test_tables_mapped_column_missing_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "fakes_like.csv"
    path.write_text("unit_id,article_title,source\n1,Title,sana\n", encoding="utf-8")
    columns = ColumnMapping.parse("id=unit_id,text=article_content")
    items = list(iter_documents([path], ReadOptions(columns=columns)))
    assert len(items) == 1
    assert isinstance(items[0], Diagnostic)
    assert items[0].level == "error"
    assert "'article_content'" in items[0].message
    assert items[0].origin == str(path)


def test_tables_rows_without_id_are_numbered(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("text\nShelling of Jobar.\nClashes in Qaboun.\n", encoding="utf-8")
    documents, _ = _split(list(iter_documents([path])))
    assert [d.doc_id for d in documents] == ["notes-2", "notes-3"]


def test_tables_jsonl_rows_and_bad_lines() -> None:
    path = RESOURCES / "articles.jsonl"
    documents, diagnostics = _split(list(iter_documents([path])))
    assert [d.doc_id for d in documents] == ["7", "9"]
    madaya = documents[0]
    assert madaya.title == "Madaya siege"
    assert madaya.source == "aljazeera"
    assert (madaya.published, madaya.published_from) == (date(2016, 1, 7), "column")
    assert [(d.level, d.line) for d in diagnostics] == [("error", 3), ("error", 4)]
    assert all(d.origin == str(path) for d in diagnostics)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            "id=unit_id,text=article_content,date=date",
            ColumnMapping(text="article_content", id="unit_id", date="date"),
        ),
        (
            " text = body , label = labels ,date_format=%m/%d/%Y",
            ColumnMapping(text="body", date_format="%m/%d/%Y", extra=(("label", "labels"),)),
        ),
    ],
)
def test_tables_column_mapping_parse(spec: str, expected: ColumnMapping) -> None:
    assert ColumnMapping.parse(spec) == expected


@pytest.mark.parametrize("spec", ["id=unit_id", "text", "text=a,text=b", "=x,text=a"])
def test_tables_column_mapping_parse_refuses_bad_specs(spec: str) -> None:
    with pytest.raises(SetupError):
        ColumnMapping.parse(spec)


GOLD = ROOT / "data" / "gold" / "dev_events.jsonl"


def test_tables_fakes_real_datelines_match_the_gold_publication_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the real dateline finder: the gold's "published used" for its 24 FA-KES documents,
    and the dateline overruling the date column in about a quarter of all rows."""
    dateline = pytest.importorskip("frontline.ingest.dateline")
    monkeypatch.setattr("frontline.ingest.cleaning.find_dateline", dateline.find_dateline)
    documents, _ = _split(list(iter_documents([FAKES])))
    by_id = {d.doc_id: d for d in documents}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    fakes_gold = {g["doc_id"]: g["published"] for g in gold if g["doc_id"] in by_id}
    assert len(fakes_gold) == 24
    found = {doc_id: str(by_id[doc_id].published) for doc_id in fakes_gold}
    assert found == fakes_gold
    overruled = sum(1 for d in documents if "csv_date" in d.meta)
    assert 0.15 <= overruled / len(documents) <= 0.35
