"""Citations against each manual's own example of a newspaper article (APA 7: Carey 2019 in the
APA Style pages; MLA 9 and Chicago 17 give the same shape), with this archive as the place it
was found, and the manuals' rules for no author, no date, approximate and uncertain dates."""

import datetime as dt

import pytest

from chronicle.archive.dates import parse_date
from chronicle.archive.model import Article, Provenance
from chronicle.site.citations.records import bibtex, cite_key, csl, ris
from chronicle.site.citations.styles import Place, apa, chicago, mla
from chronicle.site.cite import citations, downloads, place_of

URL = "https://example.org/articles/x/"
ARCHIVE = "Harbour Archive"
PLACE = Place(ARCHIVE, URL, dt.date(2026, 12, 5))


@pytest.fixture(scope="module")
def carey(articles) -> Article:
    """APA's example newspaper article; tests change one field at a time."""
    return articles.make(
        id="2019-03-22-forgetting",
        title="Can we get better at forgetting?",
        title_origin="source",
        date="2019-03-22",
        source="The New York Times",
        authors=["Benedict Carey"],
    )


def test_apa_news_article(carey):
    ref = apa(carey, PLACE)
    assert ref.text == (
        "Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. "
        f"Harbour Archive. {URL}"
    )
    assert "<i>The New York Times</i>" in ref.html and "<i>Can" not in ref.html


def test_mla_news_article_with_the_archive_as_second_container(carey):
    ref = mla(carey, PLACE)
    assert ref.text == (
        "Carey, Benedict. “Can we get better at forgetting?” The New York Times, 22 Mar. 2019. "
        "Harbour Archive, example.org/articles/x/."
    )
    assert "<i>The New York Times</i>" in ref.html and "<i>Harbour Archive</i>" in ref.html


def test_chicago_bibliography_entry(carey):
    ref = chicago(carey, PLACE)
    assert ref.text == (
        "Carey, Benedict. “Can we get better at forgetting?” The New York Times, March 22, 2019. "
        f"Harbour Archive. {URL}."
    )
    assert "<i>The New York Times</i>" in ref.html and "<i>Harbour" not in ref.html


def test_no_author_puts_the_title_first_or_the_publication_in_chicago(carey):
    a = carey.with_changes(authors=())
    assert apa(a, PLACE).text.startswith(
        "Can we get better at forgetting? (2019, March 22). The New York Times."
    )
    assert mla(a, PLACE).text.startswith("“Can we get better at forgetting?” The New York Times,")
    assert chicago(a, PLACE).text.startswith(
        "The New York Times. “Can we get better at forgetting?” March 22, 2019. Harbour Archive."
    )


def test_no_date_is_nd_with_an_access_date_where_the_style_asks(carey):
    a = carey.with_changes(date=None)
    assert "(n.d.)." in apa(a, PLACE).text and "Accessed" not in apa(a, PLACE).text
    assert mla(a, PLACE).text.endswith("example.org/articles/x/. Accessed 5 Dec. 2026.")
    text = chicago(a, PLACE).text
    assert "The New York Times, n.d. Harbour Archive. Accessed December 5, 2026. " in text
    assert "n.d.." not in text


def test_approximate_and_uncertain_dates_are_told_apart(carey):
    approx = carey.with_changes(date=parse_date("2019-03~"))
    assert "(ca. 2019, March)" in apa(approx, PLACE).text
    assert "The New York Times, c. Mar. 2019." in mla(approx, PLACE).text
    assert "The New York Times, ca. March 2019." in chicago(approx, PLACE).text
    unsure = carey.with_changes(date=parse_date("2019?"))
    assert "(2019?)" in apa(unsure, PLACE).text
    assert "ca." not in chicago(unsure, PLACE).text and "2019?." in chicago(unsure, PLACE).text
    assert "c. " not in mla(unsure, PLACE).text


def test_a_devised_title_is_a_description(carey):
    a = carey.with_changes(title="Report on talks", title_origin="curator")
    assert "[Report on talks]." in apa(a, PLACE).text
    # MLA and Chicago: a description stands unquoted and unbracketed.
    assert "Carey, Benedict. Report on talks. The New York Times" in mla(a, PLACE).text
    assert "Carey, Benedict. Report on talks. The New York Times" in chicago(a, PLACE).text


def test_html_is_escaped(carey):
    a = carey.with_changes(title="<b>Q&A</b>", source="A & B <i>")
    for ref in citations(a, PLACE).values():
        assert "<b>" not in ref.html and "&lt;b&gt;Q&amp;A" in ref.html
        assert "<i>A &amp; B &lt;i&gt;</i>" in ref.html


def test_the_access_date_is_the_day_the_copy_was_made(carey):
    added = dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
    a = carey.with_changes(provenance=Provenance("x.html", "0" * 64, added, "html"))
    assert place_of(a, URL, ARCHIVE).accessed == dt.date(2026, 11, 25)
    assert place_of(carey, URL, ARCHIVE).accessed is None


def test_bibtex_keys_are_stable_and_unique_for_long_ids(carey):
    long = "2025-03-21-" + "a" * 70
    one, two = carey.with_changes(id=long + "-1"), carey.with_changes(id=long + "-2")
    assert cite_key(one) != cite_key(two) and len(cite_key(one)) <= 60
    assert cite_key(one) == cite_key(carey.with_changes(id=long + "-1"))
    assert cite_key(carey) == "2019-03-22-forgetting"


def test_bibtex_special_characters_are_escaped(carey):
    text = bibtex(carey.with_changes(title="Q&A 100% ~x^ {y}"), PLACE)
    assert r"Q\&A 100\% \textasciitilde{}x\textasciicircum{} \{y\}" in text


def test_bibtex_url_is_left_verbatim(carey):
    url = "https://www.asahi.com/oss_info/%e3%81%82?a=1&b=2#top"
    text = bibtex(carey, Place(ARCHIVE, url))
    assert f"url = {{{url}}}" in text


def test_bibtex_author_with_and_is_one_name(carey):
    text = bibtex(carey.with_changes(authors=("Smith and Jones", "Ann Lee")), PLACE)
    assert "author = {{Smith and Jones} and Ann Lee}" in text


def test_all_caps_byline_and_particles(carey):
    a = carey.with_changes(authors=("URSULA VON DER LEYEN", "Jean-Paul Sartre"))
    assert apa(a, PLACE).text.startswith("von der Leyen, U., & Sartre, J.-P. (2019")
    assert mla(a, PLACE).text.startswith("von der Leyen, Ursula, and Jean-Paul Sartre. ")
    assert "AU  - Ursula von der Leyen" in ris(a, PLACE)
    assert csl(a, PLACE)["author"] == [
        {"family": "von der Leyen", "given": "Ursula"},
        {"family": "Sartre", "given": "Jean-Paul"},
    ]
    assert csl(carey.with_changes(authors=("AFP",)), PLACE)["author"] == [{"literal": "AFP"}]


def test_csl_json_item(carey):
    item = csl(carey.with_changes(date=parse_date("2019-03-22~")), PLACE)
    assert item["type"] == "article-newspaper" and item["container-title"] == "The New York Times"
    assert item["issued"] == {"date-parts": [[2019, 3, 22]], "circa": True}
    assert item["archive"] == ARCHIVE and item["URL"] == URL


def test_downloads_are_data_links_named_by_key(carey):
    files = {d.label: d for d in downloads(carey, PLACE)}
    assert set(files) == {"BibTeX", "RIS", "CSL-JSON"}
    assert files["BibTeX"].filename == "2019-03-22-forgetting.bib"
    assert files["RIS"].href.startswith("data:application/x-research-info-systems;charset=utf-8,")


def test_title_ending_in_a_question_or_cjk_stop_gets_no_extra_stop(carey):
    j = carey.with_changes(title="停戦交渉は決裂。", authors=())
    assert apa(j, PLACE).text.startswith("停戦交渉は決裂。 (2019, March 22).")
    assert "“停戦交渉は決裂。”" in mla(j, PLACE).text
