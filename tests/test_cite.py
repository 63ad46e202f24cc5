import pytest

from chronicle.archive.dates import parse_date
from chronicle.archive.model import Article
from chronicle.site.cite import apa, bibtex, chicago, citations, mla, ris

URL = "https://example.org/articles/x/"


@pytest.fixture(scope="module")
def known(articles) -> Article:
    """An article whose every field a citation uses is known; tests change one at a time."""
    return articles.make(
        id="2025-03-21-talks",
        title="Talks stall",
        title_origin="source",
        date="2025-03-21",
        source="Harbour Times",
        authors=["Jane Q. Public"],
    )


def test_known_article_in_every_style(known):
    a = known
    assert apa(a, URL) == f"Public, J. Q. (2025, March 21). Talks stall. Harbour Times. {URL}"
    assert (
        mla(a, URL)
        == "Public, Jane Q. “Talks stall.” Harbour Times, 21 Mar. 2025, example.org/articles/x/."
    )
    assert (
        chicago(a, URL) == f"Public, Jane Q. “Talks stall.” Harbour Times, March 21, 2025. {URL}."
    )
    assert "@article{2025-03-21-talks," in bibtex(a, URL) and "journal = {Harbour Times}" in bibtex(
        a, URL
    )
    assert ris(a, URL).splitlines()[:3] == [
        "TY  - NEWS",
        "TI  - Talks stall",
        "AU  - Jane Q. Public",
    ]


def test_unknowns_are_said_not_invented(known):
    a = known.with_changes(title_origin="curator", date=None, source=None, authors=())
    assert apa(a, URL) == f"[Talks stall]. (n.d.). {URL}"
    assert "n.d." in chicago(a, URL) and "[Talks stall]" in mla(a, URL)
    assert "year" not in bibtex(a, URL) and "PY  -" not in ris(a, URL)


def test_approximate_dates_are_marked(known):
    a = known.with_changes(date=parse_date("2025-03-21~"))
    assert "(ca. 2025, March 21)" in apa(a, URL)
    assert "c. 21 Mar. 2025" in mla(a, URL)
    assert "approximate" in bibtex(a, URL)


def test_original_url_is_preferred_to_the_archive_link(known):
    a = known.with_changes(url="https://news.example/story")
    assert all(
        "https://news.example/story" in text or "news.example/story" in text
        for text in citations(a, URL).values()
    )


def test_bibtex_special_characters_are_escaped(known):
    assert r"Q\&A 100\%" in bibtex(known.with_changes(title="Q&A 100%"), URL)


def test_bibtex_url_is_left_verbatim(known):
    url = "https://www.asahi.com/oss_info/%e3%81%82?a=1&b=2#top"
    text = bibtex(known, url)
    assert f"url = {{{url}}}" in text
    assert r"\_" not in text.split("url = ")[1] and r"\%" not in text


def test_bibtex_url_braces_cannot_break_the_field(known):
    text = bibtex(known, "https://x.example/a{b}c d")
    assert "url = {https://x.example/a%7Bb%7Dc%20d}" in text


def test_bibtex_tilde_and_caret_are_characters_not_accents(known):
    text = bibtex(known.with_changes(title="~守り抜く^ 50% off_{x}\\y"), URL)
    assert r"\textasciitilde{}守り抜く\textasciicircum{} 50\% off\_\{x\}\textbackslash{}y" in text
    assert r"\~" not in text and r"\^" not in text


def test_bibtex_title_keeps_its_case_and_non_ascii(known):
    text = bibtex(known.with_changes(title="NATO: Zölle für Tokio"), URL)
    assert "title = {{NATO: Zölle für Tokio}}" in text


def test_bibtex_author_with_and_is_one_name(known):
    text = bibtex(known.with_changes(authors=("Smith and Jones", "Ann Lee")), URL)
    assert "author = {{Smith and Jones} and Ann Lee}" in text


def test_title_ending_in_a_question_gets_no_extra_stop(known):
    a = known.with_changes(title="Who pays?")
    assert "Who pays? Harbour Times." in apa(a, URL)
    assert "“Who pays?”" in mla(a, URL) and "“Who pays?”" in chicago(a, URL)
    j = known.with_changes(title="停戦交渉は決裂。", authors=())
    assert "停戦交渉は決裂。 (2025, March 21)." in apa(j, URL)
    assert "“停戦交渉は決裂。”" in mla(j, URL)


def test_all_caps_byline_and_particles(known):
    a = known.with_changes(authors=("URSULA VON DER LEYEN", "Jean-Paul Sartre"))
    assert apa(a, URL).startswith("von der Leyen, U., & Sartre, J.-P. (2025")
    assert mla(a, URL).startswith("von der Leyen, Ursula, and Jean-Paul Sartre. ")
    assert "AU  - Ursula von der Leyen" in ris(a, URL)
    # One word or a script without case is kept as written (agencies, CJK names).
    b = known.with_changes(authors=("AFP", "山田 太郎"))
    assert apa(b, URL).startswith("AFP, & ")
    assert "AU  - AFP" in ris(b, URL)


def test_mla_drops_either_scheme_and_ris_keeps_one_line_per_tag(known):
    a = known.with_changes(title="Two\nlines")
    text = mla(a, "http://news.example/a_b")
    assert text.endswith(", news.example/a_b.") and "http" not in text
    assert "TI  - Two lines" in ris(a, URL).splitlines()
