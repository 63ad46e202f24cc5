"""Options shared by several `chronicle` commands, declared once."""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT_ARCHIVE = Path("docs/articles")

archive_option = click.option(
    "--archive",
    type=click.Path(path_type=Path),
    default=DEFAULT_ARCHIVE,
    show_default=True,
    help="Folder of stored articles.",
)
