// Search for a copy of the site opened from the disk (`chronicle export --offline`), where
// Pagefind cannot run: browsers refuse its fetches and module scripts from file://. The index is
// a plain script (offline-index.js, loaded before this one) that sets window.CHRONICLE_OFFLINE:
// each article's address, title, date, source and text. Words and "phrases in quotes" are
// matched anywhere in the text (so a word inside a longer one, or in a script without spaces,
// is found), without case or accents; every term must match. A classic script, not a module,
// for the same file:// reason.
(function () {
  "use strict";
  // The site's root, from this script's own address (assets/chronicle/offline-search.js).
  const ROOT = new URL("../../", document.currentScript.src);
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  // The archive's words, from the JSON every page carries (partials/labels.html, site/labels.py).
  let labels = { locale: "en", messages: {} };
  try {
    labels = JSON.parse(document.getElementById("chronicle-labels").textContent);
  } catch { /* a page without it: the keys show as they are */ }
  const numbers = new Intl.NumberFormat(labels.locale);
  const plurals = new Intl.PluralRules(labels.locale);

  function t(key, count) {
    let message = labels.messages[key] ?? key;
    if (typeof message === "object") message = message[plurals.select(count)] ?? message.other;
    return message.replace("{count}", numbers.format(count));
  }

  function terms(query) {
    const out = [];
    const re = /"([^"]+)"|(\S+)/g;
    let m;
    while ((m = re.exec(query))) {
      const t = fold((m[1] || m[2]).trim());
      if (t) out.push(t);
    }
    return out;
  }

  function count(haystack, needle) {
    let n = 0;
    let at = haystack.indexOf(needle);
    while (at !== -1 && n < 50) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function snippet(text, words) {
    const lower = text.toLowerCase();
    let at = -1;
    let len = 0;
    for (const w of words) {
      const i = lower.indexOf(w);
      if (i !== -1 && (at === -1 || i < at)) { at = i; len = w.length; }
    }
    const frag = document.createDocumentFragment();
    if (at === -1) { frag.append(text.slice(0, 200) + (text.length > 200 ? "…" : "")); return frag; }
    const start = Math.max(0, at - 90);
    const end = Math.min(text.length, at + len + 110);
    const mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + len);
    frag.append((start ? "…" : "") + text.slice(start, at), mark,
      text.slice(at + len, end) + (end < text.length ? "…" : ""));
    return frag;
  }

  function run() {
    const data = window.CHRONICLE_OFFLINE;
    const form = document.getElementById("chronicle-search");
    const status = document.getElementById("chronicle-status");
    const list = document.getElementById("chronicle-results");
    if (!form || !status || !list || !data) return;
    // Filters, dates and sorting need Pagefind: this copy searches words and phrases only.
    for (const el of form.querySelectorAll(".chronicle-search__when, .chronicle-search__facets")) {
      el.hidden = true;
    }
    const box = document.getElementById("chronicle-q");
    const query = new URLSearchParams(location.search).get("q") || "";
    box.value = query;
    const words = terms(query);
    if (!words.length) { status.textContent = t("offline_type_words", 0); return; }
    const hits = [];
    for (const a of data.articles) {
      const title = fold(a.title);
      const body = a.folded || (a.folded = fold(a.text));
      let score = 0;
      for (const w of words) {
        const inTitle = count(title, w);
        const inBody = count(body, w);
        if (!inTitle && !inBody) { score = 0; break; }
        score += inTitle * 5 + inBody;
      }
      if (score) hits.push([score, a]);
    }
    hits.sort((x, y) => y[0] - x[0] || (y[1].date || "").localeCompare(x[1].date || ""));
    status.textContent = t("offline_found", hits.length);
    list.replaceChildren();
    for (const [, a] of hits.slice(0, 200)) {
      const li = document.createElement("li");
      li.className = "chronicle-result";
      const h = document.createElement("h2");
      const link = document.createElement("a");
      link.href = new URL(a.url, ROOT).href;
      link.textContent = a.title;
      if (a.language) link.lang = a.language;
      h.append(link);
      const meta = document.createElement("p");
      meta.className = "chronicle-result__meta";
      meta.textContent = [a.when, a.source].filter(Boolean).join(" · ");
      const text = document.createElement("p");
      text.className = "chronicle-result__excerpt";
      if (a.language) text.lang = a.language;
      text.append(snippet(a.text, words.map((w) => w.toLowerCase())));
      li.append(h, meta, text);
      list.append(li);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
