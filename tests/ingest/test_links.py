"""Links to other stories run into web copies are set aside (frontline/ingest/links.py).
Texts are from bundled FA-KES dev articles."""

from __future__ import annotations

from datetime import date

import pytest

from frontline.extract.events import extract_events
from frontline.ingest.cleaning import clean
from frontline.ingest.links import link_runs
from frontline.records import Document


def _set_aside(text: str) -> list[str]:
    return [text[start:end] for start, end in link_runs(text)]


@pytest.mark.parametrize(
    ("text", "link"),
    [
        # FA-KES 1962495644 (batch F): a sentence-case headline, up to the next sentence's "The"
        (
            "the biggest remaining threats to Damascus. click to watch - Syrian army takes "
            "villages in south of country The large offensive made swift progress.",
            "click to watch - Syrian army takes villages in south of country",
        ),
        # FA-KES 1965495349: a title-case headline; its "in" is small, the lead's "In" is not
        (
            "following the clashes the statement added. READ MORE WATCH Russian Airstrikes Send "
            "Terrorists Fleeing in Syrias Hama In a separate operation in Hama the Syrian troops "
            "have found and saved 19 civilians.",
            "READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias Hama",
        ),
        # FA-KES 1926479355: up to the player's "Play Video"
        (
            "reopen the route. Watch: Regional international diplomats struggle over Aleppo Play "
            "Video Meagre food stocks The severing of the Castello Road",
            "Watch: Regional international diplomats struggle over Aleppo Play Video",
        ),
        # FA-KES 1924058105: the foot of a TRT World page, to the end of the text
        (
            "it came under multiple offensives. Source AFP Related News Suicide car bomb kills "
            "eight regime and rebel fighters in Daraa - SOHR Air strike kills 54 in Syrias Deir "
            "Ezzor monitor Category News",
            "Related News Suicide car bomb kills eight regime and rebel fighters in Daraa - SOHR "
            "Air strike kills 54 in Syrias Deir Ezzor monitor Category News",
        ),
    ],
)
def test_links_a_link_to_another_story_is_set_aside(text: str, link: str) -> None:
    assert _set_aside(text) == [link]


@pytest.mark.parametrize(
    "text",
    [
        # a marker with no sentence start in sight is left alone
        "READ MORE",
        # "watch" in prose is no marker
        "Human Rights Watch said the strikes killed 12 civilians in the town of Saraqeb.",
        "Residents watch as the convoy enters the town.",
    ],
)
def test_links_prose_is_left_alone(text: str) -> None:
    assert link_runs(text) == []


def test_links_a_headline_strike_is_not_an_event() -> None:
    # FA-KES 1965495349: the related story's headline made an air strike in Hama
    text = (
        "Several terrorists were killed in the above-mentioned villages following the clashes the "
        "statement added. READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias "
        "Hama In a separate operation in Hama the Syrian troops have found and saved 19 civilians "
        "abducted by Daesh (ISIS) terrorists local media reported Sunday."
    )
    cleaning = clean(text)
    document = Document(
        doc_id="t", text=text, published=date(2017, 10, 29), source="sputnik",
        ignored=cleaning.ignored,
    )  # fmt: skip
    events, _ = extract_events(document)
    assert all(e.sub_event_type != "Air/drone strike" for e in events)
