"""An archive in its own language, built with real MkDocs and Material: `theme.language` picks
the message catalogue (site/labels.py) for every label Chronicle writes, dates are the
language's, right-to-left text runs right to left. Checked in the built HTML and in Chromium
(screenshots are written to CHRONICLE_SCREENSHOTS, default the test's temporary folder)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import lxml.html
import pytest

from chronicle.archive.model import Quote

# Chronicle's own pages (the scaffold's hand-written guide pages are the curator's English).
OURS = ("articles", "archive", "topics", "sources", "timeline", "search", "quotes", "people")
ENGLISH_LABELS = re.compile(
    r"Who said what|Cite this article|min read|Earlier|Later →|Permanent link:|"
    r"Search the archive|Latest articles|Browse by date|March 2025|Accessed|\(n\.d\.\)"
)


def archive_in(site_scaffold, articles, build_site, language: str) -> Path:
    project = site_scaffold(f"lang-{language}")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en\n" in text
    config.write_text(text.replace("\n  language: en\n", f"\n  language: {language}\n"))
    store = project / "docs" / "articles"
    articles.write(
        store,
        title="Les pourparlers calent au Caire",
        date="2025-03-21",
        source="Test Wire",
        language="fr",
        authors=["Ana Lima"],
        topics=["Trêve"],
        body="Les délégations se sont quittées sans accord.\n\n« Nous attendons », a dit Ana.\n",
        summary="Les délégations se sont quittées sans accord.",
        quotes=[Quote("Nous attendons", "Ana Lima", None, "a dit", "full")],
    )
    articles.write(
        store,
        title="الهدنة في غزة تصمد",
        date="2025-03-22",
        source="الجزيرة",
        language="ar",
        topics=["Trêve"],
        body="صمدت الهدنة في غزة لليوم الثالث.\n",
        summary="صمدت الهدنة في غزة لليوم الثالث.",
    )
    articles.write(
        store,
        title="Truce holds in Gaza",
        date="2025-03",
        source="Harbour Times",
        language="en",
        body="The truce held for a third day.\n",
    )
    return build_site(project)


@pytest.fixture(scope="module")
def french(site_scaffold, articles, build_site) -> Path:
    return archive_in(site_scaffold, articles, build_site, "fr")


@pytest.fixture(scope="module")
def arabic(site_scaffold, articles, build_site) -> Path:
    return archive_in(site_scaffold, articles, build_site, "ar")


def doc(site: Path, url: str):
    return lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def article(site: Path, day: str):
    (path,) = (site / "articles" / "2025" / "03" / day).glob("*/index.html")
    return lxml.html.fromstring(path.read_text(encoding="utf-8")), path.parent


def one(node, xpath: str):
    (found,) = node.xpath(xpath)
    return found


def text(node) -> str:
    return " ".join(node.text_content().split())


def our_pages(site: Path) -> list[Path]:
    pages = [site / "index.html"]
    for folder in OURS:
        pages += sorted((site / folder).rglob("index.html"))
    return pages


def test_french_labels_and_dates_on_every_page(french):
    pages = our_pages(french)
    assert len(pages) > 10
    for path in pages:
        page = path.read_text(encoding="utf-8")
        main = page[page.find('<div class="md-content"') :]
        assert not ENGLISH_LABELS.search(main), (path, ENGLISH_LABELS.search(main))
        assert 'placeholder="Rechercher"' in page, path
    page, _ = article(french, "21")
    assert one(page, "//html").get("lang") == "fr"
    assert text(one(page, "//*[@id='who-said-what']")) == "Qui a dit quoi"
    assert text(one(page, "//details[@class='chronicle-cite']/summary")) == "Citer cet article"
    assert text(one(page, "//dl[@class='chronicle-meta']//time")) == "21 mars 2025"
    assert [text(d) for d in page.xpath("//dl[@class='chronicle-meta']/dt")][:3] == [
        "Date",
        "Source",
        "Par",
    ]
    crumbs = [text(a) for a in page.xpath("//nav[@class='chronicle-breadcrumbs']//a")]
    assert crumbs == ["Archive", "2025", "mars 2025", "21 mars"]
    assert text(one(page, "//a[@rel='next']/span[1]")) == "Après →"
    assert (
        "«\u00a0Nous attendons\u00a0»"
        in one(page, "//ul[@class='chronicle-quotes']").text_content()
    )
    assert text(one(page, "//p[@class='chronicle-permalink']")).startswith("Lien permanent :")


def test_french_generated_pages(french):
    month = doc(french, "archive/2025/03")
    assert text(one(month, "//h1")) == "mars 2025"
    assert "3 articles en mars 2025" in text(one(month, "//p[@class='chronicle-intro']"))
    assert "21 mars 2025 · Test Wire · 1 min de lecture" in [
        text(p) for p in month.xpath("//p[@class='chronicle-card__meta']")
    ]
    timeline = doc(french, "timeline")
    assert text(one(timeline, "//h1")) == "Chronologie"
    headings = [text(h) for h in timeline.xpath("//*[contains(@class, 'timeline__heading')]")]
    assert headings == ["2025", "mars 2025"]
    assert text(one(doc(french, "topics/treve"), "/html/head/title")).startswith("Thème : Trêve")
    assert text(one(doc(french, "search"), "//h1")) == "Rechercher dans l’archive"
    home = text(one(doc(french, "."), "//section[@class='chronicle-stats']"))
    assert home.startswith("3 articles, du mars 2025 au 22 mars 2025 ; 1 thème, 3 sources.")
    assert home.endswith("Parcourir par date.")


def test_script_labels_travel_as_json_in_the_page(french):
    page = (french / "index.html").read_text(encoding="utf-8")
    blob = re.search(r'<script type="application/json" id="chronicle-labels">(.*?)</script>', page)
    data = json.loads(blob.group(1))
    assert data["locale"] == "fr" and data["months"][2] == "mars"
    assert data["messages"]["no_results"] == "Aucun résultat pour {query}"


def test_right_to_left_text_in_a_left_to_right_archive(french):
    page, _ = article(french, "22")
    assert one(page, "//html").get("dir") in (None, "ltr")
    body = one(page, "//div[@class='chronicle-article__body']")
    assert body.get("lang") == "ar" and body.get("dir") == "rtl"
    assert one(page, "//h1[@lang='ar']").get("dir") == "rtl"
    permalink = one(page, "//p[@class='chronicle-permalink']/a")
    # As a reader reads it (the site's address is set: the permanent link is absolute).
    assert permalink.text == "https://example.org/articles/2025/03/22/الهدنة-في-غزة-تصمد/"
    french_page, _ = article(french, "21")
    body = one(french_page, "//div[@class='chronicle-article__body']")
    assert body.get("dir") is None  # runs as the page does
    # A listing line: the Arabic source isolated, so the line keeps its order.
    month = doc(french, "archive/2025/03")
    metas = month.xpath("//p[@class='chronicle-card__meta']")
    arabic_meta = next(m for m in metas if "الجزيرة" in text(m))
    assert one(arabic_meta, ".//bdi[1]").text == "الجزيرة"


def test_arabic_interface_is_right_to_left(arabic):
    page, _ = article(arabic, "22")
    # Material writes the interface's direction on <body>, from the language.
    assert one(page, "//html").get("lang") == "ar" and one(page, "//body").get("dir") == "rtl"
    body = one(page, "//div[@class='chronicle-article__body']")
    assert body.get("lang") == "ar" and body.get("dir") is None  # the page's direction
    assert text(one(page, "//dl[@class='chronicle-meta']//time")) == "22 مارس 2025"
    assert text(one(page, "//details[@class='chronicle-cite']/summary")) == "استشهد بهذا المقال"
    month = doc(arabic, "archive/2025/03")
    assert text(one(month, "//h1")) == "مارس 2025"
    titles = month.xpath("//*[contains(@class, 'chronicle-card__title')]/a")
    latin = [a for a in titles if a.get("lang") in ("en", "fr")]
    assert latin and all(a.get("dir") == "ltr" for a in latin)
    assert "3 مقالات" in text(one(month, "//p[@class='chronicle-intro']"))
    french_page, _ = article(arabic, "21")
    assert text(one(french_page, "//*[@id='who-said-what']")) == "من قال ماذا"
    assert one(french_page, "//div[@class='chronicle-article__body']").get("dir") == "ltr"


def screenshot_folder(tmp_path_factory) -> Path:
    folder = os.environ.get("CHRONICLE_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.mark.browser
def test_in_chromium_arabic_runs_right_to_left_and_search_speaks_french(
    french, arabic, serve_site, page, tmp_path_factory
):
    shots = screenshot_folder(tmp_path_factory)
    shots.mkdir(parents=True, exist_ok=True)
    base = serve_site(arabic)
    _, folder = article(arabic, "22")
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(base + folder.relative_to(arabic).as_posix() + "/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The title sits at the right of its column, as Arabic does.
    box = page.locator("h1[lang=ar]").bounding_box()
    column = page.locator(".md-content").bounding_box()
    assert box and column and box["x"] + box["width"] > column["x"] + column["width"] * 0.8
    page.screenshot(path=str(shots / "arabic-article.png"), full_page=True)

    base = serve_site(french)
    _, folder = article(french, "22")
    page.goto(base + folder.relative_to(french).as_posix() + "/")
    body = page.locator(".chronicle-article__body")
    assert body.evaluate("node => getComputedStyle(node).direction") == "rtl"
    page.screenshot(path=str(shots / "french-archive-arabic-article.png"), full_page=True)

    page.goto(base + "archive/2025/03/")
    box = page.locator("input[name=q]").first
    box.fill("délégations")
    page.wait_for_function(
        "document.querySelector('[data-chronicle-count]').textContent.includes('résultat')"
    )
    assert page.text_content("[data-chronicle-count]") == "1 résultat"
    page.screenshot(path=str(shots / "french-month-search.png"))
