// The side panel: an event's evidence, or a control area's faction and its evidence events.
// Every value from the API is inserted as text (see dom.js), so article text cannot run.

import { clear, el, swatch } from "./dom.js";

const PRECISION = { 1: "day", 2: "week or range", 3: "month" };
const GEO_PRECISION = { 1: "the place itself", 2: "near or part of it", 3: "governorate only" };

function orDash(value) {
  return value === null || value === undefined || value === "" ? "–" : value;
}

function rows(pairs) {
  return el("dl", {}, pairs.filter(([, value]) => value !== undefined)
    .map(([label, value]) => [el("dt", {}, label), el("dd", {}, orDash(value))]));
}

function fatalities(f) {
  if (!f || f.best === null || f.best === undefined) return "none reported";
  if (f.low === f.high) return String(f.best);
  return `${f.best} (range ${orDash(f.low)}–${orDash(f.high)})`;
}

function memberItem(member) {
  const outlet = member.camp ? `${orDash(member.source)} (${member.camp})` : orDash(member.source);
  const meta = [
    outlet,
    member.published ? `published ${member.published}` : null,
    member.attributed_to ? `according to ${member.attributed_to}` : null,
    member.certainty,
    member.event_date ? `event ${member.event_date}` : null,
    member.fatalities !== null && member.fatalities !== undefined
      ? `killed ${member.fatalities}` : null,
    member.copy_of ? `copy of ${member.copy_of}` : null,
  ].filter(Boolean).join(" · ");
  return el("li", { dataset: { eventId: member.event_id, docId: member.doc_id } },
    el("blockquote", { class: "evidence" }, orDash(member.evidence)),
    el("div", { class: "meta" }, meta),
    el("div", { class: "meta" }, `document ${orDash(member.doc_id)}`,
      member.location_text ? ` · place as written: ${member.location_text}` : ""));
}

function contradictionItem(c) {
  const values = (c.values || []).map((v) => {
    const n = (v.claims || []).length;
    return `${orDash(v.value)} (${n} report${n === 1 ? "" : "s"})`;
  }).join(" vs ");
  return el("li", { class: "contradiction" }, `${c.field}: ${values}`,
    c.note ? el("div", { class: "meta" }, c.note) : null);
}

function membersOf(event) {
  if (event.members && event.members.length) return event.members;
  if (event.evidence === undefined) return [];
  return [{ event_id: event.id, doc_id: event.doc_id, source: (event.sources || [])[0],
    camp: (event.camps || [])[0], attributed_to: event.attributed_to,
    certainty: event.certainty, evidence: event.evidence }];
}

export function showEvent(body, event) {
  clear(body);
  const members = membersOf(event);
  const contradictions = event.contradictions || [];
  const actors = `${orDash(event.actor1)} → ${orDash(event.actor2)}`;
  const place = [event.location, event.admin1].filter(Boolean).join(", ");
  const territory = event.territory
    ? `${orDash(event.territory.from)} → ${orDash(event.territory.to)}` : undefined;
  body.append(
    el("h2", {}, `${orDash(event.sub_event_type)} — ${orDash(event.location)}`),
    rows([
      ["date", `${orDash(event.event_date)} (${PRECISION[event.time_precision] || "?"})`],
      ["type", event.event_type],
      ["actors", actors],
      ["place", `${orDash(place)} (${GEO_PRECISION[event.geo_precision] || "?"})`],
      ["killed", fatalities(event.fatalities)],
      ["control", territory],
      ["certainty", event.certainty],
      ["confidence", event.confidence === undefined ? undefined : Number(event.confidence).toFixed(2)],
      ["corroboration", `${orDash(event.independent_sources)} independent source(s), ` +
        `${orDash(event.claims)} report(s)`],
      ["outlets", (event.sources || []).join(", ")],
      ["camps", (event.camps || []).join(", ")],
    ]),
    el("h3", {}, `Evidence (${members.length})`),
    el("ol", { class: "members" }, members.map(memberItem)),
    el("h3", {}, `Contradictions (${contradictions.length})`),
    contradictions.length
      ? el("ul", {}, contradictions.map(contradictionItem))
      : el("p", { class: "muted" }, "The reports agree."),
  );
  body.dataset.eventId = event.id;
}

export function showControl(body, props, colour, openEvent) {
  clear(body);
  delete body.dataset.eventId;
  const evidence = props.evidence || [];
  body.append(
    el("h2", {}, orDash(props.place)),
    rows([
      ["held by", el("span", {}, swatch(colour), orDash(props.faction))],
      ["since", props.since || "before the data begin"],
      ["until", props.until || "still held"],
      ["confidence", props.confidence === undefined ? undefined
        : Number(props.confidence).toFixed(2)],
      ["within", props.within],
    ]),
    el("h3", {}, `Evidence events (${evidence.length})`),
    el("ul", {}, evidence.map((id) => el("li", {},
      el("button", { type: "button", class: "linkish", onclick: () => openEvent(id) }, id)))),
  );
}

export function showError(body, message) {
  clear(body);
  body.append(el("h2", {}, "Could not load"), el("p", {}, message));
}
