"""The archive's record of what curators changed: corrections, moves, removals, imports.

`changes.yml` at the project root (beside `mkdocs.yml`, `entities.yml` and `originals/`, outside
`docs/`, so never published as a page) holds one entry per change, oldest first:

    - when: 2026-03-02T10:15:00Z
      action: move              # set | move | remove | import | fix
      id: 2025-03-21-talks-stall
      changes: {date: ['2025-03-21', '2025-03-22']}
      redirect: articles/2025/03/21/talks-stall.md

`redirect` is an address that must keep leading to the article `id`: the source path it had
before a move (`….md`, published wherever MkDocs publishes that file), or an old site address
(`blog/2024/01/31/talks/`, from a blog import). The site makes a redirect page for each
(`site/redirects.py`); a removed article's entry keeps its title, file and original, so what the
archive held is never silently lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chronicle.archive.files import write_atomic
from chronicle.errors import ChronicleError

CHANGES_FILE = "changes.yml"
ACTIONS = ("set", "move", "remove", "import", "fix")


@dataclass(frozen=True)
class Change:
    when: dt.datetime
    action: str
    id: str
    # field → [old, new], as the front matter writes them
    changes: dict[str, list[Any]] = field(default_factory=dict)
    redirect: str = ""
    note: str = ""

    def to_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "when": self.when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "action": self.action,
            "id": self.id,
        }
        if self.changes:
            out["changes"] = {k: list(v) for k, v in self.changes.items()}
        if self.redirect:
            out["redirect"] = self.redirect
        if self.note:
            out["note"] = self.note
        return out


def project_root(archive: Path) -> Path:
    """The folder holding `mkdocs.yml` above the archive; else the one holding `docs/`; else
    the archive's parent (the same rule as `originals.default_location`)."""
    archive = Path(archive).resolve()
    for folder in archive.parents:
        if (folder / "mkdocs.yml").is_file():
            return folder
    if archive.parent.name == "docs":
        return archive.parent.parent
    return archive.parent


def _change_from(where: str, index: int, item: Any) -> Change:
    if not isinstance(item, Mapping):
        raise ChronicleError(where, f"entry {index + 1} is not a mapping")
    action = item.get("action")
    if action not in ACTIONS:
        allowed = ", ".join(ACTIONS)
        raise ChronicleError(where, f"entry {index + 1}: action must be one of {allowed}")
    try:
        when = dt.datetime.fromisoformat(str(item.get("when", "")).replace("Z", "+00:00"))
    except ValueError:
        raise ChronicleError(where, f"entry {index + 1}: 'when' is not an ISO 8601 time") from None
    changes = item.get("changes") or {}
    if not isinstance(changes, Mapping):
        raise ChronicleError(where, f"entry {index + 1}: 'changes' must be a mapping")
    return Change(
        when=when if when.tzinfo else when.replace(tzinfo=dt.UTC),
        action=str(action),
        id=str(item.get("id") or ""),
        changes={str(k): list(v) if isinstance(v, list) else [None, v] for k, v in changes.items()},
        redirect=str(item.get("redirect") or ""),
        note=str(item.get("note") or ""),
    )


def read_changes(path: Path) -> list[Change]:
    """Every recorded change, oldest first; [] when nothing was recorded yet."""
    if not path.is_file():
        return []
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ChronicleError(where, f"cannot read the record of changes ({exc})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise ChronicleError(where, "the record of changes must be a list")
    return [_change_from(where, i, item) for i, item in enumerate(data)]


def render_changes(changes: Iterable[Change]) -> str:
    header = (
        "# What curators changed in this archive, oldest first (written by `chronicle`).\n"
        "# `redirect`: an old address the site keeps leading to the article.\n"
    )
    entries = [c.to_mapping() for c in changes]
    return header + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)


class ChangeLog:
    """The record file of one project; `record` appends atomically (read, add, replace)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def of_archive(cls, archive: Path) -> ChangeLog:
        return cls(project_root(archive) / CHANGES_FILE)

    def entries(self) -> list[Change]:
        return read_changes(self.path)

    def record(self, *changes: Change) -> None:
        if changes:
            write_atomic(self.path, render_changes([*self.entries(), *changes]))


def redirects(changes: Iterable[Change]) -> dict[str, str]:
    """Old address → the id of the article it must lead to (the latest record wins)."""
    out: dict[str, str] = {}
    for change in changes:
        if change.redirect and change.action != "remove":
            out[change.redirect] = change.id
    return out


def removed_originals(changes: Iterable[Change]) -> set[str]:
    """The SHA-256 of every original whose article was removed on purpose (it stays kept)."""
    out = set()
    for change in changes:
        if change.action != "remove":
            continue
        original = change.changes.get("original")
        if original and original[0]:
            out.add(str(original[0]))
        captures = change.changes.get("captures")  # the originals of its other captures
        if captures and isinstance(captures[0], list):
            out.update(str(sha) for sha in captures[0])
    return out


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
