"""Who said what, against a hand-checked gold set: `python -m benchmarks.quote_speakers`.

`quotes_gold_en.jsonl` holds quotes of the held-out part of `scrapinghub-aeb` (pages whose
id's sha256 starts with 0–3) and of the seed, each with the speaker a person reading the text
gives it, or null when no one is quoted (a title, a slogan, a hypothetical). A quote is found by
the start of its text in the extractor's quotes of its article.

- precision: of the quotes given a speaker, those given the right one (a surname stands for the
  full name: `Lopes` is `Rosaly Lopes`);
- recall: of the gold quotes that have a speaker, those given the right one.

The gold was made from the quotes the extractor finds (four words or more), so it says nothing
of quotes the extractor misses altogether; it is English only so far.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from chronicle.ingest.enrich.quotes import extract_quotes

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
GOLD = HERE / "quotes_gold_en.jsonl"
SEED = SHARED / "seed" / "000_4163192e0dad8f11.txt"


@dataclass
class Score:
    quotes: int = 0
    named: int = 0  # quotes the extractor gave a speaker
    right: int = 0  # … the right one
    with_speaker: int = 0  # gold quotes that have a speaker
    missing: int = 0  # gold quotes not found at all

    @property
    def precision(self) -> float:
        return self.right / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.with_speaker if self.with_speaker else 1.0


def same_speaker(found: str, gold: str) -> bool:
    """Whether the extractor's speaker is the gold one: equal without case or a leading "the",
    or one is the other's surname."""

    def norm(name: str) -> str:
        name = name.casefold().strip()
        return name.removeprefix("the ").strip()

    a, b = norm(found), norm(gold)
    return a == b or a.split()[-1] == b or b.split()[-1] == a


def texts() -> dict[tuple[str, str], str]:
    """(corpus, id) → the article's plain text, paragraphs separated by blank lines."""
    out = {("seed", SEED.stem): SEED.read_text(encoding="utf-8").replace("\n", "\n\n")}
    for line in (SHARED / "corpus" / "scrapinghub-aeb" / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out[("scrapinghub-aeb", row["id"])] = (row.get("text") or "").replace("\n", "\n\n")
    return out


def score(gold_path: Path = GOLD) -> Score:
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    articles = texts()
    found: dict[tuple[str, str], list] = {}
    result = Score()
    for item in gold:
        key = (item["corpus"], item["id"])
        if key not in found:
            found[key] = extract_quotes(articles[key], [], "en")
        match = next((q for q in found[key] if q.text.startswith(item["quote"])), None)
        result.quotes += 1
        result.with_speaker += item["speaker"] is not None
        if match is None:
            result.missing += 1
            continue
        if match.speaker is not None:
            result.named += 1
            if item["speaker"] is not None and same_speaker(match.speaker, item["speaker"]):
                result.right += 1
    return result


def main(argv: list[str] | None = None) -> int:
    if not SEED.exists():
        print(f"the shared corpus is not at {SHARED}", file=sys.stderr)
        return 1
    s = score()
    print("| language | quotes | with a speaker | named | right | precision | recall | not found |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| en | {s.quotes} | {s.with_speaker} | {s.named} | {s.right} | {s.precision:.1%} | "
        f"{s.recall:.1%} | {s.missing} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
