"""How every command names a file: as the user can use it from where they ran the command."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path) -> str:
    """Relative to the current folder when inside it, else absolute (the store names files
    from the project root)."""
    absolute = Path(path).absolute()
    for candidate in (absolute, absolute.resolve()):
        try:
            return str(candidate.relative_to(Path.cwd()))
        except ValueError:
            pass
    return str(absolute)
