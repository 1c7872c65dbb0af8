"""GET /events latency with a bbox and a date range over a large store.

Fills a fresh store with N synthetic fused events (bulk insert; default 1,000,000), starts
the API under uvicorn on 127.0.0.1 in a subprocess, fires a bounded number of requests with
random bboxes (from a neighbourhood to a governorate across) and date ranges (a day to the
whole span) from one Python client over keep-alive HTTP, and prints p50 / p95 / p99.

    python benchmarks/bench_api.py                                  # SQLite, 1,000,000
    python benchmarks/bench_api.py --db postgresql://postgres@127.0.0.1:54329/frontline_test
    python benchmarks/bench_api.py --n 100000 --requests 200

An existing store that already holds N synthetic events is reused (``--db`` to a file).
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, insert, select, text

from frontline.store import Store
from frontline.store.schema import FusedEventRow

CITIES = [
    (36.20, 37.16),
    (33.51, 36.29),
    (34.73, 36.71),
    (35.13, 36.75),
    (35.93, 36.63),
    (35.33, 40.14),
    (35.95, 39.01),
    (36.50, 40.75),
    (32.62, 36.10),
    (35.52, 35.79),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Humanitarian", "Displacement"),
]
SOURCES = ["trt", "sana", "reuters", "afp", "alaraby", "manar", "sputnik", "ahram"]
START, DAYS = date(2012, 1, 1), 4018
CHUNK = 20_000


def synthetic_rows(n: int, rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        lat0, lon0 = rng.choice(CITIES)
        kind, sub = rng.choice(TYPES)
        picked = rng.sample(SOURCES, rng.randint(1, 3))
        rows.append(
            {
                "fused_id": f"bench{i:09d}",
                "event_type": kind,
                "sub_event_type": sub,
                "event_date": START + timedelta(days=rng.randrange(DAYS)),
                "time_precision": 1,
                "actor1": "Military Forces of Syria",
                "actor2": "Syrian rebels",
                "location": "Synthetic",
                "latitude": lat0 + rng.gauss(0, 0.25),
                "longitude": lon0 + rng.gauss(0, 0.25),
                "admin1": "Aleppo",
                "geo_precision": 1,
                "gazetteer_id": None,
                "place": None,
                "fatalities_low": None,
                "fatalities_best": None,
                "fatalities_high": None,
                "territory_from": None,
                "territory_to": None,
                "territory_change": False,
                "documents": [f"doc{i}"],
                "sources": picked,
                "camps": ["unknown"],
                "independent_sources": len(picked),
                "claims": len(picked),
                "contradictions": [],
                "certainty": "reported",
                "confidence": 0.5,
            }
        )
    return rows


def fill(url: str, n: int, seed: int) -> float:
    """Insert ``n`` synthetic fused events unless the store already has them; seconds taken."""
    with Store.open(url) as store:
        with store.engine.connect() as connection:
            have = connection.scalar(select(func.count()).select_from(FusedEventRow)) or 0
        if have == n:
            return 0.0
        if have:
            sys.exit(f"{url} holds {have} fused events, not {n}: give a fresh --db")
        rng = random.Random(seed)
        started = time.perf_counter()
        statement = insert(FusedEventRow)
        for first in range(0, n, CHUNK):
            rows = synthetic_rows(min(CHUNK, n - first), rng)
            for r, i in zip(rows, range(first, first + len(rows)), strict=True):
                r["fused_id"] = f"bench{i:09d}"
            with store.engine.begin() as connection:
                connection.execute(statement, rows)
            print(f"  {first + len(rows):,} rows", file=sys.stderr, end="\r")
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
        return time.perf_counter() - started


def random_params(rng: random.Random) -> dict[str, str]:
    width = rng.choice([0.05, 0.2, 0.5, 1.0, 2.0, 4.0])
    lat, lon = (
        rng.choice(CITIES) if rng.random() < 0.7 else (rng.uniform(32.5, 37), rng.uniform(36, 42))
    )
    lat, lon = lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.3, 0.3)
    span = rng.choice([1, 7, 30, 90, 365, DAYS])
    since = START + timedelta(days=rng.randrange(max(1, DAYS - span)))
    half = width / 2
    return {
        "bbox": f"{lon - half:.4f},{lat - half:.4f},{lon + half:.4f},{lat + half:.4f}",
        "since": since.isoformat(),
        "until": (since + timedelta(days=span)).isoformat(),
    }


def serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import uvicorn; from frontline.api import create_app; "
        "from frontline.config import Settings;"
        f"uvicorn.run(create_app(Settings(db={url!r}, rate_limit_per_minute=0)),"
        f"host='127.0.0.1', port={port}, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health").status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the server did not start")


def measure(base: str, requests: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed + 1)
    times, matched = [], []
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(10):  # warm-up: connections, first-use loads
            client.get("/events", params=random_params(rng))
        for _ in range(requests):
            params = random_params(rng)
            started = time.perf_counter()
            answer = client.get("/events", params=params)
            times.append((time.perf_counter() - started) * 1000)
            answer.raise_for_status()
            matched.append(answer.json()["total"])
    q = statistics.quantiles(times, n=100)
    return {
        "p50_ms": q[49],
        "p95_ms": q[94],
        "p99_ms": q[98],
        "max_ms": max(times),
        "median_total": statistics.median(matched),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic events")
    parser.add_argument("--requests", type=int, default=300, help="timed requests")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench_api.db'}"
    filled = fill(url, args.n, args.seed)
    server, base = serve(url)
    try:
        figures = measure(base, args.requests, args.seed)
    finally:
        server.terminate()
        server.wait(timeout=30)
    backend = url.split(":", 1)[0]
    print(
        json.dumps(
            {
                "backend": backend,
                "events": args.n,
                "requests": args.requests,
                "fill_s": round(filled, 1),
                **{k: round(v, 1) for k, v in figures.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
