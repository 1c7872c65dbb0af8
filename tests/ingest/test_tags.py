"""Site tag lists glued to the lead (frontline.ingest.tags), on FA-KES dev articles' text."""

from __future__ import annotations

import pytest

from frontline.ingest.cleaning import clean
from frontline.ingest.tags import tag_lists


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (  # FA-KES 1923102849
            "... in the besieged town of Madaya. Tags Madaya Syria hunger siege women Hizbollah "
            "Three women from the besieged town of Madaya west of the Syrian capital Damascus "
            "were killed",
            "Three women",
        ),
        (  # a clause word ("has") marks the lead; it starts at the capitalised word before
            "... in coalition strikes. Tags Belgium Syria coalition air raids strikes Aleppo "
            "Russia has accused Belgium a member of a US-led coalition",
            "Russia has",
        ),
        (  # "for" between two names belongs to the name
            "... in Aleppo. Tags Syria Aleppo Castello road Syrian regime Syrian Observatory for "
            "Human Rights White Helmets At least 31 people have been killed by regime raids",
            "At least",
        ),
        (  # the lead's own "and" after a lower-case tag word
            "... on Tuesday. Tags Syria Aleppo airstrike truce Russia rebels Handarat Mogambo aid "
            "convoy Syrian regime and Russian airstrikes pounded multiple battlefronts",
            "Syrian regime and",
        ),
    ],
)
def test_tags_end_where_the_lead_begins(text: str, lead: str) -> None:
    ((start, end),) = tag_lists(text)
    assert text[start:].startswith("Tags ")
    assert text[end:].lstrip().startswith(lead)


def test_tags_at_the_foot_of_the_page_are_set_aside_to_the_end() -> None:
    text = (
        "... the war-torn country. Tags Daesh Russian Aerospace Defense Forces Meyadin Abu Kamal "
        "Syria Community standardsDiscussion Comment via FacebookComment via Sputnik News"
    )
    ((start, end),) = tag_lists(text)
    assert (text[start : start + 5], end) == ("Tags ", len(text))


def test_tags_with_no_lead_after_them_are_left_alone() -> None:
    assert tag_lists("Tags Syria Aleppo airstrikes") == []


def test_cleaning_ignores_the_tag_list() -> None:
    text = (
        "Overnight strikes killed 25. Tags Raqqa airstrikes IS Syria airstrikes Overnight "
        "airstrikes on the Islamic State groups de facto Syrian capital Raqqa killed 25 civilians"
    )
    ignored = clean(text).ignored
    assert [text[a:b] for a, b in ignored] == ["Tags Raqqa airstrikes IS Syria airstrikes"]
