"""Every reader records where each field came from (plain text, Markdown, a Material blog post,
feeds), in the archive's vocabulary of signals; a curator's flag replaces it; an Atom entry with
only `updated` gives no certain publication date; evidence stored in the older words still reads.
Small inputs written for each case, read as `chronicle add` reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from chronicle.archive.dates import parse_date
from chronicle.archive.evidence import (
    NOTES,
    SIGNALS,
    TRANSCRIBED,
    date_guessed,
    parse,
    record_evidence,
)
from chronicle.archive.model import Article
from chronicle.ingest.prepare import articles_from_bytes
from chronicle.ingest.readers.page_metadata import extract_page_metadata
from chronicle.site.labels import load_catalogue
from tests.test_evidence import DECLARED, GUESSED

ADDED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LEDE = "The harbour wall was repaired over the winter and the boats are back in the water."


def add(data: str | bytes, name: str, **flags) -> list[Article]:
    raw = data.encode() if isinstance(data, str) else data
    return [a for a, _ in articles_from_bytes(raw, name, flags, added=ADDED)]


def standings(article: Article) -> dict[str, tuple[str, tuple[str, ...], str | None]]:
    """field → (standing, signal codes, note code)."""
    return {f.field: (f.standing, f.signals, f.note) for f in record_evidence(article)}


def test_plain_text_says_its_title_is_guessed_and_nothing_else_was_found():
    (article,) = add(f"{LEDE}\n\nA second paragraph follows here.\n", "harbour.txt")
    assert article.extra["evidence"] == {
        "title": "first words of the text",
        "date": "none found",
        "authors": "none found",
        "source": "none found",
    }
    found = standings(article)
    assert found["title"] == ("guessed", ("first-words",), None)
    assert found["date"][0] == found["authors"][0] == found["source"][0] == "unknown"


def test_a_curator_flag_replaces_the_readers_evidence():
    (article,) = add(
        f"{LEDE}\n", "harbour.txt", date=parse_date("2024-03-01"), source="Coast Herald"
    )
    assert article.extra["evidence"]["date"] == "curator"
    assert article.extra["evidence"]["source"] == "curator"
    assert standings(article)["date"] == ("curator", ("curator",), None)


MARKDOWN = f"""---
title: Boats return to the harbour
date: 2024-03-01
authors: [Jane Doe]
---

{LEDE}
"""


def test_markdown_front_matter_is_named_for_each_key_it_gave():
    (article,) = add(MARKDOWN, "boats.md")
    assert article.extra["evidence"] == {
        "title": "front matter",
        "date": "front matter",
        "authors": "front matter",
        "source": "none found",
    }
    found = standings(article)
    assert found["date"] == ("curator", ("front-matter",), None)
    assert found["authors"][0] == "curator" and found["source"][0] == "unknown"


def test_a_flag_over_front_matter_is_the_curators_word():
    (article,) = add(MARKDOWN, "boats.md", date=parse_date("2024-03-02"))
    assert article.extra["evidence"]["date"] == "curator"
    assert article.extra["evidence"]["title"] == "front matter"


def test_a_markdown_heading_is_read_from_the_original():
    (article,) = add(f"# Boats return\n\n{LEDE}\n", "boats.md")
    assert article.extra["evidence"]["title"] == "first heading"
    assert standings(article)["title"] == ("source", ("heading",), None)
    (guessed,) = add(f"{LEDE}\n", "lede.md")
    assert standings(guessed)["title"] == ("guessed", ("first-words",), None)


def test_a_blog_posts_date_and_authors_come_from_its_front_matter(tmp_path: Path):
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "blog" / ".authors.yml").write_text(
        "authors:\n  jd:\n    name: Jane Doe\n", encoding="utf-8"
    )
    post = posts / "boats.md"
    post.write_text(
        f"---\ndate:\n  created: 2024-03-01\n  updated: 2024-04-01\nauthors: [jd]\n"
        f"categories: [Harbour]\n---\n\n# Boats return\n\n{LEDE}\n",
        encoding="utf-8",
    )
    (article,) = add(post.read_bytes(), str(post))
    assert article.authors == ("Jane Doe",) and article.date == parse_date("2024-03-01")
    evidence = article.extra["evidence"]
    assert evidence["date"] == "front matter"
    assert evidence["authors"] == "front matter, .authors.yml"
    assert standings(article)["authors"] == ("curator", ("front-matter", "authors-file"), None)


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Herald</title>
<item><title>Boats return</title><link>https://herald.example/boats</link>
<guid>https://herald.example/?p=1</guid><author>jane@herald.example (Jane Doe)</author>
<pubDate>Fri, 01 Mar 2024 09:00:00 +0100</pubDate><description>{LEDE}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Coast Herald</title>
<entry><title>Boats return</title><id>urn:1</id><updated>2024-03-02T10:00:00Z</updated>
<content>{LEDE}</content></entry>
<entry><title>Wall repaired</title><id>urn:2</id><published>2024-02-01T10:00:00Z</published>
<updated>2024-03-02T10:00:00Z</updated><author><name>Ann Lee</name></author>
<content>{LEDE}</content></entry></feed>"""

RSS1 = f"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://herald.example/"><title>Coast Herald</title></channel>
<item rdf:about="https://herald.example/boats"><title>Boats return</title>
<link>https://herald.example/boats</link><description>{LEDE}</description>
<dc:date>2024-03-01T09:00:00+01:00</dc:date></item></rdf:RDF>"""


def test_an_rss_entry_names_its_published_date_author_and_the_feeds_title():
    (article,) = add(RSS, "herald.rss")
    assert article.extra["evidence"] == {
        "title": "title of the feed entry",
        "date": "published date of the feed entry",
        "authors": "author of the feed entry",
        "source": "title of the feed",
    }
    assert article.date is not None and article.date.is_exact
    assert standings(article)["date"] == ("source", ("feed-published",), None)


def test_an_atom_entry_with_only_updated_gives_no_certain_publication_date():
    updated_only, published = add(ATOM, "herald.atom")
    assert updated_only.date is not None and updated_only.date.edtf == "2024-03-02?"
    assert updated_only.extra["evidence"]["date"] == (
        "updated date of the feed entry; uncertain: only an updated date"
    )
    by_field = {f.field: f for f in record_evidence(updated_only)}
    assert by_field["date"].uncertain and by_field["date"].note == "updated-only"
    assert by_field["authors"].standing == "unknown"
    # Published and updated both given: the publication's day, certain.
    assert published.date is not None and published.date.edtf == "2024-02-01"
    assert published.extra["evidence"]["date"] == "published date of the feed entry"


def test_rss1s_dc_date_is_the_entrys_date():
    (article,) = add(RSS1, "herald.rdf")
    assert article.date is not None and article.date.edtf == "2024-03-01"
    assert article.extra["evidence"]["date"] == "date of the feed entry"


def test_check_lists_an_updated_only_feed_date_for_review(tmp_path: Path, cli):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    feed = tmp_path / "herald.atom"
    feed.write_text(ATOM, encoding="utf-8")
    archive = tmp_path / "docs" / "articles"
    cli("add", feed, "--archive", archive)
    out = cli("check", "--archive", archive).output
    line = next(line for line in out.splitlines() if "boats-return" in line and "date" in line)
    assert "uncertain" in line and "only an updated date" in line


def test_a_web_archives_pages_keep_the_web_readers_evidence(make_warc):
    data = make_warc(
        [
            ("https://herald.example/boats", "text/html", DECLARED.encode()),
            ("https://herald.example/harbour", "text/html", GUESSED.encode()),
        ]
    )
    declared, guessed = add(data, "capture.warc.gz")
    assert declared.extra["evidence"]["date"] == "JSON-LD, meta tag"
    assert standings(declared)["authors"] == ("source", ("jsonld-author",), None)
    assert standings(guessed)["date"] == ("guessed", ("dateline", "text"), "no-declared-date")


@pytest.mark.parametrize(
    ("words", "signals", "note"),
    [
        ("dateline, text; uncertain: no declared date", ("dateline", "text"), "no-declared-date"),
        ("JSON-LD, meta tag; uncertain: signals disagree", ("jsonld", "meta"), "disagree"),
        ("<h1>, site name or kicker cut", ("h1", "cut"), None),
        ("meta article:author", ("meta",), None),
        ("meta author, the site's own name", ("meta", "site-own-name"), None),
        ('rel="author" link', ("rel-author",), None),
        ("og:site_name", ("og-site-name",), None),
        (TRANSCRIBED, ("curator", "transcribed"), None),
        ("none found", (), None),
    ],
)
def test_old_stored_words_read_as_codes(words: str, signals: tuple[str, ...], note: str | None):
    found = parse(words)
    assert found.complete and found.signals == signals and found.note == note


def test_a_day_only_the_modification_time_gives_is_read_not_guessed(articles):
    article = articles.make(
        date="2024-03-05?",
        date_origin="source",
        extra={"evidence": {"date": "text; uncertain: only a modified date"}},
    )
    assert not date_guessed(article)
    (date, *_) = record_evidence(article)
    assert (date.standing, date.uncertain, date.note) == ("source", True, "modified-only")


def test_words_outside_the_vocabulary_are_kept_and_never_decide_a_guess(articles):
    assert not parse("typed from a clipping").complete
    # What follows the signals outside the vocabulary is kept beside them, as written.
    found = parse("og:site_name; given as “herald.example”, a domain of Herald in the registry")
    assert found.complete and found.signals == ("og-site-name",) and found.note is None
    assert found.rest == "given as “herald.example”, a domain of Herald in the registry"
    article = articles.make(
        date="2023-03-14", date_origin="source", extra={"evidence": {"date": "a hunch"}}
    )
    assert not date_guessed(article)
    (date, *_) = record_evidence(article)
    assert date.words == "a hunch" and not date.translated


def test_the_web_readers_write_only_words_of_the_vocabulary():
    for page in (DECLARED, GUESSED):
        meta = extract_page_metadata(lxml.html.document_fromstring(page))
        for field, words in meta.evidence.items():
            assert parse(words).complete, (field, words)


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "pt", "ar"])
def test_every_signal_and_note_has_words_in_every_catalogue(language: str):
    catalogue = load_catalogue(language)
    missing = [c for c in SIGNALS if f"evidence.signal.{c}" not in catalogue]
    missing += [c for c in NOTES if f"evidence.note.{c}" not in catalogue]
    assert not missing


def test_the_page_says_the_signals_and_quotes_a_registrys_words(articles):
    from jinja2 import Environment, FileSystemLoader

    from chronicle.site.labels import labels_for

    templates = Path(__file__).parent.parent / "scripts/chronicle/site/templates"
    env = Environment(loader=FileSystemLoader(templates))
    env.globals["chronicle_labels"] = labels_for("de")
    article = articles.make(
        source="Herald",
        source_origin="source",
        extra={"evidence": {"source": "og:site_name; given as “herald.example”, a domain"}},
    )
    html = env.get_template("chronicle/partials/evidence.html").render(
        chronicle={"evidence": record_evidence(article)}
    )
    tree = lxml.html.fromstring(html)
    (said,) = tree.xpath("//dd[4]/span[@data-signals]")
    assert said.get("data-signals") == "og-site-name"
    assert said.text_content().startswith("Belege: das og:site_name-Tag; ")
    (quoted,) = said.xpath(".//q")
    assert quoted.text_content() == "given as “herald.example”, a domain"
    assert quoted.get("lang") == "en"
