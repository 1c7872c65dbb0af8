"""A case-insensitive rule with a case-sensitive test inside a negative look-ahead ("in 2011"
not followed by a capital, "youtube" not followed by a video title) is still searched the fast
way, in the lower-cased text, and still gives the rule's own matches."""

from __future__ import annotations

import re

from frontline.extract.clause_patterns import _BACKGROUND, _NEVER_AN_EVENT
from frontline.extract.prefilter import Filtered, lowered_pattern

_IN_A_YEAR = re.compile(r"\bin (?:19|20)\d\d(?! (?-i:[A-Z]))", re.IGNORECASE)

TEXTS = [
    "The city has been besieged by government forces in 2013 and shelled daily since.",
    "Rebels took the town in 2016 Assad's forces retook it a year later.",  # a capital: no match
    "IN 2016 the army retook it; in 2012 rebels had held it.",
    "A video posted on YouTube showed the aftermath of the strike.",
    "Activists posted footage on YouTube Syrian Observatory says 12 killed in Douma",
    "ACTIVISTS POSTED FOOTAGE ON YOUTUBE of the raid in 2015.",
]


def test_exact_copy_still_refused() -> None:
    assert lowered_pattern(_IN_A_YEAR) is None


def test_loose_copy_matches_wherever_the_rule_does_and_more() -> None:
    copy = lowered_pattern(_IN_A_YEAR, loose=True)
    assert copy is not None
    for text in TEXTS:
        fast = {m.start() for m in copy.finditer(text.lower())}
        assert {m.start() for m in _IN_A_YEAR.finditer(text)} <= fast
    # the capital after "in 2016" stops the rule, not the copy
    assert copy.search(TEXTS[1].lower()) and not _IN_A_YEAR.search(TEXTS[1])


def test_look_behind_keeps_its_case_rule() -> None:
    behind = re.compile(r"(?<!(?-i:[A-Z]) )strikes", re.IGNORECASE)
    assert lowered_pattern(behind, loose=True) is None


def test_filtered_rules_give_their_own_matches() -> None:
    for pattern in (_IN_A_YEAR, _BACKGROUND, _NEVER_AN_EVENT):
        rule = Filtered(pattern)
        assert rule._lowered is not None  # run the fast way
        for text in TEXTS + [t.swapcase() for t in TEXTS]:
            slow = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in rule.finditer(text)] == slow
            first = rule.search(text)
            assert (first.span() if first else None) == (slow[0] if slow else None)
