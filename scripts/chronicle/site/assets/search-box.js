// Chronicle search: the header box (results as you type, Enter opens the search page). Loaded by
// search.js on the reader's first use of the box.

import { t } from "./search-labels.js";
import { indexed, pagefind, pagefindComplete } from "./search-pagefind.js";
import { resultItem } from "./search-results.js";
import { checked, checkedForCounts, counted, resultsLabel } from "./search-words.js";

const BOX_RESULTS = 6;

export function setupSearchBox(form) {
  const input = form.querySelector("input[name=q]");
  const panel = form.querySelector(".chronicle-searchbox__panel");
  const list = form.querySelector("[data-chronicle-results]");
  const count = form.querySelector("[data-chronicle-count]");
  const status = form.querySelector("[data-chronicle-status]");
  const all = form.querySelector("[data-chronicle-all]");
  let sequence = 0;
  let complete = false; // every shard merged
  let refreshing = false;

  const show = (open) => {
    panel.hidden = !open;
  };
  const links = () => [...panel.querySelectorAll("a")];

  input.addEventListener("focus", () => pagefind(), { once: true });
  input.addEventListener("input", async () => {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) { show(false); status.textContent = ""; return; }
    const pf = await pagefind();
    const partial = !complete;
    let search = await pf.debouncedSearch(indexed(query), {}, 60);
    if (search === null || mine !== sequence) return; // superseded by a later keystroke
    await render(query, search, mine, true);
    const merged = await pagefindComplete();
    complete = true;
    if (partial && merged && mine === sequence) {
      search = await pf.search(indexed(query)); // again, over every shard; the panel stays as it is
      await render(query, search, mine, false);
    }
  });
  async function render(query, search, mine, open) {
    const check = await checked(search, indexed(query), BOX_RESULTS);
    if (mine !== sequence) return;
    const data = check.kept.slice(0, BOX_RESULTS);
    // A refresh must not pull the focused result from under a keyboard user: keep its place.
    const focused = links().indexOf(document.activeElement);
    refreshing = true; // removing the focused link fires focusout: not the reader leaving
    list.replaceChildren(...data.map((d) => resultItem(d, "chronicle-searchbox__item", true, "p")));
    refreshing = false;
    if (focused >= 0) links()[Math.min(focused, links().length - 1)].focus();
    count.textContent = countMessage(query, counted(check, search));
    all.href = `${form.action}?${new URLSearchParams({ q: query })}`;
    if (open) show(true);
    // The first results are shown; the rest are checked for the count, announced once.
    const tally = counted(await checkedForCounts(search, indexed(query)), search);
    if (mine !== sequence) return;
    count.textContent = countMessage(query, tally);
    status.textContent = count.textContent;
    all.textContent = tally.total > BOX_RESULTS ? t("all_results", { results: resultsLabel(tally) })
      : t("open_search_page");
  }
  function countMessage(query, tally) {
    return tally.total ? resultsLabel(tally) : t("no_results", { query });
  }
  // Keyboard: ↓ from the box into the results, ↑/↓ between them, Escape back to the box.
  form.addEventListener("keydown", (event) => {
    const items = links();
    const at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      show(false);
      input.focus();
    } else if (event.key === "ArrowDown" && items.length > 1 && input.value.trim()) {
      event.preventDefault();
      show(true);
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : items[at - 1]).focus();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!refreshing && !form.contains(event.relatedTarget)) show(false);
  });
  // Reopened by a click or ↓ (not by focus, so Escape can hand focus back with the panel shut).
  input.addEventListener("click", () => { if (input.value.trim() && list.children.length) show(true); });
  // This script is loaded on the reader's first use of the box: it may be focused already, and
  // hold words typed while it loaded.
  if (document.activeElement === input) pagefind();
  if (input.value.trim()) input.dispatchEvent(new Event("input"));
}
