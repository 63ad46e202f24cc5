"""Options shared by several `chronicle` commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from chronicle.archive.limits import LIMIT_OPTIONS, LIMITS
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


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--max-body-chars N` and the other limits of a stored article (archive/limits.py), for
    one run; without them, the site's own (its mkdocs.yml), else the defaults."""
    for option, (field, what) in reversed(LIMIT_OPTIONS.items()):
        command = click.option(
            "--" + option.replace("_", "-"),
            option,
            type=click.IntRange(min=1),
            default=None,
            help=f"Most {what} (default: mkdocs.yml's `{option}`, "
            f"else {getattr(LIMITS, field):,}).",
        )(command)
    return command
