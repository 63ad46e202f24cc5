// Chronicle search page: the counts the build made of a search without words.

import { BUNDLE } from "./search-pagefind.js";

// The build writes the counts of a search without words (search/counts.py): every facet's for no
// filter (chronicle-counts.json, a few KB), and for each value the other facets' counts among its
// articles (counts/<facet>-<hash>.json, see valueFile). So the search page shows complete counts
// for no filter or one without merging any shard.

let buildCounts = null;
const valueCounts = new Map();

function asCounts(facets) {
  // [[value, count], ...] by facet → { facet: { value: count } }
  return Object.fromEntries(Object.entries(facets || {}).map(([f, pairs]) => [f, Object.fromEntries(pairs)]));
}

function valueFile(facet, value) {
  // The file of a value's counts: 32-bit FNV-1a of "facet\0value" in UTF-8, as counts.value_file.
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${facet}\0${value}`)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `counts/${facet}-${hash.toString(16).padStart(8, "0")}.json`;
}

async function fetchJson(name) {
  try {
    const response = await fetch(new URL(name, BUNDLE));
    return response.ok ? await response.json() : null;
  } catch {
    return null; // the counts are an addition: without them, Pagefind's (or none) are shown
  }
}

async function valueCountsOf(main, facet, value) {
  // One value's { articles, facets }, or null when its file is of another build.
  if (!(main.facets[facet] || []).some(([v]) => v === value)) return { articles: 0, facets: {} };
  const name = valueFile(facet, value);
  if (!valueCounts.has(name)) valueCounts.set(name, fetchJson(name));
  // Values whose hashes collide share a file.
  return (await valueCounts.get(name))?.values?.find((entry) => entry.value === value) || null;
}

export async function precomputed(page, state) {
  // { articles, counts } for a search without words or dates and with at most one facet chosen:
  // one value, or several of a facet no article has two values of (a source, a year), whose
  // counts add up. Every facet is counted; the chosen one's counts are those of no filter
  // (values within a facet are alternatives). null for any other search, or without the counts.
  const chosen = Object.entries(state.filters);
  if (state.q || state.from || state.to || chosen.length > 1) return null;
  buildCounts ??= fetchJson("chronicle-counts.json");
  const main = await buildCounts;
  if (!main) return null;
  const all = asCounts(main.facets);
  let known = { articles: main.articles, counts: all };
  if (chosen.length) {
    const [[facet, values]] = chosen;
    if (values.length > 1 && !(main.single || []).includes(facet)) return null;
    const parts = await Promise.all([...new Set(values)].map((value) => valueCountsOf(main, facet, value)));
    if (parts.includes(null)) return null;
    const counts = {};
    for (const part of parts) {
      for (const [other, pairs] of Object.entries(part.facets)) {
        const sums = (counts[other] ??= {});
        for (const [value, count] of pairs) sums[value] = (sums[value] || 0) + count;
      }
    }
    const articles = parts.reduce((sum, part) => sum + part.articles, 0);
    known = { articles, counts: { ...counts, [facet]: all[facet] || {} } };
  }
  for (const key of page.facetKeys) known.counts[key] ??= {}; // complete: no value is none
  return known;
}
