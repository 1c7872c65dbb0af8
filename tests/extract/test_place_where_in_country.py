"""A direction before "city of", "town of" or "village of" says where the place lies in the
country, not which part of it is meant: "the divided northern city of Aleppo" is Aleppo itself
(geo_precision 1), as "the western town of Ariha" is Ariha. "The eastern part of the city" and
"eastern Aleppo" stay a part of it (precision 2). Sentences from FA-KES (Reuters, 2 July 2015;
AFP)."""

from __future__ import annotations

from datetime import date

from sentence_events import events_of


def _places(text: str) -> list[tuple[str, str, int | None]]:
    return [
        (e.place.text, e.place.name, e.place.geo_precision)
        for e in events_of(text, date(2015, 7, 2), location="aleppo")
        if e.place is not None
    ]


def test_the_northern_city_of_aleppo_is_the_city() -> None:
    text = (
        "Syrian insurgents led by Islamist groups began a major offensive to gain full control "
        "of the divided northern city of Aleppo a monitor and rebels said on Thursday."
    )
    assert _places(text) == [("Aleppo", "Aleppo", 1)]


def test_the_western_town_of_ariha_is_the_town() -> None:
    text = "Air strikes hit the western town of Ariha on Thursday killing three people."
    assert [(name, precision) for _, name, precision in _places(text)] == [("Ariha", 1)]


def test_a_part_of_the_city_stays_a_part() -> None:
    text = "Rebels shelled eastern Aleppo on Thursday killing three people."
    assert [(name, precision) for _, name, precision in _places(text)] == [("Aleppo", 2)]
