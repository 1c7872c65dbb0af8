"""A city's countryside ("northern rural Homs", "Aleppo eastern countryside") is the governorate
around the city, coded at the governorate's precision (3), as the gold codes "Northern rural
Homs"; a governorate-level report then folds into the town the article names
(frontline/extract/places.py, frontline/extract/regional.py).

Texts are bundled FA-KES articles (samples/fakes_dev.csv) of the development batches.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of


def test_bombardment_of_rural_homs_is_the_strike_on_the_town_named_next() -> None:
    # FA-KES 1926479081 (batch G): the air force's bombardment "on northern rural Homs" is not a
    # strike on the city of Homs; its one strike told with a place hit Al-Ghanto
    text = (
        "Activists in Homs said that the Assad regimes air force intensified aerial bombardment "
        "on northern rural Homs earlier today leaving dozens of civilian casualties and causing "
        "massive destruction in the area. Activists in the area said that one of the airstrikes "
        "targeted the town of Al-Ghanto in the early hours of Thursday killing nine civilians "
        "and wounding many more including women and children."
    )
    strikes = events_of(text, date(2016, 1, 28), "etilaf", "homs")
    assert [(e.location, e.fatalities) for e in strikes] == [("Al Ghantu", 9)]


def test_rural_homs_is_placed_at_the_governorate() -> None:
    # the same article: "The escalating aerial bombardment on northern rural Homs ..."
    text = (
        "Activists in Homs said that the Assad regimes air force intensified aerial bombardment "
        "on northern rural Homs earlier today leaving dozens of civilian casualties."
    )
    (strike,) = events_of(text, date(2016, 1, 28), "etilaf", "homs")
    assert strike.place is not None
    assert (strike.location, strike.place.geo_precision) == ("Homs", 3)
