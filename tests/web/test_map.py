"""The map page, opened in headless chromium against the real app over the sample store.

Set ``FRONTLINE_SCREENSHOT=docs/screenshot.png`` to refresh the README's screenshot.
"""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

READY = (
    "d => document.body.dataset.state === 'ready' && document.body.dataset.date === d"
    " && window.frontline !== undefined"
)
BADRO_FILL = "document.querySelector('path[data-place=\"Jabal Badro\"]')?.getAttribute('fill')"


def api(base: str, path: str, **params: Any) -> Any:
    url = urllib.parse.urljoin(base, path)
    if params:
        url += "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def wait_ready(page: Any, day: str) -> None:
    page.wait_for_function(READY, arg=day, timeout=20_000)


def badro_holder(base: str, day: str) -> tuple[str | None, str | None]:
    """Jabal Badro's faction on ``day`` and that faction's colour, as the API gives them."""
    control = api(base, "control", date=day)
    for feature in control["features"]:
        if feature["properties"]["place"] == "Jabal Badro":
            faction = feature["properties"]["faction"]
            return faction, control["factions"].get(faction)
    return None, None


def test_map_slider_moves_the_front_at_jabal_badro(page: Any, map_url: str) -> None:
    page.goto(f"{map_url}#date=2016-11-20&ll=36.2149,37.2063&z=14")
    wait_ready(page, "2016-11-20")
    before = page.evaluate("window.frontline.controlColour('Jabal Badro')")
    assert page.evaluate(BADRO_FILL) == before

    page.locator("#slider").focus()
    for _ in range(10):  # one day per key, as a user steps the slider
        page.keyboard.press("ArrowRight")
    wait_ready(page, "2016-11-30")

    after = page.evaluate("window.frontline.controlColour('Jabal Badro')")
    faction, colour = badro_holder(map_url, "2016-11-30")
    assert faction == "Military Forces of Syria"
    assert after == colour != before
    assert page.evaluate(BADRO_FILL) == after
    assert page.locator("#date-label").text_content() == "2016-11-30"
    assert "date=2016-11-30" in page.url  # the view can be shared as a link


def _click_event(page: Any, event_id: str) -> None:
    """Click the event's symbol, opening the cluster it is in first when it is in one."""
    selector = f'.ev[data-event-id="{event_id}"]'
    # the symbols are drawn after the page says it is ready: wait for the symbol or a cluster
    page.wait_for_function(
        "s => document.querySelector(s) || document.querySelector('.marker-cluster')",
        arg=selector,
        timeout=20_000,
    )
    symbol = page.locator(selector)
    if symbol.count() == 0:
        page.locator(".marker-cluster").first.click()
        symbol.wait_for(state="visible")
    symbol.click()


def test_map_click_on_an_event_shows_its_evidence(page: Any, map_url: str, tmp_path: Path) -> None:
    found = api(map_url, "events", place="Jabal Badro", since="2016-11-24", until="2016-11-30")
    assert found["items"], "the sample store has events at Jabal Badro"
    # the capture, when the store has it: the event that turns the area the government's colour
    capture = next((e for e in found["items"] if e["territory"]), found["items"][0])
    lat, lon = capture["latitude"], capture["longitude"]
    page.goto(f"{map_url}#date=2016-11-30&ll={lat},{lon}&z=17")
    wait_ready(page, "2016-11-30")

    _click_event(page, capture["id"])
    page.locator("#panel .evidence").first.wait_for(state="visible")
    sentences = page.locator("#panel .evidence").all_text_contents()
    article = (SAMPLES / "aleppo_2016-11-28_trt.txt").read_text(encoding="utf-8")
    corpus = article + (SAMPLES / "fakes_dev.csv").read_text(encoding="utf-8")
    assert any("Jabal Badro" in sentence for sentence in sentences)
    assert all(sentence in corpus for sentence in sentences)
    assert page.locator("#panel-body").get_attribute("data-event-id") == capture["id"]
    assert "ev=" in page.url

    for _ in range(4):  # step back to see the front around the event
        page.locator(".leaflet-control-zoom-out").click()
        page.wait_for_timeout(300)
    target = Path(os.environ.get("FRONTLINE_SCREENSHOT") or tmp_path / "map.png")
    page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000  # a picture of the map, not a blank page


def test_map_shows_markup_in_article_text_as_text(
    page: Any, map_url: str, hostile_doc: str
) -> None:
    claims = api(map_url, "events", view="claims", source="sana", limit=1000)["items"]
    hostile = [item for item in claims if item.get("doc_id") == hostile_doc]
    assert hostile, "the hostile article gave an event"
    page.goto(f"{map_url}#date=2016-11-27&ev={urllib.parse.quote(hostile[0]['id'])}")
    wait_ready(page, "2016-11-27")
    page.locator("#panel .evidence").first.wait_for(state="visible")

    shown = " ".join(page.locator("#panel .evidence").all_text_contents())
    assert "<script>window.__pwned = 1</script>" in shown
    assert '<img src=x onerror="window.__pwned = 2">' in shown
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.evaluate("window.__pwned") is None
