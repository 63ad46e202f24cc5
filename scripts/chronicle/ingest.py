"""`chronicle add`: inputs → drafts → curator metadata → articles → the store.

I/O lives here and in the store; the steps between are pure. Each input is handled on its own, so
one bad file is reported and the rest go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .enrich import Registry, enrich_article, registry_near
from .errors import ChronicleError, ReaderError
from .metadata import layer_curator, resolve
from .model import Article
from .readers import read_bytes
from .schema import read_curator
from .store import ArticleStore, parse_yaml

SIDECAR_SUFFIXES = (".yml", ".yaml")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class Outcome:
    """What happened to one input (or one article inside it)."""

    input: str
    status: str  # added | unchanged | duplicate | failed
    detail: str  # path written, existing article, or the reason it failed
    article: Article | None = None


def sidecar_for(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_name(path.name + suffix)):
            if candidate != path and candidate.is_file():
                return candidate
    return None


def read_sidecar(path: Path) -> dict[str, Any]:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(where, f"cannot read the sidecar file ({exc})") from None
    return read_curator(where, parse_yaml(text, where))


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files in the order given; folders recursively, sorted, without sidecars or hidden files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() not in SIDECAR_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                    and child.name not in SKIP_NAMES
                ):
                    yield child
        else:
            yield path


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    name = str(path)
    if not path.exists():
        raise ReaderError(name, "no such file or folder")
    size = path.stat().st_size
    if size > max_bytes:
        raise ReaderError(
            name,
            f"the file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit "
            "(raise it with --max-size)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReaderError(name, f"cannot read the file ({exc.strerror})") from None


def articles_from_bytes(
    data: bytes,
    name: str,
    curator: Mapping[str, Any],
    *,
    added: dt.datetime,
    original_url: str | None = None,
) -> list[tuple[Article, bytes]]:
    """Pure: original bytes + curator metadata → articles, each with the bytes it came from."""
    out = []
    for draft in read_bytes(data, name):
        own = draft.extra.get("curator", {})
        extra = {k: v for k, v in draft.extra.items() if k != "curator"}
        draft = dataclasses.replace(draft, extra=extra)
        original = draft.original if draft.original is not None else data
        article = resolve(
            draft,
            layer_curator(curator, own),
            original_name=Path(name).name + (f"#{draft.locator}" if draft.locator else ""),
            sha256=hashlib.sha256(original).hexdigest(),
            added=added,
            original_url=original_url,
        )
        out.append((article, original))
    return out


def add_path(
    store: ArticleStore,
    path: Path,
    flags: Mapping[str, Any],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    now: dt.datetime | None = None,
    registry: Registry | None = None,
) -> list[Outcome]:
    """Add one input file; never raises for a bad input, returns a failed outcome instead."""
    name = str(path)
    try:
        sidecar = sidecar_for(path)
        layers = [flags, read_sidecar(sidecar) if sidecar else {}]
        data = read_input(path, max_bytes)
        added = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
        pairs = articles_from_bytes(data, name, layer_curator(*layers), added=added)
        # Issue 4: entities, quotes and reading level, from the project's entities.yml.
        registry = registry if registry is not None else registry_near(store.root)
        pairs = [(enrich_article(article, registry), original) for article, original in pairs]
    except ChronicleError as exc:
        return [Outcome(name, "failed", exc.reason)]
    outcomes = []
    for article, _original in pairs:
        result = store.add(article)
        detail = store.name(result.path)
        outcomes.append(Outcome(name, result.status, detail, article))
    return outcomes
