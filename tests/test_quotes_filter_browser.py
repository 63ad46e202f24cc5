"""The quotes page's speaker filter in headless Chromium (Debian's; nothing is downloaded)."""

from __future__ import annotations

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve
from tests.test_entity_site import site  # noqa: F401 - the built example site fixture


@pytest.mark.browser
def test_select_shows_one_speaker(site):  # noqa: F811
    require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{base}quotes/")
        assert page.is_visible("#chronicle-speaker")  # shown once the script runs
        sections = page.locator("section[data-speaker]")
        assert sections.count() == 6 and all(
            sections.nth(i).is_visible() for i in range(sections.count())
        )
        page.select_option("#chronicle-speaker", "speaker-tamim-khallaf")
        visible = [
            sections.nth(i).get_attribute("data-speaker")
            for i in range(sections.count())
            if sections.nth(i).is_visible()
        ]
        assert visible == ["speaker-tamim-khallaf"]
        assert page.url.endswith("#speaker-tamim-khallaf")
        page.select_option("#chronicle-speaker", "")
        assert all(sections.nth(i).is_visible() for i in range(sections.count()))
        # A link to one speaker opens the page filtered.
        page.goto(f"{base}quotes/#speaker-hamas")
        assert page.locator("section[data-speaker=speaker-israel-katz]").is_hidden()
        assert not errors, errors
        browser.close()
