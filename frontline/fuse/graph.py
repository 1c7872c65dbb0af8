"""The compatibility graph that splitting reads, in two forms that give the same events.

:func:`frontline.fuse.split.split_component` places claims one at a time and, for each, needs
only a *tally*: for every event with a member next to the claim, how many of its members are
compatible with it and the sum of their scores. Two graphs answer that:

- :class:`PairGraph` holds every compatible pair (``cluster.compatible_pairs``): simple, and
  the reference the other is checked against;
- :class:`NodeGraph` folds claims that say the same thing (one :func:`node_key`: their
  signature and death toll) into one node and keeps the compatible pairs of *nodes*. A story
  republished fifty times is then a handful of nodes (one a day it is dated to) however many
  copies there are, so neither the pairs nor the tallies grow with the square of the copies.

A pair of claims scores what its pair of nodes scores between claims of different documents
(:func:`frontline.fuse.cluster.compatible` reads nothing else of a claim), unless the two
claims share a document, which only ever rejects a pair (two claims of one article must agree on
the day and the place); those pairs are few and are worked out claim by claim.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Protocol

from frontline.fuse.cluster import (
    Claim,
    PlaceMatcher,
    compatible,
    components,
    neighbours,
    scored_pairs,
    signature,
)
from frontline.fuse.rules import FusionRules

Keep = Callable[[Claim, Claim], bool]
Tally = dict[int, list[int]]  # event -> [compatible members, sum of their scores]
_AWAY = "\x00another document"


class Placement(Protocol):
    """Which event each placed claim belongs to, and the tally of a claim against them."""

    def add(self, i: int, event: int) -> None: ...

    def tally(self, i: int, loose: bool = False) -> Tally:
        """For each event with a placed member next to claim ``i``: [members compatible with
        ``i``, sum of their scores]; scores count when positive, or (``loose``) when not 0,
        by their size."""
        ...

    def copy(self) -> Placement: ...


class Graph(Protocol):
    def placement(self) -> Placement: ...

    def keeping(self, keep: Keep) -> Graph:
        """The graph of the positive pairs that ``keep`` (which may read only what
        :func:`node_key` holds) accepts."""
        ...


def _weight(score: int, loose: bool) -> int:
    return abs(score) if loose else max(score, 0)


# -- every pair ----------------------------------------------------------------------------------


class PairGraph:
    """The compatible pairs of claims, each stored."""

    def __init__(
        self,
        claims: Sequence[Claim],
        pairs: Mapping[tuple[int, int], int],
        keep: Keep | None = None,
        adjacent: Mapping[int, set[int]] | None = None,
    ) -> None:
        self.claims = claims
        self.pairs = pairs
        self._keep = keep
        self._adjacent = adjacent if adjacent is not None else neighbours(pairs)

    def score(self, i: int, j: int) -> int:
        score = self.pairs.get((i, j) if i < j else (j, i), 0)
        if self._keep is not None and (
            score <= 0 or not self._keep(self.claims[i], self.claims[j])
        ):
            return 0
        return score

    def components(self) -> list[list[int]]:
        return components(len(self.claims), self.pairs)

    def placement(self) -> Placement:
        return _PairPlacement(self, {})

    def keeping(self, keep: Keep) -> Graph:
        return PairGraph(self.claims, self.pairs, keep, self._adjacent)

    def adjacent(self, i: int) -> set[int]:
        return self._adjacent.get(i, set())


@dataclasses.dataclass(slots=True)
class _PairPlacement:
    graph: PairGraph
    of: dict[int, int]

    def add(self, i: int, event: int) -> None:
        self.of[i] = event

    def copy(self) -> Placement:
        return _PairPlacement(self.graph, dict(self.of))

    def tally(self, i: int, loose: bool = False) -> Tally:
        found: dict[int, list[int]] = {}
        for j in self.graph.adjacent(i):
            k = self.of.get(j)
            if k is None:
                continue
            score = self.graph.score(i, j)
            if not score:
                continue
            weight = _weight(score, loose)
            tally = found.setdefault(k, [0, 0])
            if weight:
                tally[0] += 1
                tally[1] += weight
        return found


# -- claims folded into nodes --------------------------------------------------------------------


def node_key(claim: Claim) -> tuple[object, ...]:
    """What splitting and :func:`compatible` read of a claim, its document and id aside."""
    return (signature(claim), claim.event.fatalities)


class NodeGraph:
    """Claims folded into nodes (see the module docstring); pairs of nodes scored once."""

    def __init__(self, claims: Sequence[Claim], rules: FusionRules, places: PlaceMatcher) -> None:
        self.claims = claims
        self._places = places
        self._rules = rules
        keys: dict[tuple[object, ...], int] = {}
        self.node = [keys.setdefault(node_key(c), len(keys)) for c in claims]
        self.members: list[list[int]] = [[] for _ in keys]
        self.doc = [c.event.doc_id for c in claims]
        self.of_doc: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(self.node):
            self.members[u].append(i)
            self.of_doc[self.doc[i]].append(i)
        self.doc_count = [len({self.doc[i] for i in m}) for m in self.members]
        reps = [claims[m[0]] for m in self.members]
        self._shapes(reps)
        self.scores = scored_pairs(reps, rules, self._apart)
        for u, m in enumerate(self.members):
            if len(m) > 1 and (score := self._apart(u, u)):
                self.scores[(u, u)] = score
        self._known.clear()
        self.adjacent: list[list[tuple[int, int]]] = [[] for _ in keys]
        for (u, v), score in self.scores.items():
            self.adjacent[u].append((v, score))
            if u != v:
                self.adjacent[v].append((u, score))
        self._same: dict[tuple[int, int], int] = {}

    def _shapes(self, reps: Sequence[Claim]) -> None:
        """Each node's *shape*: its signature but the day. :func:`compatible` reads the days
        of two claims only through their difference, so a pair's score is remembered per pair
        of shapes and difference, when both shapes are shared by several nodes (a report copied
        at other dates), while the pairs are scored."""
        ids: dict[tuple[object, ...], int] = {}
        self._shape = [ids.setdefault(_shape(c), len(ids)) for c in reps]
        self._day = [c.day for c in reps]
        seen = [0] * len(ids)
        for shape in self._shape:
            seen[shape] += 1
        self._shared = [n > 1 for n in seen]
        self._known: dict[tuple[int, int, int], int] = {}

    def _apart(self, u: int, v: int) -> int:
        """The score of two claims of nodes ``u`` and ``v`` from different documents."""
        su, sv = self._shape[u], self._shape[v]
        if not (self._shared[su] and self._shared[sv]):  # a pair that can hardly recur
            return self._compare(u, v)
        key = (su, sv, self._day[u] - self._day[v])
        score = self._known.get(key)
        if score is None:
            score = self._known[key] = self._compare(u, v)
        return score

    def _compare(self, u: int, v: int) -> int:
        left, right = self.claims[self.members[u][0]], self.claims[self.members[v][0]]
        if left.event.doc_id == right.event.doc_id:
            right = dataclasses.replace(right, event=dataclasses.replace(right.event, doc_id=_AWAY))
        return compatible(left, right, self._rules, self._places)

    def node_score(self, u: int, v: int) -> int:
        return self.scores.get((u, v) if u <= v else (v, u), 0)

    def same_doc_score(self, i: int, j: int) -> int:
        """The score of claims ``i`` and ``j`` of one document."""
        u, v = sorted((self.node[i], self.node[j]))
        if not self.node_score(u, v):
            return 0
        score = self._same.get((u, v))
        if score is None:
            score = compatible(self.claims[i], self.claims[j], self._rules, self._places)
            self._same[(u, v)] = score
        return score

    def components(self) -> list[list[int]]:
        """Connected components of the claims (as :func:`cluster.components` orders them)."""
        return components(len(self.claims), self._links())

    def _links(self) -> Iterator[tuple[int, int]]:
        """Pairs of claims whose union joins what every compatible pair joins."""
        whole = [len(m) == 1 for m in self.members]  # all members joined already
        members, doc = self.members, self.doc
        for u, v in self.scores:
            if whole[u] and whole[v] and u != v and self.doc_count[u] + self.doc_count[v] == 2:
                i, j = members[u][0], members[v][0]  # one document a side: one pair
                if doc[i] != doc[j]:
                    yield i, j
            elif u == v:
                if self.doc_count[u] > 1:
                    yield from self._chain(u, whole)
            else:
                yield from self._between(u, v, whole)
        for same in self.of_doc.values():
            for a, i in enumerate(same):
                for j in same[a + 1 :]:
                    if self.same_doc_score(i, j):
                        yield i, j

    def _chain(self, u: int, whole: list[bool]) -> Iterator[tuple[int, int]]:
        first = self.members[u][0]
        if not whole[u]:
            whole[u] = True
            yield from ((first, i) for i in self.members[u][1:])

    def _between(self, u: int, v: int, whole: list[bool]) -> Iterator[tuple[int, int]]:
        """Join the claims of nodes ``u`` and ``v`` from different documents."""
        if self.doc_count[u] >= 3 and self.doc_count[v] >= 3:
            # with three documents a side, every claim meets every other through a third
            yield from self._chain(u, whole)
            yield from self._chain(v, whole)
            yield self.members[u][0], self.members[v][0]
            return
        docs_u = _by_doc(self.members[u], self.doc)
        docs_v = _by_doc(self.members[v], self.doc)
        few, many = (docs_u, docs_v) if len(docs_u) <= len(docs_v) else (docs_v, docs_u)
        for doc, claims in few.items():
            others = [j for d, js in many.items() if d != doc for j in js]
            if others:
                yield from ((claims[0], j) for j in [*claims[1:], *others])

    def placement(self) -> Placement:
        return _NodePlacement(self, None, {}, {})

    def keeping(self, keep: Keep) -> Graph:
        return _KeptNodes(self, keep)


def _shape(claim: Claim) -> tuple[object, ...]:
    """A claim's signature without its day."""
    found = signature(claim)
    return found[:2] + found[3:]


def _by_doc(members: Sequence[int], doc: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for i in members:
        found[doc[i]].append(i)
    return found


@dataclasses.dataclass(slots=True)
class _KeptNodes:
    """A node graph restricted to positive pairs a test accepts (node by node, as needed)."""

    graph: NodeGraph
    keep: Keep
    adjacent: dict[int, list[tuple[int, int]]] = dataclasses.field(default_factory=dict)

    def placement(self) -> Placement:
        return _NodePlacement(self.graph, self, {}, {})

    def keeping(self, keep: Keep) -> Graph:
        return _KeptNodes(self.graph, lambda a, b: self.keep(a, b) and keep(a, b))

    def neighbours(self, u: int) -> list[tuple[int, int]]:
        found = self.adjacent.get(u)
        if found is None:
            claims, members = self.graph.claims, self.graph.members
            rep = claims[members[u][0]]
            found = [
                (v, s)
                for v, s in self.graph.adjacent[u]
                if s > 0 and self.keep(rep, claims[members[v][0]])
            ]
            self.adjacent[u] = found
        return found

    def filtered(self, i: int, j: int, score: int) -> int:
        claims = self.graph.claims
        return score if score > 0 and self.keep(claims[i], claims[j]) else 0


@dataclasses.dataclass(slots=True)
class _NodePlacement:
    graph: NodeGraph
    kept: _KeptNodes | None
    of: dict[int, int]
    counts: dict[int, dict[int, int]]  # node -> event -> members placed

    def add(self, i: int, event: int) -> None:
        self.of[i] = event
        placed = self.counts.setdefault(self.graph.node[i], {})
        placed[event] = placed.get(event, 0) + 1

    def copy(self) -> Placement:
        counts = {u: dict(placed) for u, placed in self.counts.items()}
        return _NodePlacement(self.graph, self.kept, dict(self.of), counts)

    def tally(self, i: int, loose: bool = False) -> Tally:
        graph, u = self.graph, self.graph.node[i]
        near = graph.adjacent[u] if self.kept is None else self.kept.neighbours(u)
        found: dict[int, list[int]] = {}  # event -> [members next to i, compatible, sum]
        counts = self.counts
        for v, score in near:
            placed = counts.get(v)
            if not placed:
                continue
            weight = abs(score) if loose else max(score, 0)
            for k, count in placed.items():  # _count, inlined: the hottest loop of fusion
                tally = found.get(k)
                if tally is None:
                    tally = found[k] = [0, 0, 0]
                tally[0] += count
                if weight:
                    tally[1] += count
                    tally[2] += count * weight
        self._same_doc(i, loose, found)
        return {k: [t[1], t[2]] for k, t in found.items() if t[0]}

    def _same_doc(self, i: int, loose: bool, found: dict[int, list[int]]) -> None:
        """Correct the tally for the placed claims of ``i``'s document (and ``i`` itself):
        counted above as if from another document."""
        graph, u = self.graph, self.graph.node[i]
        for j in graph.of_doc[graph.doc[i]]:
            k = self.of.get(j)
            if k is None:
                continue
            apart = graph.node_score(u, graph.node[j])
            same = 0 if j == i else graph.same_doc_score(i, j)
            if self.kept is not None:
                apart = self.kept.filtered(i, j, apart)
                same = self.kept.filtered(i, j, same)
            if apart != same:
                if apart:
                    _count(found, k, -1, _weight(apart, loose))
                if same:
                    _count(found, k, 1, _weight(same, loose))


def _count(found: dict[int, list[int]], k: int, count: int, weight: int) -> None:
    tally = found.get(k)
    if tally is None:
        tally = found[k] = [0, 0, 0]
    tally[0] += count
    if weight:
        tally[1] += count
        tally[2] += count * weight
