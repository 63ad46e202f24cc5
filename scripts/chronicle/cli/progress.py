"""The progress bar every long command shows on a terminal (never in a pipe or a test)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
# Below this many steps a command is over before a bar would be read: no bar.
MIN_STEPS = 200


@contextlib.contextmanager
def bar(label: str, total: int | None) -> Iterator[Callable[[], None]]:
    """A bar on stderr while the block runs; yields the function that advances it by one. It
    disappears when done, and is not drawn when stderr is not a terminal."""
    show = sys.stderr.isatty() and (total is None or total >= MIN_STEPS)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """`items`, advancing a bar (see `bar`) as each is taken."""
    with bar(label, total) as advance:
        for item in items:
            yield item
            advance()
