"""The HTTP API over a real store (the example article, FA-KES rows, a hostile article)."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

ALEPPO = "37.05,36.10,37.30,36.30"
HOSTILE_ID = "hostile-script"  # conftest.HOSTILE_ID
TOKEN = "test-token-0123"  # conftest.TOKEN


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] and body["error"]["message"]
    return dict(body["error"])


def test_api_events_in_aleppo_in_november_2016(client: TestClient) -> None:
    page = client.get(
        "/events", params={"bbox": ALEPPO, "since": "2016-11-20", "until": "2016-11-30"}
    )
    assert page.status_code == 200
    body = page.json()
    assert body["view"] == "fused" and body["total"] == len(body["items"]) > 0
    places = {e["location"] for e in body["items"]}
    assert {"Hanano", "Jabal Badro"} <= places
    for event in body["items"]:
        assert "2016-11-20" <= event["event_date"] <= "2016-11-30"
        assert 36.10 <= event["latitude"] <= 36.30 and 37.05 <= event["longitude"] <= 37.30
    hanano = [e for e in body["items"] if e["location"] == "Hanano"]
    assert any(
        e["territory"] == {"from": "Syrian rebels", "to": "Military Forces of Syria"}
        for e in hanano
    )
    # the TRT article and the hostile SANA piece both report Hanano's capture: two sources
    assert max(e["independent_sources"] for e in hanano) >= 2


def test_api_events_filters_narrow_the_answer(client: TestClient) -> None:
    everything = client.get("/events", params={"limit": 1000}).json()["items"]
    sana = client.get("/events", params={"source": "sana", "limit": 1000}).json()["items"]
    assert sana and all("sana" in e["sources"] for e in sana) and len(sana) < len(everything)
    corroborated = client.get("/events", params={"min_sources": 2}).json()["items"]
    assert corroborated and all(e["independent_sources"] >= 2 for e in corroborated)
    taken = client.get("/events", params={"type": "Government regains territory"}).json()["items"]
    assert taken and all(e["sub_event_type"] == "Government regains territory" for e in taken)
    army = client.get("/events", params={"actor": "military forces of syria"}).json()["items"]
    assert army and all("Military Forces of Syria" in (e["actor1"], e["actor2"]) for e in army)
    badro = client.get("/events", params={"place": "Jabal Badro"}).json()["items"]
    assert badro and {e["location"] for e in badro} == {"Jabal Badro"}
    camp = client.get("/events", params={"camp": "Syrian state"}).json()["items"]
    assert camp and all("Syrian state" in e["camps"] for e in camp)


def test_api_claims_view_carries_evidence(client: TestClient) -> None:
    body = client.get("/events", params={"view": "claims", "place": "Holok"}).json()
    assert body["view"] == "claims" and body["items"]
    claim = body["items"][0]
    assert claim["claims"] == 1 and claim["doc_id"] == "aleppo_2016-11-28_trt"
    assert "Holok" in claim["evidence"]["text"] and claim["attributed_to"]
    assert claim["fatalities"]["low"] == claim["fatalities"]["best"] == claim["fatalities"]["high"]


def test_api_pagination_is_bounded_and_links_the_next_page(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    _error(client.get("/events", params={"limit": 1001}), 400)
    _error(client.get("/events", params={"offset": -1}), 400)


def test_api_bad_filters_get_the_error_envelope(client: TestClient) -> None:
    assert "bbox" in _error(client.get("/events", params={"bbox": "1,2,3"}), 400)["message"]
    _error(client.get("/events", params={"bbox": "40,36,37,37"}), 400)
    _error(client.get("/events", params={"since": "28/11/2016"}), 400)
    _error(client.get("/events", params={"since": "2016-12-01", "until": "2016-11-01"}), 400)
    _error(client.get("/events/no-such-event"), 404)
    _error(client.get("/documents/no-such-document"), 404)
    _error(client.get("/nowhere"), 404)


def test_api_geojson_and_acled_csv(client: TestClient) -> None:
    params = {"bbox": ALEPPO, "since": "2016-11-20", "until": "2016-11-30"}
    geo = client.get("/events", params={**params, "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    point = geo["features"][0]
    assert point["geometry"]["type"] == "Point" and "latitude" not in point["properties"]
    answer = client.get("/events", params={**params, "format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == len(geo["features"])
    assert {"event_id_cnty", "event_date", "sub_event_type", "fatalities"} <= set(rows[0])
    assert all(r["country"] == "Syria" and r["event_id_cnty"].startswith("SYR") for r in rows)


def test_api_event_detail_lists_every_supporting_claim(client: TestClient) -> None:
    events = client.get("/events", params={"min_sources": 2, "place": "Hanano"}).json()["items"]
    fused = client.get(f"/events/{events[0]['id']}").json()
    assert len(fused["members"]) == fused["claims"] >= 2
    sources = {m["source"] for m in fused["members"]}
    assert {"trt", "sana"} <= sources
    for m in fused["members"]:
        assert m["evidence"] and m["evidence_end"] > m["evidence_start"] and m["camp"]
    claim = client.get(f"/events/{fused['members'][0]['event_id']}").json()
    assert claim["claims"] == 1 and len(claim["members"]) == 1


def test_api_script_in_an_article_stays_json_data(client: TestClient) -> None:
    doc = client.get(f"/documents/{HOSTILE_ID}")
    assert doc.headers["content-type"].startswith("application/json")
    assert "<script>alert(1)</script>" in doc.json()["text"]
    assert doc.json()["events"]
    claim = client.get(f"/events/{doc.json()['events'][0]}").json()
    assert "<script>" in claim["members"][0]["evidence"]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "alert(1)" not in page.text


def test_api_control_of_aleppo(client: TestClient) -> None:
    body = client.get("/control", params={"date": "2016-11-29", "place": "Aleppo"}).json()
    assert body["type"] == "FeatureCollection" and body["date"] == "2016-11-29"
    held = {f["properties"]["place"]: f for f in body["features"]}
    assert held["Hanano"]["properties"]["faction"] == "Military Forces of Syria"
    assert held["Hanano"]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert body["shares"]["by_count"]["Military Forces of Syria"] > 0
    assert body["factions"]["Military Forces of Syria"].startswith("#")
    before = client.get("/control", params={"date": "2016-11-01", "place": "Aleppo"}).json()
    earlier = {f["properties"]["place"]: f["properties"]["faction"] for f in before["features"]}
    assert earlier.get("Hanano") != "Military Forces of Syria"  # taken on 26 November
    _error(client.get("/control", params={"date": "2016-11-29", "place": "Qwertyzzz"}), 404)
    _error(client.get("/control"), 400)


def test_api_places_sources_stats_boundaries_config(client: TestClient) -> None:
    holok = client.get("/places", params={"q": "Hulluk"}).json()["items"][0]
    assert holok["name"] == "Holok" and "Hulluk" in holok["aliases"]
    sources = {s["code"]: s for s in client.get("/sources").json()["items"]}
    assert sources["trt"]["documents"] == 1 and sources["trt"]["camp"]
    assert sources["sana"]["events"] >= 1
    days = client.get("/stats/daily", params={"since": "2016-11-25", "until": "2016-11-28"})
    counts = {d["date"]: d["count"] for d in days.json()["items"]}
    assert counts and set(counts) <= {"2016-11-25", "2016-11-26", "2016-11-27", "2016-11-28"}
    hoods = client.get("/boundaries", params={"level": "neighbourhoods", "city": "Aleppo"}).json()
    assert len(hoods["features"]) > 50
    config = client.get("/config").json()
    assert config["factions"]["Syrian rebels"].startswith("#") and "default_view" in config
    assert client.get("/health").json()["status"] == "ok"


def test_api_openapi_describes_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/events/{event_id}", "/control", "/places", "/sources", "/documents"):
        assert path in paths


@pytest.mark.parametrize("protect", [False, True])
def test_api_read_protection(api_db: str, client_for: Any, protect: bool) -> None:
    with client_for(api_db, protect_reads=protect) as guarded:
        answer = guarded.get("/events")
        if protect:
            _error(answer, 401)
            _error(guarded.get("/events", headers={"Authorization": "Bearer wrong"}), 403)
            ok = guarded.get("/events", headers={"Authorization": f"Bearer {TOKEN}"})
            assert ok.status_code == 200
        else:
            assert answer.status_code == 200


def test_api_rate_limit_answers_429(api_db: str) -> None:
    now = [0.0]
    from frontline.api import create_app
    from frontline.config import Settings

    app = create_app(Settings(db=api_db, rate_limit_per_minute=3), clock=lambda: now[0])
    with TestClient(app) as limited:
        assert [limited.get("/health").status_code for _ in range(3)] == [200] * 3
        refused = limited.get("/health")
        assert _error(refused, 429)["code"] == "rate_limited"
        assert int(refused.headers["retry-after"]) >= 1
        now[0] += 20.0  # a token per 20 s at 3 a minute
        assert limited.get("/health").status_code == 200


def test_api_rate_limit_counts_each_client_behind_a_trusted_proxy(api_db: str) -> None:
    from frontline.api import create_app
    from frontline.config import Settings

    def over_limit(trusted: tuple[str, ...]) -> list[int]:
        settings = Settings(db=api_db, rate_limit_per_minute=2, trusted_proxies=trusted)
        with TestClient(create_app(settings, clock=lambda: 0.0)) as proxied:
            return [
                proxied.get("/health", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
                for n in (1, 1, 2, 2, 1)
            ]

    # trusted: each forwarded client has its own bucket; the third call of .1 is refused
    assert over_limit(("*",)) == [200, 200, 200, 200, 429]
    # untrusted: the header is ignored and every request counts against the proxy
    assert over_limit(()) == [200, 200, 429, 429, 429]


def test_api_cors_header_for_configured_origins(api_db: str, client_for: Any) -> None:
    with client_for(api_db, cors_origins=("https://maps.example.org",)) as cors:
        allowed = cors.get("/health", headers={"Origin": "https://maps.example.org"})
        assert allowed.headers["access-control-allow-origin"] == "https://maps.example.org"
        other = cors.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_api_is_ready_for_the_map_before_its_first_request(api_db: str, client_for: Any) -> None:
    """Start-up loads and encodes the map's base layers and outlet counts, so the first
    visitor's requests are answered from memory; a new document refreshes the outlet counts."""
    with client_for(api_db) as fresh:
        kept = fresh.app.state.context.cache
        assert ("boundaries", "neighbourhoods", "aleppo") in kept and "sources" in kept
        base = fresh.get("/boundaries", params={"level": "admin1"})
        assert base.headers["content-type"].startswith("application/json")
        assert "max-age" in base.headers["cache-control"]
        numbers = json.dumps([f["geometry"]["coordinates"] for f in base.json()["features"]])
        assert max(len(d) for d in re.findall(r"\.(\d+)", numbers)) <= 5  # about a metre
        assert fresh.get("/sources").json() == fresh.get("/sources").json()
