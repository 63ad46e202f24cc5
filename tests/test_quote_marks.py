"""Quotation marks as printed: a French «…», a German „…“ and a Japanese 「…」 are shown with
their own marks on the article page, the speaker's page and the quotes page of a site built
with real MkDocs; an archive written before marks were kept shows the site language's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronicle.archive.model import Quote
from chronicle.archive.schema import FrontMatterError, read_quotes

REGISTRY = """\
- name: Anne Dupont
  kind: person
  description: Maire de la ville
- name: Anna Schmidt
  kind: person
  description: Bürgermeisterin der Stadt
"""
FRENCH = (
    "La maire Anne Dupont a présenté le budget lundi.\n\n"
    "« Nous attendons la suite des événements », a déclaré la maire Anne Dupont.\n"
)
GERMAN = (
    "Die Bürgermeisterin Anna Schmidt stellte am Montag den Haushalt vor.\n\n"
    "„Wir warten auf die Ergebnisse der Prüfung“, sagte Anna Schmidt.\n"
)
JAPANESE = "市長は月曜日に予算を発表した。\n\n「私たちは結果を待っています」という声が上がった。\n"
QUOTE_P = re.compile(r"<blockquote[^>]*><p>(.*?)</p></blockquote>")


@pytest.fixture(scope="module")
def marks_site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("marks")
    (project / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    articles.add(project, "budget.txt", FRENCH, title="Le budget", date="2025-03-21",
                 language="fr")  # fmt: skip
    articles.add(project, "haushalt.txt", GERMAN, title="Der Haushalt", date="2025-03-22",
                 language="de")  # fmt: skip
    articles.add(project, "yosan.txt", JAPANESE, title="予算", date="2025-03-23", language="ja")
    articles.write(  # as an archive stored before marks were kept holds it
        project / "docs" / "articles",
        title="Old talks",
        date="2025-03-20",
        language="en",
        body="“We will wait for the result,” said Anne Dupont.\n",
        people=["Anne Dupont"],
        quotes=[Quote("We will wait for the result,", "Anne Dupont", "Anne Dupont", "said")],
    )
    return build_site(project)


def quotes_on(site: Path, url: str) -> list[str]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return QUOTE_P.findall(html)


def article_url(site: Path, day: str) -> str:
    (page,) = (site / "articles" / "2025" / "03" / day).glob("*/index.html")
    return str(page.parent.relative_to(site))


def test_the_stored_quotes_keep_their_printed_marks(marks_site):
    stored = {
        path.name: path.read_text(encoding="utf-8")
        for path in (marks_site.parent / "docs" / "articles").rglob("*.md")
    }
    text = "\n".join(stored.values())
    assert "marks: «»" in text and "marks: „“" in text and "marks: 「」" in text


def test_article_pages_show_the_marks_the_article_printed(marks_site):
    assert quotes_on(marks_site, article_url(marks_site, "21")) == [
        "«\u202fNous attendons la suite des événements\u202f»"
    ]
    assert quotes_on(marks_site, article_url(marks_site, "22")) == [
        "„Wir warten auf die Ergebnisse der Prüfung“"
    ]
    assert quotes_on(marks_site, article_url(marks_site, "23")) == [
        "「私たちは結果を待っています」"
    ]


def test_person_and_quotes_pages_show_them_too(marks_site):
    for url in ("topics/people/anne-dupont", "quotes"):
        shown = quotes_on(marks_site, url)
        assert "«\u202fNous attendons la suite des événements\u202f»" in shown, url
        # Stored without marks: the site language's (English) ones.
        assert "“We will wait for the result,”" in shown, url
    assert "„Wir warten auf die Ergebnisse der Prüfung“" in quotes_on(
        marks_site, "topics/people/anna-schmidt"
    )
    assert "„Wir warten auf die Ergebnisse der Prüfung“" in quotes_on(marks_site, "quotes")


def test_marks_in_front_matter_are_checked():
    (quote,) = read_quotes("a.md", [{"text": "Ja", "marks": "„“"}])
    assert quote.marks == "„“"
    (old,) = read_quotes("a.md", [{"text": "Yes"}])
    assert old.marks is None
    for bad in ("<>", "«", "«»»", 3):
        with pytest.raises(FrontMatterError, match="opening and a closing quotation mark"):
            read_quotes("a.md", [{"text": "Ja", "marks": bad}])
