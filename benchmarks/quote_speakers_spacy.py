"""Would a library attribute quotes better? A plain spaCy attribution measured on the same
gold sets as `benchmarks.quote_speakers`, for the decision written in benchmarks/RESULTS.md.

spaCy is no dependency of Chronicle, so this runs in an environment of its own:

    python -m benchmarks.quote_speakers --dump /tmp/gold.json        # Chronicle's venv
    python benchmarks/quote_speakers_spacy.py /tmp/gold.json en=MODEL fr=MODEL es=MODEL

(MODEL: an installed pipeline's name or directory). For each gold quote, found in its page's
text by the gold's opening words, the attribution is the nearest PERSON or ORG entity to the
speech verb nearest the quote, in the sentences the quote touches; a pronoun subject of that verb
stands for the last PERSON named before the quote. The gold tells it where the quotes are, so
it is scored on attribution only (an advantage over the extractor, which must find them too).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

SPEECH_LEMMAS = {
    "en": "say tell add warn explain write claim ask note insist argue state announce reply "
    "describe tweet admit recall",
    "fr": "dire déclarer affirmer expliquer ajouter souligner estimer écrire rappeler préciser "
    "indiquer assurer mentionner prévenir",
    "es": "decir afirmar declarar explicar añadir agregar asegurar señalar sostener indicar "
    "comentar manifestar enfatizar lamentar sumar contar expresar",
    "de": "sagen erklären betonen meinen ergänzen schreiben berichten warnen erläutern",
}
PEOPLE = {"PERSON", "PER", "ORG"}
PRONOUNS = {"he", "she", "il", "elle", "él", "ella", "er", "sie"}


def same_speaker(found: str, gold: str | list[str]) -> bool:
    """As benchmarks.quote_speakers.same_speaker (kept apart: this runs without Chronicle)."""
    if isinstance(gold, list):
        return any(same_speaker(found, one) for one in gold)

    def norm(name: str) -> str:
        return name.casefold().strip().rstrip(".").removeprefix("the ").strip()

    a, b = norm(found), norm(gold)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def attribute(nlp, text: str, quote: str, lang: str) -> str | None:
    at = text.find(quote.strip())
    if at < 0:
        return None
    start = text.rfind("\n\n", 0, at) + 2 if "\n\n" in text[:at] else 0
    end = text.find("\n\n", at)
    end = len(text) if end < 0 else end
    doc = nlp(text[start:end])
    q_start, q_end = at - start, at - start + len(quote.strip())
    close = next((i for i in range(q_end, len(doc.text)) if doc.text[i] in '”»“"«'), q_end)
    sents = [s for s in doc.sents if s.end_char > q_start - 1 and s.start_char <= close + 1]
    lemmas = set(SPEECH_LEMMAS[lang].split())
    outside = [t for s in sents for t in s if not (q_start - 1 <= t.idx <= close)]
    verbs = [t for t in outside if t.lemma_.lower() in lemmas]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: min(abs(t.idx - q_start), abs(t.idx - close)))
    ents = [
        e
        for s in sents
        for e in s.ents
        if e.label_ in PEOPLE and not (q_start - 1 <= e.start_char <= close)
    ]
    for child in verb.children:
        if child.dep_.startswith("nsubj") and child.lower_ in PRONOUNS:
            before = [e for e in doc.ents if e.label_ in {"PERSON", "PER"} and e.end_char < q_start]
            return before[-1].text if before else None
    if not ents:
        return None
    return min(ents, key=lambda e: abs(e.start_char - verb.idx)).text


def run(argv: list[str]) -> int:
    """Not `main`, which `python -m benchmarks` would find and run in Chronicle's environment,
    where spaCy is not installed."""
    import spacy

    with open(argv[0], encoding="utf-8") as handle:
        rows = json.load(handle)
    models = dict(arg.split("=", 1) for arg in argv[1:])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for lang, model in models.items():
        nlp = spacy.load(model)
        for row in (r for r in rows if r["language"] == lang):
            c = counts[lang]
            c["quotes"] += 1
            c["with_speaker"] += row["speaker"] is not None
            found = attribute(nlp, row["text"], row["quote"], lang)
            if found:
                c["named"] += 1
                c["right"] += row["speaker"] is not None and same_speaker(found, row["speaker"])
    print("| language | quotes | with a speaker | named | right | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    for lang, c in counts.items():
        p = c["right"] / c["named"] if c["named"] else 1.0
        r = c["right"] / c["with_speaker"] if c["with_speaker"] else 1.0
        print(
            f"| {lang} | {c['quotes']} | {c['with_speaker']} | {c['named']} | {c['right']} | "
            f"{p:.1%} | {r:.1%} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
