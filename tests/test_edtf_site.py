"""A built site (real MkDocs and Material) with an article for each EDTF form Chronicle keeps as
written: the article page shows the date honestly in the archive's language, its breadcrumbs
lead to where it is listed, and the date archive lists it under the period that holds it (the
approximate dates page for one that crosses a year)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

BODY = "The delegations met again without agreement, the mediators said on the record.\n"

# written → (English date on its page, the date archive page that lists it, its breadcrumbs)
FORMS = {
    "198X": ("1980s", "archive/approximate", ["Archive", "Approximate dates"]),
    "2025-03-XX": ("March 2025, day unknown", "archive/2025/03", ["Archive", "2025", "March 2025"]),
    "2025-21": ("spring 2025", "archive/2025", ["Archive", "2025"]),
    "2025-03/2025-04": ("March – April 2025", "archive/2025", ["Archive", "2025"]),
    "[2024,2025]": ("2024 or 2025", "archive/approximate", ["Archive", "Approximate dates"]),
    "2025-03-21?": ("21 March 2025? (uncertain)", "archive/2025/03/21", None),
}


def _text(node) -> str:
    """What a reader sees, each run of spaces one (Babel's thin spaces round "–" too)."""
    return " ".join(node.text_content().split())


def _build(site_scaffold, articles, build_site, language: str) -> tuple[Path, dict[str, str]]:
    project = site_scaffold(f"edtf-{language}")
    if language != "en":
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("\n  language: en\n", f"\n  language: {language}\n"))
    urls = {}
    for i, written in enumerate(FORMS):
        stored = articles.add(
            project,
            f"clip-{i}.txt",
            f"Headline {i}\n\n{BODY}Item {i}.\n",
            title=f"Dated as {written}",
            date=written,
            source="Harbour Times",
        )
        relative = stored.relative_to(project / "docs").with_suffix("")
        urls[written] = relative.as_posix() + "/"
    return build_site(project), urls


@pytest.fixture(scope="module")
def english(site_scaffold, articles, build_site):
    return _build(site_scaffold, articles, build_site, "en")


@pytest.fixture(scope="module")
def french(site_scaffold, articles, build_site):
    return _build(site_scaffold, articles, build_site, "fr")


def page(site: Path, url: str):
    path = site / url / "index.html"
    assert path.exists(), f"no page at {url}"
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("written", FORMS)
def test_the_article_page_shows_the_date_as_known(english, written):
    site, urls = english
    shown, _, crumbs = FORMS[written]
    doc = page(site, urls[written])
    (when,) = doc.xpath("//dl[@class='chronicle-meta']//time")
    assert _text(when) == shown
    if crumbs is not None:
        trail = [_text(a) for a in doc.xpath("//nav[@class='chronicle-breadcrumbs']//a")]
        assert trail == crumbs


@pytest.mark.parametrize("written", FORMS)
def test_the_date_archive_lists_it_where_it_is_known(english, written):
    site, urls = english
    _, listed, _ = FORMS[written]
    links = {a.get("href") for a in page(site, listed).xpath("//a[@href]")}
    assert any(h.rstrip("/").endswith(urls[written].rstrip("/").split("/")[-1]) for h in links)


def test_a_date_across_years_makes_no_year_page_of_its_own(english):
    site, _ = english
    assert not (site / "archive" / "1980").exists()
    assert not (site / "archive" / "2024").exists()
    year = page(site, "archive/2025")
    titles = {_text(a) for a in year.xpath("//a")}
    assert "Dated as 198X" not in titles and "Dated as [2024,2025]" not in titles
    assert "Dated as 2025-21" in titles
    # A season sits on its year's page, not on any month's.
    march = page(site, "archive/2025/03")
    assert "Dated as 2025-21" not in {_text(a) for a in march.xpath("//a")}


def test_the_approximate_page_says_what_it_lists(english):
    site, _ = english
    intro = _text(page(site, "archive/approximate").xpath("//p[@class='chronicle-intro']")[0])
    assert "decade" in intro


def test_citations_on_the_page_keep_the_form(english):
    site, urls = english
    cite = _text(page(site, urls["2025-21"]).xpath("//details[@class='chronicle-cite']")[0])
    assert "(2025, Spring)" in cite


def test_the_archives_language_writes_the_forms(french):
    site, urls = french
    expected = {
        "198X": "années 1980",
        "2025-21": "printemps 2025",
        "[2024,2025]": "2024 ou 2025",
        "2025-03-XX": "mars 2025, jour inconnu",
    }
    for written, shown in expected.items():
        (when,) = page(site, urls[written]).xpath("//dl[@class='chronicle-meta']//time")
        assert _text(when) == shown
    trail = page(site, urls["198X"]).xpath("//nav[@class='chronicle-breadcrumbs']//a")
    assert [_text(a) for a in trail] == ["Archive", "Dates approximatives"]
