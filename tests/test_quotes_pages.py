"""The quotes pages and each speaker's quote pages stay small: cut into pages of
`quotes_page_size` quotes, linked to each other, built with MkDocs and clicked in Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from benchmarks import corpus

from chronicle.archive.index import build_archive
from chronicle.archive.model import Quote
from chronicle.site.entity_pages import build_entity_site
from chronicle.site.labels import labels_for
from chronicle.site.views import QUOTES_PREVIEW

SIZE, PER_PAGE = 30, 5
QUOTE = re.compile(r'<li class="chronicle-quote[ "]')


@pytest.fixture(scope="module")
def quotes_site(tmp_path_factory, set_plugin_options, build_site) -> Path:
    project = corpus.write_chronicle(
        tmp_path_factory.mktemp("quotes") / "project", SIZE, profile="realistic"
    )
    set_plugin_options(project, quotes_page_size=PER_PAGE, search_enabled="false")
    return build_site(project)


def walk(site: Path, base: str) -> list[tuple[str, str]]:
    """(url, HTML) of a paginated page and of every page its "next" links lead to, in order."""
    pages, url = [], base
    while url:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        pages.append((url, html))
        found = re.search(r'<a href="([^"]+)" rel="next"', html)
        url = os.path.normpath(os.path.join(url, found.group(1))) if found else ""
    return pages


def pages_of(site: Path, base: str) -> list[str]:
    return [html for _, html in walk(site, base)]


def test_quotes_pages_hold_whole_speakers_up_to_the_page_size(quotes_site, text_of):
    pages = pages_of(quotes_site, "quotes")
    assert len(pages) > 2
    seen: list[str] = []
    for number, html in enumerate(pages, start=1):
        speakers = re.findall(r'<section class="chronicle-speaker" id="([^"]+)"', html)
        assert speakers, f"page {number} has no speaker"
        assert len(QUOTE.findall(html)) <= max(PER_PAGE, QUOTES_PREVIEW)
        # The filter and the speaker list offer this page's speakers, not the archive's.
        assert re.findall(r'<option value="(speaker-[^"]+)"', html) == speakers
        assert f"Page {number} of {len(pages)}" in text_of(html)
        seen += speakers
    assert len(seen) == len(set(seen))  # every speaker once, on one page
    assert any(len(re.findall(r'<section class="chronicle-speaker"', html)) > 1 for html in pages)
    summary = text_of(pages[0]).split("direct quotes by ", 1)[1]
    assert summary.startswith(f"{len(seen)} speakers")
    assert "(page 2 of" in text_of(pages[1]) and "continued from the previous page" in pages[1]


def test_pagination_links_name_the_page_they_open(quotes_site):
    pages = pages_of(quotes_site, "quotes")
    count = len(pages)
    first, second, last = pages[0], pages[1], pages[-1]
    assert '" rel="prev" aria' not in first and '" rel="next" aria' not in last
    back = f'<a href="../../" rel="prev" aria-label="Previous: page 1 of {count}">← Previous</a>'
    assert back in second
    assert f'rel="next" aria-label="Next: page 2 of {count}">Next →</a>' in first
    assert '<nav class="chronicle-pagination" aria-label="Pages">' in first


def test_a_prolific_speaker_gets_pages_of_their_quotes(quotes_site, text_of):
    own = [
        (os.path.normpath(os.path.join(url, link)), int(n))
        for url, html in walk(quotes_site, "quotes")
        for link, n in re.findall(r'<a href="([^"]+)">All (\d+) quotes by', html)
    ]
    prolific = [(url, n) for url, n in own if n > PER_PAGE]
    assert prolific, "the corpus has a speaker with more than a page of quotes"
    url, total = prolific[0]
    pages = pages_of(quotes_site, url)
    counts = [len(QUOTE.findall(html)) for html in pages]
    assert sum(counts) == total and len(pages) == -(-total // PER_PAGE)
    assert all(n == PER_PAGE for n in counts[:-1])  # cut from the newest: only the last is short
    assert 'rel="next" aria-label="Older: page 2 of' in pages[0]
    assert f"{total} quotes" in text_of(pages[0])


def test_pagination_speaks_the_archive_language(articles):
    entries = [
        articles.entry(
            id=f"a{i}",
            title=f"A{i}",
            date=f"2025-03-{i + 1:02d}",
            quotes=[Quote(f"Phrase {i}", f"Personne {i}", None, "a dit", "full")],
        )
        for i in range(5)
    ]
    site = build_entity_site(
        build_archive(entries),
        None,
        bases={"person": "people/", "organisation": "organisations/", "place": "places/"},
        quotes_base="citations/",
        page_size=50,
        quotes_page_size=2,
        labels=(fr := labels_for("fr")),
    )
    first, second = site.pages["citations/index.md"], site.pages["citations/page/2/index.md"]
    assert first.page_count == 3 and len(first.speakers) == 2
    assert first.next_label == "Suivante →" and first.next_aria == "Suivante : page 2 sur 3"
    assert second.previous_page == "citations/" and second.next_page == "citations/page/3/"
    assert second.title == fr("archive.title_page", title="Citations", number=2, count=3)


@pytest.mark.browser
def test_a_reader_pages_through_the_quotes(quotes_site, serve_site, page):
    base = serve_site(quotes_site)
    page.goto(f"{base}quotes/")
    first = page.locator("section[data-speaker]").first.get_attribute("data-speaker")
    page.get_by_role("link", name=re.compile(r"^Next: page 2 of \d+$")).click()
    page.wait_for_url(f"{base}quotes/page/2/")
    assert page.locator(f"section[data-speaker={first}]").count() == 0
    page.get_by_role("link", name=re.compile(r"^Previous: page 1 of \d+$")).click()
    page.wait_for_url(f"{base}quotes/")
    assert page.locator(f"section[data-speaker={first}]").is_visible()
    # The speaker filter works on the page's own speakers.
    url = next(u for u, html in walk(quotes_site, "quotes") if html.count("<section") > 1)
    page.goto(f"{base}{url}/")
    speakers = page.locator("section[data-speaker]")
    chosen = speakers.nth(1).get_attribute("data-speaker")
    page.select_option("#chronicle-speaker", chosen)
    assert [
        speakers.nth(i).get_attribute("data-speaker")
        for i in range(speakers.count())
        if speakers.nth(i).is_visible()
    ] == [chosen]
