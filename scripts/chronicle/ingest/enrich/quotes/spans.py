"""Quoted spans in a paragraph: which quotation marks open and close a quote."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

PAIRS = {
    "“": "”",
    "«": "»",
    "„": "“",
    "‘": "’",
    "'": "'",
    "»": "«",
    "‹": "›",
    "「": "」",
    "『": "』",
}
# `„…”` (and `„…"`) close too; `»…«` and `‹…›` only where their closing mark follows.
_LOW_CLOSERS = '“”"'
_GUILLEMETS_REVERSED = "»‹"
STRAIGHT = '"'
SINGLE = "‘'"  # single marks: the closing one is also the apostrophe
MIN_QUOTE_CHARS = 2


@dataclass(frozen=True, slots=True)
class Span:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the paragraph's end when unclosed)

    @property
    def text_range(self) -> tuple[int, int]:
        return self.open + 1, self.close


_OPENING = re.compile("[“«„\"‘'»‹「『]")
# ’ is also the apostrophe, so single quotes count only where they clearly delimit a quote:
# ‘ opens after a space, a dash or a bracket and before a letter (not `‘90s`, `‘em`), and ’
# closes after a non-space and not inside a word (`don’t`). An unclosed ‘ is no quote.
_SINGLE_CLOSE = {
    "‘": re.compile(r"(?<=\S)’(?![^\W_])"),
    "'": re.compile(r"(?<=\S)'(?![^\W_])"),
}
# `‘The players’ union is strong,’ he said`: a plural possessive (s’ before a lower-case word)
# is an apostrophe when a later ’ can close the quote.
_POSSESSIVE_S = re.compile(r"s[’']\s+[a-zà-ÿ]")
_ELISION = re.compile(r"(?:em|til|cause|tis|twas|n)(?![^\W_])", re.IGNORECASE)


def _opens_single(paragraph: str, i: int) -> bool:
    before = paragraph[i - 1] if i else " "
    after = paragraph[i + 1 : i + 2]
    return (
        (before.isspace() or before in '([—–“"')
        and after.isalpha()
        and not _ELISION.match(paragraph, i + 1)
    )


class _Closers:
    """One paragraph's closing marks, found once: asking each opening mark to scan the rest of
    the paragraph made a paragraph of 20,000 "'a " take 7 s (every opener scanned to the end
    for a closer that was not there)."""

    def __init__(self, paragraph: str) -> None:
        self.paragraph = paragraph
        self._singles: dict[str, tuple[list[int], list[int]]] = {}
        self._last: dict[str, int] = {}

    def single(self, char: str, i: int) -> int | None:
        """Where a single quote opened at `i` closes: the first closing mark after it that is
        not a plural possessive (`players’ union`), else the last one, else None."""
        if char not in self._singles:
            closes = [m.start() for m in _SINGLE_CLOSE[char].finditer(self.paragraph)]
            # first[k]: the index in `closes` of the first one from k on that is no possessive
            first = [len(closes)] * (len(closes) + 1)
            for k in range(len(closes) - 1, -1, -1):
                possessive = _POSSESSIVE_S.match(self.paragraph, closes[k] - 1)
                first[k] = first[k + 1] if possessive else k
            self._singles[char] = (closes, first)
        closes, first = self._singles[char]
        k = bisect.bisect_right(closes, i)
        if k == len(closes):
            return None
        return closes[first[k]] if first[k] < len(closes) else closes[-1]

    def find(self, char: str, i: int) -> int:
        """`paragraph.find(char, i + 1)`, without a scan when no such mark is left."""
        if char not in self._last:
            self._last[char] = self.paragraph.rfind(char)
        return self.paragraph.find(char, i + 1) if self._last[char] > i else -1


def _close_of(closers: _Closers, i: int) -> int | None:
    """Where the quote opened at `i` closes; the paragraph's end when a double mark is left
    open, None when `i` opens no quote."""
    paragraph = closers.paragraph
    char = paragraph[i]
    if char in SINGLE:
        if not _opens_single(paragraph, i):
            return None
        return closers.single(char, i)
    if char == "„":
        ends = [e for e in (closers.find(c, i) for c in _LOW_CLOSERS) if e != -1]
        return min(ends) if ends else len(paragraph)
    end = closers.find(PAIRS.get(char, STRAIGHT), i)
    if end == -1 and char in _GUILLEMETS_REVERSED:
        return None
    return len(paragraph) if end == -1 else end


def find_spans(paragraph: str) -> list[Span]:
    """Quotation-mark pairs: curly (double, or single where they clearly delimit a quote),
    guillemets and straight; an unclosed double quote runs to the end of the paragraph (a quote
    continued in the next paragraph has no closing mark)."""
    spans: list[Span] = []
    closers = _Closers(paragraph)
    match = _OPENING.search(paragraph)
    while match is not None:
        i = match.start()
        end = _close_of(closers, i)
        if end is None:
            match = _OPENING.search(paragraph, i + 1)
            continue
        spans.append(Span(i, end))
        match = _OPENING.search(paragraph, end + 1)
    return spans


def printed_marks(paragraph: str, span: Span) -> str:
    """The opening and closing marks of `span` as printed; a quote left open (it goes on in the
    next paragraph) closes with its opening mark's partner."""
    opening = paragraph[span.open]
    if span.close < len(paragraph):
        return opening + paragraph[span.close]
    return opening + PAIRS.get(opening, STRAIGHT)


def mask(paragraph: str, spans: list[Span]) -> str:
    """Quote interiors blanked (lengths kept), but a final . ! ? stays to end its sentence
    (also before the spaces of `« … cruellement. »`)."""
    chars = list(paragraph)
    for span in spans:
        start, end = span.text_range
        for k in range(start, end):
            chars[k] = " "
        last = len(paragraph[start:end].rstrip()) + start - 1
        if last >= start and paragraph[last] in ".!?":
            chars[last] = paragraph[last]
    return "".join(chars)


def worth_keeping(paragraph: str, span: Span) -> bool:
    start, end = span.text_range
    quote = paragraph[start:end]
    if paragraph[span.open] == "‘" and "‘" in quote:
        return False  # a mark mistyped or left open: `‘Jewels after Jewels ‘ and …’`
    return len(quote.strip()) >= MIN_QUOTE_CHARS and any(c.isalpha() for c in quote)
