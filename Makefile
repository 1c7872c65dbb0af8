# frontline — the two commands of the README, and a few more.
#   make demo   set up, then extract the bundled sample article and corpus (no database needed
#               for the first step; the second stores them in out/demo.db and exports them)
#   make test   set up (Python packages; PostgreSQL from Debian when root), then run the tests
VENV ?= .venv
PY := $(VENV)/bin/python
FRONTLINE := $(VENV)/bin/frontline
DEMO_DB := sqlite:///out/demo.db

.PHONY: setup demo test lint bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

# The map page's JavaScript (package.json, from npm) copied into frontline/web/vendor/.
WEB_VENDOR := frontline/web/vendor
$(WEB_VENDOR)/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && \
	  mkdir -p $(WEB_VENDOR)/images && \
	  cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(WEB_VENDOR)/ && \
	  cp node_modules/leaflet/dist/images/*.png $(WEB_VENDOR)/images/ && \
	  cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	     node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	     node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(WEB_VENDOR)/ && \
	  touch $@; \
	else \
	  echo "note: npm is missing, so the map page has no map library; run 'sudo apt-get install npm'" >&2; \
	fi

setup: $(VENV)/.installed $(WEB_VENDOR)/.installed

demo: setup
	mkdir -p out
	$(FRONTLINE) extract samples/aleppo_2016-11-28_trt.txt --published 2016-11-28 --format table
	$(FRONTLINE) extract samples/aleppo_2016-11-28_trt.txt --published 2016-11-28 > out/aleppo_events.jsonl
	$(FRONTLINE) ingest --db $(DEMO_DB) samples/aleppo_2016-11-28_trt.txt --published 2016-11-28
	$(FRONTLINE) ingest --db $(DEMO_DB) samples/fakes_dev.csv
	$(FRONTLINE) control --db $(DEMO_DB) --place Aleppo --date 2016-11-30
	$(FRONTLINE) export --db $(DEMO_DB) --format acled-csv -o out/events_acled.csv
	$(FRONTLINE) export --db $(DEMO_DB) --format geojson -o out/events.geojson
	@echo "results: out/aleppo_events.jsonl, out/events_acled.csv, out/events.geojson, out/demo.db"
	@echo "map: $(FRONTLINE) serve --db $(DEMO_DB), then open http://127.0.0.1:8000/#date=2016-11-20&ll=36.2100,37.1800&z=13"

test: setup
	bash scripts/test.sh

lint: setup
	$(VENV)/bin/ruff check frontline tests benchmarks
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/bench_geo.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_extract.py --synthetic 50000

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
