"""A Pagefind bundle made byte-for-byte repeatable: the same records give the same files.

Pagefind writes each filter's values, the list of filters and the list of sort orders in the
order of a Rust hash map, which is seeded afresh in every run: two clean builds of one archive
differed in most filter files and every language's metadata file (whose names are their
content's hashes), so a deploy re-uploaded index files that did not change and a build could
not be checked against another. `settle` rewrites those files with everything in sorted order,
under names made from their new content, and points the metadata and entry files at them.

The format (Pagefind 1.x): each file is gzip of b"pagefind_dcd" + CBOR. A language's metadata
`pagefind.<lang>_<hash>.pf_meta` is [version, pages, index chunks, filters as [[name, file
hash]], sorts as [[name, page numbers]], meta fields]; a filter file `filter/<file hash>.pf_filter`
is [name, [[value, page numbers]]]. Anything else is left as it is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY_FILE = "pagefind-entry.json"
META_FILTERS, META_SORTS = 3, 4  # positions in a metadata file, see the module's docstring


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _encode(value: Any) -> bytes:
    # mtime 0: the gzip header carries no time, so equal content gives equal bytes.
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def _name(language: str, content: bytes, length: int) -> str:
    """A file's name from its content, in Pagefind's form: "<lang>_<hex digits>"."""
    return f"{language}_{hashlib.sha256(content).hexdigest()[:length]}"


def settle(bundle: Path) -> None:
    """Rewrite the bundle's filter, metadata and entry files in sorted order (see above)."""
    entry_path = bundle / ENTRY_FILE
    entry = json.loads(entry_path.read_bytes())
    languages: dict[str, dict[str, Any]] = entry.get("languages") or {}
    for language, index in languages.items():
        meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = _read(meta_path)
        # Every filter read before any is written: a new name never overwrites one unread.
        rewritten = []
        for name, file_hash in meta[META_FILTERS]:
            old = bundle / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = _read(old)
            content = _encode([filter_name, sorted(values, key=lambda v: v[0])])
            new_hash = _name(language, content, len(file_hash.split("_")[-1]))
            rewritten.append((name, old, new_hash, content))
        filters = []
        for name, old, new_hash, content in rewritten:
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(content)
            filters.append([name, new_hash])
        meta[META_FILTERS] = sorted(filters)
        meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda sort: sort[0])
        content = _encode(meta)
        meta_hash = _name(language, content, len(index["hash"].split("_")[-1]))
        meta_path.unlink()
        (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(content)
        index["hash"] = meta_hash
    # Languages sorted too: the index a browser falls back to, when the page's language has
    # none, is the largest, the first of equals in this order (search.js relies on it).
    entry["languages"] = dict(sorted(languages.items()))
    # Plain writes, like Pagefind's own: the bundle is made in a folder that is swapped in or
    # cleared as a whole (bundle.py).
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
