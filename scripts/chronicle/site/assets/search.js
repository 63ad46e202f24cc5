// Chronicle search, on every page: only what loads the rest when a page needs it, so that a
// page's first paint does not wait for the search's scripts (Lighthouse, on a phone). The header
// box's script (search-box.js) comes on the reader's first use of the box: focus (a tap, a
// click, Tab), or a pointer on it; the search page loads its own (search-page.js); an article
// opened from a result loads Pagefind's highlighter.

const BUNDLE = new URL("../../pagefind/", import.meta.url);

function searchBox(form) {
  const input = form.querySelector("input[name=q]");
  if (!input) return;
  let loaded = null;
  const load = () => {
    loaded ??= import(new URL("search-box.js", import.meta.url).href)
      .then((box) => box.setupSearchBox(form))
      .catch((error) => console.error(error));
  };
  input.addEventListener("focus", load, { once: true });
  // A pointer on the box starts the download a moment before the click focuses it.
  form.addEventListener("pointerover", load, { once: true });
  if (document.activeElement === input || input.value) load();
}

async function highlight() {
  if (!new URLSearchParams(location.search).has("highlight")) return;
  if (!document.querySelector("[data-pagefind-body]")) return;
  await import(new URL("pagefind-highlight.js", BUNDLE).href);
  // eslint-disable-next-line no-undef
  new PagefindHighlight({ highlightParam: "highlight", markContext: "[data-pagefind-body]" });
}

for (const form of document.querySelectorAll("[data-chronicle-searchbox]")) searchBox(form);
highlight().catch((error) => console.error(error));
