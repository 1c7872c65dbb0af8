"""Records ⇄ rows, both ways: what goes in comes back as an equal frozen record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from frontline.errors import StoreError
from frontline.records import (
    Diagnostic,
    Document,
    Event,
    GeoStatus,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)
from frontline.store.schema import DiagnosticRow, DocumentRow, EventRow


def document_to_row(document: Document, ingested_at: datetime) -> DocumentRow:
    return DocumentRow(
        doc_id=document.doc_id,
        content_hash=document.content_hash,
        title=document.title,
        text=document.text,
        published=document.published,
        published_from=document.published_from,
        source=document.source,
        url=document.url,
        origin=document.origin,
        meta=dict(document.meta),
        ignored=[[start, end] for start, end in document.ignored],
        ingested_at=ingested_at,
    )


def row_to_document(row: DocumentRow) -> Document:
    return Document(
        doc_id=row.doc_id,
        text=row.text,
        title=row.title,
        published=row.published,
        source=row.source,
        url=row.url,
        origin=row.origin,
        ignored=tuple((int(start), int(end)) for start, end in row.ignored),
        published_from=row.published_from,
        meta=dict(row.meta),
    )


def event_to_row(event: Event, document_id: int) -> EventRow:
    """The row for ``event``; raises StoreError when the event contradicts its provenance."""
    if event.provenance.doc_id != event.doc_id:
        raise StoreError(
            f"event {event.event_id}: provenance names document {event.provenance.doc_id!r} "
            f"but the event belongs to {event.doc_id!r}; fix the extractor that built it"
        )
    prov = event.provenance.evidence
    own_provenance = prov != event.evidence
    return EventRow(
        event_id=event.event_id,
        document_id=document_id,
        doc_id=event.doc_id,
        source=event.source,
        event_date=event.event_date,
        time_precision=event.time_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        **_place_columns(event.place),
        fatalities=event.fatalities,
        quantities=[_quantity_to_json(q) for q in event.quantities],
        attributed_to=event.attributed_to,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        evidence_text=event.evidence.text,
        territory_change=event.territory is not None,
        territory_from=event.territory.loser if event.territory else None,
        territory_to=event.territory.taker if event.territory else None,
        certainty=event.certainty,
        trigger=event.trigger,
        extractor=event.provenance.extractor,
        gazetteer=event.provenance.gazetteer,
        provenance_start=prov.start if own_provenance else None,
        provenance_end=prov.end if own_provenance else None,
        provenance_text=prov.text if own_provenance else None,
    )


def row_to_event(row: EventRow) -> Event:
    evidence = Span(row.evidence_start, row.evidence_end, row.evidence_text)
    prov_evidence = evidence
    if row.provenance_start is not None and row.provenance_end is not None:
        prov_evidence = Span(row.provenance_start, row.provenance_end, row.provenance_text or "")
    territory = None
    if row.territory_change:
        territory = TerritoryChange(loser=row.territory_from, taker=row.territory_to)
    return Event(
        event_id=row.event_id,
        doc_id=row.doc_id,
        source=row.source,
        event_date=row.event_date,
        time_precision=row.time_precision,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        actor1=row.actor1,
        actor2=row.actor2,
        place=_row_to_place(row),
        fatalities=row.fatalities,
        quantities=tuple(_json_to_quantity(q) for q in row.quantities),
        attributed_to=row.attributed_to,
        evidence=evidence,
        territory=territory,
        provenance=Provenance(
            doc_id=row.doc_id,
            evidence=prov_evidence,
            extractor=row.extractor,
            gazetteer=row.gazetteer,
        ),
        certainty=row.certainty,
        trigger=row.trigger,
    )


def diagnostic_to_row(diagnostic: Diagnostic, created: datetime) -> DiagnosticRow:
    return DiagnosticRow(
        origin=diagnostic.origin,
        line=diagnostic.line,
        level=diagnostic.level,
        message=diagnostic.message,
        created=created,
    )


def row_to_diagnostic(row: DiagnosticRow) -> Diagnostic:
    return Diagnostic(level=row.level, origin=row.origin, message=row.message, line=row.line)


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {
        "location_text": place.text,
        "location": place.name,
        "geo_status": place.status.value,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geo_precision": place.geo_precision,
        "gazetteer_id": place.gazetteer_id,
        "feature": place.feature,
        "geo_score": place.score,
        "location_start": place.span.start if place.span else None,
        "location_end": place.span.end if place.span else None,
        "location_span_text": place.span.text if place.span else None,
    }


def _row_to_place(row: EventRow) -> Place | None:
    if row.location_text is None:
        return None
    span = None
    if row.location_start is not None and row.location_end is not None:
        span = Span(row.location_start, row.location_end, row.location_span_text or "")
    return Place(
        text=row.location_text,
        name=row.location or row.location_text,
        status=GeoStatus(row.geo_status or GeoStatus.UNRESOLVED.value),
        latitude=row.latitude,
        longitude=row.longitude,
        admin1=row.admin1,
        admin2=row.admin2,
        geo_precision=row.geo_precision,
        gazetteer_id=row.gazetteer_id,
        feature=row.feature,
        score=row.geo_score,
        span=span,
    )


def _quantity_to_json(quantity: Quantity) -> dict[str, Any]:
    span = quantity.span
    return {
        "kind": quantity.kind,
        "value": quantity.value,
        "qualifier": quantity.qualifier,
        "start": span.start if span else None,
        "end": span.end if span else None,
        "text": span.text if span else None,
    }


def _json_to_quantity(data: dict[str, Any]) -> Quantity:
    span = None
    if data.get("start") is not None and data.get("end") is not None:
        span = Span(int(data["start"]), int(data["end"]), str(data.get("text") or ""))
    value = data["value"]
    return Quantity(
        kind=str(data["kind"]),
        value=value if isinstance(value, int | float) else float(value),
        qualifier=data.get("qualifier"),
        span=span,
    )
