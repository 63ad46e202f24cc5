"""The printed handout, in headless Chromium: the seed and a long real article from the shared
corpus printed to PDF. The text is at least as large as the metadata, the title full black,
the reference names the archive with an absolute permanent address, "Who said what" prints
whole, and the reference does not spill onto a page of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.browser

LONG_PAGE = ROOT.parent / "shared" / "corpus" / "trafilatura-eval" / "html"


@pytest.fixture(scope="module")
def handouts(site_scaffold, articles, seed_text, build_site) -> tuple[Path, list[str]]:
    project = site_scaffold("handout", entities=True)
    articles.add(project, "seed.txt", seed_text, title="Seed devised title", date="2025-03-21~")
    pages = (
        sorted(LONG_PAGE.glob("*.html*"), key=lambda p: p.stat().st_size)
        if LONG_PAGE.is_dir()
        else []
    )
    if pages:  # the largest page of the corpus: a long-form article
        run_cli("add", pages[-1], "--archive", project / "docs" / "articles")
    site = build_site(project)
    urls = sorted(
        p.parent.relative_to(site).as_posix() + "/" for p in (site / "articles").rglob("index.html")
    )
    return site, urls


def _px(value: str) -> float:
    return float(value.removesuffix("px"))


def test_articles_print_as_handouts(handouts, page, serve_site, tmp_path):
    site, urls = handouts
    assert len(urls) >= 1
    base = serve_site(site)
    for url in urls:
        page.goto(base + url)
        page.emulate_media(media="print")
        body = _px(page.locator(".chronicle-article__body p").first.evaluate(
            "e => getComputedStyle(e).fontSize"))  # fmt: skip
        meta = _px(page.locator(".chronicle-meta dd").first.evaluate(
            "e => getComputedStyle(e).fontSize"))  # fmt: skip
        assert body >= meta, (url, body, meta)
        color = page.locator(".chronicle-article h1").evaluate("e => getComputedStyle(e).color")
        assert color == "rgb(0, 0, 0)"
        cite = page.locator(".chronicle-print-cite")
        assert cite.is_visible()
        assert re.search(r"https://example\.org/articles/\S+", cite.inner_text())
        archive = page.locator(".chronicle-print-archive").inner_text()
        assert archive.startswith("Gaza Ceasefire Talks") and "https://example.org/" in archive
        pdf = page.pdf(format="A4")
        (tmp_path / (url.strip("/").replace("/", "_") + ".pdf")).write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        words = len(page.locator(".chronicle-article__body").inner_text().split())
        # The reference is kept with the text: no page holds the reference alone, so a short
        # article (the seed, about 500 words) fits two A4 pages with its quotes.
        if words < 700:
            assert pages <= 3, (url, pages)
        page.emulate_media(media="screen")


def test_who_said_what_prints_whole(handouts, page, serve_site):
    site, urls = handouts
    base = serve_site(site)
    seed = next(u for u in urls if "2025/03/21" in u)
    page.goto(base + seed)
    page.emulate_media(media="print")
    box = page.locator(".chronicle-who-said-what")
    assert box.is_visible() and "Meshaal" in box.inner_text()
