"""Place datelines (frontline.ingest.placeline) and their place in cleaning."""

from __future__ import annotations

import pytest

from frontline.ingest.cleaning import clean
from frontline.ingest.dateline import find_dateline
from frontline.ingest.placeline import find_place_dateline

# Openings copied from samples/fakes_dev.csv (unit_id in the comment), or written to the
# agencies' house style.
DATELINED = [
    # 1965495343-style Sputnik story: the lead sentence, then the dateline
    (
        "05.10.2017 Fifteen people died during an explosion not far from central Damascus as "
        "Sputnik correspondent said. MOSCOW (Sputnik) An explosion occurred not far from "
        "central Damascus local media reported Monday.",
        "MOSCOW (Sputnik)",
    ),
    (
        "Syrian troops advance. BEIRUT (Reuters) - Syrian government forces backed by Russian "
        "air strikes pushed into the town on Sunday.",
        "BEIRUT (Reuters) -",
    ),
    (
        "Daesh Attack on Aqareb. DAMASCUS (Sputnik) – The death toll following the attack rose.",
        "DAMASCUS (Sputnik) –",
    ),
    (
        "01.10.2014 A double terrorist attack in the western Syrian city of Homs has claimed "
        "the lives of 18 civilians. MOSCOW October 1 (RIA Novosti) - A double terrorist attack "
        "in the western Syrian city of Homs",
        "MOSCOW October 1 (RIA Novosti) -",
    ),
    # 1926478910: SANA puts the city and its name after the date
    (
        "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city "
        "6 October 2016 Aleppo SANA-Terrorist organizations fired tens of shells",
        "Aleppo SANA-",
    ),
    ("Hama, SANA_ Army units restored security and stability to the villages.", "Hama, SANA_"),
    # 1924058042: AFP's city in capitals after the 'Last updated' dateline
    (
        "Last updated at Jul 012016 BEIRUT At least 70 regime and rebel fighters have been "
        "killed in 24 hours",
        "BEIRUT",
    ),
    (
        "Last updated at Jul 282016 QAMISHLI Syria A massive bomb blast claimed dozens of lives",
        "QAMISHLI Syria",
    ),
]


@pytest.mark.parametrize(("text", "dateline"), DATELINED)
def test_agency_datelines_are_found(text: str, dateline: str) -> None:
    found = find_place_dateline(text, 0)
    assert found is not None
    assert found.text == dateline
    assert text[found.start : found.end] == dateline


NOT_DATELINES = [
    # a photo credit inside a sentence names no reporter's city
    "The coalition strikes continue to target civilians in Syria (Reuters) Around 600 Syrians "
    "including 136 children were killed",
    # headings and wire credits in capitals are no place
    "UPDATED Regime air raids kill 42 near Damascus",
    "Syrian army says rebels killed 84 in three days AFP Friday 22 Jul 2016 Aleppo residents",
    # a city named inside a sentence
    "Warplanes struck BEIRUT Road in the city of Homs on Monday killing five.",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_no_dateline_where_none_is(text: str) -> None:
    assert find_place_dateline(text, 0) is None


def test_related_headline_before_a_dateline_is_set_aside_with_it() -> None:
    # 1965495368: a photo credit and another story's headline run into the dateline
    text = (
        "The SDF liberated three neighborhoods of the Syrian northern city of al-Tabqa on "
        "Friday. AP Photo Daesh Leaders Fleeing Wrath of the Euphrates in Raqqa Head for Deir "
        "ez-Zor MOSCOW (Sputnik) According to the Firat news agency the liberated "
        "neighborhoods are Nebabile Zahra and al-Wahab."
    )
    found = find_place_dateline(text, 0)
    assert found is not None
    assert found.text.startswith("AP Photo Daesh Leaders")
    assert found.text.endswith("MOSCOW (Sputnik)")


def test_cleaning_ignores_the_place_but_keeps_the_publication_date() -> None:
    text = (
        "Last updated at Jul 012016 BEIRUT At least 70 regime and rebel fighters have been "
        "killed in 24 hours around Al Maleh north of Aleppo."
    )
    cleaned = clean(text)
    dateline = find_dateline(text)
    assert dateline is not None
    assert cleaned.dateline_date == dateline.date
    assert cleaned.place_dateline_span is not None
    start, end = cleaned.place_dateline_span
    assert text[start:end] == "BEIRUT"
    assert any(a <= start and end <= b for a, b in cleaned.ignored)
    # the event's own places stay readable
    assert not any(a <= text.index("Aleppo") < b for a, b in cleaned.ignored)
