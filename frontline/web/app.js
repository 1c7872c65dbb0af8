// The map page: loads the configuration, the base layer and the data range, then follows the
// slider (a day at a time), the filters and clicks; the URL hash keeps the view.

import { getJSON, getOptional } from "./api.js";
import { addDays, fromDay, isIsoDate, toDay } from "./dates.js";
import { drawChart } from "./chart.js";
import { clear, el, slug, swatch } from "./dom.js";
import { ControlLayer, EventLayer, addBase, createMap } from "./layers.js";
import { showControl, showError, showEvent } from "./panel.js";

const WINDOW_DAYS = 7;
const EVENT_LIMIT = 1000;
const PLAY_MS = 900;
const FILTERS = ["type", "actor", "source", "camp", "min"];

const $ = (id) => document.getElementById(id);
const state = { date: null, filters: {}, center: null, zoom: null, event: null };
const page = { map: null, control: null, events: null, range: null, factions: {}, timer: null,
  stats: [], loads: 0, ticket: 0, firstViewMs: null };

// --- the URL hash: date, filters, centre and zoom, the open event ---------------------------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const ll = (params.get("ll") || "").split(",").map(Number);
  return {
    date: isIsoDate(params.get("date")) ? params.get("date") : null,
    filters: Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""])),
    center: ll.length === 2 && ll.every(Number.isFinite) ? ll : null,
    zoom: Number.isInteger(Number(params.get("z"))) && params.get("z") ? Number(params.get("z")) : null,
    event: params.get("ev") || null,
  };
}

function writeHash() {
  const params = new URLSearchParams();
  if (state.date) params.set("date", state.date);
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  const c = page.map.getCenter();
  params.set("ll", `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`);
  params.set("z", String(page.map.getZoom()));
  if (state.event) params.set("ev", state.event);
  history.replaceState(null, "", `#${params}`);
}

// --- loading ---------------------------------------------------------------------------------

function filterParams() {
  const f = state.filters;
  return { type: f.type, actor: f.actor, source: f.source, camp: f.camp,
    min_sources: f.min && Number(f.min) > 1 ? f.min : "" };
}

function eventWindow() {
  return { since: addDays(state.date, 1 - WINDOW_DAYS), until: state.date };
}

function setBusy(busy) {
  page.loads += busy ? 1 : -1;
  document.body.dataset.state = page.loads > 0 ? "loading" : "ready";
  if (page.loads > 0) return;
  document.body.dataset.date = state.date || "";
  if (page.firstViewMs === null) page.firstViewMs = performance.now();
}

async function loadDate() {
  const ticket = ++page.ticket;
  setBusy(true);
  try {
    const view = eventWindow();
    $("date-label").value = state.date;
    $("window-label").textContent = `events ${view.since} – ${view.until}`;
    const [control, events] = await Promise.all([
      getJSON("control", { date: state.date }),
      getJSON("events", { ...view, ...filterParams(), format: "geojson", limit: EVENT_LIMIT }),
    ]);
    if (ticket !== page.ticket) return; // a later date was asked for meanwhile
    page.factions = { ...page.factions, ...(control.factions || {}) };
    page.control.update(control, page.factions);
    drawLegend();
    const shown = page.events.update(events);
    fillActors(shown);
    const more = shown.length >= EVENT_LIMIT ? ` (the first ${EVENT_LIMIT})` : "";
    $("status").textContent = `${shown.length} events shown${more}; ` +
      `${control.features.length} places with known control`;
    drawChart($("chart"), page.stats, page.range, view, pickDate);
    writeHash();
  } catch (error) {
    $("status").textContent = String(error.message || error);
  } finally {
    setBusy(false);
  }
}

async function loadStats() {
  const body = await getOptional("stats/daily", filterParams(), { items: [] });
  page.stats = body.items || [];
}

async function openEvent(id) {
  state.event = id;
  writeHash();
  const panel = $("panel");
  panel.hidden = false;
  setBusy(true);
  try {
    showEvent($("panel-body"), await getJSON(`events/${encodeURIComponent(id)}`));
  } catch (error) {
    showError($("panel-body"), String(error.message || error));
  } finally {
    setBusy(false);
  }
}

function openControl(props, colour) {
  state.event = null;
  writeHash();
  $("panel").hidden = false;
  showControl($("panel-body"), props, colour, openEvent);
}

// --- controls --------------------------------------------------------------------------------

function pickDate(iso) {
  if (!page.range) return;
  const day = Math.min(Math.max(toDay(iso), toDay(page.range.start)), toDay(page.range.end));
  state.date = fromDay(day);
  $("slider").value = String(day - toDay(page.range.start));
  loadDate();
}

function togglePlay() {
  const button = $("play");
  if (page.timer) {
    clearInterval(page.timer);
    page.timer = null;
    button.textContent = "▶";
    button.setAttribute("aria-label", "Play");
    return;
  }
  if (state.date === page.range.end) pickDate(page.range.start);
  button.textContent = "⏸";
  button.setAttribute("aria-label", "Pause");
  page.timer = setInterval(() => {
    if (document.body.dataset.state === "loading") return;
    if (state.date >= page.range.end) togglePlay();
    else pickDate(addDays(state.date, 1));
  }, PLAY_MS);
}

function fillActors(features) {
  const names = new Set();
  for (const f of features) for (const a of [f.properties.actor1, f.properties.actor2]) {
    if (a) names.add(a);
  }
  clear($("actors")).append(...[...names].sort().map((name) => el("option", { value: name })));
}

async function fillSources() {
  const body = await getOptional("sources", {}, { items: [] });
  const form = $("filters").elements;
  const camps = new Set();
  for (const s of body.items || []) {
    form.source.append(el("option", { value: s.code }, s.name ? `${s.name} (${s.code})` : s.code));
    if (s.camp) camps.add(s.camp);
  }
  for (const camp of [...camps].sort()) form.camp.append(el("option", { value: camp }, camp));
  for (const key of ["source", "camp"]) form[key].value = state.filters[key];
}

function wireControls() {
  const form = $("filters").elements;
  for (const key of FILTERS) form[key].value = state.filters[key];
  $("filters").addEventListener("change", async () => {
    for (const key of FILTERS) state.filters[key] = form[key].value.trim();
    await loadStats();
    loadDate();
  });
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("slider").addEventListener("input", () => {
    pickDate(fromDay(toDay(page.range.start) + Number($("slider").value)));
  });
  $("play").addEventListener("click", togglePlay);
  $("panel-close").addEventListener("click", () => {
    $("panel").hidden = true;
    state.event = null;
    writeHash();
  });
  page.map.on("moveend", writeHash);
}

function drawLegend() {
  const legend = clear($("legend"));
  const shown = page.control ? page.control.factions : new Set();
  for (const [name, colour] of Object.entries(page.factions)) {
    if (shown.has(name)) legend.append(el("div", {}, swatch(colour), name));
  }
  for (const option of $("filters").elements.type.options) {
    if (!option.value) continue;
    legend.append(el("div", {}, el("span", { class: `ev key ev-${slug(option.value)}` }),
      option.value));
  }
}

// --- start -----------------------------------------------------------------------------------

function dataRange(items, fallback) {
  const dates = items.map((i) => i.date).filter(isIsoDate).sort();
  if (dates.length) return { start: dates[0], end: dates[dates.length - 1] };
  return fallback ? { start: addDays(fallback, -30), end: fallback } : null;
}

async function start() {
  setBusy(true);
  const hash = readHash();
  Object.assign(state, { filters: hash.filters, event: hash.event });
  // one round trip for everything the first view needs before it knows the date
  const [config, admin1, hoods, all] = await Promise.all([
    getJSON("config"),
    getOptional("boundaries", { level: "admin1" }, null),
    getOptional("boundaries", { level: "neighbourhoods", city: "Aleppo" }, null),
    getOptional("stats/daily", {}, { items: [] }),
  ]);
  const view = config.default_view || { center: [35, 38.5], zoom: 7 };
  page.factions = config.factions || {};
  page.map = createMap($("map"), { center: hash.center || view.center,
    zoom: hash.zoom ?? view.zoom }, config.tile_url);
  page.control = new ControlLayer(page.map, openControl);
  page.events = new EventLayer(page.map, openEvent);
  addBase(page.map, admin1, hoods, Boolean(config.tile_url));
  page.range = dataRange(all.items || [], view.date);
  drawLegend();
  if (FILTERS.some((key) => state.filters[key])) await loadStats();
  else page.stats = all.items || [];
  wireControls();
  fillSources();
  if (page.range) {
    $("slider").max = String(toDay(page.range.end) - toDay(page.range.start));
    $("slider").dataset.start = page.range.start;
    pickDate(hash.date || view.date || page.range.end);
  } else {
    $("status").textContent = "No dated events in the store yet.";
  }
  if (state.event) openEvent(state.event);
  setBusy(false);
}

window.frontline = {
  state,
  controlColour: (place) => (page.control ? page.control.colour(place) : null),
  eventCount: () => (page.events ? page.events.count : 0),
  firstViewMs: () => page.firstViewMs,
  setDate: pickDate,
  openEvent,
};

start().catch((error) => {
  document.body.dataset.state = "error";
  $("status").textContent = `The map could not start: ${error.message || error}`;
});
