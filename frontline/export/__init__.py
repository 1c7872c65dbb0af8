"""export stage: events out as JSONL, ACLED-shaped CSV or GeoJSON, and JSONL back in.

- :func:`write_events` writes to an open text stream in one of :data:`FORMATS`.
- :func:`export_to_path` writes a file atomically: the events go to a temporary file in the
  same directory, which replaces the target only once everything is written. A failure
  midway leaves the old file (or no file) in place, never half of one.
- :func:`event_to_dict` / :func:`dict_to_event` define the JSONL contract
  (:mod:`frontline.export.jsonl`); :func:`read_jsonl` reads an export back into records.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from frontline.export import acled, geojson, jsonl
from frontline.export.acled import write_acled_csv
from frontline.export.geojson import write_geojson
from frontline.export.jsonl import dict_to_event, event_to_dict, read_jsonl, write_jsonl
from frontline.records import Event

FORMATS: tuple[str, ...] = ("jsonl", "acled-csv", "geojson")

__all__ = [
    "FORMATS",
    "dict_to_event",
    "event_to_dict",
    "export_to_path",
    "read_jsonl",
    "write_acled_csv",
    "write_events",
    "write_geojson",
    "write_jsonl",
]


def _writer(format: str, now: datetime | None) -> Callable[[Iterable[Event], TextIO], int]:
    # Looked up at call time so each writer module stays the one place that defines it.
    if format == "jsonl":
        return jsonl.write_jsonl
    if format == "acled-csv":
        return lambda events, fh: acled.write_acled_csv(events, fh, now=now)
    if format == "geojson":
        return geojson.write_geojson
    valid = ", ".join(FORMATS)
    raise ValueError(f"unknown export format {format!r}; choose one of: {valid}")


def write_events(
    events: Iterable[Event], fh: TextIO, format: str, *, now: datetime | None = None
) -> int:
    """Write ``events`` to ``fh`` in ``format``; returns how many were written.

    For ``geojson`` that is the number of features (events with coordinates). ``now`` fixes
    the ACLED ``timestamp`` column. An unknown format raises ValueError listing the valid ones.
    """
    return _writer(format, now)(events, fh)


def export_to_path(
    events: Iterable[Event],
    path: str | os.PathLike[str],
    format: str,
    *,
    now: datetime | None = None,
) -> int:
    """Write ``events`` to the file ``path`` in ``format``, atomically; returns the count.

    The file is UTF-8. Its permissions follow the umask, as for any new file.
    """
    write = _writer(format, now)  # an unknown format fails before anything is created
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            count = write(events, fh)
            fh.flush()
            os.fsync(fh.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count
