import gzip

import lxml.etree
import lxml.html
import markdown
import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.errors import ReaderError
from chronicle.ingest.readers import read_bytes, sniff
from chronicle.ingest.readers.html import decode_html, read_html
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata import PageMetadata, extract_page_metadata
from chronicle.ingest.readers.page_metadata.authors import (
    cut_site_tail,
    headline_byline,
    profile_link_author,
    rel_authors,
    shortest_agreeing,
)
from chronicle.ingest.readers.page_metadata.byline import split_authors
from chronicle.ingest.readers.page_metadata.dates import (
    day_from_text,
    elect_day,
    headline_dateline,
    local_day,
    parse_visible_date,
)
from chronicle.ingest.readers.page_metadata.headings import is_logo
from chronicle.ingest.readers.page_metadata.site import strip_site_name, strip_tight_site_name
from chronicle.ingest.readers.page_metadata.title import (
    choose_title,
    lone_headline,
    similar_subheading,
)
from chronicle.text.plain import plain_text

from .conftest import FIXTURES


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_page_metadata_comes_from_json_ld_and_the_headline():
    (draft,) = read_html(fixture("html_with_json_ld.html"), "page.html")
    assert draft.title == "Harbour works resume after storm"
    # JSON-LD's datePublished wins over the meta tag, and keeps the page's own (local) day; the
    # meta tag gives another day, so the day is stored as uncertain.
    assert draft.date == ArticleDate(2024, 5, 1, uncertain=True)
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
    from chronicle.ingest.readers.decode import EncodingAssumed

    text = "<html><body><p>" + "Die Brücke über die Aare ist eröffnet. " * 20 + "</p></body></html>"
    with pytest.warns(EncodingAssumed, match="cp1252"):  # the curator is told it was a guess
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

    from chronicle.ingest.readers.html import blocks_to_markdown, body_blocks

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
    assert shortest_agreeing("FOCUS-Online-Experte Robin Tschöpe", ["Robin Tschöpe"]) == (
        "Robin Tschöpe"
    )
    assert shortest_agreeing("Ada Lovelace", ["Lovelace"]) == "Ada Lovelace"
    assert cut_site_tail("Adam Aaronson PhillyVoice Staff", set(), {"phillyvoice"}) == (
        "Adam Aaronson"
    )
    assert cut_site_tail("Joe Davidson Washington Post", set(), {"chicagotribune"}) == (
        "Joe Davidson Washington Post"
    )


def page_metadata(body: str, head: str = "") -> PageMetadata:
    """A hand-written page's metadata (no URL: only what the page itself says)."""
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_page_metadata(lxml.html.document_fromstring(page))


def test_a_heading_that_links_home_is_the_logo_and_names_the_site():
    # The site's name in a home-linked <h1>, the post's title in an <h2>.
    meta = page_metadata(
        "<h1><a href='/'>Time 4 talks</a></h1><h2>Suche</h2>"
        "<h2><a href='/2013/08/07/kinos/'>Weitere Digitalisierung der Schweizer Kinos</a></h2>",
        "<title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos</title>",
    )
    assert meta.title == "Weitere Digitalisierung der Schweizer Kinos"
    # The logo's whole text is cut from the <title>, even when it has a separator of its own.
    meta = page_metadata(
        "<h1><a href='http://rueda.example/'><span>Salsa-Figuren - Rueda in Berlin</span></a></h1>",
        "<title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title>",
    )
    assert meta.title == "Enchufla Figuren"
    logo = lxml.html.fromstring("<h1 class='x'><a class='logo' href='/news'>Herald</a></h1>")
    assert is_logo(logo)
    assert not is_logo(lxml.html.fromstring("<h1><a href='/2024/story'>Story</a></h1>"))


def test_a_headline_marked_up_with_microdata_is_confirmed_before_the_h1():
    meta = page_metadata(
        "<h1>Millennial Decorating Mistakes</h1><h2 itemprop='headline'>The 5 Biggest "
        "Decorating Mistakes Millennials Make</h2>",
        "<title>Millennial Decorating Mistakes | Home</title>"
        "<meta property='og:title' content='The 5 Biggest Decorating Mistakes Millennials Make'>",
    )
    assert meta.title == "The 5 Biggest Decorating Mistakes Millennials Make"


def test_a_colon_without_a_space_cuts_a_site_name_not_a_subtitle():
    h1 = "ゴールデンウィークにおける情報セキュリティに関する注意喚起"
    assert choose_title([f"{h1}:IPA 独立行政法人"], [h1], set(), set()) == h1
    # With a space after it, the colon introduces the headline's subtitle.
    declared = ["Harbour works resume: what the storm left behind"]
    assert choose_title(declared, ["Harbour works resume"], set(), set()) == declared[0]


def test_a_short_edge_segment_in_the_h1_yields_to_a_much_longer_one_below():
    declared = ["高木浩光@自宅の日記 - 改正NICT法がプチ炎上、初期パスワードが識別符号に当たらない"]
    headline = "■ 改正NICT法がプチ炎上、初期パスワードが識別符号に当たらない"
    assert choose_title(declared, ["高木浩光@自宅の日記"], set(), set(), h3s=[headline]) == (
        headline
    )
    # Two short parts ("Artist – Song"): the <h1>'s is the headline.
    assert choose_title(
        ["Prince and the Revolution – Purple Rain"],
        ["Purple Rain"],
        set(),
        set(),
        h2s=["Prince and the Revolution"],
    ) == ("Purple Rain")


def test_without_an_h1_an_h2_clearly_like_the_declared_title_is_the_headline():
    h2s = [
        "Navigation mit Access Keys",
        "Projektwettbewerb Neubau Werkstattgebäude WSL Birmensdorf",
    ]
    declared = ["Neubau Werkstattgebäude - Neubau WSL Birmensdorf"]
    assert similar_subheading(h2s, declared) == h2s[1]
    # One shared word in a short title is chance, not the same headline.
    assert similar_subheading(["Enchufla switch"], ["Enchufla Figuren"]) is None


def test_an_h2_that_is_the_declared_title_and_its_subtitle_is_the_headline():
    h2 = "NSF 2019 in Kansai 「早期発見、早期対処」のセキュリティ ～守りから攻めへ～"
    meta = page_metadata(
        f"<h1>イベント・セミナー情報</h1><h2>{h2}</h2>",
        "<meta property='og:title' "
        "content='NSF 2019 in Kansai「早期発見、早期対処」のセキュリティ'>",
    )
    assert normalise(meta.title) == normalise(h2)


def test_a_heading_repeating_the_whole_title_wins_even_if_it_looks_like_the_host():
    assert choose_title(["Axios Future"], ["Sections", "Axios Future"], set(), {"axios"}) == (
        "Axios Future"
    )
    # A declared site name is still never the headline.
    assert choose_title(["Herald"], ["Sections", "Herald"], {"Herald"}, set()) == "Sections"


def test_a_kicker_marked_up_in_the_headline_is_cut_from_the_title():
    meta = page_metadata(
        "<h2><span class='content__kicker'>Covid-19</span><span class='sr-only'>: </span>"
        "<span class='content__title'>Lässt sich die Ausbreitung kontrollieren?</span></h2>",
        "<meta property='og:title' content='Covid-19: Lässt sich die Ausbreitung kontrollieren?'>",
    )
    assert meta.title == "Lässt sich die Ausbreitung kontrollieren?"
    # The kicker-and-headline block is the headline, over an <h1> with an older wording.
    meta = page_metadata(
        "<ol class='crumbs'><li><h1>Genetik: Das Geheimnis der Rafflesien</h1></li></ol>"
        "<h2><span class='kicker'>Genetik</span>: <span>Das Geheimnis der Riesenblumen</span></h2>",
        "<title>Genetik: Das Geheimnis der Rafflesien - Spektrum</title>"
        "<meta property='og:title' content='Genetik: Das Geheimnis der Riesenblumen'>",
    )
    assert meta.title == "Das Geheimnis der Riesenblumen"


def test_the_dateline_after_the_headline_votes():
    body = (
        "<h1>Elder: Aus dem Ghetto nach Augusta</h1><p>{line}</p>"
        + "<p>Lee Elder kämpfte sich nach Augusta. " * 20
        + "</p><div class='teaser'><p>21. Januar 2022</p><p>Ein anderer Artikel</p></div>"
    )
    meta = page_metadata(body.format(line="1. Februar 2022, Daniel Dillenburg"))
    # Read from the text only, so not certain.
    assert meta.date == ArticleDate(2022, 2, 1, uncertain=True)
    tree = lxml.html.document_fromstring
    assert headline_dateline(tree(body.format(line="Von Daniel Dillenburg"))) is None
    updated = "<h1>Headline</h1><p>Updated:</p><p>Mar 6, 2018</p><p>Dec 21, 2016</p>"
    assert headline_dateline(tree(updated)) == "2016-12-21"
    # A date inside a sentence of the article is not a dateline.
    sentence = (
        "<h1>Headline</h1><p>Laut der am 28.01.2022 in Kraft getretenen Corona-Verordnung "
        "dürfen Hallen wieder zur Hälfte gefüllt werden.</p>"
    )
    assert headline_dateline(tree(sentence)) is None


def test_visible_dates_are_read_as_typeset():
    assert parse_visible_date("4. 2. 2022.") == "2022-02-04"
    assert parse_visible_date("17/02/2022") == "2022-02-17"
    assert parse_visible_date("2020") is None  # a year is not a day
    assert parse_visible_date("2019年04月21日 12時00分更新") == "2019-04-21"
    assert parse_visible_date("2023년 11월 7일") == "2023-11-07"
    assert parse_visible_date("2019年2月30日") is None


def test_a_time_element_without_datetime_dates_a_page_that_declares_nothing():
    meta = page_metadata(
        "<h1>Es bricht eine andere Zeit an</h1><ul><li><time>31.03.2020</time></li></ul>"
        + "<p>Südkorea nutzt Daten anders. " * 20
        + "</p>",
    )
    assert meta.date == ArticleDate(2020, 3, 31, uncertain=True)


def test_a_utc_timestamp_at_a_central_european_midnight_is_the_next_day():
    head = "<meta property='article:published_time' content='2022-11-06T23:00:00.000Z'>"
    assert page_metadata("<h1>Provence</h1>", head).date == ArticleDate(2022, 11, 7)
    head = "<meta property='article:published_time' content='2022-11-06T21:00:00.000Z'>"
    assert page_metadata("<h1>Provence</h1>", head).date == ArticleDate(2022, 11, 6)


def test_a_title_in_lower_case_takes_the_casing_of_the_page_text():
    head = "<meta property='og:title' content='makrophotos von insekten'>"
    body = "<p><strong>Makrophotos von Insekten</strong> ist kein einfaches Hobby.</p>"
    assert page_metadata(body, head).title == "Makrophotos von Insekten"
    assert page_metadata("<p>Mehr im Hafen.</p>", "<title>hafen</title>").title == "hafen"


def test_the_byline_printed_after_the_headline_names_the_authors():
    def byline(body: str) -> list[str]:
        return headline_byline(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))

    assert byline("<h1>Hustling</h1><div>By <span>Yomi Kazeem</span></div>") == ["Yomi Kazeem"]
    assert byline("<h1>Corona</h1><span>von Andreas Kürten</span>") == ["Andreas Kürten"]
    # Names in links of their own, joined by "und"; the outlet after a name is not a name.
    assert byline(
        "<h1>Covid</h1><p>von <a>Lars Fischer</a> und <a>Alina Schadwinkel</a></p><p>Text</p>"
    ) == ["Lars Fischer", "Alina Schadwinkel"]
    assert byline("<h1>Trump</h1><p>By</p><p>Joe Davidson</p><p>Washington Post</p>") == [
        "Joe Davidson"
    ]
    assert byline("<h1>Übung</h1><div>Ein Artikel von <strong>Pamela Sladky</strong></div>") == [
        "Pamela Sladky"
    ]
    assert byline("<h1>Klick</h1><h4>Autor</h4><p><a>Mark Newton</a></p>") == ["Mark Newton"]
    # A sentence that starts with "By" is not a byline.
    assert (
        byline("<h1>Rain</h1><p>By noon the river had risen two metres above its mark.</p>") == []
    )
    meta = page_metadata(
        "<h1>Hustling</h1><div>By <span>Yomi Kazeem</span></div>"
        + "<p>Lagos is busy. " * 30
        + "</p>"
    )
    assert meta.authors == ("Yomi Kazeem",)


def test_a_comment_time_does_not_date_the_article():
    meta = page_metadata(
        "<aside class='recent-comments'><time datetime='2024-05-09T10:00:00+02:00'>9 May</time>"
        "</aside><h1>Harbour works resume</h1><p><time datetime='2024-05-01T08:00:00+02:00'>"
        "1 May</time></p>" + "<p>The harbour wall is repaired. " * 20 + "</p>"
    )
    assert meta.date == ArticleDate(2024, 5, 1)


def test_a_page_declared_latin1_is_read_as_browsers_read_it():
    """Browsers read a page labelled ISO-8859-1 as windows-1252 (WHATWG): its „quotes“ and
    dashes are there, not control characters; the bytes windows-1252 leaves undefined stay."""
    body = "<p>„Guten Tag“ – sagte er … 15 € und Ü.</p>"
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    text = decode_html(page.encode("cp1252") + b"\x81", "x.html")
    assert body in text and text.endswith("\x81")


def _render(body: str) -> str:
    return markdown.markdown(body, extensions=["fenced_code", "tables"])


def test_line_breaks_and_table_cells_never_glue_text():
    (draft,) = read_html(fixture("html_line_breaks.html"), "page.html")
    body = draft.body
    for glued in ("Minister.Zudem", "gefährdet.„Mehrere", "BioenergieMünchen", "DistrictCases"):
        assert glued not in body
    # A <br> is a line break in the archive too (Markdown's two spaces ending the line).
    assert "sagte der Minister.  \nZudem sollen" in body
    assert "Fachverband Bioenergie  \nMünchen" in body
    assert "<br />\nZudem" in _render(body)
    # A table nested in a layout cell is a Markdown table, each row once, its cells apart; its
    # plain text (what enrichment reads) has a line per row.
    assert body.count("| East Khasi Hills | 11 |") == 1 and "| District | Cases |" in body
    assert "<th>District</th>" in _render(body) and "<td>East Khasi Hills</td>" in _render(body)
    assert "East Khasi Hills · 11" in plain_text(body).split("\n\n")


def _tei(xml: str) -> lxml.etree._Element:
    return lxml.etree.fromstring(xml)


def test_a_body_wrapped_in_one_div_keeps_its_headings_lists_and_paragraphs():
    from chronicle.ingest.readers.html import blocks_to_markdown, body_blocks

    body = _tei(
        "<body><div><div>"
        "<p>First paragraph.</p><head rend='h2'>Schedule</head>"
        "<p>Second paragraph.</p> loose text <hi>bold</hi> after"
        "<list rend='ul'><item>one</item><item>two<lb/>lines</item></list>"
        "<table><row><cell><p>Monday</p><table><row><cell>8:10 AM</cell><cell>Reads</cell></row>"
        "</table></cell></row></table>"
        "</div></div></body>"
    )
    assert body_blocks(body) == [
        ("paragraph", "First paragraph."),
        ("heading", "Schedule"),
        ("paragraph", "Second paragraph."),
        ("paragraph", "loose text bold after"),
        ("item", "one"),
        ("item", "two\nlines"),
        ("paragraph", "Monday"),
        ("paragraph", "8:10 AM · Reads"),
    ]
    md = blocks_to_markdown(body_blocks(body))
    assert "## Schedule" in md and "- one\n- two  \n  lines" in md
    html = _render(md)
    assert "<h2>Schedule</h2>" in html and "<li>two<br />\n  lines</li>" in html


def test_preformatted_text_is_kept_verbatim_as_a_code_block():
    (draft,) = read_html(fixture("html_preformatted.html"), "page.html")
    tree = "venv/\n|-- bin/\n|   |-- python\n|   |-- <other tools>\n# not a heading\n"
    assert f"````\n{tree}    indented ``` fence\n````" in draft.body
    html = _render(draft.body)
    assert "|-- bin/\n|   |-- python\n|   |-- &lt;other tools&gt;\n# not a heading" in html
    assert "<h1>" not in html and html.count("<pre>") == 1


def test_text_is_stored_as_written_not_rewritten_by_nfkc():
    title = "CO₂-Preis: ½ Cent mehr… （vorerst）！ Marke™"
    page = f"""<html lang="de"><head><meta charset="utf-8">
    <title>{title} ｜ ＫＬＩＭＡ Zeitung</title>
    <meta property="og:site_name" content="KLIMA Zeitung"></head><body><article>
    <h1>{title}</h1>
    <p>Der CO₂-Preis steigt um ½ Cent… （vorerst）！ Das betrifft vor allem Heizöl und Gas,
    sagte die Sprecherin des Ministeriums am Montag in Berlin.</p>
    <p>Cafe\u0301s und Bäckereien rechnen mit höheren Kosten im kommenden Winter.</p>
    </article></body></html>"""
    (draft,) = read_html(page.encode(), "page.html")
    # The site name is still recognised in its full-width spelling (NFKC in the comparison).
    assert draft.title == title
    assert "Der CO₂-Preis steigt um ½ Cent… （vorerst）！" in draft.body
    # Canonical composition only: a decomposed é is stored composed, as it reads.
    assert "Cafés" in draft.body
    assert normalise("１/２ …") == "１/２ …"


def test_the_site_name_is_cut_at_the_last_separator_only():
    page = """<html lang="de"><head><meta charset="utf-8">
    <title>Wochenbericht 14. - 20. Januar 2022 - SLF</title></head><body><main>
    <h2>Hauptinhalt</h2>
    <p>Die Schneedecke war in den meisten Gebieten günstig aufgebaut, und die Lawinengefahr
    blieb in der ganzen Berichtsperiode gering bis mässig, sagte der Lawinenwarndienst.</p>
    </main></body></html>"""
    url = "https://www.slf.ch/de/berichte/2022/wochenbericht-14-20-januar-2022.html"
    (draft,) = read_html(page.encode(), "page.html", url=url)
    assert draft.title == "Wochenbericht 14. - 20. Januar 2022"


def test_a_copyright_year_is_no_publication_day():
    page = """<html lang="en"><head><meta charset="utf-8"><title>Harbour wall closed</title>
    </head><body><article><h1>Harbour wall closed</h1>
    <p>The northern harbour wall was closed to walkers after the storm tore away a section of
    the breakwater, the port authority said, and would stay closed until repairs are done.</p>
    </article><footer><p>© 2022 The Coastal Herald. All rights reserved.</p></footer>
    </body></html>"""
    (draft,) = read_html(page.encode(), "page.html")
    # htmldate's fallback reads the notice as 2022-01-01; the notice dates the site, not the
    # article, so no date is stored.
    assert draft.date is None


def test_a_data_table_is_a_markdown_table_and_a_layout_table_is_not():
    from chronicle.ingest.readers.html import blocks_to_markdown, body_blocks

    data = _tei(
        "<body><table><row><cell role='head'>Year</cell><cell role='head'>Deaths</cell></row>"
        "<row><cell>2023</cell><cell>1 | 2 *approx*</cell></row>"
        "<row><cell>2024</cell></row></table></body>"
    )
    md = blocks_to_markdown(body_blocks(data))
    assert md == "| Year | Deaths |\n| --- | --- |\n| 2023 | 1 \\| 2 \\*approx\\* |\n| 2024 |  |\n"
    html = _render(md)
    assert "<th>Deaths</th>" in html and "<td>1 | 2 *approx*</td>" in html
    assert plain_text(md) == "Year · Deaths\n\n2023 · 1 | 2 *approx*\n\n2024"
    # No header marked: an empty header row, the first row stays data.
    unheaded = _tei(
        "<body><table><row><cell>a</cell><cell>b</cell></row>"
        "<row><cell>c</cell><cell>d</cell></row></table></body>"
    )
    assert blocks_to_markdown(body_blocks(unheaded)).startswith("|  |  |\n| --- | --- |\n| a | b |")
    # One row, or one column: paragraphs, as a page laid out with a table reads.
    line = _tei("<body><table><row><cell>8:10 AM</cell><cell>Reads</cell></row></table></body>")
    assert body_blocks(line) == [("paragraph", "8:10 AM · Reads")]
    column = _tei(
        "<body><table><row><cell>One</cell></row><row><cell>Two</cell></row></table></body>"
    )
    assert body_blocks(column) == [("paragraph", "One"), ("paragraph", "Two")]


def test_a_code_block_in_a_list_item_keeps_its_spaces_and_line_breaks():
    page = (
        "<html><head><title>Install guide</title></head><body><article><h1>Install guide</h1>"
        "<p>Follow these steps to install the tool on your machine. It takes a few minutes and "
        "needs a network connection to fetch the packages.</p>"
        "<ol><li>Create the folder:<pre><code>mkdir -p ~/tools\ncd ~/tools\n  ls -la   # indented"
        "</code></pre></li><li>Run the installer and wait until it prints done.</li></ol>"
        "<p>That is all there is to it; the tool is now ready to use on this machine.</p>"
        "</article></body></html>"
    )
    (draft,) = read_html(page.encode(), "guide.html")
    assert (
        "- Create the folder:\n\n```\nmkdir -p ~/tools\ncd ~/tools\n  ls -la   # indented\n```"
        in (draft.body)
    )
    assert "folder:mkdir" not in draft.body
    html = markdown.markdown(draft.body, extensions=["fenced_code"])
    assert "<pre><code>mkdir -p ~/tools\ncd ~/tools\n  ls -la   # indented\n</code></pre>" in html
    assert "<li>Run the installer and wait until it prints done.</li>" in html
