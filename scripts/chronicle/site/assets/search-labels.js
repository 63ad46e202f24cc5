// Chronicle search: its words in the archive's language.

// Chronicle's words in the archive's language (site/labels.py), from the JSON the page carries
// (partials/labels.html): messages with {placeholders}, some by plural category, month names.
// The `year` values that are no year: articles without a date, and those whose date crosses a
// year ("1980s", "2024 or 2025"), which search.records files apart from every year.
export const UNDATED = "Undated";
export const YEAR_UNCERTAIN = "Uncertain";
export const isYear = (y) => y !== UNDATED && y !== YEAR_UNCERTAIN;
export const LABELS = (() => {
  try {
    return JSON.parse(document.getElementById("chronicle-labels").textContent);
  } catch {
    return { locale: "en", months: [], messages: {} }; // a page without it: keys show as they are
  }
})();
export const MONTHS = LABELS.months;
export const numbers = new Intl.NumberFormat(LABELS.locale);
const plurals = new Intl.PluralRules(LABELS.locale);
export const monthYear = new Intl.DateTimeFormat(LABELS.locale, { month: "long", year: "numeric", timeZone: "UTC" });

export function t(key, values = {}) {
  let message = LABELS.messages[key] ?? key;
  if (typeof message === "object") message = message[plurals.select(values.count)] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    return name === "count" ? numbers.format(values.count) : String(values[name]);
  });
}

export function plural(n, key) {
  return t(key, { count: n });
}
