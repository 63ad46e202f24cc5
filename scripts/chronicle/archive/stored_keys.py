"""What the catalogue keeps of a stored article, read without parsing all of its front matter.

An article's front matter is mostly its enrichment (quotes, figures, people, places); the
catalogue (catalogue.py) needs only its id, its address, its provenance, its earlier captures
and its body. perf: the first `chronicle add` into an archive with neither catalogue nor article
memo (a fresh clone, a cleared cache) parsed every stored file whole, 0.8 ms each (YAML 0.5,
the article 0.2); reading only those keys takes 0.15 ms.

The front matter is cut at its top-level keys (lines that start in the first column), and only
the blocks of the keys needed are parsed, by the same YAML loader and checked by the same
functions as a whole file. Anything unusual (a key twice, a key the schema does not know, a
first-column line that is no `key:`, a comment among them, a value that fails its check) is
read whole instead (`ArticleStore.read`), which says what is wrong as it always did. What this
does not check is the rest of the front matter: a file broken elsewhere is reported by the
build and by `chronicle check`, as it is when the catalogue already holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronicle.archive.captures import read_captures
from chronicle.archive.front_matter import parse_yaml, split_front_matter
from chronicle.archive.model import Capture, Provenance
from chronicle.archive.schema import FIELDS, read_provenance, read_web_address
from chronicle.archive.values import text_value

NEEDED = ("id", "url", "provenance", "captures")
_TOP = re.compile(r"^(?=[^\s-])", re.M)  # a first-column line, not a sequence item
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|\n|$)")


@dataclass(frozen=True, slots=True)
class StoredKeys:
    """The part of a stored `Article` the catalogue reads (`Catalogue._entry`)."""

    id: str
    url: str | None
    body: str
    provenance: Provenance | None
    captures: tuple[Capture, ...]


def read_keys(path: Path, where: str) -> StoredKeys | None:
    """The catalogue's keys of the article in `path`, or None when the file must be read whole
    (it is unusual, or wrong: the whole read says how)."""
    try:
        text = path.read_text(encoding="utf-8")
        raw, body = split_front_matter(text, where)
        blocks = _needed_blocks(raw)
        if blocks is None:
            return None
        meta = parse_yaml(blocks, where)
        return StoredKeys(
            id=text_value(where, "id", meta.get("id"), required=True) or "",
            url=read_web_address(where, "url", meta.get("url")),
            body=body,
            provenance=read_provenance(where, meta.get("provenance")),
            captures=read_captures(where, meta.get("captures")),
        )
    except Exception:  # whatever it is, the whole read finds it and names it
        return None


def _needed_blocks(raw: str) -> str | None:
    """The blocks of the NEEDED keys, each from its key's line to the next first-column line
    (a sequence's `- ` items are part of it), or None when the front matter is unusual."""
    seen: set[str] = set()
    kept = []
    for block in _TOP.split(raw):
        if not block or block.isspace():
            continue
        found = _KEY.match(block)
        if found is None:
            return None
        key = found.group(1)
        if key in seen or key not in FIELDS:
            return None
        seen.add(key)
        if key in NEEDED:
            kept.append(block)
    return "\n" + "".join(kept) if "id" in seen else None
