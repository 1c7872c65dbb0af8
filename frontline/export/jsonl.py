"""The JSONL contract: one event per line, and the way back into records.

:func:`event_to_dict` is the one place that defines the shape of an exported event; the
GeoJSON properties and the CLI's ``--format jsonl`` both come from it. Keys, in this order::

    doc_id, source, event_date, time_precision, event_type, sub_event_type,
    actor1, actor2, location, admin1, admin2, latitude, longitude, geo_precision,
    fatalities, quantities, attributed_to, evidence, territory,
    event_id, location_text, geo_status, gazetteer_id, certainty, trigger, extractor

- ``event_date`` is an ISO date (``2016-11-27``) or null.
- ``location`` … ``geo_precision``, ``location_text``, ``geo_status`` and ``gazetteer_id``
  are null when the event has no place.
- ``quantities`` is a list of ``{"kind", "value", "qualifier"}``; a quantity with a span
  adds ``"start"`` and ``"end"`` (offsets into the article). Its span text is recovered from
  the evidence on reading; only a span that lies outside the evidence also writes ``"text"``.
- ``evidence`` is ``{"start", "end", "text"}``; ``territory`` is ``{"from", "to"}`` (the
  faction that lost the place, the one that took it) or null.

:func:`dict_to_event` is the inverse. Reading back gives an equal :class:`Event` except for
what the contract does not carry: ``Place.feature``, ``Place.score``, ``Place.span`` and
``Provenance.gazetteer`` come back as None, and the provenance's document and evidence are
the event's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TextIO

from frontline.errors import InputError
from frontline.records import (
    Event,
    GeoStatus,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)

KEYS: tuple[str, ...] = (
    "doc_id",
    "source",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "quantities",
    "attributed_to",
    "evidence",
    "territory",
    "event_id",
    "location_text",
    "geo_status",
    "gazetteer_id",
    "certainty",
    "trigger",
    "extractor",
)


def _quantity_to_dict(quantity: Quantity, evidence: Span) -> dict[str, object]:
    out: dict[str, object] = {
        "kind": quantity.kind,
        "value": quantity.value,
        "qualifier": quantity.qualifier,
    }
    span = quantity.span
    if span is not None:
        out["start"] = span.start
        out["end"] = span.end
        if not evidence.start <= span.start <= span.end <= evidence.end:
            out["text"] = span.text
    return out


def _place_fields(place: Place | None) -> dict[str, object]:
    if place is None:
        return {
            "location": None,
            "admin1": None,
            "admin2": None,
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
        }
    return {
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision,
    }


def event_to_dict(event: Event) -> dict[str, object]:
    """The JSONL form of one event: the keys of :data:`KEYS`, in that order."""
    place = event.place
    territory = event.territory
    out: dict[str, object] = {
        "doc_id": event.doc_id,
        "source": event.source,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        **_place_fields(place),
        "fatalities": event.fatalities,
        "quantities": [_quantity_to_dict(q, event.evidence) for q in event.quantities],
        "attributed_to": event.attributed_to,
        "evidence": {
            "start": event.evidence.start,
            "end": event.evidence.end,
            "text": event.evidence.text,
        },
        "territory": (
            {"from": territory.loser, "to": territory.taker} if territory is not None else None
        ),
        "event_id": event.event_id,
        "location_text": place.text if place else None,
        "geo_status": place.status.value if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "certainty": event.certainty,
        "trigger": event.trigger,
        "extractor": event.provenance.extractor,
    }
    return out


# --- reading back -------------------------------------------------------------------------


def _get(d: Mapping[str, object], key: str, kind: type | tuple[type, ...], *, null: bool) -> object:
    if key not in d or d[key] is None:
        if null:
            return None
        raise ValueError(f"field {key!r} is missing or null")
    value = d[key]
    # bool is an int in Python; JSON true/false is never a count or an offset.
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise ValueError(f"field {key!r} must not be a boolean")
    if not isinstance(value, kind):
        raise ValueError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _str(d: Mapping[str, object], key: str) -> str:
    value = _get(d, key, str, null=False)
    assert isinstance(value, str)
    return value


def _opt_str(d: Mapping[str, object], key: str) -> str | None:
    value = _get(d, key, str, null=True)
    return value if isinstance(value, str) else None


def _int(d: Mapping[str, object], key: str) -> int:
    value = _get(d, key, int, null=False)
    assert isinstance(value, int)
    return value


def _opt_int(d: Mapping[str, object], key: str) -> int | None:
    value = _get(d, key, int, null=True)
    return value if isinstance(value, int) else None


def _opt_float(d: Mapping[str, object], key: str) -> float | None:
    value = _get(d, key, (int, float), null=True)
    return float(value) if isinstance(value, int | float) else None


def _mapping(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} must be an object")
    return value


def _span(d: Mapping[str, object], what: str) -> Span:
    start, end, text = _int(d, "start"), _int(d, "end"), _str(d, "text")
    try:
        return Span(start, end, text)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _quantity(raw: object, evidence: Span) -> Quantity:
    d = _mapping(raw, "a quantity")
    value = _get(d, "value", (int, float), null=False)
    assert isinstance(value, int | float)
    span: Span | None = None
    start, end = _opt_int(d, "start"), _opt_int(d, "end")
    if start is not None and end is not None:
        if "text" in d:
            span = _span(d, "quantity span")
        elif evidence.start <= start <= end <= evidence.end:
            text = evidence.text[start - evidence.start : end - evidence.start]
            span = Span(start, end, text)
        else:
            raise ValueError("quantity span lies outside the evidence and carries no text")
    return Quantity(_str(d, "kind"), value, _opt_str(d, "qualifier"), span)


def _place(d: Mapping[str, object]) -> Place | None:
    name = _opt_str(d, "location")
    if name is None:
        return None
    status = _opt_str(d, "geo_status") or GeoStatus.UNRESOLVED.value
    try:
        geo_status = GeoStatus(status)
    except ValueError:
        raise ValueError(f"field 'geo_status' has an unknown value {status!r}") from None
    return Place(
        text=_opt_str(d, "location_text") or name,
        name=name,
        status=geo_status,
        latitude=_opt_float(d, "latitude"),
        longitude=_opt_float(d, "longitude"),
        admin1=_opt_str(d, "admin1"),
        admin2=_opt_str(d, "admin2"),
        geo_precision=_opt_int(d, "geo_precision"),
        gazetteer_id=_opt_str(d, "gazetteer_id"),
    )


def _event_date(d: Mapping[str, object]) -> date | None:
    raw = _opt_str(d, "event_date")
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"field 'event_date' is not an ISO date: {raw!r}") from None


def _territory(d: Mapping[str, object]) -> TerritoryChange | None:
    raw = d.get("territory")
    if raw is None:
        return None
    t = _mapping(raw, "field 'territory'")
    return TerritoryChange(loser=_opt_str(t, "from"), taker=_opt_str(t, "to"))


def dict_to_event(d: Mapping[str, object]) -> Event:
    """The :class:`Event` that :func:`event_to_dict` wrote; raises ValueError on a bad dict."""
    doc_id = _str(d, "doc_id")
    evidence = _span(_mapping(d.get("evidence"), "field 'evidence'"), "evidence")
    raw_quantities = d.get("quantities") or []
    if not isinstance(raw_quantities, list):
        raise ValueError("field 'quantities' must be a list")
    extractor = _opt_str(d, "extractor")
    provenance = (
        Provenance(doc_id, evidence, extractor)
        if extractor is not None
        else Provenance(doc_id, evidence)
    )
    return Event(
        event_id=_str(d, "event_id"),
        doc_id=doc_id,
        source=_opt_str(d, "source"),
        event_date=_event_date(d),
        time_precision=_int(d, "time_precision"),
        event_type=_str(d, "event_type"),
        sub_event_type=_str(d, "sub_event_type"),
        actor1=_opt_str(d, "actor1"),
        actor2=_opt_str(d, "actor2"),
        place=_place(d),
        fatalities=_opt_int(d, "fatalities"),
        quantities=tuple(_quantity(q, evidence) for q in raw_quantities),
        attributed_to=_opt_str(d, "attributed_to"),
        evidence=evidence,
        territory=_territory(d),
        provenance=provenance,
        certainty=_opt_str(d, "certainty") or "reported",
        trigger=_opt_str(d, "trigger"),
    )


# --- files --------------------------------------------------------------------------------


def write_jsonl(events: Iterable[Event], fh: TextIO) -> int:
    """Write one JSON object per line (UTF-8 text, not escaped); returns the count."""
    count = 0
    for event in events:
        fh.write(json.dumps(event_to_dict(event), ensure_ascii=False))
        fh.write("\n")
        count += 1
    return count


def read_jsonl(fh: TextIO, origin: str) -> Iterator[Event]:
    """The events of a JSONL stream; blank lines are skipped.

    A line that is not JSON, not an object, or not an event raises
    :class:`~frontline.errors.InputError` naming ``origin`` and the 1-based line.
    """
    for number, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                origin, f"not valid JSON ({exc.msg}); each line must be one event", number
            ) from None
        if not isinstance(raw, dict):
            raise InputError(origin, "each line must be a JSON object (one event)", number)
        try:
            yield dict_to_event(raw)
        except ValueError as exc:
            raise InputError(origin, f"not a frontline event: {exc}", number) from None
