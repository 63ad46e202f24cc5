"""What a page declares about itself: its JSON-LD objects, its <meta> tags, its address and the
elements it marks as the headline (microdata). Read as written; each field's module decides how
far to trust them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from chronicle.ingest.readers.page_metadata.headings import visible_headings
from chronicle.text.normalize import web_address

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Posting|Report|Review|Story)$", re.I)


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists, `@graph`s and a page's
    `mainEntity`; bad JSON skipped."""
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        text = (script.text or "").strip()
        text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            # A comma left before a closing bracket ("…"name": "Jane Doe"},}") is the commonest
            # slip of a hand-written template; browsers and search engines forgive it.
            try:
                data = json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
            except ValueError:
                continue
        out.extend(_flatten(data))
    return out


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        if isinstance(data.get("mainEntity"), dict | list):
            # A WebPage whose main entity is the article: {"@type": "WebPage", "mainEntity":
            # {"@type": "NewsArticle", …}}.
            yield from _flatten(data["mainEntity"])


def ld_types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type") or []
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def is_article(obj: dict[str, Any]) -> bool:
    """A JSON-LD object that describes the article (NewsArticle, BlogPosting, Review…)."""
    return any(_ARTICLE_TYPES.search(t) for t in ld_types(obj))


def is_web_page(obj: dict[str, Any]) -> bool:
    return any(t.endswith("WebPage") for t in ld_types(obj))


def ld_names(value: Any) -> list[str]:
    """A JSON-LD person/organisation value (text, object or list of either) → names."""
    if isinstance(value, list):
        return [n for item in value for n in ld_names(item)]
    if isinstance(value, dict):
        return ld_names(value.get("name"))
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def read_meta(tree: HtmlElement) -> dict[str, str]:
    """<meta name|property|itemprop=… content=…>, keys lower-cased; the first value wins."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        # `value` is not standard but some CMSs and page savers write it instead of `content`.
        content = (meta.get("content") or meta.get("value") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            if attr == "itemprop" and _of_another_item(meta):
                continue
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in out:
                out[key] = content
    return out


def _of_another_item(meta: HtmlElement) -> bool:
    """Whether a microdata <meta itemprop> describes something other than the article: a
    product's review, a comment, an event on the page (its `datePublished` is the review's).
    That is an item of another type, or an item that is itself a property of another one
    (`itemprop="review"`), unless it is the page's main entity."""
    item = meta.getparent()
    while item is not None and item.get("itemscope") is None:
        item = item.getparent()
    if item is None:
        return False
    kind = item.get("itemtype") or ""
    if kind and not (_ARTICLE_TYPES.search(kind) or kind.endswith("WebPage")):
        return True
    role = item.get("itemprop")
    return role is not None and role not in ("mainEntity", "mainEntityOfPage")


def page_url(tree: HtmlElement, meta: dict[str, str], given: str | None) -> str | None:
    """The page's address: the one it was fetched or captured from, else the one it declares.
    A declared address is the page's say, not ours: a malformed one ("http://[::1/x") or another
    scheme is no address, so every later reading of it (its host, its path) can trust it."""
    declared = [*tree.xpath('//link[@rel="canonical"]/@href'), meta.get("og:url", "")]
    for candidate in (given, *declared):
        # str(): lxml's smart string keeps its tree alive and cannot be pickled
        url = web_address(str(candidate) if candidate else None)
        if url:
            return url
    return None


def microdata_headlines(tree: HtmlElement) -> list[str]:
    """Visible elements marked `itemprop="headline"`: the CMS says which text is the headline,
    as JSON-LD's `headline` does, and this one is what readers see (<meta> copies are read with
    the other meta tags)."""
    return visible_headings(tree.xpath('//*[@itemprop="headline"][not(self::meta)]'))
