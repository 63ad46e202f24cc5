"""Listings are cut into pages from their oldest end (views.page_bounds): a new article joins
page 1, and every later page keeps its articles and its address, so a link to one stays right
and an incremental build rebuilds page 1 alone."""

from __future__ import annotations

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import build_archive
from chronicle.site.entity_pages import build_entity_site
from chronicle.site.labels import english
from chronicle.site.pages import all_pages
from chronicle.site.views import page_bounds


@pytest.mark.parametrize("size", [1, 2, 3, 50])
@pytest.mark.parametrize("newest_first", [True, False])
def test_pages_cover_every_entry_once_in_order(size, newest_first):
    for total in range(0, 160):
        bounds = page_bounds(total, size, newest_first=newest_first)
        assert [i for r in bounds for i in r] == list(range(total))
        assert all(len(r) > 0 for r in bounds) or total == 0
        if total < size:
            assert len(bounds) == 1
        elif newest_first:
            assert size <= len(bounds[0]) < 2 * size  # page 1: the newest, never a stub
            assert all(len(r) == size for r in bounds[1:])
        else:
            assert all(len(r) == size for r in bounds[:-1])


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_a_new_newest_article_changes_only_page_one(size):
    for total in range(size, 60):
        if (total + 1) // size != total // size:
            continue  # page 1 is full: a page is added and every page renumbered
        before = page_bounds(total, size)
        after = page_bounds(total + 1, size)  # the new article is entry 0, shifting the rest
        assert [[i + 1 for i in r] for r in before[1:]] == [list(r) for r in after[1:]]


def test_later_pages_hold_nothing_that_counts_the_whole_listing(articles):
    entries = [  # newest first, as the archive keeps them
        articles.entry(
            id=f"a{n}",
            title=f"Report {n}",
            date=ArticleDate(2025, 1, n),
            topics=["Talks"],
            people=["Ana Ruiz"],
            summary=f"Summary {n}.",
        )
        for n in range(9, 0, -1)
    ]
    specs = {
        s.src_uri: s
        for s in all_pages(
            build_archive(entries),
            archive_base="archive/",
            topics_base="topics/",
            sources_base="sources/",
            timeline_base="timeline/",
            page_size=2,
        )
    }
    first, later = specs["topics/talks/index.md"], specs["topics/talks/page/4/index.md"]
    assert first.total == 9 and "9 articles" in first.intro and len(first.entries) == 3
    assert later.total == 0 and later.children == []
    assert later.intro == english()("archive.later_intro")
    assert [e.article.id for e in later.entries] == ["a2", "a1"]  # the oldest two, for good
    assert later.title == "Topic: Talks (page 4 of 4)"
    site = build_entity_site(
        build_archive(entries), None, quotes_base="quotes/",
        bases={"person": "people/", "organisation": "organisations/", "place": "places/"},
        page_size=2,
    )  # fmt: skip
    person = site.pages["people/ana-ruiz/index.md"]
    later_person = site.pages["people/ana-ruiz/page/4/index.md"]
    assert person.total == 9 and person.first is not None and person.last is not None
    assert later_person.total == 0 and later_person.first is None and later_person.related == []
    assert [e.article.id for e in later_person.entries] == ["a2", "a1"]


def test_adding_the_newest_article_rewrites_page_one_only(
    site_scaffold, articles, build_site, mkdocs_build, page_html, text_of
):
    """A real incremental build (`mkdocs build --dirty`, what `chronicle build` runs): the month,
    topic and source listings of 8 articles, 2 to a page, gain a ninth, newest article."""
    project = site_scaffold("pagination", plugin_options={"listing_page_size": 2})
    meta = {"topics": ["Ceasefire talks"], "source": "Wire"}
    for day in range(1, 9):
        articles.add(project, f"d{day}.txt", f"Report {day}. Text.\n", title=f"Day {day}",
            date=f"2025-01-0{day}", **meta)  # fmt: skip
    build_site(project)
    site = project / "site"
    listings = ["archive/2025/01", "topics/ceasefire-talks", "sources/wire"]
    pages = [
        p
        for url in listings
        for p in [site / url / "index.html", *(site / url / "page").glob("*/index.html")]
    ]
    assert len(pages) == 3 * 4
    before = {p: (p.stat().st_mtime_ns, p.read_text(encoding="utf-8")) for p in pages}
    articles.add(project, "d9.txt", "Report 9. Text.\n", title="Day 9", date="2025-01-09", **meta)
    result = mkdocs_build(project, "--dirty")
    assert result.returncode == 0, result.stderr
    rewritten = sorted(
        p.parent.relative_to(site).as_posix() for p in pages if p.stat().st_mtime_ns != before[p][0]
    )
    assert rewritten == sorted(listings)
    for url in listings:
        assert "Day 9" in text_of(page_html(site, url))
        assert "Day 1" in text_of(page_html(site, f"{url}/page/4"))
    # What the incremental build skipped is what a clean build makes.
    clean = mkdocs_build(project, "--clean")
    assert clean.returncode == 0, clean.stderr
    skipped = [p for p in pages if p.parent.relative_to(site).as_posix() not in listings]
    assert len(skipped) == 9
    assert all(p.read_text(encoding="utf-8") == before[p][1] for p in skipped)
