"""Wide tables in headless Chromium: Material puts each table in a box that scrolls sideways;
the box that does scroll can be reached with the keyboard and has a name (axe's
scrollable-region-focusable), and one that fits is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve
from tests.conftest import copy_site_scaffold, run_build

WIDE = "| " + " | ".join(f"column {i} with a long heading" for i in range(14)) + " |\n"
WIDE += "|" + "---|" * 14 + "\n" + "| " + " | ".join(["value"] * 14) + " |\n"
NARROW = "| a | b |\n|---|---|\n| 1 | 2 |\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_site_scaffold(tmp_path_factory.mktemp("tables") / "project")
    (project / "docs" / "about.md").write_text(
        f"# Tables\n\n{WIDE}\nAnd a small one:\n\n{NARROW}", encoding="utf-8"
    )
    result = run_build(project, "-q")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.browser
def test_a_table_that_scrolls_is_reachable_by_keyboard(site):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.goto(f"{base}about/")
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
        browser.close()
