"""Search over a year split into parts of months (`search_split_year`), in a real browser: a
small archive built with MkDocs, indexed by Pagefind, served on 127.0.0.1 and driven in Debian's
Chromium. What a split must not change for a reader: date orders across the parts, every part
searched, month filters and date ranges, and the preview of the newest part."""

from __future__ import annotations

import json

import pytest

from tests.browser import CHROMIUM, serve
from tests.test_search_browser import (
    facet_counts,
    hold_older_shards,
    open_search,
    open_without_preview,
    release,
    result_count,
    titles,
    wait_held,
    wait_preview,
    wait_status,
)
from tests.test_site_build import add, build

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
def base_url(tmp_path_factory):
    from tests.conftest import ROOT, copy_site_scaffold

    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (bash dev.sh test installs it)")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "listing_page_size: 50", "listing_page_size: 50\n      search_split_year: 3"
    )
    assert "search_split_year: 3" in config
    project = copy_site_scaffold(tmp_path_factory.mktemp("split") / "project", mkdocs_config=config)
    for i, (title, date, source) in enumerate(ARTICLES):
        text = f"{title}: a report on the ceasefire, number {i}. It was filed.\n"
        add(project, f"a{i}.txt", text, title=title, date=date, source=source)
    add(
        project, "undated.txt", "A clipping about the ceasefire. It is kept.\n", title=UNDATED_TITLE
    )
    site = build(project)
    shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text(encoding="utf-8"))
    plan = [(s["label"], s["years"], s.get("months"), s["articles"]) for s in shards]
    assert plan == PARTS, "search_split_year is not passed to search.write_bundle"
    with serve(site) as base:
        yield base


def test_a_query_finds_articles_in_every_part(page, base_url):
    assert open_search(page, base_url, "q=ceasefire") == len(ARTICLES) + 1
    assert sorted(titles(page)) == sorted([*NEWEST, UNDATED_TITLE])
    # The year's count adds up its parts.
    assert facet_counts(page, "year") == {"2025": 8, "2024": 2, "Undated": 1}
    assert facet_counts(page, "month")["2025-05"] == 1


def test_newest_and_oldest_orders_run_across_the_parts(page, base_url):
    open_search(page, base_url, "q=ceasefire&sort=newest")
    assert titles(page) == [*NEWEST, UNDATED_TITLE]
    page.select_option("#chronicle-sort", "oldest")
    wait_status(page, "includes('oldest')")
    # Known only as "2025": the first of 2025 oldest first, the last newest first.
    assert titles(page) == [*reversed(NEWEST), UNDATED_TITLE]
    # Without words too (a small archive lists by filters alone), within a filter.
    assert open_search(page, base_url, "source=Harbour+Times&sort=newest") == 5
    assert titles(page) == [t for t, _, s in ARTICLES if s == "Harbour Times"]


def test_month_filters_and_date_ranges_across_parts(page, base_url):
    assert open_search(page, base_url, "q=ceasefire&month=2025-08") == 1
    assert titles(page) == ["August envoy"]
    # Two months in two parts, sorted.
    assert open_search(page, base_url, "q=ceasefire&month=2025-02&month=2025-11&sort=newest") == 2
    assert titles(page) == ["November truce", "February letter"]
    page.check("fieldset[data-facet=month] input[value='2025-05']")
    wait_status(page, "startsWith('3 ')")
    assert titles(page) == ["November truce", "May round-up", "February letter"]
    # A range over the ends of two parts, oldest first.
    query = "q=ceasefire&from=2025-04-01&to=2025-09-30&sort=oldest"
    assert open_search(page, base_url, query) == 3
    assert titles(page) == ["April report", "May round-up", "August envoy"]
    # The whole year: the article known only by its year is in range.
    assert open_search(page, base_url, "q=ceasefire&from=2025&to=2025&sort=newest") == 8
    assert titles(page) == NEWEST[:8]


def test_the_newest_part_previews_while_the_others_merge(page, base_url):
    held = hold_older_shards(page)
    page.goto(f"{base_url}search/?q=ceasefire&sort=newest")
    status = wait_preview(page)
    assert status == "2 results so far in September–December 2025; searching older articles…"
    assert titles(page) == ["December talks", "November truce"]
    wait_held(page, held)
    release(page, held)
    assert result_count(page) == len(ARTICLES) + 1
    assert titles(page) == [*NEWEST, UNDATED_TITLE]


def test_a_month_in_an_older_part_of_the_newest_year_has_no_preview(page, base_url):
    # Nothing to say from September–December.
    open_without_preview(page, f"{base_url}search/?q=ceasefire&month=2025-02")
    assert result_count(page) == 1
    assert titles(page) == ["February letter"]
    # Nor for a range within the year's older parts.
    held = hold_older_shards(page)
    page.goto(f"{base_url}search/?q=ceasefire&from=2025-05-01&to=2025-08-31")
    wait_held(page, held)
    page.wait_for_timeout(200)
    assert page.evaluate("window.chronicleStatuses") == []
    release(page, held)
    assert result_count(page) == 2
    assert sorted(titles(page)) == ["August envoy", "May round-up"]
