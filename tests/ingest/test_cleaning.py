"""Cleaning: ranges set aside, the text never changed; and how dates and sources are chosen."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.ingest import ReadOptions
from frontline.ingest.assemble import Found, make_document
from frontline.ingest.cleaning import clean, repeated_lines, source_line

pytestmark = pytest.mark.usefixtures("fake_datelines")

WHO = (
    "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of a "
    "suspected chemical attack in Syria appeared to show symptoms consistent with reaction to "
    "a nerve agent the World Health Organization said on Wednesday."
)
WHO_TITLE = "Syria attack symptoms consistent with nerve agent use WHO"


def _texts(text: str, ranges: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in ranges]


def test_cleaning_dateline_prefix_and_repeated_title() -> None:
    cleaning = clean(WHO, title=WHO_TITLE)
    assert _texts(WHO, cleaning.ignored) == ["Wed 05 Apr 2017", WHO_TITLE + "."]
    assert cleaning.dateline_date == date(2017, 4, 5)
    assert cleaning.dateline_is_prefix


def test_cleaning_dateline_inside_a_sentence_is_kept() -> None:
    text = "Rebels said on 27 November 2016 that the regime had taken Hanano."
    cleaning = clean(text)
    assert cleaning.dateline_date == date(2016, 11, 27)
    assert not cleaning.dateline_is_prefix
    assert cleaning.ignored == ()


@pytest.mark.parametrize(
    ("text", "title", "ignored"),
    [
        (
            "Published August 2 2016 Air strikes on Atareb killed six.",
            None,
            ["Published August 2 2016"],
        ),
        (
            "Print this page Tuesday 19 July 2016 16:45 Russian Airstrikes Disrupt Ambulances Now",
            "Russian Airstrikes Disrupt Ambulances",
            ["Print this page Tuesday 19 July 2016 16:45", "Russian Airstrikes Disrupt Ambulances"],
        ),
        (
            "Fri 07 Apr 2017 at 0914 Homs governor says U.S. attack caused deaths. A U.S. strike.",
            "Homs governor says U.S. attack caused deaths",
            ["Fri 07 Apr 2017 at 0914", "Homs governor says U.S. attack caused deaths."],
        ),
        (
            "Posted on April 4 2017 by Asharq Al-Awsat English 58 Killed in Idlib Dozens died.",
            "58 Killed in Idlib",
            ["Posted on April 4 2017", "by Asharq Al-Awsat English 58 Killed in Idlib"],
        ),
    ],
)
def test_cleaning_dateline_lead_words_time_and_byline(
    text: str, title: str | None, ignored: list[str]
) -> None:
    assert _texts(text, clean(text, title=title).ignored) == ignored


def test_cleaning_dateline_finder_can_be_passed_in() -> None:
    cleaning = clean("Clashes in Jobar.", dateline_finder=lambda text: None)
    assert (cleaning.dateline_date, cleaning.ignored) == (None, ())


def test_cleaning_title_must_end_on_a_word_boundary() -> None:
    text = "Syria attacks continue. Rebels shelled Aleppo."
    assert clean(text, title="Syria attack").ignored == ()


def test_cleaning_repeated_lines() -> None:
    caption = "People remove belongings from a damaged site after an air strike Sunday."
    quote = '"The situation is disastrous," said a spokesman for the White Helmets.'
    text = f"Title\n\n{caption}\n{caption}\n\nBody one.\n{quote}\nBody two.\n{quote}\nBody two.\n"
    ranges = repeated_lines(text)
    second_caption = text.index(caption, text.index(caption) + 1)
    second_quote = text.index(quote, text.index(quote) + 1)
    assert [start for start, _ in ranges] == [second_caption, second_quote]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Source: TRTWorld and agencies", "TRTWorld"),
        ("SOURCE: AFP", "AFP"),
        ("Source : Reuters, agencies.", "Reuters"),
    ],
)
def test_cleaning_trailing_source_line(line: str, name: str) -> None:
    text = f"Clashes in Jobar.\n\n{line}\n"
    found = source_line(text)
    assert found is not None
    assert text[found[0] : found[1]] == line
    assert found[2] == name


def test_cleaning_source_line_only_at_the_end() -> None:
    assert source_line("Source: AFP\nClashes in Jobar went on all night.") is None


def _document(text: str, found: Found, options: ReadOptions | None = None) -> date | None:
    return make_document(text, found, options or ReadOptions()).published


def test_cleaning_date_precedence_given_over_dateline_over_column() -> None:
    column = Found(doc_id="1", origin="x.csv", published=date(2017, 4, 16), published_from="column")
    text = "April 30 2017 At least 14 civilians were killed by airstrikes."
    document = make_document(text, column, ReadOptions())
    assert (document.published, document.published_from) == (date(2017, 4, 30), "dateline")
    assert document.meta["csv_date"] == "2017-04-16"
    given = make_document(text, column, ReadOptions(published=date(2017, 5, 1)))
    assert (given.published, given.published_from) == (date(2017, 5, 1), "given")
    assert given.meta["dateline_date"] == "2017-04-30"
    agreeing = Found(
        doc_id="1", origin="x.csv", published=date(2017, 4, 30), published_from="column"
    )
    same = make_document(text, agreeing, ReadOptions())
    assert (same.published_from, dict(same.meta)) == ("column", {})


def test_cleaning_metadata_date_wins_over_dateline() -> None:
    found = Found(
        doc_id="p", origin="p.html", published=date(2016, 11, 28), published_from="metadata"
    )
    document = make_document(
        "27 November 2016 Regime forces took Jabal Badro.", found, ReadOptions()
    )
    assert (document.published, document.published_from) == (date(2016, 11, 28), "metadata")
    assert document.meta["dateline_date"] == "2016-11-27"


_LINES = st.sampled_from(
    [
        "",
        "   ",
        "Source: TRTWorld and agencies",
        "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO.",
        "People remove belongings from a damaged site after an air strike Sunday.",
        "Rebels said on 27 November 2016 that the regime had taken Hanano.",
        "Published August 2 2016",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=12),
    newline=st.sampled_from(["\n", "\r\n"]),
    title=st.one_of(st.none(), st.sampled_from([WHO_TITLE, "Aleppo", ""]), st.text(max_size=20)),
)
def test_cleaning_ignored_ranges_stay_inside_the_text(
    lines: list[str], newline: str, title: str | None
) -> None:
    text = newline.join(lines)
    found = Found(doc_id="h", origin="h.txt", title=title, title_line=title is None)
    document = make_document(text, found, ReadOptions())
    assert document.text == text
    assert len(document.analysis_text) == len(text)
    previous_end = 0
    for start, end in document.ignored:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    assert all(a == b or a == " " for a, b in zip(document.analysis_text, text, strict=True))
