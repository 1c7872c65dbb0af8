"""The tables, as typed SQLAlchemy 2 ORM classes (the migrations create exactly these).

``documents`` holds one row per distinct text: ``content_hash`` is unique, ``doc_id`` is not,
so a document id that comes back with changed text is kept as a second version (the newest
row wins in :meth:`Store.document`). ``events`` flattens :class:`frontline.records.Event`;
``diagnostics`` records inputs that were skipped, so nothing is dropped silently.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(255), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_from: Mapped[str] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, str]] = mapped_column(JSON)
    ignored: Mapped[list[list[int]]] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_latitude_longitude", "latitude", "longitude"),)

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    doc_id: Mapped[str] = mapped_column(String(255))
    source: Mapped[str | None] = mapped_column(String(255))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64))
    actor1: Mapped[str | None] = mapped_column(String(255), index=True)
    actor2: Mapped[str | None] = mapped_column(String(255), index=True)
    # the Place, flattened; location_text is NULL exactly when the event has no place
    location_text: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(255), index=True)
    geo_status: Mapped[str | None] = mapped_column(String(16))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(255))
    admin2: Mapped[str | None] = mapped_column(String(255))
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    gazetteer_id: Mapped[str | None] = mapped_column(String(64))
    feature: Mapped[str | None] = mapped_column(String(32))
    geo_score: Mapped[float | None] = mapped_column(Float)
    location_start: Mapped[int | None] = mapped_column(Integer)
    location_end: Mapped[int | None] = mapped_column(Integer)
    location_span_text: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    attributed_to: Mapped[str | None] = mapped_column(String(255))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    territory_change: Mapped[bool] = mapped_column(Boolean)
    territory_from: Mapped[str | None] = mapped_column(String(255))
    territory_to: Mapped[str | None] = mapped_column(String(255))
    certainty: Mapped[str] = mapped_column(String(16))
    trigger: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(128))
    gazetteer: Mapped[str | None] = mapped_column(String(128))
    # provenance evidence, only when it differs from the event's own evidence
    provenance_start: Mapped[int | None] = mapped_column(Integer)
    provenance_end: Mapped[int | None] = mapped_column(Integer)
    provenance_text: Mapped[str | None] = mapped_column(Text)


class DiagnosticRow(Base):
    __tablename__ = "diagnostics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text, index=True)
    line: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- the fuse stage's tables (migration 0002) ------------------------------------------------


class CopyRow(Base):
    """One stored document's near-duplicate fingerprint and, when it is a copy, its original."""

    __tablename__ = "copies"

    doc_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    original_doc_id: Mapped[str | None] = mapped_column(String(255), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    signature: Mapped[list[int]] = mapped_column(JSON)
    paragraphs: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class FusedEventRow(Base):
    """A :class:`frontline.records.FusedEvent`, flattened; ``place`` keeps the whole Place."""

    __tablename__ = "fused_events"
    __table_args__ = (
        Index("ix_fused_events_latitude_longitude", "latitude", "longitude"),
        Index(
            "ix_fused_events_event_date_latitude_longitude", "event_date", "latitude", "longitude"
        ),
    )

    fused_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int] = mapped_column(Integer)
    actor1: Mapped[str | None] = mapped_column(String(255), index=True)
    actor2: Mapped[str | None] = mapped_column(String(255), index=True)
    location: Mapped[str | None] = mapped_column(String(255), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(255))
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    gazetteer_id: Mapped[str | None] = mapped_column(String(64))
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    territory_from: Mapped[str | None] = mapped_column(String(255))
    territory_to: Mapped[str | None] = mapped_column(String(255))
    territory_change: Mapped[bool] = mapped_column(Boolean)
    documents: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[str]] = mapped_column(JSON)
    camps: Mapped[list[str]] = mapped_column(JSON)
    independent_sources: Mapped[int] = mapped_column(Integer, index=True)
    claims: Mapped[int] = mapped_column(Integer)
    contradictions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    certainty: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)


class FusedMemberRow(Base):
    """Which claim (an ``events`` row) belongs to which fused event: one fused event per claim."""

    __tablename__ = "fused_members"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    fused_id: Mapped[str] = mapped_column(String(64), index=True)
    doc_id: Mapped[str] = mapped_column(String(255), index=True)


class ControlPeriodRow(Base):
    """A :class:`frontline.records.ControlPeriod`."""

    __tablename__ = "control_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    place: Mapped[str] = mapped_column(String(255), index=True)
    gazetteer_id: Mapped[str | None] = mapped_column(String(64))
    within: Mapped[str | None] = mapped_column(String(255), index=True)
    faction: Mapped[str] = mapped_column(String(255))
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[list[str]] = mapped_column(JSON)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class ControlAreaRow(Base):
    """An area-level territory change (migration 0004): a governorate, "villages near" a town,
    a city whose neighbourhoods are known. Shown with the timeline, never spread to the
    places inside the area."""

    __tablename__ = "control_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(255), index=True)
    gazetteer_id: Mapped[str | None] = mapped_column(String(64))
    within: Mapped[str | None] = mapped_column(String(255), index=True)
    loser: Mapped[str | None] = mapped_column(String(255))
    taker: Mapped[str | None] = mapped_column(String(255))
    on: Mapped[date] = mapped_column(Date, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class CredibilityRow(Base):
    """A :class:`frontline.records.Credibility` of one stored document."""

    __tablename__ = "credibility"

    doc_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    source: Mapped[str | None] = mapped_column(String(255), index=True)
    published: Mapped[date | None] = mapped_column(Date)
    score: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[str]] = mapped_column(JSON)
