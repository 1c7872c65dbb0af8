"""find_mentions on the example article; people are not places."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.mentions import find_mentions, looks_like_person

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def _found(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text, Gazetteer.default())]


def test_mentions_finds_the_article_neighbourhoods(text: str) -> None:
    found = set(_found(text))
    expected = {
        "Aleppo",
        "al-Qaterji",
        "Ansari",
        "Suleiman al-Halabi",
        "Sakhour",
        "Haydariya",
        "Hanano",
        "Jabal Badro",
        "Holok",
    }
    assert expected <= found
    assert not {"Syria", "Sunday", "Russia", "Iran", "White Helmets"} & found


def test_mentions_skip_people(text: str) -> None:
    spans = [(m.start, m.end) for m in find_mentions(text, Gazetteer.default())]
    person = text.index("Abdullah Ansari")
    assert not any(person <= s < person + len("Abdullah Ansari") for s, _ in spans)
    rami = text.index("Rami Abdurrahman")
    assert not any(rami <= s < rami + len("Rami Abdurrahman") for s, _ in spans)
    ansari_hood = text.index("Ansari neighbourhood")
    assert (ansari_hood, ansari_hood + len("Ansari")) in spans


def test_mentions_offsets_and_keys(text: str) -> None:
    for m in find_mentions(text, Gazetteer.default()):
        assert text[m.start : m.end].strip() == text[m.start : m.end]
        assert m.key


def test_mentions_longest_match_and_possessive() -> None:
    found = _found("Clashes in Karm al-Qaterji and Aleppo's Deir ez-Zor road went on.")
    assert found[:2] == ["Karm al-Qaterji", "Aleppo"]
    assert "Deir ez-Zor" in found


def test_mentions_arabic() -> None:
    assert _found("قصف على حي الحيدرية في حلب")[-1:] == ["حلب"]


def test_mentions_fast(text: str) -> None:
    gaz = Gazetteer.default()
    find_mentions(text, gaz)
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        find_mentions(text[:2000], gaz)
        runs.append(time.perf_counter() - started)
    assert statistics.median(runs) < 0.002


@pytest.mark.parametrize(
    ("before", "name", "person"),
    [
        ("said Abdullah", "Ansari", True),
        ("the spokesman, ", "Rami Abdurrahman", True),
        ("in the", "Ansari", False),
        ("captured the", "Suleiman al-Halabi", False),
        ("said President", "Assad", True),
        ("fled", "Haydariya", False),
    ],
)
def test_mentions_looks_like_person(before: str, name: str, person: bool) -> None:
    assert looks_like_person(before, name) is person


def test_mentions_ignore_common_words_and_organisations() -> None:
    text = (
        "Read more. Al Jazeera and SANA said Abu Mohammad left Ankara. "
        "Air strikes hit Sheikh Maqsoud."
    )
    assert _found(text) == ["Sheikh Maqsoud"]


def test_mentions_aircraft_are_not_places() -> None:
    # an aircraft's maker is no village, though its loose key meets one ("As Sikhah")
    text = (
        "The spokesman went on by saying that a Russian Sukhoi Su-34 jet hit the same area "
        "40 minutes later near Hatla. Six Tupolev bombers and Harrier jets struck near Arak."
    )
    assert _found(text) == ["Hatla", "Arak"]


def test_mentions_seas_and_rivers_are_bearings_not_places() -> None:
    # FA-KES 1926479326; the Mediterranean has no village, and Khmeimim is the air base
    text = (
        "Denials The helicopter came down roughly mid-way between Aleppo and Russias main air "
        "base at Khmeimim in the western province of Latakia near the Mediterranean coast."
    )
    assert _found(text) == ["Aleppo", "Khmeimim", "Latakia"]
    assert Gazetteer.default().lookup("Khmeimim")[0].admin1 == "Latakia"
