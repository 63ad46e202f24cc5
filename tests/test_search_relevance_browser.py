"""A query word finds pages with that word (or another ending of it), not pages that only share
its first letters: Pagefind answers a word its index lacks with the longest index word that
starts it (host for hostages), and search.js leaves those results out of the list and the counts.
One English archive in Chromium; more than a hundred results for the "up to" count."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (name, title, text): no page says "hostages", "hamas", "ceasefire" or "runners".
ARTICLES = [
    ("talks.txt", "Talks resume", "Officials were negotiating late into the night."),
    ("council.txt", "Council meets", "The city council met on Monday to vote."),
    ("host.txt", "Festival host speaks", "The host of the festival spoke at length."),
    ("cease.txt", "Factory to cease work", "The factory will cease work at dawn."),
    ("hoyer.txt", "Budget hearing", "Steny H. Hoyer spoke at 12 h 30 in the hall."),
    ("hostage.txt", "A hostage is home", "One hostage came home to her family on Friday."),
    # A consent banner and a menu that reached the stored text: not indexed.
    ("doha.txt", "Envoy in Doha", "Home | News | Contact\n\nThe envoy met officials in Doha."
     "\n\nWe use cookies to improve your experience on our website. By clicking Accept you "
     "agree to our use of cookies.\n\nShare on Facebook"),
]  # fmt: skip
# Pages enough that a search finds more than search.js checks before it shows any (CHECK_ALL).
MANY = 105


@pytest.fixture(scope="module")
def site_url(site_scaffold, articles, build_site, serve_site) -> str:
    project = site_scaffold("relevance")
    for name, title, text in ARTICLES:
        articles.add(project, name, text + "\n", title=title, date="2025-02-03", language="en")
    for i in range(MANY):
        text = f"Market report {i}: the harbour market opened early.\n"
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        articles.add(project, f"market{i}.txt", text, title=f"Market report {i}", date=date)
    return serve_site(build_site(project))


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("negotiations", "Talks resume"),  # negotiating: one stem, another ending
        ("cities", "Council meets"),  # city: citi, as Pagefind stems both
        ("hostages", "A hostage is home"),  # hostage: the plural's stem
        ("host", "Festival host speaks"),
        ("cease", "Factory to cease work"),
    ],
)
def test_another_ending_of_the_word_is_a_match(search_page, site_url, query, title):
    assert search_page.open(site_url, f"q={query}") >= 1
    assert search_page.titles()[0] == title


@pytest.mark.parametrize(
    ("query", "decoy"),
    [
        ("hostages", "Festival host speaks"),  # host: the start of hostages
        ("ceasefire", "Factory to cease work"),
        ("hamas", "Budget hearing"),  # H. and h: its first letter
    ],
)
def test_the_count_leaves_out_pages_that_only_share_the_start(search_page, site_url, query, decoy):
    count = search_page.open(site_url, f"q={query}")
    titles = search_page.titles()
    assert decoy not in titles
    assert count == len(titles)
    status = search_page.page.text_content("#chronicle-status") or ""
    assert status.startswith(f"{count} result")
    # Every value a facet counts is a listed result: the year of the decoy is not counted.
    assert sum(search_page.facet_counts("year").values()) == count


def test_a_word_with_only_clipped_starts_in_the_archive_finds_nothing(search_page, site_url):
    assert search_page.open(site_url, "q=ceasefire") == 0
    assert search_page.titles() == []


def test_the_header_box_leaves_them_out_too(page, site_url):
    page.goto(f"{site_url}about/")
    page.fill("#chronicle-searchbox-q", "hostages")
    page.wait_for_selector(".chronicle-searchbox__item")
    titles = page.locator(".chronicle-searchbox__item a").all_inner_texts()
    assert titles == ["A hostage is home"]
    page.wait_for_function(
        "document.querySelector('[data-chronicle-status]').textContent === '1 result'"
    )
    page.fill("#chronicle-searchbox-q", "hamas")
    page.wait_for_function(
        "document.querySelector('[data-chronicle-count]').textContent.startsWith('No results')"
    )
    assert page.locator(".chronicle-searchbox__item").count() == 0


def test_past_a_hundred_results_the_count_is_an_upper_bound_and_show_more_works(
    search_page, site_url
):
    page = search_page.page
    page.goto(f"{site_url}search/?q=market")
    # Only the shown results are checked: every page says "market", so nothing is left out,
    # but the count cannot know it yet.
    search_page.wait_status("startsWith('up to 105 results')")
    assert page.locator(".chronicle-result").count() == 20
    more = page.locator("#chronicle-more")
    assert more.text_content() == "Show 20 more of 85"
    more.click()
    page.wait_for_function("document.querySelectorAll('.chronicle-result').length === 40")
    assert len(set(search_page.titles())) == 40


@pytest.mark.parametrize("query", ["cookies", "contact", "facebook"])
def test_a_banner_or_a_menu_in_a_stored_text_finds_nothing(search_page, site_url, query):
    assert search_page.open(site_url, f"q={query}") == 0
    assert search_page.open(site_url, "q=Doha") == 1  # the article itself is indexed
