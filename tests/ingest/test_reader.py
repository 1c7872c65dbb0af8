"""iter_documents: any mix of inputs; each bad one a Diagnostic, the batch goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from frontline.ingest import iter_documents
from frontline.records import Diagnostic, Document

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "tests" / "resources" / "ingest"
TRT_SAMPLE = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"

pytestmark = pytest.mark.usefixtures("fake_datelines")

ARABIC = "قصف على حلب الشرقية صباح اليوم"
SPANISH = "Alepo está sitiada: miles de civiles huyen hacia el sur."


def _split(items: list[Document | Diagnostic]) -> tuple[list[Document], list[Diagnostic]]:
    return (
        [item for item in items if isinstance(item, Document)],
        [item for item in items if isinstance(item, Diagnostic)],
    )


@pytest.fixture
def bad_batch(tmp_path: Path) -> list[Path]:
    """A good article between every kind of bad input."""
    (tmp_path / "arabic.txt").write_bytes(f"حلب\n{ARABIC}\n".encode("cp1256"))
    (tmp_path / "spanish.txt").write_bytes(f"Alepo\n{SPANISH}\n".encode("latin-1"))
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "empty.txt").write_bytes(b"   \n\n")
    shutil.copy(TRT_SAMPLE, tmp_path / "trt.txt")
    names = ["missing.txt", "arabic.txt", "spanish.txt", "photo.txt", "empty.txt", "trt.txt"]
    return [tmp_path / name for name in names]


def test_reader_bad_inputs_each_give_a_diagnostic_naming_the_file(bad_batch: list[Path]) -> None:
    documents, diagnostics = _split(list(iter_documents(bad_batch)))
    found = {Path(d.origin).name: (d.level, d.message) for d in diagnostics}
    assert found["missing.txt"][0] == "error"
    assert "no such file" in found["missing.txt"][1]
    assert found["arabic.txt"][0] == found["spanish.txt"][0] == "warning"
    assert "Windows-1256" in found["arabic.txt"][1]
    assert "Latin-1" in found["spanish.txt"][1]
    assert found["photo.txt"][0] == "error"
    assert "binary file, not text" in found["photo.txt"][1]
    assert found["empty.txt"][0] == "warning"
    assert "empty" in found["empty.txt"][1]
    assert [d.doc_id for d in documents] == ["arabic", "spanish", "trt"]


def test_reader_fallback_decodings_keep_the_text(bad_batch: list[Path]) -> None:
    documents, _ = _split(list(iter_documents(bad_batch)))
    by_id = {d.doc_id: d for d in documents}
    assert ARABIC in by_id["arabic"].text
    assert by_id["arabic"].title == "حلب"
    assert SPANISH in by_id["spanish"].text


def test_reader_directory_recursive_sorted_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(TRT_SAMPLE, tmp_path / "b" / "deep" / "trt.txt")
    shutil.copy(RESOURCES / "trt_aleppo.html", tmp_path / "a_page.htm")
    shutil.copy(RESOURCES / "syria_news.atom", tmp_path / "b" / "news.atom")
    (tmp_path / "b" / "notes.md").write_text("# not read", encoding="utf-8")
    (tmp_path / "b" / "image.jpg").write_bytes(bytes(100))
    (tmp_path / ".hidden" / "secret.txt").write_text("x\ny", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    documents, diagnostics = _split(items)
    assert diagnostics == []
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in documents] == [
        "a_page.htm",
        "b/deep/trt.txt",
        "b/news.atom",
    ]


def test_reader_empty_directory_is_a_warning(tmp_path: Path) -> None:
    items = list(iter_documents([tmp_path, TRT_SAMPLE]))
    assert isinstance(items[0], Diagnostic)
    assert (items[0].level, items[0].origin) == ("warning", str(tmp_path))
    assert isinstance(items[1], Document)


def test_reader_sniffs_feeds_and_pages_behind_wrong_extensions(tmp_path: Path) -> None:
    shutil.copy(RESOURCES / "syria_news.atom", tmp_path / "feed.html")
    shutil.copy(RESOURCES / "trt_aleppo.html", tmp_path / "page.dat")
    documents, diagnostics = _split(
        list(iter_documents([tmp_path / "feed.html", tmp_path / "page.dat"]))
    )
    assert diagnostics == []
    assert documents[0].doc_id.startswith("feed-")
    assert documents[1].doc_id == "page"
    assert documents[1].published_from == "metadata"


def test_reader_mixes_formats_in_order() -> None:
    inputs: list[str | Path] = [
        TRT_SAMPLE,
        RESOURCES / "trt_aleppo.html",
        RESOURCES / "trt_world.rss",
        RESOURCES / "articles.jsonl",
        str(RESOURCES / "articles.csv"),
    ]
    documents, _ = _split(list(iter_documents(inputs)))
    origins = [Path(d.origin).name for d in documents]
    assert origins == [
        "aleppo_2016-11-28_trt.txt",
        "trt_aleppo.html",
        "trt_world.rss",
        "trt_world.rss",
        "articles.jsonl",
        "articles.jsonl",
        "articles.csv",
        "articles.csv",
    ]
