"""The batch driver: Dask over partitions gives what one process gives, in the same order."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontline.batch import extract_bag, map_documents, partition_paths
from frontline.export.jsonl import event_to_dict
from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import extract_paths, run_many
from frontline.records import Diagnostic, Document, Extraction

db = pytest.importorskip("dask.bag")
SAMPLES = Path(__file__).parents[1] / "samples"
ROWS_PER_FILE = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 24 FA-KES dev rows in three CSV files, the example article, and a bad file."""
    folder = tmp_path_factory.mktemp("corpus")
    with (SAMPLES / "fakes_dev.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [next(reader) for _ in range(3 * ROWS_PER_FILE)]
    for n in range(3):
        with (folder / f"part{n}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows[n * ROWS_PER_FILE : (n + 1) * ROWS_PER_FILE])
    (folder / "aleppo.txt").write_text(
        (SAMPLES / "aleppo_2016-11-28_trt.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "broken.csv").write_text("no,known,columns\n1,2,3\n", encoding="utf-8")
    return folder


def _events(results: list[Extraction | Diagnostic]) -> list[dict[str, object]]:
    return [event_to_dict(e) for r in results if isinstance(r, Extraction) for e in r.events]


def test_batch_partitions_spread_a_directory_over_groups(corpus: Path) -> None:
    groups = partition_paths([corpus], files_per_partition=2)
    assert [len(g) for g in groups] == [2, 2, 1]
    assert [Path(p).name for g in groups for p in g] == sorted(p.name for p in corpus.iterdir())


def test_batch_bag_gives_the_events_of_one_process(corpus: Path) -> None:
    serial = list(extract_paths(sorted(corpus.iterdir()), ReadOptions()))
    batched = extract_bag([corpus], files_per_partition=1).compute(scheduler="synchronous")
    assert _events(batched) == _events(serial)
    assert sum(isinstance(r, Extraction) for r in batched) == 3 * ROWS_PER_FILE + 1
    assert len(_events(batched)) > 20
    (bad,) = [r for r in batched if isinstance(r, Diagnostic) and r.level == "error"]
    assert "broken.csv" in bad.origin


def test_batch_map_documents_is_run_many_per_partition(corpus: Path) -> None:
    docs = [d for d in iter_documents([corpus / "part0.csv"]) if isinstance(d, Document)]
    bag = map_documents(db.from_sequence(docs, npartitions=3))
    results = bag.compute(scheduler="synchronous")
    assert _events(results) == _events(list(run_many(docs)))
    assert [r.document.doc_id for r in results] == [d.doc_id for d in docs]


def test_batch_rejects_empty_partitions() -> None:
    with pytest.raises(ValueError, match="files_per_partition"):
        partition_paths([SAMPLES], files_per_partition=0)


def test_batch_command_writes_what_extract_writes(corpus: Path) -> None:
    from click.testing import CliRunner

    from frontline.cli import main

    files = [str(p) for p in sorted(corpus.iterdir()) if p.name != "broken.csv"]
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", *files, "--format", "jsonl"])
    batched = runner.invoke(
        main, ["batch", *files, "--scheduler", "synchronous", "--files-per-partition", "2"]
    )
    assert batched.exit_code == 0, batched.output
    assert batched.stdout == extracted.stdout
    assert batched.stdout.count("\n") > 20
    nothing = runner.invoke(main, ["batch", str(corpus / "broken.csv"), "--scheduler", "threads"])
    assert nothing.exit_code == 1
    assert "broken.csv" in nothing.stderr
