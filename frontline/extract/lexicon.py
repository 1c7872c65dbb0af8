"""The extraction lexicons: actors, event triggers and speakers, loaded from data files.

The TOML files in ``frontline/data/`` are the single source of these words; this module only
compiles them into regular expressions, once per process, on first use.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from frontline.errors import SetupError

_SPACE = re.compile(r"\s+")
_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str
    speaker: str


@dataclass(frozen=True, slots=True)
class TriggerFamily:
    id: str
    event_type: str
    sub_event_type: str
    territory: str | None
    specificity: int
    facility: bool


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon hit in a text; ``key`` names the actor, trigger family or speaker."""

    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled matchers for one kind of entry, longest alternative first."""

    folded: re.Pattern[str] | None
    exact: re.Pattern[str] | None
    folded_keys: dict[str, str]
    exact_keys: dict[str, str]

    def find(self, text: str) -> list[Match]:
        """All non-overlapping hits, in text order (longest alternative wins at a position)."""
        hits: list[Match] = []
        for pattern, keys, fold in (
            (self.folded, self.folded_keys, True),
            (self.exact, self.exact_keys, False),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                group = m.lastgroup
                key = keys[group] if group else keys[_norm(m.group(0), fold)]
                hits.append(Match(m.start(), m.end(), m.group(0), key))
        return _drop_overlaps(hits)


def _norm(text: str, fold: bool) -> str:
    text = _SPACE.sub(" ", text.strip().replace("’", "'"))
    return text.lower() if fold else text


def _drop_overlaps(hits: list[Match]) -> list[Match]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Match] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.replace("’", "'").split()]
    return r"\s+".join(words).replace("'", "['’]?")


def _compile(
    alternatives: list[tuple[str, str]], *, flags: int, raw: bool
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation with a named group per alternative, mapping group name → key."""
    if not alternatives:
        return None, {}
    ordered = sorted(alternatives, key=lambda a: -len(_LOOKAROUND.sub("", a[0])))
    parts: list[str] = []
    keys: dict[str, str] = {}
    for i, (text, key) in enumerate(ordered):
        name = f"g{i}"
        body = text if raw else _phrase_regex(text)
        parts.append(f"(?P<{name}>{body})")
        keys[name] = key
    pattern = r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"
    return re.compile(pattern, flags), keys


def _load(name: str) -> dict[str, Any]:
    try:
        with resources.files("frontline.data").joinpath(name).open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(
            f"cannot read lexicon frontline/data/{name}: {exc}; reinstall frontline or fix the file"
        ) from exc


@cache
def actors() -> dict[str, Actor]:
    """Canonical actor name → Actor."""
    data = _load("actors.toml")
    return {
        a["name"]: Actor(a["name"], a.get("side", "other"), a.get("speaker", a["name"]))
        for a in data["actor"]
    }


@cache
def actor_lexicon() -> Lexicon:
    data = _load("actors.toml")
    folded = [(alias, a["name"]) for a in data["actor"] for alias in a.get("aliases", [])]
    exact = [(alias, a["name"]) for a in data["actor"] for alias in a.get("case_sensitive", [])]
    exact += [(adj, a["name"]) for a in data["actor"] for adj in a.get("adjectives", [])]
    fp, fk = _compile(folded, flags=re.IGNORECASE, raw=False)
    ep, ek = _compile(exact, flags=0, raw=False)
    return Lexicon(fp, ep, fk, ek)


@cache
def trigger_families() -> dict[str, TriggerFamily]:
    data = _load("triggers.toml")
    return {
        t["id"]: TriggerFamily(
            id=t["id"],
            event_type=t["event_type"],
            sub_event_type=t["sub_event_type"],
            territory=t.get("territory"),
            specificity=int(t.get("specificity", 0)),
            facility=bool(t.get("facility", False)),
        )
        for t in data["trigger"]
    }


@cache
def trigger_lexicon() -> Lexicon:
    data = _load("triggers.toml")
    folded = [(p, t["id"]) for t in data["trigger"] for p in t.get("patterns", [])]
    exact = [(p, t["id"]) for t in data["trigger"] for p in t.get("case_sensitive", [])]
    fp, fk = _compile(folded, flags=re.IGNORECASE, raw=True)
    ep, ek = _compile(exact, flags=0, raw=True)
    return Lexicon(fp, ep, fk, ek)


@cache
def speaker_forces() -> dict[str, str]:
    """Speaker name → the actor its unnamed "forces" are."""
    data = _load("speakers.toml")
    return {s["name"]: s["forces"] for s in data["speaker"] if "forces" in s}


@cache
def speaker_lexicon() -> Lexicon:
    data = _load("speakers.toml")
    folded = [(alias, s["name"]) for s in data["speaker"] for alias in s.get("aliases", [])]
    fp, fk = _compile(folded, flags=re.IGNORECASE, raw=False)
    return Lexicon(fp, None, fk, {})
