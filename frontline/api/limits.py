"""Request size and rate limits, as ASGI middleware (they run before any route).

A body larger than ``max_bytes`` is refused with 413, whether it declares its length or
streams it in chunks. Each client (by address) has a token bucket of ``per_minute`` requests
refilled continuously; an empty bucket answers 429 with ``Retry-After``. ``clock`` is
injectable so tests need not wait.
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontline.api.errors import envelope

Clock = Callable[[], float]
_MAX_CLIENTS = 10_000


class _TooLarge(HTTPException):
    """Raised while reading a body that outgrows the limit; an HTTPException so that the
    framework's body parsing passes it on as it is (a 413, not a generic 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


async def _send_error(send: Send, status: int, message: str, headers: dict[str, str]) -> None:
    body = json.dumps(envelope(status, message)).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw.extend((k.encode(), v.encode()) for k, v in headers.items())
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """Token buckets per client key; ``allow`` answers (allowed, seconds until a token)."""

    def __init__(self, per_minute: int, clock: Clock = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str) -> tuple[bool, float]:
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > _MAX_CLIENTS:
            self._buckets.popitem(last=False)
        return allowed, 0.0 if allowed else (1.0 - tokens) / self.rate


class LimitsMiddleware:
    """Refuses over-large bodies (413) and over-eager clients (429)."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, per_minute: int, clock: Clock = time.monotonic
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.limiter = RateLimiter(per_minute, clock) if per_minute > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.limiter is not None:
            client = scope.get("client") or ("unknown", 0)
            allowed, wait = self.limiter.allow(str(client[0]))
            if not allowed:
                retry = {"Retry-After": str(max(1, math.ceil(wait)))}
                await _send_error(send, 429, "too many requests; slow down", retry)
                return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _send_error(send, 413, self._too_large(), {})
            return
        await self._counted(scope, receive, send)

    def _too_large(self) -> str:
        return f"request body over the limit of {self.max_bytes} bytes"

    async def _counted(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _TooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, 413, self._too_large(), {})


def _content_length(scope: Scope) -> int | None:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def client_key(scope: dict[str, Any]) -> str:
    client = scope.get("client") or ("unknown", 0)
    return str(client[0])
