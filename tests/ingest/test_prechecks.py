"""Cleaning's plain tests before its scans: a text that cannot hold what a cleaner looks for
skips the scan, and every text gives what the scan alone would give."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from frontline.ingest.cleaning import lines
from frontline.ingest.credits import photo_credits
from frontline.ingest.dateline import find_dateline
from frontline.ingest.links import link_runs
from frontline.ingest.placeline import find_place_dateline
from frontline.ingest.tags import tag_lists

LEAD = (
    "Syrian government forces backed by Russian air strikes pushed into the eastern districts "
    "of Aleppo on Sunday, a monitoring group said."
)


def _lines_by_pattern(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\r?\n|\r", text):
        spans.append((start, match.start()))
        start = match.end()
    return [*spans, (start, len(text))]


@given(st.text(alphabet="ab \r\n\t", max_size=40))
def test_lines_split_on_newlines_as_the_pattern_does(text: str) -> None:
    assert lines(text) == _lines_by_pattern(text)


def test_lines_with_windows_breaks() -> None:
    text = "Aleppo under fire\r\n\r\nShelling went on all night.\r\n"
    assert [text[a:b] for a, b in lines(text)] == [
        "Aleppo under fire",
        "",
        "Shelling went on all night.",
        "",
    ]


def test_cleaners_find_nothing_in_a_text_without_their_words() -> None:
    assert photo_credits(LEAD) == []
    assert tag_lists(LEAD) == []
    assert link_runs(LEAD) == []
    assert find_place_dateline(LEAD) is None
    assert find_dateline(LEAD) is None


def test_dateline_lead_in_any_case_still_found() -> None:
    for lead in ("PUBLISHED", "Published", "pOsTeD oN", "Last Updated"):
        found = find_dateline(f"{lead} 27 November 2016 {LEAD}")
        assert found is not None and found.date == date(2016, 11, 27)


def test_dateline_lead_before_non_ascii_text_still_found() -> None:
    found = find_dateline(f"Posted on 27 November 2016 – Ḥalab: {LEAD}")
    assert found is not None and found.text.startswith("Posted on 27 November 2016")


def test_place_datelines_whose_agency_holds_a_shorter_name() -> None:
    # "SANA" holds "ANA", "ITAR-TASS" holds "TASS": the shorter name's test lets both through
    assert find_place_dateline(f"Hama, SANA_ {LEAD}") is not None
    found = find_place_dateline(f"MOSCOW (ITAR-TASS) - {LEAD}")
    assert found is not None and found.place == "MOSCOW"
