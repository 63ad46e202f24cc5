// Chronicle search page: the facets, their values and counts.

import { LABELS, UNDATED, YEAR_UNCERTAIN, monthYear, t } from "./search-labels.js";
import { readState } from "./search-query.js";
import { el } from "./search-results.js";

const FACET_SHOWN = 10;

const languageNames = (() => {
  try { return new Intl.DisplayNames([LABELS.locale], { type: "language" }); } catch { return null; }
})();

function facetLabel(facet, value) {
  if (facet === "month") {
    const [y, m] = value.split("-");
    return +m >= 1 && +m <= 12 ? monthYear.format(Date.UTC(+y, +m - 1, 1)) : value;
  }
  if (facet === "year" && value === UNDATED) return t("undated");
  if (facet === "year" && value === YEAR_UNCERTAIN) return t("year_uncertain");
  if (facet === "language" && languageNames) {
    try { return languageNames.of(value) || value; } catch { return value; }
  }
  return value;
}

function facetOrder(facet, counts) {
  const values = Object.keys(counts);
  if (facet === "year" || facet === "month") return values.sort().reverse();
  return values.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
}

export function isOpen(fieldset) {
  return fieldset.previousElementSibling.getAttribute("aria-expanded") === "true";
}

export function setOpen(fieldset, open) {
  fieldset.previousElementSibling.setAttribute("aria-expanded", String(open));
  fieldset.hidden = !open;
}

export function withEmptyOpenFacets(page, counts) {
  // An open facet the index has no value for (no article names a person yet) is empty, not
  // waiting for counts: it is hidden.
  for (const fieldset of page.fieldsets) {
    if (isOpen(fieldset) && !(fieldset.dataset.facet in counts)) counts[fieldset.dataset.facet] = {};
  }
  return counts;
}

export function renderFacets(page, state, counts, counting = false) {
  // `counting`: the preview of a large archive, searched in its newest shard only. Counts come
  // with the full search; until then each facet lists its chosen values (to untick) and says so.
  const focused = document.activeElement;
  const focusedIn = page.fieldsets.find((f) => f.contains(focused));
  for (const fieldset of page.fieldsets) {
    const facet = fieldset.dataset.facet;
    const loaded = facet in counts;
    const values = counting ? {} : counts[facet] || {};
    const chosen = new Set(state.filters[facet] || []);
    for (const v of chosen) if (!(v in values)) values[v] = 0;
    const order = facetOrder(facet, values).filter((v) => values[v] > 0 || chosen.has(v));
    fieldset.parentElement.hidden = !counting && loaded && order.length === 0; // nothing to choose
    const expanded = page.expanded.has(facet);
    const list = fieldset.querySelector("ul");
    const items = order.map((value, i) => {
      const id = `chronicle-f-${facet}-${i}`;
      const li = el("li");
      if (!expanded && i >= FACET_SHOWN && !chosen.has(value)) li.hidden = true;
      const box = el("input", { type: "checkbox", id, name: facet, value });
      box.checked = chosen.has(value);
      const label = el("label", { for: id }, facetLabel(facet, value));
      if (!counting) label.append(" ", el("span", { class: "chronicle-count" }, String(values[value])));
      li.append(box, label);
      return li;
    });
    list.replaceChildren(...items);
    fieldset.querySelector(".chronicle-facet__counting")?.remove();
    if (counting) list.after(el("p", { class: "chronicle-facet__counting" }, t("counting")));
    fieldset.querySelector(".chronicle-facet__more")?.remove();
    if (!counting && order.length > FACET_SHOWN) {
      const more = el("button", { type: "button", class: "chronicle-facet__more", "aria-expanded": String(expanded) },
        expanded ? t("show_fewer") : t("show_all", { count: order.length }));
      more.addEventListener("click", () => {
        if (page.expanded.has(facet)) page.expanded.delete(facet); else page.expanded.add(facet);
        renderFacets(page, readState(page, new URLSearchParams(location.search)), page.lastCounts);
        fieldset.querySelector(".chronicle-facet__more")?.focus();
      });
      fieldset.append(more);
    }
  }
  // A checkbox (or "Show all") the reader was on is replaced by its new self: keep the focus
  // there, or on the facet's toggle when its value is gone.
  if (focusedIn && !focused.isConnected) {
    const again = focused.type === "checkbox"
      ? [...focusedIn.querySelectorAll("input")].find((box) => box.value === focused.value)
      : focusedIn.querySelector(".chronicle-facet__more");
    (again || focusedIn.previousElementSibling).focus();
  }
}
