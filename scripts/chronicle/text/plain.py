"""An article's plain text, derived from its Markdown body: what enrichment reads.

Rendering the body with Python-Markdown and stripping the HTML would be exact but costs a few
milliseconds an article (minutes on a large archive); the stored bodies use a small subset of
Markdown (readers escape plain text, see `markdown_text.py`), so a line-based stripper is enough.
Paragraphs (and headings) are separated by a blank line, so no sentence runs across blocks.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# No pattern here may scan to the end of the line from every mark: a line of 40,000 "**a " took
# 195 s with a lazy `(.+?)`, and 40,000 "[a " 31 s with `[^\]]*`. Brackets, tags and braces stop
# at the next opening mark; emphasis is paired by `_unwrap`, one scan per kind of mark.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG_OPEN = re.compile(r"(\*\*|__)(?=\S)")
_STRONG_CLOSE = {mark: re.compile(r"(?<=\S)" + re.escape(mark)) for mark in ("**", "__")}
_EM_OPEN = re.compile(r"(?<![\w\\])(\*|_)(?=\S)")
_EM_CLOSE = {mark: re.compile(r"(?<=\S)" + re.escape(mark) + r"(?!\w)") for mark in ("*", "_")}
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^{}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# A row of a pipe table ("| a | b |"), and its header's delimiter row ("| --- | :-: |").
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_CELL_EDGE = re.compile(r"(?<!\\)\|")


_SPECIAL = re.compile(r"[\\`*_\[<&{!]")


def _unwrap(line: str, opener: re.Pattern[str], closers: dict[str, re.Pattern[str]]) -> str:
    """`line` with each emphasis mark and its nearest closing mark removed, as
    `(mark)(?=\\S)(.+?)(?<=\\S)(mark)` would, in linear time: a kind of mark that finds no closer
    after one opener finds none after a later one, so it is not looked for again."""
    parts: list[str] = []
    done = start = 0
    unclosed: set[str] = set()
    while (found := opener.search(line, start)) is not None:
        mark = found.group(1)
        close = None if mark in unclosed else closers[mark].search(line, found.end() + 1)
        if close is None:
            unclosed.add(mark)
            start = found.start() + 1
            continue
        parts += (line[done : found.start()], line[found.end() : close.start()])
        done = start = close.end()
    parts.append(line[done:])
    return "".join(parts)


def _heading_text(text: str) -> str:
    """A heading's text without its closing hashes ("## Title ##"), found from the end: the lazy
    pattern that did it took 52 s on a heading with 100,000 spaces inside."""
    text = text.rstrip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and bare and bare[-1].isspace() else text


def _inline(line: str) -> str:
    if not _SPECIAL.search(line):
        return line  # most lines of stored plain text have no markup at all
    line = _ATTR_LIST.sub("", line).rstrip() if "{" in line else line
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _unwrap(line, _STRONG_OPEN, _STRONG_CLOSE)
    line = _unwrap(line, _EM_OPEN, _EM_CLOSE)
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
            blocks.append(_inline(_heading_text(heading.group(1))).strip())
            continue
        line = _QUOTE_MARK.sub("", raw)
        if _LIST_MARK.match(line):
            flush()  # each list item is a block of its own
            line = _LIST_MARK.sub("", line)
        current.append(_inline(line.strip()))
    flush()
    return "\n\n".join(b for b in blocks if b)
