"""Text as the readers store it (`normalise`) and as they compare it (`loose_key`)."""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str | None) -> str:
    """Text as stored: spacing collapsed, and canonical composition (NFC) only, which never
    changes how text reads. NFKC would rewrite it ("…" → "...", "（" → "(", "CO₂" → "CO2",
    "½" → "1⁄2"); it is for comparison keys (`loose_key`), never for what is kept."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def loose_key(text: str) -> str:
    """Loose comparison key: case, punctuation, spacing and compatibility forms (full-width
    letters, ligatures: NFKC) do not matter."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", normalise(text)).casefold())
