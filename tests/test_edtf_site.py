"""A built site (real MkDocs and Material) with an article for each EDTF form Chronicle keeps as
written: the article page shows the date honestly in the archive's language, its breadcrumbs
lead to where it is listed, and the date archive lists it under the period that holds it (the
approximate dates page for one that crosses a year). A date that crosses a year claims no year:
no `<time datetime>`, no year folder, no year in its id."""

from __future__ import annotations

import json
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


# The date in an article's metadata: a <time>, or a <span> when no machine form can be given.
SHOWN_DATE = "//dl[@class='chronicle-meta']//*[self::time or @class='chronicle-date']"


def page(site: Path, url: str):
    path = site / url / "index.html"
    assert path.exists(), f"no page at {url}"
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("written", FORMS)
def test_the_article_page_shows_the_date_as_known(english, written):
    site, urls = english
    shown, _, crumbs = FORMS[written]
    doc = page(site, urls[written])
    (when,) = doc.xpath(SHOWN_DATE)
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
        (when,) = page(site, urls[written]).xpath(SHOWN_DATE)
        assert _text(when) == shown
    trail = page(site, urls["198X"]).xpath("//nav[@class='chronicle-breadcrumbs']//a")
    assert [_text(a) for a in trail] == ["Archive", "Dates approximatives"]


# written → the `datetime` its <time> carries (None: no <time>), and the folder it is filed in
MACHINE = {
    "198X": (None, "1980-1989"),
    "[2024,2025]": (None, "2024-2025"),
    "2025-03-XX": ("2025-03", "2025/03"),
    "2025-21": ("2025", "2025"),
    "2025-03/2025-04": ("2025", "2025"),
    "2025-03-21?": ("2025-03-21", "2025/03/21"),
}


@pytest.mark.parametrize("written", MACHINE)
def test_no_year_is_claimed_that_is_not_known(english, written):
    site, urls = english
    datetime, folder = MACHINE[written]
    doc = page(site, urls[written])
    (when,) = doc.xpath(SHOWN_DATE)
    assert when.get("datetime") == datetime
    assert (when.tag == "time") == (datetime is not None)
    # Its folder and its id name the span of years it can mean, not its earliest year.
    path = urls[written].rstrip("/")
    assert path.rsplit("/", 1)[0].endswith(folder)
    stored = (site.parent / "docs" / f"{path}.md").read_text(encoding="utf-8")
    assert f"\nid: {folder.replace('/', '-')}-dated-as-" in stored


def test_lists_and_cards_claim_no_year_either(english):
    site, urls = english
    decade = urls["198X"].rstrip("/").rsplit("/", 1)[-1]
    listing = page(site, "archive/approximate")
    (card,) = [
        li
        for li in listing.xpath("//li")
        if any(decade in a.get("href", "") for a in li.xpath(".//a"))
    ]
    assert (
        not card.xpath(".//time")
        and _text(card.xpath(".//*[@class='chronicle-date']")[0]) == "1980s"
    )
    assert "1980" not in "".join(t.get("datetime") for t in listing.xpath("//time"))


def test_search_counts_them_under_an_uncertain_year_not_their_first(english):
    site, _ = english
    years = {}
    for path in (site / "pagefind" / "counts").glob("year-*.json"):
        for value in json.loads(path.read_text(encoding="utf-8"))["values"]:
            years[value["value"]] = value["articles"]
    assert years == {"2025": 4, "Uncertain": 2}
