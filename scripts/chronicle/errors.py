"""Typed errors. Each carries the file (or input) it is about and a one-line reason.

The command line turns any `ChronicleError` into one "Error: …" line; the MkDocs plugin turns it
into a `PluginError`. Anything else escaping is a bug, not a user mistake.
"""

from __future__ import annotations


class ChronicleError(Exception):
    """Base class: a problem the user can act on, described in one line."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if where else reason)


class ReaderError(ChronicleError):
    """An input could not be read as an article (empty, binary, wrong encoding, no text…)."""


class UnknownFormat(ReaderError):
    """No reader accepts this input."""


class FrontMatterError(ChronicleError):
    """A stored article's front matter (or a sidecar file) breaks the schema; names the key."""

    def __init__(self, where: str, key: str, reason: str) -> None:
        self.key = key
        super().__init__(where, f"'{key}': {reason}" if key else reason)


class InvalidDate(ChronicleError):
    """A date that is neither EDTF nor ISO 8601."""


class DuplicateArticle(ChronicleError):
    """The same text is already in the archive."""

    def __init__(self, where: str, existing: str) -> None:
        self.existing = existing
        super().__init__(where, f"already in the archive as {existing}")
