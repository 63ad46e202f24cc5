"""Nothing from an article's text or metadata reaches a page unescaped."""

from __future__ import annotations

import dataclasses
import re

from tests.conftest import NOW

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_metadata_and_body_are_inert(site_project, articles, build_site):
    articles.add(
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
    site = build_site(site_project)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert not re.search(r"<img[^>]*onerror", html), path
        assert "javascript:alert" not in html, path
        assert 'onclick="alert' not in html, path
    article = next((site / "articles" / "2025" / "02" / "03").glob("*/index.html")).read_text()
    assert "Title &lt;script&gt;" in article  # shown as text, not dropped


def test_hostile_entities_and_quotes_are_inert(site_project, articles, build_site):
    """Registry names and descriptions, and quote text, reach entity and quote pages escaped."""
    (site_project / "entities.yml").write_text(
        "- name: Evil <img src=x onerror=alert(1)> Org\n"
        "  kind: organisation\n"
        '  description: <script>alert("d")</script>\n'
        '- {name: Zed <b onclick="alert(5)">Person</b>, kind: person}\n',
        encoding="utf-8",
    )
    articles.add(
        site_project,
        "quotes.txt",
        'Evil <img src=x onerror=alert(1)> Org met Zed <b onclick="alert(5)">Person</b> today.\n'
        '“<script>alert("q")</script> is coming for all of us,” '
        'Zed <b onclick="alert(5)">Person</b> said.\n',
        title="Quotes",
        date="2025-02-05",
    )
    site = build_site(site_project)
    pages = [p for p in site.rglob("*.html")]
    assert any("organisations" in p.parts and "evil" in str(p) for p in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert not re.search(r"<img[^>]*onerror", html), path
        assert not re.search(r"<b[^>]*onclick", html), path
    quotes = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;q&#34;)&lt;/script&gt; is coming for all of us," in quotes


def test_addresses_other_than_web_ones_never_become_links(site_project, build_site):
    """A `javascript:` (or `data:`, `file:`) address is refused from a curator and dropped from a
    reader's output, so no page can link to it."""
    import pytest

    from chronicle.archive.schema import article_from_mapping, read_curator
    from chronicle.archive.store import ArticleStore
    from chronicle.errors import FrontMatterError
    from chronicle.ingest.add import add_path

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
    site = build_site(site_project)
    for path in site.rglob("*.html"):
        assert not re.search(r"(href|src)=\"\s*javascript:", path.read_text("utf-8")), path


def test_remote_images_become_links_and_are_never_fetched(site_project, build_site):
    hand = site_project / "docs" / "articles" / "2025" / "02" / "06" / "pictures.md"
    hand.parent.mkdir(parents=True)
    hand.write_text(
        "---\nid: pictures\ntitle: Pictures\ndate: '2025-02-06'\nsource: null\n---\n"
        "A tracker ![pixel & co](https://tracker.example/p.gif) and "
        '<img src="//cdn.example/x.png"> in the text.\n',
        encoding="utf-8",
    )
    site = build_site(site_project)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<img[^>]*src=\"(https?:)?//", html), path
    article = (site / "articles" / "2025" / "02" / "06" / "pictures" / "index.html").read_text()
    assert 'href="https://tracker.example/p.gif"' in article
    assert "[Image: pixel &amp; co]" in article  # the record keeps what the image was


def test_language_must_be_a_language_code():
    import pytest

    from chronicle.archive.schema import read_curator
    from chronicle.errors import FrontMatterError

    with pytest.raises(FrontMatterError, match="language"):
        read_curator("flags", {"language": "english"})
    assert read_curator("flags", {"language": "pt-BR"})["language"] == "pt-BR"
    # Stored in the usual case, so that the page's lang attribute is valid.
    assert read_curator("flags", {"language": "EN_gb"})["language"] == "en-GB"


def test_the_search_facet_counts_a_language_once_whatever_its_region(articles):
    from chronicle.site.search import record_for

    def facet(language: str | None) -> list[str]:
        return record_for(articles.entry(language=language), "").filters["language"]

    assert facet("pt-BR") == facet("pt") == ["pt"]
    assert facet(None) == ["en"]  # the site's language


def test_a_blank_url_from_the_curator_keeps_the_pages_own_address():
    from chronicle.ingest.metadata import resolve
    from chronicle.ingest.readers.base import Draft

    draft = Draft(body="Text.", text="Text.", reader="html", url="https://news.example/harbour")
    common = dict(original_name="p.html", sha256="0" * 64, added=NOW)
    assert resolve(draft, {"url": None}, **common).url == "https://news.example/harbour"
    assert resolve(draft, {}, **common).url == "https://news.example/harbour"
    javascript = dataclasses.replace(draft, url="javascript:alert(1)")
    assert resolve(javascript, {}, **common).url is None


def test_remote_images_are_found_as_a_browser_reads_the_address():
    """Spaces, tabs or a backslash do not hide another host; a linked image keeps its link."""
    from chronicle.site.sanitize import clean_html

    hidden = ("&#10;https://evil.example/t", "ht&#9;tps://evil.example/x", "/\\evil.example/t.png")
    for src in (" https://evil.example/t.png", *hidden):
        out = clean_html(f'<p><img alt="t" src="{src}"></p>')
        assert "<img" not in out and "[Image: t]" in out, (src, out)
    linked = clean_html(
        '<a href="https://ci.example/job"><img alt="build status" src="https://img.example/b.svg">'
        "</a> after"
    )
    assert linked.startswith('<a href="https://ci.example/job"')  # the article's own link stays
    assert linked.count("<a ") == 1 and "[Image: build status]" in linked  # links do not nest
    assert clean_html('<img src="img/local.png" alt="l">') == '<img src="img/local.png" alt="l">'
