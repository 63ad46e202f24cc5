"""Articles' HTML packed between MkDocs' two loops (build/parking.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from chronicle.site.build.parking import PARKED, ParkedHtml


def _pages(tmp_path: Path, count: int) -> list[Page]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Parking\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    pages = []
    for i in range(count):
        file = File(f"articles/a{i}.md", config.docs_dir, config.site_dir, True)
        pages.append(Page(f"Article {i}", file, config))
    return pages


def test_parked_html_comes_back_as_it_was(tmp_path):
    pages = _pages(tmp_path, 3)
    html = "<p>“Talks stall,” she said — again.</p>\n" * 300  # two bytes a character
    pages[0].content = html
    pages[1].content = html.replace("again", "once more")
    parked = ParkedHtml()
    assert parked.park(pages) == 2  # the third has no HTML yet: nothing to park
    assert pages[0].content == PARKED and pages[1].content == PARKED and pages[2].content is None
    for page in pages:
        parked.restore(page)
    assert pages[0].content == html
    assert pages[1].content == html.replace("again", "once more")
    assert pages[2].content is None


def test_a_parked_page_holds_a_fraction_of_its_html(tmp_path):
    page = _pages(tmp_path, 1)[0]
    html = "<p>“Talks stall,” she said — again.</p>\n" * 300
    page.content = html
    parked = ParkedHtml()
    parked.park([page])
    assert parked.size * 10 < len(html.encode())
    parked.restore(page)
    assert parked.size == 0  # restored once: nothing is kept for the rest of the build
