"""An article's source at ingest: stored under the registry's name, never a place or a person,
and what the page said kept in the evidence. Small articles and pages written for each case."""

from __future__ import annotations

import lxml.html
import pytest

from chronicle.archive.registry import parse_registry
from chronicle.archive.sources import SourceRegistry, parse_sources
from chronicle.ingest.readers.page_metadata import extract_page_metadata
from chronicle.ingest.sources import looks_like_person, settle_source

SOURCES = parse_sources(
    """- name: The New York Times
  aliases: [NYT]
  domains: [nytimes.com]
- name: The Guardian
  domains: [theguardian.com]
- name: Miami Herald
  domains: [miamiherald.com]
""",
    "sources.yml",
)
ENTITIES = parse_registry(
    """- {name: Gaza City, kind: place}
- {name: Basem Naim, kind: person}
- {name: Hamas, kind: organisation}
""",
    "entities.yml",
)
NONE = SourceRegistry()
DATELINE = "WASHINGTON (AP) — The harbour reopened on Tuesday after two weeks of repairs."


def settled(articles, registry=SOURCES, **fields):
    fields.setdefault("source_origin", "source" if fields.get("source") else None)
    fields.setdefault("extra", {"evidence": {"source": "og:site_name"}})
    return settle_source(articles.make(**fields), registry, ENTITIES)


def evidence(article):
    return article.extra["evidence"]["source"]


@pytest.mark.parametrize(
    ("given", "name", "how"),
    [
        ("nytimes.com", "The New York Times", "a domain"),
        ("the Guardian", "The Guardian", "the name"),
        ("miamiherald", "Miami Herald", "a spelling"),
        ("NYT", "The New York Times", "an alias"),
    ],
)
def test_a_registered_publisher_is_stored_under_its_name_with_what_the_page_said(
    articles, given, name, how
):
    article = settled(articles, source=given)
    assert article.source == name and article.source_origin == "source"
    assert evidence(article) == (
        f"og:site_name; given as “{given}”, {how} of {name} in the source registry"
    )


def test_the_registered_name_itself_changes_nothing(articles):
    article = articles.make(source="Miami Herald", source_origin="source")
    assert settle_source(article, SOURCES, ENTITIES) is article


@pytest.mark.parametrize(
    ("given", "body", "authors", "why"),
    [
        ("U.S.", "", (), "a place's initials, as in a dateline"),
        ("WASHINGTON", DATELINE, (), "the place of the article's dateline"),
        (
            "Cairo",
            "**Cairo** (Reuters) - Talks resumed.",
            (),
            "the place of the article's dateline",
        ),
        ("Gaza City", "", (), "a place in the entity registry"),
        ("Basem Naim", "", (), "a person in the entity registry"),
        ("Jane Roe", "", ("Jane Roe",), "one of the article's authors"),
        ("By Jane Roe", "", (), "a byline"),
    ],
)
def test_a_place_or_a_person_is_never_a_source(articles, given, body, authors, why):
    article = settled(articles, source=given, body=body, authors=authors)
    assert article.source is None and article.source_origin is None
    assert evidence(article) == f"og:site_name; “{given}” refused: {why}"


@pytest.mark.parametrize(
    ("given", "body", "authors"),
    [
        ("Amnesty International", "", ("Amnesty International",)),  # signs and publishes
        ("POLITICO", "Brussels — the talks went on.", ()),  # capitals, but no dateline
        ("Washington Post", DATELINE, ()),  # not the dateline's words
        ("Hamas", "", ()),  # an organisation may publish
        ("Jane Roe", "", ("John Doe",)),  # a person's name, but not of the article's authors
        ("Reuters", "Reuters - The harbour reopened.", ()),  # a credit line, not a dateline
        ("Harbour.net", "Harbour.net — The harbour reopened.", ()),
        ("Cairo", "Cairo — the city where talks were held.", ()),  # no capitals, no wire
    ],
)
def test_a_publisher_that_only_looks_alike_is_kept(articles, given, body, authors):
    article = settled(articles, registry=NONE, source=given, body=body, authors=authors)
    assert article.source == given


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("Harbour Gazette", "https://www.harbourgazette.example/a"),  # its letters in the host
        ("Harbour Tennis Club", "https://htc-harbour.example/news"),  # its initials
        ("Das Hafenblatt", "https://hafenblatt.blog.example/a"),  # a long word as a label
    ],
)
def test_a_site_that_signs_its_pages_with_its_name_keeps_it_as_the_source(articles, given, url):
    article = settled(articles, registry=NONE, source=given, authors=(given,), url=url)
    assert article.source == given


def test_the_curator_is_refused_only_what_the_entity_registry_says(articles):
    kept = settled(articles, source="WASHINGTON", source_origin="curator", body=DATELINE)
    assert kept.source == "WASHINGTON"
    refused = settled(articles, source="Gaza City", source_origin="curator")
    assert refused.source is None
    named = settled(articles, source="nyt", source_origin="curator")
    assert named.source == "The New York Times" and named.source_origin == "curator"


def test_the_address_names_a_registered_publisher_when_the_page_does_not(articles):
    nothing = settled(
        articles,
        url="https://www.theguardian.com/world/1",
        extra={"evidence": {"source": "none found"}},
    )
    assert nothing.source == "The Guardian" and nothing.source_origin == "source"
    assert evidence(nothing) == "the address's domain, in the source registry"
    refused = settled(articles, source="U.S.", url="https://edition.nytimes.com/2025/x.html")
    assert refused.source == "The New York Times"
    assert evidence(refused) == (
        "og:site_name; “U.S.” refused: a place's initials, as in a dateline; "
        "the address's domain, in the source registry"
    )
    other = settled(articles, source="NYT Opinion", url="https://www.nytimes.com/opinion/1")
    assert other.source == "The New York Times" and "given as “NYT Opinion”" in evidence(other)


def test_without_a_registry_entry_only_obvious_clean_ups_are_made(articles):
    assert settled(articles, registry=NONE, source="www.harbour-news.example").source == (
        "harbour-news.example"
    )
    assert settled(articles, registry=NONE, source="the Guardian").source == "the Guardian"
    assert settled(articles, registry=NONE, source="Harbour.com").source == "Harbour.com"
    assert settled(articles, registry=NONE, source="St.GEORG").source == "St.GEORG"
    assert settled(articles, registry=NONE, source="Harbour  Times").source == "Harbour Times"


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Jane Roe", True),
        ("J. R. Smith", True),
        ("Ana de la Cruz", True),
        ("Miami Herald", False),
        ("Harbour Times", False),
        ("Reuters", False),
        ("Channel 4 News", False),
        ("the harbour desk", False),
    ],
)
def test_what_looks_like_a_persons_name(name, person):
    assert looks_like_person(name) is person


# --- the page's own site name (the reader's cascade) ----------------------------------------


def page_metadata(headline: str, site_name: str):
    page = f"""<html><head><title>{headline}</title>
<meta property="og:site_name" content="{site_name}"></head>
<body><article><h1>{headline}</h1><p>The harbour reopened on Tuesday.</p></article></body></html>"""
    return extract_page_metadata(lxml.html.document_fromstring(page))


@pytest.mark.parametrize(
    "site_name",
    [
        "Harbour reopens after two weeks of repairs",  # the headline repeated
        "Harbour reopens after two weeks of",  # the headline cut short
    ],
)
def test_a_site_name_that_is_the_headline_is_not_a_source(site_name):
    found = page_metadata("Harbour reopens after two weeks of repairs", site_name)
    assert found.source is None
    assert "refused: the headline" in found.evidence["source"]
    assert f"“{site_name}”" in found.evidence["source"]


def test_a_site_name_that_copies_the_title_gives_the_site_after_the_headline():
    found = page_metadata("Harbour reopens after repairs", "Harbour reopens after repairs | HN")
    assert found.source == "HN" and found.evidence["source"] == "og:site_name"
    whole = page_metadata("Harbour reopens after repairs", "Harbour reopens after repairs HN")
    assert whole.source is None and "refused" in whole.evidence["source"]


def test_a_publisher_named_at_the_start_of_its_own_headline_is_kept():
    found = page_metadata("The New York Times sues over its archive", "The New York Times")
    assert found.source == "The New York Times"
    assert found.evidence["source"] == "og:site_name"
