"""What `chronicle add` is given: files, folders (walked in a stable order) and URLs, with the
curator's sidecar metadata beside a file, read with a size limit.

Inputs are what the curator named: a file named on the command line is read even through a
symbolic link, but a link met while walking a folder is followed only when it points inside that
folder. One pointing outside (to a system file, a private note) is refused, with a one-line
reason, so nothing from outside the inbox reaches the archive, the site or its search index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.front_matter import parse_yaml
from chronicle.archive.schema import read_curator
from chronicle.errors import ReaderError
from chronicle.ingest.fetch import is_url

SIDECAR_SUFFIXES = (".yml", ".yaml")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class Refused:
    """An input found in a folder that is not read: `add` reports it as failed, with `reason`."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return str(self.path)


Input = Path | str | Refused  # a file, a URL, or a file found and refused


def _outside(path: Path, root: Path) -> bool:
    """True when `path` (met while walking the folder whose real path is `root`) leads out of
    it through a link, or nowhere (a dangling link, a loop)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    return not target.is_relative_to(root)


def sidecar_for(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_name(path.name + suffix)):
            try:
                found = candidate != path and candidate.is_file()
            except OSError:  # a 255-byte name leaves no room for ".yml": there is no sidecar
                found = False
            if found:
                return candidate
    return None


def read_sidecar(path: Path) -> dict[str, Any]:
    """The curator's metadata in a sidecar file; errors name the sidecar and its own lines."""
    where = str(path)
    if _outside(path, path.parent.resolve()):
        raise ReaderError(where, "a link to a file outside its folder; not read")
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
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Input]:
    """Files under `folder` in name order; those whose real path is outside it are refused."""
    root = folder.resolve()
    for child in sorted(folder.rglob("*")):
        if (
            child.suffix.lower() in SIDECAR_SUFFIXES
            or any(part.startswith(".") for part in child.relative_to(folder).parts)
            or child.name in SKIP_NAMES
        ):
            continue
        # Every file, not only links: a file inside a linked folder is no link itself.
        if _outside(child, root):
            yield Refused(
                child,
                f"a link to a file outside {folder}; not read (name the file itself to add it)",
            )
        elif child.is_file():
            yield child


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
