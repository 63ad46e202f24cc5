"""The originals store: the exact bytes of every input, content-addressed by SHA-256.

`originals/<sha[:2]>/<sha>` at the project root, beside `mkdocs.yml` and outside `docs/`, so it is
never published (a saved page can carry scripts). Each article's `provenance.sha256` names its
original; `chronicle check` verifies that every named original exists and still has that hash.
Writes are atomic, and a file already present is never rewritten (same name, same bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path

from chronicle.archive.changes import project_root
from chronicle.archive.files import Flush, missing_folders, remove_empty, write_atomic

FOLDER = "originals"


def default_location(archive: Path) -> Path:
    """`originals/` at the project root (`changes.project_root`: the folder holding `mkdocs.yml`
    above the archive, else beside `docs/`, else beside the archive). Never inside `docs/`,
    which is published."""
    return project_root(archive) / FOLDER


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OriginalsStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.flush: Flush | None = None  # as `ArticleStore.flush`

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def keep(self, data: bytes) -> tuple[str, bool]:
        """Store `data`; returns its hash and whether it was new (False: already kept)."""
        sha = sha256_of(data)
        path = self.path_for(sha)
        if path.is_file():
            return sha, False
        try:
            write_atomic(path, data, flush=self.flush)
        except OSError as exc:
            # A full disk names no file: without this the command would blame the archive
            # folder, whose write never started. The originals folder is where to make room.
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.root)) from exc
        return sha, True

    def forget(self, sha256: str) -> None:
        """Undo a `keep` whose article could not be written: leave nothing behind."""
        self.path_for(sha256).unlink(missing_ok=True)

    @contextlib.contextmanager
    def keeping(self, data: bytes) -> Iterator[str]:
        """Keep `data` for the article the block writes; when the block fails, a newly kept
        original goes again, with the folders made for it: an article that was not written
        leaves nothing behind."""
        created = missing_folders(self.path_for(sha256_of(data)))
        sha, new = self.keep(data)
        try:
            yield sha
        except BaseException:
            if new:
                self.forget(sha)
                remove_empty(created)
            raise

    def kept(self) -> list[Path]:
        """Every kept original's file (`<sha[:2]>/<sha>`), in name order."""
        if not self.root.is_dir():
            return []
        return sorted(
            path
            for path in self.root.glob("??/*")
            if path.is_file() and len(path.name) == 64 and path.name.startswith(path.parent.name)
        )

    def problem(self, sha256: str) -> str | None:
        """Why the original `sha256` cannot be trusted, or None when it is there and intact."""
        path = self.path_for(sha256)
        if not path.is_file():
            return f"the original {sha256[:12]}… is not in {self.root.name}/"
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            return f"the original {sha256[:12]}… in {self.root.name}/ no longer matches its hash"
        return None
