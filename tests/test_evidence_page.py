"""The article page says how its record was made: for date, title, authors and source, where
each came from and what the reader's evidence was, with guessed, uncertain and unknown values
flagged. Built with real MkDocs and Material from pages added as `chronicle add` adds them."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.test_evidence import DECLARED, GUESSED

LEDE = "The harbour wall was repaired over the winter and the boats are back in the water."
NOTES = "Ferry timetables change in April when the summer crossings start again at dawn."
UPDATED_ONLY = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Coast Herald</title><entry><title>Wall repaired</title><id>urn:1</id>
<updated>2024-03-02T10:00:00Z</updated><content>{LEDE}</content></entry></feed>"""


@pytest.fixture(scope="module")
def site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("evidence")
    articles.add(project, "guessed.html", GUESSED, source="Coast Herald")
    articles.add(project, "declared.html", DECLARED)
    articles.add(project, "herald.atom", UPDATED_ONLY)
    articles.add(project, "notes.txt", f"{NOTES}\n", date="2024-04-05")
    articles.write(
        project / "docs" / "articles",
        title="Hostile evidence",
        date="2025-03-21",
        date_origin="source",
        source="Test Wire",
        source_origin="source",
        title_origin="source",
        authors=["Ana Lima"],
        body="Nothing to see.\n",
        extra={"evidence": {"date": "<script>alert(1)</script>", "authors": "meta author"}},
    )
    return build_site(project)


def evidence_of(site: Path, url: str) -> dict[str, tuple[str, str, str]]:
    """field label → (standing text, its class, the evidence: its signal codes and note code,
    or the words quoted as stored) in the page's section."""
    tree = lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))
    (box,) = tree.xpath("//details[@class='chronicle-evidence']")
    out = {}
    for dt in box.xpath(".//dt"):
        dd = dt.getnext()
        standing = dd.xpath("./span[@data-standing]")[0]
        words = dd.xpath(".//q")
        codes = dd.xpath("./span[@data-signals]")
        note = dd.xpath(".//span[@data-note]")
        said = words[0].text_content() if words else ""
        if codes:
            said = codes[0].get("data-signals") + (f"; {note[0].get('data-note')}" if note else "")
        out[dt.text_content()] = (standing.text_content(), standing.get("class"), said)
    return out


def test_a_date_read_only_from_the_text_is_said_to_be_guessed(site: Path):
    found = evidence_of(site, "articles/2023/03/14/harbour-reopens")
    assert found["Date"] == (
        "guessed from the text, uncertain",
        "chronicle-flag",
        "dateline text; no-declared-date",
    )
    assert found["Title"][0] == "read from the original" and found["Title"][2] == "h1"
    assert found["Source"][0] == "given by the curator"
    assert found["Authors"] == ("unknown, not found in the original", "chronicle-flag", "")


def test_a_declared_page_names_its_evidence_for_each_field(site: Path):
    found = evidence_of(site, "articles/2024/03/01/boats-return")
    assert list(found) == ["Date", "Title", "Authors", "Source"]
    assert found["Date"] == (
        "read from the original",
        "chronicle-evidence__standing",
        "jsonld meta",
    )
    assert found["Authors"][2] == "jsonld-author"
    assert found["Source"][2] == "jsonld-publisher"


def test_a_feed_entry_dated_only_by_its_update_is_not_certain(site: Path):
    found = evidence_of(site, "articles/2024/03/02/wall-repaired")
    assert found["Date"] == (
        "read from the original, not certain",
        "chronicle-flag",
        "feed-updated; updated-only",
    )
    assert found["Title"][2] == "feed-entry-title" and found["Source"][2] == "feed-title"
    assert found["Authors"][0] == "unknown, not found in the original"


def test_a_plain_texts_title_is_guessed_and_its_date_the_curators(site: Path):
    found = evidence_of(
        site, "articles/2024/04/05/ferry-timetables-change-in-april-when-the-summer-crossings"
    )
    assert found["Title"] == ("guessed from the text, uncertain", "chronicle-flag", "first-words")
    assert found["Date"] == ("given by the curator", "chronicle-evidence__standing", "")
    assert found["Source"][0] == "unknown, not found in the original"


def test_the_signals_are_said_in_words_a_reader_reads(site: Path):
    html = (site / "articles/2023/03/14/harbour-reopens/index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    (date,) = tree.xpath("//details[@class='chronicle-evidence']//dd[1]/span[@data-signals]")
    assert " ".join(date.text_content().split()) == (
        "Evidence: the dateline under the headline, the text of the page; "
        "not certain: the page declares no date"
    )


def test_evidence_words_are_escaped_and_marked_english(site: Path):
    html = (site / "articles/2025/03/21/hostile-evidence/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tree = lxml.html.fromstring(html)
    # Words outside the vocabulary (edited by hand) are quoted as stored, marked English.
    (words,) = tree.xpath("//details[@class='chronicle-evidence']//q")
    assert words.get("lang") == "en" and "alert" in words.text_content()
    (author,) = tree.xpath("//details[@class='chronicle-evidence']//dd[3]/span[@data-signals]")
    assert author.get("data-signals") == "meta"


def test_the_section_is_not_searched_and_not_printed(site: Path):
    tree = lxml.html.fromstring(
        (site / "articles/2024/03/01/boats-return/index.html").read_text(encoding="utf-8")
    )
    (box,) = tree.xpath("//details[@class='chronicle-evidence']")
    assert box.get("data-pagefind-ignore") == "all"
    css = Path(__file__).parent.parent / "scripts/chronicle/site/assets/chronicle.css"
    assert "@media print { .md-typeset .chronicle-evidence { display: none; } }" in css.read_text()


def test_the_section_is_left_off_a_printed_page(site: Path, serve_site, page):
    page.goto(serve_site(site) + "articles/2024/03/01/boats-return/")
    box = page.locator("details.chronicle-evidence")
    page.click("details.chronicle-evidence summary")
    assert box.is_visible() and "the JSON-LD author" in box.inner_text()
    page.emulate_media(media="print")
    assert not box.is_visible()


@pytest.mark.parametrize(
    ("language", "heading", "guessed", "said"),
    [
        (
            "fr",
            "Comment cette fiche a été établie",
            "deviné d’après le texte, incertain",
            "Indices : la date sous le titre, le texte de la page ; "
            "incertain : la page ne déclare aucune date",
        ),
        (
            "ar",
            "كيف أُعدّ هذا السجل",
            "مُستنتج من النص، غير مؤكد",
            "الأدلة: سطر التاريخ تحت العنوان، نص الصفحة؛ غير مؤكد: لا تعلن الصفحة أي تاريخ",
        ),
    ],
)
def test_the_evidence_is_said_in_the_archives_language_unknown_words_in_english(
    articles, language: str, heading: str, guessed: str, said: str
):
    from jinja2 import Environment, FileSystemLoader

    from chronicle.archive.evidence import record_evidence
    from chronicle.site.labels import labels_for

    templates = Path(__file__).parent.parent / "scripts/chronicle/site/templates"
    env = Environment(loader=FileSystemLoader(templates))
    env.globals["chronicle_labels"] = labels_for(language)
    article = articles.make(
        date="2023-03-14?",
        date_origin="source",
        extra={
            "evidence": {
                "date": "dateline, text; uncertain: no declared date",
                "title": "typed from a clipping",
            }
        },
    )
    html = env.get_template("chronicle/partials/evidence.html").render(
        chronicle={"evidence": record_evidence(article)}
    )
    tree = lxml.html.fromstring(html)
    assert tree.xpath("string(//summary)") == heading
    assert tree.xpath("string(//dd[1]/span[@data-standing])") == guessed
    assert " ".join(tree.xpath("string(//dd[1]/span[@data-signals])").split()) == said
    (words,) = tree.xpath("//dd[2]//q")
    assert words.text_content() == "typed from a clipping"
    assert words.get("lang") == "en"
    assert words.get("dir") == ("ltr" if language == "ar" else None)
