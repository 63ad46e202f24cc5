import gzip

import lxml.html
import markdown
import pytest

from chronicle.dates import ArticleDate
from chronicle.errors import ReaderError
from chronicle.readers import read_bytes, sniff
from chronicle.readers.html import decode_html, read_html
from chronicle.readers.html_metadata import (
    _cut_site_tail,
    _shortest_agreeing,
    choose_title,
    day_from_text,
    elect_day,
    local_day,
    lone_headline,
    profile_link_author,
    rel_authors,
    split_authors,
    strip_site_name,
    strip_tight_site_name,
)

from .conftest import FIXTURES


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_page_metadata_comes_from_json_ld_and_the_headline():
    (draft,) = read_html(fixture("html_with_json_ld.html"), "page.html")
    assert draft.title == "Harbour works resume after storm"
    # JSON-LD's datePublished wins over the meta tag, and keeps the page's own (local) day.
    assert draft.date == ArticleDate(2024, 5, 1)
    assert draft.authors == ("Ada Lovelace", "Grace Hopper")
    assert draft.source == "The Coastal Herald"
    assert draft.url == "https://herald.example/2024/05/harbour-works"
    assert draft.language == "en"
    assert not draft.inferred


def test_body_is_the_article_only_and_safe_markdown():
    (draft,) = read_html(fixture("html_with_json_ld.html"), "page.html")
    assert "northern harbour wall" in draft.text and "fish market" in draft.text
    assert "Subscribe" not in draft.text and "Sport" not in draft.text
    assert "alert" not in draft.body
    assert "## Costs &amp; delays" in draft.body
    assert "- Phase one: the breakwater." in draft.body
    rendered = markdown.markdown(draft.body)
    # Text that looks like markup stays text: no tag, no emphasis, no link.
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "*stars*" in rendered and "[brackets]" in rendered
    # The headline is the title; it is not repeated as the first line of the body.
    assert not draft.body.startswith("#")


def test_a_page_that_is_not_utf8_is_decoded_by_its_declared_charset():
    data = fixture("html_latin1.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (draft,) = read_html(data, "alt.html")
    assert draft.title == "Grüne Brücke eröffnet"  # " - Stadtanzeiger" is the site
    assert "Fußgängerbrücke über die Aare" in draft.text
    assert draft.date == ArticleDate(2023, 3, 14)
    assert draft.authors == ("Jürgen Müller",)


def test_undeclared_legacy_encoding_is_detected():
    text = "<html><body><p>" + "Die Brücke über die Aare ist eröffnet. " * 20 + "</p></body></html>"
    assert "Brücke über" in decode_html(text.encode("cp1252"), "x.html")


def test_gzip_pages_are_read_and_format_is_found_from_content():
    data = gzip.compress(fixture("html_with_json_ld.html"))
    (draft,) = read_bytes(data, "saved.html.gz")
    assert draft.reader == "html" and draft.title == "Harbour works resume after storm"
    # A saved page with the wrong extension is still a page.
    assert sniff(fixture("html_with_json_ld.html"), "clipping.txt") == "html"


@pytest.mark.parametrize(
    "data, name, reason",
    [
        (b"", "empty.html", "empty"),
        (b"\x00\x01\x02binary" * 50, "x.html", "binary"),
        (gzip.compress(b"<html>" + b"x" * 5000, mtime=0)[:40], "cut.html.gz", "truncated"),
        (None, "html_without_article.html", "no article text"),
    ],
    ids=["empty", "binary", "truncated-gzip", "no-article"],
)
def test_bad_pages_get_one_line_reasons(data, name, reason):
    with pytest.raises(ReaderError) as info:
        read_bytes(data if data is not None else fixture(name), name)
    assert reason in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Headline of the day | The Herald", "Headline of the day"),
        ("The Herald - Headline of the day", "Headline of the day"),
        ("Headline of the day – herald.example", "Headline of the day"),
        ("Tanz: Mit allen Wassern gewaschen | The Herald", "Tanz: Mit allen Wassern gewaschen"),
        ("U.S.-backed plan - News - The Herald", "U.S.-backed plan - News"),
        ("The Herald", "The Herald"),  # never cut to nothing
    ],
)
def test_site_name_is_cut_from_titles(title, expected):
    hosts = {"herald"}
    assert strip_site_name(title, {"The Herald"}, hosts) == expected


def test_the_h1_confirms_a_declared_title_and_a_logo_h1_is_ignored():
    sites, hosts = {"The Herald"}, {"herald"}
    declared = ["Storm damage: what we know - Live | The Herald"]
    assert choose_title(declared, ["The Herald", "Storm damage: what we know"], sites, hosts) == (
        "Storm damage: what we know"
    )
    # No <h1> agrees: the first declared title, without the site name.
    assert choose_title(["Quiet day | The Herald"], ["Menu"], sites, hosts) == "Quiet day"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-01T23:30:00-04:00", ArticleDate(2024, 5, 1)),
        ("2024-05-02", ArticleDate(2024, 5, 2)),
        ("2024-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_day_from_text_keeps_the_written_day(value, expected):
    assert day_from_text(value) == expected


@pytest.mark.parametrize(
    "byline, names",
    [
        ("By Ada Lovelace and Grace Hopper, PhD", ["Ada Lovelace", "Grace Hopper"]),
        ("Sam Stein Senior Politics Editor", ["Sam Stein"]),
        ("Meg Wagner NEW YORK DAILY NEWS", ["Meg Wagner"]),
        (
            "JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL",
            ["JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL"],
        ),
        ("Pete Evans · CBC News", ["Pete Evans"]),
        ("Gillman, Steve", ["Steve Gillman"]),
        ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
        ("Von Jürgen Müller und Anna Schmidt", ["Jürgen Müller", "Anna Schmidt"]),
        ("Posted", []),
        ("January", []),
        ("https://facebook.com/someone", []),
    ],
)
def test_bylines_become_names(byline, names):
    assert split_authors(byline) == names


def test_nested_lists_keep_each_item_once():
    from lxml import etree

    from chronicle.readers.html import blocks_to_markdown, body_blocks

    body = etree.fromstring(
        "<body><list><item>One <hi>bold</hi> tail<list><item>Nested a</item></list></item>"
        "<item>*Two*</item></list><p>After.</p></body>"
    )
    assert blocks_to_markdown(body_blocks(body)) == (
        "- One bold tail\n- Nested a\n- \\*Two\\*\n\nAfter.\n"
    )


def test_a_lone_h1_about_the_declared_title_is_the_headline():
    declared = ["Wärmepumpe im Altbau - Wann es sich lohnt"]
    assert lone_headline(["Eignet sich eine Wärmepumpe im Altbau?"], declared) == (
        "Eignet sich eine Wärmepumpe im Altbau?"
    )
    # Unrelated page furniture, or a kicker around the declared title, is not.
    assert lone_headline(["Original text"], declared) is None
    assert lone_headline(["Local News | Storm damage"], ["Storm damage"]) is None
    assert lone_headline(["One headline", "Another headline"], ["One headline!"]) is None


def test_a_site_name_after_an_unspaced_separator_is_cut():
    assert strip_tight_site_name("見出し「X」:phpspot開発日誌", set(), {"phpspot"}) == "見出し「X」"
    assert strip_tight_site_name("Covid-19:Ein Jahr", set(), {"herald"}) == "Covid-19:Ein Jahr"


def test_the_day_most_sources_give_wins_and_the_url_breaks_ties():
    stale = "2023-11-03T10:25:56+00:00"
    day, _ = elect_day([stale, "2023-11-06T14:25:00+00:00", "2023-11-06T15:25:00+01:00"])
    assert day == ArticleDate(2023, 11, 6)
    url = "https://x.example/2019/10/22/slug/"
    assert elect_day(["2009-04-11 18:06:36", "2019-10-22"], url)[0] == ArticleDate(2019, 10, 22)
    assert elect_day(["2009-04-11", "2019-10-22"])[0] == ArticleDate(2009, 4, 11)


def test_a_utc_timestamp_takes_the_local_day_the_page_writes():
    stamps = ["2017-10-12T21:06:39-04:00", "2022-05-03T23:37:37-04:00"]
    assert local_day("2022-05-04T03:37:37+00:00", stamps) == ArticleDate(2022, 5, 3)
    assert local_day("2022-05-04T03:37:37+02:00", stamps) is None  # not UTC: already local


def test_author_links_name_the_byline():
    page = lxml.html.fromstring(
        "<html><body><div class='byline'>By <a rel='author' href='/author/ada'>Ada Lovelace</a>"
        "</div><aside><a href='/author/bob'>Bob</a></aside></body></html>"
    )
    assert rel_authors(page) == ["Ada Lovelace"]
    assert profile_link_author(page, "https://herald.example/x") == ["Ada Lovelace"]
    crowd = "".join(f"<a rel='author' href='/a/{n}'>Writer {n}</a>" for n in "abc")
    assert rel_authors(lxml.html.fromstring(f"<html><body>{crowd}</body></html>")) == []


def test_a_role_or_the_outlet_around_a_name_is_dropped_when_the_page_agrees():
    assert _shortest_agreeing("FOCUS-Online-Experte Robin Tschöpe", ["Robin Tschöpe"]) == (
        "Robin Tschöpe"
    )
    assert _shortest_agreeing("Ada Lovelace", ["Lovelace"]) == "Ada Lovelace"
    assert _cut_site_tail("Adam Aaronson PhillyVoice Staff", set(), {"phillyvoice"}) == (
        "Adam Aaronson"
    )
    assert _cut_site_tail("Joe Davidson Washington Post", set(), {"chicagotribune"}) == (
        "Joe Davidson Washington Post"
    )
