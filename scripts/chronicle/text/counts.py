"""Counted nouns for the command line and the build log: "1 article", "2 articles".

English only, like every message Chronicle prints; the site's own labels come from its templates.
"""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`number` and the noun that agrees with it; `plural` when it is not the singular + "s"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
