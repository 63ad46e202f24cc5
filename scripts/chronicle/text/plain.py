"""An article's plain text, derived from its Markdown body: what enrichment reads.

Rendering the body with Python-Markdown and stripping the HTML would be exact but costs a few
milliseconds an article (minutes on a large archive); the stored bodies use a small subset of
Markdown (readers escape plain text, see `markdown_text.py`), so a line-based stripper is enough.
Paragraphs (and headings) are separated by a blank line, so no sentence runs across blocks.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w\\])(\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
_ATTR_LIST = re.compile(r"\s*\{:?\s*[#.][^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# A row of a pipe table ("| a | b |"), and its header's delimiter row ("| --- | :-: |").
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_CELL_EDGE = re.compile(r"(?<!\\)\|")


_SPECIAL = re.compile(r"[\\`*_\[<&{!]")


def _inline(line: str) -> str:
    if not _SPECIAL.search(line):
        return line  # most lines of stored plain text have no markup at all
    line = _ATTR_LIST.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    return html.unescape(line)


def plain_text(body: str) -> str:
    """Markdown body → plain text: one block per paragraph or heading, blank line between."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False

    def flush() -> None:
        if current:
            text = " ".join(part for part in current if part)
            if text.strip():
                blocks.append(text.strip())
            current.clear()

    for raw in body.splitlines():
        if _FENCE.match(raw):
            fenced = not fenced
            flush()
            continue
        if fenced or _HR.match(raw):
            flush()
            continue
        if not raw.strip():
            flush()
            continue
        if _SETEXT.match(raw) and current:
            flush()  # the line above was a heading: it is already one block
            continue
        if _TABLE_ROW.match(raw):
            # A row is a block of its own, its cells apart, as the readers wrote tables before
            # they were Markdown tables: "District · Cases".
            flush()
            if not _TABLE_RULE.match(raw):
                cells = [_inline(c.strip()) for c in _CELL_EDGE.split(raw.strip())[1:-1]]
                blocks.append(" · ".join(c for c in cells if c))
            continue
        heading = _HEADING.match(raw)
        if heading:
            flush()
            blocks.append(_inline(heading.group(1)).strip())
            continue
        line = _QUOTE_MARK.sub("", raw)
        if _LIST_MARK.match(line):
            flush()  # each list item is a block of its own
            line = _LIST_MARK.sub("", line)
        current.append(_inline(line.strip()))
    flush()
    return "\n\n".join(b for b in blocks if b)
