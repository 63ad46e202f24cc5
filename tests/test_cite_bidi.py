"""Directional controls in a title, a byline, a publication or the archive's name (a right-to-left
override, U+202E, and its kin) stay inside their field in every citation: the reading styles set
each such field apart (an isolate, as HTML's <bdi>), and every format closes what a field opens,
so nothing around it (the date, the publication, the address, the next line) is reordered."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import unquote

import pytest

from chronicle.archive.model import Article
from chronicle.site.citations.highwire import highwire
from chronicle.site.citations.names import balanced, isolated
from chronicle.site.citations.records import bibtex, csl_all, ris
from chronicle.site.citations.styles import Place
from chronicle.site.cite import citations, downloads

URL = "https://example.org/articles/x/"
RLO, LRO, RLE, PDF, RLI, FSI, PDI = (
    "\u202e",
    "\u202d",
    "\u202b",
    "\u202c",
    "\u2067",
    "\u2068",
    "\u2069",
)
# Each opens a direction and tries to leave it open past the field, or to close the isolate the
# field is set in (a stray PDI) so that an override after it escapes.
HOSTILE = [
    f"{RLO}evil",
    f"{RLO}evil{PDF}{PDF}{RLO}more",
    f"x{PDI}{RLO} escaped",
    f"{RLI}{RLO}a{PDI}{RLO}b",
    f"{RLE}{LRO}{RLO}deep",
    f"{PDI}{PDI}{PDF}{RLO}",
    "الهدنة في غزة، 2025",
]


def open_at_each(text: str) -> list[int]:
    """How many embeddings, overrides and isolates are open before each character of `text`
    (Unicode's bidirectional algorithm, UAX #9, rules X1 to X8, without its depth limit)."""
    opened: list[str] = []
    depths = []
    for ch in text:
        depths.append(len(opened))
        if ch in "\u202a\u202b\u202d\u202e":
            opened.append("e")
        elif ch in "\u2066\u2067\u2068":
            opened.append("i")
        elif ch == PDF and opened and opened[-1] == "e":
            opened.pop()
        elif ch == PDI and "i" in opened:
            while opened.pop() != "i":
                pass
        elif ch == "\n":
            opened = []  # a paragraph ends them all
    return depths


def closed_after(text: str, fixed: str) -> bool:
    """True when `fixed` (text of ours after the field) is in `text`, outside every direction
    the fields before it opened."""
    at = text.rfind(fixed)  # the last: a field may hold the same text
    return at >= 0 and open_at_each(text)[at] == 0


@pytest.fixture(params=HOSTILE, ids=range(len(HOSTILE)))
def hostile(request: pytest.FixtureRequest, articles) -> Article:
    value = request.param
    return articles.make(
        id="2025-03-21-x",
        title=f"Talks {value}",
        title_origin="source",
        date="2025-03-21",
        source=f"Wire {value}",
        authors=[f"Jane {value} Doe", "Ann Lee"],
        topics=[f"Topic {value}"],
    )


@pytest.mark.parametrize("archive", ["Harbour Archive", f"Harbour {RLO}Archive"])
def test_reading_styles_keep_each_field_in_its_place(hostile: Article, archive: str):
    place = Place(archive, URL, dt.date(2026, 12, 5))
    for style, ref in citations(hostile, place).items():
        for shown in (ref.text, ref.html):
            assert open_at_each(shown + "\n")[-1] == 0, (style, shown)
            for fixed in ("21", URL.removeprefix("https://")):  # the day, the address
                assert closed_after(shown, fixed), (style, fixed, shown)
        # The fields keep their text: nothing of the title is lost, only marks are added.
        visible = ref.text.replace(FSI, "").replace(PDI, "")
        assert "Talks" in visible and "Wire" in visible


def test_downloads_close_every_field_on_its_line(hostile: Article):
    place = Place(f"Harbour {RLO}Archive", URL, dt.date(2026, 12, 5))
    for download in downloads(hostile, place):
        text = unquote(download.href.split(",", 1)[1])
        for line in text.splitlines():
            # The field's closing punctuation (`},` `",`) is outside what the value opened.
            depths = open_at_each(line)
            assert not depths or depths[-1] == 0 or line[-1] in (PDF, PDI), (download.label, line)
            assert open_at_each(line + "\n")[-1] == 0, (download.label, line)
    for made in (bibtex(hostile, place), ris(hostile, place), csl_all([(hostile, place)])):
        assert all(open_at_each(line + "\n")[-1] == 0 for line in made.splitlines())
    json.loads(csl_all([(hostile, place)]))


def test_meta_tags_close_what_they_open(hostile: Article):
    for _, content in highwire(hostile, Place("A", URL)):
        assert open_at_each(content + "\n")[-1] == 0


def test_isolated_only_where_direction_can_move_text():
    assert isolated("Talks stall") == "Talks stall"  # no invisible marks in ordinary text
    assert isolated("الجزيرة") == f"{FSI}الجزيرة{PDI}"
    assert isolated(f"a{RLO}b") == f"{FSI}a{RLO}b{PDF}{PDI}"
    assert balanced(f"a{PDI}{RLO}b") == f"a{RLO}b{PDF}"
    assert balanced(f"{RLI}a{RLO}b{PDI}c") == f"{RLI}a{RLO}b{PDI}c"  # already closed: kept


def test_an_ordinary_reference_is_unchanged(articles):
    article = articles.make(
        title="Talks stall", title_origin="source", date="2025-03-21", source="Wire"
    )
    ref = citations(article, Place("Harbour Archive", URL))["APA"]
    assert ref.text == f"Talks stall. (2025, March 21). Wire. Harbour Archive. {URL}"
