// Chronicle search: Pagefind loaded on first use, with every language's index and every shard
// merged into it, and the query as the indexes hold its words.

export const BUNDLE = new URL("../../pagefind/", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);

const OPTIONS = { baseUrl: SITE_ROOT.pathname, highlightParam: "highlight", excerptLength: 24 };

let loading = null;
let listing = null;
export let merging = null;
export let shardList = [];
let stemmer = ""; // the language whose stemmer Pagefind runs on every query (pagefind())
export function pagefind() {
  // The newest shard, loaded on first use (focus on a search box), not on every page view, with
  // every language's index in it (see mergeLanguages).
  loading ??= import(new URL("pagefind.js", BUNDLE).href).then(async (pf) => {
    await pf.options(OPTIONS);
    await pf.init();
    const [newest] = await shards();
    if (newest) {
      stemmer = loadedLanguage(newest.languages || {}) || PAGE_LANGUAGE;
      await mergeLanguages(pf, newest, true);
    }
    return pf;
  });
  return loading;
}

export function shards() {
  // The list of shards (chronicle-shards.json: path, label, years, articles, languages (code →
  // articles), and for a part of a large year its months, "YYYY-MM"; the newest first, with no
  // path: the bundle pagefind() loads), known before any older shard is merged.
  listing ??= fetch(new URL("chronicle-shards.json", BUNDLE)).then(async (response) => {
    shardList = response.ok ? await response.json() : [];
    return shardList;
  });
  return listing;
}

// Pagefind keeps one index per language in a bundle and searches only one, the page's (or, when
// the bundle has none in the page's language, its largest): Chinese, Japanese and Thai words are
// found only when the index and the query are both segmented as that language. So every other
// language's index is merged as an index of its own, in its language, and one query searches them
// all, each language's copy of the query segmented its own way.
const PAGE_LANGUAGE = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();

function loadedLanguage(languages) {
  // The index Pagefind's own loading picks for this page (its findIndex): the page's language,
  // its primary subtag, or the language with the most articles (the first of equals: the bundle
  // lists its languages sorted, search/bundle.py).
  if (PAGE_LANGUAGE in languages) return PAGE_LANGUAGE;
  const base = PAGE_LANGUAGE.split("-")[0];
  if (base in languages) return base;
  return Object.entries(languages).sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function mergeLanguages(pf, shard, primary) {
  // A shard of an older manifest (no languages listed) is one index, merged as it is.
  const languages = shard.languages || {};
  let wanted = Object.keys(languages);
  if (primary) {
    const loaded = loadedLanguage(languages);
    wanted = wanted.filter((language) => language !== loaded);
  } else if (!wanted.length) {
    wanted = [null];
  }
  // Pagefind merges no index at the primary's own address: the primary bundle's other languages
  // are merged through the same folder as "./" (the same files, fetched from the same URLs).
  const path = new URL(shard.path || "", BUNDLE).pathname + (primary ? "./" : "");
  await Promise.all(wanted.map((language) => pf.mergeIndex(path, language ? { ...OPTIONS, language } : OPTIONS)));
}

export function pagefindComplete() {
  // A large archive is indexed in shards of years, a large year in parts of months (search/shards.py):
  // the newest answers first, the older ones are merged after. Resolves to the number of shards merged.
  merging ??= Promise.all([pagefind(), shards()]).then(async ([pf, list]) => {
    const older = list.filter((shard) => shard.path);
    // All at once: each needs only its own small entry file and page list.
    await Promise.all(older.map((shard) => mergeLanguages(pf, shard, false)));
    return older.length;
  });
  return merging;
}

// Arabic words are indexed by their stem, without the article (القاهرة as قاهرة), but Pagefind
// runs one stemmer on the query for every merged index, the one of the index it loaded first
// (the page's language, see loadedLanguage). Unless that one is Arabic, the article, alone or
// after و, ف, ب, ك or as لل, is taken off the query's words too, so a word is found with and
// without it. (A word that starts with و itself, وسطاء, makes taking off a lone "and" unsafe:
// ويدرس is found as written only.)
const ARABIC_ARTICLE = /(^|[\s"'(])(?:[وف]?[بك]?ال|[وف]?لل)(?=\p{Script=Arabic}{3,})/gu;

export function indexed(query) {
  // The words as the index holds them; null (no words) lists by filters alone.
  if (!query) return null;
  return stemmer.split("-")[0] === "ar" ? query : query.replace(ARABIC_ARTICLE, "$1");
}
