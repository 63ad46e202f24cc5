"""A date is stored as certain only when the page declares it and nothing on the page disagrees;
each class of wrong-but-certain day seen on real pages has a small page of its own here."""

from __future__ import annotations

import lxml.html

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.metadata import resolve
from chronicle.ingest.readers.html import read_html
from chronicle.ingest.readers.page_metadata import PageMetadata, extract_page_metadata

TEXT = "<p>The harbour wall was repaired over the winter and the boats are back in. </p>" * 8


def metadata(body: str, head: str = "", url: str | None = None) -> PageMetadata:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_page_metadata(lxml.html.document_fromstring(page), url)


def ld(**fields: str) -> str:
    pairs = ", ".join(f'"{k}": "{v}"' for k, v in fields.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {pairs}}}</script>'


def test_a_declared_date_nothing_disputes_is_certain():
    head = ld(headline="Harbour reopens", datePublished="2024-03-01T09:00:00+01:00")
    head += "<meta property='article:published_time' content='2024-03-01T09:00:00+01:00'>"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date == ArticleDate(2024, 3, 1)
    assert meta.date.is_exact and meta.evidence["date"] == "JSON-LD, meta tag"


def test_a_date_only_the_text_gives_is_uncertain_and_inferred():
    body = f"<h1>Harbour reopens</h1><p>Published 14 March 2023</p>{TEXT}"
    meta = metadata(body)
    assert meta.date is not None and meta.date.iso == "2023-03-14"
    assert not meta.date.is_exact and meta.date.edtf == "2023-03-14?"
    assert "uncertain" in meta.evidence["date"]


def test_a_date_in_a_sentence_of_an_undated_page_is_never_certain():
    body = (
        "<h1>Why the harbour wall matters</h1><p>The first wall was finished on 12 March 2019 "
        "after years of delay, and the town has argued about it ever since.</p>" + TEXT
    )
    meta = metadata(body)
    assert meta.date is None or not meta.date.is_exact


def test_a_page_without_any_date_stores_none():
    assert metadata(f"<h1>Why the harbour wall matters</h1>{TEXT}").date is None


def test_signals_that_disagree_make_the_day_uncertain():
    head = ld(headline="Harbour reopens", datePublished="2024-03-01T09:00:00+01:00")
    head += "<meta property='article:published_time' content='2024-02-11T09:00:00+01:00'>"
    body = f"<h1>Harbour reopens</h1><p><time datetime='2024-03-01'>1 March</time></p>{TEXT}"
    meta = metadata(body, head)
    assert meta.date == ArticleDate(2024, 3, 1, uncertain=True)
    assert "disagree" in meta.evidence["date"]


def test_the_day_in_the_address_disputes_a_declared_day():
    head = ld(headline="Harbour reopens", datePublished="2024-03-09T09:00:00+01:00")
    url = "https://news.example/2024/02/28/harbour-reopens/"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head, url)
    assert meta.date is not None and not meta.date.is_exact


def test_an_updated_time_is_not_the_publication_day():
    head = ld(headline="Harbour reopens", datePublished="2024-03-01T09:00:00+01:00")
    body = (
        "<h1>Harbour reopens</h1><p>Updated: <time datetime='2024-03-05T10:00:00+01:00'>"
        "5 March 2024</time></p><p><time class='entry-date updated' "
        "datetime='2024-03-05T10:00:00+01:00'>5 March 2024</time></p>" + TEXT
    )
    meta = metadata(body, head)
    assert meta.date == ArticleDate(2024, 3, 1)


def test_a_modification_time_alone_is_not_a_certain_publication_day():
    head = "<meta property='article:modified_time' content='2024-03-05T10:00:00+01:00'>"
    head += ld(headline="Harbour reopens", dateModified="2024-03-05T10:00:00+01:00")
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date is None or not meta.date.is_exact
    if meta.date is not None:  # and the evidence says why
        assert meta.evidence["date"].endswith("; uncertain: only a modified date")


def test_a_timestamp_with_an_offset_keeps_its_local_day():
    # 23:30 in New York is 04:30 the next day in UTC: the article appeared on the 1st.
    head = ld(headline="Harbour reopens", datePublished="2024-03-01T23:30:00-05:00")
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date == ArticleDate(2024, 3, 1)


def test_a_utc_timestamp_takes_the_day_of_the_same_moment_on_the_local_clock():
    head = ld(headline="Harbour reopens", datePublished="2023-11-09T05:30:59Z")
    body = "<h1>Harbour reopens</h1><p><time datetime='2023-11-08 23:30:59'>Nov 8</time></p>"
    meta = metadata(body + TEXT, head)
    assert meta.date is not None and meta.date.iso == "2023-11-08"


def test_a_utc_timestamp_one_day_off_the_address_takes_the_address_day():
    head = ld(headline="Harbour reopens", datePublished="2023-11-09T03:10:00Z")
    url = "https://news.example/2023/11/08/harbour-reopens/"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head, url)
    assert meta.date == ArticleDate(2023, 11, 8)


def test_a_footer_copyright_year_is_never_a_date():
    body = f"<h1>Why the harbour wall matters</h1>{TEXT}<footer><p>© 2019 Coast Herald</p></footer>"
    assert metadata(body).date is None


def test_the_stored_article_says_where_its_date_came_from():
    page = f"<html><head></head><body><h1>Harbour reopens</h1><p>14 March 2023</p>{TEXT}"
    (draft,) = read_html(f"{page}</body></html>".encode(), "page.html")
    import datetime as dt

    article = resolve(draft, {}, original_name="p.html", sha256="0" * 64, added=dt.datetime.now())
    assert article.date is not None and article.date.edtf == "2023-03-14?"
    assert "uncertain" in article.extra["evidence"]["date"]
    curated = resolve(
        draft, {"date": ArticleDate(2023, 3, 14)}, original_name="p.html", sha256="0" * 64,
        added=dt.datetime.now(),
    )  # fmt: skip
    assert curated.date_origin == "curator" and curated.extra["evidence"]["date"] == "curator"


def test_a_time_in_a_sidebar_of_other_posts_does_not_date_an_undated_page():
    body = (
        f"<h1>Why the harbour wall matters</h1>{TEXT}<aside><h3>Recent posts</h3><ul><li>"
        "<a href='/p/1'>Ferry times</a> <time datetime='2024-02-02T10:00:00+01:00'>2 Feb</time>"
        "</li></ul></aside><div class='widget related'><time datetime='2024-02-03'>3 Feb</time>"
        "</div>"
    )
    meta = metadata(body)
    assert meta.date is None or not meta.date.is_exact


def test_an_http_style_declared_date_is_read():
    # Some CMSs write RFC 2822 dates into their meta tags and JSON-LD.
    head = "<meta property='article:published_time' content='Mon, 03 Aug 2015 12:45:00 -0400'>"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date == ArticleDate(2015, 8, 3)
    assert meta.date.is_exact and meta.evidence["date"] == "meta tag"


def test_a_gmt_timestamp_and_the_dateline_of_the_evening_before_agree_on_the_dateline():
    head = ld(headline="Harbour reopens", datePublished="Wed, 04 May 2022 02:41:00 GMT")
    body = f"<h1>Harbour reopens</h1><p>3 de mayo de 2022</p>{TEXT}"
    meta = metadata(body, head)
    assert meta.date == ArticleDate(2022, 5, 3)


def test_a_dateline_a_utc_time_cannot_reach_disagrees_with_it():
    # 15:00 UTC is the same day from UTC-12 to UTC+8: a dateline of the day before is another day.
    head = ld(headline="Harbour reopens", datePublished="2022-05-04T15:00:00Z")
    body = f"<h1>Harbour reopens</h1><p>3 May 2022</p>{TEXT}"
    meta = metadata(body, head)
    assert meta.date is not None and not meta.date.is_exact


def test_two_json_ld_objects_with_two_publication_days_are_not_certain():
    head = ld(headline="Harbour reopens", datePublished="2021-09-19T14:00:49Z")
    head += (
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2021-09-20T09:45:26-07:00"}</script>'
    )
    head += "<meta property='article:published_time' content='2021-09-19T14:00:49Z'>"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date == ArticleDate(2021, 9, 19, uncertain=True)
    assert "disagree" in meta.evidence["date"]


def test_two_utc_times_more_than_a_day_apart_disagree():
    head = "<meta property='article:published_time' content='2016-12-14T06:02:15Z'>"
    head += "<meta name='date' content='2016-12-15T13:50:38Z'>"
    meta = metadata(f"<h1>Harbour reopens</h1>{TEXT}", head)
    assert meta.date is not None and not meta.date.is_exact


def test_the_address_day_is_not_a_second_witness_against_the_page():
    # A magazine's address carries its issue day; the page's own day and its dateline (the
    # evening before, in New York) are one moment and outweigh it, uncertain since they differ.
    head = "<meta property='article:published_time' content='2016-11-28T00:00:00.000Z'>"
    body = f"<h1>Lessons from the harbour</h1><p>November 27, 2016</p>{TEXT}"
    url = "https://magazine.example/magazine/2016/12/05/lessons-from-the-harbour"
    meta = metadata(body, head, url)
    assert meta.date == ArticleDate(2016, 11, 27, uncertain=True)


def test_a_date_labelled_as_published_in_a_list_of_facts_dates_an_undated_page_uncertainly():
    body = (
        "<h1>A harbour guide</h1><dl><dt>Format</dt><dd>Paperback</dd>"
        "<dt>配信開始日</dt><dd>2019/3/5</dd></dl>" + TEXT
    )
    meta = metadata(body)
    assert meta.date == ArticleDate(2019, 3, 5, uncertain=True)
    assert "date labelled as published" in meta.evidence["date"]


def test_a_date_labelled_otherwise_in_a_list_of_facts_is_not_the_publication_day():
    body = "<h1>A harbour guide</h1><table><tr><th>Updated</th><td>2019/3/5</td></tr></table>"
    assert metadata(body + TEXT).date is None
