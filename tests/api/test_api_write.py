"""POST /documents (token, JSON, feed URL, CSV upload), request size limits, and schemathesis
against the OpenAPI description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from frontline.api import create_app
from frontline.config import Settings

EXAMPLES = 5
TOKEN = "write-token-42"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "title": "Regime takes Hanano",
    "text": "Syrian government forces captured the Hanano district of Aleppo on Saturday, "
    "the army said. <b>Thousands</b> fled.",
    "source": "sana",
    "published": "2016-11-28",
    "doc_id": "posted-1",
}


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    config = Settings(
        db=f"sqlite:///{tmp_path / 'w.db'}",
        api_token=TOKEN,
        rate_limit_per_minute=0,
        max_request_bytes=20_000,
    )
    with TestClient(create_app(config)) as client:
        yield client


def test_api_post_needs_the_token(writable: TestClient) -> None:
    missing = writable.post("/documents", json=ARTICLE)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    wrong = writable.post("/documents", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert writable.get("/documents/posted-1").status_code == 404


def test_api_post_article_is_extracted_stored_and_idempotent(writable: TestClient) -> None:
    first = writable.post("/documents", json=ARTICLE, headers=AUTH).json()
    assert first["documents_added"] == 1 and first["events_added"] >= 1
    again = writable.post("/documents", json=ARTICLE, headers=AUTH).json()
    assert again == {**again, "documents_added": 0, "documents_skipped": 1, "events_added": 0}
    stored = writable.get("/documents/posted-1").json()
    assert stored["text"] == ARTICLE["text"] and stored["events"]
    taken = writable.get("/events", params={"type": "Government regains territory"}).json()
    assert [e["event_date"] for e in taken["items"]] == ["2016-11-26"]  # "on Saturday"


def test_api_post_csv_upload_names_bad_rows(writable: TestClient) -> None:
    table = (
        "id,title,text,date,source\n"
        'a1,Strike,"Warplanes struck the town of Saraqeb in Idlib on Monday, killing 5 people.",'
        "2017-04-03,reuters\n"
        "a2,Empty,,2017-04-03,reuters\n"
    )
    answer = writable.post(
        "/documents", files={"file": ("dispatches.csv", table, "text/csv")}, headers=AUTH
    )
    body = answer.json()
    assert answer.status_code == 200 and body["documents_added"] == 1
    assert any("dispatches.csv:3" in d for d in body["diagnostics"])


def test_api_post_refuses_bad_bodies(writable: TestClient) -> None:
    assert writable.post("/documents", json={"text": "  "}, headers=AUTH).status_code == 400
    bad_date = writable.post("/documents", json={**ARTICLE, "published": "yesterday"}, headers=AUTH)
    assert bad_date.status_code == 400 and "published" in bad_date.json()["error"]["message"]
    plain = writable.post(
        "/documents", content=b"hello", headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert plain.status_code == 415
    feed = writable.post("/documents", json={"feed_url": "file:///etc/passwd"}, headers=AUTH)
    assert feed.status_code == 400


def test_api_refuses_bodies_over_the_limit(writable: TestClient) -> None:
    big = {**ARTICLE, "text": "x " * 20_000}
    answer = writable.post("/documents", json=big, headers=AUTH)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"

    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"y" * 1000

    streamed = writable.post(
        "/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert writable.get("/documents/posted-1").status_code == 404


def test_api_schemathesis_reads_never_fail(api_db: str) -> None:
    """Every GET operation of /openapi.json, with generated parameters: never a 5xx, and
    every error in the envelope. A few examples each, so it runs in seconds."""
    app = create_app(Settings(db=api_db, rate_limit_per_minute=0))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checked = 0
    for found in schema.include(method="GET").get_all_operations():
        operation = found.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, response.text
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["status"] == response.status_code and error["message"]

        check()
        checked += 1
    assert checked >= 9


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Reuters</title>'
    b"<link>https://www.reuters.com</link><item><title>Strike</title>"
    b"<guid>https://example.org/strike</guid><pubDate>Mon, 03 Apr 2017 09:00:00 GMT</pubDate>"
    b"<description>Warplanes struck the town of Saraqeb in Idlib on Monday, killing 5 "
    b"people, rescuers said.</description></item></channel></rss>"
)


@pytest.fixture
def loopback_feed() -> Iterator[str]:
    """A feed served on 127.0.0.1; ``/moved`` redirects to the same feed on ``localhost``."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/moved":
                self.send_response(302)
                port = self.server.server_address[1]
                self.send_header("Location", f"http://localhost:{port}/rss")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _client_allowing(tmp_path: Path, *hosts: str) -> TestClient:
    config = Settings(
        db=f"sqlite:///{tmp_path / 'f.db'}",
        api_token=TOKEN,
        rate_limit_per_minute=0,
        fetch_hosts=hosts,
    )
    return TestClient(create_app(config))


def test_api_post_feed_url_reads_an_allowed_feed(tmp_path: Path, loopback_feed: str) -> None:
    with _client_allowing(tmp_path, "127.0.0.1") as client:
        body = client.post("/documents", json={"feed_url": f"{loopback_feed}/rss"}, headers=AUTH)
        assert body.status_code == 200, body.text
        assert body.json()["documents_added"] == 1 and body.json()["events_added"] >= 1
        claims = client.get("/events", params={"view": "claims"}).json()["items"]
    strike = next(c for c in claims if c["doc_id"].startswith("feed-"))
    assert strike["event_date"] == "2017-04-03" and strike["admin1"] == "Idlib"
    assert strike["sources"] == ["reuters"]


def test_api_post_feed_url_is_refused_unless_its_host_is_allowed(
    writable: TestClient, tmp_path: Path, loopback_feed: str
) -> None:
    # No fetch_hosts configured: the server fetches nothing a caller names.
    off = writable.post("/documents", json={"feed_url": f"{loopback_feed}/rss"}, headers=AUTH)
    assert off.status_code == 403 and "fetch_hosts" in off.json()["error"]["message"]
    with _client_allowing(tmp_path, "reuters.com") as client:
        other = client.post("/documents", json={"feed_url": f"{loopback_feed}/rss"}, headers=AUTH)
        assert other.status_code == 403 and "'127.0.0.1'" in other.json()["error"]["message"]
        assert client.get("/events", params={"view": "claims"}).json()["items"] == []


def test_api_post_feed_url_does_not_follow_a_redirect_to_another_host(
    tmp_path: Path, loopback_feed: str
) -> None:
    with _client_allowing(tmp_path, "127.0.0.1") as client:
        moved = client.post("/documents", json={"feed_url": f"{loopback_feed}/moved"}, headers=AUTH)
        assert moved.status_code == 400
        assert "redirected" in moved.json()["error"]["message"]
        assert client.get("/events", params={"view": "claims"}).json()["items"] == []


def test_fetch_policy_allows_named_hosts_their_subdomains_and_watched_feeds() -> None:
    from frontline.api.fetch_policy import FetchPolicy

    policy = FetchPolicy.from_settings(["Reuters.com."], ["https://feeds.sana.sy/rss"])
    assert policy.allows("https://www.reuters.com/world/rss")
    assert policy.allows("http://feeds.sana.sy/other")
    assert not policy.allows("https://notreuters.com/rss")
    assert not policy.allows("https://reuters.com.evil.example/rss")
    assert not policy.allows("file:///etc/passwd")
    assert not FetchPolicy.from_settings([], []).allows("https://www.reuters.com/rss")
