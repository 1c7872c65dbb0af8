"""Numbers and the counts they report (frontline.extract.numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.extract.numbers import NumberMention, find_numbers, find_quantities

ROOT = Path(__file__).resolve().parents[2]
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"


def _values(text: str) -> list[tuple[str, float | int, str | None]]:
    return [(m.text, m.value, m.qualifier) for m in find_numbers(text)]


def _kinds(text: str) -> list[tuple[str, float | int, str | None]]:
    return [(q.kind, q.value, q.qualifier) for q in find_quantities(text)]


# --- find_numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 250,000 people", [("about 250,000", 250_000, "about")]),
        ("some 1.5 million refugees", [("some 1.5 million", 1_500_000, "about")]),
        ("about 11 million are displaced", [("about 11 million", 11_000_000, "about")]),
        ("2.3 million", [("2.3 million", 2_300_000, None)]),
        ("a rate of 2.5", [("2.5", 2.5, None)]),
        ("six", [("six", 6, None)]),
        ("Twenty-five civilians", [("Twenty-five", 25, None)]),
        ("two hundred and fifty", [("two hundred and fifty", 250, None)]),
        ("a hundred people", [("a hundred", 100, None)]),
        ("killed a dozen", [("a dozen", 12, None)]),
        ("half a million", [("half a million", 500_000, None)]),
        ("twenty thousand five hundred", [("twenty thousand five hundred", 20_500, None)]),
        ("two and three", [("two", 2, None), ("three", 3, None)]),
    ],
)
def test_numbers_reads_digits_and_words(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("dozens of people", 24, "dozens"),
        ("tens of civilians", 24, "dozens"),
        ("Scores of civilians", 24, "dozens"),
        ("hundreds fled", 200, "hundreds"),
        ("Thousands of civilians", 2000, "thousands"),
        ("tens of thousands of residents", 20_000, "tens of thousands"),
    ],
)
def test_numbers_vague_amounts_follow_gold_conventions(
    text: str, value: int, qualifier: str
) -> None:
    (mention,) = find_numbers(text)
    assert (mention.value, mention.qualifier, mention.vague) == (value, qualifier, True)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("at least 12", "at least"),
        ("about 12", "about"),
        ("around 12", "about"),
        ("approximately 12", "about"),
        ("roughly 12", "about"),
        ("some 12", "about"),
        ("nearly 12", "nearly"),
        ("almost 12", "nearly"),
        ("close to 12", "nearly"),
        ("more than 12", "more than"),
        ("over 12", "more than"),
        ("upwards of 12", "more than"),
        ("up to 12", "up to"),
        ("less than 12", "less than"),
        ("fewer than twelve", "less than"),
    ],
)
def test_numbers_qualifier_is_part_of_the_span(text: str, qualifier: str) -> None:
    (mention,) = find_numbers(f"They said {text} people")
    assert mention.text == text
    assert mention.qualifier == qualifier
    assert mention.value == 12


@pytest.mark.parametrize("text", ["nearly 30 per cent", "30%", "30 percent", "thirty per cent"])
def test_numbers_percentages(text: str) -> None:
    (mention,) = find_numbers(f"putting {text} of the city under control")
    assert mention.percent
    assert mention.value == 30
    assert mention.text == text


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2011.",
        "Fighting has raged since 2011 in the north.",
        "on 27 November the army advanced",
        "on November 27 the army advanced",
        "on Nov. 27 the army advanced",
        "dated 27/11/2016 and 2016-11-27",
        "at 10 am local time",
        "at 10:30 the sirens sounded",
        "the third district, Holok",
        "one of the fighters said",
        "a third of eastern Aleppo",
        "two thirds of the city",
        "Get short URL 4016",
        "Resolution 2254 was passed",
        "F-16 jets and Su-24 bombers",
        "a two-year siege and a 24-hour truce",
        "killed a large number of opposition fighters",
        "several people and many others",
        "no one was hurt",
        "the 1980s",
    ],
)
def test_numbers_skip_years_dates_times_ordinals_and_ids(text: str) -> None:
    assert find_numbers(text) == []


def test_numbers_year_like_head_count_is_a_number() -> None:
    assert _values("2000 people fled and rebels killed 1500") == [
        ("2000", 2000, None),
        ("1500", 1500, None),
    ]


# --- find_quantities ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An air strike hit the market, killing at least 12 people.", [("killed", 12, "at least")]),
        ("12 people were killed in the raid.", [("killed", 12, None)]),
        ("The death toll rose to 20 on Sunday.", [("killed", 20, None)]),
        ("Thousands of civilians fled the fighting.", [("displaced", 2000, "thousands")]),
        (
            "They captured the district, forcing thousands to flee.",
            [("displaced", 2000, "thousands")],
        ),
        ("At least 29 Syrian rebels were killed in clashes", [("killed", 29, "at least")]),
        ("killed six people and injured 32", [("killed", 6, None), ("injured", 32, None)]),
        ("five people dead and 12 injured", [("killed", 5, None), ("injured", 12, None)]),
        ("and dozens of others wounded", [("injured", 24, "dozens")]),
        (
            "claimed the lives of 129 loyalists and 116 rebels",
            [("killed", 129, None), ("killed", 116, None)],
        ),
        ("Militants abducted 15 villagers", [("captured", 15, None)]),
        ("More than 40000 civilians are trapped in Zabadani", [("besieged", 40_000, "more than")]),
        ("the regime captured 3 villages", [("places", 3, None)]),
    ],
)
def test_quantities_tie_numbers_to_kinds(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ten Russian raids hit the city",
        "About 45 buses left the town",
        "rebels fired 20 rockets at the district",
        "killed in 24 hours of fighting",
        "More than five years since the civil war erupted in Syria",
        "troops destroyed 12 vehicles and three tanks",
        "He fled Haydariya with his family of six to areas further south within the besieged area.",
        "killed a large number of opposition fighters",
        "Several people were wounded and many fled",
    ],
)
def test_quantities_none_for_munitions_vehicles_time_and_vague_words(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 11 civilians including three children were killed in barrel bomb attacks",
            [("killed", 11, "at least")],
        ),
        ("Four children are among the 28 dead", [("killed", 28, None)]),
        (
            "the attack killed more than 100 people including 25 children and 15 women and "
            "injured 400",
            [("killed", 100, "more than"), ("injured", 400, None)],
        ),
    ],
)
def test_quantities_skip_subgroups(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _kinds(text) == expected


TRT_SENTENCES = [
    (
        "The regime's gains have prompted an exodus of thousands of desperate civilians, some "
        "fleeing to districts held by the regime or Kurdish militias, others heading south into "
        "areas still under opposition control.",
        [("displaced", 2000, "thousands", "thousands")],
    ),
    (
        "The city is divided between the regime-controlled west and the rebel-controlled east, "
        "where about 250,000 people live under siege.",
        [("besieged", 250_000, "about", "about 250,000")],
    ),
    (
        '"Syrian government forces have captured some 10 neighbourhoods over the past few days, '
        "putting nearly 30 per cent of Aleppo's formerly rebel-held neighbourhoods under "
        "government control,\" SOHR's head, Rami Abdurrahman, said.",
        [
            ("places", 10, "about", "some 10"),
            ("percent", 30, "nearly", "nearly 30 per cent"),
        ],
    ),
    (
        "On Sunday they captured the neighbouring Jabal Badro district, forcing thousands to flee.",
        [("displaced", 2000, "thousands", "thousands")],
    ),
    (
        "It later said it had taken a third district, Holok, and killed a large number of "
        "opposition fighters.",
        [],
    ),
    (
        "The advances by Assad's forces mean the regime now controls at least a third of eastern "
        "Aleppo, just under two weeks into its renewed bid to recapture the city.",
        [],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TRT_SENTENCES)
def test_quantities_on_trt_article_sentences(
    sentence: str, expected: list[tuple[str, int, str, str]]
) -> None:
    text = TRT.read_text(encoding="utf-8")
    start = text.index(sentence)
    found = find_quantities(sentence, offset=start)
    assert [
        (q.kind, q.value, q.qualifier, q.span.text if q.span else "") for q in found
    ] == expected
    for q in found:
        assert q.span is not None
        assert text[q.span.start : q.span.end] == q.span.text


# --- properties -----------------------------------------------------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _say(n: int, *, british: bool, hyphen: bool) -> str:
    """English words for 0..999 ("one hundred and five", "twenty-one")."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        joiner = "-" if hyphen else " "
        return _TENS[tens - 2] + (joiner + _UNITS[unit] if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} hundred"
    if not rest:
        return head
    return head + (" and " if british else " ") + _say(rest, british=british, hyphen=hyphen)


@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_digits_round_trip(n: int) -> None:
    grouped = f"{n:,}"
    assert [m.value for m in find_numbers(grouped)] == [n]
    if not 1900 <= n <= 2099:
        assert [m.value for m in find_numbers(str(n))] == [n]


@given(st.integers(min_value=0, max_value=999), st.booleans(), st.booleans())
def test_numbers_words_round_trip(n: int, british: bool, hyphen: bool) -> None:
    words = _say(n, british=british, hyphen=hyphen)
    found = find_numbers(f"Officials counted {words} bodies")
    assert [(m.value, m.text) for m in found] == [(n, words)]


_PIECES = [
    "killed",
    "at least",
    "some",
    "nearly",
    "12",
    "250,000",
    "1.5 million",
    "2011",
    "in",
    "the",
    "thousands",
    "of",
    "dozens",
    "twenty-five",
    "a hundred",
    "per cent",
    "%",
    "people",
    "fled",
    "wounded",
    "death toll",
    "rose to",
    "November",
    "27",
    "one",
    "a third",
    "buses",
    ",",
    ".",
    "including",
    "and",
    "under siege",
    "neighbourhoods",
    "10 am",
    "F-16",
    "-",
    "'s",
    "Monday",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.integers(0, 10_000))
def test_numbers_offsets_always_match_the_text(pieces: list[str], offset: int) -> None:
    text = " ".join(pieces)
    for mention in find_numbers(text):
        assert isinstance(mention, NumberMention)
        assert text[mention.start : mention.end] == mention.text
    for quantity in find_quantities(text, offset):
        assert quantity.span is not None
        assert text[quantity.span.start - offset : quantity.span.end - offset] == quantity.span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # FA-KES 1924058059: "two of them" is part of the three
            "Three people two of them children died and more than nine people were injured by "
            "barrel bombs dropped from helicopters in the city the observatory said on Saturday.",
            [("killed", 3, None), ("injured", 9, "more than")],
        ),
        (  # FA-KES 1923848187: "among them" follows the whole
            "Thirteen civilians among them seven children were killed in aerial attacks by Syrias "
            "government Wednesday on the northern province of Aleppo a monitoring group said.",
            [("killed", 13, None)],
        ),
        (  # FA-KES 1926479101: "3 of them" with no count before it is the toll itself
            "terrorists targeted tens of civilians with rocket shells and gunfire as the civilians "
            "were moving to Syrian Arab Army positions in Hanano area killing 3 of them and "
            "injuring 22 most of them women and children.",
            [("killed", 3, None), ("injured", 22, None)],
        ),
    ],
)
def test_numbers_part_of_a_count_and_the_count_it_is_part_of(
    text: str, expected: list[tuple[str, int, str | None]]
) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # FA-KES 1926478973: two counts joined by "and" before one passive verb
            "Some 120 ISIS fighters and 60 foreign mercenaries were killed in a series of Russian "
            "air strikes in Syria over the past 24 hours the defense ministry in Moscow said.",
            [("killed", 120, "about"), ("killed", 60, None)],
        ),
        (  # FA-KES 1923848261
            "The Syrian Observatory for Human Rights said 30 regime soldiers and 39 rebel fighters "
            "had been killed in battles around Al-Maleh north of Aleppo since Wednesday afternoon.",
            [("killed", 30, None), ("killed", 39, None)],
        ),
        # written to the rule: a range is one count, and "one" beside a count adds one already
        ("Between 7 and 12 people were killed.", [("killed", 12, None)]),
        ("One soldier and 3 civilians were killed.", [("killed", 4, None)]),
    ],
)
def test_numbers_a_count_joined_to_the_next_takes_its_kind(
    text: str, expected: list[tuple[str, int, str | None]]
) -> None:
    assert _kinds(text) == expected
