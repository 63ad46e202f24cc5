"""Direct quotes and who said them, found by rules over one paragraph at a time.

A quote's text is the exact span between its quotation marks (only spaces just inside the marks
are dropped): never shortened, joined or re-punctuated, so it is always a substring of the
article. Quotes split around their attribution
(`“A,” she said, “B.”`) are two quotes with one speaker.

How a speaker is found, in order:
1. after the quote, in the same sentence: `“…,” Meshaal said.`, `“…,” said Oza.`,
   `“…,” Mayer, Disney’s chairman, said`, `“…,” according to the ministry`;
2. before it, in the same sentence, the nearest speech verb: `Katz warned: “…”`,
   `Khallaf described Israel’s actions as a “blatant violation”` (a partial quote);
3. a quote with no attribution of its own continues the one before it in the paragraph (or
   the previous paragraph's, when that ended inside an open quote and this one opens with one);
   a partial quote later in a sentence that reported someone is theirs; in English a paragraph
   that is one whole quote goes on with the speaker the previous paragraph's last sentence
   names; in German a sentence in reported speech (`Dafür müsse man „…“`) goes on with the
   paragraph's speaker. Words in marks after `the phrase`, `le mot`, `das Wort` are mentioned,
   not said.
Speakers are registry entities where a mention lies in the subject (a person before an
organisation before a place), else a capitalised name (roles such as `CEO` stripped), a
description (`the source`, `Steve Witkoff’s deputy`) or a pronoun resolved to the last person
(he, she) or organisation (it, they) named before. A speaker must look like a name or a described
person: a time (`this week`), a number (`Fifty-one percent`), a nationality (`Syrian`), a name
that only qualifies a noun, a possessor or the object of a verb or preposition is none, and an
unknown speaker is better than an invented one. After a comma, a participle (`…, telling them
“…”`) or a verb after `and` speaks for the sentence's subject.
Quote marks are masked while looking, so a name inside a quote is never its speaker. Single
quotes (‘…’, '…') count only where they clearly delimit a quote (’ and ' are also the apostrophe:
`'It's over,' she said` is one quote), and only with a speaker (unattributed, they are titles).
Each quote keeps the marks it was printed with (`«»`, `„“`, `「」`) for the site to show.
Articles stored in German, French, Spanish,
Portuguese or Italian get that language's attributions first (`„…“, sagte der Minister.`,
`« …, rappelle X, … »`, `X sostuvo que “…”`, `“…”, ha detto il sindaco`); there a pronoun, a
dropped subject (`“…”, lamentó.`) or a description (`die Managerin`) is the person named just
before, and a quote standing alone after a sentence that names who speaks is theirs. Last, a
surname alone takes the one full name the article gives it (`Burke` → `John Burke`), and a
name the article prints in quotation marks elsewhere is a title, no speaker (`La La Land`).

By stage: `spans` (quotation marks), `context` (what a quote may refer back to), `people` (names
in the text), `subject` (who an English attribution names), `english` and `foreign` (the
attributions of each language), `clauses` (where another language's subject lies), `speech`
(other languages' speech verbs as patterns), `refer` (who a pronoun, description or surname
stands for), `pulled` (a pull quote takes the speaker of the body's words it repeats),
`plausible` (a last look: whether a found speaker names someone at all); every word
they read comes from text.lexicon.
"""

from __future__ import annotations

import re

from chronicle.archive.model import Quote
from chronicle.ingest.enrich.entities import Mention
from chronicle.ingest.enrich.quotes import english, foreign
from chronicle.ingest.enrich.quotes.context import NO_SPEAKER, Context, Speaker
from chronicle.ingest.enrich.quotes.plausible import plausible_speakers
from chronicle.ingest.enrich.quotes.pulled import pulled_speakers
from chronicle.ingest.enrich.quotes.refer import (
    is_named,
    no_titles,
    one_name_per_person,
    person_here,
    reported_before,
    settle,
    stands_alone,
)
from chronicle.ingest.enrich.quotes.spans import (
    SINGLE,
    Span,
    find_spans,
    mask,
    printed_marks,
    worth_keeping,
)
from chronicle.ingest.enrich.quotes.speech import LANGUAGES, VERB_RX
from chronicle.ingest.enrich.quotes.subject import VERB_RX as VERB_RX_EN
from chronicle.text.lexicon import MENTION_NOUNS, NAMING_PREPOSITIONS, REPORTED_SPEECH_DE
from chronicle.text.normalize import count_words, language_code
from chronicle.text.sentences import sentence_bounds

__all__ = ["extract_quotes"]

MAX_JOINING_WORDS = 3
MIN_UNATTRIBUTED_WORDS = 4  # `“Black Water,”` with no speaker is a song title, not a quote


def _joined(masked: str, last: Span | None, span: Span) -> bool:
    """Whether only a conjunction or two separate `span` from the quote before it in the same
    sentence (`“A” y que “B”`, `„A“ und „B“`)."""
    if last is None:
        return False
    between = masked[last.close + 1 : span.open]
    return len(between.split()) <= MAX_JOINING_WORDS and not any(c in between for c in ".!?;:")


def _mentioned(masked: str, span: Span) -> bool:
    """Whether a partial quote follows `the phrase`, `le mot`, `den Begriff`: a mention."""
    before = masked[max(0, span.open - 30) : span.open].split()
    return bool(before) and before[-1].strip(",") in MENTION_NOUNS


def _named_thing(masked: str, span: Span, sentence: tuple[int, int], lang: str | None) -> bool:
    """Whether words in marks follow a preposition in a sentence that reports no speech before
    them (`Strafanzeige gegen „D.Live“`, `Bei „Exclusiv“ (RTL) sagt Pocher: „…“`): the name of
    a firm, show or book, said by no one."""
    before = masked[sentence[0] : span.open]
    words = before.split()
    if not words or words[-1].lower() not in NAMING_PREPOSITIONS:
        return False
    inside = masked[span.open + 1 : span.close].rstrip()
    if inside.endswith(",") or masked[span.close + 1 :].lstrip()[:1] in ",–—":
        return False  # `encabezada por “…”, según contó X`: set off for its attribution
    verbs = VERB_RX.get(lang) if lang else None
    return VERB_RX_EN.search(before) is None and (verbs is None or verbs.search(before) is None)


def _a_name(quote: str, text: str) -> bool:
    """Whether a quote of a word or three is printed in marks again and again (`„D.Live“`,
    `„Peta“`): the name of a firm or group, not words anyone said."""
    if count_words(quote) >= MIN_UNATTRIBUTED_WORDS or not quote[:1].isupper():
        return False
    marked = re.findall(rf"[“«„\"‘‹]\s*{re.escape(quote)}\s*[”»“\"’›]", text)
    return len(marked) >= 2


def _reported(masked: str, sentence: tuple[int, int], quote: str) -> bool:
    """Whether the writer's words of a German sentence are in reported speech (Konjunktiv I),
    around a quote of more than a word (one word in marks is as often a term: `„Backlog“`)."""
    if count_words(quote) < 2:
        return False
    words = masked[sentence[0] : sentence[1]].split()
    return any(w.strip(",;:") in REPORTED_SPEECH_DE for w in words)


def _sentence_of(bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= index < end:
            return start, end
    return bounds[-1]


def extract_quotes(text: str, mentions: list[Mention], language: str | None = None) -> list[Quote]:
    """Every direct quote in `text` (paragraphs separated by blank lines), in order.
    `language`, the article's (text.language), adds German, French, Spanish or Portuguese
    attributions to the English ones."""
    ctx = Context(mentions)
    ctx.text = text
    lang = language_code(language)
    ctx.language = lang if lang in LANGUAGES else None
    out: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        out.extend(_paragraph_quotes(paragraph, offset, ctx))
        ctx.read.append(paragraph)
        offset += len(paragraph) + 2
    # Checked again once surnames take full names: `Stephen` must not become `Replied Stephen`.
    named = one_name_per_person(plausible_speakers(pulled_speakers(out, text), text), text)
    return no_titles(plausible_speakers(named, text), text)


def _paragraph_quotes(paragraph: str, offset: int, ctx: Context) -> list[Quote]:
    spans = [s for s in find_spans(paragraph) if worth_keeping(paragraph, s)]
    # A quote left open at the end of the last paragraph goes on in this one if it opens it.
    continued, ctx.continued = ctx.continued, None
    closing, ctx.closing_speaker = ctx.closing_speaker, None
    if not spans:
        return []
    masked = mask(paragraph, spans)
    ctx.masked = masked
    bounds = sentence_bounds(masked)
    out: list[Quote] = []
    previous: Speaker | None = continued if spans[0].open == 0 else None
    ctx.paragraph_speaker = previous
    lang = ctx.language
    last: Span | None = None
    said_last: Speaker | None = None  # the speaker of `last`
    for span in spans:
        start, end = span.text_range
        quote = paragraph[start:end].strip()  # still a substring; the front matter strips too
        sentence = _sentence_of(bounds, span.open)
        partial = english.is_partial(quote, masked, span, sentence[0])
        speaker = None
        if lang is not None:
            speaker = (
                foreign.trailing(paragraph, masked, span, ctx, offset, lang)
                or foreign.preceding(masked, span, sentence, ctx, offset, lang)
                or foreign.incise(paragraph, span, ctx, offset, lang)
            )
        speaker = (
            speaker
            or english.trailing(paragraph, masked, span, sentence, ctx, offset, partial)
            or english.preceding(masked, span, sentence, ctx, offset)
        )
        if speaker is not None and speaker.name is None:
            speaker = None  # a pronoun that stands for no one named: no other rule's guess
        explicit = speaker is not None  # named by the sentence's own attribution
        if speaker is not None and partial and _mentioned(masked, span):
            speaker = None
        if speaker is not None:
            speaker = settle(speaker)
        alone = stands_alone(masked[sentence[0] : span.open])
        split = last is not None and last.close > sentence[0]  # `«A», dit-il, «B»`
        if speaker is None and not partial and previous and (alone or split or lang is None):
            # `“A,” she said. “B.”`: B goes on with the same speaker.
            speaker = previous
        if speaker is None and partial and previous is not None and _joined(masked, last, span):
            speaker = previous  # `dijo que “A” y que “B”`
        if (
            speaker is None
            and previous is not None
            and lang == "de"
            and _reported(masked, sentence, quote)
        ):
            speaker = previous  # `„…“, meinte er. Dafür müsse man „…“`: still his words
        if (
            speaker is None
            and partial
            and said_last
            and last
            and last.close > sentence[0]
            # `erklärte X von „Peta“`, `the song “City of Stars”`: a name in marks
            and count_words(quote) >= MIN_UNATTRIBUTED_WORDS
        ):
            # `afirmó que “A”, ya que implica “B”`: the sentence still reports the same speaker.
            speaker = said_last
        whole = span.open == 0 and span.close >= len(paragraph.rstrip()) - 1 and len(spans) == 1
        if speaker is None and lang is not None and not partial and alone:
            speaker = person_here(span.open, ctx)  # `… ergänzt X. „…“`
            if speaker is None and whole:
                speaker = reported_before(ctx)  # `X ajoute qu’il …` ¶ `« … »`
        if (
            speaker is None
            and whole
            and closing
            and lang is None  # the other languages have reported_before
            and quote[-1:] in ".!?…"  # a heading (`‘A messy, messy mess’`) ends with none
        ):
            speaker = closing  # `“…,” said Black Elk, who lives there.` ¶ `“…”`
        if (
            speaker is not None
            and speaker.name
            and (_named_thing(masked, span, sentence, lang) or _a_name(quote, ctx.text))
        ):
            # A name in marks is said by no one, but the sentence's attribution still holds for
            # the quote it introduces (`Bei „Exclusiv“ (RTL) sagt Pocher: „…“`).
            previous, speaker = speaker, None
        last, said_last = span, speaker if speaker and speaker.name else None
        if speaker is None and (
            partial or count_words(quote) < MIN_UNATTRIBUTED_WORDS or paragraph[span.open] in SINGLE
        ):
            # Words in quotation marks with no one saying them: a scare quote, a title (in
            # single marks, `the theme ‘The Medium is the Message’`, always one).
            continue
        speaker = speaker or NO_SPEAKER
        if speaker.name and not speaker.entity and speaker.name[:1].isupper():
            ctx.last_named = speaker.name
        if speaker.name and is_named(speaker.name):
            ctx.speakers.append(speaker.name)
        out.append(
            Quote(
                text=quote,
                speaker=speaker.name,
                entity=speaker.entity,
                verb=speaker.verb,
                kind="partial" if partial else "full",
                marks=printed_marks(paragraph, span),
            )
        )
        if speaker.name and explicit and sentence[1] >= len(masked.rstrip()):
            # The paragraph ends with a sentence that attributes a quote (a quote going on from
            # the one before, with no attribution of its own, ends none).
            ctx.closing_speaker = speaker
        if speaker.name:
            previous = ctx.paragraph_speaker = speaker
            if span.close >= len(paragraph):
                ctx.continued = speaker
    return out
