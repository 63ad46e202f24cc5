"""What a build that failed while writing (a full disk) leaves half-written in site/, removed.

Chronicle's own outputs go through `write_atomic` and are never half-written. MkDocs writes
pages, theme templates (404.html, sitemap.xml) and copies of static files in place: a write
that fails leaves the start of the file. Worse, `--dirty` skips copying a static file whose
copy is newer than its source, so a truncated stylesheet would stay in every later build. So
when a build fails on an `OSError`, the output MkDocs was writing then, and any copy whose size
is not its source's, are removed: the next build writes them whole.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File


class Writing:
    """The outputs MkDocs writes next: the page or template it has just been handed back."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def page(self, dest: str) -> None:
        self.paths = [dest]

    def template(self, site_dir: str, name: str) -> None:
        path = os.path.join(site_dir, name)
        self.paths = [path, f"{path}.gz"]  # MkDocs writes a gzipped sitemap.xml beside it


def remove_partial(files: Iterable[File], writing: Iterable[str]) -> list[str]:
    """Remove `writing` (whole or not: the next build writes it again) and every copied file
    whose size differs from its source's; the paths removed."""
    removed = []
    for path in writing:
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed.append(path)
    for file in files:
        if file.is_documentation_page() or file.abs_src_path is None:
            continue  # pages are `writing`; in-memory files are written on every build
        dest = file.abs_dest_path
        try:
            if os.path.getsize(dest) != os.path.getsize(file.abs_src_path):
                os.unlink(dest)
                removed.append(dest)
        except OSError:
            continue  # not copied (yet), or its source is gone
    return removed


def describe(error: OSError) -> str:
    """One line for a write that failed: what could not be written (relative to the working
    folder, the archive's), and why."""
    reason = error.strerror or str(error)
    target = error.filename2 if error.filename2 is not None else error.filename
    if target is None:
        return f"cannot write the site: {reason}"
    with contextlib.suppress(ValueError):
        target = Path(os.path.abspath(target)).relative_to(Path.cwd())
    return f"cannot write {target}: {reason}"
