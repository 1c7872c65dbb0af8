"""Minimum-cost one-to-one assignment (the Hungarian method), for the scorers.

``assign(cost)`` takes a rectangular matrix of non-negative integer costs, ``rows x cols``,
and returns for each row the column given to it (or ``None`` when there are more rows than
columns and the row is left over), such that no column is given twice and the sum of the
chosen costs is the least possible. A scorer that wants the most pairs first and the best
pairs among them gives impossible pairs a cost larger than the sum of all possible ones and
drops them afterwards.

Potentials over rows and columns, one augmenting path per row by a Dijkstra-like scan:
O(rows² · cols), nothing beyond the standard library. Event lists of one document are small.
"""

from __future__ import annotations

from collections.abc import Sequence


def assign(cost: Sequence[Sequence[int]]) -> list[int | None]:
    """The column given to each row in a least-cost assignment (``None``: no column left)."""
    rows = len(cost)
    cols = len(cost[0]) if rows else 0
    if rows == 0 or cols == 0:
        return [None] * rows
    if rows > cols:
        transposed = [[cost[r][c] for r in range(rows)] for c in range(cols)]
        by_col = assign(transposed)
        out: list[int | None] = [None] * rows
        for c, r in enumerate(by_col):
            if r is not None:
                out[r] = c
        return out
    inf = float("inf")
    # 1-based with a virtual column 0, as in the textbook form of the method.
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[c]: the row holding column c (0: free)
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        col0 = 0
        least = [inf] * (cols + 1)
        seen = [False] * (cols + 1)
        while True:
            seen[col0] = True
            r0 = owner[col0]
            delta = inf
            col1 = 0
            for c in range(1, cols + 1):
                if seen[c]:
                    continue
                reduced = cost[r0 - 1][c - 1] - u[r0] - v[c]
                if reduced < least[c]:
                    least[c] = reduced
                    way[c] = col0
                if least[c] < delta:
                    delta = least[c]
                    col1 = c
            for c in range(cols + 1):
                if seen[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            prev = way[col0]
            owner[col0] = owner[prev]
            col0 = prev
    result: list[int | None] = [None] * rows
    for c in range(1, cols + 1):
        if owner[c]:
            result[owner[c] - 1] = c - 1
    return result
