"""Search over a year split into parts of months (`search_split_year`), in a real browser: a
small archive built with MkDocs, indexed by Pagefind, served on 127.0.0.1 and driven in Debian's
Chromium. What a split must not change for a reader: date orders across the parts, every part
searched, month filters and date ranges, and the preview of the newest part."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# (title, date, source), newest first as the search page must order them. With
# `search_split_year: 3`, 2025's 8 articles (8 <= 3 * 3) are split in thirds: September-December
# (2), May-August (2), January-April (3, and the one known only by its year); 2024 (2) stays
# whole and takes the undated article.
ARTICLES = [
    ("December talks", "2025-12-02", "Harbour Times"),
    ("November truce", "2025-11-15", "Coastal Courier"),
    ("August envoy", "2025-08-20", "Harbour Times"),
    ("May round-up", "2025-05", "Coastal Courier"),
    ("April report", "2025-04-10", "Harbour Times"),
    ("February letter", "2025-02-14", "Coastal Courier"),
    ("January brief", "2025-01-03", "Harbour Times"),
    ("A year in review", "2025", "Coastal Courier"),
    ("October notes", "2024-10-01", "Harbour Times"),
    ("March memo", "2024-03-03", "Coastal Courier"),
]
NEWEST = [title for title, _, _ in ARTICLES]
UNDATED_TITLE = "An undated clipping"
PARTS = [
    ("2025-m09-m12", ["2025"], ["2025-09", "2025-10", "2025-11", "2025-12"], 2),
    ("2025-m05-m08", ["2025"], ["2025-05", "2025-06", "2025-07", "2025-08"], 2),
    ("2025-m01-m04", ["2025"], ["2025-01", "2025-02", "2025-03", "2025-04"], 4),
    ("2024", ["2024", "Undated"], None, 3),
]


@pytest.fixture(scope="module")
def base_url(site_scaffold, articles, build_site, serve_site):
    project = site_scaffold("split", plugin_options={"search_split_year": 3})
    for i, (title, date, source) in enumerate(ARTICLES):
        text = f"{title}: a report on the ceasefire, number {i}. It was filed.\n"
        articles.add(project, f"a{i}.txt", text, title=title, date=date, source=source)
    text = "A clipping about the ceasefire. It is kept.\n"
    articles.add(project, "undated.txt", text, title=UNDATED_TITLE)
    site = build_site(project)
    shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text(encoding="utf-8"))
    plan = [(s["label"], s["years"], s.get("months"), s["articles"]) for s in shards]
    assert plan == PARTS, "search_split_year is not passed to search.write_bundle"
    return serve_site(site)


def test_a_query_finds_articles_in_every_part(search_page, base_url):
    assert search_page.open(base_url, "q=ceasefire") == len(ARTICLES) + 1
    assert sorted(search_page.titles()) == sorted([*NEWEST, UNDATED_TITLE])
    # The year's count adds up its parts.
    assert search_page.facet_counts("year") == {"2025": 8, "2024": 2, "Undated": 1}
    assert search_page.facet_counts("month")["2025-05"] == 1


def test_newest_and_oldest_orders_run_across_the_parts(page, search_page, base_url):
    search_page.open(base_url, "q=ceasefire&sort=newest")
    assert search_page.titles() == [*NEWEST, UNDATED_TITLE]
    page.select_option("#chronicle-sort", "oldest")
    search_page.wait_status("includes('oldest')")
    # Known only as "2025": the first of 2025 oldest first, the last newest first.
    assert search_page.titles() == [*reversed(NEWEST), UNDATED_TITLE]
    # Without words too (a small archive lists by filters alone), within a filter.
    assert search_page.open(base_url, "source=Harbour+Times&sort=newest") == 5
    assert search_page.titles() == [t for t, _, s in ARTICLES if s == "Harbour Times"]


def test_month_filters_and_date_ranges_across_parts(page, search_page, base_url):
    assert search_page.open(base_url, "q=ceasefire&month=2025-08") == 1
    assert search_page.titles() == ["August envoy"]
    # Two months in two parts, sorted.
    two_months = "q=ceasefire&month=2025-02&month=2025-11&sort=newest"
    assert search_page.open(base_url, two_months) == 2
    assert search_page.titles() == ["November truce", "February letter"]
    page.check("fieldset[data-facet=month] input[value='2025-05']")
    search_page.wait_status("startsWith('3 ')")
    assert search_page.titles() == ["November truce", "May round-up", "February letter"]
    # A range over the ends of two parts, oldest first.
    query = "q=ceasefire&from=2025-04-01&to=2025-09-30&sort=oldest"
    assert search_page.open(base_url, query) == 3
    assert search_page.titles() == ["April report", "May round-up", "August envoy"]
    # The whole year: the article known only by its year is in range.
    assert search_page.open(base_url, "q=ceasefire&from=2025&to=2025&sort=newest") == 8
    assert search_page.titles() == NEWEST[:8]


def test_the_newest_part_previews_while_the_others_merge(page, search_page, base_url):
    with search_page.older_shards_held() as asked:
        page.goto(f"{base_url}search/?q=ceasefire&sort=newest")
        status = search_page.wait_preview()
        assert status == "2 results so far in September–December 2025; searching older articles…"
        assert search_page.titles() == ["December talks", "November truce"]
        asked()
    assert search_page.result_count() == len(ARTICLES) + 1
    assert search_page.titles() == [*NEWEST, UNDATED_TITLE]


def test_a_month_in_an_older_part_of_the_newest_year_has_no_preview(search_page, base_url):
    # Nothing to say from September–December.
    url = f"{base_url}search/?q=ceasefire&month=2025-02"
    assert search_page.open_without_preview(url) == 1
    assert search_page.titles() == ["February letter"]
    # Nor for a range within the year's older parts.
    url = f"{base_url}search/?q=ceasefire&from=2025-05-01&to=2025-08-31"
    assert search_page.open_without_preview(url) == 2
    assert sorted(search_page.titles()) == ["August envoy", "May round-up"]
