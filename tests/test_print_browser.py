"""Printing an article as a handout, in headless Chromium with print media emulated: the site's
chrome is gone, the text, its date and source and one reference (APA) remain."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_an_article_prints_as_a_handout_with_its_reference(page, example_site, serve_site):
    (path,) = (example_site / "articles" / "2025" / "03" / "21").glob("*/index.html")
    url = path.parent.relative_to(example_site).as_posix() + "/"
    page.goto(serve_site(example_site) + url)
    cite = page.locator(".chronicle-print-cite")
    assert cite.is_hidden()  # on screen, the citation box offers every style
    assert page.locator(".chronicle-cite").is_visible()
    page.emulate_media(media="print")
    assert cite.is_visible()
    text = cite.inner_text()
    assert text.startswith("Cite as (APA): ") and "Seed devised title" in text
    assert "2025" in text  # the approximate date, as the APA reference gives it
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".chronicle-prevnext",
        ".chronicle-cite",
    ):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("article h1").is_visible()
    assert page.locator(".chronicle-meta").is_visible()  # date and source stay
