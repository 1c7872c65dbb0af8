"""The map page in a real browser: Debian's chromium, driven headless by Playwright.

``map_url`` serves the real app (``frontline.api.create_app``) under uvicorn on 127.0.0.1,
over a store filled by ingesting the example article, the Aleppo rows of the FA-KES sample
and one hostile article whose text carries markup, fused (independent sources, camps,
contradictions) with the control timeline derived from the fused events. The
browser tests skip, with the reason, when chromium, Playwright or the page's map library
(``make setup``) is missing.
"""

from __future__ import annotations

import csv
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
VENDOR = ROOT / "frontline" / "web" / "vendor"
HOSTILE_DOC = "hostile-markup"
HOSTILE_TEXT = (
    "Army takes <script>window.__pwned = 1</script> district\n"
    "Syrian government forces captured the Hanano district of Aleppo on Sunday "
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> after heavy '
    "fighting, the army said.\n"
)


def chromium_path() -> str | None:
    """Debian's chromium (``FRONTLINE_CHROMIUM`` overrides), or None when there is none."""
    for candidate in (os.environ.get("FRONTLINE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless chromium; skips when it, Playwright or the vendored map library is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no chromium: install Debian's chromium (scripts/setup-system.sh, as root)")
    if not (VENDOR / "leaflet.js").is_file():
        pytest.skip("the map library is not in frontline/web/vendor/: run `make setup` (needs npm)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def _aleppo_rows(target: Path) -> Path:
    """The FA-KES sample's Aleppo rows, as a CSV of the same layout."""
    with (SAMPLES / "fakes_dev.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["location"].strip().lower() == "aleppo"]
        fields = list(reader.fieldnames or [])
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


def fill_store(db_url: str, work: Path) -> None:
    """Ingest the example article, FA-KES's Aleppo rows and the hostile article, then fuse them
    (a full rebuild, which also derives the control timeline from the fused events)."""
    from frontline.fuse.update import fuse_store
    from frontline.ingest import ReadOptions
    from frontline.pipeline import ingest_paths
    from frontline.store import Store

    hostile = work / f"{HOSTILE_DOC}.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    published = ReadOptions(published=date_of("2016-11-28"))
    with Store.open(db_url) as store:
        ingest_paths([SAMPLES / "aleppo_2016-11-28_trt.txt"], store, published)
        ingest_paths([hostile], store, ReadOptions(published=date_of("2016-11-28"), source="sana"))
        ingest_paths([_aleppo_rows(work / "fakes_aleppo.csv")], store)
        fuse_store(store)


def date_of(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run an ASGI app under uvicorn in a thread on 127.0.0.1; yield its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def make_app(db_url: str) -> Any:
    """The real app over ``db_url``, with the default settings (faction colours included)."""
    from frontline.api import create_app
    from frontline.config import load_settings, with_overrides

    return create_app(with_overrides(load_settings(environ={}), db=db_url))


@pytest.fixture(scope="session")
def map_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    work = tmp_path_factory.mktemp("map")
    url = f"sqlite:///{work / 'map.db'}"
    fill_store(url, work)
    return url


@pytest.fixture(scope="session")
def map_url(browser: Any, map_db: str) -> Iterator[str]:
    with serving(make_app(map_db)) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_doc() -> str:
    """The document id of the stored article whose text carries markup."""
    return HOSTILE_DOC


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; script errors on it fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 820})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"script errors on the page: {errors}"
