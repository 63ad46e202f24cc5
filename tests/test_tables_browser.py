"""Wide tables in headless Chromium: Material puts each table in a box that scrolls sideways;
the box that does scroll can be reached with the keyboard and has a name (axe's
scrollable-region-focusable), and one that fits is left alone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDE = "| " + " | ".join(f"column {i} with a long heading" for i in range(14)) + " |\n"
WIDE += "|" + "---|" * 14 + "\n" + "| " + " | ".join(["value"] * 14) + " |\n"
NARROW = "| a | b |\n|---|---|\n| 1 | 2 |\n"


@pytest.fixture(scope="module")
def base_url(site_scaffold, build_site, serve_site) -> str:
    project = site_scaffold("tables")
    (project / "docs" / "about.md").write_text(
        f"# Tables\n\n{WIDE}\nAnd a small one:\n\n{NARROW}", encoding="utf-8"
    )
    return serve_site(build_site(project))


def test_a_table_that_scrolls_is_reachable_by_keyboard(open_page, base_url):
    page = open_page(viewport={"width": 1000, "height": 800})
    page.goto(f"{base_url}about/")
    boxes = page.locator(".md-typeset__scrollwrap")
    page.wait_for_function("document.querySelector('.md-typeset__scrollwrap[role=region]')")
    assert boxes.count() == 2
    wide, narrow = boxes.nth(0), boxes.nth(1)
    assert wide.get_attribute("tabindex") == "0" and wide.get_attribute("role") == "region"
    assert wide.get_attribute("aria-label")
    assert narrow.get_attribute("tabindex") is None and narrow.get_attribute("role") is None
    wide.focus()
    page.keyboard.press("ArrowRight")  # a focused box scrolls with the arrow keys
    page.wait_for_function(
        "document.querySelector('.md-typeset__scrollwrap[role=region]').scrollLeft > 0"
    )
