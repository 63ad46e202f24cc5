"""Options shared by several `chronicle` commands, declared once."""

from __future__ import annotations

from pathlib import Path

import click

from chronicle.archive.schema import TITLE_ORIGINS

DEFAULT_ARCHIVE = Path("docs/articles")

archive_option = click.option(
    "--archive",
    type=click.Path(path_type=Path),
    default=DEFAULT_ARCHIVE,
    show_default=True,
    help="Folder of stored articles.",
)

title_origin_option = click.option(
    "--title-origin",
    type=click.Choice(TITLE_ORIGINS),
    help="Whose words --title is: source = the original's headline, typed in (from a paper "
    "clipping), cited as printed; curator (the default) = a title you devised.",
)
