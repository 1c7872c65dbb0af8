"""What to set aside in an article before extraction, as ranges: the text is never changed.

Everything here is a pure function of the text. :func:`clean` finds, in order:

- the title: the first non-empty line of a plain-text file, or a known title (CSV column,
  HTML metadata) repeated at the very start of the text or right after a leading dateline
  (a byline between them, "Posted on April 4 2017 by Asharq Al-Awsat English <title>",
  is ignored with it);
- a dateline ("Wed 05 Apr 2017", found by :mod:`frontline.ingest.dateline`): its date is
  always reported, its range is ignored only when it is a pure prefix of the text (lead
  words such as "Published" and a time of day after it, "at 0914", ignored with it);
- a place dateline ("BEIRUT (Reuters) -", "Aleppo, SANA_", found by
  :mod:`frontline.ingest.placeline`): the reporter's city, not the event's place; ignored;
- repeated lines: a line printed twice in a row (photo captions), or any line longer than
  30 characters identical to an earlier one; the later copy is ignored;
- a trailing ``Source: X and agencies`` line: ignored, and ``X`` reported as the outlet;
- a photo credit run into the text with a related story's headline ("Sputnik Hikmet Durgun
  US-Led Coalition Confirms Syrias Raqqa Completely Liberated From Daesh", found by
  :mod:`frontline.ingest.credits`): ignored;
- links to other stories ("click to watch - <headline>", "READ MORE WATCH <headline>", a
  "Related News" list at the foot, found by :mod:`frontline.ingest.links`): ignored;
- a site's tag list glued to the lead ("Tags Madaya Syria hunger siege Three women ...") or
  at the foot of the page, found by :mod:`frontline.ingest.tags`: ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from frontline.ingest.credits import photo_credits
from frontline.ingest.links import link_runs
from frontline.ingest.tags import tag_lists

_MIN_REPEATED_LINE = 31  # "non-trivial": a line this long seen before is a repeat anywhere
_MIN_DOUBLED_LINE = 8  # a line printed twice in a row is a repeat from this length
_MAX_OUTLET_NAME = 60
_SOURCE_LINE = re.compile(
    r"source\s*:\s*(?P<name>.+?)"
    r"(?:\s*(?:,|\band\b|&|\+)\s*(?:other\s+|news\s+|wire\s+)?(?:agencies|wires))?\s*[.;]?",
    re.IGNORECASE,
)
_DATELINE_LEAD = re.compile(
    r"(?:print\s+this\s+page\s+)?(?:(?:date\s+of\s+publication|published|posted"
    r"|(?:last\s+)?updated)(?:\s+(?:on|at))?\s*:?\s*)?",
    re.IGNORECASE,
)
_DATELINE_TIME = re.compile(
    r"\s*,?\s*(?:at\s+)?\d{1,2}:?\d{2}(?:\s*(?:GMT|UTC|[ap]\.?m\.?))?(?![\w:])", re.IGNORECASE
)
_BYLINE = re.compile(r"\s*by\s+", re.IGNORECASE)
_MAX_BYLINE = 80
_TITLE_END = ".:|-–—"


class DatelineLike(Protocol):
    """What :func:`frontline.ingest.dateline.find_dateline` returns: a range and its date."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def date(self) -> date: ...


FindDateline = Callable[[str], DatelineLike | None]


def find_dateline(text: str) -> DatelineLike | None:
    """The dateline near the start of ``text`` (delegates to :mod:`frontline.ingest.dateline`)."""
    from frontline.ingest.dateline import find_dateline as find

    found: DatelineLike | None = find(text)
    return found


@dataclass(frozen=True, slots=True)
class Cleaning:
    """What :func:`clean` found. ``ignored`` is sorted and its ranges do not overlap."""

    ignored: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    title_span: tuple[int, int] | None = None
    dateline_date: date | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_is_prefix: bool = False
    outlet: str | None = None
    place_dateline_span: tuple[int, int] | None = None


def lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text``, line breaks (``\\n``, ``\\r\\n``) excluded."""
    spans = []
    start = 0
    if "\r" not in text:  # the common case: split on "\n" alone, no regex scan
        for line in text.split("\n"):
            spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans
    for match in re.finditer(r"\r?\n|\r", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _stripped(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_lines(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of ``text``, each trimmed of surrounding white space."""
    return [span for span in (_stripped(text, line) for line in lines(text)) if span[0] < span[1]]


def repeated_lines(text: str, found: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The later copies of repeated lines (see the module docstring); ``found``: the text's
    :func:`content_lines` when already known."""
    seen: set[str] = set()
    previous: str | None = None
    repeats = []
    for start, end in content_lines(text) if found is None else found:
        line = " ".join(text[start:end].split())
        doubled = line == previous and len(line) >= _MIN_DOUBLED_LINE
        if doubled or (len(line) >= _MIN_REPEATED_LINE and line in seen):
            repeats.append((start, end))
        seen.add(line)
        previous = line
    return repeats


def source_line(
    text: str, found: list[tuple[int, int]] | None = None
) -> tuple[int, int, str] | None:
    """The trailing ``Source: X [and agencies]`` line: its range and ``X``; ``found``: the
    text's :func:`content_lines` when already known."""
    found = content_lines(text) if found is None else found
    if not found:
        return None
    start, end = found[-1]
    match = _SOURCE_LINE.fullmatch(text, start, end)
    if match is None:
        return None
    name = match["name"].strip(" \t\"'“”‘’()[]")
    if not name or len(name) > _MAX_OUTLET_NAME:
        return None
    return start, end, name


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def title_at(text: str, title: str, pos: int) -> tuple[int, int] | None:
    """The range of ``title`` when the text repeats it at ``pos`` (any case, spacing).

    The title must end on a word boundary; a ``.`` or ``:`` right after it is included.
    """
    words = title.split()
    if not words:
        return None
    pos = _skip_space(text, pos)
    found = _words_end(text, words, pos)
    if found is None:
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.compile(pattern, re.IGNORECASE).match(text, pos)
        found = match.end() if match is not None else -1
    if found < 0:
        return None
    end = found
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None
    after = _skip_space(text, end)
    if after < len(text) and text[after] in _TITLE_END and after - end <= 1:
        end = after + 1
    return pos, end


def _words_end(text: str, words: list[str], pos: int) -> int | None:
    """Where ``words`` end when they stand at ``pos`` apart by white space, in any case (-1:
    they do not); None where a word is not ASCII, which only the regex's case rules decide."""
    for k, word in enumerate(words):
        if k:
            gap = pos
            pos = _skip_space(text, pos)  # str.isspace is exactly re's \s
            if pos == gap:
                return -1
        piece = text[pos : pos + len(word)]
        if not (piece.isascii() and word.isascii()):
            return None
        if piece.lower() != word.lower():
            return -1
        pos += len(word)
    return pos


def _title_after_byline(text: str, title: str, pos: int) -> tuple[int, int] | None:
    """``by <author or outlet> <title>`` at ``pos``: the range from ``by`` to the title's end."""
    byline = _BYLINE.match(text, pos)
    if byline is None:
        return None
    window = text[byline.end() : byline.end() + _MAX_BYLINE + len(title)]
    at = window.casefold().find(" " + " ".join(title.split()).casefold())
    if at < 0 or at > _MAX_BYLINE or "." in window[:at]:
        return None
    found = title_at(text, title, byline.end() + at)
    return (_skip_space(text, pos), found[1]) if found else None


def _blanked(text: str, end: int, ignored: Iterable[tuple[int, int]]) -> str:
    """``text[:end]`` with the ignored ranges turned to spaces."""
    chars = list(text[:end])
    for start, stop in ignored:
        for i in range(start, min(stop, end)):
            chars[i] = " "
    return "".join(chars)


def _prefix_start(text: str, start: int, ignored: list[tuple[int, int]]) -> int | None:
    """Where a dateline at ``start`` begins as a pure prefix (lead words such as "Published"
    included), or ``None`` when other text comes before it."""
    before = _blanked(text, start, ignored)
    first = len(before) - len(before.lstrip())
    if first == start:
        return start
    lead = _DATELINE_LEAD.match(before, first)
    return first if lead and lead.end() == start else None


def _dateline_prefix(
    text: str, dateline: DatelineLike, ignored: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The range to ignore for a dateline that is a pure prefix (lead words and a time of
    day included), or ``None`` when the dateline sits inside the text."""
    start = _prefix_start(text, dateline.start, ignored)
    if start is None:
        return None
    time_of_day = _DATELINE_TIME.match(text, dateline.end)
    return start, time_of_day.end() if time_of_day else dateline.end


def _title_line(text: str, dateline: DatelineLike | None) -> tuple[int, int] | None:
    """The first non-empty line, or the next one when the first is only a dateline; none
    when no text would be left after it (a one-line file is all text, no title)."""
    found = content_lines(text)
    if dateline and found and dateline.start <= found[0][0] and dateline.end >= found[0][1]:
        found = found[1:]
    return found[0] if len(found) > 1 else None


def _place_dateline(text: str, ignored: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The range of the story's place dateline, the story starting after the ignored opening."""
    from frontline.ingest.placeline import find_place_dateline

    story_start = max((end for start, end in ignored if start <= _skip_space(text, 0)), default=0)
    found = find_place_dateline(text, story_start)
    return (found.start, found.end) if found else None


def merge(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping, non-empty ranges covering the same characters."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def clean(
    text: str,
    *,
    title: str | None = None,
    title_line: bool = False,
    dateline_finder: FindDateline | None = None,
) -> Cleaning:
    """Find the ranges of ``text`` to set aside (see the module docstring).

    ``title_line``: the first non-empty line is the title (plain-text files); otherwise a
    given ``title`` is looked for at the start of the text. ``dateline_finder`` replaces
    :func:`find_dateline` (tests).
    """
    dateline = (dateline_finder or find_dateline)(text)
    ignored: list[tuple[int, int]] = []
    title_span: tuple[int, int] | None = None
    if title_line:
        title_span = _title_line(text, dateline)
        if title_span:
            title = text[title_span[0] : title_span[1]]
    elif title:
        title_span = title_at(text, title, 0)
    if title_span:
        ignored.append(title_span)
    prefix = _dateline_prefix(text, dateline, ignored) if dateline else None
    if prefix:
        ignored.append(prefix)
        if title and title_span is None:
            title_span = title_at(text, title, prefix[1]) or _title_after_byline(
                text, title, prefix[1]
            )
            if title_span:
                ignored.append(title_span)
    place_span = _place_dateline(text, ignored)
    if place_span:
        ignored.append(place_span)
    found_lines = content_lines(text)
    ignored.extend(repeated_lines(text, found_lines))
    ignored.extend(photo_credits(text))
    ignored.extend(tag_lists(text))
    ignored.extend(link_runs(text))
    outlet = None
    found_source = source_line(text, found_lines)
    if found_source:
        ignored.append(found_source[:2])
        outlet = found_source[2]
    return Cleaning(
        ignored=merge(ignored),
        title=title,
        title_span=title_span,
        dateline_date=dateline.date if dateline else None,
        dateline_span=(dateline.start, dateline.end) if dateline else None,
        dateline_is_prefix=prefix is not None,
        outlet=outlet,
        place_dateline_span=place_span,
    )
