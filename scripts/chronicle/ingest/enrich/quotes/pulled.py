"""Pull quotes: words set apart in quotation marks (a heading, a quote between paragraphs)
that repeat what someone says in the body, and so are theirs.

- The same words inside a longer quote of the article that has a speaker: that speaker.
- The same words in a paragraph of an interview that opens with its speaker's name (`Kevin
  Kühnert: Das ist …`): that person.
- A quote standing alone as a paragraph, in an interview where one person alone answers under
  their name (the interviewer is a paper, `DIE ZEIT:`, or `Frage:`): that person, the one the
  piece quotes in its headings.
Nothing else: a quote the article prints once and attributes nowhere stays unattributed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronicle.archive.model import Quote
from chronicle.text.lexicon import FUNCTION_WORDS, NOT_NAMES, NOT_NAMES_EN, ROLE_ENDINGS_DE
from chronicle.text.names import NAME_WORD
from chronicle.text.normalize import count_words

MIN_WORDS = 4  # shorter words in marks repeat by chance (`„Nein“`)
# `Kevin Kühnert: Das …`: an interview answer under its speaker's name, a person's name (two or
# three name words, not all capitals: `DIE ZEIT:` is the paper asking).
_ANSWER = re.compile(rf"^({NAME_WORD}(?: {NAME_WORD}){{1,2}}):\s")
_FUNCTION = frozenset().union(*FUNCTION_WORDS.values())
_NOT_NAMES = frozenset().union(*NOT_NAMES.values()) | NOT_NAMES_EN


def _answerer(paragraph: str, text: str) -> str | None:
    """The person a paragraph opens with before a colon (a role before them dropped: `BWE-
    Präsident Hermann Albers: „…“`), when the article names them again, as a person: German
    capitalises nouns, and `Ernster Nachsatz: „…“` is no one."""
    match = _ANSWER.match(paragraph)
    if match is None:
        return None
    words = match.group(1).split()
    while len(words) > 2 and (words[0] in _NOT_NAMES or words[0].lower().endswith(ROLE_ENDINGS_DE)):
        words = words[1:]
    if any(w.isupper() or w in _NOT_NAMES or w.lower() in _FUNCTION for w in words):
        return None
    answers = len(re.findall(rf"(?m)^(?:{NAME_WORD} )*{re.escape(words[-1])}:", text))
    # `Schauspielerin Mara Voss`: a role no list knows, before the name the article repeats
    for name in (" ".join(words), " ".join(words[-2:])):
        if text.count(name) >= 2 or answers >= 2:
            return name
    return None


def pulled_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Unattributed quotes given the speaker of the body's words they repeat (see the module)."""
    if all(q.speaker for q in quotes):
        return quotes
    paragraphs = text.split("\n\n")
    answers = [(p, name) for p in paragraphs if (name := _answerer(p, text))]
    people = {name for _p, name in answers}
    only = people.pop() if len(people) == 1 else None
    spoken = [q for q in quotes if q.speaker]
    out = []
    for quote in quotes:
        if quote.speaker is None and count_words(quote.text) >= MIN_WORDS:
            speaker = _repeated(quote, spoken, answers)
            if (
                speaker is None
                and only
                and quote.text.strip() in {p.strip(' «»„“”"') for p in paragraphs}
            ):
                speaker = only
            if speaker is not None:
                quote = replace(quote, speaker=speaker)
        out.append(quote)
    return out


def _repeated(quote: Quote, spoken: list[Quote], answers: list[tuple[str, str]]) -> str | None:
    words = quote.text.strip().rstrip(".!?…").casefold()  # `…: we ran out` pulled as `We ran out`
    speakers = {q.speaker for q in spoken if q is not quote and words in q.text.casefold()}
    speakers |= {name for paragraph, name in answers if words in paragraph.casefold()}
    return speakers.pop() if len(speakers) == 1 else None
