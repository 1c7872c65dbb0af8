"""Copy detection: a wire story republished by five outlets is one piece of evidence, not five.

Each document gets a MinHash fingerprint of its word 5-grams (and each passage one of its
word 3-grams); locality-sensitive hashing over bands of the signature finds candidate pairs
without comparing every pair, and the signatures' agreement (an estimate of the Jaccard
similarity of the shingle sets) confirms them. Copies are grouped (a copy of a copy is a
copy), and each group's original is its earliest published document, then the smallest
doc_id. The same is done for passages, so a paragraph lifted from another article links the
claims it carries to that article even when the rest of the text differs.

Everything here is deterministic: fixed hash seeds, sorted outputs.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt

DOC_SHINGLE = 5
PASSAGE_SHINGLE = 3
DOC_PERMUTATIONS = 64
PASSAGE_PERMUTATIONS = 32
ROWS_PER_BAND = 2
DOC_JACCARD = 0.45  # estimated Jaccard of 5-gram sets at or above which two texts are copies
DOC_CONTAINMENT = 0.8  # or: this share of the shorter text's 5-grams is in the longer one
CONTAINMENT_FLOOR = 0.3  # (and the Jaccard estimate at least this: estimates below are noise)
PASSAGE_JACCARD = 0.6
PASSAGE_WORDS = 60  # a passage: a paragraph, or a run of sentences of about this many words
MIN_PASSAGE_SHINGLES = 8  # shorter passages (a dateline, a caption) are not compared

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a document (``start``..``end``) and its MinHash signature."""

    start: int
    end: int
    signature: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document's MinHash signature, its shingle count and its passages' signatures."""

    doc_id: str
    published: date | None
    shingles: int
    signature: tuple[int, ...]
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class CopyLink:
    """``doc_id`` copies ``original`` (estimated Jaccard ``similarity`` with it)."""

    doc_id: str
    original: str
    similarity: float


@dataclass(frozen=True, slots=True)
class PassageLink:
    """The passage of ``doc_id`` at ``start`` copies ``original``'s at ``origin_start``."""

    doc_id: str
    start: int
    end: int
    original: str
    origin_start: int


@dataclass(frozen=True, slots=True)
class Copies:
    """Copy links among a set of documents: whole documents, and passages."""

    documents: Mapping[str, CopyLink]
    passages: Mapping[str, tuple[PassageLink, ...]]

    def origin(self, doc_id: str, start: int | None = None, end: int | None = None) -> str:
        """The document a claim at ``start``..``end`` of ``doc_id`` really comes from."""
        link = self.documents.get(doc_id)
        if link is not None:
            return link.original
        if start is not None and end is not None:
            for passage in self.passages.get(doc_id, ()):
                if passage.start <= start < passage.end or start <= passage.start < end:
                    return passage.original
        return doc_id


# -- fingerprints ---------------------------------------------------------------------------


@cache
def _permutations(count: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Multiply-shift hash functions ``(a*x + b) mod 2**64 >> 32`` with odd ``a``."""
    rng = np.random.default_rng(20161128 + count)
    a = rng.integers(0, 1 << 63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=count, dtype=np.uint64)
    return a, b


def _shingle_hashes(words: Sequence[str], size: int) -> npt.NDArray[np.uint64]:
    grams = {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 0))}
    if not grams and words:
        grams = {" ".join(words)}
    values = [
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big")
        for g in sorted(grams)
    ]
    return np.array(values, dtype=np.uint64)


def minhash(words: Sequence[str], size: int, count: int) -> tuple[int, tuple[int, ...]]:
    """(number of distinct shingles, MinHash signature) of a word sequence."""
    hashes = _shingle_hashes(words, size)
    if hashes.size == 0:
        return 0, (0,) * count
    a, b = _permutations(count)
    with np.errstate(over="ignore"):
        mixed = (hashes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return int(hashes.size), tuple(int(v) for v in mixed.min(axis=0))


def words_of(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def passages_of(text: str) -> list[tuple[int, int]]:
    """Paragraphs, and within a long paragraph, runs of sentences of about PASSAGE_WORDS."""
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in [*_PARAGRAPH.finditer(text), None]:
        end = piece.start() if piece is not None else len(text)
        spans.extend(_sentence_runs(text, position, end))
        position = piece.end() if piece is not None else len(text)
    return spans


def _sentence_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    run_start = previous = start
    words = 0
    cuts = [start + m.end() for m in _SENTENCE_END.finditer(text[start:end])] + [end]
    for cut in cuts:
        words += len(_WORD.findall(text[previous:cut]))
        previous = cut
        if words >= PASSAGE_WORDS or cut == end:
            if text[run_start:cut].strip():
                runs.append((run_start, cut))
            run_start, words = cut, 0
    return runs


def fingerprint(doc_id: str, text: str, published: date | None = None) -> Fingerprint:
    """The MinHash fingerprint of one document and of its passages."""
    shingles, signature = minhash(words_of(text), DOC_SHINGLE, DOC_PERMUTATIONS)
    passages = []
    for start, end in passages_of(text):
        words = words_of(text[start:end])
        if len(words) - PASSAGE_SHINGLE + 1 >= MIN_PASSAGE_SHINGLES:
            _, sig = minhash(words, PASSAGE_SHINGLE, PASSAGE_PERMUTATIONS)
            passages.append(Passage(start, end, sig))
    return Fingerprint(doc_id, published, shingles, signature, tuple(passages))


def similarity(left: Sequence[int], right: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of signature positions that agree."""
    if not left or len(left) != len(right):
        return 0.0
    return sum(1 for x, y in zip(left, right, strict=True) if x == y) / len(left)


# -- finding copies -------------------------------------------------------------------------


def _candidates(signatures: Sequence[Sequence[int]]) -> set[tuple[int, int]]:
    """Index pairs that share at least one LSH band."""
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for i, sig in enumerate(signatures):
        for band in range(0, len(sig), ROWS_PER_BAND):
            buckets[(band, tuple(sig[band : band + ROWS_PER_BAND]))].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 1 < len(members) <= 500:  # a huge bucket is a degenerate band, not a copy signal
            pairs.update((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    return pairs


def _is_copy(left: Fingerprint, right: Fingerprint) -> bool:
    if left.shingles == 0 or right.shingles == 0:
        return False
    jaccard = similarity(left.signature, right.signature)
    if jaccard >= DOC_JACCARD:
        return True
    if jaccard < CONTAINMENT_FLOOR:
        return False
    shared = jaccard * (left.shingles + right.shingles) / (1 + jaccard)
    return shared / min(left.shingles, right.shingles) >= DOC_CONTAINMENT


def _order_key(item: tuple[date | None, str]) -> tuple[bool, date, str]:
    published, doc_id = item
    return (published is None, published or date.min, doc_id)


def _groups(keys: Sequence[tuple[date | None, str]], pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Union-find over pairs; each index's root is its group's earliest member."""
    root = list(range(len(keys)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for x, y in pairs:
        rx, ry = find(x), find(y)
        if rx != ry:
            first, second = sorted((rx, ry), key=lambda i: _order_key(keys[i]))
            root[second] = first
    return [find(i) for i in range(len(keys))]


def find_copies(prints: Sequence[Fingerprint]) -> Copies:
    """Which documents (and passages) copy which, among ``prints``."""
    ordered = sorted(prints, key=lambda p: _order_key((p.published, p.doc_id)))
    keys = [(p.published, p.doc_id) for p in ordered]
    pairs = [
        (x, y)
        for x, y in _candidates([p.signature for p in ordered])
        if _is_copy(ordered[x], ordered[y])
    ]
    roots = _groups(keys, pairs)
    documents = {
        p.doc_id: CopyLink(
            p.doc_id, ordered[r].doc_id, similarity(p.signature, ordered[r].signature)
        )
        for p, r in zip(ordered, roots, strict=True)
        if ordered[r].doc_id != p.doc_id
    }
    return Copies(documents, _passage_links(ordered, documents))


def _passage_links(
    ordered: Sequence[Fingerprint], documents: Mapping[str, CopyLink]
) -> dict[str, tuple[PassageLink, ...]]:
    items = [(p, passage) for p in ordered if p.doc_id not in documents for passage in p.passages]
    keys = [(p.published, p.doc_id) for p, _ in items]
    pairs = [
        (x, y)
        for x, y in _candidates([passage.signature for _, passage in items])
        if items[x][0].doc_id != items[y][0].doc_id
        and similarity(items[x][1].signature, items[y][1].signature) >= PASSAGE_JACCARD
    ]
    links: dict[str, list[PassageLink]] = defaultdict(list)
    for (doc, passage), root in zip(items, _groups(keys, pairs), strict=True):
        origin_doc, origin = items[root]
        if origin_doc.doc_id != doc.doc_id:
            link = PassageLink(
                doc.doc_id, passage.start, passage.end, origin_doc.doc_id, origin.start
            )
            links[doc.doc_id].append(link)
    return {doc_id: tuple(found) for doc_id, found in sorted(links.items())}
