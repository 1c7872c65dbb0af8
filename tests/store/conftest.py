"""Records built by hand from the TRT World article of 28 November 2016 (samples/)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from frontline.records import (
    Document,
    Event,
    Extraction,
    GeoStatus,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
GOV = "Military Forces of Syria"
REBELS = "Syrian rebels"


def trt_document() -> Document:
    text = ARTICLE.read_text(encoding="utf-8")
    caption = "People remove belongings from a damaged site"
    first = text.index(caption)
    repeat = text.index(caption, first + 1)
    source_line = text.index("Source: TRTWorld")
    return Document(
        doc_id="aleppo_2016-11-28_trt",
        text=text,
        title="Syrian regime forces and their allies gain full control of northern Aleppo",
        published=date(2016, 11, 28),
        source="TRT World",
        url="https://www.trtworld.com/mea/syrian-regime-gains-full-control-of-northern-aleppo",
        origin="samples/aleppo_2016-11-28_trt.txt",
        ignored=((repeat, text.index("\n", repeat)), (source_line, len(text))),
        published_from="given",
        meta={"language": "en", "section": "Middle East"},
    )


def _span(doc: Document, phrase: str) -> Span:
    start = doc.text.index(phrase)
    return doc.span(start, start + len(phrase))


def _event_id(doc: Document, evidence: Span, event_type: str, place: str | None) -> str:
    key = f"{doc.content_hash}|{evidence.start}|{evidence.end}|{event_type}|{place}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _event(doc: Document, sentence: str, **fields: object) -> Event:
    evidence = _span(doc, sentence)
    place = fields.get("place")
    assert place is None or isinstance(place, Place)
    event_type = str(fields["event_type"])
    provenance = fields.pop("provenance", None) or Provenance(
        doc_id=doc.doc_id, evidence=evidence, gazetteer="geonames-sy/2024-01"
    )
    base: dict[str, object] = {
        "event_id": _event_id(doc, evidence, event_type, place.name if place else None),
        "doc_id": doc.doc_id,
        "source": doc.source,
        "time_precision": 1,
        "actor1": None,
        "actor2": None,
        "place": None,
        "fatalities": None,
        "quantities": (),
        "attributed_to": "TRT World",
        "evidence": evidence,
        "territory": None,
        "provenance": provenance,
    }
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def _place(doc: Document, name: str, **fields: object) -> Place:
    return Place(text=name, name=name, span=_span(doc, name), **fields)  # type: ignore[arg-type]


def trt_events(doc: Document) -> tuple[Event, ...]:
    badro = "On Sunday they captured the neighbouring Jabal Badro district, forcing thousands"
    thousands = _span(doc, badro)
    sohr = _span(doc, "The Syrian Observatory for Human Rights earlier said")
    sohr_evidence = _span(doc, "regime forces had captured Sakhour")
    return (
        _event(
            doc,
            badro + " to flee.",
            event_date=date(2016, 11, 27),
            event_type="Battles",
            sub_event_type="Government regains territory",
            actor1=GOV,
            actor2=REBELS,
            place=_place(
                doc,
                "Jabal Badro",
                status=GeoStatus.RESOLVED,
                latitude=36.2276,
                longitude=37.1898,
                admin1="Aleppo",
                admin2="Jebel Saman",
                geo_precision=1,
                gazetteer_id="sy-nbhd-0417",
                feature="neighbourhood",
                score=0.93,
            ),
            quantities=(
                Quantity(
                    "displaced",
                    1000,
                    "thousands",
                    doc.span(thousands.end - 9, thousands.end),
                ),
            ),
            territory=TerritoryChange(loser=REBELS, taker=GOV),
            trigger="captured",
        ),
        _event(
            doc,
            "The regime took control of the Hanano housing district on the northeast frontline "
            "in eastern Aleppo on Saturday.",
            event_date=date(2016, 11, 26),
            event_type="Battles",
            sub_event_type="Government regains territory",
            actor1=GOV,
            actor2=REBELS,
            place=_place(
                doc,
                "Hanano",
                status=GeoStatus.RESOLVED,
                latitude=36.2264,
                longitude=37.1811,
                admin1="Aleppo",
                admin2="Jebel Saman",
                geo_precision=1,
                gazetteer_id="sy-nbhd-0402",
                feature="neighbourhood",
                score=0.88,
            ),
            territory=TerritoryChange(loser=REBELS, taker=GOV),
            trigger="took control of",
        ),
        _event(
            doc,
            "People remove belongings from a damaged site after an air strike Sunday in the "
            "besieged rebel-held al-Qaterji neighbourhood of Aleppo, Syria.",
            event_date=date(2016, 11, 27),
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor2="Civilians",
            place=_place(
                doc,
                "al-Qaterji",
                status=GeoStatus.AMBIGUOUS,
                latitude=36.2171,
                longitude=37.1745,
                admin1="Aleppo",
                geo_precision=2,
                score=0.41,
            ),
            trigger="air strike",
        ),
        _event(
            doc,
            "about 250,000 people live under siege",
            event_date=None,
            time_precision=3,
            event_type="Humanitarian",
            sub_event_type="Siege",
            place=Place(text="the rebel-controlled east", name="east Aleppo"),
            quantities=(
                Quantity("besieged", 250000, "about", _span(doc, "250,000")),
                Quantity("percent", 33.3, "at least", None),
            ),
        ),
        _event(
            doc,
            "regime forces had captured Sakhour",
            event_date=date(2016, 11, 28),
            time_precision=2,
            event_type="Battles",
            sub_event_type="Government regains territory",
            actor1=GOV,
            actor2=REBELS,
            place=_place(doc, "Sakhour"),
            attributed_to="Syrian Observatory for Human Rights",
            territory=TerritoryChange(loser=None, taker=GOV),
            certainty="claimed",
            provenance=Provenance(
                doc_id=doc.doc_id,
                evidence=doc.span(sohr.start, sohr_evidence.end),
                extractor="frontline-rules/0.1.0",
            ),
        ),
    )


def trt_extraction() -> Extraction:
    doc = trt_document()
    return Extraction(document=doc, events=trt_events(doc))


def other_extraction(doc_id: str = "dispatch-2", update: str = "") -> Extraction:
    """A second short article, with one shelling event in Hanano; ``update`` is appended."""
    body = (
        "ALEPPO, Nov 29 — Shelling hit the Hanano district on Tuesday, "
        "killing at least 8 people, the White Helmets said." + update
    )
    doc = Document(
        doc_id=doc_id,
        text=body,
        published=date(2016, 11, 29),
        source="Reuters",
        origin="dispatches.csv",
        published_from="column",
    )
    event = _event(
        doc,
        "Shelling hit the Hanano district on Tuesday",
        event_date=date(2016, 11, 29),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=GOV,
        actor2="Civilians",
        place=_place(doc, "Hanano"),
        fatalities=8,
        quantities=(Quantity("killed", 8, "at least", _span(doc, "at least 8")),),
        attributed_to="White Helmets",
    )
    return Extraction(document=doc, events=(event,))


@pytest.fixture
def trt() -> Extraction:
    return trt_extraction()


@pytest.fixture
def dispatch() -> Extraction:
    return other_extraction()


@pytest.fixture
def make_dispatch() -> Callable[..., Extraction]:
    """Builds short dispatches: ``make_dispatch(doc_id, update)``."""
    return other_extraction
