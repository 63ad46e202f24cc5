"""One `View` type for every generated page, cut into pages by one paginator (views.paginate):
a topic's listing and a person's page of the same articles are paginated alike, and the home
page's figures are a view too."""

from __future__ import annotations

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import Archive, build_archive
from chronicle.site.entity_pages import build_entity_site
from chronicle.site.pages import all_pages, home_view
from chronicle.site.views import ENTITY, HOME, LISTING, QUOTES, View, paginate

BASES = {"person": "people/", "organisation": "organisations/", "place": "places/"}


@pytest.fixture(scope="module")
def archive(articles) -> Archive:
    """a7 (7 January 2025) down to a1 (the 1st), then a8, undated: one topic, one person."""
    shared = {"topics": ["Talks"], "people": ["Ana Ruiz"]}
    dated = [
        articles.entry(id=f"a{n}", date=ArticleDate(2025, 1, n), **shared) for n in range(7, 0, -1)
    ]
    return build_archive([*dated, articles.entry(id="a8", **shared)])


def _views(archive: Archive, page_size: int) -> dict[str, View]:
    listings = all_pages(
        archive,
        archive_base="archive/",
        topics_base="topics/",
        sources_base="sources/",
        timeline_base="timeline/",
        page_size=page_size,
    )
    entities = build_entity_site(
        archive, None, bases=BASES, quotes_base="quotes/", page_size=page_size
    )
    return {**{v.src_uri: v for v in listings}, **entities.pages}


def test_every_generated_page_is_a_view_with_its_template(archive):
    views = _views(archive, 3)
    assert all(isinstance(v, View) for v in views.values())
    templates = {v.kind: v.template for v in views.values()}
    assert templates["topic"] == templates["month"] == templates["timeline"] == LISTING
    assert templates["person"] == templates["entity-index"] == ENTITY
    assert templates["quotes"] == QUOTES


def test_listings_and_entity_pages_share_one_paginator(archive):
    views = _views(archive, 3)
    topic = [v for v in views.values() if v.url.startswith("topics/talks/") and v.kind == "topic"]
    person = [
        v for v in views.values() if v.url.startswith("people/ana-ruiz/") and v.kind == "person"
    ]
    assert [v.url for v in topic] == ["topics/talks/", "topics/talks/page/2/"]
    assert [v.url for v in person] == ["people/ana-ruiz/", "people/ana-ruiz/page/2/"]
    for first, later in (topic, person):
        assert [e.article.id for e in first.entries] == [e.article.id for e in topic[0].entries]
        assert [e.article.id for e in later.entries] == ["a2", "a1", "a8"]
        assert first.total == 8 and later.total == 0
        assert (first.next_page, later.previous_page) == (later.url, first.url)
        assert later.page_number == later.page_count == 2
    # Page 1's whole-listing figures stay on page 1.
    assert person[0].first is not None and person[0].undated == 1
    assert person[1].first is None and person[1].undated == 0 and person[1].entity is not None


def test_paginate_keeps_one_page_as_it_is(archive):
    first = View("topics/x/index.md", "Topic: X", "topic", LISTING, intro="All of them.")
    (only,) = paginate(first, archive.entries[:2], 50)
    assert only.intro == "All of them." and only.total == 2 and only.page_count == 1
    assert only.previous_page is None and only.next_page is None


def test_home_view_holds_the_archive_figures(archive):
    home = home_view(archive, "index.md", latest=2, topics_base="topics/", sources_base="s/")
    assert home.template == HOME and home.total == 8 and home.undated == 1
    assert [e.article.id for e in home.entries] == ["a7", "a6"]
    assert (home.first.article.id, home.last.article.id) == ("a1", "a7")  # type: ignore[union-attr]
    topics, sources = home.children
    assert (topics.url, topics.count, sources.url, sources.count) == ("topics/", 1, "s/", 1)
