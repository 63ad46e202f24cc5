"""An original added again: the curator's corrections to the article stored from it.

Adding the same bytes twice stores nothing new, but the curator may have come back with a
better `--date` or `--title` (the clipping's date found, a typo in the headline). Those values
replace the stored ones as `chronicle set` would: written through the store, recorded in
`changes.yml`, the file moved (with a redirect) when its date folder changes. Same values:
nothing is written.

Only the command line's values correct: a sidecar was read when the original was first added,
and re-running `chronicle add inbox/` over its sidecars must not undo what a curator changed
since with `chronicle set` or `edit`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.changes import ChangeLog
from chronicle.archive.model import Article
from chronicle.archive.store import ArticleStore, StoredRef
from chronicle.errors import ChronicleError
from chronicle.ingest.curate import Found, save_held, with_curator_values
from chronicle.ingest.sources import settled

# What adding an original again may correct, and the changes printed for it (changes.yml keeps
# all of them, the evidence too).
CORRECTABLE = ("title", "title_origin", "date", "source", "authors", "topics")
SHOWN_CHANGES = (*CORRECTABLE, "date_origin", "source_origin")
NOTE = "added again with other metadata"


@dataclass(frozen=True)
class Outcome:
    """What happened to one input (or one article inside it) in `chronicle add`."""

    input: str
    # added | new-version | corrected | unchanged | duplicate | near-duplicate | failed
    status: str
    detail: str  # path written, existing article, or the reason it failed
    article: Article | None = None
    note: str = ""  # e.g. "another version of …" for a linked near-duplicate
    # What the curator should check, e.g. "decoded as cp1252 (not UTF-8)" for a guessed encoding.
    warnings: tuple[str, ...] = ()
    # A correction's changes, (front matter key, old value, new value), as changes.yml has them.
    changes: tuple[tuple[str, object, object], ...] = ()


def added_again(
    store: ArticleStore,
    name: str,
    ref: StoredRef,
    flags: Mapping[str, Any],
    show: Callable[[Path], str],
) -> Outcome:
    """The original of `ref` added again (the caller holds the archive's lock): 'corrected' when
    the command line's values (`flags`) differ from the stored ones, else 'unchanged'; 'failed',
    with nothing written, for a value that cannot be used. `show` names the file."""
    given = settled({k: flags[k] for k in CORRECTABLE if k in flags}, store.root)
    try:
        if not given:
            return Outcome(name, "unchanged", show(ref.path))
        stored = store.load(ref.path)
        new = with_curator_values(stored, given)
        log = ChangeLog.of_archive(store.root)
        path, change = save_held(store, log, Found(ref.path, stored), new, "set", NOTE)
    except ChronicleError as exc:
        return Outcome(name, "failed", exc.reason)
    if change is None:
        return Outcome(name, "unchanged", show(ref.path))
    shown = tuple((k, v[0], v[1]) for k, v in change.changes.items() if k in SHOWN_CHANGES)
    return Outcome(name, "corrected", show(path), new, changes=shown)
