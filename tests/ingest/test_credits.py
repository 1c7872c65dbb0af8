"""Photo credits and related headlines run into Sputnik copies are set aside
(frontline/ingest/credits.py). Texts are from bundled FA-KES dev articles."""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.events import extract_events
from frontline.ingest.cleaning import clean
from frontline.ingest.credits import photo_credits
from frontline.records import Document


def _set_aside(text: str) -> list[str]:
    return [text[start:end] for start, end in photo_credits(text)]


@pytest.mark.parametrize(
    ("text", "headline_ends", "text_resumes"),
    [
        # FA-KES 1965495348: the headline ends before a quotation
        (
            "their bodies dumped in a mine shaft. Sputnik Hikmet Durgun US-Led Coalition Confirms "
            'Syrias Raqqa Completely Liberated From Daesh "After the regime retook it [on '
            'Saturday] the towns residents found the bodies on the streets."',
            "Completely Liberated From Daesh",
            '"After the regime',
        ),
        # ... before the capitalised word that opens the next sentence
        (
            "after they regained control of Al-Qaryatayn. Sputnik HKMET DURGUN Syrian Democratic "
            "Forces Recapture Oil Field in Deir ez-Zor Province Al-Qaryatayn had a large Christian "
            "minority.",
            "Oil Field in Deir ez-Zor Province",
            "Al-Qaryatayn had",
        ),
        # FA-KES 1965495358: "No group has claimed ..." resumes the text
        (
            "a commander of the group had been killed. Sputnik Michael Alaeddin Four Syrian "
            "Terrorist Groups Join Ranks With Ahrar al-Sham Statement No group has claimed "
            "responsibility for the attack so far.",
            "Join Ranks With Ahrar al-Sham Statement",
            "No group has",
        ),
    ],
)
def test_credits_a_credit_and_its_headline_are_set_aside(
    text: str, headline_ends: str, text_resumes: str
) -> None:
    [aside] = _set_aside(text)
    assert aside.startswith("Sputnik ") and aside.endswith(headline_ends)
    assert text_resumes in text[text.index(aside) + len(aside) :]


@pytest.mark.parametrize(
    "text",
    [
        "a source in Salamiyeh National Hospital told Sputnik. Nine people were killed.",
        "Sputnik Arabic reported that the army entered the town on Sunday.",
        # not at a sentence start: a byline after a headline (FA-KES 1965495359)
        "With Rockets Kill 3 Civilians - Reports Sputnik Mikhail Voskresenskiy Middle East 2159",
    ],
)
def test_credits_the_agency_named_in_text_is_left_alone(text: str) -> None:
    assert _set_aside(text) == []


def test_credits_a_headline_capture_is_not_an_event() -> None:
    # FA-KES 1965495348: the Raqqa headline made a capture of Raqqa out of the Qaryatayn quote
    text = (
        "The Palmyra Coordination Committee reported that at least 35 of the slain were found "
        "with their bodies dumped in a mine shaft. Sputnik Hikmet Durgun US-Led Coalition "
        'Confirms Syrias Raqqa Completely Liberated From Daesh "After the regime retook it [on '
        "Saturday] the towns residents found the bodies on the streets."
    )
    cleaning = clean(text)
    assert cleaning.ignored
    document = Document(
        doc_id="t", text=text, published=date(2017, 10, 23), source="sputnik",
        ignored=cleaning.ignored,
    )  # fmt: skip
    events, _ = extract_events(document)
    assert all(e.location != "Raqqa" for e in events)
