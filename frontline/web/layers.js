// The map and its layers (Leaflet, loaded from static/vendor/ as the global L).
// Base: governorate boundaries and Aleppo's neighbourhoods (no tile server needed); then the
// control areas coloured by faction; then the events, one symbol per type, clustered.

import { slug } from "./dom.js";

const UNKNOWN = "#9e9e9e";

export function createMap(node, view, tileUrl) {
  const map = L.map(node, { center: view.center, zoom: view.zoom, maxZoom: 17, minZoom: 3 });
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 17, attribution: "basemap: configured tile server" })
      .addTo(map);
  }
  map.createPane("base").style.zIndex = 250;
  map.createPane("control").style.zIndex = 410;
  return map;
}

export function addBase(map, admin1, neighbourhoods, hasTiles) {
  if (admin1 && admin1.features) {
    L.geoJSON(admin1, {
      pane: "base", interactive: false,
      style: { color: "#8a8a80", weight: 1, fillColor: "#f7f5ee", fillOpacity: hasTiles ? 0 : 1 },
    }).addTo(map);
  }
  if (neighbourhoods && neighbourhoods.features) {
    L.geoJSON(neighbourhoods, {
      pane: "base", interactive: false,
      style: { color: "#b5b2a6", weight: 0.6, fill: false },
    }).addTo(map);
  }
}

// Control areas for one date: polygons where the place has one, small circles elsewhere.
export class ControlLayer {
  constructor(map, onPick) {
    this.map = map;
    this.onPick = onPick;
    this.layer = null;
    this.colours = new Map();
    this.factions = new Set();
  }

  update(collection, factions) {
    if (this.layer) this.layer.remove();
    this.colours.clear();
    this.factions.clear();
    const colourOf = (faction) => (factions && factions[faction]) || UNKNOWN;
    this.layer = L.geoJSON(collection, {
      pane: "control",
      style: (f) => ({ color: "#333", weight: 1, fillColor: colourOf(f.properties.faction),
        fillOpacity: 0.55 }),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { pane: "control", radius: 7 }),
      onEachFeature: (f, layer) => {
        layer.on("click", () => this.onPick(f.properties, colourOf(f.properties.faction)));
      },
    }).addTo(this.map);
    this.layer.eachLayer((layer) => this.#tag(layer, colourOf));
  }

  #tag(layer, colourOf) {
    const props = layer.feature.properties;
    const colour = colourOf(props.faction);
    this.colours.set(props.place, colour);
    if (props.faction) this.factions.add(props.faction);
    const node = layer.getElement && layer.getElement();
    if (!node) return;
    node.dataset.place = props.place;
    node.dataset.faction = props.faction || "";
    node.dataset.fill = colour;
    node.setAttribute("aria-label", `${props.place}: ${props.faction || "unknown"}`);
  }

  colour(place) {
    return this.colours.has(place) ? this.colours.get(place) : null;
  }
}

function diameter(fatalities) {
  const best = fatalities && fatalities.best ? fatalities.best : 0;
  return Math.round(Math.min(44, 16 + 4 * Math.sqrt(best)));
}

function eventMarker(feature, onPick) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const size = diameter(p.fatalities);
  const label = `${p.event_date || "undated"} ${p.sub_event_type} — ${p.location || "?"}`;
  const marker = L.marker([lat, lon], {
    title: label, alt: label, riseOnHover: true,
    icon: L.divIcon({ className: `ev ev-${slug(p.event_type)}`, html: "", iconSize: [size, size] }),
  });
  marker.on("add", () => {
    const node = marker.getElement();
    node.dataset.eventId = p.id;
    node.dataset.location = p.location || "";
    node.dataset.type = p.event_type;
  });
  marker.on("click", () => onPick(p.id));
  return marker;
}

export class EventLayer {
  constructor(map, onPick) {
    this.onPick = onPick;
    this.group = L.markerClusterGroup({ maxClusterRadius: 36, spiderfyOnMaxZoom: true,
      showCoverageOnHover: false, chunkedLoading: true });
    map.addLayer(this.group);
    this.count = 0;
  }

  update(collection) {
    this.group.clearLayers();
    const features = (collection.features || []).filter((f) => f.geometry);
    this.group.addLayers(features.map((f) => eventMarker(f, this.onPick)));
    this.count = features.length;
    return features;
  }
}
