"""Credibility: how far an article's concrete claims hold up, as a score with its reasons.

Each claim (an extracted :class:`~frontline.records.Event`) gets features a reader can check:
does it give a toll, the day, a place; who is it attributed to; is it hedged; do other outlets
(and other camps) report the same event type at the same place within a few days, and do their
tolls agree. An article's features are the means of its claims' features, plus a few of its
own (how many claims, hedging words, the outlet's camp, and optionally a bag of words).

A linear model (:class:`CredibilityModel`, weights in ``frontline/data/credibility_model.json``,
fitted by :mod:`frontline.fuse.credibility_model`) turns them into a score: because an article's
claim features are means, its claim part is the mean of the claims' own parts, so
:func:`claim_scores` gives each claim a score on the same scale. ``reasons`` are the largest
contributions, written out with what was found. Words and names live in
``frontline/data/credibility.toml``. Everything here is pure except :func:`refresh_credibility`.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from frontline.errors import SetupError
from frontline.fuse.credibility_fused import FusedIndex, SupportIndex, internal_toll_conflicts
from frontline.records import Credibility, Event, Extraction

if TYPE_CHECKING:
    from frontline.store import Store

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_FILE = DATA_DIR / "credibility.toml"
MODEL_FILE = DATA_DIR / "credibility_model.json"
OUTLETS_FILE = DATA_DIR / "outlets.toml"
CREDIBLE, FAKE = "credible", "fake"
ATTRIBUTION_KINDS = ("monitor", "rescuers", "state_media", "party", "activists", "anonymous")
CLAIM_FEATURES = (
    "toll",
    "exact_day",
    "placed",
    "hedged",
    "corroborated",
    "outlets",
    "cross_camp",
    "toll_best",
    "toll_outlier",
    "date_agrees",
    "date_disagrees",
    "copied",
    *(f"attr_{kind}" for kind in (*ATTRIBUTION_KINDS, "outlet", "other")),
)
_WORD = re.compile(r"[a-z]{3,}")
MAX_REASONS = 4


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What ``credibility.toml`` says: hedging words, attribution kinds, matching, templates."""

    hedges: re.Pattern[str]
    attribution: tuple[tuple[str, re.Pattern[str]], ...]
    days: int
    toll_tolerance: float
    templates: Mapping[str, str]


def _alternatives(words: Iterable[str]) -> re.Pattern[str]:
    escaped = sorted((re.escape(str(w).strip()) for w in words if str(w).strip()), key=len)
    return re.compile(r"\b(?:" + "|".join(reversed(escaped)) + r")\b", re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    """The shipped ``credibility.toml``, read once per process."""
    try:
        table = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
        attribution = table["attribution"]
        match = table["corroboration"]
        return Lexicon(
            hedges=_alternatives(table["hedges"]),
            attribution=tuple((k, _alternatives(attribution[k])) for k in ATTRIBUTION_KINDS),
            days=int(match["days"]),
            toll_tolerance=float(match["toll_tolerance"]),
            templates=MappingProxyType({str(k): str(v) for k, v in table["reasons"].items()}),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SetupError(f"cannot read {LEXICON_FILE}: {exc}; reinstall frontline") from exc


@cache
def outlet_camps() -> Mapping[str, str]:
    """Outlet code → camp, from ``outlets.toml`` (``unknown`` where no camp is given)."""
    try:
        table = tomllib.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(f"cannot read the outlet table {OUTLETS_FILE}: {exc}") from exc
    return MappingProxyType(
        {str(o["code"]).casefold(): str(o.get("camp") or "unknown") for o in table["outlet"]}
    )


def camp_of(source: str | None) -> str:
    return outlet_camps().get((source or "").casefold(), "unknown")


def attribution_kind(speaker: str | None, outlet_names: Iterable[str] = ()) -> str:
    """The kind of party a claim is attributed to (see ``[attribution]`` in the data file)."""
    if not speaker or speaker in outlet_names:
        return "outlet"
    for kind, pattern in lexicon().attribution:
        if pattern.search(speaker):
            return kind
    return "other"


# --- features ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """One claim's feature values, and what was found for each (``notes``, for reasons)."""

    event_id: str
    values: Mapping[str, float]
    notes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    summary: str = ""  # what the claim says: type, place, day, toll


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article's features: its own ``values`` (claim means included), its claims, words."""

    doc_id: str
    source: str | None
    published: date | None
    values: Mapping[str, float]
    claims: tuple[ClaimFeatures, ...]
    words: Mapping[str, float]
    notes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _outlet(extraction: Extraction) -> str:
    document = extraction.document
    return (document.source or f"doc:{document.doc_id}").casefold()


def claim_features(
    event: Event,
    position: int,
    index: SupportIndex,
    outlet_names: Iterable[str] = (),
) -> ClaimFeatures:
    """The features of claim ``event`` of article number ``position`` of the index's corpus,
    with the speakers, outlets and figures behind them."""
    words = lexicon()
    kind = attribution_kind(event.attributed_to, outlet_names)
    hedges = tuple(m.group(0).lower() for m in words.hedges.finditer(event.evidence.text))
    found = index.support(position, event)
    placed = event.place is not None and event.place.status == "resolved"
    tolls = ", ".join(map(str, found.tolls))
    values = {
        "toll": float(event.fatalities is not None),
        "exact_day": float(event.time_precision == 1 and event.event_date is not None),
        "placed": float(placed),
        "hedged": float(event.certainty != "reported" or bool(hedges)),
        "corroborated": float(bool(found.outlets)),
        "outlets": float(len(found.outlets)),
        "cross_camp": float(bool(found.camps)),
        "toll_best": float(found.toll_is_best),
        "toll_outlier": float(found.toll_outlier),
        "date_agrees": float(found.date_agrees),
        "date_disagrees": float(found.date_disagrees),
        "copied": float(found.copied),
        f"attr_{kind}": 1.0,
    }
    day = event.event_date.isoformat() if event.event_date else "-"
    notes = {
        "placed": (event.place.name,) if placed and event.place else (),
        "hedged": hedges or ((event.certainty,) if event.certainty != "reported" else ()),
        "corroborated": found.outlets,
        "outlets": found.outlets,
        "cross_camp": found.camps,
        "toll_best": (f"{event.fatalities} vs {tolls}",),
        "toll_outlier": (f"{event.fatalities} vs {tolls}",),
        "date_agrees": (day,),
        "date_disagrees": (day,),
        f"attr_{kind}": (event.attributed_to,) if event.attributed_to else (),
    }
    summary = f"{event.sub_event_type or event.event_type} at {event.location or '?'} on {day}"
    if event.fatalities is not None:
        summary += f", {event.fatalities} dead"
    return ClaimFeatures(event.event_id, MappingProxyType(values), MappingProxyType(notes), summary)


def word_counts(text: str) -> dict[str, float]:
    """log(1 + count) of each lower-case word of three letters or more."""
    counts: dict[str, int] = defaultdict(int)
    for word in _WORD.findall(text.lower()):
        counts[word] += 1
    return {w: math.log1p(n) for w, n in counts.items()}


def article_features(extraction: Extraction, position: int, index: SupportIndex) -> ArticleFeatures:
    """One article's features: article number ``position`` of the corpus ``index`` fused."""
    from frontline.ingest import outlet_display_name

    document = extraction.document
    names = {document.source or "", outlet_display_name(document.source or "")}
    claims = tuple(claim_features(e, position, index, names) for e in extraction.events)
    values: dict[str, float] = {
        name: sum(c.values.get(name, 0.0) for c in claims) / len(claims) if claims else 0.0
        for name in CLAIM_FEATURES
    }
    hedges = [m.group(0).lower() for m in lexicon().hedges.finditer(document.text)]
    values["claims"] = math.log1p(len(claims))
    values["no_claims"] = float(not claims)
    values["hedge_density"] = 1000.0 * len(hedges) / max(len(document.text), 1)
    stale, late = _date_gaps(extraction.events, document.published)
    values["stale_dates"], values["dated_after"] = stale, late
    fused_of = {e.event_id: index.support(position, e).fused_id or "" for e in extraction.events}
    conflicts = internal_toll_conflicts(extraction.events, {k: v for k, v in fused_of.items() if v})
    values["toll_conflicts"] = float(conflicts)
    camp = camp_of(document.source)
    values[f"camp={camp}"] = 1.0
    notes = {
        "hedge_density": tuple(dict.fromkeys(hedges)),
        "camp": (camp,),
        "toll_conflicts": (str(conflicts),),
    }
    return ArticleFeatures(
        doc_id=document.doc_id,
        source=document.source,
        published=document.published,
        values=MappingProxyType(values),
        claims=claims,
        words=MappingProxyType(word_counts(document.text)),
        notes=MappingProxyType(notes),
    )


def _date_gaps(events: Sequence[Event], published: date | None) -> tuple[float, float]:
    """Shares of the dated claims more than a week older than the dateline, and dated after it."""
    days = [e.event_date for e in events if e.event_date is not None and e.time_precision == 1]
    if published is None or not days:
        return 0.0, 0.0
    stale = sum((published - d).days > 7 for d in days) / len(days)
    late = sum(d > published for d in days) / len(days)
    return stale, late


def corpus_features(
    extractions: Sequence[Extraction], context: Iterable[Extraction] = ()
) -> list[ArticleFeatures]:
    """Features of each article; claims are corroborated, through the fuse stage's events,
    against ``extractions`` + ``context``."""
    index = FusedIndex([*extractions, *context], toll_tolerance=lexicon().toll_tolerance)
    return [article_features(x, i, index) for i, x in enumerate(extractions)]


# --- the model and its scores ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CredibilityModel:
    """A fitted linear model: standardised ``features`` and a bag of ``words``.

    logit = bias + Σ weight·(value − mean)/scale + Σ word weight·log(1 + count);
    ``score`` = sigmoid(logit); ``credible`` when the score reaches ``threshold``.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    words: Mapping[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    info: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "words": {w: round(v, 6) for w, v in sorted(self.words.items())},
            "threshold": self.threshold,
            "info": dict(self.info),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CredibilityModel:
        model = cls(
            features=tuple(str(f) for f in data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(float(v) for v in data["weights"]),
            bias=float(data["bias"]),
            words=MappingProxyType({str(w): float(v) for w, v in data.get("words", {}).items()}),
            threshold=float(data.get("threshold", 0.5)),
            info=MappingProxyType(dict(data.get("info", {}))),
        )
        sizes = {len(model.features), len(model.mean), len(model.scale), len(model.weights)}
        if len(sizes) != 1:
            raise ValueError("features, mean, scale and weights differ in length")
        return model


def load_model(path: Path) -> CredibilityModel:
    """A model written by ``scripts/train_credibility.py``; a broken file is a SetupError."""
    try:
        return CredibilityModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SetupError(
            f"cannot read the credibility model {path}: {exc}; "
            "run scripts/train_credibility.py to write it again"
        ) from exc


@cache
def default_model() -> CredibilityModel:
    """The shipped model, loaded once per process."""
    return load_model(MODEL_FILE)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, x))))


def contributions(values: Mapping[str, float], model: CredibilityModel) -> dict[str, float]:
    """Each feature's share of the logit (features the model does not know add nothing)."""
    return {
        name: weight * (values.get(name, 0.0) - mean) / scale
        for name, mean, scale, weight in zip(
            model.features, model.mean, model.scale, model.weights, strict=True
        )
    }


def claim_scores(features: ArticleFeatures, model: CredibilityModel) -> dict[str, float]:
    """Each claim's own score: the bias and its claim features only (0..1)."""
    claim_names = set(CLAIM_FEATURES)
    scores = {}
    for claim in features.claims:
        parts = contributions(claim.values, model)
        logit = model.bias + sum(v for k, v in parts.items() if k in claim_names)
        scores[claim.event_id] = _sigmoid(logit)
    return scores


@dataclass(frozen=True, slots=True)
class ClaimScore:
    """One claim's score (0..1, its own features and the bias only) and why, naming it."""

    event_id: str
    claim: str
    score: float
    reasons: tuple[str, ...]


def claim_reports(
    features: ArticleFeatures, model: CredibilityModel | None = None
) -> list[ClaimScore]:
    """Each claim of the article with its score and its strongest contributions."""
    model = model or default_model()
    scores = claim_scores(features, model)
    claim_names = set(CLAIM_FEATURES)
    out = []
    for claim in features.claims:
        parts = {
            k: v
            for k, v in contributions(claim.values, model).items()
            if k in claim_names and claim.values.get(k, 0.0)
        }
        ranked = sorted(parts.items(), key=lambda kv: -abs(kv[1]))[:MAX_REASONS]
        reasons = tuple(
            f"{name}: {', '.join(d for d in claim.notes.get(name, ()) if d) or 'yes'} ({v:+.2f})"
            for name, v in ranked
        )
        out.append(ClaimScore(claim.event_id, claim.summary, round(scores[claim.event_id], 4),
                              reasons))  # fmt: skip
    return out


def score(features: ArticleFeatures, model: CredibilityModel | None = None) -> Credibility:
    """The article's score, label and strongest reasons."""
    model = model or default_model()
    parts = contributions(features.values, model)
    word_parts = {w: model.words[w] * v for w, v in features.words.items() if w in model.words}
    logit = model.bias + sum(parts.values()) + sum(word_parts.values())
    value = _sigmoid(logit)
    return Credibility(
        doc_id=features.doc_id,
        score=round(value, 4),
        label=CREDIBLE if value >= model.threshold else FAKE,
        reasons=tuple(_reasons(features, parts, word_parts)),
        source=features.source,
    )


def score_corpus(
    extractions: Sequence[Extraction],
    model: CredibilityModel | None = None,
    context: Iterable[Extraction] = (),
) -> list[Credibility]:
    """Score each article, corroborating its claims against the others (and ``context``)."""
    model = model or default_model()
    return [score(f, model) for f in corpus_features(extractions, context)]


def _reasons(
    features: ArticleFeatures, parts: Mapping[str, float], word_parts: Mapping[str, float]
) -> list[str]:
    found = {k: v for k, v in parts.items() if features.values.get(k, 0.0) != 0.0}
    if word_parts:
        found["words"] = sum(word_parts.values())
    ranked = sorted(found.items(), key=lambda kv: -abs(kv[1]))[:MAX_REASONS]
    return [f"{_describe(features, name, word_parts)} ({value:+.2f})" for name, value in ranked]


def _describe(features: ArticleFeatures, name: str, word_parts: Mapping[str, float]) -> str:
    templates = lexicon().templates
    of = len(features.claims)
    if name == "words":
        top = sorted(word_parts.items(), key=lambda kv: -abs(kv[1]))[:3]
        return templates["words"].format(detail=", ".join(f"'{w}'" for w, _ in top))
    if name.startswith("camp="):
        return templates["camp"].format(detail=name.removeprefix("camp="))
    found = [c for c in features.claims if c.values.get(name, 0.0)]
    details = [d for c in found for d in c.notes.get(name, ())] or features.notes.get(name, ())
    detail = ", ".join(list(dict.fromkeys(details))[:3]) or "-"
    value = features.values.get(name, 0.0)
    template = templates.get(name, name + " {value}")
    return template.format(n=len(found), of=of, detail=detail, value=f"{value:.1f}")


# --- the store ---------------------------------------------------------------------------------


def refresh_credibility(store: Store, doc_ids: Iterable[str] | None = None) -> int:
    """Score stored documents (all of them, or ``doc_ids``) and store the scores.

    Claims are corroborated through the stored fused events (only the chosen documents'
    claims and their events' members are read); a store with claims fusion has not seen is
    fused afresh, every article included. One transaction; re-running replaces the rows it
    wrote. Returns the number of documents scored.
    """
    from frontline.store.credibility import stored_extractions, stored_index, write_credibility

    found = stored_index(store, doc_ids)
    if found is not None:
        chosen, index = found
        model = default_model()
        records = [score(article_features(x, i, index), model) for i, x in enumerate(chosen)]
    else:
        everything = stored_extractions(store)
        wanted = None if doc_ids is None else set(doc_ids)
        chosen = [x for x in everything if wanted is None or x.document.doc_id in wanted]
        rest = [x for x in everything if wanted is not None and x.document.doc_id not in wanted]
        records = score_corpus(chosen, context=rest)
    published = {x.document.doc_id: x.document.published for x in chosen}
    write_credibility(store, records, published)
    return len(records)
