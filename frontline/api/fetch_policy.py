"""Which feed URLs ``POST /documents`` may fetch: named hosts only, and no redirects elsewhere.

A token holder can ask the server to fetch a ``feed_url``. Left open, that lets a caller make
the server read addresses only it can reach (a metadata service, an admin page on loopback).
So fetching is off until the operator lists hosts in ``[api] fetch_hosts``; the hosts of the
feeds the watcher polls (``[watch] feeds``) are allowed too, since the operator named them.
An entry allows the host itself and its subdomains. A redirect is followed only to an allowed
host.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from frontline.ingest.options import Fetch

_FETCH_TIMEOUT_S = 30
_USER_AGENT = "frontline/0.1 (+https://github.com/frontline; feed reader)"


class FetchRefusedError(ValueError):
    """The URL's host is not one the operator allowed (a ValueError: readers report it)."""


def host_of(url: str) -> str:
    """The lower-case host of an http(s) URL, or "" for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    return (parts.hostname or "").lower().rstrip(".")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The hosts a posted ``feed_url`` may name (each with its subdomains)."""

    hosts: frozenset[str]

    @classmethod
    def from_settings(cls, fetch_hosts: Iterable[str], feeds: Iterable[str]) -> FetchPolicy:
        named = {h.strip().lower().rstrip(".") for h in fetch_hosts if h.strip()}
        named |= {host_of(feed) for feed in feeds} - {""}
        return cls(frozenset(named))

    def allows(self, url: str) -> bool:
        host = host_of(url)
        return bool(host) and any(host == h or host.endswith("." + h) for h in self.hosts)

    def check(self, url: str) -> None:
        """Raise :class:`FetchRefusedError` with the reason when ``url`` may not be fetched."""
        if not host_of(url):
            raise FetchRefusedError(f"feed_url {url!r} is not an http(s) URL")
        if not self.hosts:
            raise FetchRefusedError(
                "fetching feeds for POST /documents is off: list the hosts it may read in "
                "[api] fetch_hosts (or FRONTLINE_FETCH_HOSTS)"
            )
        if not self.allows(url):
            raise FetchRefusedError(
                f"feed_url host {host_of(url)!r} is not in [api] fetch_hosts; "
                "ask the operator to add it"
            )

    def fetcher(self) -> Fetch:
        """A fetch function that follows redirects only to allowed hosts."""
        opener = urllib.request.build_opener(_Redirects(self))

        def fetch(url: str) -> bytes:
            self.check(url)
            request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
            with opener.open(request, timeout=_FETCH_TIMEOUT_S) as response:
                body: bytes = response.read()
            return body

        return fetch


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__()
        self._policy = policy

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not self._policy.allows(newurl):
            raise FetchRefusedError(f"the feed redirected to {newurl!r}, a host not in fetch_hosts")
        return super().redirect_request(req, fp, code, msg, headers, newurl)
