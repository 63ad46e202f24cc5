// Chronicle search page: its state in the URL, and what it asks Pagefind (filters, date ranges,
// date order across shards).

import { MONTHS, UNDATED, YEAR_UNCERTAIN, isYear, plural, t } from "./search-labels.js";
import { indexed, shardList } from "./search-pagefind.js";
import { resultsLabel } from "./search-words.js";

export function readState(page, params) {
  const state = {
    q: params.get("q") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    sort: params.get("sort") || "",
    filters: {},
  };
  for (const key of page.facetKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) state.filters[key] = values;
  }
  return state;
}

export function stateParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort) params.set("sort", state.sort);
  return params;
}

export function describe(state, tally) {
  const parts = [resultsLabel(tally)];
  if (state.q) parts.push(t("for", { query: state.q }));
  const chosen = Object.values(state.filters).flat().length;
  if (chosen) parts.push(t("with", { filters: plural(chosen, "filters") }));
  if (state.from || state.to) parts.push(t("dated", { from: state.from || "…", to: state.to || "…" }));
  if (state.sort) parts.push(t(state.sort === "newest" ? "newest_first" : "oldest_first"));
  return parts.join(", ");
}

// ---- date ranges as filters -------------------------------------------------------------------
// Pagefind filters match values, not ranges. A range becomes the whole years, whole months and
// single days it covers ("any" of year/month/day values), so it stays exact to the day while the
// filter stays short. An article dated only to a month (or year) is in range when that whole
// month (or year) is.

function parseBound(text, end) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text || "");
  if (!m) return null;
  const year = +m[1];
  const month = m[2] ? +m[2] : (end ? 12 : 1);
  const day = m[3] ? +m[3] : (end ? daysIn(year, month) : 1);
  return { year, month, day };
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const key = (y, m, d) => y * 10000 + m * 100 + d;
const pad = (n) => String(n).padStart(2, "0");

export function dateRangeFilter(from, to, years, months = null) {
  // `months` ("YYYY-MM"): only those months of the years count (a part of a split year), to know
  // whether the range reaches into that part at all.
  if (!from && !to) return null;
  const known = [...new Set(years.map(Number).filter(Number.isFinite))];
  const start = parseBound(from, false) || { year: Math.min(...known), month: 1, day: 1 };
  const end = parseBound(to, true) || { year: Math.max(...known), month: 12, day: 31 };
  const lo = key(start.year, start.month, start.day);
  const hi = key(end.year, end.month, end.day);
  const units = [];
  for (const y of known.filter((y) => y >= start.year && y <= end.year)) {
    if (lo <= key(y, 1, 1) && key(y, 12, 31) <= hi) { units.push({ year: String(y) }); continue; }
    for (let m = 1; m <= 12; m++) {
      if (months?.length && !months.includes(`${y}-${pad(m)}`)) continue;
      const first = key(y, m, 1), last = key(y, m, daysIn(y, m));
      if (last < lo || first > hi) continue;
      if (lo <= first && last <= hi) { units.push({ month: `${y}-${pad(m)}` }); continue; }
      for (let d = 1; d <= daysIn(y, m); d++) {
        const k = key(y, m, d);
        if (k >= lo && k <= hi) units.push({ day: `${y}-${pad(m)}-${pad(d)}` });
      }
    }
  }
  return units.length ? units : [{ year: "no such year" }];
}

function ownRecords(shard) {
  // The filters that keep a shard's own dated articles out of every merged one: its years, or,
  // for a part of a split year, its months. The part holding January also holds the articles
  // known only by their year (search.plan_shards): its year, less the year's other months.
  const years = shard.years.filter(isYear);
  const months = shard.months || [];
  if (!months.length) return years.length ? [{ year: { any: years } }] : null;
  if (!months[0].endsWith("-01")) return [{ month: { any: months } }];
  const year = months[0].slice(0, 4);
  const others = MONTHS.map((_, i) => `${year}-${pad(i + 1)}`).filter((m) => !months.includes(m));
  return [{ year: { any: [year] } }, { month: { none: others } }];
}

export async function sortedAcrossShards(pf, state, options) {
  // Pagefind orders merged results by score, so a date order over several shards is built
  // from one sorted search per shard (a run of years, or some months of a large year), newest
  // first (reversed for oldest first), and undated last.
  const parts = shardList.map(ownRecords).filter(Boolean);
  if (state.sort === "oldest") parts.reverse();
  parts.push([{ year: { any: [YEAR_UNCERTAIN, UNDATED] } }]); // their sort keys put these last
  const results = [];
  for (const part of parts) {
    const filters = { ...options.filters, all: part };
    results.push(...(await pf.search(indexed(state.q), { ...options, filters })).results);
  }
  return results;
}

export function pagefindOptions(state, years) {
  const filters = {};
  for (const [k, values] of Object.entries(state.filters)) filters[k] = { any: values };
  const range = dateRangeFilter(state.from, state.to, years);
  if (range) filters.any = range;
  const options = { filters };
  // Undated articles carry sentinels ("0000-00-00" in `date`, "9999-99-99" in `date_oldest`), so
  // Pagefind keeps them in a sorted search, and they come last in both orders.
  if (state.sort === "newest") options.sort = { date: "desc" };
  if (state.sort === "oldest") options.sort = { date_oldest: "asc" };
  return options;
}
