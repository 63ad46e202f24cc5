"""What keeps a page light on a phone, checked on the built example site: no script or print
style holds up the first paint, and the search page keeps its layout while its script starts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def test_no_script_or_print_style_blocks_the_first_paint(example_site, page_html):
    for url in ("", "archive/2025", "topics/people/israel-katz", "quotes", "search"):
        html = page_html(example_site, url)
        classic = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert classic, url
        for tag in classic:  # every external script is deferred or a module (deferred too)
            assert " defer" in tag or 'type="module"' in tag, (url, tag)
        assert re.search(r'<link rel="stylesheet" href="[^"]*print\.css" media="print">', html)
        assert not re.search(r'<link rel="stylesheet" href="[^"]*print\.css">', html)


def test_material_s_bundle_is_started_after_the_page_has_loaded(example_site, page_html):
    for url in ("", "archive/2025", "search"):
        html = page_html(example_site, url)
        assert not re.search(r"<script[^>]*bundle\.[0-9a-f]+\.min\.js", html), url
        loader = r'bundle\.src = "[^"]*bundle\.[0-9a-f]+\.min\.js".*addEventListener\("load"'
        assert re.search(loader, html), url
    # The search page holds it until its first answer is shown; the others do not.
    assert "data-chronicle-theme-hold" in page_html(example_site, "search")
    assert "data-chronicle-theme-hold>" not in page_html(example_site, "archive/2025")


def test_the_search_page_starts_with_its_filters_folded(example_site, page_html):
    # Folded before search.js runs, as it folds them on a phone: nothing moves when it starts.
    form = re.search(r'<form id="chronicle-search"[^>]*>', page_html(example_site, "search"))
    assert form and 'data-filters="closed"' in form.group(0)


def test_one_chronicle_stylesheet_holds_up_the_first_paint(example_site, page_html):
    # Chronicle's own, the story pages' and the search box's styles come as one request.
    html = page_html(example_site, "archive/2025")
    links = re.findall(r'<link rel="stylesheet" href="([^"]*assets/chronicle/[^"]*)">', html)
    assert links == ["../../assets/chronicle/chronicle.css"]
    css = (example_site / "assets" / "chronicle" / "chronicle.css").read_text(encoding="utf-8")
    assert ".chronicle-calendar__month" in css and ".chronicle-search__layout" in css
    assert not (example_site / "assets" / "chronicle" / "story.css").exists()


def test_chronicle_s_scripts_and_styles_are_written_minified(example_site):
    # The package keeps the readable sources; a site gets them without comments and indentation.
    package = Path(__file__).parent.parent / "scripts" / "chronicle" / "site" / "assets"
    built = example_site / "assets" / "chronicle"
    for name in ("search-page.js", "search-query.js", "search.js", "tables.js", "print.css"):
        source = (package / name).read_text(encoding="utf-8")
        text = (built / name).read_text(encoding="utf-8")
        assert len(text) < 0.8 * len(source), name
        assert "\n  " not in text and "/*" not in text, name
    js = (built / "search-page.js").read_text(encoding="utf-8")
    assert "export " in js or "import" in js  # still a module
    css = (built / "chronicle.css").read_text(encoding="utf-8")
    assert "/*" not in css and ".chronicle-search__layout{" in css


@pytest.mark.browser
def test_on_a_phone_the_search_results_do_not_move_when_the_script_starts(
    example_site, serve_site, open_page
):
    # The page as drawn before search.js runs (no JavaScript) and after it folded the filters
    # and showed "Filters (n)": the results area starts at the same height.
    url = f"{serve_site(example_site)}search/?q=ceasefire"
    tops = []
    for script in (False, True):
        page = open_page(viewport={"width": 390, "height": 844}, java_script_enabled=script)
        page.goto(url)
        if script:
            page.wait_for_selector(".chronicle-result")
        tops.append(page.locator(".chronicle-search__layout").bounding_box()["y"])
    assert tops[0] == tops[1]


@pytest.mark.browser
def test_a_page_loads_the_search_box_script_only_when_the_box_is_used(
    example_site, serve_site, open_page
):
    # Not on every page view: the header box's script and Pagefind come with the box's first
    # use, and words typed into it as it loads are searched.
    page = open_page(viewport={"width": 390, "height": 844})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{serve_site(example_site)}archive/2025/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/chronicle/search.js") for url in fetched)
    assert not [url for url in fetched if "/search-" in url or "/pagefind/" in url]
    page.focus("#chronicle-searchbox-q")
    page.keyboard.type("ceasefire")
    page.wait_for_selector(".chronicle-searchbox__item")
    assert any(url.endswith("/assets/chronicle/search-box.js") for url in fetched)
    assert not [url for url in fetched if url.endswith("/search-page.js")]
    assert page.evaluate("document.activeElement.id") == "chronicle-searchbox-q"
    # The count announced to a screen reader, as before.
    page.wait_for_function("document.querySelector('[data-chronicle-status]').textContent !== ''")


@pytest.mark.browser
def test_material_s_features_work_once_its_bundle_has_started(example_site, serve_site, open_page):
    # Started after the page's load event: the palette switch still switches.
    page = open_page()
    page.goto(f"{serve_site(example_site)}archive/2025/")
    page.wait_for_function("typeof document$ !== 'undefined'")
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("[data-md-component=palette] label:not([hidden])").first.click()
    page.wait_for_function(
        "(before) => document.body.getAttribute('data-md-color-scheme') !== before", arg=scheme
    )


@pytest.mark.browser
def test_the_search_page_starts_material_s_bundle_after_its_first_results(
    example_site, serve_site, open_page
):
    # Its largest paint is the first result: the bundle is asked for only once that is shown,
    # and then Material's features start.
    page = open_page(viewport={"width": 390, "height": 844})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{serve_site(example_site)}search/?q=ceasefire")
    page.wait_for_function("typeof document$ !== 'undefined'")
    bundle = next(
        i for i, url in enumerate(fetched) if re.search(r"/bundle\.[0-9a-f]+\.min\.js$", url)
    )
    fragments = [i for i, url in enumerate(fetched) if "/pagefind/fragment/" in url]
    assert fragments and fragments[0] < bundle
    assert page.locator("#chronicle-results li").count() >= 1
    assert page.get_attribute(".chronicle-search", "data-chronicle-theme-hold") is None
