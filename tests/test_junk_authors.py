"""Authors: link labels, widgets, theme credits and job titles are never stored as names. Small
bylines written for each class of mistake seen on real pages."""

from __future__ import annotations

import lxml.html

from chronicle.ingest.readers.page_metadata import extract_page_metadata
from chronicle.ingest.readers.page_metadata.byline import split_authors

TEXT = "<p>The harbour wall was repaired over the winter and the boats are back in. </p>" * 8


def test_a_widget_label_glued_to_the_name_is_cut():
    assert split_authors("Jane DoeShow all articles of Jane Doe") == ["Jane Doe"]
    assert split_authors("By Jane Doe View all posts by Jane Doe") == ["Jane Doe"]
    assert split_authors("Jane Doe archive →") == ["Jane Doe"]


def test_link_labels_and_theme_credits_are_not_names():
    assert split_authors("View my complete profile") == []
    assert split_authors("Theme by Example Themes") == []
    assert split_authors("Powered by WordPress") == []


def test_a_job_title_is_not_a_second_author():
    assert split_authors("Sam Stein, Senior Politics Editor") == ["Sam Stein"]
    assert split_authors("Ada Lovelace, Staff Writer") == ["Ada Lovelace"]
    assert split_authors("Editor") == []


def test_a_page_whose_byline_is_a_profile_widget_names_the_person_only():
    body = (
        "<h1>Harbour reopens</h1><div class='byline'>By <a href='/author/jane-doe/'>Jane Doe"
        "</a><a href='/author/jane-doe/'>Show all articles of Jane Doe</a></div>" + TEXT
    )
    page = f"<html><head><meta name='author' content='View my complete profile'></head><body>{body}"
    meta = extract_page_metadata(lxml.html.document_fromstring(page + "</body></html>"))
    assert meta.authors == ("Jane Doe",)


def test_a_headline_or_a_place_is_not_the_source():
    head = (
        "<meta property='og:site_name' content='Harbour reopens after the storm'>"
        "<meta property='og:title' content='Harbour reopens after the storm'>"
    )
    page = f"<html><head>{head}</head><body><h1>Harbour reopens after the storm</h1>{TEXT}"
    meta = extract_page_metadata(lxml.html.document_fromstring(page + "</body></html>"))
    assert meta.title == "Harbour reopens after the storm" and meta.source is None
    head = "<meta property='og:site_name' content='U.S.'>"
    page = f"<html><head>{head}</head><body><h1>Harbour reopens</h1>{TEXT}</body></html>"
    assert extract_page_metadata(lxml.html.document_fromstring(page)).source is None


def authors_of(head: str) -> tuple[str, ...]:
    page = f"<html><head>{head}</head><body><h1>Harbour wall repaired</h1>{TEXT}</body></html>"
    return extract_page_metadata(lxml.html.document_fromstring(page)).authors


def test_an_imprint_in_the_author_field_names_the_publisher_not_its_places():
    assert split_authors("Harbour Verlag GmbH, Kiel, Germany") == ["Harbour Verlag GmbH"]
    assert split_authors("harbour-news.example, Kiel, Germany") == ["harbour-news.example"]
    assert authors_of("<meta name='author' content='Harbour Verlag GmbH, Kiel, Germany'>") == (
        "Harbour Verlag GmbH",
    )


def test_a_person_the_page_names_is_kept_beside_an_imprint():
    head = (
        "<meta name='author' content='Harbour Verlag GmbH, Kiel, Germany'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Jane Doe"}}</script>'
    )
    assert authors_of(head) == ("Jane Doe",)
    # A list of names after a company is a byline, not an address.
    assert split_authors("Jane Doe, John Roe") == ["Jane Doe", "John Roe"]


def test_a_name_written_twice_is_one_name_and_a_placeholder_is_none():
    assert split_authors("Harbourcasts Harbourcasts") == ["Harbourcasts"]
    assert split_authors("Jane Doe Jane Doe") == ["Jane Doe"]
    assert split_authors("Xxx") == []
    # Two people of one family are not a name written twice.
    assert split_authors("Jane Doe and John Doe") == ["Jane Doe", "John Doe"]


def test_an_initial_ending_a_name_is_part_of_it_and_an_outlet_in_capitals_is_not():
    # A second surname shortened to its initial, as Spanish-language bylines write it.
    assert split_authors("Nicolas Gutierrez C.") == ["Nicolas Gutierrez C."]
    assert split_authors("Por Ana María Ruiz G.") == ["Ana María Ruiz G."]
    assert split_authors("Meg Wagner NEW YORK DAILY NEWS") == ["Meg Wagner"]
    assert split_authors("Meg Wagner AP") == ["Meg Wagner"]


def test_a_dated_byline_under_the_headline_names_its_author():
    # "Posted on <day> by <name>", as blog themes print it; the day is not part of the name.
    for line, name in [
        ("Posted on September 21, 2020 by Jane Doe", "Jane Doe"),
        ("Veröffentlicht am 3. März 2022 von Anna Schmidt", "Anna Schmidt"),
        ("21/09/2020 par Jean Dupont", "Jean Dupont"),
    ]:
        body = f"<h1>Harbour reopens</h1><div class='meta'>{line}</div>{TEXT}"
        page = f"<html><body>{body}</body></html>"
        meta = extract_page_metadata(lxml.html.document_fromstring(page))
        assert meta.authors == (name,), line
    # A sentence that is not a day before "by" is no byline; nor a name that is not one.
    for line in ("Posted in the harbour by Jane Doe", "Posted on 21 September 2020 by admin"):
        page = f"<html><body><h1>Harbour reopens</h1><p>{line}</p>{TEXT}</body></html>"
        assert extract_page_metadata(lxml.html.document_fromstring(page)).authors == (), line
