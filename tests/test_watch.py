"""Live feeds from a loopback HTTP server: one good, one garbage, one answering 500."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from frontline.store import Store
from frontline.watch import Watcher

ITEM = """<item><title>{title}</title><link>https://example.org/{slug}</link>
<guid>https://example.org/{slug}</guid><pubDate>Mon, 28 Nov 2016 10:00:00 GMT</pubDate>
<description>{text}</description></item>"""
HANANO = (
    "Syrian government forces captured the Hanano district of Aleppo on Saturday, the army said."
)
BADRO = "On Sunday government forces captured the Jabal Badro district of Aleppo, monitors said."
SAKHOUR = "Regime forces captured Sakhour in eastern Aleppo on Monday, the Observatory said."


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(ITEM.format(title=t, slug=s, text=x) for t, s, x in items)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>TRT World</title>'
        f"<link>https://www.trtworld.com</link>{body}</channel></rss>"
    ).encode()


class Feeds:
    """What the loopback server answers, by path; changeable between polls."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, bytes]] = {
            "/good.xml": (200, rss(("Hanano taken", "hanano", HANANO), ("Badro", "badro", BADRO))),
            "/garbage.xml": (200, b"<html><body>this is not a feed %%%</body></html>"),
            "/broken.xml": (500, b"server error"),
        }
        self.hits: dict[str, int] = {}


@pytest.fixture
def feeds() -> Iterator[tuple[Feeds, str]]:
    state = Feeds()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            status, body = state.pages.get(self.path, (404, b"no such feed"))
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _watcher(store: Store, base: str, clock: list[float]) -> Watcher:
    urls = [f"{base}/good.xml", f"{base}/garbage.xml", f"{base}/broken.xml"]
    return Watcher(
        store,
        urls,
        interval_s=60,
        max_backoff_s=300,
        clock=lambda: clock[0],
        sleep=lambda s: clock.__setitem__(0, clock[0] + s),
    )


def test_watch_ingests_only_new_items_and_backs_off_failing_feeds(
    feeds: tuple[Feeds, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state, base = feeds
    clock = [0.0]
    caplog.set_level(logging.WARNING, logger="frontline.watch")
    with Store.open(f"sqlite:///{tmp_path / 'watch.db'}") as store:
        watcher = _watcher(store, base, clock)
        first = watcher.poll()
        assert first.documents_added == 2 and first.events_added >= 1
        assert set(first.failed) == {f"{base}/garbage.xml", f"{base}/broken.xml"}
        assert "garbage.xml" in caplog.text and "broken.xml" in caplog.text
        clock[0] = 60.0
        second = watcher.poll()
        assert second.documents_added == 0 and len(second.failed) == 2
        state.pages["/good.xml"] = (
            200,
            rss(("Badro", "badro", BADRO), ("Sakhour", "sakhour", SAKHOUR)),
        )
        clock[0] = 120.0  # the good feed is due; the failing ones wait twice as long now
        third = watcher.poll()
        assert third.polled == (f"{base}/good.xml",)
        assert third.documents_added == 1
        assert store.count_documents() == 3
        failing = {s.url: s for s in watcher.states if s.failures}
        assert {s.failures for s in failing.values()} == {2}
        assert all(s.due == 60.0 + 120.0 for s in failing.values())


def test_watch_run_stops_after_max_polls_without_waiting(
    feeds: tuple[Feeds, str], tmp_path: Path
) -> None:
    state, base = feeds
    clock = [0.0]
    with Store.open(f"sqlite:///{tmp_path / 'watch.db'}") as store:
        watcher = _watcher(store, base, clock)
        started = time.monotonic()
        assert watcher.run(max_polls=3) == 3
        assert time.monotonic() - started < 10
    assert state.hits["/good.xml"] == 3
    assert state.hits["/broken.xml"] == 2  # polled at 0 and 60, then backed off to 180


def test_watch_runs_inside_the_server(feeds: tuple[Feeds, str], tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from frontline.api import create_app
    from frontline.cli.serve_cmds import _background_watcher
    from frontline.config import Settings

    _, base = feeds
    settings = Settings(
        db=f"sqlite:///{tmp_path / 'serve.db'}", feeds=(f"{base}/good.xml",), feed_interval_s=0.2
    )
    with TestClient(create_app(settings, background=_background_watcher(settings))) as client:
        deadline = time.monotonic() + 20
        items: list[Any] = []
        while not items and time.monotonic() < deadline:
            items = client.get("/events", params={"view": "claims"}).json()["items"]
            time.sleep(0.1)
    assert items and items[0]["doc_id"].startswith("feed-")
    assert "Aleppo" in {items[0]["admin1"], items[0]["location"]}
