"""What one article's quotes may refer back to, and who a quote's speaker is."""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.ingest.enrich.entities import Mention
from chronicle.ingest.enrich.quotes.people import names_in, surnames


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    entity: str | None
    verb: str | None


NO_SPEAKER = Speaker(None, None, None)


class Context:
    """What one article's quotes may refer back to: mentions and earlier speakers."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.last_named: str | None = None  # the last non-registry speaker name
        self.text = ""  # the whole article
        self.speakers: list[str] = []  # speakers named by a name (not `die Managerin`), in order
        self.masked = ""  # the current paragraph, quotes blanked
        self.continued: Speaker | None = None  # speaker of a quote still open at paragraph end
        self.paragraph_speaker: Speaker | None = None  # the last speaker in this paragraph
        # who spoke in the last paragraph's closing sentence
        self.closing_speaker: Speaker | None = None
        self.language: str | None = None  # de, fr, es, pt: that language's attributions too
        self.read: list[str] = []  # earlier paragraphs, for the surnames of names in them
        # `m` or `f` for a speaker a gendered pronoun (`elle`, `she`) already stood for
        self.genders: dict[str, str] = {}
        self._surnames: set[str] = set()
        self._scanned = 0

    def surnames(self) -> set[str]:
        """Last words of full names in earlier paragraphs; read only when a pronoun asks (most
        paragraphs never do, and reading names costs more than finding quotes)."""
        for paragraph in self.read[self._scanned :]:
            self._surnames |= surnames(names_in(paragraph))
        self._scanned = len(self.read)
        return self._surnames

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def last_before(self, index: int, kind: str) -> Mention | None:
        found = None
        for mention in self.mentions:
            if mention.start >= index:
                break
            if mention.entity.kind == kind:
                found = mention
        return found
