"""api stage: the HTTP API over the store (FastAPI), with one JSON error shape.

>>> from frontline.api import create_app  # doctest: +SKIP
>>> app = create_app(load_settings())      # run by ``frontline serve``
"""

from __future__ import annotations

from frontline.api.app import create_app

__all__ = ["create_app"]
