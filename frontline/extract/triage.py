"""Triage: a trained check on the rules' candidate events, dropping the unlikely ones.

The rules propose events; on articles nobody tuned them for, many are not events at all
(running totals "since 2011", threats, condemnations, a hospital named as where the wounded
went). :func:`triage` scores each candidate with a logistic regression over features of the
candidate in its article — its type and trigger, certainty, place and date resolution, where
it stands in the article, how many candidates share its sentence, cue words of its sentence
(``frontline/data/triage_cues.toml``) and hashed words and word pairs of the sentence — and
keeps those whose probability reaches the threshold stored with the weights.

The weights (``frontline/data/triage_model.json``) are fitted by ``scripts/train_triage.py``
on the development gold sets, with the threshold chosen by document-grouped cross-validation;
they load once per process on first use. ``FRONTLINE_TRIAGE`` (``1``/``0``) switches triage on
or off, or sets the keep threshold (``FRONTLINE_TRIAGE=0.6``: fewer false events and fewer true
ones); without it the model file's ``enabled`` flag decides. Everything is deterministic:
feature hashing is CRC-32, never Python's salted ``hash``.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

from frontline.errors import SetupError
from frontline.extract.prefilter import Filtered, filtered
from frontline.records import Document, Event, Extraction, GeoStatus

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MODEL_FILE = DATA_DIR / "triage_model.json"
CUES_FILE = DATA_DIR / "triage_cues.toml"
HASH_BITS = 12
ENV_VAR = "FRONTLINE_TRIAGE"
_ON = {"1", "true", "yes", "on"}
_OFF = {"0", "false", "no", "off"}
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_PLAIN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class TriageModel:
    """Weights by feature name, a bias, the keep threshold, and how the model was made."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5
    enabled: bool = False
    hash_bits: int = HASH_BITS
    info: Mapping[str, Any] = field(default_factory=dict)
    uses_words: bool = field(init=False, default=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weights", MappingProxyType(dict(self.weights)))
        object.__setattr__(self, "info", MappingProxyType(dict(self.info)))
        words = any(name.startswith(("w#", "b#")) for name in self.weights)
        object.__setattr__(self, "uses_words", words)

    def probability(self, features: Mapping[str, float]) -> float:
        get = self.weights.get
        z = self.bias + sum(get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "enabled": self.enabled,
            "hash_bits": self.hash_bits,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
            "info": dict(self.info),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TriageModel:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            enabled=bool(data["enabled"]),
            hash_bits=int(data["hash_bits"]),
            info=dict(data.get("info", {})),
        )


def load_model(path: Path) -> TriageModel:
    """A model written by ``scripts/train_triage.py``; a broken file is a SetupError."""
    try:
        return TriageModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SetupError(
            f"cannot read the triage model {path}: {exc}; "
            "run scripts/train_triage.py --write to write it again"
        ) from exc


@cache
def default_model() -> TriageModel:
    """The shipped model, loaded once per process."""
    return load_model(MODEL_FILE)


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue group: its plain words (a set lookup on the sentence's tokens) and its other
    patterns (one alternation, searched only where its literal words occur)."""

    name: str
    words: frozenset[str]
    phrases: Filtered | None

    def found(self, tokens: set[str], sentence: str) -> bool:
        if not self.words.isdisjoint(tokens):
            return True
        return self.phrases is not None and self.phrases.search(sentence) is not None


@cache
def cue_groups() -> tuple[Cue, ...]:
    """The cue groups of ``triage_cues.toml``, read once per process."""
    try:
        table = tomllib.loads(CUES_FILE.read_text(encoding="utf-8"))["cues"]
        return tuple(
            _cue(str(name), [str(w) for w in words]) for name, words in sorted(table.items())
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise SetupError(f"cannot read {CUES_FILE}: {exc}; reinstall frontline") from exc


def _cue(name: str, patterns: list[str]) -> Cue:
    words = frozenset(p.lower() for p in patterns if _PLAIN.fullmatch(p))
    rest = [p for p in patterns if not _PLAIN.fullmatch(p)]
    if not rest:
        return Cue(name, words, None)
    return Cue(name, words, filtered(re.compile(r"\b(?:" + "|".join(rest) + r")\b", re.I)))


def bucket(token: str, bits: int = HASH_BITS) -> int:
    """The hash bucket of a word or word pair: CRC-32, stable across processes and machines."""
    return zlib.crc32(token.encode("utf-8")) & ((1 << bits) - 1)


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether triage runs: ``FRONTLINE_TRIAGE`` when set, else the shipped model's flag."""
    return keep_threshold(environ) is not None


def keep_threshold(environ: Mapping[str, str] | None = None) -> float | None:
    """The threshold triage keeps candidates at, or None when triage is off.

    ``FRONTLINE_TRIAGE``: ``1``/``on`` the model's threshold, ``0``/``off`` none, a number
    between 0 and 1 that threshold (higher: fewer false events, fewer true ones); unset, the
    model file's ``enabled`` flag decides.
    """
    raw = (os.environ if environ is None else environ).get(ENV_VAR)
    if raw is None or not raw.strip():
        model = default_model()
        return model.threshold if model.enabled else None
    value = raw.strip().lower()
    if value in _ON | _OFF:
        return default_model().threshold if value in _ON else None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if 0.0 < number < 1.0:
        return number
    raise SetupError(
        f"{ENV_VAR}={raw!r}: write 1 (triage on), 0 (off) or a keep threshold between 0 and 1"
    )


def triage(
    extraction: Extraction, model: TriageModel | None = None, threshold: float | None = None
) -> Extraction:
    """The extraction with the candidates scoring below the threshold (by default the
    model's) dropped."""
    if not extraction.events:
        return extraction
    chosen = model or default_model()
    cut = chosen.threshold if threshold is None else threshold
    scores = probabilities(extraction, chosen)
    kept = tuple(e for e, p in zip(extraction.events, scores, strict=True) if p >= cut)
    return extraction if len(kept) == len(extraction.events) else replace(extraction, events=kept)


def triage_if_enabled(extraction: Extraction) -> Extraction:
    """:func:`triage` at the configured threshold when triage is on, else the extraction
    unchanged (the pipeline hook)."""
    threshold = keep_threshold()
    return extraction if threshold is None else triage(extraction, threshold=threshold)


def probabilities(extraction: Extraction, model: TriageModel) -> list[float]:
    """Each candidate's probability of being a real event, in the extraction's order."""
    rows = document_features(extraction.document, extraction.events, model.uses_words, model)
    return [model.probability(row) for row in rows]


def document_features(
    document: Document,
    events: Sequence[Event],
    words: bool = True,
    model: TriageModel | None = None,
) -> list[Features]:
    """The features of each candidate event of one document (``words``: with hashed words)."""
    if not events:
        return []
    bits = model.hash_bits if model else HASH_BITS
    context = _Context.of(document, events)
    sentence_cache: dict[int, Features] = {}
    rows = []
    for event in events:
        start = event.evidence.start
        if start not in sentence_cache:
            sentence_cache[start] = _sentence_features(event.evidence.text, words, bits)
        row = dict(sentence_cache[start])
        row.update(_event_features(event, document))
        row.update(context.features(event))
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article says about a candidate's neighbours: counts, ranks and positions."""

    text: str
    per_sentence: Mapping[int, int]
    events: tuple[Event, ...]
    type_rank: Mapping[str, int]
    per_type: Mapping[str, int]
    main_date: object
    first_start: int
    total: int

    @classmethod
    def of(cls, document: Document, events: Sequence[Event]) -> _Context:
        seen: Counter[str] = Counter()
        ranks = {}
        for event in events:
            ranks[event.event_id] = seen[event.event_type]
            seen[event.event_type] += 1
        dates = Counter(e.event_date for e in events if e.event_date is not None)
        return cls(
            text=document.text.lower(),
            per_sentence=Counter(e.evidence.start for e in events),
            events=tuple(events),
            type_rank=ranks,
            per_type=seen,
            main_date=dates.most_common(1)[0][0] if dates else None,
            first_start=min(e.evidence.start for e in events),
            total=len(events),
        )

    def features(self, event: Event) -> Features:
        start = event.evidence.start
        index = self.text.count(". ", 0, start)  # sentences before this one, near enough
        rank = self.type_rank.get(event.event_id, 0)
        written = event.place.text.lower() if event.place else ""
        mentions = self.text.count(written) if written else 0
        return {
            "position": start / max(len(self.text), 1),
            "sentence_index": math.log1p(index) / 3.0,
            "first_sentence": float(index == 0),
            "first_candidate": float(start == self.first_start),
            "candidates": math.log1p(self.total) / 3.0,
            "shared_sentence": float(self.per_sentence[start] > 1),
            "later_of_type": float(rank > 0),
            "type_rank": math.log1p(rank) / 2.0,
            "of_type": math.log1p(self.per_type[event.event_type]) / 2.0,
            "place_mentions": math.log1p(mentions) / 2.0,
            "place_in_lead": float(bool(written) and written in self.text[:400]),
            "main_date": float(event.event_date is not None and event.event_date == self.main_date),
            **_siblings(event, self.events),
        }


def _siblings(event: Event, events: Sequence[Event]) -> Features:
    """Other candidates of the same type: at the same place (a retelling), or on the same day
    at another place (the same event named at two places, one of them the wrong one)."""
    row: Features = {}
    earlier = True
    precision = event.place.geo_precision if event.place else None
    for other in events:
        if other is event:
            earlier = False
            continue
        if other.event_type != event.event_type:
            continue
        when = "earlier" if earlier else "later"
        if other.location == event.location:
            row[f"same_place_{when}"] = 1.0
            if _days_apart(event, other) <= 7:
                row["same_place_near_date"] = 1.0
        elif _days_apart(event, other) == 0:
            row[f"same_day_elsewhere_{when}"] = 1.0
            finer = other.place.geo_precision if other.place else None
            if precision and finer and finer < precision:
                row["finer_sibling"] = 1.0
    return row


def _days_apart(a: Event, b: Event) -> int:
    if a.event_date is None or b.event_date is None:
        return 0 if a.event_date == b.event_date else 999
    return abs((a.event_date - b.event_date).days)


def _event_features(event: Event, document: Document) -> Features:
    row: Features = {
        f"type={event.event_type}": 1.0,
        f"sub={event.sub_event_type}": 1.0,
        f"trigger={event.trigger}": 1.0,
        f"certainty={event.certainty}": 1.0,
        "actor1": float(event.actor1 is not None),
        "actor2": float(event.actor2 is not None),
        "fatalities": float(event.fatalities is not None),
        "quantities": math.log1p(len(event.quantities)),
        "territory": float(event.territory is not None),
    }
    row.update(_place_features(event))
    row.update(_date_features(event, document))
    return row


def _place_features(event: Event) -> Features:
    place = event.place
    if place is None:
        return {"place=none": 1.0}
    row = {f"geo={place.status.value}": 1.0, f"feature={place.feature}": 1.0}
    if place.status is GeoStatus.RESOLVED:
        row[f"geo_precision={place.geo_precision}"] = 1.0
    if place.score is not None:
        row["place_score"] = min(max(place.score, 0.0), 4.0) / 2.0
    evidence = event.evidence
    inside = place.span is not None and evidence.start <= place.span.start < evidence.end
    row["place_in_sentence" if inside else "place_carried"] = 1.0
    return row


def _date_features(event: Event, document: Document) -> Features:
    if event.event_date is None:
        return {"date=none": 1.0}
    row = {f"time_precision={event.time_precision}": 1.0}
    if document.published is not None:
        days = (document.published - event.event_date).days
        row["days_before"] = min(math.log1p(max(days, 0)) / math.log(366.0), 1.5)
        row["same_day"] = float(0 <= days <= 1)
        row["after_publication"] = float(days < 0)
    return row


def _sentence_features(sentence: str, words: bool, bits: int) -> Features:
    tokens = _WORD.findall(sentence.lower())
    present = set(tokens)
    row: Features = {f"cue:{c.name}": 1.0 for c in cue_groups() if c.found(present, sentence)}
    row["length"] = math.log1p(len(tokens)) / 4.0
    row["digits"] = float(_DIGIT.search(sentence) is not None)
    if words:
        for token in tokens:
            row[f"w#{bucket(token, bits)}"] = 1.0
        for pair in pairwise(tokens):
            row[f"b#{bucket(' '.join(pair), bits)}"] = 1.0
    return row


def fit(
    rows: Sequence[Features],
    labels: Sequence[int],
    l2: float,
    *,
    words: bool = True,
    min_count: int = 2,
    steps: int = 1500,
) -> TriageModel:
    """Fit the weights on these candidates (L2-regularised logistic regression by gradient
    descent, the credibility model's solver; deterministic). Features seen in fewer than
    ``min_count`` candidates, and the hashed words unless ``words``, are left out."""
    import numpy as np

    from frontline.fuse.credibility_model import _logistic

    counts = Counter(k for row in rows for k in row)
    names = sorted(
        k for k, n in counts.items() if n >= min_count and (words or not k.startswith(("w#", "b#")))
    )
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                x[i, j] = value
    n = max(len(rows), 1)
    lipschitz = 0.25 * _top_eigenvalue(x) / n + l2 / n if names else 1.0
    weights, bias = _logistic(x, np.array(labels, dtype=float), l2, steps, 1.0 / lipschitz)
    return TriageModel(
        weights={name: round(float(w), 6) for name, w in zip(names, weights, strict=True)},
        bias=round(bias, 6),
    )


def _top_eigenvalue(x: Any, rounds: int = 50) -> float:
    """The largest eigenvalue of xᵀx by power iteration from a fixed start (deterministic),
    raised by 10% for safety: the step size that keeps gradient descent stable."""
    import numpy as np

    v = np.ones(x.shape[1]) / np.sqrt(x.shape[1])
    value = 0.0
    for _ in range(rounds):
        w = x.T @ (x @ v)
        value = float(np.linalg.norm(w))
        if value == 0.0:
            return 1.0
        v = w / value
    return 1.1 * value
