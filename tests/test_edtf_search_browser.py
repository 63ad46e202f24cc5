"""Search in a real browser (Chromium through Playwright) for articles whose date crosses a year
(`198X`, `[2024,2025]`): the year facet files them under "Uncertain year", not their earliest
year, and a date order puts them after every dated article and before the undated, whether the
archive is indexed in one shard or merged from several."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# (title, date): every text says "harbour", so one query finds them all.
ARTICLES = [
    ("Spring report", "2025-03-21"),
    ("May round-up", "2024-05"),
    ("Either year", "[2024,2025]"),
    ("Decade piece", "198X"),
    ("Undated clipping", None),
]
DATED = ["Spring report", "May round-up"]


@pytest.fixture(scope="module", params=[1, 0], ids=["shards", "one-index"])
def base_url(request, site_scaffold, articles, build_site, serve_site) -> str:
    """The archive indexed with a shard per year (`search_shard_size` 1: 2025, then 2024 with
    the uncertain and undated), or in one index (0)."""
    project = site_scaffold("edtf-search", plugin_options={"search_shard_size": request.param})
    for i, (title, date) in enumerate(ARTICLES):
        text = f"{title}: the harbour reopened after the storm, report {i}.\n"
        articles.add(project, f"a{i}.txt", text, title=title, date=date, source="Harbour Times")
    site = build_site(project)
    shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text("utf-8"))
    whole = ["2025", "2024", "Uncertain", "Undated"]  # one small decade: one shard by default
    expected = [whole[:1], whole[1:]] if request.param else [whole]
    assert [s["years"] for s in shards] == expected
    return serve_site(site)


def test_both_date_orders_put_uncertain_years_after_the_dated(page, search_page, base_url):
    assert search_page.open(base_url, "q=harbour&sort=newest") == 5
    assert search_page.titles() == [*DATED, "Either year", "Decade piece", "Undated clipping"]
    page.select_option("#chronicle-sort", "oldest")
    search_page.wait_status("includes('oldest')")
    oldest = [*reversed(DATED), "Decade piece", "Either year", "Undated clipping"]
    assert search_page.titles() == oldest


def test_the_year_facet_names_them_apart_and_a_date_range_claims_none(page, search_page, base_url):
    search_page.open(base_url, "q=harbour")
    search_page.wait_counts("year")
    assert search_page.facet_counts("year") == {"2025": 1, "2024": 1, "Uncertain": 2, "Undated": 1}
    label = page.locator("fieldset[data-facet=year] li:has(input[value='Uncertain'])")
    assert "Uncertain year" in label.inner_text()
    # The 1980s are not a year the decade piece is known to be from.
    assert search_page.open(base_url, "q=harbour&from=1980-01-01&to=1989-12-31") == 0
    assert search_page.open(base_url, "q=harbour&year=Uncertain") == 2
    assert sorted(search_page.titles()) == ["Decade piece", "Either year"]
