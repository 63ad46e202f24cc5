"""Who said what, against hand-checked gold sets: `python -m benchmarks.quote_speakers`.

`quotes_gold_{en,de,fr,es}.jsonl` hold quotes of the shared corpus (and the seed), each with the
speaker a person reading the page gives it (a name, or a list of names any of which is right: a
description such as `la congregación` may stand for the organisation), or null when no one is
quoted (a title, a slogan, a law's text, the narrator). `held_out` marks pages whose file name's
sha256 starts with 0-3: the rules are never tuned on them, so their figures are what an unseen
page can expect. A quote is found by the start of its text in the extractor's quotes.

The English set was made from the quotes the extractor finds (so it says little of quotes it
misses); the German, French and Spanish sets from every quotation-mark span of four words or
more on the pages, read by hand, so a quote the extractor misses counts against it.

- precision: of the gold quotes given a speaker, those given the right one (a surname stands
  for the full name: `Lopes` is `Rosaly Lopes`);
- recall: of the gold quotes that have a speaker, those given the right one;
- found: of the gold quotes that have a speaker, those the extractor keeps at all.

The shared corpus is looked for next to the checkout (`../shared`), or where `CHRONICLE_SHARED`
points.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from chronicle.ingest.enrich.quotes import extract_quotes

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("CHRONICLE_SHARED") or HERE.parent.parent / "shared")
LANGUAGES = ("en", "de", "fr", "es")
GOLD = {lang: HERE / f"quotes_gold_{lang}.jsonl" for lang in LANGUAGES}
SEED = SHARED / "seed" / "000_4163192e0dad8f11.txt"


@dataclass
class Score:
    quotes: int = 0
    named: int = 0  # quotes the extractor gave a speaker
    right: int = 0  # … the right one
    with_speaker: int = 0  # gold quotes that have a speaker
    found: int = 0  # … that the extractor keeps
    missing: int = 0  # gold quotes not found at all

    @property
    def precision(self) -> float:
        return self.right / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.with_speaker if self.with_speaker else 1.0

    @property
    def found_share(self) -> float:
        return self.found / self.with_speaker if self.with_speaker else 1.0


def same_speaker(found: str, gold: str | list[str]) -> bool:
    """Whether the extractor's speaker is the gold one (or one of them): equal without case or a
    leading "the" or a closing dot (`Jr.`), or one ends the other (`Burke`, `Black Elk`)."""
    if isinstance(gold, list):
        return any(same_speaker(found, one) for one in gold)

    def norm(name: str) -> str:
        name = name.casefold().strip().rstrip(".")
        return name.removeprefix("the ").strip()

    a, b = norm(found), norm(gold)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _page_text(corpus: str, page: str) -> tuple[str, str | None]:
    """A corpus page's text as Chronicle's html reader finds it, and its language."""
    from chronicle.ingest.readers.html import read_html
    from chronicle.text.language import decide_language

    raw = gzip.decompress((SHARED / "corpus" / corpus / "html" / f"{page}.html.gz").read_bytes())
    (draft,) = read_html(raw, f"{page}.html")
    return draft.text, decide_language(draft.language, draft.text)


class Pages:
    """(corpus, id) → (plain text with paragraphs separated by blank lines, language)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[str, str | None]] = {}

    def get(self, corpus: str, page: str) -> tuple[str, str | None]:
        key = (corpus, page)
        if key not in self._cache:
            self._cache[key] = self._load(corpus, page)
        return self._cache[key]

    def _load(self, corpus: str, page: str) -> tuple[str, str | None]:
        if corpus == "seed":
            return SEED.read_text(encoding="utf-8").replace("\n", "\n\n"), "en"
        if corpus == "scrapinghub-aeb":
            if not hasattr(self, "_aeb"):
                gold = SHARED / "corpus" / corpus / "gold.jsonl"
                self._aeb = {
                    row["id"]: (row.get("text") or "").replace("\n", "\n\n")
                    for row in map(json.loads, gold.open(encoding="utf-8"))
                }
            return self._aeb[page], "en"
        return _page_text(corpus, page)


def load_gold(lang: str) -> list[dict]:
    with GOLD[lang].open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(lang: str = "en", part: str | None = None, pages: Pages | None = None) -> Score:
    """The score on one language's gold set; `part` "tuning" or "held-out" keeps only that part
    (the English set is all held out or the seed)."""
    pages = pages or Pages()
    found: dict[tuple[str, str], list] = {}
    result = Score()
    for item in load_gold(lang):
        held = item.get("held_out", True)
        if part is not None and held != (part == "held-out"):
            continue
        key = (item["corpus"], item["id"])
        if key not in found:
            text, language = pages.get(*key)
            found[key] = extract_quotes(text, [], language)
        match = next((q for q in found[key] if q.text.startswith(item["quote"].strip())), None)
        result.quotes += 1
        has_speaker = item["speaker"] is not None
        result.with_speaker += has_speaker
        if match is None:
            result.missing += 1
            continue
        result.found += has_speaker
        if match.speaker is not None:
            result.named += 1
            if has_speaker and same_speaker(match.speaker, item["speaker"]):
                result.right += 1
    return result


def table(pages: Pages | None = None) -> str:
    pages = pages or Pages()
    lines = [
        "| language | part | quotes | with a speaker | found | named | right | precision "
        "| recall |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lang in LANGUAGES:
        for part in (None, "tuning", "held-out"):
            s = score(lang, part, pages)
            if not s.quotes or (part is not None and s.quotes == score(lang, None, pages).quotes):
                continue
            lines.append(
                f"| {lang} | {part or 'all'} | {s.quotes} | {s.with_speaker} | {s.found} | "
                f"{s.named} | {s.right} | {s.precision:.1%} | {s.recall:.1%} |"
            )
    return "\n".join(lines)


def dump(path: Path) -> int:
    """Every gold quote with its language and page text, as JSON (for a measurement that runs
    outside Chronicle's environment, benchmarks/quote_speakers_spacy.py)."""
    pages = Pages()
    rows = []
    for lang in LANGUAGES:
        for item in load_gold(lang):
            text, _language = pages.get(item["corpus"], item["id"])
            rows.append({**item, "language": lang, "text": text})
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    args = list(argv or [])
    if not SEED.exists():
        print(f"the shared corpus is not at {SHARED} (set CHRONICLE_SHARED)", file=sys.stderr)
        return 1
    if args[:1] == ["--dump"] and len(args) == 2:
        print(f"{dump(Path(args[1]))} gold quotes written to {args[1]}")
        return 0
    print(table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
