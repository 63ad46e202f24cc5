"""Markdown with optional YAML front matter → Draft (a curator's hand-written article).

The front matter is the curator's metadata, so it goes to `Draft.extra["curator"]` and the
cascade in `metadata.py` ranks it with sidecar files, above anything found in the text. Its keys
are checked as a sidecar's are: a misspelt key is an error, not metadata silently lost. The keys
`chronicle add` itself writes (id, provenance, word_count…) are set again on adding, so an article
file from another Chronicle archive can be added as it is.

The evidence (`extra.evidence`) says "front matter" for each of date, title, authors and source
the front matter gave, "first heading" for a title read from a leading `# Heading`, and "first
words of the text" for one guessed from the lede; a field it lacks is "none found".
"""

from __future__ import annotations

import re

from chronicle.archive.evidence import FIELDS as EVIDENCE_FIELDS
from chronicle.archive.evidence import NONE_FOUND, evidence_words
from chronicle.archive.front_matter import parse_yaml, split_front_matter
from chronicle.archive.schema import CURATOR_KEYS, FIELDS, read_curator
from chronicle.errors import ReaderError
from chronicle.ingest.readers import blog
from chronicle.ingest.readers.base import Draft
from chronicle.ingest.readers.decode import decode_text
from chronicle.text.normalize import normalise_space, title_from_lede
from chronicle.text.plain import plain_text

NAME = "markdown"
# A stored article's keys other than the curator's: `chronicle add` sets them again.
DERIVED_KEYS = frozenset(FIELDS) - frozenset(CURATOR_KEYS)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def read_markdown(data: bytes, name: str) -> list[Draft]:
    text = decode_text(data, name).replace("\r\n", "\n")
    curator: dict = {}
    post: dict | None = None  # a Material blog post's record (blog.py)
    slug = excerpt = None
    if text.lstrip("\ufeff").startswith("---"):
        raw, text = split_front_matter(text, name)
        meta = parse_yaml(raw, name)
        if blog.is_blog_post(meta, name):
            if blog.is_draft(meta):
                raise ReaderError(name, "a blog draft (draft: true); not added")
            given, post, slug = blog.read_post(meta, name)
            curator = read_curator(name, given)
            text, excerpt = blog.split_excerpt(text)
        else:
            curator = read_curator(name, {k: v for k, v in meta.items() if k not in DERIVED_KEYS})
    body = text.strip()
    title = None
    inferred: set[str] = set()
    match = _H1.match(body)
    if match:
        # A leading "# Heading" is the title: keep it out of the body so it is not shown twice.
        title = match.group(1)
        body = body[match.end() :].strip()
    if not body:
        raise ReaderError(name, "the Markdown file has no text")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    lede = next((p for p in paragraphs if not p.startswith(("#", ">", "!", "<"))), paragraphs[0])
    if title is None:
        title, inferred = title_from_lede(lede), {"title"}
    extra: dict = {"curator": curator} if curator else {}
    evidence = dict.fromkeys(EVIDENCE_FIELDS, NONE_FOUND)
    evidence["title"] = evidence_words(["first-words" if inferred else "heading"])
    given = [key for key in EVIDENCE_FIELDS if curator.get(key) not in (None, "", (), [])]
    evidence.update((key, evidence_words(["front-matter"])) for key in given)
    if post is not None:
        if excerpt:
            excerpt = normalise_space(plain_text(_H1.sub("", excerpt, count=1)))
        if excerpt and "summary" not in curator:
            curator["summary"] = excerpt
        date = curator.get("date")
        extra["blog"] = blog.finish_record(
            post, name, date.edtf if date else None, slug, curator.get("title") or title
        )
        evidence.update(blog.evidence_of(post, curator))
    extra["evidence"] = evidence
    return [
        Draft(
            body=body + "\n",
            text=body,
            reader=NAME,
            title=title,
            summary=lede,
            slug=slug,
            inferred=frozenset(inferred),
            extra=extra,
        )
    ]
