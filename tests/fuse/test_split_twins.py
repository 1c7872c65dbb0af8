"""Two vague reports of other documents that tell the same thing — the same sub-type, place,
day and death toll — are one event: a vague claim attaches only to an event its twin fits
too, else the two stay together among the claims left over (``split._twins``).

Real claims: the Observatory's toll of Monday 3 April 2017, "Air strikes by Syrian regime on a
rebel-held region near Damascus killed at least 22 civilians" (TRT World) and "At least 22
civilians have been killed by Syrian regime airstrikes on the outskirts of Damascus" (Al-Araby,
whose article also mentions "the use of chemical weapons" by the regime, read as a chemical
attack in Barzeh). The TRT report alone fitted that background claim's event; its twin, of
the article that claim comes from, cannot, so both stay apart from it, together.
"""

from __future__ import annotations

from fuse_fakes import read_and_fused

from frontline.fuse.cluster import is_specific
from frontline.records import Event, FusedEvent

TRT = "1919191761"
ALARABY = "1923102873"
BOTH = (TRT, ALARABY)


def _claim(doc_id: str, words: str, sub_type: str) -> Event:
    events, _ = read_and_fused(BOTH)
    found = [
        e
        for e in events
        if e.doc_id == doc_id and words in e.evidence.text and e.sub_event_type == sub_type
    ]
    assert found, f"no {sub_type} claim of {doc_id} says {words!r}"
    return found[0]


def _event_of(claim: Event) -> FusedEvent:
    _, fused = read_and_fused(BOTH)
    return next(f for f in fused if claim.event_id in f.members)


def test_two_tellings_of_one_toll_near_damascus_are_one_event_apart_from_the_background() -> None:
    near = _claim(TRT, "near Damascus killed at least 22", "Air/drone strike")
    outskirts = _claim(ALARABY, "outskirts of Damascus", "Air/drone strike")
    background = _claim(ALARABY, "use of chemical weapons", "Chemical weapon")
    for claim in (near, outskirts):
        assert not is_specific(claim) and claim.fatalities == 22
    assert near.event_date == outskirts.event_date
    assert is_specific(background)
    members = _event_of(near).members
    assert outskirts.event_id in members
    assert background.event_id not in members
