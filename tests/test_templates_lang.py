"""The article's language marks only the article's own words, built with real MkDocs.

Chronicle's labels (Date, Source, Who said what, Cite this article, Permanent link) are English
like the page; an article's title, body and quotes carry its `lang`, on its page and wherever
its title or summary is listed."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

GERMAN = (
    "Die Gespräche in Kairo sind am Montag gescheitert, teilte die Delegation mit.\n\n"
    "“We will not sign this,” said Israel Katz in Cairo.\n\n"
    "Die Vermittler wollen es in der kommenden Woche erneut versuchen.\n"
)


@pytest.fixture(scope="module")
def site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("lang", entities=True)
    articles.add(
        project,
        "de.txt",
        GERMAN,
        title="Gespräche in Kairo gescheitert",
        date="2025-03-25",
        source="Hafenzeitung",
        language="de",
        summary="Die Verhandlungen sind gescheitert.",
        topics=["Waffenruhe"],
    )
    articles.add(
        project,
        "en.txt",
        "An earlier report on the first truce in Cairo. It held.\n",
        title="Truce holds",
        date="2025-03-20",
        source="Hafenzeitung",
        language="en",
        topics=["Waffenruhe"],
    )
    many = "".join(
        f"The minister spoke again in the afternoon.\n\n“This is point number {n} of the plan,” "
        "said Israel Katz.\n\n"
        for n in range(1, 13)
    )
    articles.add(project, "many.txt", many, title="Twelve points", date="2025-03-10", language="en")
    return build_site(project)


@pytest.fixture(scope="module")
def tree(site, page_html):
    """`tree(url)`: the parsed page at `url` of the site."""
    return lambda url: lxml.html.fromstring(page_html(site, url))


def css(node, selector: str) -> list:
    """Elements under `node` matching "tag.class" / ".class" / "tag" (no cssselect here)."""
    tag, _, cls = selector.partition(".")
    test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
    return node.xpath(f".//{tag or '*'}{test}")


def lang_of(element) -> str | None:
    """The language in force at `element`: its own lang or its nearest ancestor's."""
    for node in (element, *element.iterancestors()):
        if node.get("lang") is not None:
            return node.get("lang")
    return None


def german_page(site: Path):
    (path,) = (site / "articles" / "2025" / "03" / "25").glob("*/index.html")
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_article_title_body_and_quotes_are_german_labels_are_not(site):
    doc = german_page(site)
    assert doc.get("lang") == "en"
    (h1,) = css(css(doc, ".chronicle-article")[0], "h1")
    assert lang_of(h1) == "de"
    (body,) = css(doc, ".chronicle-article__body")
    assert body.get("lang") == "de" and "Kairo" in body.text_content()
    assert css(doc, ".chronicle-article")[0].get("lang") is None
    for dt in css(css(doc, "dl.chronicle-meta")[0], "dt"):
        assert lang_of(dt) == "en", dt.text_content()
    labels = {
        "Who said what": doc.get_element_by_id("who-said-what"),
        "Cite this article": css(css(doc, ".chronicle-cite")[0], "summary")[0],
        "Permanent link": css(doc, ".chronicle-permalink")[0],
    }
    for text, node in labels.items():
        assert text in node.text_content() and lang_of(node) == "en", text
    quotes = css(css(doc, ".chronicle-who-said-what")[0], "blockquote")
    assert quotes and all(lang_of(q) == "de" for q in quotes)
    assert all(lang_of(q) == "en" for q in css(doc, ".chronicle-quote__by"))


def test_prev_next_link_marks_only_the_title(site):
    (path,) = (site / "articles" / "2025" / "03" / "20").glob("*/index.html")
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    (link,) = doc.xpath('//a[@rel="next"]')
    assert link.get("lang") is None
    (title,) = link.xpath(".//*[@lang]")
    assert title.get("lang") == "de" and title.text_content() == "Gespräche in Kairo gescheitert"


def test_listing_cards_and_timeline_carry_the_article_language(tree):
    for url in ("archive/2025/03", "topics/waffenruhe", "sources/hafenzeitung"):
        doc = tree(url)
        (title,) = [
            a
            for a in doc.xpath("//*[contains(@class, 'chronicle-card__title')]/a")
            if "Kairo" in a.text
        ]
        assert title.get("lang") == "de", url
        (summary,) = [p for p in css(doc, ".chronicle-card__summary") if "Verhand" in p.text]
        assert summary.get("lang") == "de", url
        english = [
            a
            for a in doc.xpath("//*[contains(@class, 'chronicle-card__title')]/a")
            if "Truce" in a.text
        ]
        assert english[0].get("lang") == "en"
        for meta in css(doc, ".chronicle-card__meta"):
            assert lang_of(meta) == "en"
    timeline = tree("timeline")
    links = timeline.xpath("//*[contains(@class, 'chronicle-timeline__title')]/a")
    assert {a.text: a.get("lang") for a in links} == {
        "Truce holds": "en",
        "Twelve points": "en",
        "Gespräche in Kairo gescheitert": "de",
    }
    (summary,) = [p for p in css(timeline, ".chronicle-timeline__summary") if "Verhand" in p.text]
    assert summary.get("lang") == "de"
    for flag in timeline.xpath("//*[contains(@class, 'chronicle-timeline__title')]/span"):
        assert lang_of(flag) == "en"


def test_entity_pages_mark_quotes_and_titles(tree):
    doc = tree("topics/people/israel-katz")
    items = css(doc, "li.chronicle-quote")
    langs = {
        item.xpath(".//blockquote")[0].get("lang"): [
            a.get("lang") for a in item.xpath(".//*[contains(@class, 'chronicle-quote__by')]//a")
        ]
        for item in items
        if "Kairo" in item.text_content() or "Twelve" in item.text_content()
    }
    assert langs == {"de": [None, "de"], "en": [None, "en"]}  # the speaker link has none
    mentions = [
        a
        for a in doc.xpath("//*[contains(@class, 'chronicle-entity-meta')]//a")
        if "Kairo" in a.text_content()
    ]
    assert mentions and all(a.get("lang") == "de" for a in mentions)


def many_quotes_page(site: Path) -> Path:
    (path,) = (site / "articles" / "2025" / "03" / "10").glob("*/index.html")
    return path


def test_a_long_who_said_what_shows_eight_and_the_rest_in_details(site):
    doc = lxml.html.fromstring(many_quotes_page(site).read_text(encoding="utf-8"))
    (box,) = css(doc, ".chronicle-who-said-what")
    first, more = box.xpath("./ul"), box.xpath("./details")
    assert len(first) == 1 and len(first[0].xpath("./li")) == 8
    (more,) = more
    assert more.get("open") is None
    assert " ".join(more.xpath("./summary")[0].text_content().split()) == "All 12 quotes (4 more)"
    rest = more.xpath("./ul/li")
    assert len(rest) == 4 and "point number 12" in rest[-1].text_content()
    # A short box has no details.
    assert not css(german_page(site), "details.chronicle-quotes-more")


@pytest.mark.browser
def test_the_rest_opens_from_the_keyboard_and_paper_prints_no_half_box(site, serve_site, open_page):
    url = many_quotes_page(site).parent.relative_to(site).as_posix() + "/"
    page = open_page(java_script_enabled=False)
    page.goto(serve_site(site) + url)
    quotes = page.locator(".chronicle-who-said-what .chronicle-quote")
    assert quotes.nth(7).is_visible() and quotes.nth(8).is_hidden()
    summary = page.locator(".chronicle-quotes-more > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert quotes.nth(11).is_visible()
    page.keyboard.press("Enter")
    assert quotes.nth(8).is_hidden()
    page.emulate_media(media="print")
    # On paper the whole list prints, without JavaScript too: no closed half of a box.
    assert page.locator(".chronicle-who-said-what").is_visible()
    assert quotes.nth(11).is_visible() and summary.is_hidden()
    assert page.locator(".chronicle-article__body").is_visible()
