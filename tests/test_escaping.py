"""Nothing from an article's text or metadata reaches a page unescaped."""

from __future__ import annotations

import re

from tests.test_site_build import NOW, add, build

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


def test_addresses_other_than_web_ones_never_become_links(site_project):
    """A `javascript:` (or `data:`, `file:`) address is refused from a curator and dropped from a
    reader's output, so no page can link to it."""
    import pytest

    from chronicle.errors import FrontMatterError
    from chronicle.ingest import add_path
    from chronicle.schema import article_from_mapping, read_curator
    from chronicle.store import ArticleStore

    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "e.org/x"):
        with pytest.raises(FrontMatterError, match="url"):
            read_curator("flags", {"url": bad})
        with pytest.raises(FrontMatterError, match="url"):
            article_from_mapping("a.md", {"id": "a", "title": "A", "url": bad}, "Body.")
    assert read_curator("flags", {"url": "https://e.org/a"})["url"] == "https://e.org/a"
    feed = site_project / "inbox" / "feed.xml"
    feed.parent.mkdir(exist_ok=True)
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>Item</title><link>javascript:alert('feed')</link>"
        "<description>A long enough text for an article body. Second sentence here.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    store = ArticleStore(site_project / "docs" / "articles")
    (outcome,) = add_path(store, feed, {}, now=NOW)
    assert outcome.status == "added", outcome.detail
    stored = (site_project / outcome.detail).read_text(encoding="utf-8")
    assert not re.search(r"url: .*javascript:", stored)  # the entry's name may say it, as text
    site = build(site_project)
    for path in site.rglob("*.html"):
        assert not re.search(r"(href|src)=\"\s*javascript:", path.read_text("utf-8")), path


def test_remote_images_become_links_and_are_never_fetched(site_project):
    hand = site_project / "docs" / "articles" / "2025" / "02" / "06" / "pictures.md"
    hand.parent.mkdir(parents=True)
    hand.write_text(
        "---\nid: pictures\ntitle: Pictures\ndate: '2025-02-06'\nsource: null\n---\n"
        "A tracker ![pixel & co](https://tracker.example/p.gif) and "
        '<img src="//cdn.example/x.png"> in the text.\n',
        encoding="utf-8",
    )
    site = build(site_project)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<img[^>]*src=\"(https?:)?//", html), path
    article = (site / "articles" / "2025" / "02" / "06" / "pictures" / "index.html").read_text()
    assert 'href="https://tracker.example/p.gif"' in article
    assert "[Image: pixel &amp; co]" in article  # the record keeps what the image was


def test_language_must_be_a_language_code():
    import pytest

    from chronicle.errors import FrontMatterError
    from chronicle.schema import read_curator

    with pytest.raises(FrontMatterError, match="language"):
        read_curator("flags", {"language": "english"})
    assert read_curator("flags", {"language": "pt-BR"})["language"] == "pt-BR"
