"""What a built site offers besides its pages, read the way its users' tools read it: feeds
with feedparser and the JSON Feed 1.1 spec, references with bibtexparser, rispy and a CSL-JSON
schema, open data against its own schema, the citation_* tags as Zotero's page translator
reads them, robots.txt and the sitemap."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json

import pytest
from lxml import html as lxml_html

from chronicle.archive.model import Provenance, Quote

UTC = dt.UTC


def _prov(name: str, added: dt.datetime) -> Provenance:
    return Provenance(name, hashlib.sha256(name.encode()).hexdigest(), added, "text")


@pytest.fixture(scope="module")
def site(site_scaffold, articles, build_site):
    project = site_scaffold("outputs")
    archive = project / "docs" / "articles"
    articles.write(
        archive,
        id="2016-05-02-old-report",
        title="An old report, curated today",
        title_origin="source",
        date="2016-05-02",
        source="Harbour Times",
        authors=["Jane Q. Public", "Ali Ben Salah"],
        topics=["Gaza ceasefire"],
        summary="The old report.",
        provenance=_prov("old.html", dt.datetime(2026, 12, 1, 8, 30, tzinfo=UTC)),
    )
    articles.write(
        archive,
        id="2025-03-month-round-up",
        title="Round-up of March",
        title_origin="source",
        date="2025-03",
        source="Harbour Times",
        summary="A monthly round-up.",
        quotes=[Quote("We will not sign this", "Basem Naim", None, "said", "full")],
        provenance=_prov("month.txt", dt.datetime(2026, 1, 1, 12, tzinfo=UTC)),
    )
    articles.write(
        archive,
        id="undated-clipping",
        title="<b>Bold</b> \x07claims",
        title_origin="curator",
        summary="Nobody dated it.",
        provenance=_prov("clip.txt", dt.datetime(2025, 6, 1, tzinfo=UTC)),
    )
    return build_site(project)


ARTICLES = 3


def test_recently_added_feed_puts_a_2016_article_curated_today_first(site):
    import feedparser

    for name, version in (("feed.xml", "atom10"), ("rss.xml", "rss20")):
        feed = feedparser.parse((site / name).read_bytes())
        assert not feed.bozo and feed.version == version, feed.bozo_exception
        assert feed.entries[0].title == "An old report, curated today"
        month = next(e for e in feed.entries if e.title == "Round-up of March")
        # The month-only date is not a fake midnight of the 1st: the feed's time is the addition.
        assert month.published_parsed[:4] == (2026, 1, 1, 12)
        assert "Published March 2025" in month.summary
        assert all("\x07" not in e.title for e in feed.entries)


def test_by_publication_date_feed(site):
    import feedparser

    feed = feedparser.parse((site / "published.xml").read_bytes())
    assert [e.title for e in feed.entries][:2] == [
        "Round-up of March",
        "An old report, curated today",
    ]


# The JSON Feed 1.1 spec (https://jsonfeed.org/version/1.1) as a schema: what it requires and the
# type of each field used.
JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "description": {"type": "string"},
        "language": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_text"]}, {"required": ["content_html"]}],
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string"},
                    "title": {"type": "string"},
                    "content_text": {"type": "string"},
                    "date_published": {"type": "string", "format": "date-time"},
                    "authors": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"name": {"type": "string"}}},
                    },
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                },
                # Extensions are allowed only under names starting with an underscore.
                "patternProperties": {"^_": {"type": "object"}},
                "additionalProperties": False,
            },
        },
    },
}


def test_json_feeds_follow_the_spec(site):
    import jsonschema

    for path in ("feed.json", "published.json", "topics/gaza-ceasefire/feed.json"):
        doc = json.loads((site / path).read_text(encoding="utf-8"))
        jsonschema.validate(doc, JSON_FEED_SCHEMA, format_checker=jsonschema.FormatChecker())
        for item in doc["items"]:
            dt.datetime.fromisoformat(item["date_published"])  # RFC 3339
    topic = json.loads((site / "topics/gaza-ceasefire/feed.json").read_text(encoding="utf-8"))
    assert [i["title"] for i in topic["items"]] == ["An old report, curated today"]
    assert topic["items"][0]["_chronicle"]["publication_date"] == "2016-05-02"


def test_feed_per_source(site):
    import feedparser

    feed = feedparser.parse((site / "sources/harbour-times/rss.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 2


def test_open_data_against_its_schema(site):
    import jsonschema

    doc = json.loads((site / "data/articles.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data/articles.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["version"] == "1.0" and len(doc["articles"]) == ARTICLES
    old = next(a for a in doc["articles"] if a["id"] == "2016-05-02-old-report")
    assert old["date"] == "2016-05-02" and old["added"] == "2026-12-01T08:30:00+00:00"
    undated = next(a for a in doc["articles"] if a["id"] == "undated-clipping")
    assert undated["date"] is None and undated["source"] is None
    rows = list(csv.DictReader(io.StringIO((site / "data/articles.csv").read_text("utf-8"))))
    assert len(rows) == ARTICLES and rows[0].keys() == old.keys()
    quotes = json.loads((site / "data/quotes.json").read_text(encoding="utf-8"))["quotes"]
    assert quotes == [
        {
            "article_id": "2025-03-month-round-up",
            "article_url": "https://example.org/articles/2025/03/month-round-up/",
            "text": "We will not sign this",
            "speaker": "Basem Naim",
            "entity": None,
            "verb": "said",
            "kind": "full",
            "marks": None,  # stored before marks were kept
        }
    ]
    page = (site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="articles.json"' in page and 'href="articles.csv"' in page


# CSL-JSON as the CSL schema (csl-data.json) defines the fields written here.
_NAME = {
    "type": "object",
    "properties": {k: {"type": "string"} for k in ("family", "given", "literal")},
    "additionalProperties": False,
}
_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}},
        },
        "circa": {"type": ["string", "number", "boolean"]},
    },
    "additionalProperties": False,
}
CSL_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "properties": {
            "type": {"enum": ["article-newspaper"]},
            "id": {"type": "string"},
            "author": {"type": "array", "items": _NAME},
            "issued": _DATE,
            "accessed": _DATE,
            **{
                k: {"type": "string"}
                for k in (
                    "title",
                    "container-title",
                    "URL",
                    "archive",
                    "note",
                    "language",
                    "abstract",
                )
            },
        },
        "additionalProperties": False,
    },
}


def test_whole_archive_references_parse(site):
    import bibtexparser
    import jsonschema
    import rispy

    library = bibtexparser.parse_string((site / "data/references.bib").read_text("utf-8"))
    assert not library.failed_blocks and len(library.entries) == ARTICLES
    assert len({e.key for e in library.entries}) == ARTICLES
    old = next(e for e in library.entries if e.key == "2016-05-02-old-report")
    assert old["author"] == "Jane Q. Public and Ali Ben Salah"
    records = rispy.loads((site / "data/references.ris").read_text("utf-8"))
    assert len(records) == ARTICLES and {r["type_of_reference"] for r in records} == {"NEWS"}
    items = json.loads((site / "data/references.json").read_text("utf-8"))
    jsonschema.validate(items, CSL_SCHEMA)
    topic = bibtexparser.parse_string(
        (site / "topics/gaza-ceasefire/references.bib").read_text("utf-8")
    )
    assert [e.key for e in topic.entries] == ["2016-05-02-old-report"]
    year = rispy.loads((site / "archive/2025/references.ris").read_text("utf-8"))
    assert [r["title"] for r in year] == ["Round-up of March"]


def _highwire(page: str) -> dict[str, list[str]]:
    """The page's meta tags by name, as Zotero's Embedded Metadata translator collects them."""
    tags: dict[str, list[str]] = {}
    for meta in lxml_html.fromstring(page).xpath("//head/meta[@name or @property]"):
        key = meta.get("name") or meta.get("property")
        tags.setdefault(key, []).append(meta.get("content"))
    return tags


def test_article_page_carries_the_tags_a_reference_manager_reads(site):
    page = (site / "articles/2016/05/02/old-report/index.html").read_text(encoding="utf-8")
    tags = _highwire(page)
    assert tags["citation_title"] == ["An old report, curated today"]
    assert tags["citation_author"] == ["Jane Q. Public", "Ali Ben Salah"]
    assert tags["citation_publication_date"] == ["2016/05/02"]
    assert tags["citation_publisher"] == ["Harbour Times"]
    assert tags["citation_online_date"] == ["2026/12/01"]
    assert tags["citation_public_url"] == ["https://example.org/articles/2016/05/02/old-report/"]
    # Zotero saves a page with citation_journal_title as a journal article; a news report is not.
    assert "citation_journal_title" not in tags
    month = _highwire((site / "articles/2025/03/month-round-up/index.html").read_text("utf-8"))
    assert month["citation_date"] == ["2025/03"]  # no invented day
    undated = _highwire((site / "articles/undated/undated-clipping/index.html").read_text("utf-8"))
    assert "citation_date" not in undated


def test_robots_and_sitemap_dates(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/sitemap.xml" in robots
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "old-report/</loc>\n  <lastmod>2026-12-01<" in sitemap


@pytest.mark.browser
def test_search_results_download_as_references(site, search_page, serve_site):
    import bibtexparser
    import rispy

    page = search_page.page
    assert search_page.open(serve_site(site), "q=report") == 1
    with page.expect_download() as download:
        page.get_by_role("button", name="BibTeX").click()
    library = bibtexparser.parse_string(download.value.path().read_text("utf-8"))
    assert [e.key for e in library.entries] == ["2016-05-02-old-report"]
    search_page.open(serve_site(site), "q=round")
    with page.expect_download() as download:
        page.get_by_role("button", name="RIS").click()
    records = rispy.loads(download.value.path().read_text("utf-8"))
    assert [r["title"] for r in records] == ["Round-up of March"]
    with page.expect_download() as download:
        page.get_by_role("button", name="CSL-JSON").click()
    items = json.loads(download.value.path().read_text("utf-8"))
    assert [i["id"] for i in items] == ["2025-03-month-round-up"]
