"""End to end: a small archive built with real MkDocs and Material."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built(site_scaffold, articles, build_site, seed_text):
    project = site_scaffold("site")
    articles.add(
        project,
        "seed.txt",
        seed_text,
        title="Seed devised title",
        date="2025-03-21~",
        source="unknown",
        topics=["Gaza ceasefire"],
    )
    articles.add(
        project,
        "older.txt",
        "An older report on the first truce. It held.\n",
        title="Truce holds",
        date="2025-01-19",
        source="Harbour Times",
        topics=["Gaza ceasefire"],
    )
    articles.add(
        project,
        "newer.txt",
        "A newer report on the talks in Cairo. They stalled.\n",
        title="Talks stall in Cairo",
        date="2025-03-25",
        source="Harbour Times",
    )
    articles.add(
        project,
        "month.txt",
        "A monthly round-up of the talks. Many met.\n",
        title="Round-up",
        date="2024-11",
    )
    articles.add(project, "undated.txt", "A clipping nobody dated. It is still kept.\n")
    return build_site(project)


def test_date_archive_pages(built, page_html, text_of):
    index = page_html(built, "archive")
    assert "2025" in text_of(index) and "2024" in text_of(index) and "Undated" in text_of(index)
    year = text_of(page_html(built, "archive/2025"))
    assert "March 2025" in year and "January 2025" in year
    month = text_of(page_html(built, "archive/2025/03"))
    assert "Talks stall in Cairo" in month and "Seed devised title" in month
    assert month.index("Talks stall in Cairo") < month.index("Seed devised title")  # newest first
    day = text_of(page_html(built, "archive/2025/03/21"))
    assert "Seed devised title" in day and "approximate" in day
    assert "Round-up" in text_of(page_html(built, "archive/2024/11"))
    assert "A clipping nobody dated" in text_of(page_html(built, "archive/undated"))
    assert "Seed devised title" in text_of(page_html(built, "archive/approximate"))


def test_topic_and_source_pages(built, page_html, text_of):
    topic = text_of(page_html(built, "topics/gaza-ceasefire"))
    assert "Seed devised title" in topic and "Truce holds" in topic and "Talks stall" not in topic
    source = text_of(page_html(built, "sources/harbour-times"))
    assert "Truce holds" in source and "Talks stall in Cairo" in source
    assert "Seed devised title" in text_of(page_html(built, "sources/unknown-source"))
    assert "Gaza ceasefire" in text_of(page_html(built, "topics"))


def test_article_page(built, seed_text, text_of):
    (path,) = (built / "articles" / "2025" / "03" / "21").glob("*/index.html")
    html = path.read_text(encoding="utf-8")
    body = text_of(html)
    for line in seed_text.splitlines():
        assert line.strip() in body
    assert html.split('class="chronicle-article__body"')[1].split("</div>")[0].count("<h2 id=") == 5
    assert "c. 21 March 2025 (approximate)" in body
    assert "devised by the curator" in body
    assert re.search(r'href="(\.\./)+archive/2025/"', html)
    assert re.search(r'href="(\.\./)+archive/2025/03/"', html)
    assert re.search(r'href="(\.\./)+archive/2025/03/21/"', html)
    # previous (older) and next (newer) in time
    prev = re.search(r'<a rel="prev" href="([^"]+)"', html).group(1)
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    resolve = lambda href: (path.parent / href).resolve().relative_to(built.resolve()).as_posix()  # noqa: E731
    assert resolve(prev).startswith("articles/2025/01/19/truce-holds")
    assert resolve(nxt).startswith("articles/2025/03/25/talks-stall-in-cairo")
    assert "Permanent link" in body


def test_unknowns_are_visible(built, text_of):
    (path,) = (built / "articles" / "undated").glob("*/index.html")
    body = text_of(path.read_text(encoding="utf-8"))
    assert "Title inferred" in body and "Date Unknown" in body and "Source Unknown" in body


def test_home_page_shows_latest_and_span(built, text_of):
    home = text_of((built / "index.html").read_text(encoding="utf-8"))
    assert "5 articles" in home and "November 2024" in home and "25 March 2025" in home
    assert home.index("Talks stall in Cairo") < home.index("Truce holds")


def test_search_is_pagefind_only(built):
    # One search engine: Pagefind's bundle, no lunr index for readers to download as well.
    assert (built / "pagefind" / "pagefind.js").exists()
    assert not list(built.rglob("search_index.json"))
    assert not list((built / "pagefind").glob("pagefind-*ui.*"))  # unused UIs not published
    # One shard per year, but small years of one decade share one (search_small_year): these
    # five articles are a single bundle, and the reader's browser fetches one page list.
    shards = json.loads((built / "pagefind" / "chronicle-shards.json").read_text("utf-8"))
    assert sum(s["articles"] for s in shards) == 5  # articles only
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == shards[0]["articles"]
    assert [s["years"] for s in shards] == [["2025", "2024", "Undated"]]
    assert (built / "search" / "index.html").exists()
    assert (built / "assets" / "chronicle" / "search.js").exists()


def test_article_pages_mark_what_search_indexes(built, page_html):
    (path,) = (built / "articles" / "2025" / "03" / "21").glob("*/index.html")
    html = path.read_text(encoding="utf-8")
    assert "data-pagefind-body" in html
    assert '<span data-pagefind-filter="source">Unknown source</span>' in html
    assert '<span data-pagefind-filter="year">2025</span>' in html
    assert '<span data-pagefind-sort="date">2025-03-21</span>' in html
    assert '<span data-pagefind-meta="title">Seed devised title</span>' in html
    (undated,) = (built / "articles" / "undated").glob("*/index.html")
    assert '<span data-pagefind-sort="date">0000-00-00</span>' in undated.read_text("utf-8")
    # Listings are never results.
    assert "data-pagefind-body" not in page_html(built, "archive/2025")
    assert 'data-pagefind-ignore="all"' in page_html(built, "archive/2025/03")


def test_no_request_to_another_host(built):
    for path in built.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe)\b[^>]*>", html):
            if re.search(r'rel="(canonical|alternate)"', tag):
                continue  # names an address; the browser does not fetch it
            assert not re.search(r'(src|href)="(https?:)?//', tag), (path, tag)


def test_generated_pages_are_not_committed():
    out = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert not any(
        p.startswith(("docs/archive/", "docs/topics/", "docs/sources/")) for p in out.split()
    )


def test_feeds_list_the_latest_articles_newest_first(built):
    import feedparser

    for name, version in (("feed.xml", "atom10"), ("rss.xml", "rss20")):
        feed = feedparser.parse((built / name).read_bytes())
        assert not feed.bozo and feed.version == version
        titles = [e.title for e in feed.entries]
        assert titles[0] == "Talks stall in Cairo" and "Seed devised title" in titles
        assert all(e.link.startswith("https://example.org/articles/") for e in feed.entries)
    home = (built / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home


def test_no_empty_attribute_values_that_html_forbids(built):
    # Material writes tabindex="" on navigation section labels (the Guide section here), and a
    # label for the "__toc" checkbox that only pages in the navigation tree have.
    for path in built.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert ' tabindex=""' not in html, path
        assert 'for="__toc"' not in html or 'id="__toc"' in html, path
        assert 'type="checkbox" id="__drawer">' in html, path  # no autocomplete on a checkbox
        assert 'autocomplete="off"' not in html.split('id="__search"')[1][:40], path
    pages = [p.read_text(encoding="utf-8") for p in (built / "articles").rglob("index.html")]
    with_toc = [p for p in pages if 'aria-label="Table of contents"' in p]
    assert any('<div class="md-nav__title">' in p for p in with_toc)  # the seed: headings


def test_build_warns_when_different_names_share_one_page(site_project, articles, mkdocs_build):
    """'C++' and 'C' are both topics/c/: the site cannot tell them apart, and the log says so."""
    articles.add(site_project, "a.txt", "One text about a language.\n", title="A", topics=["C++"])
    articles.add(site_project, "b.txt", "Another text about a language.\n", title="B", topics=["C"])
    result = mkdocs_build(site_project)
    assert result.returncode == 0, result.stderr
    shared = r"WARNING.*the topics 'C\+\+' \(.*\) and 'C' \(.*\) share one page"
    assert re.search(shared, result.stderr)
