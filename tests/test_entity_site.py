"""End to end: entity pages, the quotes page and the who-said-what box, built with MkDocs."""

from __future__ import annotations

import re


def test_entity_page_lists_articles_newest_first_with_dates(example_site, text_of, page_html):
    hamas = text_of(page_html(example_site, "topics/organisations/hamas"))
    assert "Palestinian Islamist movement" in hamas
    listing = hamas.split("Articles, newest first", 1)[1]
    assert listing.index("Hand made") < listing.index("Hamas rejects plan")
    assert listing.index("Hamas rejects plan") < listing.index("Seed devised title")
    assert "First mention c. 21 March 2025 (approximate)" in hamas
    assert "Last mention 29 March 2025" in hamas
    assert "Articles 3" in hamas


def test_person_page_has_quotes_and_co_mentions(example_site, text_of, page_html):
    katz = text_of(page_html(example_site, "topics/people/israel-katz"))
    assert "Israeli Defence Minister" in katz
    assert "“The more Hamas continues its refusal, the more territory it will lose,”" in katz
    assert "warned" in katz and "“permanent”" in katz
    related = katz.split("Most often named with", 1)[1].split("Quotes", 1)[0]
    assert related.split()[0:2] == ["Hamas", "2"]  # named together in two articles
    meshaal = text_of(page_html(example_site, "topics/people/khaled-meshaal"))
    assert "Israel wants to retrieve hostages" in meshaal and "Seed devised title" in meshaal


def test_index_pages_and_nav(example_site, text_of, page_html):
    people = text_of(page_html(example_site, "topics/people"))
    for name in ("Israel Katz", "Khaled Meshaal", "Steve Witkoff", "Tamim Khallaf"):
        assert name in people
    assert "Nobody Known" not in people  # the registry is the authority
    assert not (example_site / "topics" / "people" / "nobody-known").exists()
    places = text_of(page_html(example_site, "topics/places"))
    assert "Israel" in places and "Rafah" in places and "United States" in places
    home = (example_site / "index.html").read_text(encoding="utf-8")
    for url in ("topics/people/", "topics/organisations/", "topics/places/", "quotes/"):
        assert f'href="{url}"' in home


def test_quotes_page_groups_by_speaker_with_a_filter(example_site, text_of, page_html):
    html = page_html(example_site, "quotes")
    body = text_of(html)
    assert "8 direct quotes by 6 speakers" in body
    assert '<select id="chronicle-speaker"' in html and "assets/chronicle/quotes.js" in html
    assert (example_site / "assets" / "chronicle" / "quotes.js").exists()
    assert 'id="speaker-israel-katz"' in html and 'id="speaker-basem-naim"' in html
    section = html.split('id="speaker-basem-naim"', 1)[1].split("</section>", 1)[0]
    assert "We will not sign this," in section and "Hamas rejects plan" in text_of(section)
    # Registry speakers link to their page; others are shown as written.
    assert re.search(r'<h2><a href="\.\./topics/people/israel-katz/">Israel Katz</a></h2>', html)


def test_article_page_who_said_what_entities_and_reading_level(example_site, seed_text, text_of):
    (path,) = (example_site / "articles" / "2025" / "03" / "21").glob("*/index.html")
    html = path.read_text(encoding="utf-8")
    body = text_of(html)
    box = text_of(html.split('id="who-said-what"', 1)[1].split("</section>", 1)[0])
    assert "“Israel wants to retrieve hostages" in box and "Khaled Meshaal , said" in box
    assert "“blatant violation” — Tamim Khallaf , described" in box
    for quote in re.findall(r"<blockquote><p>“(.*?)”</p></blockquote>", html):
        import html as h

        assert h.unescape(quote) in seed_text  # exactly the article's words
    assert re.search(r"Reading level grade \d+\.\d", body)
    assert re.search(r'href="(\.\./)+topics/people/israel-katz/"', html)
    assert re.search(r'href="(\.\./)+topics/places/rafah/"', html)


def test_prolific_speakers_get_their_own_quotes_page(articles):
    """The quotes page and entity pages show a preview; the rest is one page per speaker."""

    from chronicle.archive.index import build_archive
    from chronicle.archive.model import Quote
    from chronicle.site.entity_pages import build_entity_site
    from chronicle.site.views import QUOTES_PREVIEW

    entries = [
        articles.entry(
            id=f"a{i}",
            title=f"A{i}",
            date=f"2025-03-{i + 1:02d}",
            people=["Israel Katz"],
            quotes=[Quote(f"Quote number {i}", "Katz", "Israel Katz", "said", "full")],
        )
        for i in range(QUOTES_PREVIEW + 2)
    ]
    site = build_entity_site(
        build_archive(entries),
        None,
        bases={"person": "people/", "organisation": "organisations/", "place": "places/"},
        quotes_base="quotes/",
        page_size=50,
    )
    own = site.pages["quotes/israel-katz/index.md"]
    assert own.kind == "speaker-quotes" and len(own.speaker.quotes) == QUOTES_PREVIEW + 2
    katz = site.pages["people/israel-katz/index.md"]
    assert len(katz.speaker.preview) == QUOTES_PREVIEW
    assert katz.speaker.preview[0].quote.text == f"Quote number {QUOTES_PREVIEW + 1}"  # newest
    assert katz.speaker.page_url == "quotes/israel-katz/"
