"""The parts of the page metadata reader that the fields share: the site's names, the text
after the headline, and bylines read from that text."""

import lxml.html

from chronicle.ingest.readers.page_metadata.byline import byline_names
from chronicle.ingest.readers.page_metadata.headings import texts_after_headline
from chronicle.ingest.readers.page_metadata.site import site_names

PAGE = """<html><body>
<h1><a href="/">The Herald</a></h1>
<h1>Harbour wall closed after the storm</h1>
<p>By</p><p><a>Lars Fischer</a></p><p>und</p><p><a>Alina Schadwinkel</a></p>
<p>3 min read</p>
<p>The northern harbour wall was closed to walkers on Tuesday.</p>
</body></html>"""


def test_site_names_come_from_declarations_the_guess_and_the_logo():
    tree = lxml.html.fromstring(PAGE)
    meta = {"og:site_name": "Harbour wall closed | Herald Online", "application-name": "Herald"}
    names = site_names(tree, meta, "Herald Media", "Herald Daily", ["Harbour wall closed"])
    # og:site_name holding the whole title gives its last segment; the logo is named whole.
    assert names == {"Herald Media", "Herald Online", "Herald", "Herald Daily", "The Herald"}


def test_a_guess_across_separators_or_a_name_that_is_the_title_names_no_site():
    tree = lxml.html.fromstring("<html><body><p>Text</p></body></html>")
    meta = {"og:site_name": "Weekly report"}
    names = site_names(tree, meta, None, "Wochenbericht 14. - 20. Januar 2022", ["Weekly report"])
    assert names == set()


def test_the_text_after_the_headline_skips_the_logo_heading():
    texts = texts_after_headline(lxml.html.fromstring(PAGE), 3)
    assert texts == ["By", "Lars Fischer", "und"]
    assert texts_after_headline(lxml.html.fromstring("<p>No headline here</p>"), 3) == []


def test_a_lone_by_takes_the_names_that_follow_it_up_to_the_outlet():
    texts = texts_after_headline(lxml.html.fromstring(PAGE), 30)
    assert byline_names(texts) == ["Lars Fischer", "Alina Schadwinkel"]
    assert byline_names(["By the harbour, a long walk through the town in the rain"]) == []
