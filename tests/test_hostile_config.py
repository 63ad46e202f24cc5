"""A hostile mkdocs.yml: the site's name, description, author, copyright, repository name and
address, and values under `extra` (social links, the consent banner, alternate languages) carry
script tags, event handlers and quotes. MkDocs renders without autoescape and the theme prints
these raw (in <title>, <meta>, attributes, the header and footer), so the plugin makes them
escaped text (the copyright sanitised HTML): none reaches a page, a feed or a citation live, and
each still reads as the curator wrote it, escaped once, never twice."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from tests.conftest import LATER

NAME = "Harbour <script>alert('name')</script> \"q\" 'a' <img src=x onerror=alert(1)> &amp; R&D"
DESCRIPTION = "Desc \"><script>alert('desc')</script><svg onload=alert(2)> 'x'"
AUTHOR = '"><img src=x onerror=alert(3)>'
COPYRIGHT = (
    '&copy; 2025 <a href="https://ok.example/">Ok</a> '
    '<a href="javascript:alert(4)" onclick="alert(5)">x</a><script>alert(6)</script>'
)
RLO = "\u202e"
SUMMARY = "A <b>bold</b> claim & <script>alert(7)</script> more"
REPO_NAME = "repo <img src=x onerror=alert(8)>"
REPO_URL = 'https://code.example/o/r"onmouseover="alert(9)'
EXTRA = {
    "social": [
        {
            "icon": "fontawesome/brands/github",
            "link": 'https://social.example/"onclick="alert(10)',
            "name": "Us <script>alert(11)</script>",
        }
    ],
    "alternate": [
        {"name": "Fr <img src=x onerror=alert(12)>", "link": "/", "lang": "fr"},
        {"name": "En", "link": "/", "lang": "en"},
    ],
    "consent": {
        "title": "Cookies <script>alert(13)</script>",
        "description": 'We <b>ask</b> <a href="javascript:alert(14)" onclick="alert(15)">x</a>',
    },
}


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string


@pytest.fixture(scope="module")
def hostile_config_site(site_scaffold: Callable[..., Path], articles: Any, build_site) -> Path:
    project = site_scaffold("hostile-config", entities=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^site_name: .*$", f"site_name: {_yaml(NAME)}", config, flags=re.M)
    config = re.sub(
        r"^site_description: .*$",
        f"site_description: {_yaml(DESCRIPTION)}\nsite_author: {_yaml(AUTHOR)}\n"
        f"copyright: {_yaml(COPYRIGHT)}\nrepo_name: {_yaml(REPO_NAME)}\n"
        f"repo_url: {_yaml(REPO_URL)}\nextra: {json.dumps(EXTRA)}",
        config,
        flags=re.M,
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert yaml.safe_load(config.split("\ntheme:")[0])["site_name"] == NAME
    articles.add(project, "later.txt", LATER, title="Hamas rejects plan", date="2025-03-28")
    articles.add(
        project,
        "bidi.txt",
        "Negotiators met again in the capital on Tuesday, officials said.\n",
        title=f"Talks {RLO}llats",
        date="2025-03-29",
        source=f"Wire {RLO}eriw",
        authors=[f"Jane {RLO}Doe"],
    )
    articles.add(
        project,
        "summary.txt",
        "Delegations reviewed the draft text line by line, officials said on Wednesday.\n",
        title="Draft reviewed",
        date="2025-03-30",
        summary=SUMMARY,
    )
    return build_site(project)


def _live(path: Path) -> list[str]:
    """What could act in one page's HTML: a script of theirs, an event handler, a script URL."""
    found = []
    for element in lxml.html.fromstring(path.read_bytes()).iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "alert" in (element.text or ""):
            found.append("script")
        for name, value in element.attrib.items():
            if name.startswith("on"):
                found.append(f"{element.tag}[{name}]")
            if name in ("href", "src", "action") and "javascript:" in value.lower():
                found.append(f"{element.tag}[{name}={value}]")
    return found


def test_no_page_has_their_script_or_handler(hostile_config_site: Path):
    pages = sorted(hostile_config_site.rglob("*.html"))
    assert len(pages) > 40
    live = {p.relative_to(hostile_config_site).as_posix(): _live(p) for p in pages}
    assert not {page: found for page, found in live.items() if found}


def test_the_name_reads_as_written_escaped_once(hostile_config_site: Path):
    home = (hostile_config_site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home, re.S)
    assert title and html.unescape(title.group(1)).strip() == NAME
    description = re.search(r'<meta name="description" content="([^"]*)"', home)
    assert description and html.unescape(description.group(1)) == DESCRIPTION
    assert "&amp;amp;amp;" not in home  # "&amp;" in the name is escaped once, to "&amp;amp;"
    tree = lxml.html.fromstring(home)
    (copyright_,) = tree.xpath("//div[@class='md-copyright__highlight']")
    assert [a.get("href") for a in copyright_.iter("a")] == ["https://ok.example/", None]
    assert copyright_.text_content().split() == ["©", "2025", "Ok", "x"]


def test_repository_and_extra_values_read_as_written(hostile_config_site: Path):
    tree = lxml.html.fromstring((hostile_config_site / "index.html").read_bytes())
    source = tree.xpath("//a[@data-md-component='source']")[0]  # in the header and the nav
    assert source.get("href") == "https://code.example/o/r%22onmouseover=%22alert(9)"
    assert " ".join(source.text_content().split()).endswith(REPO_NAME)
    (social,) = tree.xpath("//a[contains(@class, 'md-social__link')]")
    assert social.get("title") == EXTRA["social"][0]["name"]
    assert social.get("href") == EXTRA["social"][0]["link"]  # a quote inside, not an attribute
    languages = [a.text_content().strip() for a in tree.xpath("//a[@hreflang]")]
    assert EXTRA["alternate"][0]["name"] in languages
    assert not tree.xpath("//img[@src='x']")
    assert tree.xpath("//*[@id='__consent']//p/b/text()") == ["ask"]


def test_an_address_that_is_not_http_is_refused_in_one_line(
    site_scaffold: Callable[..., Path], mkdocs_build
):
    project = site_scaffold("script-repo")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config += "\nrepo_url: javascript://x/%0aalert(1)\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "repo_url must be an http:// or https:// address" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_feeds_carry_the_name_as_text(hostile_config_site: Path):
    for name in ("feed.xml", "rss.xml"):
        root = ET.parse(hostile_config_site / name).getroot()
        titles = [e.text or "" for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "title"]
        assert titles[0].startswith(NAME), name
    feed = json.loads((hostile_config_site / "feed.json").read_text(encoding="utf-8"))
    assert feed["title"].startswith(NAME) and feed["description"] == DESCRIPTION


def _shown_as_html(markup: str) -> tuple[str, list[str]]:
    """What a feed reader that renders a description as HTML shows, and the elements it makes."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return root.text_content(), [e.tag for e in root.iter() if e is not root]


def test_rss_descriptions_are_html_that_shows_the_text(hostile_config_site: Path):
    """RSS 2.0 reads descriptions as HTML (Atom's subtitle and summary are text): what a reader
    renders is the text as written, and no element of theirs."""
    channel = ET.parse(hostile_config_site / "rss.xml").getroot().find("channel")
    assert channel is not None
    assert _shown_as_html(channel.findtext("description") or "") == (DESCRIPTION, [])
    item = next(i for i in channel.iter("item") if i.findtext("title") == "Draft reviewed")
    shown, elements = _shown_as_html(item.findtext("description") or "")
    assert SUMMARY in shown and elements == []
    atom = ET.parse(hostile_config_site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.findtext("a:subtitle", namespaces=ns) == DESCRIPTION
    summaries = [
        e.findtext("a:summary", namespaces=ns) or "" for e in atom.iter(f"{{{ns['a']}}}entry")
    ]
    assert any(SUMMARY in text for text in summaries)


def test_citations_name_the_archive_as_written(hostile_config_site: Path):
    page = hostile_config_site / "articles" / "2025" / "03" / "28" / "hamas-rejects-plan"
    tree = lxml.html.fromstring((page / "index.html").read_bytes())
    copy = tree.xpath("//button[@data-chronicle-copy]/@data-chronicle-copy")
    assert copy and all(NAME in text for text in copy)
    (site_name,) = tree.xpath("//meta[@property='og:site_name' or @name='og:site_name']/@content")
    assert site_name == NAME
    bib = (hostile_config_site / "data" / "references.bib").read_text(encoding="utf-8")
    assert "Harbour <script>" in bib  # data, as written (BibTeX escapes only its own specials)


def test_a_bidi_override_stays_in_its_field_on_the_page(hostile_config_site: Path):
    page = hostile_config_site / "articles" / "2025" / "03" / "29"
    (article,) = page.glob("*/index.html")
    tree = lxml.html.fromstring(article.read_bytes())
    for text in tree.xpath("//button[@data-chronicle-copy]/@data-chronicle-copy"):
        # Each field holding the override is an isolate that closes it: \u2068…\u202c\u2069.
        assert f"\u2068Talks {RLO}llats\u202c\u2069" in text
        assert text.count("\u2068") == text.count("\u2069") >= 3


@pytest.mark.browser
def test_pages_with_the_hostile_name_run_nothing_in_chromium(
    hostile_config_site: Path, serve_site: Callable[[Path], str], open_page
):
    from tests.test_hostile_site import SCAN_DOM

    base = serve_site(hostile_config_site)
    page = open_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ("", "articles/2025/03/28/hamas-rejects-plan/", "archive/2025/", "404.html"):
        page.goto(base + url, wait_until="load")
        page.keyboard.press("Tab")
        assert page.evaluate(SCAN_DOM) == [], url
        assert page.title().endswith(NAME) or page.title() == NAME
    assert not dialogs
