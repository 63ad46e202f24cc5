"""Nothing from an article's text or metadata reaches a page unescaped."""

from __future__ import annotations

import re

from tests.test_site_build import add, build

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_metadata_and_body_are_inert(site_project):
    add(
        site_project,
        "evil.txt",
        f"Lede {EVIL} here. More.\nA Heading {EVIL}\nBody.\n",
        title=f"Title {EVIL}",
        source=f"Source {EVIL}",
        topics=[f"Topic {EVIL}"],
        authors=[f"Author {EVIL}"],
        date="2025-02-03",
        url='https://e.org/"><script>alert(2)</script>',
    )
    # A hand-edited article with raw HTML in its Markdown body.
    hand = site_project / "docs" / "articles" / "2025" / "02" / "04" / "hand.md"
    hand.parent.mkdir(parents=True)
    hand.write_text(
        "---\nid: hand\ntitle: Hand made\ndate: '2025-02-04'\nsource: null\n---\n"
        'Text <script>alert(3)</script> and <a href="javascript:alert(4)">link</a> '
        '<p onclick="alert(5)">p</p>\n',
        encoding="utf-8",
    )
    site = build(site_project)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert not re.search(r"<img[^>]*onerror", html), path
        assert "javascript:alert" not in html, path
        assert 'onclick="alert' not in html, path
    article = next((site / "articles" / "2025" / "02" / "03").glob("*/index.html")).read_text()
    assert "Title &lt;script&gt;" in article  # shown as text, not dropped
