"""Property tests: whatever bytes a reader is given, and whatever a stored file's front matter
holds, the only outcomes are an article or a one-line error (never another exception), and an
article that is stored reads back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.archive.front_matter import parse_yaml, split_front_matter
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.prepare import articles_from_bytes
from chronicle.ingest.readers import read_bytes
from tests.conftest import make_warc

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
# Small and quick: these run with the rest of the suite; a deeper fuzz is a matter of raising
# max_examples locally (HYPOTHESIS_PROFILE is not needed for that).
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text with the characters that break things: controls, bidi overrides, markup, YAML syntax.
NASTY = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("<>&\"'[]{}:#*!|-\n\r\t\x00\x1b\x07\u202e\ufeff\\`")),
    ),
    max_size=300,
)


def _outcome(data: bytes, name: str) -> None:
    """An article (that stores and reads back) or a one-line ChronicleError."""
    try:
        pairs = articles_from_bytes(data, name, {}, added=NOW)
    except ChronicleError as exc:
        assert "\n" not in str(exc)
        return
    assert pairs


def _stores(tmp: Path, data: bytes, name: str) -> None:
    try:
        pairs = articles_from_bytes(data, name, {}, added=NOW)
    except ChronicleError:
        return
    store = ArticleStore(tmp)
    for article, _ in pairs:
        try:
            outcome = store.add(article)
        except ChronicleError as exc:  # over a limit: refused in one line, nothing written
            assert "\n" not in str(exc)
            continue
        if outcome.status == "added":
            store.read(outcome.path)  # what was stored is valid to read


@SETTINGS
@given(NASTY)
def test_text_reader(text):
    _outcome(text.encode("utf-8", "surrogatepass"), "in.txt")


@SETTINGS
@given(st.binary(max_size=400))
def test_text_reader_on_any_bytes(data):
    _outcome(data, "in.txt")


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            ["title", "date", "source", "authors", "topics", "summary", "url", "language", "junk"]
        ),
        st.one_of(NASTY, st.lists(NASTY, max_size=3), st.integers()),
        max_size=5,
    ),
    NASTY,
)
def test_markdown_reader_with_front_matter(tmp_path_factory, meta, body):
    front = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    data = f"---\n{front}---\n{body}\n".encode("utf-8", "surrogatepass")
    _outcome(data, "in.md")
    _stores(tmp_path_factory.mktemp("md"), data, "in.md")


@SETTINGS
@given(NASTY, NASTY, NASTY)
def test_html_reader(tmp_path_factory, title, author, body):
    page = (
        f"<html><head><title>{title}</title><meta name=author content='{author}'></head>"
        f"<body><article><p>{body}</p><p>Negotiators met again on Tuesday, officials said, "
        f"and talks went on late into the night. {body}</p></article></body></html>"
    ).encode("utf-8", "surrogatepass")
    _outcome(page, "in.html")
    _stores(tmp_path_factory.mktemp("html"), page, "in.html")


@SETTINGS
@given(st.lists(st.tuples(NASTY, NASTY), min_size=1, max_size=3), st.booleans())
def test_feed_reader(entries, atom):
    if atom:
        items = "".join(
            f"<entry><title>{t}</title><id>e{i}</id><content type='html'>{d}</content></entry>"
            for i, (t, d) in enumerate(entries)
        )
        doc = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>{items}</feed>"
    else:
        items = "".join(
            f"<item><title>{t}</title><guid>e{i}</guid><description>{d}</description></item>"
            for i, (t, d) in enumerate(entries)
        )
        doc = f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>"
    _outcome(doc.encode("utf-8", "surrogatepass"), "feed.xml")


@SETTINGS
@given(
    st.lists(
        st.tuples(NASTY, st.sampled_from(["text/html", "text/plain", ""]), NASTY),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
)
def test_warc_reader(records, gzipped):
    built = [
        (
            f"https://example.org/{i}?{t}".replace(" ", "%20")[:200],
            kind,
            f"<html><head><title>{t}</title></head><body><p>{b} Talks went on late into the "
            f"night, officials said.</p></body></html>".encode("utf-8", "surrogatepass"),
        )
        for i, (t, kind, b) in enumerate(records)
    ]
    try:
        data = make_warc(built, gzipped=gzipped)
    except Exception:  # warcio refused to write it: not the reader's input
        return
    _outcome(data, "capture.warc.gz" if gzipped else "capture.warc")


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["a.warc.gz", "a.html.gz", "a.xml", "a.html"]))
def test_any_bytes_under_any_name(data, name):
    try:
        read_bytes(data, name)
    except ChronicleError as exc:
        assert "\n" not in str(exc)


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), NASTY),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(NASTY, inner, max_size=3)),
    max_leaves=10,
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "title",
                "date",
                "source",
                "authors",
                "quotes",
                "extra",
                "provenance",
                "summary",
                "word_count",
            ]
        ),
        YAML_VALUES,
        max_size=6,
    ),
    NASTY,
)
def test_stored_front_matter_reads_or_fails_in_one_line(tmp_path_factory, meta, body):
    folder = tmp_path_factory.mktemp("stored")
    path = folder / "a.md"
    front = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8", errors="surrogatepass")
    try:
        ArticleStore(folder).read(path)
    except ChronicleError as exc:
        assert "\n" not in str(exc)


@SETTINGS
@given(NASTY)
def test_yaml_text_reads_or_fails_in_one_line(text):
    try:
        raw, _ = split_front_matter(f"---\n{text}\n---\n", "a.md")
        parse_yaml(raw, "a.md")
    except ChronicleError as exc:
        assert "\n" not in str(exc)


def test_the_examples_cover_every_reader():
    """Each reader above is reached (a reader test that only ever failed early proves little)."""
    for data, name in [
        (b"Talks went on.\n", "a.txt"),
        (b"---\ntitle: T\n---\nTalks went on.\n", "a.md"),
        (
            b"<rss version='2.0'><channel><item><title>T</title><description>Talks went on late "
            b"into the night, officials said.</description></item></channel></rss>",
            "a.xml",
        ),
    ]:
        assert read_bytes(data, name)
