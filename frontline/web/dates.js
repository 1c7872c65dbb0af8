// ISO dates (YYYY-MM-DD) as whole UTC days.

const DAY_MS = 86400000;

export function toDay(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso, days) {
  return fromDay(toDay(iso) + days);
}

export function isIsoDate(text) {
  return typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(toDay(text));
}
