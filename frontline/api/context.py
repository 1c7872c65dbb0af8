"""What every route needs: the settings, the open store, and access checks."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from frontline.api.errors import ApiError
from frontline.config import Settings
from frontline.store import Store


@dataclass
class Context:
    """Shared by the routes of one app (held in ``app.state.context``)."""

    settings: Settings
    store: Store
    rtree: bool
    cache: dict[Any, Any] = field(default_factory=dict)

    def outlets(self) -> Any:
        from frontline.fuse.outlets import OutletDirectory

        return OutletDirectory.default()

    def camp(self, source: str | None) -> str:
        return str(self.outlets().camp(source))


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _check_token(request: Request, expected: str) -> None:
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "this needs an API token: send Authorization: Bearer <token>")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "the API token is not valid")


def read_access(request: Request) -> None:
    """Reads are open unless the settings protect them."""
    settings = context(request).settings
    if settings.protect_reads and settings.api_token:
        _check_token(request, settings.api_token)


def write_access(request: Request) -> None:
    """Writes always need the token; without one configured they are switched off."""
    token = context(request).settings.api_token
    if not token:
        raise ApiError(403, "writes are disabled: set [api] token or FRONTLINE_API_TOKEN")
    _check_token(request, token)
