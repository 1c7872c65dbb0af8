"""The store on SQLite and (with FRONTLINE_TEST_PG) PostgreSQL: same tests, same code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.records import Diagnostic, Extraction, Provenance
from frontline.store import EventFilter, IngestReport, Store
from frontline.store.migrate import current_revision, head_revision


def _counts(store: Store) -> tuple[int, int, int]:
    return store.count_documents(), store.count_events(), len(store.diagnostics())


def test_store_open_creates_schema(store: Store) -> None:
    inspector = inspect(store.engine)
    assert {"documents", "events", "diagnostics", "alembic_version"} <= set(
        inspector.get_table_names()
    )
    indexes = {ix["name"] for ix in inspector.get_indexes("events")}
    assert {
        "ix_events_event_date",
        "ix_events_event_type",
        "ix_events_location",
        "ix_events_latitude_longitude",
        "ix_events_actor1",
    } <= indexes
    uniques = inspector.get_unique_constraints("documents")
    assert [u["column_names"] for u in uniques] == [["content_hash"]]
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision() == "0004_control_areas"


_SPATIAL = ("_rtree", "_rtree_node", "_rtree_rowid", "_rtree_parent", "_point")


def test_store_migrations_match_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from frontline.store.schema import Base

    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # migration 0003's spatial indexes (SQLite R*Trees, PostgreSQL GiST on an expression)
    # cannot be declared in the models
    spatial = ("remove_table", "remove_index")
    diff = [d for d in diff if not (d[0] in spatial and d[1].name.endswith(_SPATIAL))]
    assert diff == []


def test_store_round_trips_document_and_events(store: Store, trt: Extraction) -> None:
    report = store.ingest([trt])
    assert report == IngestReport(documents_added=1, events_added=5)
    assert store.document(trt.document.doc_id) == trt.document
    assert store.documents() == [trt.document]
    stored = {event.event_id: event for event in store.events(EventFilter())}
    assert stored == {event.event_id: event for event in trt.events}
    badro = next(e for e in stored.values() if e.location == "Jabal Badro")
    assert badro.event_date == date(2016, 11, 27)
    assert badro.territory is not None and badro.territory.taker == "Military Forces of Syria"
    siege = next(e for e in stored.values() if e.sub_event_type == "Siege")
    assert [(q.kind, q.value) for q in siege.quantities] == [
        ("besieged", 250000),
        ("percent", 33.3),
    ]
    assert isinstance(siege.quantities[0].value, int)


def test_store_reopen_keeps_data(db_url: str, trt: Extraction) -> None:
    with Store.open(db_url) as first:
        first.ingest([trt])
    with Store.open(db_url) as second:
        assert second.count_events() == 5
        assert second.document(trt.document.doc_id) == trt.document


def test_store_reingest_is_idempotent(store: Store, trt: Extraction, dispatch: Extraction) -> None:
    first = store.ingest([trt, dispatch])
    assert (first.documents_added, first.events_added) == (2, 6)
    before = _counts(store)
    again = store.ingest([dispatch, trt, trt])
    assert again == IngestReport(documents_skipped=3)
    assert _counts(store) == before


def test_store_same_doc_id_with_new_text_is_a_new_version(
    store: Store, make_dispatch: Callable[..., Extraction]
) -> None:
    old = make_dispatch()
    new = make_dispatch(update=" Updated with rescue figures.")
    assert old.document.doc_id == new.document.doc_id
    store.ingest([old])
    report = store.ingest([new])
    assert (report.documents_added, report.events_added) == (1, 1)
    assert store.count_documents() == 2
    assert store.document("dispatch-2") == new.document
    assert [d.text for d in store.documents()] == [old.document.text, new.document.text]


def test_store_rolls_back_the_whole_batch_on_a_bad_event(
    store: Store, trt: Extraction, dispatch: Extraction, make_dispatch: Callable[..., Extraction]
) -> None:
    store.ingest([dispatch])
    before = _counts(store)
    event = trt.events[0]
    wrong = replace(
        event,
        event_id="dispatch-3-e1",
        provenance=Provenance(doc_id="elsewhere", evidence=event.evidence),
    )
    bad = Extraction(make_dispatch("dispatch-3", " Another text.").document, (wrong,))
    with pytest.raises(StoreError, match="provenance"):
        store.ingest([trt, bad], [Diagnostic("error", "feed.xml", "not XML")])
    assert _counts(store) == before
    assert store.document(trt.document.doc_id) is None


def test_store_rolls_back_when_the_database_fails_midway(
    store: Store,
    trt: Extraction,
    dispatch: Extraction,
    make_dispatch: Callable[..., Extraction],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.ingest([dispatch])
    before = _counts(store)
    real_flush = Session.flush
    calls = {"n": 0}

    def failing_flush(self: Session, objects: Any = None) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OperationalError("INSERT INTO events", {}, Exception("disk I/O error"))
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", failing_flush)
    with pytest.raises(StoreError, match="nothing of this batch was stored"):
        store.ingest([trt, make_dispatch("dispatch-9", " Third text.")])
    monkeypatch.undo()
    assert calls["n"] == 3
    assert _counts(store) == before


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (EventFilter(since=date(2016, 11, 27)), ["Jabal Badro", "al-Qaterji", "Sakhour", "Hanano"]),
        (EventFilter(until=date(2016, 11, 26)), ["Hanano"]),
        (
            EventFilter(since=date(2016, 11, 27), until=date(2016, 11, 27)),
            ["Jabal Badro", "al-Qaterji"],
        ),
        (EventFilter(event_type="humanitarian"), ["east Aleppo"]),
        (EventFilter(actor="Civilians"), ["al-Qaterji", "Hanano"]),
        (
            EventFilter(actor="military forces of syria", until=date(2016, 11, 27)),
            ["Hanano", "Jabal Badro"],
        ),
        (EventFilter(place="hanano"), ["Hanano", "Hanano"]),
        (EventFilter(place="the rebel-controlled east"), ["east Aleppo"]),
        (EventFilter(source="Reuters"), ["Hanano"]),
        (EventFilter(source="TRT World", event_type="Battles", limit=2), ["Hanano", "Jabal Badro"]),
        (EventFilter(source="TRT World", limit=2, offset=4), ["east Aleppo"]),
        (EventFilter(place="x' OR '1'='1"), []),
    ],
)
def test_store_filters_events(
    store: Store,
    trt: Extraction,
    dispatch: Extraction,
    criteria: EventFilter,
    expected: list[str],
) -> None:
    store.ingest([trt, dispatch])
    found = store.events(criteria)
    if criteria.since is None and criteria.until is None:
        assert [e.location for e in found] == expected
    else:
        assert sorted(e.location or "" for e in found) == sorted(expected)
    dates = [e.event_date for e in found if e.event_date is not None]
    assert dates == sorted(dates)


def test_store_lists_undated_events_last(store: Store, trt: Extraction) -> None:
    store.ingest([trt])
    events = store.events(EventFilter())
    assert events[-1].event_date is None
    assert events[0].event_date == date(2016, 11, 26)


def test_store_records_diagnostics_once(store: Store, dispatch: Extraction) -> None:
    skipped = Diagnostic("error", "corpus/broken.html", "no article text found")
    row = Diagnostic("warning", "fakes_dev.csv", "empty text column", line=14)
    with_own = replace(dispatch, diagnostics=(row,))
    report = store.ingest([with_own], [skipped, skipped])
    assert report.diagnostics_recorded == 2
    again = store.ingest([with_own], [skipped, row])
    assert again.diagnostics_recorded == 0
    assert store.diagnostics() == [row, skipped]


def test_store_sqlite_uses_wal_and_foreign_keys(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("WAL and PRAGMAs are SQLite's")
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_refuses_a_database_from_a_newer_frontline(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(StoreError, match="newer frontline"):
        Store.open(db_url)


def test_store_unreachable_postgres_raises_store_error() -> None:
    url = "postgresql://analyst:secret@127.0.0.1:1/frontline?connect_timeout=2"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert message.startswith("cannot connect to postgresql://analyst:***@127.0.0.1:1/")
    assert "is the server running?" in message
    assert "FRONTLINE_DB" in message
    assert "secret" not in message


def test_store_missing_sqlite_directory_raises_store_error(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match=r"cannot connect to sqlite:///.*does its directory"):
        Store.open(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")


def test_store_event_filter_rejects_negative_limits() -> None:
    with pytest.raises(ValueError, match="limit"):
        EventFilter(limit=-1)
