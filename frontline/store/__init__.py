"""store stage: documents, events and diagnostics in SQLite (default) or PostgreSQL.

>>> with Store.open("sqlite:///frontline.db") as store:  # doctest: +SKIP
...     report = store.ingest(run_many(documents))
...     events = store.events(EventFilter(place="Jabal Badro"))
"""

from __future__ import annotations

from frontline.store.store import EventFilter, IngestReport, Store
from frontline.store.url import DEFAULT_URL, resolve_url

__all__ = ["DEFAULT_URL", "EventFilter", "IngestReport", "Store", "resolve_url"]
