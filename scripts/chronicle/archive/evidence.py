"""How each stored field was found, as the article page, `chronicle show` and `chronicle check`
say it. Pure: reads an Article, never edits one.

The readers store their words in `extra["evidence"]` (field → "JSON-LD, meta tag", "text;
uncertain: no declared date", "curator"…), written in English at ingest time and shown as stored.
The field's origin (`source`, `inferred`, `curator`) decides its standing: read from the
original, given by the curator, guessed from the text, or unknown; a date is also said to be
not certain when stored so (EDTF `?` or `~`). An article stored before readers kept evidence
has origins only: its standing is the same, its words are empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from chronicle.archive.model import Article

FIELDS = ("date", "title", "authors", "source")
# curator: given by the curator; source: read from the original; guessed: guessed from the
# text, never certain; unknown: not found.
Standing = Literal["curator", "source", "guessed", "unknown"]


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    field: str
    standing: Standing
    words: str  # the reader's evidence as stored ("" when none was recorded)
    uncertain: bool = False  # a date stored approximate or uncertain (EDTF ~ or ?)


def recorded(article: Article) -> dict[str, str]:
    """The evidence words stored with the article, field → words (empty when none)."""
    found = article.extra.get("evidence")
    if not isinstance(found, Mapping):
        return {}
    return {str(k): str(v) for k, v in found.items() if v not in (None, "")}


# The evidence for a headline the curator typed in from the original (`--title-origin source`).
TRANSCRIBED = "curator, transcribed from the original"

# The words a reader writes for a day read only from the page's visible text (a dateline under
# the headline, a <time>'s text, htmldate's guess): ingest/readers/page_metadata/evidence.py.
TEXT_SIGNALS = frozenset({"text", "dateline", "<time> text"})


def date_guessed(article: Article) -> bool:
    """A date guessed from the text: marked inferred, or every signal recorded for it is read
    from the page's text, none declared for machines ("dateline, text; uncertain: …")."""
    if article.date is None or article.date_origin == "curator":
        return False
    if article.date_origin == "inferred":
        return True
    signals = recorded(article).get("date", "").split(";")[0]
    return {s.strip() for s in signals.split(",")} <= TEXT_SIGNALS


def record_evidence(article: Article) -> list[FieldEvidence]:
    """Date, title, authors and source: how each was found, in that order."""
    words = recorded(article)
    inexact = article.date is not None and not article.date.is_exact
    return [
        FieldEvidence(
            name,
            _standing(article, name, words.get(name, "")),
            words.get(name, ""),
            uncertain=name == "date" and inexact,
        )
        for name in FIELDS
    ]


def _standing(article: Article, field: str, words: str) -> Standing:
    if field == "date":
        if article.date is None:
            return "unknown"
        return "guessed" if date_guessed(article) else _of_origin(article.date_origin)
    if field == "title":
        return _of_origin(article.title_origin)
    if field == "source":
        return _of_origin(article.source_origin) if article.source else "unknown"
    # Authors have no origin of their own: the curator's word is in the evidence.
    if not article.authors:
        return "unknown"
    return "curator" if words == "curator" else "source"


def _of_origin(origin: str | None) -> Standing:
    if origin == "curator":
        return "curator"
    return "guessed" if origin == "inferred" else "source"


# The standings in English, for the command line (the site's words are in its catalogues).
_STANDING_WORDS = {
    "curator": "given by the curator",
    "source": "read from the original",
    "guessed": "guessed from the text",
    "unknown": "unknown",
}


def standing_words(found: FieldEvidence) -> str:
    """ "guessed from the text, not certain": a field's standing in English."""
    words = _STANDING_WORDS[found.standing]
    return words + ", not certain" if found.uncertain or found.standing == "guessed" else words


def as_mapping(article: Article) -> dict[str, dict[str, object]]:
    """The evidence for `--json`: field → {standing, uncertain, evidence (the stored words)}."""
    return {
        found.field: {
            "standing": found.standing,
            "uncertain": found.uncertain or found.standing == "guessed",
            "evidence": found.words or None,
        }
        for found in record_evidence(article)
    }
