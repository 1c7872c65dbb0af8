"""The store: SQLite by default, PostgreSQL by URL, one code path for both.

``Store.open(url)`` connects and upgrades the schema to the newest migration;
``store.ingest(extractions)`` writes a whole batch in one transaction (all of it or none of
it) and skips documents whose text is already stored, so re-ingesting changes nothing;
``store.events(EventFilter(...))`` reads events back as frozen records. Every failure of the
database surfaces as :class:`frontline.errors.StoreError` with a message saying what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self

from alembic.util import CommandError
from sqlalchemy import Engine, Select, create_engine, event, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import SetupError, StoreError
from frontline.records import Diagnostic, Document, Event, Extraction
from frontline.store.mapping import (
    diagnostic_to_row,
    document_to_row,
    event_to_row,
    row_to_diagnostic,
    row_to_document,
    row_to_event,
)
from frontline.store.migrate import upgrade
from frontline.store.schema import DiagnosticRow, DocumentRow, EventRow
from frontline.store.url import display_url, resolve_url

_WRITE_OPTION = "frontline_write"
_WRITE = {_WRITE_OPTION: True}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Text criteria match whole values, ignoring case.

    ``since``/``until`` are inclusive; ``actor`` matches actor1 or actor2; ``place`` matches the
    canonical location name or the place as written; ``source`` matches the outlet.
    """

    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    place: str | None = None
    source: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ``ingest`` call wrote (``*_skipped``: already stored, left as they were)."""

    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    diagnostics_recorded: int = 0
    events_skipped: int = 0


@dataclass(slots=True)
class _Tally:
    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    events_skipped: int = 0
    diagnostics_recorded: int = 0

    def report(self) -> IngestReport:
        return IngestReport(
            documents_added=self.documents_added,
            documents_skipped=self.documents_skipped,
            events_added=self.events_added,
            diagnostics_recorded=self.diagnostics_recorded,
            events_skipped=self.events_skipped,
        )


class Store:
    """A frontline database. Open with :meth:`open`; use as a context manager or ``close()``."""

    def __init__(self, engine: Engine, url: str) -> None:
        self._engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to ``url`` (else ``$FRONTLINE_DB``, else ``sqlite:///frontline.db``) and
        upgrade its schema to the newest migration."""
        resolved = resolve_url(url)
        engine = _create_engine(resolved)
        try:
            _check_connection(engine, resolved)
            _migrate(engine, resolved)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, resolved)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for readers such as the API that need their own queries)."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def ingest(
        self, extractions: Iterable[Extraction], diagnostics: Iterable[Diagnostic] = ()
    ) -> IngestReport:
        """Store a batch in one transaction: if anything fails, nothing of it stays.

        A document whose text (content hash) is already stored is skipped with its events;
        an event whose id is already stored is skipped. Diagnostics (the extractions' own and
        ``diagnostics``) are recorded once each. Raises StoreError when the database refuses.
        """
        tally = _Tally()
        now = datetime.now(UTC)
        seen: set[tuple[str, int | None, str, str]] = set()
        try:
            with Session(self._engine.execution_options(**_WRITE)) as session, session.begin():
                for extraction in extractions:
                    if _add_extraction(session, extraction, now, tally):
                        _add_diagnostics(session, extraction.diagnostics, now, tally, seen)
                _add_diagnostics(session, diagnostics, now, tally, seen)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not write to {display_url(self.url)}: {_reason(exc)} — "
                "nothing of this batch was stored"
            ) from exc
        return tally.report()

    def events(self, criteria: EventFilter | None = None) -> list[Event]:
        """Stored events matching ``criteria``, by date (undated last), then event id."""
        stmt = _event_query(criteria or EventFilter())
        with self._reading() as session:
            return [row_to_event(row) for row in session.scalars(stmt)]

    def count_events(self) -> int:
        with self._reading() as session:
            return session.scalar(select(func.count()).select_from(EventRow)) or 0

    def count_documents(self) -> int:
        with self._reading() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Document]:
        """Stored documents in the order they were ingested (every version of an id)."""
        stmt = select(DocumentRow).order_by(DocumentRow.id).offset(offset).limit(limit)
        with self._reading() as session:
            return [row_to_document(row) for row in session.scalars(stmt)]

    def document(self, doc_id: str) -> Document | None:
        """The newest stored version of ``doc_id``, or None."""
        stmt = (
            select(DocumentRow)
            .where(DocumentRow.doc_id == doc_id)
            .order_by(DocumentRow.id.desc())
            .limit(1)
        )
        with self._reading() as session:
            row = session.scalars(stmt).first()
            return row_to_document(row) if row is not None else None

    def diagnostics(self) -> list[Diagnostic]:
        """Recorded diagnostics, oldest first."""
        with self._reading() as session:
            rows = session.scalars(select(DiagnosticRow).order_by(DiagnosticRow.id))
            return [row_to_diagnostic(row) for row in rows]

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        try:
            with Session(self._engine) as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"could not read {display_url(self.url)}: {_reason(exc)}") from exc


def _add_extraction(session: Session, extraction: Extraction, now: datetime, tally: _Tally) -> bool:
    """Add one document and its events; False when its text was already stored."""
    document = extraction.document
    stored = session.scalar(
        select(DocumentRow.id).where(DocumentRow.content_hash == document.content_hash)
    )
    if stored is not None:
        tally.documents_skipped += 1
        return False
    row = document_to_row(document, now)
    session.add(row)
    session.flush()
    tally.documents_added += 1
    ids = [e.event_id for e in extraction.events]
    known = set(session.scalars(select(EventRow.event_id).where(EventRow.event_id.in_(ids))))
    for item in extraction.events:
        if item.event_id in known:
            tally.events_skipped += 1
            continue
        known.add(item.event_id)
        session.add(event_to_row(item, row.id))
        tally.events_added += 1
    session.flush()
    return True


def _add_diagnostics(
    session: Session,
    diagnostics: Iterable[Diagnostic],
    now: datetime,
    tally: _Tally,
    seen: set[tuple[str, int | None, str, str]],
) -> None:
    for diagnostic in diagnostics:
        key = (diagnostic.origin, diagnostic.line, diagnostic.level, diagnostic.message)
        if key in seen:
            continue
        seen.add(key)
        line = (
            DiagnosticRow.line.is_(None)
            if diagnostic.line is None
            else DiagnosticRow.line == diagnostic.line
        )
        stored = session.scalar(
            select(DiagnosticRow.id)
            .where(
                DiagnosticRow.origin == diagnostic.origin,
                line,
                DiagnosticRow.level == diagnostic.level,
                DiagnosticRow.message == diagnostic.message,
            )
            .limit(1)
        )
        if stored is None:
            session.add(diagnostic_to_row(diagnostic, now))
            tally.diagnostics_recorded += 1
    session.flush()


def _event_query(criteria: EventFilter) -> Select[EventRow]:
    """The SELECT for ``criteria``; user values only ever travel as bound parameters."""
    stmt = select(EventRow)
    if criteria.since is not None:
        stmt = stmt.where(EventRow.event_date >= criteria.since)
    if criteria.until is not None:
        stmt = stmt.where(EventRow.event_date <= criteria.until)
    if criteria.event_type:
        stmt = stmt.where(func.lower(EventRow.event_type) == criteria.event_type.lower())
    if criteria.source:
        stmt = stmt.where(func.lower(EventRow.source) == criteria.source.lower())
    if criteria.actor:
        actor = criteria.actor.lower()
        stmt = stmt.where(
            or_(func.lower(EventRow.actor1) == actor, func.lower(EventRow.actor2) == actor)
        )
    if criteria.place:
        place = criteria.place.lower()
        stmt = stmt.where(
            or_(func.lower(EventRow.location) == place, func.lower(EventRow.location_text) == place)
        )
    stmt = stmt.order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.event_id)
    return stmt.offset(criteria.offset).limit(criteria.limit)


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (SQLAlchemyError, ValueError) as exc:
        raise SetupError(
            f"cannot read database URL {url!r}: {exc} — set --db or FRONTLINE_DB"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = 10
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        raise StoreError(
            f"no database driver for {display_url(url)}: {exc} — install psycopg (psycopg[binary])"
        ) from exc


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy (not the sqlite3 module) open transactions, so DDL and DML share them.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # A writer takes the write lock up front: no upgrade from a stale read snapshot later.
    writing = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _check_connection(engine: Engine, url: str) -> None:
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        if engine.dialect.name == "sqlite":
            hint = "does its directory exist, and may you write there?"
        else:
            hint = "is the server running?"
        raise StoreError(
            f"cannot connect to {display_url(url)}: {_reason(exc)} — {hint} "
            "set --db or FRONTLINE_DB"
        ) from exc


def _migrate(engine: Engine, url: str) -> None:
    try:
        with engine.execution_options(**_WRITE).begin() as connection:
            upgrade(connection)
    except CommandError as exc:
        raise StoreError(
            f"cannot upgrade the schema of {display_url(url)}: {exc} — was it written by a "
            "newer frontline? use that version, or a fresh database"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot upgrade the schema of {display_url(url)}: {_reason(exc)}"
        ) from exc


def _reason(exc: SQLAlchemyError) -> str:
    """The database's own words, first line only."""
    origin = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(origin).strip() or type(origin).__name__
    return text.splitlines()[0]
