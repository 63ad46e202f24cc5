"""The quotes page's speaker filter in headless Chromium (Debian's; nothing is downloaded)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_select_shows_one_speaker(page, example_site, serve_site):
    base = serve_site(example_site)
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
