"""A place name the gazetteer holds more than once ("Tall Tawil", "Maghayir") is read as the
likeliest of its namesakes and marked ambiguous. It is still a place, at precision 1: a claim
placed there with its day or week known is *specific* and founds the event with the other
reports of it, rather than waiting, vague, for a firmer report to attach to.

Real claims: the suicide bombing of a Kurdish wedding in Tall Tawil, Hasakah province, on
Monday 3 October 2016 (AFP through Al-Araby, Ahram Online and TRT World), and the government
missile that killed 18 in the Aleppo neighbourhood of al-Maghayir on Tuesday 21 July 2015
(AFP through Ahram Online and TRT World; the Syrian Coalition's count of 26 the next day).
"""

from __future__ import annotations

from fuse_fakes import read_and_fused

from frontline.fuse.cluster import is_specific
from frontline.records import Event, FusedEvent, GeoStatus

ALARABY = "1923102912"  # "A suicide bomber blew himself up inside a hall in Tall Tawil village"
AHRAM = "1923848289"  # "blew himself up late Monday in the village of Tall Tawil in Hasakeh"
TRT = "1924058103"  # the Observatory's quote again, and the witness's "enormous explosion"
WEDDING = (ALARABY, AHRAM, TRT)

PHOTO = "1918398785"  # "after a missile fired by Syrian government forces hit ... Maghayir"
MISSILE = "1923848184"  # "A missile fired by Syrian forces killed at least 18 civilians"
COALITION = "1926478915"  # "Assad's air force pounded the neighborhood of Al-Maghayer"
MAGHAYIR = (PHOTO, MISSILE, COALITION)


def _claim(doc_ids: tuple[str, ...], doc_id: str, words: str, where: str) -> Event:
    events, _ = read_and_fused(tuple(sorted(doc_ids)))
    found = [
        e
        for e in events
        if e.doc_id == doc_id
        and words in e.evidence.text
        and e.place is not None
        and e.place.text == where
    ]
    assert found, f"no claim of {doc_id} at {where!r} says {words!r}"
    return found[0]


def _event_of(doc_ids: tuple[str, ...], claim: Event) -> FusedEvent:
    _, fused = read_and_fused(tuple(sorted(doc_ids)))
    return next(f for f in fused if claim.event_id in f.members)


def test_a_claim_read_as_one_of_several_namesakes_is_specific() -> None:
    claim = _claim(WEDDING, ALARABY, "inside a hall in Tall Tawil", "Tall Tawil")
    assert claim.place is not None and claim.place.status == GeoStatus.AMBIGUOUS
    assert claim.place.admin1 == "Al-Hasakah" and claim.place.geo_precision == 1
    assert is_specific(claim)


def test_the_wedding_bombing_read_at_an_ambiguous_tall_tawil_is_one_event() -> None:
    firm = _claim(WEDDING, AHRAM, "in Hasakeh province", "Tall Tawil")
    told = [
        _claim(WEDDING, ALARABY, "inside a hall in Tall Tawil", "Tall Tawil"),
        # (TRT's witness, "an enormous explosion", is that claim told again: one claim since
        # the extraction reads one blast told twice at one place and day as one)
        _claim(WEDDING, TRT, "inside a hall in Tall Tawil", "Tall Tawil"),
    ]
    assert firm.place is not None and firm.place.status == GeoStatus.RESOLVED
    members = _event_of(WEDDING, firm).members
    assert all(claim.event_id in members for claim in told)


def test_the_missile_on_maghayir_is_one_event_across_three_outlets() -> None:
    photo = _claim(MAGHAYIR, PHOTO, "hit a residential", "Maghayir")
    coalition = _claim(MAGHAYIR, COALITION, "pounded the neighborhood", "Al-Maghayer")
    missile = _claim(MAGHAYIR, MISSILE, "killed at least 18 civilians", "Aleppo")
    for claim in (photo, coalition):
        assert claim.place is not None and claim.place.status == GeoStatus.AMBIGUOUS
    members = _event_of(MAGHAYIR, photo).members
    assert coalition.event_id in members and missile.event_id in members
