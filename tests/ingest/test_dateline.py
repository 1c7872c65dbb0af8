"""The publication dateline at the start of an article (frontline.ingest.dateline)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.ingest.dateline import Dateline, find_dateline

ROOT = Path(__file__).resolve().parents[2]
FAKES = ROOT / "samples" / "fakes_dev.csv"
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"


# Openings copied verbatim from samples/fakes_dev.csv (row unit_id in the comment).
REAL_OPENINGS = [
    # 1914947530
    (
        "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims",
        "Wed 05 Apr 2017",
        date(2017, 4, 5),
    ),
    # 1914947532
    (
        "Fri 07 Apr 2017 at 0914 Homs governor says U.S. attack caused deaths but doesnt see",
        "Fri 07 Apr 2017 at 0914",
        date(2017, 4, 7),
    ),
    # 1918150028
    (
        "Posted on April 19 2017 by Asharq Al-Awsat English Six Killed in Aleppo Bombing as",
        "Posted on April 19 2017",
        date(2017, 4, 19),
    ),
    # 1923102821
    (
        "Date of publication 5 July 2016 The bomber was on a motorcycle when he attacked a crowd",
        "Date of publication 5 July 2016",
        date(2016, 7, 5),
    ),
    # 1923848278: the text's date, not the CSV's 10/12/2016 (gold README)
    (
        "Syrian army says rebel bombardment of Aleppo killed 84 in three days Reuters Monday 31 "
        "Oct 2016 Syrias army said in a statement on Monday",
        "Monday 31 Oct 2016",
        date(2016, 10, 31),
    ),
    # 1924058031: "Apr 23 2017" with its space lost
    (
        "Last updated at Apr 232017 An Israeli attack on a Syrian training camp near the Golan",
        "Last updated at Apr 232017",
        date(2017, 4, 23),
    ),
    # 1926478910: SANA puts the date after the headline
    (
        "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city 6 October "
        "2016 Aleppo SANA-Terrorist organizations f",
        "6 October 2016",
        date(2016, 10, 6),
    ),
    # 1965495343
    (
        "05.10.2017(updated 1935 05.10.2017) Get short URL 101 A mortar attack on Al Qousour",
        "05.10.2017(updated 1935 05.10.2017)",
        date(2017, 10, 5),
    ),
    # 1965495359
    (
        "Daesh Attacks Syrian Deir ez-Zor With Rockets Kill 3 Civilians - Reports Sputnik Mikhail "
        "Voskresenskiy Middle East 2159 18.05.2017(updated 2204 18.05.2017) Get ",
        "18.05.2017(updated 2204 18.05.2017)",
        date(2017, 5, 18),
    ),
    # 1965511127
    (
        "16-11-2014 title: ISIL Claims Beheading of 18 Syrians US Aid Worker. T",
        "16-11-2014",
        date(2014, 11, 16),
    ),
    # 1923848207: a long headline and standfirst before "Reuters Wednesday 7 Aug 2013"
    (
        "Syrian army kills 62 rebels east of Damascus Monitoring group Syrias state news agency "
        "did not give a death toll for the ambsuh Reuters Wednesday 7 Aug 2013 sixty-two rebel "
        "fighters were kil",
        "Wednesday 7 Aug 2013",
        date(2013, 8, 7),
    ),
    # 1926479165
    (
        "Print this page Tuesday 19 July 2016 16:45 Russian Airstrikes Disrupt Last Remaining",
        "Tuesday 19 July 2016 16:45",
        date(2016, 7, 19),
    ),
    # 1962495732
    (
        "Syrian Jets Pounds ISIS Offensive in Hama Killing 50 Terrorists Fri Sep 30 2016 102138 "
        "Warplanes of Syrian Air Force (Sy",
        "Fri Sep 30 2016 102138",
        date(2016, 9, 30),
    ),
    # 1926479066
    (
        "July 30 2014 Bombs in Syrias Aleppo kill 13 pro-Assad fighters: monitor. Opposition",
        "July 30 2014",
        date(2014, 7, 30),
    ),
]


@pytest.mark.parametrize(("opening", "dateline", "day"), REAL_OPENINGS)
def test_dateline_finds_real_fakes_openings(opening: str, dateline: str, day: date) -> None:
    found = find_dateline(opening)
    assert found is not None
    assert found.text == dateline
    assert found.date == day
    assert opening[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "dateline", "day"),
    [
        (
            "Sun 27 Nov 2016 15.30 GMT\nSyrian forces advanced.",
            "Sun 27 Nov 2016 15.30 GMT",
            date(2016, 11, 27),
        ),
        ("Published August 2 2016 Rebels said", "Published August 2 2016", date(2016, 8, 2)),
        ("27 November 2016 Aleppo", "27 November 2016", date(2016, 11, 27)),
        ("November 27, 2016 - Aleppo", "November 27, 2016", date(2016, 11, 27)),
        ("2016-11-27 Aleppo", "2016-11-27", date(2016, 11, 27)),
        ("Monday 28 November 2016 Syrian", "Monday 28 November 2016", date(2016, 11, 28)),
        ("  Updated: 28 November 2016\nText", "Updated: 28 November 2016", date(2016, 11, 28)),
        (
            "Headline of the day\n28 November 2016\nBody text",
            "28 November 2016",
            date(2016, 11, 28),
        ),
        ("11/27/2016 Aleppo", "11/27/2016", date(2016, 11, 27)),
    ],
)
def test_dateline_reads_common_formats(text: str, dateline: str, day: date) -> None:
    found = find_dateline(text)
    assert found == Dateline(
        text.index(dateline), text.index(dateline) + len(dateline), day, dateline
    )


@pytest.mark.parametrize(
    "text",
    [
        # 1923848124: no dateline in the text
        "Aleppo bomb blast kills six Syrian state TV A bomb blast killed six people and injured 32 "
        "in the Salah al-Din district of Aleppo S",
        "In 2011 the uprising began in Deraa.",
        "Syrian regime forces made gains on 27 November 2016 in the east of Aleppo.",
        "On Saturday 16 July 2016 rebels attacked the road.",
        "Rebels said 27 November 2016 was the worst day of the siege.",
        "Wed 31 Feb 2017 is no day at all",
        "",
    ],
)
def test_dateline_ignores_event_dates_and_plain_text(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_none_in_trt_article() -> None:
    assert find_dateline(TRT.read_text(encoding="utf-8")) is None


def _csv_date(value: str) -> date:
    month, day, year = (int(part) for part in value.split("/"))
    return date(year, month, day)


def test_dateline_fakes_corpus_gate() -> None:
    """Over the 480 FA-KES dev rows: 469 datelines found, each an exact span; 133 disagree
    with the unreliable CSV date column (the text wins, gold README)."""
    with FAKES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = [(row, find_dateline(row["article_content"])) for row in rows]
    hits = [(row, d) for row, d in found if d is not None]
    for row, d in hits:
        assert row["article_content"][d.start : d.end] == d.text
        assert d.start < 250
    assert len(hits) >= 469
    disagree = sum(1 for row, d in hits if d.date != _csv_date(row["date"]))
    assert disagree <= 133


@pytest.mark.parametrize(
    ("unit_id", "published"),
    [
        ("1923848278", date(2016, 10, 31)),
        ("1924058192", date(2016, 10, 15)),
        ("1965511178", date(2016, 6, 30)),
        ("1924058051", date(2015, 7, 17)),
        ("1924058228", date(2017, 4, 30)),
        ("1962495658", date(2016, 7, 27)),
        ("1924058053", date(2015, 2, 2)),
        ("1926479219", date(2013, 9, 9)),
    ],
)
def test_dateline_gives_the_gold_publication_dates(unit_id: str, published: date) -> None:
    """The eight gold documents whose text dateline contradicts the CSV date."""
    with FAKES.open(encoding="utf-8", newline="") as handle:
        text = next(r["article_content"] for r in csv.DictReader(handle) if r["unit_id"] == unit_id)
    found = find_dateline(text)
    assert found is not None
    assert found.date == published


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 .-/:,MonWedApr2017Published\n")), max_size=80)
)
def test_dateline_span_is_exact_on_any_text(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert text[found.start : found.end] == found.text
