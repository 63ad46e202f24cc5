// Chronicle search: results that only share the start of a word asked for are left out.

import { plural, t } from "./search-labels.js";
import { decodeEntities } from "./search-results.js";

// ---- a word, not only its start ---------------------------------------------------------------
// When a query word is in none of an index's words (Pagefind keeps one index per shard and per
// language), Pagefind answers with the longest index word that is the query word's start: pages
// with "host" for "hostages", "cease" for "ceasefire", "H." for "hamas". It cannot be switched
// off, so results are checked here, on the words Pagefind marked in each (its `locations` in its
// text, cut into words as Pagefind cuts them for the excerpt), and a result whose marked words
// are all such clipped starts is not listed. It is dropped, not ranked last: a page that only
// shares the first letters of the words asked for is no answer, and listed below the real ones
// it would still fill the page when the word is rare.
//
// The index holds stems and the query is stemmed too, so a real match may differ from the query
// word in its ending (hostage for hostages, negotiating for negotiations, city for cities). A
// marked word is a clipped start only when the query word begins with it and is longer by more
// than an ending (ENDING letters), or at least twice as long: "host" for "hostages", "cease" for
// "ceasefire", "h" for "hamas". A marked word longer than the query word (Pagefind's completion:
// "ceasefire" for "cease", which Pagefind ranks below the exact word), one that shares half the
// query word and goes on differently (another ending of a stem), or one the query word does not
// begin with at all (Arabic's article: الوزراء for وزراء) is a real match. Words in scripts
// written without spaces (Chinese, Japanese, Korean, Thai...) are cut into words by Pagefind, so
// a shorter word there is its segmentation, not a fallback: never judged.
// The limits, without the index's stemmer: a stem much shorter than its word (run for running)
// looks like a clipped start and is dropped; a short fallback that keeps most of the word (ham
// for hamas) looks like an ending and is kept.
const ENDING = 3;
// Up to this many results, every one is checked once the first are shown, so the counts are
// exact; past it, only as many as are shown (a check loads the result's text, a few kilobytes)
// and the count says "up to".
const CHECK_ALL = 100;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function bare(word) {
  return word.normalize("NFC").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function checkedWords(query) {
  // A "phrase in quotes" is matched word for word by Pagefind: nothing to tell apart.
  if (!query || query.includes('"')) return [];
  return query.split(/\s+/).map(bare).filter((word) => word && !UNSPACED.test(word));
}

function clippedStart(mark, word) {
  if (mark.length >= word.length || !word.startsWith(mark)) return false;
  return word.length - mark.length > ENDING || mark.length * 2 <= word.length;
}

function matches(mark, word) {
  if (mark.startsWith(word)) return true;
  if (word.startsWith(mark)) return !clippedStart(mark, word);
  let shared = 0;
  while (shared < mark.length && mark[shared] === word[shared]) shared++;
  return shared * 2 >= word.length;
}

function onlyWordStarts(data, words) {
  if (!words.length) return false;
  const text = data.raw_content ?? data.content ?? "";
  const tokens = text.includes("\u200B") ? text.split("\u200B") : text.split(/[\r\n\s]+/g);
  const marks = (data.locations || []).map((at) => bare(decodeEntities(tokens[at] || ""))).filter(Boolean);
  // Found by its title or another field alone, no word of its text marked: nothing to judge by.
  if (!marks.length) return false;
  return marks.every((mark) => !UNSPACED.test(mark) && words.some((word) => clippedStart(mark, word))
    && !words.some((word) => matches(mark, word)));
}

export function checked(search, query, wanted) {
  // The results of `search` that are real matches, checked in Pagefind's order until `wanted`
  // are kept (or all are checked). Resolves to the search's check: { kept: data of the results
  // kept, dropped: data of those dropped, done: results checked }. Calls on one search run one
  // after another, each going on where the last stopped ("Show more", then the counts).
  const check = (search.chronicle ??= {
    kept: [], dropped: [], done: 0, words: checkedWords(query), queue: Promise.resolve(),
  });
  check.queue = check.queue.then(async () => {
    while (check.done < search.results.length && check.kept.length < wanted) {
      const size = Math.min(wanted - check.kept.length, search.results.length - check.done);
      const batch = search.results.slice(check.done, check.done + size);
      const data = await Promise.all(batch.map((result) => result.data()));
      check.done += batch.length;
      for (const d of data) (onlyWordStarts(d, check.words) ? check.dropped : check.kept).push(d);
    }
    return check;
  });
  return check.queue;
}

export function checkedForCounts(search, query) {
  // Every result, when there are at most CHECK_ALL and words to check; else those checked so far.
  const all = checkedWords(query).length > 0 && search.results.length <= CHECK_ALL;
  return checked(search, query, all ? Infinity : 0);
}

export function counted(check, search) {
  // How many results there are to list, and whether that is exact: results not checked yet are
  // counted, so until all are, it is an upper bound.
  check ??= { dropped: [], done: 0 };
  return { total: search.results.length - check.dropped.length, exact: check.done === search.results.length };
}

export function resultsLabel({ total, exact }) {
  return exact ? plural(total, "results") : t("up_to", { results: plural(total, "results") });
}

export function withoutDropped(counts, dropped) {
  // Pagefind's counts per filter value, less the results that were dropped.
  for (const data of dropped) {
    for (const [facet, values] of Object.entries(data.filters || {})) {
      for (const value of values) if (counts?.[facet]?.[value]) counts[facet][value] -= 1;
    }
  }
  return counts;
}
