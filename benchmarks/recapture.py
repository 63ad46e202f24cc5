"""How alike an edited story stays, for `recapture.SAME_PAGE`: `python -m benchmarks recapture
[--pages N]`.

A page captured again at the same address is a new version of its article when the two texts
score at least `SAME_PAGE` (estimated Jaccard similarity of 5-word shingles). This takes corpus
texts (the tuning part only: no held-out page), replaces one, two or three paragraphs in five
with another text's paragraphs, as an update rewrites a story, and prints how the scores spread,
with how another article scores. No corpus: it says so and exits 0.
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from benchmarks.accuracy import held_out
from benchmarks.extraction import CORPUS
from chronicle.errors import ChronicleError
from chronicle.ingest.readers import read_bytes
from chronicle.ingest.recapture import SAME_PAGE, similarity


def texts(limit: int) -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("**/*.htm*")):
        if held_out(path.name) or len(found) >= limit:
            continue
        try:
            drafts = read_bytes(path.read_bytes(), str(path))
        except (ChronicleError, OSError):
            continue
        if drafts and drafts[0].text.count("\n\n") >= 4:
            found.append(drafts[0].text)
    return found


def edited(text: str, donor: str, fifths: int, rng: random.Random) -> str:
    """`text` with `fifths` of its paragraphs in five replaced by `donor`'s."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    given = [p for p in donor.split("\n\n") if p.strip()]
    count = max(1, len(paragraphs) * fifths // 5)
    for n, index in enumerate(rng.sample(range(len(paragraphs)), count)):
        paragraphs[index] = given[n % len(given)]
    return "\n\n".join(paragraphs)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks recapture")
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args(argv)
    found = texts(args.pages)
    if len(found) < 2:
        print(f"recapture: no corpus texts in {Path(CORPUS)}; nothing measured")
        return 0
    rng = random.Random(1)
    print(f"## Recapture threshold ({len(found)} texts, SAME_PAGE = {SAME_PAGE})\n")
    print("| edit | median | share ≥ SAME_PAGE |")
    print("|---|---|---|")
    for fifths in (1, 2, 3):
        scores = [
            similarity(t, edited(t, found[(i + 1) % len(found)], fifths, rng))
            for i, t in enumerate(found)
        ]
        share = sum(s >= SAME_PAGE for s in scores) / len(scores)
        print(
            f"| {fifths} in 5 paragraphs replaced | {statistics.median(scores):.2f} | {share:.0%} |"
        )
    others = [similarity(t, found[(i + 1) % len(found)]) for i, t in enumerate(found)]
    share = sum(s >= SAME_PAGE for s in others) / len(others)
    print(f"| another article | {statistics.median(others):.2f} | {share:.0%} |")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
