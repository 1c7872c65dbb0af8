"""The scorer's least-cost assignment gives the cheapest one-to-one pairing, like trying all."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from frontline.matching import assign

matrices = st.integers(0, 5).flatmap(
    lambda cols: st.lists(st.lists(st.integers(0, 30), min_size=cols, max_size=cols), max_size=5)
)


def _cheapest(cost: list[list[int]]) -> int:
    rows = len(cost)
    cols = len(cost[0]) if rows else 0
    if rows <= cols:
        perms = itertools.permutations(range(cols), rows)
        return min(sum(cost[r][p[r]] for r in range(rows)) for p in perms)
    perms = itertools.permutations(range(rows), cols)
    return min(sum(cost[p[c]][c] for c in range(cols)) for p in perms)


@given(matrices)
def test_the_assignment_costs_no_more_than_the_best_of_all_pairings(cost: list[list[int]]) -> None:
    chosen = assign(cost)
    assert len(chosen) == len(cost)
    used = [c for c in chosen if c is not None]
    assert len(used) == len(set(used)) == min(len(cost), len(cost[0]) if cost else 0)
    total = sum(cost[r][c] for r, c in enumerate(chosen) if c is not None)
    assert total == _cheapest(cost)


def test_a_greedy_first_choice_is_given_up_for_more_pairs() -> None:
    # Row 0 is cheapest in column 0, but only column 0 suits row 1.
    big = 1000
    assert assign([[1, 2], [3, big]]) == [1, 0]
