"""How heavy a real news article is, as numbers the generator can draw from.

The deciles below are what Chronicle stores for the 589 pages of `../shared/corpus` (words,
`##` sections, direct quotes, quotes with a named speaker, distinct speakers and authors per
article), measured with `python -m benchmarks corpus_profile` on 2026-12-05. The generator's
"realistic" profile draws every article's shape from them, so the build benchmark is fed the
spread of real pages (many short ones, a long tail of long, quote-heavy ones) rather than one
uniform 740-word article. Drawing from the measured deciles, rather than fitting a named
distribution, keeps the tail as it is: the longest page has 7,980 words and 203 quotes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

DECILES: dict[str, tuple[int, ...]] = {
    "words": (3, 121, 234, 343, 440, 545, 660, 826, 1104, 1660, 7980),
    "sections": (0, 0, 0, 0, 0, 0, 1, 2, 3, 7, 60),
    "quotes": (0, 0, 0, 0, 0, 1, 2, 4, 6, 11, 203),
    "authors": (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 8),
}
NAMED_SHARE = 0.62  # of all quotes, the share with a named speaker
SPEAKERS_PER_NAMED_QUOTE = 0.47  # distinct speakers / named quotes
MIN_WORDS = 60  # a stored article has at least a lede; the 3-word pages are failed extractions


def draw(rng: random.Random, deciles: tuple[int, ...]) -> int:
    """One value from the measured deciles, linear between them."""
    at = rng.random() * (len(deciles) - 1)
    low = int(at)
    high = min(low + 1, len(deciles) - 1)
    return round(deciles[low] + (deciles[high] - deciles[low]) * (at - low))


@dataclass(frozen=True)
class Shape:
    words: int
    sections: int
    quotes: int
    named: int
    speakers: int
    authors: int


def draw_shape(rng: random.Random) -> Shape:
    words = max(MIN_WORDS, draw(rng, DECILES["words"]))
    quotes = draw(rng, DECILES["quotes"])
    named = sum(rng.random() < NAMED_SHARE for _ in range(quotes))
    speakers = min(named, max(1, round(named * SPEAKERS_PER_NAMED_QUOTE))) if named else 0
    # A section needs a paragraph or two under it: about one per 100 words at most.
    sections = min(draw(rng, DECILES["sections"]), words // 100)
    return Shape(words, sections, quotes, named, speakers, draw(rng, DECILES["authors"]))
