"""frontline: war reporting in, verified, structured, geolocated event data out."""

from __future__ import annotations

from frontline.errors import FrontlineError, InputError, SetupError, StoreError
from frontline.records import (
    Diagnostic,
    Document,
    Event,
    Extraction,
    GeoStatus,
    Place,
    Provenance,
    Quantity,
    Span,
    TerritoryChange,
)

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Document",
    "Event",
    "Extraction",
    "FrontlineError",
    "GeoStatus",
    "InputError",
    "Place",
    "Provenance",
    "Quantity",
    "SetupError",
    "Span",
    "StoreError",
    "TerritoryChange",
    "__version__",
]
