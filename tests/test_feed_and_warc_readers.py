import datetime as dt
import gzip

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.errors import ReaderError
from chronicle.ingest.readers import read_bytes

from .conftest import FIXTURES


def read(name: str):
    return read_bytes((FIXTURES / name).read_bytes(), name)


def test_rss2_one_article_per_entry_full_content_and_guid_dedupe():
    drafts = read("feed_rss2_with_duplicate_guid.xml")
    assert [d.title for d in drafts] == [
        "Harbour works resume after storm",
        "Market hall to reopen",
    ]
    first = drafts[0]
    # content:encoded (the full text) beats the teaser in <description>; scripts are dropped.
    assert "two shifts" in first.text and "teaser" not in first.text and "alert" not in first.body
    assert first.date == ArticleDate(2024, 5, 1)  # the publisher's day, not UTC's 2 May
    assert first.authors == ("Ada Lovelace",) and first.source == "The Coastal Herald"
    assert first.url == "https://herald.example/2024/05/harbour-works"
    assert first.locator == "https://herald.example/?p=101" and first.language == "en"
    assert all(d.reader == "feed" for d in drafts)


@pytest.mark.parametrize(
    "name, title, date",
    [
        ("feed_atom.xml", "Flood barrier tested", ArticleDate(2024, 6, 2)),
        ("feed_rss1_rdf.xml", "Telegraph line restored", ArticleDate(2003, 7, 4)),
        ("feed_rss091.xml", "Lighthouse keeper retires", None),
    ],
)
def test_atom_rss1_and_rss091(name, title, date):
    (draft,) = read(name)
    assert draft.title == title and draft.date == date and draft.text


def test_a_feed_that_is_not_xml_is_refused():
    with pytest.raises(ReaderError, match="not a readable feed"):
        read("feed_not_xml.rss")


PAGE = (FIXTURES / "html_with_json_ld.html").read_bytes()


def test_warc_one_article_per_html_response_with_capture_provenance(make_warc):
    other = PAGE.replace(b"Harbour works resume", b"Ferry service returns").replace(
        b"northern harbour wall", b"southern ferry pier"
    )
    data = make_warc(
        [
            ("https://herald.example/a", "text/html; charset=utf-8", PAGE),
            ("https://herald.example/logo.png", "image/png", b"\x89PNG\r\n"),
            ("https://herald.example/b", "text/html", other),
        ]
    )
    drafts = read_bytes(data, "capture.warc.gz")
    assert [d.url for d in drafts] == ["https://herald.example/a", "https://herald.example/b"]
    assert [d.original for d in drafts] == [PAGE, other]
    assert drafts[0].retrieved == dt.datetime(2024, 5, 3, 10, tzinfo=dt.UTC)
    assert drafts[1].title == "Ferry service returns after storm"
    assert {d.reader for d in drafts} == {"warc"}


def test_uncompressed_warc_is_found_from_its_content(make_warc):
    data = make_warc([("https://herald.example/a", "text/html", PAGE)], gzipped=False)
    (draft,) = read_bytes(data, "capture.bin")
    assert draft.reader == "warc"


def test_warc_without_html_and_truncated_warc_are_refused(make_warc):
    images = make_warc([("https://x.example/a.png", "image/png", b"\x89PNG")])
    with pytest.raises(ReaderError, match="no HTML page captures"):
        read_bytes(images, "images.warc.gz")
    whole = make_warc([("https://herald.example/a", "text/html", PAGE)], gzipped=False)
    cut = gzip.compress(whole)[:-200]
    with pytest.raises(ReaderError, match="damaged or truncated"):
        read_bytes(cut, "cut.warc.gz")
