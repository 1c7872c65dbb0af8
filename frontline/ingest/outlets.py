"""News outlets: short codes, display names and the spellings that name them.

The table lives in ``frontline/data/outlets.toml`` (extend it there, not here); it is read on
first use and kept for the life of the process.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from frontline.errors import SetupError

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "outlets.toml"
_NOT_KEY = re.compile(r"[^\w]+|_+")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet of ``outlets.toml``."""

    code: str
    name: str
    country: str
    aliases: tuple[str, ...]


def _key(name: str) -> str:
    """How a name is compared: no case, no punctuation or spaces, no scheme or ``www.``."""
    name = name.strip().casefold()
    if "://" in name:
        name = urlsplit(name).hostname or name
    name = name.removeprefix("www.")
    return _NOT_KEY.sub("", name)


@cache
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of the data file, in file order."""
    path = _DATA_FILE
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        message = f"cannot read the outlet table {path}: {exc}; reinstall frontline"
        raise SetupError(message) from exc
    found = []
    for number, entry in enumerate(table.get("outlet", []), start=1):
        try:
            found.append(
                Outlet(
                    code=str(entry["code"]),
                    name=str(entry["name"]),
                    country=str(entry.get("country", "")),
                    aliases=tuple(str(alias) for alias in entry.get("aliases", [])),
                )
            )
        except KeyError as exc:
            raise SetupError(
                f"{path}: outlet number {number} has no {exc.args[0]!r}; add it"
            ) from exc
    return tuple(found)


@cache
def _by_key() -> dict[str, str]:
    index: dict[str, str] = {}
    for outlet in outlets():
        for spelling in (outlet.code, outlet.name, *outlet.aliases):
            index.setdefault(_key(spelling), outlet.code)
    return index


@cache
def _by_code() -> dict[str, Outlet]:
    return {outlet.code: outlet for outlet in outlets()}


def outlet_code(name: str) -> str | None:
    """The short code of the outlet ``name`` spells ("TRTWorld", "trtworld.com" → ``trt``)."""
    key = _key(name)
    return _by_key().get(key) if key else None


def outlet_display_name(code: str) -> str:
    """The attribution name of an outlet code (``trt`` → "TRT World"); unknown codes as given."""
    outlet = _by_code().get(code)
    return outlet.name if outlet else code


def normalise_source(name: str | None) -> str | None:
    """A source as frontline stores it: the outlet code when known, else the name, trimmed."""
    if name is None or not name.strip():
        return None
    return outlet_code(name) or name.strip()
