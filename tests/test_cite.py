from chronicle.cite import apa, bibtex, chicago, citations, mla, ris
from chronicle.dates import parse_date
from chronicle.model import Article

URL = "https://example.org/articles/x/"


def article(**kw) -> Article:
    base = dict(
        id="2025-03-21-talks",
        title="Talks stall",
        title_origin="source",
        body="",
        date=parse_date("2025-03-21"),
        source="Harbour Times",
        authors=("Jane Q. Public",),
    )
    base.update(kw)
    return Article(**base)


def test_known_article_in_every_style():
    a = article()
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


def test_unknowns_are_said_not_invented():
    a = article(title_origin="curator", date=None, source=None, authors=())
    assert apa(a, URL) == f"[Talks stall]. (n.d.). {URL}"
    assert "n.d." in chicago(a, URL) and "[Talks stall]" in mla(a, URL)
    assert "year" not in bibtex(a, URL) and "PY  -" not in ris(a, URL)


def test_approximate_dates_are_marked():
    a = article(date=parse_date("2025-03-21~"))
    assert "(ca. 2025, March 21)" in apa(a, URL)
    assert "c. 21 Mar. 2025" in mla(a, URL)
    assert "approximate" in bibtex(a, URL)


def test_original_url_is_preferred_to_the_archive_link():
    a = article(url="https://news.example/story")
    assert all(
        "https://news.example/story" in text or "news.example/story" in text
        for text in citations(a, URL).values()
    )


def test_bibtex_special_characters_are_escaped():
    assert r"Q\&A 100\%" in bibtex(article(title="Q&A 100%"), URL)
