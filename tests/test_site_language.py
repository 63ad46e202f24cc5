"""An archive in its own language, built with real MkDocs and Material: `theme.language` picks
the message catalogue (site/labels.py) for every label Chronicle writes, dates are the
language's, right-to-left text runs right to left. Checked in the built HTML and in Chromium
(screenshots are written to CHRONICLE_SCREENSHOTS, default the test's temporary folder)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import lxml.html
import pytest

from chronicle.archive.model import Figure, Quote

# Chronicle's own pages (the scaffold's hand-written guide pages are the curator's English).
OURS = ("articles", "archive", "topics", "sources", "timeline", "search", "quotes")
ENGLISH_LABELS = re.compile(
    r"Who said what|Cite this article|min read|Earlier|Later →|Permanent link:|"
    r"Search the archive|Latest articles|Browse by date|March 2025|Accessed|\(n\.d\.\)"
)


# The English the story features wrote before they took their words from the catalogue.
STORY_ENGLISH = re.compile(
    r"day by day|Days with articles|with articles|On this day|in other years|this site was built|"
    r"Articles per|Top sources|Figures reported|reported by|not named|Related coverage|"
    r"shared (?:person|people|organisation|place|topic)|same day|days? apart|Other versions|"
    r"Near-identical|Compare the two versions|Versions compared|Two versions compared|"
    r"Word by word|of the words are the same|>Older<|>Newer<|>Text<|\[added: |\[removed: |"
    r"date unknown|source unknown|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b|\bMo</th>"
)


def archive_in(
    site_scaffold, articles, build_site, language: str, *, entities: bool = False
) -> Path:
    project = site_scaffold(f"lang-{language}", entities=entities)
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
    if entities:
        story_articles(store, articles)
    return build_site(project)


def story_articles(store: Path, articles) -> None:
    """Two versions of one story, a related article, an older year and an article from this
    day in other years: what the story features (calendar, charts, figures, versions, related
    coverage, on this day) need to show themselves."""
    katz = {"people": ["Israel Katz"], "topics": ["Trêve"], "language": "fr"}
    first = "Les pourparlers reprennent au Caire"
    body = "Les délégations sont revenues au Caire. Israel Katz a parlé de près de 600 morts.\n"
    articles.write(
        store,
        title=first,
        date="2025-03-21",
        source="Test Wire",
        body=body,
        figures=[Figure("600", "morts", "Israel Katz", "près de")],
        other_versions=["les-pourparlers-reprennent-au-caire-mise-a-jour"],
        **katz,
    )
    articles.write(
        store,
        title=f"{first} (mise à jour)",
        date="2025-03-22",
        source="Autre Agence",
        body=body + "Une nouvelle série de discussions commencera lundi.\n",
        figures=[Figure("12", "otages", None)],
        **katz,
    )
    articles.write(
        store,
        title="Israel Katz s’exprime",
        date="2025-03-21",
        source="Autre Agence",
        body="Le ministre a parlé.\n",
        **katz,
    )
    articles.write(store, title="Un rapport ancien", date="2024-11-05", source="Test Wire")
    today = dt.date.today()
    then = today.replace(year=today.year - 10, day=min(today.day, 28))  # never 2024 or 2025
    articles.write(store, title="Ce jour-là, il y a dix ans", date=then.isoformat())


@pytest.fixture(scope="module")
def french(site_scaffold, articles, build_site) -> Path:
    return archive_in(site_scaffold, articles, build_site, "fr")


@pytest.fixture(scope="module")
def french_story(site_scaffold, articles, build_site) -> Path:
    return archive_in(site_scaffold, articles, build_site, "fr", entities=True)


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


def without_citations(html: str) -> str:
    """The citations' words are the citation module's (site/cite.py): a style's month names
    are part of the style, in English whatever the archive's language."""
    return re.sub(
        r'<details class="chronicle-cite".*?</details>'
        r'|<p class="chronicle-print-only[^>]*>.*?</p>',
        "",
        html,
        flags=re.S,
    )


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


def main_of(site: Path, url: str) -> str:
    """A page's content column, as HTML (the header and navigation are Material's)."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    return without_citations(page[page.find('<div class="md-content"') :])


def test_french_story_pages_have_no_english_left(french_story):
    versions = next((french_story / "archive" / "versions").glob("*/*/index.html")).parent
    first = next((french_story / "articles" / "2025" / "03" / "21").glob("les-pourparlers-re*"))
    pages = [
        ".",
        "archive",
        "archive/2025",
        "archive/2025/03",
        "archive/2025/03/21",
        "topics/treve",
        "sources/test-wire",
        "topics/people/israel-katz",
        "topics/people/israel-katz/timeline",
        versions.relative_to(french_story).as_posix(),
        first.relative_to(french_story).as_posix(),
    ]
    for url in pages:
        main = main_of(french_story, url)
        assert not STORY_ENGLISH.search(main), (url, STORY_ENGLISH.search(main))


def test_french_calendar_sideways_and_on_this_day(french_story):
    year = doc(french_story, "archive/2025")
    assert text(one(year, "//h2[@id='chronicle-calendar']")) == "2025, jour par jour"
    heads = year.xpath("(//table[@class='chronicle-calendar__month'])[3]//th")
    assert [(h.get("abbr"), text(h)) for h in heads][:2] == [("lundi", "lu"), ("mardi", "ma")]
    assert text(one(year, "(//table[@class='chronicle-calendar__month'])[3]/caption/a")) == (
        "mars 2025"
    )
    titles = [a.get("title") for a in year.xpath("//table//td/a")]
    assert "21 mars 2025 : 3 articles" in titles and "22 mars 2025 : 2 articles" in titles
    sideways = one(year, "//nav[@class='chronicle-sideways']")
    assert sideways.get("aria-label") == "Année précédente et année suivante ayant des articles"
    assert text(one(sideways, ".//span")) == "Année précédente ayant des articles"
    day = one(doc(french_story, "archive/2025/03/21"), "//nav[@class='chronicle-sideways']")
    assert [text(s) for s in day.xpath(".//span")] == [
        "Jour précédent ayant des articles",
        "Jour suivant ayant des articles",
    ]
    assert "22 mars 2025" in text(day)
    home = one(doc(french_story, "."), "//section[@class='chronicle-on-this-day']")
    assert text(one(home, ".//h2")) == "Ce jour-là"
    assert text(one(home, ".//p[@class='chronicle-note']")).startswith("Les articles du ")
    if dt.date.today().day <= 28:  # a 29th, 30th or 31st has no article ten years before
        assert "Ce jour-là, il y a dix ans" in text(home)


def test_french_charts_figures_versions_and_related_coverage(french_story):
    topic = doc(french_story, "topics/treve")
    assert [text(c) for c in topic.xpath("//figure/figcaption")] == [
        "Articles par mois",
        "Principales sources",
    ]
    label = one(topic, "(//table[@class='chronicle-chart-table'])[1]").get("aria-label")
    caption = " ".join(label.split())  # named by a label: a figure captions its table
    assert caption.startswith("Articles par mois : 5 articles de mars 2025 à mars 2025")
    columns = [text(th) for th in topic.xpath("(//table[@class='chronicle-chart-table'])[1]//th")]
    assert columns[:3] == ["Mois", "Articles", "mars 2025"]
    figures = one(topic, "//section[@class='chronicle-figures']")
    assert text(one(figures, ".//h2")) == "Chiffres rapportés"
    assert "près de 600 morts selon Israel Katz" in text(figures)
    assert "12 otages selon non nommé" in text(figures)
    person = doc(french_story, "topics/people/israel-katz")
    assert text(one(person, "//figure/figcaption")) == "Articles par mois"
    assert "selon Israel Katz" in text(one(person, "//section[@class='chronicle-figures']"))
    page = lxml.html.fromstring(
        (page_folder(french_story, "21") / "index.html").read_text(encoding="utf-8")
    )
    versions = one(page, "//section[@class='chronicle-versions']")
    assert text(one(versions, ".//h2")) == "Autres versions"
    assert "Comparer les deux versions mot à mot" in text(versions)
    related = text(one(page, "//section[@class='chronicle-related-coverage']"))
    assert related.startswith("Couverture liée")
    assert "1 personne en commun, 1 thème en commun ; le même jour" in related
    compare = one(versions, ".//a[contains(@href, 'versions/')]").get("href")
    diff = lxml.html.fromstring(
        (page_folder(french_story, "21") / compare / "index.html").resolve().read_text("utf-8")
    )
    assert text(one(diff, "//h1")) == "Deux versions comparées"
    assert [text(h) for h in diff.xpath("//div[@class='chronicle-diff__versions']//h2")] == [
        "Plus ancienne",
        "Plus récente",
    ]
    intro = text(one(diff, "//p[@class='chronicle-intro']"))
    assert intro.startswith("Mot à mot") and "des mots sont identiques" in intro
    assert one(diff, "/html/head/title").text.startswith("Versions comparées : Les pourparlers")


def page_folder(site: Path, day: str) -> Path:
    (path,) = (site / "articles" / "2025" / "03" / day).glob("les-pourparlers-re*/index.html")
    return path.parent


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
    year = doc(arabic, "archive/2025")
    assert text(one(year, "//h2[@id='chronicle-calendar']")) == "2025، يومًا بيوم"
    assert year.xpath("(//table[@class='chronicle-calendar__month'])[1]//th")[0].get("abbr") == (
        "الاثنين"
    )
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
