"""The pure half of `chronicle add` (add.py), run in worker processes: one input (a file, with
its sidecar, or a URL) → its articles, each with the original bytes it came from. Never writes:
what to keep is decided by the main process, in input order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.model import Article
from chronicle.errors import ChronicleError, ReaderError
from chronicle.ingest.fetch import DEFAULT_TIMEOUT, fetch, is_url
from chronicle.ingest.inputs import (
    DEFAULT_MAX_BYTES,
    Input,
    Refused,
    read_input,
    read_sidecar,
    sidecar_for,
)
from chronicle.ingest.metadata import layer_curator, resolve
from chronicle.ingest.readers import read_bytes
from chronicle.ingest.readers.base import ReaderNote


@dataclass(frozen=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    near_duplicates: str = "link"  # link | report | add (see near_duplicates.MODES)


DEFAULT_SETTINGS = Settings()


def articles_from_bytes(
    data: bytes,
    name: str,
    curator: Mapping[str, Any],
    *,
    added: dt.datetime,
    original_url: str | None = None,
    retrieved: dt.datetime | None = None,
) -> list[tuple[Article, bytes]]:
    """Pure: original bytes + curator metadata → articles, each with the bytes it came from."""
    out = []
    for draft in read_bytes(data, name):
        own = draft.extra.get("curator", {})
        extra = {k: v for k, v in draft.extra.items() if k != "curator"}
        draft = dataclasses.replace(draft, extra=extra, retrieved=draft.retrieved or retrieved)
        original = draft.original if draft.original is not None else data
        article = resolve(
            draft,
            layer_curator(curator, own),
            original_name=Path(name).name + (f"#{draft.locator}" if draft.locator else ""),
            sha256=hashlib.sha256(original).hexdigest(),
            added=added,
            original_url=original_url,
            front_matter=own,
        )
        out.append((article, original))
    return out


def prepare(
    item: Input, flags: Mapping[str, Any], settings: Settings, added: dt.datetime
) -> list[tuple[Article, bytes]]:
    """One input → its articles and originals. Raises ChronicleError for a bad input."""
    if isinstance(item, Refused):
        raise ReaderError(str(item.path), item.reason)
    if isinstance(item, str) and is_url(item):
        page = fetch(item, max_bytes=settings.max_bytes, timeout=settings.timeout)
        name = page.url.rstrip("/").rsplit("/", 1)[-1] or "page"
        return articles_from_bytes(
            page.data,
            name if "." in name else name + ".html",
            flags,
            added=added,
            original_url=page.url,
            retrieved=page.retrieved,
        )
    path = Path(item)
    sidecar = sidecar_for(path)
    try:
        own = read_sidecar(sidecar) if sidecar else {}
    except ChronicleError as exc:
        # The batch reports the input; the mistake is in the sidecar: name it.
        raise ReaderError(str(path), f"sidecar {exc.where}: {exc.reason}") from None
    curator = layer_curator(flags, own)
    data = read_input(path, settings.max_bytes)
    return articles_from_bytes(data, str(path), curator, added=added)


# (input, pairs, failure, warnings about the input)
Prepared = tuple[str, list[tuple[Article, bytes]] | None, str, tuple[str, ...]]


def prepare_safely(task: tuple[Input, Mapping[str, Any], Settings, dt.datetime]) -> Prepared:
    """`prepare` for a worker: never raises, so one bad file cannot stop the batch. What the
    readers warn about (a guessed encoding) comes back with the result, to be printed with it."""
    item = task[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReaderNote)
        pairs, failure = _prepare_or_fail(task)
    notes = []
    for warning in caught:
        if issubclass(warning.category, ReaderNote):
            notes.append(str(warning.message))
        else:  # not ours to collect: let it through as if it had not been caught
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return str(item), pairs, failure, tuple(dict.fromkeys(notes))


def _prepare_or_fail(
    task: tuple[Input, Mapping[str, Any], Settings, dt.datetime],
) -> tuple[list[tuple[Article, bytes]] | None, str]:
    try:
        return prepare(*task), ""
    except ChronicleError as exc:
        return None, exc.reason
    except RecursionError:
        return None, "the document is nested too deeply to read"
    except Exception as exc:  # a reader bug must fail one input, not the batch; say it is a bug
        return None, f"unexpected error ({type(exc).__name__}: {exc}); please report it"
