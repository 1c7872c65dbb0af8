"""Live feeds: poll RSS/Atom feeds at an interval, ingest only new items, fuse incrementally.

``Watcher(store, feeds, ...)`` keeps, per feed, the entry ids it has seen and when it may be
polled next. A poll reads every feed that is due; a feed that fails (unreachable, an HTTP
error, not a feed at all) is logged and retried after a back-off that doubles up to
``max_backoff_s``, while the other feeds go on. New documents are stored in one transaction
and fused incrementally (``frontline.fuse.update.fuse_store(store, doc_ids)``, which also
refreshes control and credibility when those modules are there).

``clock`` and ``sleep`` are injectable so tests run polls without waiting; ``fetch`` is the
one door to the network (``frontline.ingest.options.fetch_url`` by default).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontline.fuse.update import fuse_store
from frontline.ingest.options import Fetch, ReadOptions, fetch_url
from frontline.pipeline import run_one_recorded
from frontline.records import Diagnostic, Document, Extraction
from frontline.store import Store

log = logging.getLogger("frontline.watch")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing a batch of new documents did."""

    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()


def ingest_and_fuse(store: Store, items: Iterable[Document | Diagnostic]) -> IngestResult:
    """Extract and store ``items`` in one transaction, then fuse what they touch."""
    extractions: list[Extraction] = []
    diagnostics: list[Diagnostic] = []
    for item in items:
        if isinstance(item, Diagnostic):
            diagnostics.append(item)
            continue
        done = run_one_recorded(item)
        if isinstance(done, Diagnostic):
            diagnostics.append(done)
        else:
            extractions.append(done)
            diagnostics.extend(done.diagnostics)
    report = store.ingest(extractions, [d for d in diagnostics if not _own(d, extractions)])
    if report.documents_added:
        fuse_store(store, [e.document.doc_id for e in extractions])
    return IngestResult(
        report.documents_added, report.documents_skipped, report.events_added, tuple(diagnostics)
    )


def _own(diagnostic: Diagnostic, extractions: Sequence[Extraction]) -> bool:
    return any(diagnostic in e.diagnostics for e in extractions)


@dataclass
class FeedState:
    """One feed's memory: entry ids seen, failures in a row, when it is due next."""

    url: str
    seen: set[str] = field(default_factory=set)
    failures: int = 0
    due: float = 0.0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class PollReport:
    """One poll: feeds read, feeds that failed, documents and events added."""

    polled: tuple[str, ...]
    failed: tuple[str, ...]
    documents_added: int
    events_added: int


class Watcher:
    """Polls ``feeds`` into ``store``; see the module docstring."""

    def __init__(
        self,
        store: Store,
        feeds: Sequence[str],
        *,
        interval_s: float = 900.0,
        max_backoff_s: float = 3600.0,
        fetch: Fetch = fetch_url,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        self.store = store
        self.states = [FeedState(url) for url in feeds]
        self.interval_s = interval_s
        self.max_backoff_s = max_backoff_s
        self.fetch = fetch
        self.clock = clock
        self.sleep = sleep

    def poll(self) -> PollReport:
        """Read every feed that is due; store and fuse what is new."""
        now = self.clock()
        polled, failed = [], []
        fresh: list[Document | Diagnostic] = []
        for state in self.states:
            if state.due > now:
                continue
            polled.append(state.url)
            documents = self._read(state, now)
            if documents is None:
                failed.append(state.url)
                continue
            fresh.extend(documents)
        result = ingest_and_fuse(self.store, fresh) if fresh else IngestResult()
        return PollReport(tuple(polled), tuple(failed), result.documents_added, result.events_added)

    def _read(self, state: FeedState, now: float) -> list[Document] | None:
        from frontline.ingest.feeds import read_feed

        try:
            data = self.fetch(state.url)
            if not _is_feed(data):
                self._failed(state, now, "the answer is not an RSS or Atom feed")
                return None
            items = list(read_feed(data, state.url, ReadOptions(fetch=self.fetch)))
        except Exception as exc:  # any failure of one feed is logged; the others go on
            self._failed(state, now, f"{type(exc).__name__}: {exc}")
            return None
        errors = [d for d in items if isinstance(d, Diagnostic) and d.level == "error"]
        if errors:
            self._failed(state, now, errors[0].message)
            return None
        state.failures, state.last_error, state.due = 0, None, now + self.interval_s
        new = [d for d in items if isinstance(d, Document) and d.doc_id not in state.seen]
        state.seen.update(d.doc_id for d in new)
        return new

    def _failed(self, state: FeedState, now: float, reason: str) -> None:
        state.failures += 1
        state.last_error = reason
        backoff = min(self.max_backoff_s, self.interval_s * 2 ** (state.failures - 1))
        state.due = now + backoff
        log.warning(
            "feed %s failed (%d in a row): %s; retrying in %.0f s",
            state.url,
            state.failures,
            reason,
            backoff,
        )

    def next_due(self) -> float:
        return min((s.due for s in self.states), default=self.clock() + self.interval_s)

    def run(self, max_polls: int | None = None, stop: threading.Event | None = None) -> int:
        """Poll until ``max_polls`` polls are done (None: for ever) or ``stop`` is set."""
        polls = 0
        while max_polls is None or polls < max_polls:
            if stop is not None and stop.is_set():
                break
            report = self.poll()
            polls += 1
            log.info(
                "poll %d: %d feeds read, %d failed, %d documents and %d events added",
                polls,
                len(report.polled),
                len(report.failed),
                report.documents_added,
                report.events_added,
            )
            if max_polls is not None and polls >= max_polls:
                break
            wait = max(0.0, self.next_due() - self.clock())
            if stop is not None:
                stop.wait(wait)
            else:
                self.sleep(wait)
        return polls


def _is_feed(data: bytes) -> bool:
    """Whether feedparser recognises ``data`` as some version of RSS or Atom."""
    import feedparser

    return bool(feedparser.parse(data).get("version"))


def start_in_background(watcher: Watcher) -> Callable[[], None]:
    """Run ``watcher`` in a daemon thread; returns the function that stops it."""
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, kwargs={"stop": stop}, daemon=True)
    thread.start()

    def halt() -> None:
        stop.set()
        thread.join(timeout=30)

    return halt
