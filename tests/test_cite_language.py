"""Citations and feeds in the archive's language: the references' fixed words from the site's
catalogue and their dates from Babel (in English the manuals' own, tests/test_cite.py), and a
French archive built with real MkDocs whose article pages, feeds and open data page speak
French. BibTeX, RIS and CSL-JSON are data and stay the same in every language."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import lxml.html
import pytest

from chronicle.archive.dates import parse_date
from chronicle.archive.model import Article, Provenance
from chronicle.site import open_data
from chronicle.site.citations.styles import Place, apa, chicago, mla
from chronicle.site.cite import citations
from chronicle.site.labels import english, labels_for

URL = "https://example.org/articles/x/"
PLACE = Place("Archive du port", URL, dt.date(2026, 12, 5))
FR, DE, AR = labels_for("fr"), labels_for("de"), labels_for("ar")


@pytest.fixture(scope="module")
def carey(articles) -> Article:
    return articles.make(
        id="2019-03-22-forgetting",
        title="Peut-on mieux oublier ?",
        title_origin="source",
        date="2019-03-22",
        source="Le Monde",
        authors=["Benedict Carey", "Ann Lee"],
    )


def test_french_references_have_french_dates_and_words(carey):
    assert apa(carey, PLACE, FR).text == (
        "Carey, B., & Lee, A. (2019, 22 mars). Peut-on mieux oublier ? Le Monde. "
        f"Archive du port. {URL}"
    )
    assert mla(carey, PLACE, FR).text == (
        "Carey, Benedict, et Ann Lee. « Peut-on mieux oublier ? » Le Monde, 22 mars 2019. "
        "Archive du port, example.org/articles/x/."
    )
    assert chicago(carey, PLACE, FR).text == (
        "Carey, Benedict, et Ann Lee. « Peut-on mieux oublier ? » Le Monde, 22 mars 2019. "
        f"Archive du port. {URL}."
    )


def test_undated_french_reference_is_sd_with_the_access_date(carey):
    a = carey.with_changes(date=None)
    assert "(s. d.)." in apa(a, PLACE, FR).text
    assert mla(a, PLACE, FR).text.endswith("example.org/articles/x/. Consulté le 5 décembre 2026.")
    text = chicago(a, PLACE, FR).text
    assert "Le Monde, s. d. Archive du port. Consulté le 5 décembre 2026. " in text
    assert "s. d.." not in text and "n.d." not in text


def test_approximate_and_uncertain_dates_in_other_languages(carey):
    approx = carey.with_changes(date=parse_date("2019-03~"))
    assert "(vers 2019, mars)" in apa(approx, PLACE, FR).text
    assert "Le Monde, vers mars 2019." in mla(approx, PLACE, FR).text
    assert "Le Monde, ca. März 2019." in chicago(approx, PLACE, DE).text
    unsure = carey.with_changes(date=parse_date("2019?"))
    assert "(2019?)" in apa(unsure, PLACE, FR).text
    assert "vers" not in chicago(unsure, PLACE, FR).text


def test_german_and_arabic_quotation_marks_and_conjunctions(carey):
    assert "Carey, Benedict, und Ann Lee. „Peut-on mieux oublier ?“" in mla(carey, PLACE, DE).text
    assert "22. März 2019" in chicago(carey, PLACE, DE).text
    text = chicago(carey, PLACE, AR).text
    assert "«Peut-on mieux oublier ?»" in text and " و Ann Lee" in text


def test_english_labels_are_the_manuals_words(carey):
    a = carey.with_changes(date=None)
    for style in (apa, mla, chicago):
        assert style(a, PLACE, english()) == style(a, PLACE)
        assert style(a, PLACE, labels_for("en-US")) == style(a, PLACE)


def test_html_stays_escaped_and_italic_in_french(carey):
    a = carey.with_changes(title="<b>Q&A</b>", source="A & B <i>")
    for ref in citations(a, PLACE, FR).values():
        assert "<b>" not in ref.html and "&lt;b&gt;Q&amp;A" in ref.html
        assert "<i>A &amp; B &lt;i&gt;</i>" in ref.html
        assert "<b>Q&A</b>" in ref.text  # the plain text is the text as it is


# --- a French archive, built ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def french(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("cite-fr")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("\n  language: en\n", "\n  language: fr\n")
    config.write_text(text, encoding="utf-8")
    store = project / "docs" / "articles"
    added = dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
    articles.write(
        store,
        title="Les pourparlers calent au Caire",
        title_origin="source",
        date="2025-03-21",
        source="Test Wire",
        language="fr",
        authors=["Ana Lima"],
        topics=["Trêve"],
        body="Les délégations se sont quittées sans accord.\n",
    )
    articles.write(
        store,
        title="Un accord sans date",
        title_origin="source",
        date=None,
        source="Test Wire",
        language="fr",
        topics=["Trêve"],
        body="Un texte dont la date est perdue.\n",
        provenance=Provenance("x.html", "0" * 64, added, "html"),
    )
    return build_site(project)


def _page(site: Path, path: str):
    return lxml.html.fromstring((site / path).read_text(encoding="utf-8"))


def _references(site: Path, glob: str) -> list[str]:
    (path,) = site.glob(glob)
    page = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    return [
        " ".join(p.text_content().split()) for p in page.xpath("//p[@class='chronicle-cite__text']")
    ]


def test_french_article_page_cites_in_french(french):
    apa_ref, mla_ref, chicago_ref = _references(french, "articles/2025/03/21/*/index.html")
    assert "Lima, A. (2025, 21 mars). Les pourparlers calent au Caire. Test Wire." in apa_ref
    assert "« Les pourparlers calent au Caire. » Test Wire, 21 mars 2025." in mla_ref
    assert "Test Wire, 21 mars 2025." in chicago_ref
    apa_ref, mla_ref, chicago_ref = _references(french, "articles/undated/*/index.html")
    assert "(s. d.)" in apa_ref and "n.d." not in apa_ref
    assert mla_ref.endswith("Consulté le 25 novembre 2026.")
    assert "s. d." in chicago_ref and "Consulté le 25 novembre 2026." in chicago_ref
    for ref in (apa_ref, mla_ref, chicago_ref):
        assert not re.search(r"\bAccessed\b|\bn\.d\.", ref)


def test_french_feeds(french):
    atom = (french / "feed.xml").read_text(encoding="utf-8")
    rss = (french / "rss.xml").read_text(encoding="utf-8")
    assert "<language>fr</language>" in rss
    assert 'xml:lang="fr"' in atom or "<language>fr</language>" in atom
    assert "(ajouts récents)</title>" in atom and "recently added" not in atom
    assert "Date de publication : 21 mars 2025 · Test Wire." in atom
    assert "Date de publication inconnue · Test Wire." in atom
    published = (french / "published.xml").read_text(encoding="utf-8")
    assert "(par date de publication)</title>" in published
    document = json.loads((french / "feed.json").read_text(encoding="utf-8"))
    assert document["language"] == "fr"
    topic = (french / "topics" / "treve" / "feed.xml").read_text(encoding="utf-8")
    assert "Thème : Trêve</title>" in topic


def test_french_open_data_page(french):
    page = _page(french, "data/index.html")
    assert page.xpath("string(//h1/text())").strip() == "Données ouvertes"
    headings = [h.strip() for h in page.xpath("//h2/text()")]
    assert "Champs d’un article" in headings and "Champs d’une citation" in headings
    body = " ".join(page.xpath("string(//article)").split())
    assert "Fields of" not in body and "The whole archive" not in body
    assert "Identifiant de l’article dans l’archive, stable." in body


def test_english_field_descriptions_are_the_schemas():
    # The page's English words for the fields are the JSON Schema's, so the two cannot drift.
    en = english()
    assert all(en(f"open_data.article.{n}") == d for n, _, d in open_data.FIELDS)
    assert all(en(f"open_data.quote.{n}") == d for n, d in open_data.QUOTE_FIELDS)


def test_offline_search_words_travel_in_the_page(french):
    # `chronicle export --offline` searches with these (assets/offline-search.js).
    page = (french / "search" / "index.html").read_text(encoding="utf-8")
    blob = re.search(r'<script type="application/json" id="chronicle-labels">(.*?)</script>', page)
    assert blob is not None
    messages = json.loads(blob.group(1))["messages"]
    assert messages["offline_found"]["other"] == "{count} articles trouvés."
    assert "Entrée" in messages["offline_type_words"]
