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


def test_hostile_entities_and_quotes_are_inert(site_project):
    """Registry names and descriptions, and quote text, reach entity and quote pages escaped."""
    (site_project / "entities.yml").write_text(
        "- name: Evil <img src=x onerror=alert(1)> Org\n"
        "  kind: organisation\n"
        '  description: <script>alert("d")</script>\n'
        '- {name: Zed <b onclick="alert(5)">Person</b>, kind: person}\n',
        encoding="utf-8",
    )
    add(
        site_project,
        "quotes.txt",
        'Evil <img src=x onerror=alert(1)> Org met Zed <b onclick="alert(5)">Person</b> today.\n'
        '“<script>alert("q")</script> is coming for all of us,” '
        'Zed <b onclick="alert(5)">Person</b> said.\n',
        title="Quotes",
        date="2025-02-05",
    )
    site = build(site_project)
    pages = [p for p in site.rglob("*.html")]
    assert any("organisations" in p.parts and "evil" in str(p) for p in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert not re.search(r"<img[^>]*onerror", html), path
        assert not re.search(r"<b[^>]*onclick", html), path
    quotes = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;q&#34;)&lt;/script&gt; is coming for all of us," in quotes
