"""The example article, end to end: what an analyst must get from it (issue "Done when")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import run_one
from frontline.records import Document, Event

SAMPLE = Path(__file__).parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
GOVERNMENT = "Military Forces of Syria"
REBELS = "Syrian rebels"


@pytest.fixture(scope="module")
def article() -> Document:
    items = list(iter_documents([SAMPLE], ReadOptions(published=date(2016, 11, 28))))
    documents = [i for i in items if isinstance(i, Document)]
    assert len(documents) == 1
    return documents[0]


@pytest.fixture(scope="module")
def events(article: Document) -> list[Event]:
    return list(run_one(article).events)


def _at(events: list[Event], location: str, sub_event_type: str | None = None) -> list[Event]:
    return [
        e
        for e in events
        if e.location == location and (sub_event_type is None or e.sub_event_type == sub_event_type)
    ]


@pytest.mark.parametrize(
    ("location", "day"),
    [("Hanano", date(2016, 11, 26)), ("Jabal Badro", date(2016, 11, 27))],
)
def test_events_government_captures_with_resolved_weekdays(
    events: list[Event], location: str, day: date
) -> None:
    (capture,) = _at(events, location, "Government regains territory")
    assert capture.event_type == "Battles"
    assert capture.event_date == day
    assert capture.time_precision == 1
    assert (capture.actor1, capture.actor2) == (GOVERNMENT, REBELS)
    assert capture.territory is not None
    assert (capture.territory.loser, capture.territory.taker) == (REBELS, GOVERNMENT)


def test_events_pronoun_chain_gives_holok_to_the_regime(events: list[Event]) -> None:
    (holok,) = _at(events, "Holok", "Government regains territory")
    assert holok.actor1 == GOVERNMENT
    assert holok.attributed_to == "Syrian government"
    assert holok.certainty == "claimed"  # a party to the war speaking of its own gains
    assert holok.evidence.text.startswith("It later said it had taken a third district, Holok")


def test_events_pumping_station_is_infrastructure_with_territory(events: list[Event]) -> None:
    station = [e for e in events if e.sub_event_type == "Infrastructure"]
    assert len(station) == 1
    assert station[0].event_type == "Humanitarian"
    assert "Suleiman al-Halabi" in (station[0].place.text if station[0].place else "")
    assert station[0].territory is not None
    assert station[0].territory.taker == GOVERNMENT
    assert station[0].attributed_to == "Syrian state media"


def test_events_air_strike_in_qaterji_on_sunday(events: list[Event]) -> None:
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert any(
        e.event_date == date(2016, 11, 27) and e.place is not None and "Qaterji" in e.place.text
        for e in strikes
    )


def test_events_displacement_of_thousands(events: list[Event]) -> None:
    displaced = [q for e in events if e.sub_event_type == "Displacement" for q in e.quantities]
    assert any(
        q.kind == "displaced" and q.value == 2000 and q.qualifier == "thousands" for q in displaced
    )


def test_events_about_250000_besieged(events: list[Event]) -> None:
    (siege,) = [e for e in events if e.sub_event_type == "Siege"]
    assert [(q.kind, q.value, q.qualifier) for q in siege.quantities] == [
        ("besieged", 250000, "about")
    ]
    assert siege.location == "Aleppo"


def test_events_observatory_claim_of_some_ten_neighbourhoods(events: list[Event]) -> None:
    (claim,) = [e for e in events if "some 10 neighbourhoods" in e.evidence.text]
    assert claim.attributed_to == "Syrian Observatory for Human Rights"
    assert claim.sub_event_type == "Government regains territory"
    kinds = {(q.value, q.qualifier) for q in claim.quantities}
    assert (10, "about") in kinds
    assert (30, "nearly") in kinds


def test_events_person_named_ansari_is_not_a_place(article: Document, events: list[Event]) -> None:
    person = article.text.index("Abdullah Ansari")
    person_span = range(person, person + len("Abdullah Ansari"))
    for event in events:
        span = event.place.span if event.place else None
        assert span is None or span.start not in person_span
    # the sentence where he speaks is about Haydariya, the place he fled
    fled = [e for e in events if "who fled Haydariya" in e.evidence.text]
    assert fled
    assert {e.location for e in fled} == {"Haydariya"}


def test_events_evidence_offsets_reproduce_the_original_text(
    article: Document, events: list[Event]
) -> None:
    assert events
    for event in events:
        assert article.text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.provenance.doc_id == article.doc_id
        assert event.provenance.extractor.startswith("frontline-rules/")


def test_events_background_toll_since_the_war_began_is_not_an_event(events: list[Event]) -> None:
    assert not [e for e in events if "More than five years since" in e.evidence.text]


def test_events_every_offset_on_the_fakes_corpus_indexes_the_cell_text() -> None:
    fakes = Path(__file__).parents[2] / "samples" / "fakes_dev.csv"
    documents = [d for d in iter_documents([fakes]) if isinstance(d, Document)]
    checked = 0
    for document in documents:
        for event in run_one(document).events:
            spans = [event.evidence, *(q.span for q in event.quantities if q.span is not None)]
            if event.place is not None and event.place.span is not None:
                spans.append(event.place.span)
            for span in spans:
                assert document.text[span.start : span.end] == span.text
                checked += 1
    assert checked > 1000
