"""Article HTML → HTML with nothing active in it (nh3, the Python binding of Rust's ammonia).

Article bodies are Markdown, and Markdown passes raw HTML through; a hand-edited or extracted
article could carry a script or an event handler. Everything rendered from an article goes
through here before it reaches a page: its HTML (`clean_html`), and its table of contents
(`clean_toc`), which MkDocs makes from the headings before any sanitiser sees them and Material
prints unescaped, in the contents and in the "Skip to content" link. An attribute list
(`## Heading {: id=… data-toc-label=… }`) sets both.

mkdocs.yml's words are trusted, but MkDocs renders without autoescape and the theme prints the
site's name, description and author, the repository's name and every value under `extra` (the
social links' titles, the consent banner, the alternate languages' names) raw, in <title>,
attributes and the header: `safe_config` makes them escaped text, and the copyright and the
consent description (HTML by Material's contract) sanitised HTML, marked safe so that a
template's `| e` does not escape them twice. Python reads them with `plain`. The site's and the
repository's addresses are printed inside attributes too: a character that would end the
attribute or the tag is percent-encoded (the same address to a browser), and an address that is
not http(s) is refused, since the theme makes the repository's a link.

A Markdown extension that includes files (`pymdownx.snippets`: a line `--8<-- "path"`) would let
an article's body pull the curator's own files (mkdocs.yml, notes, anything readable) into a
published page: with it enabled, `inert_includes` escapes each such line in an article's body,
as snippets' own escape does (`;--8<--`), so the line is printed as written and nothing is read.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import nh3
from markupsafe import Markup

from chronicle.text.normalize import make_slug

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.toc import AnchorLink

SNIPPETS = "pymdownx.snippets"
# What snippets reads as an include, as pymdownx 13 matches it: a line it takes whole (an
# include, a block's first or last line) and a section mark anywhere in a line. An escape is a
# ";" before the marker, of which snippets removes one, so an escaped line stays as written.
_INCLUDE_LINE = re.compile(
    r"""^([ \t]*)(?=;*-+8<-+(?:[ \t]+(?:"(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')|)\r?$)"""
)
_SECTION_MARK = re.compile(
    r"(?<!;)(?<!-)(?=;*-+8<-+[ \t]+\[[ \t]*(?:start|end)[ \t]*:[ \t]*[a-z][-_0-9a-z]*[ \t]*\])",
    re.I,
)

# mkdocs.yml's plain-text settings the theme prints (Material: <title>, <meta>, the header).
CONFIG_TEXTS = ("site_name", "site_description", "site_author", "repo_name")
# mkdocs.yml's addresses the theme and Chronicle print in attributes (links, canonical links).
CONFIG_URLS = ("site_url", "repo_url")
# Values under `extra` that are HTML by Material's contract, as the copyright is.
EXTRA_HTML = (("consent", "description"),)
_URL_UNSAFE = re.compile(r"[\x00-\x20\"'<>`\\^{|}\x7f]")

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "figure",
    "figcaption",
    "mark",
    "time",
    "section",
    "aside",
    "details",
    "summary",
    "sup",
    "sub",
}
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "class", "title", "lang", "dir"}
_ATTRIBUTES.setdefault("a", set()).update({"href", "title"})
_ATTRIBUTES.setdefault("img", set()).update({"src", "alt", "width", "height", "loading"})
_ATTRIBUTES.setdefault("time", set()).add("datetime")


# nh3 writes every attribute as name="value", the value escaped: these patterns read its output,
# not arbitrary HTML.
_LINK_OR_IMAGE = re.compile(r"<a\b[^>]*>|</a>|<img\b[^>]*>")
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def clean_html(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return _local_images_only(cleaned) if "<img" in cleaned else cleaned


def _local_images_only(cleaned: str) -> str:
    """Images on another host become links to them, labelled with their description.

    The site makes no request to another host (readers' privacy; school networks that block
    them): an embedded remote image would be fetched by every reader of the page, and could be
    a tracker. A link keeps the record (nothing is lost) and is fetched only if clicked; inside
    a link of the article's own, the label alone (links do not nest).
    """
    out: list[str] = []
    depth = 0  # inside how many <a> elements
    at = 0
    for match in _LINK_OR_IMAGE.finditer(cleaned):
        out.append(cleaned[at : match.start()])
        at = match.end()
        token = match.group(0)
        if token.startswith("<a"):
            depth += 1
        elif token == "</a>":
            depth = max(depth - 1, 0)
        else:
            attrs = dict(_ATTR.findall(token))
            address = _as_browser_reads(attrs.get("src", ""))
            if _SCHEME.match(address) or address.startswith("//"):  # another host's
                token = f"[Image: {attrs.get('alt') or 'no description'}]"  # escaped by nh3
                if depth == 0 and address.lower().startswith(("http:", "https:", "//")):
                    link = f'<a class="chronicle-remote-image" href="{attrs["src"]}" rel="noopener'
                    token = f'{link} noreferrer">{token}</a>'
        out.append(token)
    out.append(cleaned[at:])
    return "".join(out)


def _as_browser_reads(src: str) -> str:
    """`src` (as nh3 wrote it) read as the WHATWG URL parser reads it, not as written: it strips
    surrounding spaces and control characters, drops tabs and newlines anywhere ("ht\ttps:") and
    takes a backslash for a slash ("/\\evil.example" is "//evil.example"). Only a path without a
    scheme stays on the site's own host."""
    value = _html.unescape(src).strip("".join(map(chr, range(0x21))))
    return _TAB_OR_NEWLINE.sub("", value).replace("\\", "/")


# What an id may hold to be printed as is in `href="#…"` and `id="…"`: no quote, angle bracket,
# ampersand, backtick, equals sign, space or control character (Python-Markdown's own ids never
# have one). Anything else is renamed.
_UNSAFE_ID = re.compile(r"[\"'<>&`=\\\s\x00-\x1f\x7f]")
_ID_OR_FRAGMENT = re.compile(r'\b(id="|href="#)([^"]*)"')
_HEADING_ID = re.compile(r'<h[1-6]\b[^>]*?\bid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>?")
# Python-Markdown's placeholder for raw HTML it set aside (STX … ETX): a table of contents keeps
# it where the heading's HTML has the raw HTML back.
_PLACEHOLDER = re.compile(r"\x02[^\x03]*\x03")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_toc(cleaned: str, toc: list[AnchorLink]) -> str:
    """Make the table of contents `toc` safe to print unescaped, in place: each title becomes
    its text, escaped; each id that could leave its attribute is renamed to a slug, here and in
    `cleaned` (the article's HTML, after `clean_html`), so the links still reach the headings.
    Returns the HTML with the renamed ids."""
    items = list(_walk(toc))
    taken = {item.id for item in items if item.id and not _UNSAFE_ID.search(item.id)}
    # The headings' ids as nh3 wrote them (escaped), in order, each matched to one item at most.
    headings = [m.group(1) for m in _HEADING_ID.finditer(cleaned)]
    used = [False] * len(headings)
    renamed: dict[str, str] = {}  # id as written in `cleaned` → its new id
    for item in items:
        text = _text(item.title)
        item.title = _html.escape(text, quote=False)
        if item.id and not _UNSAFE_ID.search(item.id):
            continue
        base = make_slug(text) if text else "section"
        new, n = base, 2
        while new in taken:
            new, n = f"{base}-{n}", n + 1
        taken.add(new)
        pattern = _as_written(item.id)
        for i, written in enumerate(headings):
            if not used[i] and pattern.fullmatch(_html.unescape(written)):
                used[i] = True
                renamed.setdefault(written, new)
                break
        item.id = new
    if not renamed:
        return cleaned

    def rename(match: re.Match[str]) -> str:
        return f'{match.group(1)}{renamed.get(match.group(2), match.group(2))}"'

    return _ID_OR_FRAGMENT.sub(rename, cleaned)


def _as_written(toc_id: str) -> re.Pattern[str]:
    """The ids a heading may have in the HTML for this table of contents id: the same, with
    any raw HTML where the id holds a placeholder."""
    return re.compile(".*?".join(re.escape(part) for part in _PLACEHOLDER.split(toc_id)), re.S)


def _walk(items: list[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _walk(item.children)


def _text(markup: str) -> str:
    """What a reader would see of `markup`: no tags, no placeholders, entities decoded."""
    text = _html.unescape(_TAG.sub("", _PLACEHOLDER.sub("", markup)))
    return _CONTROL.sub("", text).strip()


def safe_config(config: MkDocsConfig) -> None:
    """Escape mkdocs.yml's texts in place, sanitise its HTML and make its addresses safe to
    print (see the module's docstring); a value already made safe is left as it is (MkDocs may
    reuse the config). Raises ValueError, naming the setting, for an address that is not
    http(s)."""
    for key in CONFIG_TEXTS:
        value = config[key]
        if value and not isinstance(value, Markup):
            config[key] = Markup.escape(value)
    for key in CONFIG_URLS:
        if config[key]:
            config[key] = safe_url(key, config[key])
    if config.copyright and not isinstance(config.copyright, Markup):
        config.copyright = Markup(clean_html(config.copyright))
    extra = config["extra"]
    for key in list(extra.keys()):
        extra[key] = _safe_extra(extra[key], (key,))


def safe_url(setting: str, url: str) -> str:
    """`url` with what could end an HTML attribute or tag percent-encoded; ValueError when its
    scheme is not http(s) (a `javascript:` address passes MkDocs' own check)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        raise ValueError(f"{setting} must be an http:// or https:// address, not {url[:80]!r}")
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def _safe_extra(value: object, path: tuple[str, ...]) -> object:
    """One value under `extra`, its strings escaped (HTML ones sanitised); keys are left as
    written, since the theme looks values up by them (`extra.tags[tag.name]`)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup(clean_html(value)) if path in EXTRA_HTML else Markup.escape(value)
    if isinstance(value, dict):
        return {key: _safe_extra(item, (*path, str(key))) for key, item in value.items()}
    if isinstance(value, list):
        return [_safe_extra(item, path) for item in value]
    return value


def plain(value: str | None) -> str:
    """A config text as the curator wrote it, for what is not HTML (feeds, citations, data)."""
    return value.unescape() if isinstance(value, Markup) else value or ""


def inert_includes(markdown: str, extensions: list[str] | tuple[str, ...]) -> str:
    """An article's Markdown with every line snippets would read as an include escaped (see the
    module's docstring); unchanged when `extensions` (mkdocs.yml's) has no snippets, where an
    added ";" would be printed."""
    if SNIPPETS not in extensions or "8<" not in markdown:
        return markdown
    lines = []
    for line in markdown.split("\n"):
        if "8<" in line:
            line, whole = _INCLUDE_LINE.subn(r"\1;", line, count=1)
            if not whole:
                line = _SECTION_MARK.sub(";", line, count=1)
        lines.append(line)
    return "\n".join(lines)
