"""Saved web pages → Draft: the main text with trafilatura, the metadata by `page_metadata`.

The body is rebuilt from trafilatura's XML tree (headings, paragraphs, lists, quotes, tables),
each text escaped for Markdown, rather than taken from its Markdown output, which passes `<`,
`*` and `[` through unescaped: a page's text must never become markup in the archive.
"""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import Draft
from chronicle.ingest.readers.boilerplate import (
    article_description,
    drop_consent_banners,
    is_consent_text,
)
from chronicle.ingest.readers.decode import decode_text
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata import extract_page_metadata
from chronicle.text.markdown import escape_markdown

NAME = "html"
# Fewer letters than this is a menu or a caption, not an article. Letters, not words: Chinese
# and Japanese are written without spaces.
MIN_LETTERS = 40
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
# libxml2 checks each attribute of a tag against the ones before it, and trafilatura, htmldate
# and jusText then walk them again: a <p> with 25,000 attributes took 13 s CPU to read, 50,000
# minutes. No real tag has a thousand; only a long tag is counted, words in quotes as one.
MAX_ATTRIBUTES = 1_000
# A ">" inside a quoted value ends the tag here, so a tag can hide attributes behind one; reading
# quoted values whole instead took scripts' apostrophes for quotes and refused 8 real pages.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{10000,}")
# trafilatura's extraction is quadratic in the inline elements of one block: 10,000 links in a
# <p> took 12 s CPU (5,000: 1 s). No article's paragraph holds thousands.
MAX_INLINE = 2_000
_INLINE_TAGS = frozenset(
    re.findall(
        r"\w+",
        "a abbr b bdi bdo br cite code data dfn em font i img kbd label mark q s samp small span "
        "strong sub sup time u var wbr",
    )
)
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")  # a quoted value (JSON in data-*) is one word


def decode_html(data: bytes, name: str) -> str:
    """The page's text, trying the charset its <meta> declares after UTF-8 (see decode_text)."""
    match = _DECLARED.search(data[:4096])
    declared = match.group(1).decode("ascii", "replace") if match else None
    return decode_text(data, name, declared=declared, what="web page")


def parse_html(text: str, name: str) -> HtmlElement:
    """trafilatura's own loader first (its parser settings measure better on the corpus: body
    F1 0.959 against 0.955 with lxml's defaults), lxml's for what it declines."""
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    for tag in _LONG_TAG.finditer(text):
        attributes = len(_QUOTED.sub("", tag.group(0)).split()) - 1
        if attributes > MAX_ATTRIBUTES:
            raise ReaderError(
                name,
                f"a tag has {attributes:,} attributes, over the limit of {MAX_ATTRIBUTES:,} "
                "(the HTML parser takes minutes over so many)",
            )
    try:
        tree = load_html(text)
    except Exception:  # its checks are heuristics; fall through to the plain parser
        tree = None
    if tree is not None:
        return tree
    try:
        return lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise ReaderError(name, f"this is not a readable web page ({exc})") from None


# Elements of trafilatura's tree that are blocks of their own: text on either side of one is
# not the same line. `lb` is a <br>, a line break inside a block.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "div"})
# What a container (a <div> trafilatura kept whole, a cell) holds that makes it more than a
# paragraph: its children are read as blocks of their own instead of being run together.
_STRUCTURE = frozenset({"p", "head", "list", "quote", "table", "div"})
# Inline elements of trafilatura's tree: at the top of a body or container, their text runs on
# with what is next to it; every other element is a block.
_INLINE = frozenset({"hi", "ref", "lb", "del", "graphic", "span", "sub", "sup"})
# What a table cell may hold that is not a line of the row: a table, a list, a heading.
_NESTED = frozenset({"table", "list", "head", "code", "quote"})
_CELL = "\x00"  # marks a cell's edge while a text is flattened; lxml text never contains it
# Between the cells of a row in a "table" block's text (rows are its lines); never in page text.
TABLE_CELL = "\x1f"


def _flow(text: str | None, children: list[HtmlElement], out: list[str]) -> None:
    """Text and elements → pieces of text, source whitespace as spaces, a line break ("\\n")
    for each <br> and around each block, a cell marker around each table cell."""
    out.append(re.sub(r"\s+", " ", text or ""))
    for child in children:
        if not isinstance(child.tag, str):
            pass  # a comment or processing instruction: no text of the page's
        elif child.tag == "lb":
            out.append("\n")
        elif child.tag == "cell":
            out.append(_CELL)
            _flow(child.text, list(child), out)
            out.append(_CELL)
        elif child.tag in _BLOCKS:
            out.append("\n")
            _flow(child.text, list(child), out)
            out.append("\n")
        else:
            _flow(child.text, list(child), out)
        out.append(re.sub(r"\s+", " ", child.tail or ""))


def _lines(pieces: list[str]) -> str:
    """Flattened pieces → the text's lines, each normalised, cells in a line joined by " · "."""
    lines = []
    for line in "".join(pieces).split("\n"):
        cells = [normalise(c) for c in line.split(_CELL)]
        line = " · ".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _text(element: HtmlElement) -> str:
    """An element's text, a line per <br> or inner block: never two sentences glued."""
    pieces: list[str] = []
    _flow(element.text, list(element), pieces)
    return _lines(pieces)


def _items(list_element: HtmlElement) -> list[tuple[str, str]]:
    """A list's items in order as ("item", text) blocks, a nested list's items after their
    parent's own text (flattened: each item's text appears once). A code block in an item (a
    <pre>) is a ("code", text) block after the item's text, every space and line break kept."""
    out: list[tuple[str, str]] = []
    for item in list_element.iterchildren("item"):
        own: list[str] = []
        after: list[tuple[str, str]] = []
        text = item.text
        inline: list[HtmlElement] = []
        for child in item:
            if child.tag in ("list", "code"):
                _flow(text, inline, own)
                own.append("\n")
                if child.tag == "list":
                    after.extend(_items(child))
                elif code := _code(child):
                    after.append(("code", code))
                text, inline = child.tail, []
            else:
                inline.append(child)
        _flow(text, inline, own)
        if lines := _lines(own):
            out.append(("item", lines))
        out.extend(after)
    return out


def _code(element: HtmlElement) -> str:
    """A <pre>'s text as it is, every space and line break; "" when it is blank."""
    code = "".join(element.itertext()).strip("\n")
    return code if code.strip() else ""


def _own(element: HtmlElement, tag: str) -> list[HtmlElement]:
    """The `tag` descendants of a table or row that belong to it, not to a table nested in it."""
    owner = "table" if tag == "row" else "row"
    return [e for e in element.iter(tag) if next(e.iterancestors(owner), None) is element]


def _table_blocks(table: HtmlElement) -> list[tuple[str, str]]:
    """A table of rows and columns → one "table" block: its rows as lines, the cells of a row
    joined by TABLE_CELL, the first line its header row ("" cells when the page marks none).
    A table of one row or one column, or one whose cells hold paragraphs, lists or tables of
    their own (a page laid out with a table), gives a paragraph per row instead, its cells
    joined by " · ", or each cell's blocks in turn, so that nothing is run together."""
    rows = [_own(row, "cell") for row in _own(table, "row")]
    if any(e.tag in _NESTED for cells in rows for cell in cells for e in cell.iterdescendants()):
        return _layout_blocks(rows)
    texts = [[" ".join(_text(c).split("\n")) for c in cells] for cells in rows]
    texts = [row for row in texts if any(row)]
    width = max((len(row) for row in texts), default=0)
    if width < 2 or len(texts) < 2:  # a line or a column: read as paragraphs
        return [("paragraph", " · ".join(t for t in row if t)) for row in texts]
    headed = bool(rows) and all(c.get("role") == "head" for c in rows[0]) and any(texts[0])
    lines = texts if headed else [[""] * width, *texts]
    return [("table", "\n".join(TABLE_CELL.join(row + [""] * (width - len(row))) for row in lines))]


def _layout_blocks(rows: list[list[HtmlElement]]) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    for cells in rows:
        if any(e.tag in _NESTED for cell in cells for e in cell.iterdescendants()):
            for cell in cells:
                blocks.extend(body_blocks(cell))
            continue
        texts = [" ".join(_text(c).split("\n")) for c in cells]
        if any(texts):
            blocks.append(("paragraph", " · ".join(t for t in texts if t)))
    return blocks


def body_blocks(body: HtmlElement) -> list[tuple[str, str]]:
    """trafilatura's XML body → [(kind, text)], kind: heading, paragraph, item, quote. A text
    keeps its line breaks ("\\n"). An element holding blocks of its own (trafilatura sometimes
    keeps a whole article in one <div>) is read as the blocks it holds, and text between them
    as paragraphs."""
    blocks: list[tuple[str, str]] = []
    pending_text = body.text
    pending: list[HtmlElement] = []

    def flush() -> None:
        pieces: list[str] = []
        _flow(pending_text, pending, pieces)
        text = _lines(pieces)
        if text:
            blocks.append(("paragraph", text))

    for element in body:
        tag = element.tag
        if not isinstance(tag, str) or tag in _INLINE:
            pending.append(element)  # a link, emphasis or <br> between blocks: their text runs on
            continue
        flush()
        pending_text, pending = element.tail, []
        if tag == "head":
            kind = "heading"
        elif tag == "code":  # a <pre>: its text as it is, every space and line break
            if code := _code(element):
                blocks.append(("code", code))
            continue
        elif tag == "list":
            blocks.extend(_items(element))
            continue
        elif tag == "table":
            blocks.extend(_table_blocks(element))
            continue
        elif tag == "quote":
            kind = "quote"
        elif any(child.tag in _STRUCTURE for child in element):
            blocks.extend(body_blocks(element))  # a container: its blocks, not one paragraph
            continue
        else:
            kind = "paragraph"
        text = _text(element)
        if kind == "heading":
            text = " ".join(text.split("\n"))
        if text:
            blocks.append((kind, text))
    flush()
    return blocks


def blocks_to_markdown(blocks: list[tuple[str, str]]) -> str:
    out = []
    prefix = {"heading": "## ", "item": "- ", "quote": "> ", "paragraph": ""}
    # A line break inside a block: two spaces ending the line (Markdown's <br>), the next line
    # indented under a list item's text, or still in the quote.
    follow = {"item": "  ", "quote": "> ", "paragraph": ""}
    for i, (kind, text) in enumerate(blocks):
        if kind == "table":
            out.append(("\n\n" if out else "") + _markdown_table(text))
            continue
        if kind == "code":
            # A fence longer than any run of backticks in the code, which is then never markup.
            fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", text))])
            out.append(("\n\n" if out else "") + f"{fence}\n{text}\n{fence}")
            continue
        lines = [escape_markdown(line) for line in text.split("\n")]
        line = prefix[kind] + ("  \n" + follow.get(kind, "")).join(lines)
        # A list continues across consecutive items; a blank line separates everything else.
        joiner = "\n" if kind == "item" and i and blocks[i - 1][0] == "item" else "\n\n"
        out.append((joiner if out else "") + line)
    return "".join(out) + "\n"


def _markdown_table(text: str) -> str:
    """A "table" block → a Markdown pipe table (the `tables` extension), every cell escaped;
    a pipe inside a cell is escaped too, so it never splits the cell."""
    rows = [
        [escape_markdown(cell).replace("|", "\\|") for cell in line.split(TABLE_CELL)]
        for line in text.split("\n")
    ]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "|".join(" --- " for _ in rows[0]) + "|")
    return "\n".join(lines)


def mark_preformatted(tree: HtmlElement) -> None:
    """Wrap each <pre>'s content in one <span>, which is how trafilatura recognises a code
    block: it would otherwise read a <pre> without code-like words as a quote and collapse its
    lines (a directory tree, a poem, a table drawn in text)."""
    for pre in list(tree.iter("pre")):
        if len(pre) == 1 and pre[0].tag == "span" and not (pre.text or "").strip():
            continue
        span = pre.makeelement("span", {})
        span.text, pre.text = pre.text, None
        for child in list(pre):
            span.append(child)  # moves it, with its tail
        pre.append(span)


def extract_body(tree: HtmlElement, url: str | None) -> tuple[list[tuple[str, str]], str]:
    """(blocks for the Markdown body, trafilatura's plain text). The plain text is what
    trafilatura measures with; the blocks give the same text its structure. A short article
    that the precise pass rejects gets a second, recall-oriented pass before we give up."""
    mark_preformatted(tree)
    for recall in (False, True):
        try:
            # trafilatura prunes the tree it is given; the retry needs the original.
            doc = bare_extraction(
                deepcopy(tree) if not recall else tree,
                url=url,
                include_comments=False,
                include_tables=True,
                with_metadata=False,
                favor_recall=recall,
            )
        except Exception:  # trafilatura raises assorted errors on broken markup; report, not crash
            doc = None
        body = getattr(doc, "body", None) if doc is not None else None
        if body is not None and len(body):
            blocks = body_blocks(body)
            lines = (line.strip() for line in (doc.text or "").splitlines())
            text = "\n\n".join(line for line in lines if line)
            return blocks, text or "\n\n".join(t for _, t in blocks)
    return [], ""


def check_inline(tree: HtmlElement, name: str) -> None:
    """ReaderError, in one line, if one element holds over `MAX_INLINE` inline elements."""
    for element in tree.iter():
        inline = sum(1 for child in element if child.tag in _INLINE_TAGS)
        if inline > MAX_INLINE:
            raise ReaderError(
                name,
                f"a <{element.tag}> holds {inline:,} inline elements, over the limit of "
                f"{MAX_INLINE:,} (the article extractor takes minutes over so many)",
            )


def read_html(data: bytes, name: str, url: str | None = None) -> list[Draft]:
    tree = parse_html(decode_html(data, name), name)
    check_inline(tree, name)
    # Metadata first: trafilatura's extraction prunes the tree it is given.
    meta = extract_page_metadata(tree, url)
    drop_consent_banners(tree)
    blocks, text = extract_body(tree, meta.url)
    if any(kind == "paragraph" and is_consent_text(t) for kind, t in blocks):
        # A banner without a consent manager's marks, kept by trafilatura as a paragraph.
        blocks = [(k, t) for k, t in blocks if not (k == "paragraph" and is_consent_text(t))]
        text = "\n\n".join(p for p in text.split("\n\n") if not is_consent_text(p))
    if len(re.findall(r"\w", text)) < MIN_LETTERS:
        raise ReaderError(name, "no article text found in this web page")
    if (
        blocks
        and meta.title
        and blocks[0][0] == "heading"
        and normalise(blocks[0][1]) == meta.title
    ):
        blocks = blocks[1:]  # the headline is the title; do not show it twice
    lede = next((" ".join(t.split("\n")) for kind, t in blocks if kind == "paragraph"), text)
    return [
        Draft(
            body=blocks_to_markdown(blocks),
            text=text,
            reader=NAME,
            title=meta.title,
            date=meta.date,
            source=meta.source,
            url=meta.url,
            authors=meta.authors,
            language=meta.language,
            summary=article_description(meta.description, meta.title, lede) or lede,
            inferred=frozenset({"date"} if meta.date_inferred else ()),
            extra={"evidence": dict(meta.evidence)},
        )
    ]
