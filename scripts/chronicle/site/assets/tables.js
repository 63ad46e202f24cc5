// Material wraps every table in a box that scrolls sideways when the table is wider than the
// page (`.md-typeset__scrollwrap`, made at run time by its own script). A box that scrolls must
// be reachable from the keyboard, or its hidden columns are out of reach without a mouse
// (WCAG 2.1.1; axe's "scrollable-region-focusable"). Material 9 does not do it: this does, for
// the boxes that actually scroll, with a name for screen readers.

// The box's name in the archive's language (site/labels.py, partials/labels.html), English
// on a page without it.
function label() {
  try {
    return JSON.parse(document.getElementById("chronicle-labels").textContent).messages.table_scrolls;
  } catch {
    return "Table (scrolls sideways)";
  }
}

function markScrollableTables() {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", label());
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

let pending = 0;
function soon() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(markScrollableTables);
}

function afterMaterial() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(soon); // after Material has wrapped the page's tables
    return true;
  }
  return false;
}

// Chronicle starts Material's bundle after the page has loaded (site/theme_bundle.py) and says
// so with `chronicle:theme`.
if (!afterMaterial()) {
  document.addEventListener("chronicle:theme", afterMaterial, { once: true });
  soon();
}
addEventListener("resize", soon);
