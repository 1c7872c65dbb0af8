// Events per day as a small bar chart drawn in SVG; a click on a bar picks that day.

import { clear, svg } from "./dom.js";
import { toDay } from "./dates.js";

const HEIGHT = 76;
const AXIS = 12;

export function drawChart(node, items, range, view, onPick) {
  clear(node);
  const WIDTH = Math.max(200, node.clientWidth || 1000);
  node.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  if (!range) return;
  const first = toDay(range.start);
  const days = toDay(range.end) - first + 1;
  const step = WIDTH / days;
  const most = Math.max(1, ...items.map((item) => item.count));
  const scale = (HEIGHT - AXIS - 2) / most;
  const windowStart = toDay(view.since);
  const windowEnd = toDay(view.until);
  for (const item of items) {
    const day = toDay(item.date);
    if (day < first || day >= first + days) continue;
    const h = Math.max(1, item.count * scale);
    const inWindow = day >= windowStart && day <= windowEnd;
    const bar = svg("rect", {
      class: inWindow ? "bar in-window" : "bar",
      x: ((day - first) * step).toFixed(2), y: (HEIGHT - AXIS - h).toFixed(2),
      width: Math.max(1, step - 1).toFixed(2), height: h.toFixed(2), "data-date": item.date,
    }, svg("title", {}, `${item.date}: ${item.count} event(s)`));
    bar.addEventListener("click", () => onPick(item.date));
    node.append(bar);
  }
  const x = ((windowEnd - first + 0.5) * step).toFixed(2);
  node.append(
    svg("line", { class: "now", x1: x, x2: x, y1: 0, y2: HEIGHT - AXIS }),
    svg("text", { class: "axis", x: 2, y: HEIGHT - 2 }, range.start),
    svg("text", { class: "axis", x: WIDTH - 2, y: HEIGHT - 2, "text-anchor": "end" }, range.end),
    svg("text", { class: "axis", x: 2, y: 9 }, `${most} events/day`),
  );
}
