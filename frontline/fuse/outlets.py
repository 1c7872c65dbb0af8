"""Who stands behind each outlet: country, ownership and the camp it reports from.

The facts live in ``frontline/data/outlets.toml`` next to the spellings that
:mod:`frontline.ingest.outlets` reads; an analyst adds an outlet there. An outlet the table
does not know is in camp ``unknown``. :meth:`OutletDirectory.default` loads the table once per
process.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from frontline.errors import SetupError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "outlets.toml"
UNKNOWN_CAMP = "unknown"


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """One outlet's standing: ``camp`` is the side it reports from, ``reasons`` say why."""

    code: str
    name: str
    country: str
    ownership: str
    camp: str
    reasons: tuple[str, ...] = ()


class OutletDirectory:
    """Outlets by code; :meth:`info` answers for any code, known or not."""

    def __init__(self, outlets: Mapping[str, OutletInfo]) -> None:
        self._by_code = MappingProxyType(dict(outlets))

    @staticmethod
    @functools.cache
    def default() -> OutletDirectory:
        """The shipped table, loaded on first use and kept for the process."""
        return OutletDirectory.load(DATA_FILE)

    @classmethod
    def load(cls, path: Path) -> OutletDirectory:
        """Read an outlet table; a missing field or a broken file is a SetupError naming it."""
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SetupError(f"cannot read the outlet table {path}: {exc}") from exc
        found: dict[str, OutletInfo] = {}
        for number, entry in enumerate(table.get("outlet", []), start=1):
            try:
                info = _info(entry)
            except KeyError as exc:
                raise SetupError(
                    f"{path}: outlet number {number} has no {exc.args[0]!r}; add it"
                ) from exc
            found[info.code] = info
        return cls(found)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.casefold() in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def info(self, code: str | None) -> OutletInfo:
        """The outlet's standing; an unknown or missing code is its own outlet in ``unknown``."""
        name = (code or "").strip()
        known = self._by_code.get(name.casefold())
        if known is not None:
            return known
        return OutletInfo(name or UNKNOWN_CAMP, name or UNKNOWN_CAMP, "", "", UNKNOWN_CAMP)

    def camp(self, code: str | None) -> str:
        """The camp of an outlet code (``sana`` → "Syrian state"), ``unknown`` when not listed."""
        return self.info(code).camp


def _info(entry: Mapping[str, object]) -> OutletInfo:
    reasons = entry.get("reasons", [])
    return OutletInfo(
        code=str(entry["code"]).casefold(),
        name=str(entry["name"]),
        country=str(entry.get("country", "")),
        ownership=str(entry.get("ownership", "")),
        camp=str(entry.get("camp") or UNKNOWN_CAMP),
        reasons=tuple(str(r) for r in reasons) if isinstance(reasons, list) else (str(reasons),),
    )
