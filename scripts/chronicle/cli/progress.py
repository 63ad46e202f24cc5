"""The progress bar every long command shows on a terminal (and never in a pipe or a test)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """`items`, advancing a bar on stderr; the bar disappears when done. No bar when stderr is
    not a terminal or there are few items (a bar that flashes for a moment is noise)."""
    count = total if total is not None else (len(items) if hasattr(items, "__len__") else None)
    show = sys.stderr.isatty() and (count is None or count > 200)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not show,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=count)
        for item in items:
            yield item
            bar.advance(task)
