"""Reader registry: find the format from the content (then the name) and read it.

One reader per format, each a function `read(data: bytes, name: str) -> list[Draft]`. Readers
whose optional libraries are missing are reported as disabled with the package to install,
rather than as an unknown format.
"""

from __future__ import annotations

import gzip
import importlib
import io
import zlib
from collections.abc import Callable

from chronicle.errors import ReaderError, UnknownFormat
from chronicle.ingest.readers.base import Draft
from chronicle.ingest.readers.decode import MAX_DECOMPRESSED

ReadFunction = Callable[[bytes, str], list[Draft]]

# format → (module, function, what to install if the import fails)
READERS: dict[str, tuple[str, str, str]] = {
    "text": ("chronicle.ingest.readers.text", "read_text", ""),
    "markdown": ("chronicle.ingest.readers.markdown", "read_markdown", ""),
    "html": ("chronicle.ingest.readers.html", "read_html", "trafilatura htmldate lxml_html_clean"),
    "feed": ("chronicle.ingest.readers.feed", "read_feed", "feedparser"),
    "warc": ("chronicle.ingest.readers.warc", "read_warc", "warcio"),
}


def load_reader(fmt: str) -> ReadFunction:
    module_name, function, install = READERS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise UnknownFormat(
            fmt, f"the {fmt} reader is disabled ({exc}); pip install {install}"
        ) from None
    return getattr(module, function)


def sniff(data: bytes, name: str) -> str:
    """The format of `data`: content first (saved pages often have the wrong extension), but a
    text or Markdown file, or one that opens with front matter, is read as one unless it opens
    as a whole web page: such a file may well mention `<body>` in its text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    lower = name.lower()
    if lower.endswith((".json", ".jsonl", ".ndjson")) and head[:1] in (b"{", b"["):
        # Data files (a corpus' gold.jsonl, a SOURCE.json) sit beside pages in real folders.
        raise UnknownFormat(name, "this is JSON data, not an article (JSON Feed is not supported)")
    if head.startswith(b"warc/") or lower.endswith((".warc", ".arc")):
        return "warc"
    feed_tags = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")) and any(
        tag in head for tag in feed_tags
    ):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"---") or lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".txt", ".text")):
        return "text"
    if head.startswith((b"<head", b"<body", b"<meta", b"<!--")) or (
        b"<html" in head or b"<body" in head
    ):
        return "html"
    if lower.endswith((".rss", ".atom", ".xml")):
        return "feed"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def decompress(data: bytes, name: str) -> tuple[bytes, str]:
    """Undo gzip (`.html.gz`, `.warc.gz` is left to warcio, which reads it record by record)."""
    if not data.startswith(b"\x1f\x8b"):
        return data, name
    if name.lower().endswith((".warc.gz", ".arc.gz")):
        return data, name
    try:
        out = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_DECOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReaderError(name, f"the gzip file is damaged or truncated ({exc})") from None
    if len(out) > MAX_DECOMPRESSED:
        raise ReaderError(
            name, f"the gzip file expands to more than {MAX_DECOMPRESSED >> 20} MB; not read"
        )
    if out.startswith(b"\x1f\x8b"):  # how a small bomb multiplies its factor
        raise ReaderError(name, "the gzip file holds another compressed file; not read")
    inner = name[:-3] if name.lower().endswith(".gz") else name
    if out[:4] == b"WARC":
        return data, inner + ".warc.gz" if not inner.lower().endswith(".warc") else name
    return out, inner


def read_bytes(data: bytes, name: str) -> list[Draft]:
    """Any supported input → drafts (one per article it holds)."""
    data, inner = decompress(data, name)
    fmt = sniff(data if not data.startswith(b"\x1f\x8b") else b"WARC/", inner)
    drafts = load_reader(fmt)(data, inner)
    if not drafts:
        raise ReaderError(name, f"no article found in this {fmt} input")
    return drafts
