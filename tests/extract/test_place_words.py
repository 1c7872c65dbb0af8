"""Common English words and foreign names that look like obscure Syrian villages are not places.

Sentences from bundled FA-KES dev articles (samples/fakes_dev.csv) unless marked as written to
the guideline.
"""

from __future__ import annotations

import pytest

from frontline.extract.places import DocumentContext, find_places

_NO_CONTEXT = DocumentContext(city=None, admin1=None, default=None)


def _names(text: str) -> list[str]:
    return [m.text for m in find_places(text, 0, _NO_CONTEXT)]


@pytest.mark.parametrize(
    ("text", "places", "words"),
    [
        (
            "Navy US Missile Strike on Syria Kills Five Injures Seven - Homs Governor Earlier "
            "conflicting reports on the number of casualties as a result of the attack emerged.",
            ["Homs"],
            ["Navy"],
        ),
        (  # written to the guideline
            "Need for Social aid: the Chief of the Iron Unit said on Main Street in Idlib that "
            "Hamas and Druze leaders met in Gaza.",
            ["Idlib"],
            ["Need", "Social", "Chief", "Iron", "Unit", "Main", "Hamas", "Druze", "Gaza"],
        ),
    ],
)
def test_words_that_only_look_like_villages_are_not_places(
    text: str, places: list[str], words: list[str]
) -> None:
    names = _names(text)
    for place in places:
        assert place in names
    assert not set(words) & set(names), names
