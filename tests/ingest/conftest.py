"""Fixtures for the ingest tests.

``fake_datelines`` stands in for :func:`frontline.ingest.dateline.find_dateline` (tested on
its own in ``test_dateline.py``), so the readers' tests do not depend on its coverage: it
knows "Wed 05 Apr 2017", "27 November 2016" and "Published August 2 2016" at the start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_DATELINE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]* )?(?P<d1>\d{1,2}) (?P<m1>[A-Z][a-z]+) (?P<y1>\d{4})"
    r"|(?P<m2>[A-Z][a-z]+) (?P<d2>\d{1,2}),? (?P<y2>\d{4})"
)


@dataclass(frozen=True)
class FakeDateline:
    start: int
    end: int
    date: date


def fake_find_dateline(text: str) -> FakeDateline | None:
    """The first "5 Apr 2017" or "April 5 2017" in the first 60 characters."""
    for match in _DATELINE.finditer(text, 0, 60):
        day, month, year = (
            (match["d1"], match["m1"], match["y1"])
            if match["d1"]
            else (match["d2"], match["m2"], match["y2"])
        )
        number = _MONTHS.get(month[:3].lower())
        if number:
            return FakeDateline(match.start(), match.end(), date(int(year), number, int(day)))
    return None


@pytest.fixture
def fake_datelines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cleaning uses :func:`fake_find_dateline` instead of the real dateline finder."""
    monkeypatch.setattr("frontline.ingest.cleaning.find_dateline", fake_find_dateline)
