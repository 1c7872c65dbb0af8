"""The attacker of a strike or shelling is coded when the report says or clearly implies it.

'Government shelling', 'government artillery', 'regime warplanes', 'Russian jets', 'coalition
aircraft' name the force by its weapon; a helicopter or warplane with no force named gives no
attacker (data/gold/README.md: an unnamed perpetrator is null). Sentences written to the pattern
of the bundled FA-KES dev reports.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.events import extract_events
from frontline.records import Document


def _actor1(text: str) -> list[str | None]:
    document = Document(doc_id="t", text=text, published=date(2016, 5, 3), source="alaraby")
    events, _ = extract_events(document)
    return [e.actor1 for e in events]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Government shelling killed five civilians in Douma on Monday.",
            "Military Forces of Syria",
        ),
        ("Government artillery shelled Zabadani on Monday.", "Military Forces of Syria"),
        ("Loyalist shelling killed two children in Douma on Monday.", "Military Forces of Syria"),
        ("Regime warplanes struck Saraqeb on Monday.", "Military Forces of Syria"),
        ("Russian jets bombed Atareb on Monday.", "Military Forces of Russia"),
        ("Coalition aircraft struck Raqqa on Monday.", "US-led coalition"),
        ("A helicopter struck Daraya on Monday killing two people.", None),
    ],
)
def test_attacker_named_by_its_weapon(text: str, actor1: str | None) -> None:
    assert _actor1(text) == [actor1]
