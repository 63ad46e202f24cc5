"""Search in every language and on every screen, in Chromium: a mixed archive (English, French,
Arabic, Japanese, Chinese) in two shards, searched for words from the middle of sentences;
words that only share a prefix with the query; the search page on a phone."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

# (name, language, date, title, text). Two shards (at most 3 articles a shard, a year stays
# whole): 2025 and 2024, so languages are merged from the newest shard and from an older one.
ARTICLES = [
    ("ja.txt", "ja", "2025-04-02", "美術館の芸術祭が閉幕",
     "東京の美術館で開かれた芸術祭は日曜日に閉幕した。主催者は来年の開催地を近く発表する予定だ。"),
    ("zh.txt", "zh", "2025-04-03", "贸易谈判取得进展",
     "在北京举行的贸易谈判周三取得进展。官员表示双方同意降低关税，并将继续会谈。"),
    ("ar.txt", "ar", "2025-04-04", "اجتماع الوزراء في بيروت",
     "اجتمع الوزراء في بيروت يوم الأربعاء. وناقش المسؤولون خطة جديدة لإعادة الإعمار في المدينة."),
    ("fr.txt", "fr", "2024-05-06", "Les négociateurs à Genève",
     "Les négociateurs se sont retrouvés à Genève jeudi. "
     "Les diplomates espèrent un accord avant l'hiver."),
    ("ja-old.txt", "ja", "2024-06-07", "港の再開発計画",
     "横浜の港で進む再開発計画について、市の担当者は住民説明会を開いた。"),
    ("en.txt", "en", "2025-04-05", "Hostages freed after ceasefire",
     "The hostages were freed on Sunday after the ceasefire took hold. Hamas confirmed it."),
]  # fmt: skip
# Pages that share only the start of a word with a query, or one letter of it.
DECOYS = [
    ("host.txt", "2024-08-01", "Festival host speaks", "The host of the festival spoke at length."),
    ("cease.txt", "2024-08-02", "Factory to cease work",
     "The factory will cease work at dawn, its owners said."),
    ("hoyer.txt", "2024-08-03", "Budget hearing", "Steny H. Hoyer spoke at 12 h 30 in the hall."),
]  # fmt: skip


@pytest.fixture(scope="module")
def world_url(site_scaffold, articles, build_site, serve_site) -> str:
    project = site_scaffold("world", plugin_options={"search_shard_size": 3})
    for name, language, date, title, text in ARTICLES:
        articles.add(project, name, text + "\n", title=title, date=date, language=language)
    for name, date, title, text in DECOYS:
        articles.add(project, name, text + "\n", title=title, date=date, language="en")
    site = build_site(project)
    shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text("utf-8"))
    assert len(shards) == 2
    assert shards[0]["languages"] == {"ar": 1, "en": 1, "ja": 1, "zh": 1}
    assert shards[1]["languages"] == {"en": 3, "fr": 1, "ja": 1}
    return serve_site(site)


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("主催者", "美術館の芸術祭が閉幕"),  # Japanese, mid-sentence, newest shard
        ("芸術祭", "美術館の芸術祭が閉幕"),
        ("担当者", "港の再開発計画"),  # Japanese in an older shard
        ("关税", "贸易谈判取得进展"),  # Chinese
        ("官员", "贸易谈判取得进展"),
        ("المسؤولون", "اجتماع الوزراء في بيروت"),  # Arabic with its article
        ("وزراء", "اجتماع الوزراء في بيروت"),  # ... and without it (الوزراء)
        pytest.param(
            "بيروت",
            "اجتماع الوزراء في بيروت",
            marks=pytest.mark.xfail(
                strict=True,
                reason="a known limit: Pagefind stems the index's Arabic words (بيروت loses its "
                "ب, taken for 'in') but the query only with the site's language's stemmer",
            ),
        ),
        ("diplomates", "Les négociateurs à Genève"),  # French, mid-sentence
        ("Genève", "Les négociateurs à Genève"),
    ],
)
def test_a_word_from_the_middle_of_a_sentence_is_found_in_every_language(
    search_page, world_url, word, title
):
    search_page.open(world_url, f"q={quote(word)}")
    # First: a Japanese or Chinese query is cut into words (主催|者), and a page with only some of
    # them (者) is found too, below.
    assert search_page.titles()[0] == title


def test_the_header_box_finds_words_in_other_languages_too(page, world_url):
    page.goto(f"{world_url}about/")
    page.fill("#chronicle-searchbox-q", "关税")
    page.wait_for_selector(".chronicle-searchbox__item")
    titles = page.locator(".chronicle-searchbox__item a").all_inner_texts()
    assert titles == ["贸易谈判取得进展"]


@pytest.mark.parametrize(
    ("query", "decoy"),
    [
        ("hostages", "Festival host speaks"),  # "host" is the start of "hostages"
        ("ceasefire", "Factory to cease work"),
        ("hamas", "Budget hearing"),  # "H." and "h" are its first letter
    ],
)
def test_a_word_does_not_find_pages_that_only_share_its_start(search_page, world_url, query, decoy):
    search_page.open(world_url, f"q={query}")
    titles = search_page.titles()
    assert "Hostages freed after ceasefire" in titles
    assert decoy not in titles


def test_the_counts_leave_out_a_page_that_only_shares_the_start(search_page, world_url):
    assert search_page.open(world_url, "q=hostages") == 1
    assert search_page.titles() == ["Hostages freed after ceasefire"]
    assert search_page.facet_counts("year") == {"2025": 1}  # not the decoy's 2024


def test_exact_words_rank_above_longer_words_that_start_with_them(search_page, world_url):
    search_page.open(world_url, "q=cease")
    titles = search_page.titles()
    assert titles[0] == "Factory to cease work"
    assert titles.index("Factory to cease work") < titles.index("Hostages freed after ceasefire")


def test_on_a_phone_the_filters_fold_and_the_first_result_is_in_view(open_page, world_url):
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{world_url}search/?q=diplomates")
    first = page.locator(".chronicle-result").first
    first.wait_for()
    box = first.bounding_box()
    assert box is not None and box["y"] + 40 < 844  # its title is on screen
    toggle = page.get_by_role("button", name="Filters (0)")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#chronicle-filters").is_visible()
    assert not page.locator("#chronicle-from").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#chronicle-filters").is_visible()
    page.locator("fieldset[data-facet=language] input[value=fr]").check()
    page.wait_for_function(
        "document.querySelector('[data-chronicle-filter-count]').textContent === '1'"
    )
    assert page.get_by_role("button", name="Filters (1)").is_visible()


def test_on_a_wide_screen_the_filters_are_always_shown(page, world_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{world_url}search/?q=diplomates")
    page.locator(".chronicle-result").first.wait_for()
    assert page.locator("#chronicle-filters").is_visible()
    assert page.locator("#chronicle-from").is_visible()
    assert not page.locator("[data-chronicle-filters]").is_visible()


def test_two_clean_builds_write_the_same_search_bundle(site_scaffold, articles, build_site):
    """Pagefind writes filters in a hash map's order, seeded afresh in every run: settled
    (search/settle.py), two builds of one archive give the same bundle byte for byte."""
    trees = []
    for run in range(2):
        project = site_scaffold(f"repeat{run}", plugin_options={"cache": "false"})
        for i, (name, language, date, title, text) in enumerate(ARTICLES):
            articles.add(
                project, name, text + "\n", title=title, date=date, language=language,
                topics=[f"Topic {i % 3}", f"Topic {i % 4}"], source=f"Source {i % 5}",
            )  # fmt: skip
        site = build_site(project)
        bundle = site / "pagefind"
        trees.append({p.relative_to(bundle).as_posix(): p.read_bytes() for p in _files(bundle)})
    assert sorted(trees[0]) == sorted(trees[1])
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]
