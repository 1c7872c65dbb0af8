"""The distributed driver: the pipeline's own functions mapped over partitions with Dask.

Nothing here extracts: a partition of input files is read and extracted by
:func:`frontline.pipeline.extract_paths` (``iter_documents`` then ``run_one``), a partition of
documents by :func:`frontline.pipeline.run_many`, on whichever worker Dask gives it. A laptop
and a cluster run the same code; only the scheduler differs::

    bag = extract_bag(["corpus/"], files_per_partition=50)
    results = bag.compute(scheduler="processes")          # or a dask.distributed Client
    events = [e for r in results if isinstance(r, Extraction) for e in r.events]

Dask is an optional dependency (``pip install 'frontline[batch]'``); it is imported only when
a bag is built. Each worker process loads the lexicons and the gazetteer once, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.ingest import ReadOptions
from frontline.pipeline import extract_paths, run_many
from frontline.records import Diagnostic, Document, Extraction

Result = Extraction | Diagnostic


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise SetupError(
            "the batch driver needs Dask: pip install 'frontline[batch]' (or 'dask[bag]')"
        ) from exc
    return dask.bag


def partition_paths(
    paths: Sequence[str | Path], files_per_partition: int = 1
) -> list[tuple[str, ...]]:
    """The inputs in groups of ``files_per_partition``: directories are opened (recursively, in
    name order) so that their files spread over partitions; files and URLs stay as given."""
    if files_per_partition < 1:
        raise ValueError(f"files_per_partition must be at least 1, not {files_per_partition}")
    inputs: list[str] = []
    for path in paths:
        local = Path(path)
        if not str(path).startswith(("http://", "https://")) and local.is_dir():
            inputs += [str(p) for p in sorted(local.rglob("*")) if p.is_file()]
        else:
            inputs.append(str(path))
    return [
        tuple(inputs[i : i + files_per_partition])
        for i in range(0, len(inputs), files_per_partition)
    ]


def extract_partition(paths: Sequence[str], options: ReadOptions | None = None) -> list[Result]:
    """One partition of inputs: read and extract each document (bad input → Diagnostic)."""
    return list(extract_paths(list(paths), options))


def run_partition(documents: Iterable[Document]) -> list[Extraction]:
    """One partition of documents already read: :func:`frontline.pipeline.run_many`."""
    return list(run_many(documents))


def extract_bag(
    paths: Sequence[str | Path],
    options: ReadOptions | None = None,
    *,
    files_per_partition: int = 1,
) -> Any:
    """A lazy ``dask.bag.Bag`` of Extractions and Diagnostics, one partition per group of
    inputs, in input order; ``.compute(scheduler=...)`` runs it."""
    db = _dask_bag()
    groups = partition_paths(paths, files_per_partition)
    if not groups:
        return db.from_sequence([], npartitions=1)
    bag = db.from_sequence(groups, npartitions=len(groups))
    return bag.map(extract_partition, options=options).flatten()


def map_documents(documents: Any) -> Any:
    """Extraction mapped over a ``dask.bag.Bag`` of Documents, partition by partition."""
    return documents.map_partitions(run_partition)
