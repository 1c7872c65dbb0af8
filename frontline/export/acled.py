"""ACLED-shaped CSV: frontline's events under the column names of ACLED's 2023 export.

The file drops into tools written for ACLED data. What frontline knows fills its columns;
the rest stays empty (``assoc_actor_1``, ``assoc_actor_2``, ``admin3``, ``source_scale``).

Choices a user of the file should know:

- ``event_id_cnty`` is ``SYR`` and the first 12 hex digits (upper case) of the SHA-256 of
  frontline's ``event_id``: stable across runs and machines, short, and not an ACLED number.
- ``event_date`` is ISO (``2016-11-27``); an event with no date gets empty ``event_date`` and
  ``year``. ``country`` is ``Syria``, ``iso`` 760, ``region`` ``Middle East``.
- ``disorder_type`` follows ACLED's codebook: Battles, Explosions/Remote violence, Violence
  against civilians and the Mob violence riot are ``Political violence``; Protests and the
  Violent demonstration riot are ``Demonstrations``, except Excessive force against
  protesters, which is ``Political violence; Demonstrations``; Strategic developments are
  ``Strategic developments``.
- frontline's own **Humanitarian** type (Displacement, Siege, Infrastructure) is not an ACLED
  event type. Its rows keep ``event_type`` ``Humanitarian`` and their sub-event type, so they
  can be filtered out or kept, get ``disorder_type`` ``Strategic developments`` (ACLED's
  category for contextually important, non-violent developments), and carry the tag
  ``frontline humanitarian layer``.
- ``inter1``/``inter2`` come from ``frontline/data/acled_inter.toml`` (canonical actor name →
  code); an actor not listed there, or no actor, gets an empty code. ``interaction`` joins the
  two codes smaller first (``12``); with one known code it is that code and ``0`` (``10``).
- ``civilian_targeting`` is ``Civilian targeting`` when actor2 is ``Civilians``.
- ``fatalities``: ACLED has no null, so an event whose deaths were not reported gets ``0``
  and the tag ``fatalities unknown``; only that tag tells it from a reported zero.
- ``notes`` is the evidence sentence (whitespace collapsed), prefixed with
  ``According to <attributed_to>:`` when the claim is attributed.
- ``tags`` (``; ``-separated) also carries a claimed or denied certainty and the reported
  quantities (``displaced: 2000 (thousands)``).
- ``timestamp`` is the export time as a Unix integer; pass ``now`` for a fixed one.
"""

from __future__ import annotations

import csv
import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TextIO

from frontline.errors import SetupError
from frontline.records import Event, Quantity

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

COUNTRY = "Syria"
ISO = 760
REGION = "Middle East"
CIVILIANS = "Civilians"
HUMANITARIAN = "Humanitarian"

INTER_CODES_PATH = Path(__file__).resolve().parent.parent / "data" / "acled_inter.toml"

_DISORDER_BY_TYPE: Mapping[str, str] = MappingProxyType(
    {
        "Battles": "Political violence",
        "Explosions/Remote violence": "Political violence",
        "Violence against civilians": "Political violence",
        "Protests": "Demonstrations",
        "Riots": "Demonstrations",
        "Strategic developments": "Strategic developments",
        HUMANITARIAN: "Strategic developments",
    }
)
_DISORDER_BY_SUB_TYPE: Mapping[str, str] = MappingProxyType(
    {
        "Excessive force against protesters": "Political violence; Demonstrations",
        "Mob violence": "Political violence",
    }
)


@cache
def load_inter_codes(path: Path = INTER_CODES_PATH) -> Mapping[str, int]:
    """Canonical actor name → ACLED inter code (1-8), read once per process."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise SetupError(f"{path}: cannot read the ACLED inter codes ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"{path}: not valid TOML ({exc}); fix the file and rerun") from None
    table = data.get("inter")
    if not isinstance(table, dict):
        raise SetupError(f"{path}: needs an [inter] table of actor name = code")
    codes: dict[str, int] = {}
    for name, code in table.items():
        if isinstance(code, bool) or not isinstance(code, int) or not 1 <= code <= 8:
            raise SetupError(
                f"{path}: [inter] {name!r} = {code!r}: an inter code is a whole number 1 to 8"
            )
        codes[name] = code
    return MappingProxyType(codes)


def short_event_id(event_id: str) -> str:
    """``SYR`` + a stable 12-hex-digit digest of frontline's event id."""
    return "SYR" + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12].upper()


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type (empty for a type frontline does not know)."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: the two inter codes, smaller first; ``10`` for one actor."""
    known = sorted(code for code in (inter1, inter2) if code is not None)
    if not known:
        return ""
    if len(known) == 1:
        return f"{known[0]}0"
    return f"{known[0]}{known[1]}"


def _inter(actor: str | None, codes: Mapping[str, int]) -> int | None:
    return codes.get(actor) if actor is not None else None


def _number(value: float | int) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _quantity_tag(quantity: Quantity) -> str:
    tag = f"{quantity.kind}: {_number(quantity.value)}"
    return f"{tag} ({quantity.qualifier})" if quantity.qualifier else tag


def _tags(event: Event) -> str:
    tags: list[str] = []
    if event.fatalities is None:
        tags.append("fatalities unknown")
    if event.certainty != "reported":
        tags.append(event.certainty)
    if event.event_type == HUMANITARIAN:
        tags.append("frontline humanitarian layer")
    tags.extend(_quantity_tag(q) for q in event.quantities)
    return "; ".join(tags)


def _notes(event: Event) -> str:
    sentence = " ".join(event.evidence.text.split())
    if event.attributed_to:
        return f"According to {event.attributed_to}: {sentence}"
    return sentence


def _text(value: object) -> str:
    return "" if value is None else str(value)


def event_to_acled_row(event: Event, timestamp: int) -> dict[str, str]:
    """One CSV row (column → cell text) for ``event``, exported at ``timestamp``."""
    codes = load_inter_codes()
    inter1, inter2 = _inter(event.actor1, codes), _inter(event.actor2, codes)
    place = event.place
    day = event.event_date
    return {
        "event_id_cnty": short_event_id(event.event_id),
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": str(event.time_precision),
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _text(event.actor1),
        "assoc_actor_1": "",
        "inter1": _text(inter1),
        "actor2": _text(event.actor2),
        "assoc_actor_2": "",
        "inter2": _text(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.actor2 == CIVILIANS else "",
        "iso": str(ISO),
        "region": REGION,
        "country": COUNTRY,
        "admin1": _text(place.admin1 if place else None),
        "admin2": _text(place.admin2 if place else None),
        "admin3": "",
        "location": _text(place.name if place else None),
        "latitude": _text(place.latitude if place else None),
        "longitude": _text(place.longitude if place else None),
        "geo_precision": _text(place.geo_precision if place else None),
        "source": _text(event.source),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": str(event.fatalities or 0),
        "tags": _tags(event),
        "timestamp": str(timestamp),
    }


def write_acled_csv(events: Iterable[Event], fh: TextIO, *, now: datetime | None = None) -> int:
    """Write a header and one row per event; returns the number of rows.

    ``now`` fixes the ``timestamp`` column (default: the current time). Lines end in
    ``\\n``; cells with commas, quotes or line breaks are quoted.
    """
    moment = now if now is not None else datetime.now(UTC)
    timestamp = int(moment.timestamp())
    writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(event_to_acled_row(event, timestamp))
        count += 1
    return count
