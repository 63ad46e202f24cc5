"""Plain text → Draft: paragraphs, bare headline lines as `##` headings, nothing dropped.

Input shape (the seed's): one paragraph per line, or paragraphs separated by blank lines. A line
is a heading when it looks like one: short, no closing punctuation, most words capitalised, and
not the first line (the lede). Scripts without capitals (Arabic, Hebrew, Chinese, Japanese,
Thai, Devanagari…) cannot show Title Case: there a short line without closing punctuation is a
heading when the paragraph after it is a sentence longer than it. Every character of the text
is kept; only Markdown-significant characters are escaped.

Plain text declares nothing: the title is guessed from the lede's first words, and no date,
author or source is read from it (the curator gives them). The evidence says so.
"""

from __future__ import annotations

import re

from chronicle.archive.evidence import NONE_FOUND, evidence_words
from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import Draft
from chronicle.ingest.readers.decode import decode_text
from chronicle.text.markdown import paragraphs_to_markdown
from chronicle.text.normalize import title_from_lede

NAME = "text"

_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90
# A heading in a script written without spaces (Chinese, Japanese, Thai) is one "word": its
# length in characters is what tells it from a sentence.
_CASELESS_HEADING_MAX_CHARS = 40
# What ends a sentence or a clause, in the scripts of the archive's languages too.
_CLOSING = '.,;:!?"”…—–-。．！？、，；：؟۔،।॥።'
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "nor",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "up",
    "via",
    "vs",
    "with",
    "amid",
    "after",
    "before",
    "per",
}


def is_heading(line: str, following: str | None = None) -> bool:
    """A bare headline-style line: short, unpunctuated at the end, Title Case; in a script
    without capitals, short and followed by a longer paragraph (`following`) that ends a
    sentence."""
    words = line.split()
    if not words or len(words) > _HEADING_MAX_WORDS or len(line) > _HEADING_MAX_CHARS:
        return False
    if line[-1] in _CLOSING:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if letters and not any(ch.isupper() or ch.islower() for ch in letters):
        return (
            len(line) <= _CASELESS_HEADING_MAX_CHARS
            and following is not None
            and len(following) > 2 * len(line)
            and following.rstrip()[-1:] in _CLOSING
        )
    content = [w for w in words if w.lower().strip("’'\"“”") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(content) >= 0.75 and words[0][:1].isupper()


def split_blocks(text: str) -> list[tuple[str, str]]:
    """[(kind, text)]: one block per non-empty line, or per blank-line-separated paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if re.search(r"\n[ \t]*\n", text.strip()):
        # Blank-line separated: lines inside a paragraph are soft-wrapped; join them.
        chunks = [re.sub(r"[ \t]*\n[ \t]*", " ", c.strip()) for c in re.split(r"\n[ \t]*\n", text)]
    else:
        chunks = [line.strip() for line in text.split("\n")]
    chunks = [c for c in chunks if c]
    blocks = []
    for index, chunk in enumerate(chunks):
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        kind = "heading" if index > 0 and is_heading(chunk, following) else "paragraph"
        blocks.append((kind, chunk))
    return blocks


def read_text(data: bytes, name: str) -> list[Draft]:
    text = decode_text(data, name)
    blocks = split_blocks(text)
    if not blocks:  # only a byte-order mark, or controls that split into nothing
        raise ReaderError(name, "the file has no text")
    return [draft_from_blocks(blocks, NAME)]


# What a plain text gives of each field: a title guessed from its first words, nothing else.
TEXT_EVIDENCE = {
    "title": evidence_words(["first-words"]),
    "date": NONE_FOUND,
    "authors": NONE_FOUND,
    "source": NONE_FOUND,
}


def draft_from_blocks(blocks: list[tuple[str, str]], reader: str) -> Draft:
    paragraphs = [t for kind, t in blocks if kind == "paragraph"]
    lede = paragraphs[0] if paragraphs else blocks[0][1]
    return Draft(
        body=paragraphs_to_markdown(blocks),
        text="\n\n".join(t for _, t in blocks),
        reader=reader,
        title=title_from_lede(lede),
        summary=lede,
        inferred=frozenset({"title"}),
        extra={"evidence": dict(TEXT_EVIDENCE)},
    )
