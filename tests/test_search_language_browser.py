"""The site's language in the newest shard's index, in Chromium: Pagefind stems every query with
the stemmer of the index it loads first from the newest shard, so that shard always has an
index in the site's language (search/bundle.py, `language_placeholder`), even when every one of
its articles is in another language."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# (name, language, date, title, text). Two shards (at most 2 articles a shard): 2025, French and
# Japanese only, and 2024, English, on a site in English.
ARTICLES = [
    ("fr.txt", "fr", "2025-03-01", "Les villes se préparent",
     "Les villes du nord se préparent à l'hiver. Les maires ont parlé mardi."),
    ("ja.txt", "ja", "2025-03-02", "港の再開発計画",
     "横浜の港で進む再開発計画について、市の担当者は住民説明会を開いた。"),
    ("en.txt", "en", "2024-05-06", "Quiet streets after the storm",
     "The cities were quiet after the storm. Every shop stayed closed until noon."),
]  # fmt: skip
ENGLISH = "Quiet streets after the storm"


@pytest.fixture(scope="module")
def site_url(site_scaffold, articles, build_site, serve_site) -> str:
    project = site_scaffold("language", plugin_options={"search_shard_size": 2})
    for name, language, date, title, text in ARTICLES:
        articles.add(project, name, text + "\n", title=title, date=date, language=language)
    site = build_site(project)
    bundle = site / "pagefind"
    shards = json.loads((bundle / "chronicle-shards.json").read_text("utf-8"))
    # The newest shard lists the site's language with no article: an index of its own.
    assert [s["languages"] for s in shards] == [{"en": 0, "fr": 1, "ja": 1}, {"en": 1}]
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["en", "fr", "ja"]
    return serve_site(site)


@pytest.mark.parametrize("word", ["city", "closing"])
def test_an_english_word_is_stemmed_the_english_way(search_page, site_url, word):
    # "city" is "citi" to the English stemmer, as "cities" is, and "closing" is "close"; the
    # French one leaves both be (without the placeholder neither was found).
    assert search_page.open(site_url, f"q={word}") == 1
    assert search_page.titles() == [ENGLISH]


def test_other_languages_are_found_as_before(search_page, site_url):
    assert search_page.open(site_url, "q=villes") == 1
    assert search_page.open(site_url, "q=担当者") == 1


def test_the_placeholder_is_never_a_result(search_page, site_url):
    # Without words a small archive lists every article by an order or a filter: three.
    assert search_page.open(site_url, "sort=newest") == 3
    assert ENGLISH in search_page.titles()
    assert search_page.open(site_url, "language=en") == 1
    assert search_page.facet_counts("language") == {"en": 1, "fr": 1, "ja": 1}
