"""Search in a real browser: a small archive built with MkDocs, served on 127.0.0.1, driven in
Debian's Chromium through Playwright (no browser download)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

SEED_TITLE = "Seed devised title"
# (name, text, title, date, source): two years, two sources, one known only by month, one undated;
# every text says "ceasefire" so one query finds them all.
ARTICLES = [
    ("older.txt", "An older report on the first ceasefire truce. It held.", "Truce holds",
     "2025-01-19", "Harbour Times"),
    ("newer.txt", "A newer report on the ceasefire talks in Cairo. They stalled.",
     "Talks stall in Cairo", "2025-03-25", "Harbour Times"),
    ("month.txt", "A monthly round-up of the ceasefire talks. Many met.", "Round-up",
     "2024-11", "Coastal Courier"),
    ("winter.txt", "The envoy came to discuss a ceasefire. Nothing was agreed.",
     "Winter envoy visit", "2024-02-10", "Coastal Courier"),
]  # fmt: skip
UNDATED_TITLE = "A clipping nobody dated about the ceasefire"


@pytest.fixture(scope="module")
def search_site(site_scaffold, articles, build_site, seed_text):
    """`search_site(browse_limit)`: the test archive, indexed in shards of at most 2 articles:
    2025 (3, a year stays whole) and 2024 + undated, so the tests exercise merging and date
    order across shards, as in a large archive. `browse_limit`: the plugin's
    search_browse_limit (None: its default)."""

    def built(browse_limit: int | None) -> Path:
        options: dict[str, object] = {"search_shard_size": 2}
        if browse_limit is not None:
            options["search_browse_limit"] = browse_limit
        project = site_scaffold("search", plugin_options=options)
        articles.add(
            project,
            "seed.txt",
            seed_text,
            title=SEED_TITLE,
            date="2025-03-21~",
            source="unknown",
            topics=["Gaza ceasefire"],
        )
        for name, text, title, date, source in ARTICLES:
            articles.add(project, name, text + "\n", title=title, date=date, source=source)
        articles.add(project, "undated.txt", UNDATED_TITLE + ". It is still kept.\n")
        site = build_site(project)
        shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text("utf-8"))
        assert [s["years"] for s in shards] == [["2025"], ["2024", "Undated"]]
        return site

    return built


@pytest.fixture(scope="module")
def base_url(search_site, serve_site):
    # A browse limit of 3 makes the search page behave as on a large archive: words needed,
    # source and year facets open, the others on demand.
    return serve_site(search_site(3))


@pytest.fixture(scope="module")
def small_url(search_site, serve_site):
    # The same archive under the default browse limit: filters list articles without words.
    return serve_site(search_site(None))


def test_header_box_finds_a_phrase_from_the_seed_and_enter_opens_the_search_page(
    page, search_page, base_url
):
    page.goto(f"{base_url}about/")
    box = page.locator("#chronicle-searchbox-q")
    box.fill('"Khaled Meshaal"')
    page.wait_for_selector(".chronicle-searchbox__item")
    assert page.locator(".chronicle-searchbox__item__title").all_inner_texts() == [SEED_TITLE]
    assert page.locator(".chronicle-searchbox__item mark").count() >= 1  # highlighted excerpt
    assert "1 result" in (page.text_content("[data-chronicle-status]") or "")
    assert page.is_visible("#chronicle-searchbox-panel")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert search_page.result_count() == 1
    assert search_page.titles() == [SEED_TITLE]
    assert page.input_value("#chronicle-q") == '"Khaled Meshaal"'


def test_phrase_is_exact(search_page, base_url):
    assert search_page.open(base_url, "q=%22Meshaal+Khaled%22") == 0


def test_source_filter_changes_the_count_and_the_url(page, search_page, base_url):
    total = search_page.open(base_url, "q=ceasefire")
    assert total == 6
    facet = page.locator("fieldset[data-facet=source]")
    assert "Harbour Times 2" in facet.inner_text()
    page.get_by_label(re.compile("^Harbour Times")).check()
    search_page.wait_status("startsWith('2 ')")
    assert sorted(search_page.titles()) == ["Talks stall in Cairo", "Truce holds"]
    assert parse_qs(urlsplit(page.url).query)["source"] == ["Harbour Times"]


def test_newest_and_oldest_orders_keep_undated_last(page, search_page, base_url):
    search_page.open(base_url, "q=ceasefire&sort=newest")
    newest = search_page.titles()
    assert newest[:5] == [
        "Talks stall in Cairo",
        SEED_TITLE,
        "Truce holds",
        "Round-up",
        "Winter envoy visit",
    ]
    assert newest[5].startswith("A clipping nobody dated")
    page.select_option("#chronicle-sort", "oldest")
    search_page.wait_status("includes('oldest')")
    assert search_page.titles() == [*reversed(newest[:5]), newest[5]]
    assert parse_qs(urlsplit(page.url).query)["sort"] == ["oldest"]


def test_date_range_excludes_articles_outside_it(page, search_page, base_url):
    count = search_page.open(base_url, "q=ceasefire&from=2024-11-01&to=2025-03-22")
    assert sorted(search_page.titles()) == sorted(["Round-up", "Truce holds", SEED_TITLE])
    assert count == 3
    # Typed into the form: the range and the URL follow.
    page.fill("#chronicle-from", "2025-03-22")
    page.fill("#chronicle-to", "2025-12-31")
    page.dispatch_event("#chronicle-to", "change")
    search_page.wait_status("includes('2025-03-22 to 2025-12-31')")
    assert search_page.titles() == ["Talks stall in Cairo"]
    assert parse_qs(urlsplit(page.url).query)["from"] == ["2025-03-22"]


def test_the_url_reproduces_the_state(page, search_page, base_url):
    query = "q=ceasefire&source=Coastal+Courier&from=2024-01-01&to=2024-12-31&sort=oldest"
    assert search_page.open(base_url, query) == 2
    assert search_page.titles() == ["Winter envoy visit", "Round-up"]
    assert page.input_value("#chronicle-q") == "ceasefire"
    assert page.input_value("#chronicle-from") == "2024-01-01"
    assert page.input_value("#chronicle-sort") == "oldest"
    assert page.is_checked("fieldset[data-facet=source] input[value='Coastal Courier']")
    # Back in history after a change restores the previous state.
    page.uncheck("fieldset[data-facet=source] input[value='Coastal Courier']")
    page.wait_for_function("!location.search.includes('source=')")
    page.go_back()
    page.wait_for_function("location.search.includes('source=')")
    search_page.wait_status("startsWith('2 ')")


def test_opening_a_result_highlights_the_words(page, search_page, base_url):
    search_page.open(base_url, "q=Meshaal")
    page.click(".chronicle-result__title a")
    page.wait_for_url(re.compile(r"highlight=meshaal", re.I))
    page.wait_for_selector("mark.pagefind-highlight")
    assert "Meshaal" in page.locator("mark.pagefind-highlight").first.inner_text()


def test_keyboard_only(page, base_url):
    page.goto(f"{base_url}about/")
    page.focus("#chronicle-searchbox-q")
    page.keyboard.type("Cairo")
    page.wait_for_selector(".chronicle-searchbox__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Talks stall in Cairo"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "chronicle-searchbox-q"
    assert page.is_hidden("#chronicle-searchbox-panel")


def test_large_archive_needs_words_and_opens_facets_on_demand(page, search_page, base_url):
    page.goto(f"{base_url}search/?source=Harbour+Times")
    page.wait_for_function(
        "document.getElementById('chronicle-status').textContent.startsWith('Type words')"
    )
    assert page.locator(".chronicle-result").count() == 0
    assert page.is_checked("fieldset[data-facet=source] input[value='Harbour Times']")
    page.fill("#chronicle-q", "ceasefire")
    page.press("#chronicle-q", "Enter")
    search_page.wait_status("startsWith('2 ')")
    toggle = "button[aria-controls=chronicle-facet-language]"
    assert page.is_hidden("#chronicle-facet-language")  # closed: its counts are not fetched
    assert page.get_attribute(toggle, "aria-expanded") == "false"
    page.click(toggle)
    page.wait_for_selector("#chronicle-facet-language li")
    assert page.get_attribute(toggle, "aria-expanded") == "true"
    assert page.inner_text("#chronicle-facet-language li") == "English 2"


def test_without_words_a_chosen_source_keeps_the_others_and_its_true_count(
    page, search_page, small_url
):
    # Disjunctive facets: a facet counts what the other filters leave, not its own choice.
    assert search_page.open(small_url, "source=Harbour+Times") == 2
    assert sorted(search_page.titles()) == ["Talks stall in Cairo", "Truce holds"]
    sources = {"Harbour Times": 2, "Coastal Courier": 2, "Unknown source": 2}
    assert search_page.facet_counts("source") == sources
    # Another facet: what narrowing leaves.
    assert search_page.facet_counts("year") == {"2025": 2}
    # A second value of the same facet widens the results; the source counts stay true.
    page.check("fieldset[data-facet=source] input[value='Coastal Courier']")
    search_page.wait_status("startsWith('4 ')")
    assert len(search_page.titles()) == 4
    chosen = parse_qs(urlsplit(page.url).query)["source"]
    assert sorted(chosen) == ["Coastal Courier", "Harbour Times"]
    assert search_page.facet_counts("source") == sources
    assert search_page.facet_counts("year") == {"2025": 2, "2024": 2}


def test_a_chosen_facet_counts_within_the_words_and_the_date_range(page, search_page, base_url):
    # Sources with no result in 2025 are not offered, though they match the words.
    words_and_source = "q=ceasefire&source=Harbour+Times"
    in_2025 = f"{words_and_source}&from=2025-01-01&to=2025-12-31"
    assert search_page.open(base_url, in_2025) == 2
    assert search_page.facet_counts("source") == {"Harbour Times": 2, "Unknown source": 1}
    # A chosen value with no result in the range stays, with its true count.
    in_2024 = f"{words_and_source}&from=2024-01-01&to=2024-12-31"
    assert search_page.open(base_url, in_2024) == 0
    assert search_page.facet_counts("source") == {"Harbour Times": 0, "Coastal Courier": 2}
    # Ticking a value offered gives the results counted.
    page.check("fieldset[data-facet=source] input[value='Coastal Courier']")
    search_page.wait_status("startsWith('2 ')")
    assert sorted(search_page.titles()) == ["Round-up", "Winter envoy visit"]


def test_large_archive_previews_the_newest_year_while_the_older_ones_merge(
    page, search_page, base_url
):
    search_page.record_statuses()
    query = "q=ceasefire&source=Harbour+Times&source=Coastal+Courier&from=2024-02-01&sort=newest"
    with search_page.older_shards_held() as asked:
        page.goto(f"{base_url}search/?{query}")
        # The preview: the newest shard's results, within the filters, the range and the order.
        status = search_page.wait_preview()
        assert status == "2 results so far in 2025; searching older years…"
        # No seed: its source is unknown.
        assert search_page.titles() == ["Talks stall in Cairo", "Truce holds"]
        asked()  # the merge has begun, and is held: not done
        assert page.is_checked("fieldset[data-facet=source] input[value='Coastal Courier']")
        assert page.is_visible("fieldset[data-facet=source] .chronicle-facet__counting")
        assert page.locator(".chronicle-count").count() == 0  # no count before every year
        page.focus(".chronicle-result__title a >> nth=1")  # a reader on the second result

    search_page.wait_status("startsWith('4 results')")
    final = search_page.titles()
    assert final == ["Talks stall in Cairo", "Truce holds", "Round-up", "Winter envoy visit"]
    counts = {facet: search_page.facet_counts(facet) for facet in ("source", "year")}
    assert counts == {
        "source": {"Harbour Times": 2, "Coastal Courier": 2, "Unknown source": 1},
        "year": {"2025": 2, "2024": 2},
    }
    assert page.locator(".chronicle-facet__counting").count() == 0
    # The reader's place is kept: still on the second result.
    assert page.evaluate("document.activeElement.textContent") == "Truce holds"
    # Polite: one announcement for the preview, one for the final results.
    statuses = search_page.statuses()
    assert statuses == [
        status,
        "4 results, for ceasefire, with 2 filters, dated 2024-02-01 to …, newest first",
    ]

    # The same search once every shard is merged (no preview): the same results and counts.
    seen = len(statuses)
    page.uncheck("fieldset[data-facet=source] input[value='Coastal Courier']")
    search_page.wait_status("startsWith('2 results')")
    page.go_back()
    search_page.wait_status("startsWith('4 results')")
    assert search_page.titles() == final
    assert {facet: search_page.facet_counts(facet) for facet in ("source", "year")} == counts
    assert not [s for s in search_page.statuses()[seen:] if "so far" in s]


def test_a_newer_search_during_the_preview_replaces_it_once_merged(page, search_page, base_url):
    with search_page.older_shards_held() as asked:
        page.goto(f"{base_url}search/?q=ceasefire")
        assert search_page.wait_preview() == "3 results so far in 2025; searching older years…"
        page.fill("#chronicle-q", "envoy")
        page.press("#chronicle-q", "Enter")
        page.wait_for_function("location.search === '?q=envoy'")
        asked()
        # The merge has begun: the new words wait for every shard, with no preview of their own.
    search_page.wait_status("startsWith('2 results, for envoy')")
    assert sorted(search_page.titles()) == [SEED_TITLE, "Winter envoy visit"]  # 2025 and 2024
    assert page.evaluate("document.activeElement.id") == "chronicle-q"


def test_a_range_older_than_the_newest_year_has_no_preview(search_page, base_url):
    # Nothing to say from 2025.
    url = f"{base_url}search/?q=ceasefire&from=2024-01-01&to=2024-12-31"
    assert search_page.open_without_preview(url) == 2
    assert sorted(search_page.titles()) == ["Round-up", "Winter envoy visit"]


def test_counts_without_words_are_complete_without_the_older_shards(page, search_page, base_url):
    # The build's counts (search/counts.py): no older shard is fetched, and none is merged.
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{base_url}search/")
    search_page.wait_counts("year")
    everything = {"2025": 3, "2024": 2, "Undated": 1}
    assert search_page.facet_counts("year") == everything
    assert search_page.facet_counts("language") == {"en": 6}  # closed, counted all the same
    # One filter: every other facet counted among its articles, its own as without it.
    page.check("fieldset[data-facet=source] input[value='Harbour Times']")
    page.wait_for_function("location.search === '?source=Harbour+Times'")
    search_page.wait_counts("year", "2024")
    assert search_page.facet_counts("year") == {"2025": 2}
    assert search_page.facet_counts("source") == {
        "Harbour Times": 2,
        "Coastal Courier": 2,
        "Unknown source": 2,
    }
    assert search_page.facet_counts("topic") == {}
    status = page.text_content("#chronicle-status") or ""
    assert "2 articles are too many" in status
    # Opening a closed facet needs nothing more.
    page.click("button[aria-controls=chronicle-facet-language]")
    assert search_page.facet_counts("language") == {"en": 2}
    # Two sources: no article has two, so their counts add up.
    page.check("fieldset[data-facet=source] input[value='Coastal Courier']")
    search_page.wait_status("includes('4 articles are too many')")
    assert search_page.facet_counts("year") == {"2025": 2, "2024": 2}
    # A year: the sources among its articles.
    page.goto(f"{base_url}search/?year=2024")
    search_page.wait_counts("source", "Harbour Times")
    assert search_page.facet_counts("source") == {"Coastal Courier": 2}
    assert search_page.facet_counts("year") == everything
    pagefind = [url for url in fetched if "/pagefind/" in url]
    assert any(url.endswith("/chronicle-counts.json") for url in pagefind)
    assert [url for url in pagefind if "/pagefind/shards/" in url] == []
    # Nor the newest shard's index: no words, no Pagefind.
    assert [url for url in pagefind if ".pf_" in url] == []
