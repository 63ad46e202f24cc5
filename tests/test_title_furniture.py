"""Titles: site furniture is never a headline, and the text of a heading's inline elements stays
apart. Small pages written for each class of mistake seen on real pages."""

from __future__ import annotations

import lxml.html

from chronicle.ingest.readers.page_metadata import extract_page_metadata

TEXT = "<p>The pyramid was built over twenty years by crews of paid workers. </p>" * 8


def title(body: str, head: str = "") -> str | None:
    page = f"<html><head>{head}</head><body>{body}{TEXT}</body></html>"
    return extract_page_metadata(lxml.html.document_fromstring(page)).title


def test_inline_elements_of_a_heading_are_kept_apart():
    body = "<h1><span class='kicker'>Word of the week</span><span>The pyramid</span></h1>"
    assert title(body, "<title>Word of the week: The pyramid</title>") != (
        "Word of the weekThe pyramid"
    )
    assert title("<h1><b>Un</b>believable pyramid works</h1>") == "Unbelievable pyramid works"


def test_a_json_ld_headline_that_matches_the_heading_gives_its_spacing():
    head = (
        '<script type="application/ld+json">{"@type": "Article", '
        '"headline": "Word of the week The pyramid"}</script>'
    )
    body = "<h1><em>Word of the week</em><em>The pyramid</em></h1>"
    assert title(body, head) == "Word of the week The pyramid"


def test_navigation_and_page_names_are_not_headlines():
    assert (
        title("<h1>Home</h1><h2>The pyramid, rebuilt</h2>", "<title>Home | Giza Times</title>")
        != "Home"
    )
    assert title("<h1>Blog</h1>", "<title>blog | Giza Times</title>") not in ("blog", "Blog")
    about = title("<h1>About us</h1><h2>How the pyramid was built</h2>")
    assert about != "About us"


def test_a_one_word_section_name_gives_way_to_the_headline_that_contains_it():
    head = "<title>Pyramids - Giza Times</title><meta property='og:title' content='Pyramids'>"
    head += "<meta property='og:site_name' content='Giza Times'>"
    assert title("<h1>How the great pyramids were really built</h1>", head) == (
        "How the great pyramids were really built"
    )


def test_a_day_run_into_the_headline_is_not_part_of_it():
    head = "<title>23.01.2022 - The pyramid is rebuilt in stone - Giza Times</title>"
    assert title("<h1>23.01.2022 - The pyramid is rebuilt in stone</h1>", head) == (
        "The pyramid is rebuilt in stone"
    )
    assert title("<h1>2 February 2023 | The pyramid is rebuilt in stone</h1>") == (
        "The pyramid is rebuilt in stone"
    )
    # A word the date does not need makes the piece a kicker or a headline of its own.
    assert title("<h1>Rückblick 2022-01-23 - The pyramid is rebuilt</h1>") == (
        "Rückblick 2022-01-23 - The pyramid is rebuilt"
    )


def test_a_declared_title_takes_the_casing_the_page_shows():
    # Declared in capitals (or Title Case), shown by a headline in a <div>: the shown casing.
    shown = "<div class='headline'>Crews of paid workers built the pyramid</div>"
    caps = "<meta property='og:title' content='CREWS OF PAID WORKERS BUILT THE PYRAMID'>"
    assert title(shown, caps) == "Crews of paid workers built the pyramid"
    titled = "<meta property='og:title' content='Crews Of Paid Workers Built The Pyramid'>"
    assert title(shown, titled) == "Crews of paid workers built the pyramid"
    # A page that also shows the declared casing keeps it: that is the visible headline.
    both = shown + "<p class='kicker'>CREWS OF PAID WORKERS BUILT THE PYRAMID</p>"
    assert title(both, caps) == "CREWS OF PAID WORKERS BUILT THE PYRAMID"
    # The words inside a sentence, or in a menu in lower case, are not the headline shown.
    sentence = "<p>We know crews of paid workers built the pyramid, and how.</p>"
    assert title(sentence, caps) == "CREWS OF PAID WORKERS BUILT THE PYRAMID"
    menu = "<nav><a>crews of paid workers built the pyramid</a></nav>"
    assert title(menu, caps) == "CREWS OF PAID WORKERS BUILT THE PYRAMID"
    # A headline the page prints in capitals is its visible headline, whatever is declared.
    printed = "<h1>CREWS OF PAID WORKERS BUILT THE PYRAMID</h1>"
    sentence_case = "<meta property='og:title' content='Crews of paid workers built the pyramid'>"
    assert title(printed, sentence_case) == "CREWS OF PAID WORKERS BUILT THE PYRAMID"
