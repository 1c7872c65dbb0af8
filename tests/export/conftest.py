"""Events built by hand from the TRT World example article, with real offsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontline.records import (
    Event,
    GeoStatus,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
DOC_ID = "aleppo_2016-11-28_trt"

BADRO_SENTENCE = (
    "On Sunday they captured the neighbouring Jabal Badro district, forcing thousands to flee."
)
SOHR_SENTENCE = (
    '"Syrian government forces have captured some 10 neighbourhoods over the past few days, '
    "putting nearly 30 per cent of Aleppo's formerly rebel-held neighbourhoods under "
    "government control,\" SOHR's head, Rami Abdurrahman, said."
)


@pytest.fixture(scope="session")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def span_of(text: str, needle: str, within: Span | None = None) -> Span:
    """The span of ``needle`` in ``text`` (searched inside ``within`` when given)."""
    start = text.index(needle, within.start if within else 0)
    return Span(start, start + len(needle), needle)


def _event(evidence: Span, suffix: str, **fields: object) -> Event:
    defaults: dict[str, object] = {
        "event_id": f"{DOC_ID}:{evidence.start}:{suffix}",
        "doc_id": DOC_ID,
        "source": "TRT World",
        "event_date": date(2016, 11, 27),
        "time_precision": 1,
        "actor1": "Military Forces of Syria",
        "actor2": "Syrian rebels",
        "place": None,
        "fatalities": None,
        "quantities": (),
        "attributed_to": "TRT World",
        "evidence": evidence,
        "territory": None,
        "provenance": Provenance(DOC_ID, evidence),
    }
    defaults.update(fields)
    return Event(**defaults)  # type: ignore[arg-type]


def jabal_badro() -> Place:
    return Place(
        text="Jabal Badro",
        name="Jabal Badro",
        status=GeoStatus.RESOLVED,
        latitude=36.21486,
        longitude=37.20631,
        admin1="Aleppo",
        admin2="Jebel Saman",
        geo_precision=1,
        gazetteer_id="csr:72",
    )


@pytest.fixture()
def capture(article: str) -> Event:
    """Government forces take Jabal Badro on Sunday 27 November 2016."""
    evidence = span_of(article, BADRO_SENTENCE)
    return _event(
        evidence,
        "battle",
        event_type="Battles",
        sub_event_type="Government regains territory",
        place=jabal_badro(),
        territory=TerritoryChange(loser="Syrian rebels", taker="Military Forces of Syria"),
        trigger="captured",
    )


@pytest.fixture()
def displacement(article: str) -> Event:
    """Thousands flee Jabal Badro."""
    evidence = span_of(article, BADRO_SENTENCE)
    return _event(
        evidence,
        "displacement",
        event_type="Humanitarian",
        sub_event_type="Displacement",
        actor2="Civilians",
        place=jabal_badro(),
        quantities=(
            Quantity("displaced", 2000, "thousands", span_of(article, "thousands", evidence)),
        ),
        trigger="forcing thousands to flee",
    )


@pytest.fixture()
def placeless(article: str) -> Event:
    """SOHR's claim of some 10 neighbourhoods, with no single place and no day."""
    evidence = span_of(article, SOHR_SENTENCE)
    return _event(
        evidence,
        "battle",
        event_date=None,
        time_precision=2,
        event_type="Battles",
        sub_event_type="Government regains territory",
        quantities=(
            Quantity("neighbourhoods", 10, "some", span_of(article, "some 10", evidence)),
            Quantity("percent", 30, "nearly", span_of(article, "nearly 30 per cent", evidence)),
        ),
        attributed_to="Syrian Observatory for Human Rights",
        certainty="claimed",
        territory=TerritoryChange(loser="Syrian rebels", taker="Military Forces of Syria"),
    )


@pytest.fixture()
def events(capture: Event, displacement: Event, placeless: Event) -> list[Event]:
    return [capture, displacement, placeless]
