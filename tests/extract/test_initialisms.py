"""A sentence cut after "U.S." or "U.N." goes on with its continuation
(frontline/extract/initialisms.py), and a strike that is only possible is no event
(frontline/extract/clauses.py). Sentences are from bundled FA-KES dev articles."""

from __future__ import annotations

from datetime import date

from sentence_events import events_of

from frontline.extract.initialisms import join_initialisms
from frontline.extract.sentences import split_sentences
from frontline.records import Event

# FA-KES 1926479125 (batch F), Reuters, 10 September 2013
_FABIUS = (
    "The announcement by French Foreign Minister Laurent Fabius came a day after a surprise "
    "proposal by Russia that its Syrian ally hand over its chemical weapons stocks in a move that "
    "could avert possible U.S. military strikes. Fabius said the proposed resolution would be "
    "under Chapter 7 of the U.N.s charter."
)


def _events(text: str, published: date) -> list[Event]:
    return events_of(text, published, "t")


def test_a_sentence_cut_after_an_initialism_is_joined_to_its_small_letter_continuation() -> None:
    sentences = join_initialisms(split_sentences(_FABIUS), _FABIUS)
    assert len(sentences) == 2
    assert sentences[0].text.endswith("could avert possible U.S. military strikes.")
    assert sentences[0].text == _FABIUS[sentences[0].start : sentences[0].end]


def test_an_initialism_before_a_capital_still_ends_the_sentence() -> None:
    text = "The strike was carried out by the U.S. The Syrian army denied it."
    sentences = join_initialisms(split_sentences(text), text)
    assert len(sentences) == len(split_sentences(text))


def test_a_possible_strike_is_no_event() -> None:
    assert _events(_FABIUS, date(2013, 9, 10)) == []


def test_strikes_the_pentagon_may_order_are_no_event() -> None:
    # FA-KES 1926479349
    text = (
        "The Wall Street Journal quoting Pentagon officials said yesterday that the U.S. began "
        "refining its military options for possible strikes in Syria."
    )
    assert _events(text, date(2013, 8, 22)) == []
