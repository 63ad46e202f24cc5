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
   the previous paragraph's, when that ended inside an open quote and this one opens with one).
Speakers are registry entities where a mention lies in the subject (a person before an
organisation before a place), else a capitalised name, a description (`the source`) or a
pronoun resolved to the last person (he, she) or organisation (it, they) named before.
Quote marks are masked while looking, so a name inside a quote is never its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Quote
from .entities import Mention

PAIRS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
MIN_QUOTE_CHARS = 2
MAX_WORDS_VERB_TO_QUOTE = 12  # `told cheering teachers that they weren’t “…”`
MAX_SUBJECT_WORDS = 10
MIN_UNATTRIBUTED_WORDS = 4  # `“Black Water,”` with no speaker is a song title, not a quote


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Speech verbs. Base forms and plurals that are more often nouns (`state`, `reports`,
# `claims`) are left out: `the state would be “…”` must not read as an attribution.
VERBS = _words(
    """
    said say says saying tell tells told telling add adds added adding warn warns warned warning
    stated stating describe describes described describing called calling accuse accuses accused
    accusing reported reporting insist insists insisted insisting noted noting write writes
    wrote writing argue argues argued arguing claimed claiming declare declares declared
    declaring announce announces announced announcing urge urges urged urging ask asks asked
    asking explain explains explained explaining replied replying respond responds responded
    responding acknowledge acknowledges acknowledged admit admits admitted recalled remarked
    tweeted posted vowed vowing pledged promised threaten threatens threatened demanded condemn
    condemns condemned denounce denounces denounced criticise criticises criticised criticize
    criticizes criticized labelled labeled dubbed termed branded stressed suggest suggests
    suggested predict predicts predicted confirm confirms confirmed deny denies denied continued
    concluded recounted shouted whispered written rejected rejecting dismissed dismissing
    """
)
# Not inside a compound: `so-called` is no attribution.
_VERB_RX = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")(?![\w-])"
)
_ACCORDING = re.compile(r"\baccording to\b")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d[\w.,]*", re.UNICODE)
PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "organisation"}
_FILLERS = {
    "instead",
    "just",
    "has",
    "had",
    "have",
    "also",
    "then",
    "later",
    "once",
    "again",
    "previously",
    "recently",
    "earlier",
    "further",
    "repeatedly",
    "publicly",
    "and",
    "but",
    "who",
    "would",
    "will",
    "did",
    "does",
    "was",
    "is",
    "not",
    "never",
}
_DETERMINERS = {"the", "a", "an", "one", "his", "her", "their", "its", "another", "this"}
_STOP_AFTER_DESCRIPTION = {
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "during",
    "after",
    "before",
    "from",
    "by",
    "that",
    "when",
    "while",
    "as",
    "of",
    "and",
}
# Capitalised words that are not names: a sentence's first word, days, months, titles.
_NOT_NAMES = _words(
    """
    The A An In On At But And As If When While After Before However This That These Those It He
    She They We I His Her Their Its Our Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Prime Minister President Foreign Defense Defence Secretary Minister Spokesperson
    Spokesman Spokeswoman Senator Governor Mayor General Chief Officer Director Envoy Ambassador
    King Queen Prince Sheikh Judge According State Secretary
    """
)
_NAME_SEQ = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*)(?:\s+(?:(?:de|da|del|der|van|von|al|bin|ibn|la|le|di|du|el)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w’'.-]*)*"
)
_ABBREVIATIONS = _words(
    "mr mrs ms dr gen sen rep gov lt col st jr sr prof capt sgt no vs etc inc co corp ltd"
)


@dataclass(frozen=True, slots=True)
class Span:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the paragraph's end when unclosed)

    @property
    def text_range(self) -> tuple[int, int]:
        return self.open + 1, self.close


_OPENING = re.compile('[“«„"]')


def find_spans(paragraph: str) -> list[Span]:
    """Quotation-mark pairs: curly, guillemets and straight; an unclosed quote runs to the end
    of the paragraph (a quote continued in the next paragraph has no closing mark)."""
    spans: list[Span] = []
    size = len(paragraph)
    match = _OPENING.search(paragraph)
    while match is not None:
        i = match.start()
        char = paragraph[i]
        closing = PAIRS.get(char, STRAIGHT)
        end = paragraph.find(closing, i + 1)
        if end == -1:
            end = size
        spans.append(Span(i, end))
        match = _OPENING.search(paragraph, end + 1)
    return spans


def _mask(paragraph: str, spans: list[Span]) -> str:
    """Quote interiors blanked (lengths kept), but a final . ! ? stays to end its sentence."""
    chars = list(paragraph)
    for span in spans:
        start, end = span.text_range
        for k in range(start, end):
            chars[k] = " "
        if end > start and paragraph[end - 1] in ".!?":
            chars[end - 1] = paragraph[end - 1]
    return "".join(chars)


_BOUNDARY = re.compile(r"[.!?][”\"’»)\]]*\s+(?=[“\"‘«(\[A-Z0-9À-Ý])")


def sentence_bounds(masked: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _BOUNDARY.finditer(masked):
        before = masked[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue  # `Mr. Smith`, `John F. Kennedy`
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(masked)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= index < end:
            return start, end
    return bounds[-1]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    entity: str | None
    verb: str | None


NO_SPEAKER = Speaker(None, None, None)


class _Context:
    """What one article's quotes may refer back to: mentions and earlier speakers."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.last_named: str | None = None  # the last non-registry speaker name
        self.masked = ""  # the current paragraph, quotes blanked
        self.continued: Speaker | None = None  # speaker of a quote still open at paragraph end

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


def _strip_appositive(text: str) -> str:
    """`Mayer, Disney’s chairman of …,` → `Mayer`; `Israel’s Defense Minister, Israel Katz,`
    keeps both parts (the registry settles it)."""
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and _NAME_SEQ.fullmatch(parts[0] or ""):
        return parts[0]
    return text.strip(" ,")


_POSSESSIVE = re.compile(r"(?:’s|'s|[.,’'])+$")


def _names_in(text: str) -> list[tuple[str, int, int]]:
    """Capitalised names in `text` with their spans; titles split a sequence
    (`InfoNation President Dan McDowell` → `InfoNation`, `Dan McDowell`)."""
    out = []
    for match in _NAME_SEQ.finditer(text):
        segment: list[re.Match[str]] = []
        for word in re.finditer(r"\S+", match.group(0)):
            if _POSSESSIVE.sub("", word.group(0)) in _NOT_NAMES:
                _close_name(segment, match.start(), out)
                segment = []
            else:
                segment.append(word)
        _close_name(segment, match.start(), out)
    return out


def _close_name(segment: list[re.Match[str]], base: int, out: list[tuple[str, int, int]]) -> None:
    # Possessive names (`Disney’s chairman`) are not speakers.
    if segment and not segment[-1].group(0).endswith(("’s", "'s")):
        name = " ".join(w.group(0) for w in segment)
        out.append((name, base + segment[0].start(), base + segment[-1].end()))


def _pronoun(text: str, abs_start: int, ctx: _Context, off: int) -> Speaker | bool | None:
    """The speaker a pronoun refers to: the person (he, she) or organisation (it, they) named
    last before it, in the registry or, for people, by a full name earlier in the paragraph.
    False when the subject is not a pronoun."""
    words = [w.lower().strip(",") for w in text.split()]
    words = [w for w in words if w not in _FILLERS]
    if not words or words[-1] not in PRONOUNS:
        return False
    kind = PRONOUNS[words[-1]]
    m = ctx.last_before(off + abs_start, kind)
    if kind == "person":
        before = ctx.masked[:abs_start]
        named = [n for n in _names_in(before) if " " in n[0]]
        if named and (m is None or off + named[-1][1] > m.start):
            return Speaker(named[-1][0], None, None)
    if m is not None:
        return Speaker(m.surface, m.entity.name, None)
    if kind == "person" and ctx.last_named:
        return Speaker(ctx.last_named, None, None)
    return None


def _description(text: str) -> Speaker | None:
    """`the source`, `an officer`, `a spokesperson`: a speaker described, not named."""
    words = text.split()
    for i, word in enumerate(words):
        if word.strip(",").lower() in _DETERMINERS:
            phrase: list[str] = []
            for w in words[i : i + 5]:
                if w.strip(",").lower() in _STOP_AFTER_DESCRIPTION and phrase:
                    break
                phrase.append(w.strip(","))
                if w.endswith(","):
                    break
            if len(phrase) >= 2:
                return Speaker(" ".join(phrase), None, None)
    return None


def _by_kind(mentions: list[Mention], last: bool) -> Speaker | None:
    for kind in ("person", "organisation", "place"):
        of_kind = [m for m in mentions if m.entity.kind == kind]
        if of_kind:
            m = of_kind[-1] if last else of_kind[0]
            return Speaker(m.surface, m.entity.name, None)
    return None


def _slot_start(text: str, words: int = 4) -> int:
    """Where the last `words` words (fillers aside) of `text` begin: the subject's place just
    before a verb. A name further back is part of another clause."""
    found = [m for m in re.finditer(r"\S+", text) if m.group(0).lower().strip(",") not in _FILLERS]
    return found[-words].start() if len(found) >= words else 0


def _resolve_subject(
    text: str, abs_start: int, ctx: _Context, off: int, mode: str
) -> Speaker | None:
    """The speaker named in an attribution's subject.

    mode "object": after the verb (`said Oza`); "after": between the quote and the verb
    (`Mayer, Disney’s chairman, said`); "before": from the sentence's start to the verb
    (`Egyptian Foreign Ministry spokesperson Tamim Khallaf described`).
    """
    mentions = ctx.mentions_in(off + abs_start, off + abs_start + len(text))
    people = [m for m in mentions if m.entity.kind == "person"]
    if people:  # a registry person anywhere in the subject (appositions can be long)
        m = people[0] if mode == "object" else people[-1]
        return Speaker(m.surface, m.entity.name, None)
    if mode == "after" and "," in text:
        head = _names_in(text.split(",", 1)[0])
        if head:  # `Mayer, Disney’s chairman of …,`: the name before the apposition speaks
            return Speaker(head[-1][0], None, None)
    if mode == "before":
        # `In May, Zippy Duvall, the president of the Farm Bureau, said`: skip the apposition,
        # then only the last few words can be the subject (`people say` is not `TV` saying).
        apposition = re.search(r",[^,]*,\s*$", text)
        head = (
            text[: apposition.start()]
            if apposition and text[: apposition.start()].strip()
            else text
        )
        first = _slot_start(head)
        mentions = [m for m in mentions if m.end - off - abs_start > first]
        mentions = [m for m in mentions if m.start - off - abs_start < len(head)]
        text = head
    else:
        first = 0
    found = _by_kind(mentions, last=mode != "object")
    if found:
        return found
    pronoun = _pronoun(text, abs_start, ctx, off)
    if pronoun is not False:
        return pronoun  # type: ignore[return-value]
    names = [n for n in _names_in(text) if n[2] > first]
    if names:
        return Speaker(names[0][0] if mode == "object" else names[-1][0], None, None)
    return _description(text[first:])


def _after(masked: str, span: Span, sentence_end: int) -> tuple[str, int]:
    start = min(span.close + 1, len(masked))
    return masked[start:sentence_end], start


def _trailing(
    paragraph: str, masked: str, span: Span, sentence: tuple[int, int], ctx: _Context, off: int
) -> Speaker | None:
    """`“…,” Meshaal said.` / `“…,” said Oza.` / `“…,” according to the ministry.`"""
    last_inside = paragraph[span.close - 1] if span.close > span.open + 1 else ""
    if last_inside == "." or span.close >= len(paragraph):
        return None  # the quote ended its sentence; what follows is a new one
    end = sentence[1]
    if last_inside in "?!" and end <= span.close + 2:
        # `“…Kentucky!” Trump tweeted.`: the mark ended a sentence only typographically.
        end = masked.find(".", span.close) + 1 or len(masked)
    text, start = _after(masked, span, end)
    # Only up to the next quote or the end of the clause.
    cut = len(text)
    for stop in ("“", '"', "«", ";", "."):
        pos = text.find(stop)
        if 0 <= pos < cut and not (stop == "." and _is_abbreviation_dot(text, pos)):
            cut = pos
    clause = text[:cut]
    according = _ACCORDING.search(clause)
    if according and not clause[: according.start()].strip(" ,—–"):
        subject = clause[according.end() :]
        found = _resolve_subject(subject, start + according.end(), ctx, off, mode="object")
        return Speaker(found.name, found.entity, "according to") if found else None
    verb = _VERB_RX.search(clause)
    if verb is None:
        return None
    before = clause[: verb.start()]
    if not before.strip(" ,—–"):
        # `said Oza`, `said the source`: the subject follows the verb.
        obj = clause[verb.end() :]
        obj = re.split(r"[,;:]", obj, maxsplit=1)[0]
        found = _resolve_subject(obj, start + verb.end(), ctx, off, mode="object")
        return Speaker(found.name, found.entity, verb.group(1)) if found else None
    first_word = before.strip(" ,—–").split()[0]
    if first_word[:1].islower() and first_word.lower() not in PRONOUNS.keys() | _DETERMINERS:
        return None  # `… and analysts told`, `… at the release, adding`: another clause
    bare = _strip_appositive(before)
    if len([w for w in bare.split() if w.lower() not in _FILLERS]) > MAX_SUBJECT_WORDS:
        return None
    found = _resolve_subject(before, start, ctx, off, mode="after")
    return Speaker(found.name, found.entity, verb.group(1)) if found else None


def _is_abbreviation_dot(text: str, pos: int) -> bool:
    """`Mr.`, `U.S.`, `F.`: a dot that does not end the clause."""
    words = text[:pos].split()
    last = words[-1] if words else ""
    letters = last.replace(".", "")
    return last.lower() in _ABBREVIATIONS or (
        letters.isalpha() and letters.isupper() and (len(letters) == 1 or "." in last)
    )


def _preceding(
    masked: str, span: Span, sentence: tuple[int, int], ctx: _Context, off: int
) -> Speaker | None:
    """`Katz warned: “…”`, `Khallaf described Israel’s actions as a “blatant violation”`."""
    prefix = masked[sentence[0] : span.open]
    verbs = list(_VERB_RX.finditer(prefix))
    if not verbs:
        return None
    verb = verbs[-1]
    between = prefix[verb.end() :]
    if len(_WORD.findall(between)) > MAX_WORDS_VERB_TO_QUOTE:
        return None
    subject = prefix[: verb.start()]
    found = _resolve_subject(subject, sentence[0], ctx, off, mode="before")
    if found is None:
        return None
    return Speaker(found.name, found.entity, verb.group(1))


def _is_partial(quote: str, masked: str, span: Span, sentence_start: int) -> bool:
    """Part of a sentence (`as a “blatant violation”`), not a whole utterance."""
    before = masked[sentence_start : span.open].rstrip()
    if not before or before.endswith((":", ",", "—", "–", "”", '"')):
        return False  # opens the sentence, or follows `she said,` (a split quote goes on)
    first = next((c for c in quote if c.isalpha() or c.isdigit()), "")
    if first and not first.isupper() and not first.isdigit():
        return True
    words = quote.split()
    return len(words) <= 3 and not quote.rstrip().endswith((".", "!", "?", ","))


def extract_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Every direct quote in `text` (paragraphs separated by blank lines), in order."""
    ctx = _Context(mentions)
    out: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        out.extend(_paragraph_quotes(paragraph, offset, ctx))
        offset += len(paragraph) + 2
    return out


def _paragraph_quotes(paragraph: str, offset: int, ctx: _Context) -> list[Quote]:
    spans = [s for s in find_spans(paragraph) if _worth_keeping(paragraph, s)]
    # A quote left open at the end of the last paragraph goes on in this one if it opens it.
    continued, ctx.continued = ctx.continued, None
    if not spans:
        return []
    masked = _mask(paragraph, spans)
    ctx.masked = masked
    bounds = sentence_bounds(masked)
    out: list[Quote] = []
    previous: Speaker | None = continued if spans[0].open == 0 else None
    for span in spans:
        start, end = span.text_range
        quote = paragraph[start:end].strip()  # still a substring; the front matter strips too
        sentence = _sentence_of(bounds, span.open)
        partial = _is_partial(quote, masked, span, sentence[0])
        speaker = _trailing(paragraph, masked, span, sentence, ctx, offset) or _preceding(
            masked, span, sentence, ctx, offset
        )
        if speaker is None and not partial and previous is not None:
            # `“A,” she said. “B.”`: B goes on with the same speaker.
            speaker = previous
        if speaker is None and (partial or len(quote.split()) < MIN_UNATTRIBUTED_WORDS):
            continue  # words in quotation marks with no one saying them: a scare quote, a title
        speaker = speaker or NO_SPEAKER
        if speaker.name and not speaker.entity and speaker.name[:1].isupper():
            ctx.last_named = speaker.name
        out.append(
            Quote(
                text=quote,
                speaker=speaker.name,
                entity=speaker.entity,
                verb=speaker.verb,
                kind="partial" if partial else "full",
            )
        )
        if speaker.name:
            previous = speaker
            if span.close >= len(paragraph):
                ctx.continued = speaker
    return out


def _worth_keeping(paragraph: str, span: Span) -> bool:
    start, end = span.text_range
    quote = paragraph[start:end]
    return len(quote.strip()) >= MIN_QUOTE_CHARS and any(c.isalpha() for c in quote)
