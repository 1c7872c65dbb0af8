"""Fitting and honestly measuring the credibility model on labelled articles (FA-KES).

``cross_validate`` splits the articles into folds that keep near-duplicates together (FA-KES
repeats articles) and keep the two labels in proportion, fits on all folds but one, and scores
the one left out; ``by_source`` leaves one outlet out at a time instead. ``choose_and_fit``
tries each :class:`Config` in :data:`CONFIGS`, keeps the one with the best grouped
cross-validated macro-F1, and fits it on everything. Fitting is an L2-regularised logistic
regression solved by gradient descent with numpy (deterministic: no randomness but the fold
split, which takes a seed). Claims are corroborated against the whole corpus, labels unseen.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontline.errors import InputError
from frontline.fuse.credibility import (
    CLAIM_FEATURES,
    CREDIBLE,
    FAKE,
    ArticleFeatures,
    CredibilityModel,
    corpus_features,
    score,
)
from frontline.records import Extraction

ARTICLE_FEATURES = (
    "claims",
    "no_claims",
    "hedge_density",
    "stale_dates",
    "dated_after",
    "toll_conflicts",
)
SEED = 20190601


@dataclass(frozen=True, slots=True)
class Config:
    """Which features a model uses (``camps``, ``words``: how many) and its L2 strength."""

    name: str
    l2: float
    camps: bool = False
    words: int = 0


CONFIGS = tuple(
    Config(f"{name}, l2={l2:g}", l2, camps, words)
    for name, camps, words in (
        ("claims", False, 0),
        ("claims+camp", True, 0),
        ("claims+camp+words", True, 300),
    )
    for l2 in (1.0, 10.0, 100.0)
)


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of predictions against labels: macro-F1, accuracy, per-class P/R/F1."""

    name: str
    macro_f1: float
    accuracy: float
    per_class: dict[str, dict[str, float]]
    n: int
    folds: int
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "per_class": self.per_class,
            "n": self.n,
            "folds": self.folds,
            **self.extra,
        }


def labelled_corpus(paths: Sequence[str | Path]) -> tuple[list[Extraction], list[int]]:
    """Read and extract labelled articles (a ``labels`` column: 1 credible, 0 fake)."""
    from frontline.ingest import ReadOptions, iter_documents
    from frontline.pipeline import run_one
    from frontline.records import Document

    extractions, labels = [], []
    for item in iter_documents(paths, ReadOptions()):
        if not isinstance(item, Document):
            continue
        label = item.meta.get("label", "")
        if label not in ("0", "1"):
            where = item.origin or item.doc_id
            raise InputError(where, f"document {item.doc_id} has no 0/1 label ({label!r})")
        extractions.append(run_one(item))
        labels.append(int(label))
    if not extractions:
        raise InputError(", ".join(map(str, paths)), "no labelled document could be read")
    return extractions, labels


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.5) -> list[int]:
    """A group number per text; texts whose word 5-gram sets overlap (Jaccard) share one."""
    shingles = [_shingles(t) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i):
            a, b = shingles[i], shingles[j]
            if a and b and len(a & b) >= threshold * len(a | b):
                parent[root(i)] = root(j)
    return [root(i) for i in range(len(texts))]


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + 5])) for i in range(max(len(words) - 4, 0))}


def grouped_folds(
    labels: Sequence[int], groups: Sequence[int], k: int, seed: int
) -> list[list[int]]:
    """``k`` folds of indices; a group never straddles folds; labels kept in proportion."""
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    order = list(members.values())
    random.Random(seed).shuffle(order)
    order.sort(key=len, reverse=True)
    folds: list[list[int]] = [[] for _ in range(k)]
    target_pos = max(sum(labels), 1) / k
    target_neg = max(len(labels) - sum(labels), 1) / k
    for items in order:
        pos = sum(labels[i] for i in items)
        neg = len(items) - pos

        def load(fold: list[int], pos: int = pos, neg: int = neg) -> float:
            have = sum(labels[i] for i in fold)
            after = (have + pos) / target_pos, (len(fold) - have + neg) / target_neg
            return max(after) + 0.01 * min(after)

        min(folds, key=load).extend(items)
    return [sorted(f) for f in folds]


def source_folds(sources: Sequence[str | None]) -> list[list[int]]:
    """One fold per outlet: leave-one-source-out."""
    by: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        by.setdefault(s or "unknown", []).append(i)
    return [by[s] for s in sorted(by)]


def fit(
    features: Sequence[ArticleFeatures], labels: Sequence[int], config: Config
) -> CredibilityModel:
    """Fit a model on these articles only."""
    import numpy as np

    names = _feature_names(features, config)
    vocab = _vocabulary(features, config.words)
    dense = np.array([[f.values.get(n, 0.0) for n in names] for f in features], dtype=float)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale < 1e-9] = 1.0
    sparse = np.array([[f.words.get(w, 0.0) for w in vocab] for f in features], dtype=float)
    x = np.hstack([(dense - mean) / scale, sparse.reshape(len(features), len(vocab))])
    weights, bias = _logistic(x, np.array(labels, dtype=float), config.l2)
    return CredibilityModel(
        features=tuple(names),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in weights[: len(names)]),
        bias=bias,
        words=dict(zip(vocab, (float(v) for v in weights[len(names) :]), strict=True)),
        info={"config": config.name},
    )


def _feature_names(features: Sequence[ArticleFeatures], config: Config) -> list[str]:
    names = [*CLAIM_FEATURES, *ARTICLE_FEATURES]
    if config.camps:
        names += sorted({n for f in features for n in f.values if n.startswith("camp=")})
    return names


def _vocabulary(features: Sequence[ArticleFeatures], size: int) -> list[str]:
    if size <= 0:
        return []
    df = Counter(w for f in features for w in f.words)
    common = [w for w, n in df.most_common() if 5 <= n <= 0.5 * len(features)]
    return sorted(common[:size])


def _logistic(x: Any, y: Any, l2: float, steps: int = 600, rate: float = 0.5) -> tuple[Any, float]:
    import numpy as np

    weights, bias, n = np.zeros(x.shape[1]), 0.0, len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        weights -= rate * (x.T @ (p - y) + l2 * weights) / n
        bias -= rate * float((p - y).mean())
    return weights, bias


def cross_validate(
    features: Sequence[ArticleFeatures],
    labels: Sequence[int],
    folds: Sequence[Sequence[int]],
    config: Config,
) -> Report:
    """Fit on all folds but one, predict the one left out, for each fold; score all predictions."""
    predicted = [""] * len(labels)
    for fold in folds:
        held = set(fold)
        train = [i for i in range(len(labels)) if i not in held]
        model = fit([features[i] for i in train], [labels[i] for i in train], config)
        for i in fold:
            predicted[i] = score(features[i], model).label
    return scores(config.name, [CREDIBLE if y else FAKE for y in labels], predicted, len(folds))


def scores(name: str, truth: Sequence[str], predicted: Sequence[str], folds: int = 0) -> Report:
    per_class = {}
    for label in (CREDIBLE, FAKE):
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        precision = tp / max(sum(p == label for p in predicted), 1)
        recall = tp / max(sum(t == label for t in truth), 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4)}  # fmt: skip
    accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / max(len(truth), 1)
    macro = sum(c["f1"] for c in per_class.values()) / 2
    return Report(name, round(macro, 4), round(accuracy, 4), per_class, len(truth), folds)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Every config's grouped CV report, the chosen config, and its leave-one-source-out one."""

    reports: tuple[Report, ...]
    chosen: Config
    by_source: Report
    stratified: Report


def evaluate(
    extractions: Sequence[Extraction], labels: Sequence[int], k: int = 5, seed: int = SEED
) -> tuple[Evaluation, list[ArticleFeatures]]:
    """Cross-validate every config (grouped folds); report the best also by source and plainly."""
    features = corpus_features(extractions)
    texts = [x.document.text for x in extractions]
    folds = grouped_folds(labels, near_duplicate_groups(texts), k, seed)
    reports = tuple(cross_validate(features, labels, folds, c) for c in CONFIGS)
    best = max(range(len(CONFIGS)), key=lambda i: (reports[i].macro_f1, -i))
    chosen = CONFIGS[best]
    sources = [x.document.source for x in extractions]
    by_source = cross_validate(features, labels, source_folds(sources), chosen)
    plain = grouped_folds(labels, list(range(len(labels))), k, seed)
    stratified = cross_validate(features, labels, plain, chosen)
    return Evaluation(reports, chosen, by_source, stratified), features


def choose_and_fit(
    extractions: Sequence[Extraction], labels: Sequence[int], k: int = 5, seed: int = SEED
) -> tuple[CredibilityModel, Evaluation]:
    """Choose the config by grouped cross-validation, then fit it on every article."""
    evaluation, features = evaluate(extractions, labels, k, seed)
    model = fit(features, labels, evaluation.chosen)
    best = next(r for r in evaluation.reports if r.name == evaluation.chosen.name)
    info = {
        "config": evaluation.chosen.name,
        "seed": seed,
        "folds": k,
        "trained_on": len(labels),
        "cv_grouped": best.as_dict(),
        "cv_by_source": evaluation.by_source.as_dict(),
        "cv_stratified": evaluation.stratified.as_dict(),
    }
    return CredibilityModel(**{**_fields(model), "info": info}), evaluation


def _fields(model: CredibilityModel) -> dict[str, Any]:
    return {name: getattr(model, name) for name in CredibilityModel.__dataclass_fields__}
