"""A hostile archive, built into one site and opened page by page in Chromium.

Every payload goes in through every family of input a curator meets (Markdown with front matter,
saved web pages, text with a sidecar, feed entries, WARC records, hand-placed stored articles with
attribute lists on their headings, file names). Then every page of the built site is opened with
a dialog and console watcher, and its DOM (not only its HTML text) is scanned for an element or
attribute of theirs that could act: no script of theirs may run, nothing live may be on a page,
no request may leave 127.0.0.1 (the `open_page` guard).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tests.browser as browser_helpers
from tests.conftest import copy_site_scaffold, make_warc, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Each payload shows it ran by opening a dialog (`alert`), which the watcher records.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '"><script>alert(4)</script>',
    "'><img src=x onerror=alert(5)>",
    "javascript:alert(6)",
    '<a href="javascript:alert(7)">click</a>',
    "<iframe src=javascript:alert(8)></iframe>",
    "<body onload=alert(9)>",
    "<details open ontoggle=alert(10)>x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>",
    "<scr<script>ipt>alert(12)</scr</script>ipt>",
    "&lt;script&gt;alert(13)&lt;/script&gt;",
    '<a href="&#106;avascript:alert(14)">x</a>',
    "<object data=javascript:alert(15)></object>",
    "<embed src=javascript:alert(16)>",
    "<form action=javascript:alert(17)><button>go</button></form>",
    "<input autofocus onfocus=alert(18)>",
    "<video><source onerror=alert(19)></video>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(21)">',
    "<img src=http://evil.example/track.png>",
    "{{ config.extra }}{% if true %}alert(23){% endif %}",
    "\u202eevil\u202c <b onmouseover=alert(24)>b</b>",
    '<a href="jav&#x09;ascript:alert(25)">tab</a>',
    "<style>@import 'http://evil.example/x.css';</style>",
    '<div style="background:url(javascript:alert(27))">s</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(28)>">',
    "<template><script>alert(29)</script></template>",
    "`<img src=x onerror=alert(30)>`",
]

# Attribute lists on headings, in hand-placed stored articles: MkDocs takes the table of contents
# (printed unescaped by Material) from them before any sanitiser sees the page.
HEADING_ATTRIBUTES = [
    "{: id='\"onfocus=alert(101) autofocus x=\"' }",
    "{: id='\"><svg onload=alert(102)>' }",
    "{: data-toc-label='<img src=x onerror=alert(103)>' }",
    "{: data-toc-label='&lt;img src=x onerror=alert(104)&gt;' }",
    "{: onclick=alert(105) }",
    '{: #a" onmouseover="alert(106) }',
    "{: id='x' onmouseover='alert(107)' }",
    "{: style='background:url(javascript:alert(108))' }",
    "{: .x onload=alert(109) }",
    "{: id='javascript:alert(110)' }",
]

LEDE = (
    "Negotiators met again in the capital on Tuesday, officials said, and talks went on late "
    "into the night. Delegations from both sides reviewed the draft text line by line."
)


def _yaml(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML, quoted exactly


def _inbox(inbox: Path) -> int:
    """Write the hostile inputs; returns how many inputs (articles expected) there are."""
    inbox.mkdir(parents=True)
    count = 0
    for i, p in enumerate(PAYLOADS):
        day = f"2025-01-{i % 28 + 1:02d}"
        # Markdown with front matter: the payload in every field and in the body.
        front = {
            "title": f"Markdown {i} {p}",
            "date": day,
            "source": f"Source {p}",
            "authors": [f"Author {p}"],
            "topics": [f"Topic {p}"],
            "summary": f"Summary {i} {p}",
            "url": f"https://example.org/{i}?q={p}".replace(" ", "%20"),
        }
        meta = "".join(f"{k}: {_yaml(v)}\n" for k, v in front.items() if k != "url")
        (inbox / f"md-{i:02d}.md").write_text(
            f"---\n{meta}---\n{LEDE} Markdown {i}.\n\n{p}\n\n## Part {p}\n\n"
            f"[link {i}](javascript:alert({i})) and ![img](javascript:alert({i}))\n",
            encoding="utf-8",
        )
        # A saved web page.
        page = (
            f"<!doctype html><html><head><title>Page {i} {html.escape(p)}</title>"
            f'<meta name="author" content="{html.escape(p)}">'
            f'<meta property="article:published_time" content="{day}">'
            f"</head><body><article><h1>Page {i} {p}</h1><p>{LEDE} Page {i}.</p>"
            f"<p>{p} More text about the talks, number {i}, went on for hours.</p>"
            f"<p>{LEDE}</p></article></body></html>"
        )
        (inbox / f"page-{i:02d}.html").write_text(page, encoding="utf-8")
        # Plain text with a sidecar of curator metadata.
        (inbox / f"text-{i:02d}.txt").write_text(f"{LEDE} Text {i}.\n\n{p}\n", encoding="utf-8")
        sidecar = {"title": f"Text {i} {p}", "topics": [p], "source": p, "date": day}
        (inbox / f"text-{i:02d}.yml").write_text(
            "".join(f"{k}: {_yaml(v)}\n" for k, v in sidecar.items()), encoding="utf-8"
        )
        count += 3
    # A feed: each payload as a title (escaped text) and as a description (HTML in CDATA).
    items = "".join(
        f"<item><title>Entry {i} {html.escape(p)}</title><link>https://example.org/e{i}</link>"
        f"<guid>e{i}</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
        f"<author>{html.escape(p)}</author>"
        f"<description><![CDATA[<p>{LEDE} Entry {i}.</p><p>{p}</p>]]></description></item>"
        for i, p in enumerate(PAYLOADS[:15])
    )
    (inbox / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{html.escape(PAYLOADS[0])}'
        f"</title><link>https://example.org/</link><description>d</description>{items}"
        "</channel></rss>",
        encoding="utf-8",
    )
    count += 15
    # A web archive of pages whose titles and bodies carry the payloads.
    records = [
        (
            f"https://example.org/w{i}",
            "text/html; charset=utf-8",
            (
                f"<html><head><title>Capture {i} {html.escape(p)}</title></head><body>"
                f"<article><p>{LEDE} Capture {i}.</p><p>{p}</p><p>{LEDE}</p></article>"
                "</body></html>"
            ).encode(),
        )
        for i, p in enumerate(PAYLOADS[15:])
    ]
    (inbox / "capture.warc.gz").write_bytes(make_warc(records))
    count += len(records)
    # A file name that is itself a payload (the title is then made from the text).
    (inbox / "<img src=x onerror=alert(99)>.txt").write_text(
        f"{LEDE} Named file.\n", encoding="utf-8"
    )
    return count + 1


def _hand_placed(archive: Path) -> int:
    folder = archive / "2025" / "04" / "01"
    folder.mkdir(parents=True)
    for i, attributes in enumerate(HEADING_ATTRIBUTES):
        (folder / f"heading-{i}.md").write_text(
            f"---\nid: heading-{i}\ntitle: Heading {i}\ndate: '2025-04-01'\nsource: null\n---\n"
            f"{LEDE} Heading {i}.\n\n## Background {attributes}\n\nText.\n\n"
            f"### Details {attributes}\n\nMore.\n",
            encoding="utf-8",
        )
    return len(HEADING_ATTRIBUTES)


# Everything on a page that could act, found in the live DOM (what the browser built, after
# every script of the page ran), not in the HTML text.
SCAN_DOM = r"""() => {
  const found = [];
  const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc",
                         "poster", "background"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "object", "embed", "base", "frame", "frameset", "applet"].includes(tag))
      found.push(tag);
    if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh")
      found.push("meta refresh");
    if (tag === "script" && /alert\(/.test(el.textContent)) found.push("script: " + el.textContent);
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`${tag}[${name}=${a.value}]`);
      if (urlAttributes.includes(name) && /^(javascript:|vbscript:|data:text\/html)/.test(value))
        found.push(`${tag}[${name}=${a.value}]`);
      if (name === "style" && /javascript:|expression\(|url\(/.test(value))
        found.push(`${tag}[style=${a.value}]`);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    project = copy_site_scaffold(tmp_path_factory.mktemp("hostile") / "project")
    inputs = _inbox(project / "inbox")
    hand = _hand_placed(project / "docs" / "articles")
    added = run_cli(
        "add", project / "inbox", "--archive", project / "docs" / "articles", exit_code=None
    )
    from tests.conftest import build

    return build(project), inputs + hand, added.output


def test_every_hostile_input_gives_an_article_or_a_one_line_reason(hostile_site):
    site, inputs, output = hostile_site
    assert inputs >= 100
    assert "Traceback" not in output and "please report it" not in output
    articles = [p for p in (site / "articles").rglob("index.html")]
    # Some inputs may be refused (with a reason, printed); nearly all must be articles.
    assert len(articles) >= inputs * 0.9, output


def test_no_script_of_theirs_runs_and_nothing_live_is_on_any_page(
    hostile_site, serve_site: Callable[[Path], str], browser
):
    site, _, _ = hostile_site
    base = serve_site(site)
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []  # script errors, console errors, requests leaving 127.0.0.1
    browser_helpers.guard(page, errors)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 100
    live: dict[str, list[str]] = {}
    for url in pages:
        page.goto(f"{base}{'' if url == '.' else url + '/'}", wait_until="load")
        page.keyboard.press("Tab")  # what an autofocus or a focus handler would reach
        found = page.evaluate(SCAN_DOM)
        if found:
            live[url] = found
    context.close()
    assert not dialogs, dialogs
    assert not live, live
    # `<img src=x>` stays an image of this site (inert), which the server answers 404.
    assert [e for e in errors if "status of 404" not in e] == []
