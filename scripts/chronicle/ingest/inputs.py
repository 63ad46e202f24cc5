"""What `chronicle add` is given: files, folders (walked in a stable order) and URLs, with the
curator's sidecar metadata beside a file, read with a size limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from chronicle.archive.schema import read_curator
from chronicle.archive.store import parse_yaml
from chronicle.errors import ReaderError
from chronicle.ingest.fetch import is_url

SIDECAR_SUFFIXES = (".yml", ".yaml")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SKIP_NAMES = {".DS_Store", "Thumbs.db"}

Input = Path | str  # a file, or a URL


def sidecar_for(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_name(path.name + suffix)):
            if candidate != path and candidate.is_file():
                return candidate
    return None


def read_sidecar(path: Path) -> dict[str, Any]:
    """The curator's metadata in a sidecar file; errors name the sidecar and its own lines."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(where, f"cannot read the file ({exc})") from None
    return read_curator(where, parse_yaml(text, where, what="file"))


def expand_inputs(items: Iterable[Input]) -> Iterator[Input]:
    """URLs and files in the order given; folders recursively, sorted by path, without sidecars
    or hidden files (so a batch is processed in the same order on every machine)."""
    for item in items:
        if isinstance(item, str) and is_url(item):
            yield item
            continue
        path = Path(item)
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
            f"the file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:g} MB limit "
            "(raise it with --max-size)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReaderError(name, f"cannot read the file ({exc.strerror})") from None
