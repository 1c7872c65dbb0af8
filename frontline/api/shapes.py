"""Rows of the store as the API's JSON: the EVENT shape of the contract, GeoJSON, ACLED CSV.

News text (evidence sentences, titles, article bodies) only ever leaves as JSON string data
or CSV cells, never inside HTML.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from frontline.export.acled import (
    ACLED_COLUMNS,
    COUNTRY,
    ISO,
    REGION,
    disorder_type,
    interaction,
    load_inter_codes,
    short_event_id,
)

Row = Mapping[str, Any] | Any


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _territory(row: Row) -> dict[str, Any] | None:
    if not row["territory_change"]:
        return None
    return {"from": row["territory_from"], "to": row["territory_to"]}


def _common(row: Row) -> dict[str, Any]:
    return {
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "event_date": _iso(row["event_date"]),
        "time_precision": row["time_precision"],
        "actor1": row["actor1"],
        "actor2": row["actor2"],
        "location": row["location"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "admin1": row["admin1"],
        "geo_precision": row["geo_precision"],
    }


def contradictions(raw: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "field": c["field"],
            "values": [{"value": v, "claims": list(ids)} for v, ids in c["values"]],
            "note": c.get("note", ""),
        }
        for c in raw
    ]


def fused_event(row: Row) -> dict[str, Any]:
    """A ``fused_events`` row as the contract's EVENT."""
    return {
        "id": row["fused_id"],
        **_common(row),
        "fatalities": {
            "low": row["fatalities_low"],
            "best": row["fatalities_best"],
            "high": row["fatalities_high"],
        },
        "territory": _territory(row),
        "sources": list(row["sources"]),
        "camps": list(row["camps"]),
        "independent_sources": row["independent_sources"],
        "claims": row["claims"],
        "contradictions": contradictions(row["contradictions"]),
        "certainty": row["certainty"],
        "confidence": row["confidence"],
    }


def claim_event(row: Row, camp: str | None = None) -> dict[str, Any]:
    """An ``events`` row (one claim) in the EVENT shape, with its document and evidence."""
    deaths = row["fatalities"]
    return {
        "id": row["event_id"],
        **_common(row),
        "fatalities": {"low": deaths, "best": deaths, "high": deaths},
        "territory": _territory(row),
        "sources": [row["source"]] if row["source"] else [],
        "camps": [camp] if camp else [],
        "independent_sources": 1,
        "claims": 1,
        "contradictions": [],
        "certainty": row["certainty"],
        "confidence": None,
        "doc_id": row["doc_id"],
        "evidence": {
            "start": row["evidence_start"],
            "end": row["evidence_end"],
            "text": row["evidence_text"],
        },
        "attributed_to": row["attributed_to"],
    }


def member(row: Row, camp: str, published: date | None, copy_of: str | None) -> dict[str, Any]:
    """One supporting claim of an event, for ``GET /events/{id}``."""
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "source": row["source"],
        "camp": camp,
        "published": _iso(published),
        "attributed_to": row["attributed_to"],
        "certainty": row["certainty"],
        "event_date": _iso(row["event_date"]),
        "sub_event_type": row["sub_event_type"],
        "fatalities": row["fatalities"],
        "location_text": row["location_text"],
        "evidence": row["evidence_text"],
        "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
        "copy_of": copy_of,
    }


def feature(event: Mapping[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point for an EVENT (None without coordinates)."""
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in event.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def feature_collection(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    features = [f for f in map(feature, events) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def acled_row(event: Mapping[str, Any], timestamp: int) -> dict[str, str]:
    """An EVENT under ACLED's column names (see frontline.export.acled for the choices)."""
    codes = load_inter_codes()
    actor1, actor2 = event["actor1"], event["actor2"]
    inter1 = codes.get(actor1) if actor1 else None
    inter2 = codes.get(actor2) if actor2 else None
    day = event["event_date"]
    best = event["fatalities"]["best"]
    evidence = event.get("evidence")
    tags = ["fatalities unknown"] if best is None else []
    if event["certainty"] != "reported":
        tags.append(event["certainty"])
    if event["independent_sources"] > 1:
        tags.append(f"independent sources: {event['independent_sources']}")
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        {
            "event_id_cnty": short_event_id(event["id"]),
            "event_date": day or "",
            "year": day[:4] if day else "",
            "time_precision": _cell(event["time_precision"]),
            "disorder_type": disorder_type(event["event_type"], event["sub_event_type"]),
            "event_type": event["event_type"],
            "sub_event_type": event["sub_event_type"],
            "actor1": _cell(actor1),
            "inter1": _cell(inter1),
            "actor2": _cell(actor2),
            "inter2": _cell(inter2),
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if actor2 == "Civilians" else "",
            "iso": str(ISO),
            "region": REGION,
            "country": COUNTRY,
            "admin1": _cell(event["admin1"]),
            "location": _cell(event["location"]),
            "latitude": _cell(event["latitude"]),
            "longitude": _cell(event["longitude"]),
            "geo_precision": _cell(event["geo_precision"]),
            "source": "; ".join(event["sources"]),
            "notes": " ".join(evidence["text"].split()) if evidence else "",
            "fatalities": str(best or 0),
            "tags": "; ".join(tags),
        }
    )
    row["timestamp"] = str(timestamp)
    return row


def acled_csv(events: Iterable[Mapping[str, Any]], now: datetime | None = None) -> str:
    moment = int((now or datetime.now(UTC)).timestamp())
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event, moment))
    return out.getvalue()
