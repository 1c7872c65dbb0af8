"""The fusion rules of ``frontline/data/fusion.toml``, read once per process."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontline.errors import SetupError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "fusion.toml"


@dataclass(frozen=True, slots=True)
class FusionRules:
    """Date slack by precision (and, for a few sub-types, the weeks they are told for), place
    distance, sub-type groups, repel words, confidence, and what a vague claim must share
    with an event: a toll within a factor, a kind of happening."""

    date_slack: Mapping[int, int]
    attach_slack_days: Mapping[int, int]
    same_km: float
    sub_groups: Mapping[str, int]
    repelled: tuple[str, ...]
    confidence: Mapping[str, float]
    toll_factor: float = 2.0
    kinds: Mapping[str, int] = field(default_factory=dict)
    told_for: Mapping[str, int] = field(default_factory=dict)
    confused: Mapping[str, int] = field(default_factory=dict)
    week_report_days: int = 3

    def slack(self, precision_a: int, precision_b: int) -> int:
        """Days two dates may lie apart, by the looser precision of the two."""
        looser = max(precision_a, precision_b)
        return self.date_slack.get(looser, max(self.date_slack.values()))

    def sub_slack(self, sub_event_type: str) -> int:
        """Days two claims of this sub-type may lie apart when one does not know its day
        (``[sub_event_slack_days]``: a rare attack told for weeks after); 0 if not listed."""
        return self.told_for.get(sub_event_type, 0)

    def same_attacker(self, left: str | None, right: str | None) -> bool:
        """Whether two named attackers may be one (the same, or two of one
        ``[[confused_attackers]]`` group: "Syrian or Russian jets")."""
        if left == right:
            return True
        group = self.confused.get(left) if left is not None else None
        return group is not None and group == self.confused.get(right or "")

    def attach_slack(self, precision: int) -> int:
        """Days a vague claim of this date precision may be dated after the event it reports."""
        return self.attach_slack_days.get(precision, max(self.attach_slack_days.values()))

    def subtypes_join(self, left: str, right: str) -> bool:
        if left == right:
            return True
        group = self.sub_groups.get(left)
        return group is not None and group == self.sub_groups.get(right)

    def kind(self, sub_event_type: str) -> str | int:
        """The kind of happening a sub-type tells, for vague claims: its ``vague_kind`` group
        of ``fusion.toml``, or the sub-type itself."""
        return self.kinds.get(sub_event_type, sub_event_type)

    @property
    def max_slack(self) -> int:
        return max(self.date_slack.values())

    @property
    def widest(self) -> int:
        """The furthest apart two compatible claims' dates can be."""
        spans = [*self.date_slack.values(), *self.attach_slack_days.values()]
        return max([*spans, *self.told_for.values()])


@functools.cache
def default_rules() -> FusionRules:
    """The shipped rules, loaded on first use."""
    return load_rules(DATA_FILE)


def load_rules(path: Path) -> FusionRules:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _rules(data)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SetupError(
            f"cannot read the fusion rules {path}: {exc}; fix or reinstall it"
        ) from exc


def _rules(data: Mapping[str, Any]) -> FusionRules:
    groups: dict[str, int] = {}
    for number, group in enumerate(data.get("sub_event_group", [])):
        for name in group["types"]:
            groups[str(name)] = number
    kinds = {
        str(name): number
        for number, group in enumerate(data.get("vague_kind", []))
        for name in group["types"]
    }
    return FusionRules(
        kinds=kinds,
        date_slack={int(k): int(v) for k, v in data["date_slack_days"].items()},
        attach_slack_days={int(k): int(v) for k, v in data["attach_slack_days"].items()},
        same_km=float(data["place"]["same_km"]),
        sub_groups=groups,
        repelled=tuple(str(w).casefold() for w in data["outcome"]["repelled"]),
        confidence={str(k): float(v) for k, v in data["confidence"].items()},
        toll_factor=float(data["fatalities"]["vague_factor"]),
        told_for={str(k): int(v) for k, v in data.get("sub_event_slack_days", {}).items()},
        week_report_days=int(data.get("week_report", {}).get("days_after", 3)),
        confused={
            str(name): number
            for number, group in enumerate(data.get("confused_attackers", []))
            for name in group["actors"]
        },
    )
