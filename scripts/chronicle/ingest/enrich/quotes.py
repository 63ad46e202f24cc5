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
organisation before a place), else a capitalised name (roles such as `CEO` stripped), a
description (`the source`, `Steve Witkoff’s deputy`) or a pronoun resolved to the last person
(he, she) or organisation (it, they) named before. A speaker must look like a name or a described
person: a time (`this week`), a number (`Fifty-one percent`), a nationality (`Syrian`), a name
that only qualifies a noun, a possessor or the object of a verb or preposition is none, and an
unknown speaker is better than an invented one. After a comma, a participle (`…, telling them
“…”`) or a verb after `and` speaks for the sentence's subject.
Quote marks are masked while looking, so a name inside a quote is never its speaker. Single
curly quotes (‘…’) count only where they clearly delimit a quote (’ is also the apostrophe), and
only with a speaker (unattributed, they are titles).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from chronicle.archive.model import Quote
from chronicle.ingest.enrich.entities import Mention
from chronicle.ingest.enrich.suggest import ORG_WORDS

PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "»": "«", "‹": "›"}
# `„…”` (and `„…"`) close too; `»…«` and `‹…›` only where their closing mark follows.
_LOW_CLOSERS = '“”"'
_GUILLEMETS_REVERSED = "»‹"
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


def _char_class(keep: Callable[[str], bool]) -> str:
    """The BMP characters for which `keep(char)` holds, as the inside of a regex class."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if keep(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return "".join(parts)


# A name may start with any capital (`Ḥamas`, `Łukasz`) and carry accents written as combining
# marks (`Me` + U+0301 `shaal`), which `\w` does not match: without them a name breaks at the
# accent and `Me` would be a speaker.
_UPPER = _char_class(lambda c: c.isupper())
_MARK = _char_class(lambda c: unicodedata.combining(c) != 0)
_NAME_CHARS = rf"[\w{_MARK}’'.-]"
_WORD = re.compile(rf"[^\W\d_]{_NAME_CHARS}*|\d[\w.,]*", re.UNICODE)
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
# Capitalised words that are not names: a sentence's first word, days, months, titles and
# roles (`CEO Tim Cook` is Tim Cook: the role is not part of the name).
_NOT_NAMES = _words(
    """
    The A An In On At But And As If When While After Before However This That These Those It He
    She They We I His Her Their Its Our Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Prime Minister President Foreign Defense Defence Secretary Minister Spokesperson
    Spokesman Spokeswoman Senator Governor Mayor General Chief Officer Director Envoy Ambassador
    King Queen Prince Sheikh Judge According State Secretary
    Yet Although Though During Both Still Meanwhile Since Because Despite Until Even Also Then
    Now Asked Later Earlier Today Tonight Yesterday Tomorrow Last Next Many Some Most Several
    CEO CFO COO CTO Co-CEO Chairman Chairwoman Chairperson Chair Founder Co-founder Cofounder
    Administrator Commissioner Chancellor Premier Deputy Vice Executive Manager Coach Leader
    Professor Prof Sir Lord Lady Rabbi Pope Cardinal Bishop Reverend Rev Detective Sheriff
    Lieutenant Lt Colonel Col Sergeant Sgt Captain Capt Commander Cmdr Admiral Adm Gen Sen Rep
    Representative Congressman Congresswoman Councillor Councilman Councilwoman Inspector
    Superintendent Over Under For From With Without By Through Among Amid Against Across Around
    Into Upon Like Unlike To Of Or Nor So Not No All Every Each Any There Here What Who Why How
    Where Let
    """
)
# Nationality adjectives: `Syrian` alone is never a speaker (`Syrian officials said`).
NATIONALITIES = _words(
    """
    Afghan African American Arab Argentine Armenian Asian Australian Austrian Bangladeshi
    Belgian Brazilian British Bulgarian Burmese Canadian Chinese Colombian Congolese Croatian
    Cuban Czech Danish Dutch Egyptian Emirati English Ethiopian European Filipino Finnish French
    Georgian German Greek Hungarian Indian Indonesian Iranian Iraqi Irish Israeli Italian
    Japanese Jewish Jordanian Kenyan Korean Kurdish Kuwaiti Lebanese Libyan Malaysian Mexican
    Moroccan Nigerian Norwegian Omani Pakistani Palestinian Persian Peruvian Polish Portuguese
    Qatari Romanian Russian Saudi Scottish Serbian Somali Spanish Sudanese Swedish Swiss Syrian
    Taiwanese Thai Tunisian Turkish Ukrainian Venezuelan Vietnamese Welsh Yemeni
    """
)
# `Fifty-one percent say` is a number of people, not someone named Fifty-one.
_NUMBERS = _words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion dozen dozens half
    """
)
# Time expressions are when something was said, never who said it (`this week`, `a talk
# Tuesday`).
_TIME_WORDS = _words(
    """
    today tonight yesterday tomorrow morning afternoon evening night day days week weeks weekend
    month months year years decade season hour hours minute minutes moment time earlier later
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """
)
_NAME_SEQ = re.compile(
    rf"(?:[{_UPPER}]{_NAME_CHARS}*)(?:\s+(?:(?:de|da|del|der|van|von|al|bin|ibn|la|le|di|du|el)\s+)?"
    rf"[{_UPPER}]{_NAME_CHARS}*)*"
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


_OPENING = re.compile('[“«„"‘»‹]')
# ’ is also the apostrophe, so single quotes count only where they clearly delimit a quote:
# ‘ opens after a space, a dash or a bracket and before a letter (not `‘90s`, `‘em`), and ’
# closes after a non-space and not inside a word (`don’t`). An unclosed ‘ is no quote.
_SINGLE_CLOSE = re.compile(r"(?<=\S)’(?![^\W_])")
_ELISION = re.compile(r"(?:em|til|cause|tis|twas|n)(?![^\W_])", re.IGNORECASE)


def _opens_single(paragraph: str, i: int) -> bool:
    before = paragraph[i - 1] if i else " "
    after = paragraph[i + 1 : i + 2]
    return (
        (before.isspace() or before in '([—–“"')
        and after.isalpha()
        and not _ELISION.match(paragraph, i + 1)
    )


def _close_of(paragraph: str, i: int) -> int | None:
    """Where the quote opened at `i` closes; the paragraph's end when a double mark is left
    open, None when `i` opens no quote."""
    char = paragraph[i]
    if char == "‘":
        close = _SINGLE_CLOSE.search(paragraph, i + 1) if _opens_single(paragraph, i) else None
        return close.start() if close else None
    if char == "„":
        ends = [e for e in (paragraph.find(c, i + 1) for c in _LOW_CLOSERS) if e != -1]
        return min(ends) if ends else len(paragraph)
    end = paragraph.find(PAIRS.get(char, STRAIGHT), i + 1)
    if end == -1 and char in _GUILLEMETS_REVERSED:
        return None
    return len(paragraph) if end == -1 else end


def find_spans(paragraph: str) -> list[Span]:
    """Quotation-mark pairs: curly (double, or single where they clearly delimit a quote),
    guillemets and straight; an unclosed double quote runs to the end of the paragraph (a quote
    continued in the next paragraph has no closing mark)."""
    spans: list[Span] = []
    match = _OPENING.search(paragraph)
    while match is not None:
        i = match.start()
        end = _close_of(paragraph, i)
        if end is None:
            match = _OPENING.search(paragraph, i + 1)
            continue
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


_BOUNDARY = re.compile(rf"[.!?][”“\"’»«›)\]]*\s+(?=[“\"‘«„»‹(\[0-9{_UPPER}])")


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
        self.paragraph_speaker: Speaker | None = None  # the last speaker in this paragraph
        self.language: str | None = None  # de, fr, es, pt: that language's attributions too
        self.read: list[str] = []  # earlier paragraphs, for the surnames of names in them
        self._surnames: set[str] = set()
        self._scanned = 0

    def surnames(self) -> set[str]:
        """Last words of full names in earlier paragraphs; read only when a pronoun asks (most
        paragraphs never do, and reading names costs more than finding quotes)."""
        for paragraph in self.read[self._scanned :]:
            self._surnames |= _surnames(_names_in(paragraph))
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


def _strip_appositive(text: str) -> str:
    """`Mayer, Disney’s chairman of …,` → `Mayer`; `Israel’s Defense Minister, Israel Katz,`
    keeps both parts (the registry settles it)."""
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and _NAME_SEQ.fullmatch(parts[0] or ""):
        return parts[0]
    return text.strip(" ,")


_POSSESSIVE = re.compile(r"(?:’s|'s|[.,’'])+$")
_POSSESSOR = re.compile(r"(?:’s|'s|’|')(?=\s)")  # `Witkoff’s deputy`, `Hamas’ leaders`
_SELF = _words("himself herself themselves itself")


def _not_a_name_word(word: str) -> bool:
    bare = _POSSESSIVE.sub("", word)
    return bare in _NOT_NAMES or all(part in _NUMBERS for part in bare.lower().split("-"))


def _names_in(text: str) -> list[tuple[str, int, int]]:
    """Capitalised names in `text` with their spans; titles and roles split a sequence
    (`InfoNation President Dan McDowell` → `InfoNation`, `Dan McDowell`)."""
    out = []
    for match in _NAME_SEQ.finditer(text):
        segment: list[re.Match[str]] = []
        for word in re.finditer(r"\S+", match.group(0)):
            if _not_a_name_word(word.group(0)):
                _close_name(segment, match.start(), out)
                segment = []
            else:
                segment.append(word)
        _close_name(segment, match.start(), out)
    return out


def _close_name(segment: list[re.Match[str]], base: int, out: list[tuple[str, int, int]]) -> None:
    # Possessive names (`Disney’s chairman`) and a nationality alone (`Syrian`) are not speakers.
    if not segment or segment[-1].group(0).endswith(("’s", "'s", "’", "'")):
        return
    name = " ".join(w.group(0) for w in segment)
    if name.rstrip(".,") not in NATIONALITIES:
        out.append((name, base + segment[0].start(), base + segment[-1].end()))


def _heads_phrase(tail: str) -> bool:
    """Whether a name followed by `tail` is the head of its phrase, not a modifier of the noun
    after it (`Fifty-one percent`, `Syrian defense ministries`): only punctuation, a filler, an
    adverb, a preposition or a time (`Trump on Tuesday said`) may follow it."""
    match = re.match(r"\s*([^\W\d_][\w’'-]*)", tail)
    if match is None or tail[: match.start(1)].strip():
        return True  # the end, or punctuation first (`Mayer, Disney’s chairman`)
    word = match.group(1)
    return (
        not word[:1].islower()
        or word.endswith("ly")
        or word in _FILLERS | _STOP_AFTER_DESCRIPTION | _TIME_WORDS | _SELF | VERBS
        or word in ("last", "this", "next")
    )


# Words after which a name only qualifies a noun (`the US President`, `InfoNation President`)
# though they are capitalised.
_NOT_ROLES = {w.lower() for w in _NOT_NAMES} & (
    _TIME_WORDS | _FILLERS | _STOP_AFTER_DESCRIPTION | set(PRONOUNS) | _DETERMINERS
)


def _qualifies(tail: str) -> bool:
    """Whether a name followed by `tail` only qualifies the noun after it: `the US President`,
    `a White House spokesperson`, `US officials`. The described person speaks, not the place
    or organisation named."""
    if not _heads_phrase(tail):
        return True
    match = re.match(r"\s+([^\W\d_][\w’'-]*)", tail)
    if match is None:
        return False
    word = _POSSESSIVE.sub("", match.group(1))
    return word in _NOT_NAMES and word.lower() not in _NOT_ROLES and word[:1].isupper()


def _qualified(text: str, start: int) -> Speaker | None:
    """`US officials`, `White House spokesperson`: the noun a name at `start` qualifies, as a
    description (with its determiner), when a noun follows the name."""
    words = list(re.finditer(r"\S+", text))
    at = next((i for i, w in enumerate(words) if w.start() <= start < w.end()), None)
    if at is None:
        return None
    begin = at - 1 if at and words[at - 1].group(0).lower() in _DETERMINERS else at
    phrase = [w.group(0) for w in words[begin : at + 1]]
    for w in words[at + 1 : at + 6]:
        bare = w.group(0).strip(",").lower()
        if bare in _END_DESCRIPTION | _FILLERS or not bare.isalpha():
            break
        phrase.append(w.group(0).strip(","))
        if w.group(0).endswith(","):
            break
    if len(phrase) - (at - begin) < 2:
        return None
    return Speaker(" ".join(phrase), None, None)


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
        before = _names_in(ctx.masked[:abs_start])
        surnames = ctx.surnames() | _surnames(before)
        named = [n for n in before if _may_be_person(n[0], surnames)]
        if named and (m is None or off + named[-1][1] > m.start):
            return Speaker(named[-1][0], None, None)
    if m is not None:
        return Speaker(m.surface, m.entity.name, None)
    if kind == "person" and ctx.last_named:
        return Speaker(ctx.last_named, None, None)
    return None


# A name or description right after a preposition is its object, not a subject.
_PREPOSITIONS = _words(
    "in on at to for with during after before from by of about into over under through against "
    "between among despite without within like than toward towards upon across behind beyond near"
)
# A description ends before a clause (`who`, `which`) or a verb.
_END_DESCRIPTION = _STOP_AFTER_DESCRIPTION | VERBS | _words("who whose which where")


def _surnames(names: list[tuple[str, int, int]]) -> set[str]:
    """Last words of what look like people's full names: two to four words, none of them an
    organisation's (`White House National Security Council Ukraine` gives no `Ukraine`)."""
    out = set()
    for name, _start, _end in names:
        words = name.split()
        if 2 <= len(words) <= 4 and not any(w.lower() in ORG_WORDS for w in words):
            out.add(words[-1])
    return out


def _may_be_person(name: str, surnames: set[str]) -> bool:
    """What `he` or `she` may refer to: a full name (`Gordon Sondland`) or the surname of one
    named before (`Sondland`), not an organisation (`American Farm Bureau`)."""
    last = name.split()[-1]
    return (" " in name or name in surnames) and last.lower() not in ORG_WORDS


def _describes(word: str) -> bool:
    """A word that starts a description: a determiner (`this` describes times and things, not
    speakers), or a possessive name (`Witkoff’s`, not `There’s`)."""
    bare = word.strip(",")
    if bare.lower() in _DETERMINERS:
        return bare.lower() != "this"
    return (
        bare[:1].isupper()
        and bare.endswith(("’s", "'s"))
        and not _not_a_name_word(bare[:-2])
        and bare[:-2].lower() not in PRONOUNS
    )


def _description(text: str, at_start: bool = False) -> Speaker | None:
    """`the source`, `an officer`, `Steve Witkoff’s deputy`: a speaker described, not named.
    Not a time (`this week`), and it ends at a past participle or verb (`The victim’s mother
    testified`); `at_start`: only at the first word (after a verb: `said the source`)."""
    words = text.split()
    for i, word in enumerate(words):
        if not _describes(word) or (i and words[i - 1].lower() in _PREPOSITIONS):
            continue  # `During the call`: the object of a preposition
        begin = i
        while word[:1].isupper() and begin > 0 and words[begin - 1][:1].isupper():
            if words[begin - 1].endswith(","):
                break
            begin -= 1  # the rest of the possessor's name: `Steve Witkoff’s`
        if at_start and begin > 0:
            return None
        phrase: list[str] = words[begin:i]
        for w in words[i : i + 5]:
            bare = w.strip(",").lower()
            if phrase and (
                bare in _END_DESCRIPTION
                or not any(c.isalpha() for c in bare)  # a dash, a masked quote
                or (len(phrase) >= 2 and bare.endswith("ed"))
            ):
                break
            phrase.append(w.strip(","))
            if w.endswith(","):
                break
        if any(w.lower().strip(".") in _TIME_WORDS for w in phrase):
            return None
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


_CLAUSE_WORDS = frozenset(PRONOUNS) | _words("i we you that")


def _lead_end(text: str, words: int = 5) -> int:
    """Where the speaker's place after a verb ends: within its first `words` words
    (`says veteran industry analyst Ken Doctor`) and before a pronoun or a verb starts a clause
    of its own (`saying he trusted the Israeli courts`: the courts are part of what was said)."""
    found = list(re.finditer(r"\S+", text))[:words]
    for match in found:
        word = match.group(0).strip(",").lower()
        if word in _CLAUSE_WORDS or word in VERBS:
            return match.start()
    return found[-1].end() if found else 0


def _speaking_mentions(text: str, abs_start: int, ctx: _Context, off: int) -> list[Mention]:
    """Registry mentions in `text`, without possessors: `Steve Witkoff’s deputy` is not
    Witkoff, `Hamas’ leaders` not Hamas."""
    mentions = ctx.mentions_in(off + abs_start, off + abs_start + len(text))
    return [m for m in mentions if not _POSSESSOR.match(ctx.masked, m.end - off)]


def _resolve_subject(
    text: str, abs_start: int, ctx: _Context, off: int, mode: str
) -> Speaker | None:
    """The speaker named in an attribution's subject.

    mode "object": after the verb (`said Oza`); "after": between the quote and the verb
    (`Mayer, Disney’s chairman, said`); "before": from the sentence's start to the verb
    (`Egyptian Foreign Ministry spokesperson Tamim Khallaf described`).
    A speaker must look like a name or a described person: a time, a number, a nationality,
    a name that only modifies a noun after it, or a possessor is none, and then it is unknown.
    """
    mentions = _speaking_mentions(text, abs_start, ctx, off)
    qualifiers = [m for m in mentions if _qualifies(ctx.masked[m.end - off :])]
    mentions = [m for m in mentions if m not in qualifiers]
    if mode != "object":  # `The US ambassador to the UN warned`: the UN is no subject
        mentions = [m for m in mentions if not _after_preposition(text, m.start - off - abs_start)]
    if mode == "object":
        lead = _lead_end(text)
        mentions = [m for m in mentions if m.start - off - abs_start < lead]
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
        head = _without_appositions(text)
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
    names = [
        n
        for n in _names_in(text)
        if n[2] > first
        and not _qualifies(text[n[2] :])
        and (mode == "object" or not _after_preposition(text, n[1]))
    ]
    if mode == "object":
        names = _first_chain([n for n in names if n[1] < _lead_end(text)], text)
    if names:
        return Speaker(names[0][0] if mode == "object" else names[-1][0], None, None)
    described = _description(text[first:], at_start=mode == "object")
    if described is None and qualifiers:
        # `US officials said`: the officials, described, not the United States.
        q = qualifiers[0] if mode == "object" else qualifiers[-1]
        at = q.start - off - abs_start
        if at >= first and (mode != "object" or at < _lead_end(text)):
            described = _qualified(text, at)
    return described


def _without_appositions(text: str) -> str:
    """`In May, Zippy Duvall, the president of the Farm Bureau,` → `In May, Zippy Duvall`: the
    last comma-enclosed part goes, and so do those before it that describe (`Omar Lamrani, a
    senior analyst at Stratfor, the Texas-based firm,`: each starts with `a`, `the` or a role)."""
    apposition = re.search(r",[^,]*,\s*$", text)
    if not apposition or not text[: apposition.start()].strip():
        return text
    head = text[: apposition.start()]
    while "," in head:
        rest, last = head.rsplit(",", 1)
        words = last.split()
        if not rest.strip() or not words:
            break
        if words[0].lower() not in _DETERMINERS and not _not_a_name_word(words[0]):
            break
        if not _ends_with_subject_name(rest):
            break  # `On Monday, the People’s Daily`: the described part is the subject
        head = rest
    return head


def _ends_with_subject_name(text: str) -> bool:
    names = _names_in(text)
    return (
        bool(names)
        and names[-1][2] == len(text.rstrip())
        and not _after_preposition(text, names[-1][1])
    )


def _after_preposition(text: str, start: int) -> bool:
    """`China’s ambassador to Britain accused`: Britain is the object of `to`, not the subject
    (`with` aside: `with Hamas stating` makes Hamas the one stating)."""
    before = text[:start].split()
    if len(before) >= 2 and before[-1].lower() in _DETERMINERS:
        before.pop()  # `to the UN`
    return bool(before) and before[-1].lower() in _PREPOSITIONS - {"with"}


def _first_chain(names: list[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    """From `SciSpacE Team Leader Jennifer Ngo-Anh` (two names split by a role), the person:
    the last name of the first run that only roles separate."""
    run = names[:1]
    for name in names[1:]:
        between = text[run[-1][2] : name[1]].split()
        if not all(_not_a_name_word(w) for w in between):
            break
        run = [name]
    return run


def _main_subject(text: str, abs_start: int, ctx: _Context, off: int) -> Speaker | None:
    """`Boudreau gave his players a pep talk, telling them to “…”`: who does the telling is
    the subject of the sentence, not the words just before the comma: the subject of its first
    speech verb (`Liu said that …, warning`), a registry person in it, or what opens it."""
    verb = _VERB_RX.search(text)
    if verb is not None:
        return _resolve_subject(text[: verb.start()], abs_start, ctx, off, mode="before")
    mentions = _speaking_mentions(text, abs_start, ctx, off)
    people = [m for m in mentions if m.entity.kind == "person"]
    if people:
        return Speaker(people[0].surface, people[0].entity.name, None)
    words = text.split()
    lead = text.find(words[0]) if words else 0
    at_start = [m for m in mentions if m.start - off - abs_start == lead]
    if at_start:
        return Speaker(at_start[0].surface, at_start[0].entity.name, None)
    names = _names_in(text)
    if names and names[0][1] == lead and len(words) > 1 and words[1] not in _DETERMINERS:
        return Speaker(names[0][0], None, None)  # `Over the course of …` is no name
    if words and words[0].lower() in PRONOUNS:
        return _pronoun(words[0], abs_start, ctx, off) or None
    return _description(text, at_start=True)


_SEPARATORS = ",?!—–-…"


def _separated(quote: str, after: str) -> bool:
    """Whether a comma, dash, ? or ! ends the quote or follows it (`“…,” she said`)."""
    last = quote.rstrip(" ’'\"”»")[-1:]
    return last in _SEPARATORS or after.lstrip()[:1] in _SEPARATORS


def _after(masked: str, span: Span, sentence_end: int) -> tuple[str, int]:
    start = min(span.close + 1, len(masked))
    return masked[start:sentence_end], start


def _trailing(
    paragraph: str,
    masked: str,
    span: Span,
    sentence: tuple[int, int],
    ctx: _Context,
    off: int,
    partial: bool,
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
    if partial and not _separated(paragraph[span.open + 1 : span.close], text):
        # `“patched” the software as the company continued`: with no comma or dash between,
        # the words after a partial quote go on with the writer's sentence.
        return None
    # Only up to the next quote or the end of the clause.
    cut = len(text)
    for stop in ("“", '"', "«", "‘", "„", "»", "‹", ";", "."):
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
    if not before.strip(" ,—–") and verb.group(1).endswith("ing"):
        # `Pompeo said it was “…”, saying he trusted`: the sentence's subject goes on speaking.
        found = _main_subject(masked[sentence[0] : span.open], sentence[0], ctx, off)
        return Speaker(found.name, found.entity, verb.group(1)) if found else None
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
    last_word = subject.split()[-1].lower() if subject.split() else ""
    if (verb.group(1).endswith("ing") and last_word.endswith(",")) or last_word in ("and", "but"):
        # `…, telling them “…”`, `… and added “…”`: the sentence's subject goes on speaking.
        found = _main_subject(subject, sentence[0], ctx, off)
    else:
        found = _resolve_subject(subject, sentence[0], ctx, off, mode="before")
    if found is None:
        return None
    return Speaker(found.name, found.entity, verb.group(1))


def _is_partial(quote: str, masked: str, span: Span, sentence_start: int) -> bool:
    """Part of a sentence (`as a “blatant violation”`), not a whole utterance."""
    before = masked[sentence_start : span.open].rstrip()
    if not before or before.endswith((":", ",", "—", "–", "”", '"', "’")):
        return False  # opens the sentence, or follows `she said,` (a split quote goes on)
    first = next((c for c in quote if c.isalpha() or c.isdigit()), "")
    if first and not first.isupper() and not first.isdigit():
        return True
    words = quote.split()
    return len(words) <= 3 and not quote.rstrip().endswith((".", "!", "?", ","))


def extract_quotes(text: str, mentions: list[Mention], language: str | None = None) -> list[Quote]:
    """Every direct quote in `text` (paragraphs separated by blank lines), in order.
    `language` (else guessed from the text's common words) adds German, French, Spanish or
    Portuguese attributions."""
    ctx = _Context(mentions)
    lang = (language or "")[:2].lower() or guess_language(text)
    ctx.language = lang if lang in _FOREIGN_VERBS else None
    out: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        out.extend(_paragraph_quotes(paragraph, offset, ctx))
        ctx.read.append(paragraph)
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
    ctx.paragraph_speaker = previous
    lang = ctx.language
    for span in spans:
        start, end = span.text_range
        quote = paragraph[start:end].strip()  # still a substring; the front matter strips too
        sentence = _sentence_of(bounds, span.open)
        partial = _is_partial(quote, masked, span, sentence[0])
        speaker = None
        if lang is not None:
            speaker = _foreign_trailing(
                paragraph, masked, span, ctx, offset, lang
            ) or _foreign_preceding(masked, span, sentence, ctx, offset, lang)
        speaker = (
            speaker
            or _trailing(paragraph, masked, span, sentence, ctx, offset, partial)
            or _preceding(masked, span, sentence, ctx, offset)
        )
        if speaker is None and not partial and previous is not None:
            # `“A,” she said. “B.”`: B goes on with the same speaker.
            speaker = previous
        if speaker is None and (
            partial or len(quote.split()) < MIN_UNATTRIBUTED_WORDS or paragraph[span.open] == "‘"
        ):
            # Words in quotation marks with no one saying them: a scare quote, a title (in
            # single marks, `the theme ‘The Medium is the Message’`, always one).
            continue
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
            previous = ctx.paragraph_speaker = speaker
            if span.close >= len(paragraph):
                ctx.continued = speaker
    return out


def _worth_keeping(paragraph: str, span: Span) -> bool:
    start, end = span.text_range
    quote = paragraph[start:end]
    if paragraph[span.open] == "‘" and "‘" in quote:
        return False  # a mark mistyped or left open: `‘Jewels after Jewels ‘ and …’`
    return len(quote.strip()) >= MIN_QUOTE_CHARS and any(c.isalpha() for c in quote)


# --- German, French, Spanish and Portuguese ------------------------------------------------
# After a quote these languages put the verb first (`„…“, sagte der Minister.`, `« … », a
# déclaré Macron.`, `“…”, dijo el presidente.`); before one, a colon ends the attribution
# (`Kohlmann sagte: „…“`). Used only where the article's words are mostly that language, and a
# speaker must be a name, a description (`der Minister`) or `er`/`il`/`elle` resolved to a person
# named just before: German capitalises every noun, so a capitalised word alone is no name.

_FOREIGN_VERBS = {
    "de": _words(
        """
        sagte sagt sagten erklärte erklärt erklärten betonte betont warnte warnt meinte meint
        ergänzte ergänzt fügte fügt schrieb schreibt berichtete berichtet kommentierte
        kommentiert unterstrich unterstreicht kritisierte kritisiert forderte fordert
        bestätigte bestätigt erläuterte erläutert versicherte versichert antwortete antwortet
        erzählte erzählt begründete begründet informierte informiert mahnte mahnt verkündete
        verkündet sprach spricht räumte räumt stellte stellt
        """
    ),
    "fr": _words(
        """
        déclare dit affirme explique ajoute souligne précise estime indique assure poursuit
        raconte confie note insiste lance martèle reconnaît rappelle observe prévient commente
        déclaré affirmé expliqué ajouté souligné précisé estimé indiqué assuré poursuivi
        raconté confié noté insisté lancé martelé reconnu rappelé observé prévenu commenté
        """
    ),
    "es": _words(
        """
        dijo dice afirmó afirma declaró declara explicó explica añadió añade agregó agrega
        aseguró asegura señaló señala indicó indica sostuvo sostiene advirtió advierte comentó
        comenta subrayó subraya destacó destaca manifestó apuntó apunta precisó insistió
        recalcó dicho afirmado declarado explicado añadido señalado asegurado indicado
        """
    ),
    "pt": _words(
        """
        disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta
        garantiu garante destacou ressaltou salientou sublinhou frisou comentou contou conta
        observou indicou alertou dito afirmado declarado explicado
        """
    ),
}
# French, Spanish and Portuguese past participles need their auxiliary (`a déclaré`, `ha dicho`).
_AUXILIARY = {
    "fr": r"(?:a|ont|a-t-il|a-t-elle)\s+",
    "es": r"(?:ha|han)\s+",
    "pt": r"(?:tem|têm)\s+",
}
_PARTICIPLE = {
    "fr": re.compile(r"(?:é|u|is|it)$"),
    "es": re.compile(r"(?:ado|ido|icho)$"),
    "pt": re.compile(r"(?:ado|ido|ito)$"),
}
# `so der CEO`, `selon le ministre`, `según el ministerio`: like `according to`.
_FOREIGN_ACCORDING = {"de": "so", "fr": "selon", "es": "según", "pt": r"segundo|de acordo com"}
_FOREIGN_DETERMINERS = {
    "de": _words("der die das ein eine"),
    "fr": _words("le la les un une l’ l'"),
    "es": _words("el la los las un una"),
    "pt": _words("o a os as um uma"),
}
_FOREIGN_PRONOUNS = {"de": {"er"}, "fr": {"il", "elle"}, "es": {"él", "ella"}, "pt": {"ele", "ela"}}
# Roles before a name (`Bundeskanzler Olaf Scholz`, `Sr. García`) and times after a verb
# (`sagte am Montag`) are no names.
# Capitalised at a sentence's start, never a name: `Zum Glück`, `Dazu`, `Im Interview`.
_FOREIGN_FUNCTION_WORDS = _words(
    """
    zum zur im am beim vom ins auch doch nur so wie was wer wenn dann denn aber und oder nicht
    noch schon da dort hier jetzt heute gestern dabei damit dazu darum deshalb trotzdem nach vor
    mit bei von für gegen ohne um seit während wegen als ob ich er sie es wir ihr man mein sein
    auf aus an in unter über zu durch bis nachdem bevor weil obwohl trotz laut gemäß
    unser kein keine dies diese dieser dieses jeder jede alle viele laut
    en au aux dans pour avec sur mais et il elle ils elles on ce cette ces mon son leur depuis
    selon lors après avant chez vers pendant contre sans sous entre
    con por para pero y en su sus este esta ese esa desde tras ante sobre durante según hasta
    com em mas ele ela seu sua este esta esse essa após até segundo
    """
)
# Compound roles: `Grünen-Fraktionschefin`, `Pressesprecherin`, `Readly-CEO`.
_ROLE_ENDINGS = (
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "geschäftsführer",
    "geschäftsführerin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "ceo",
    "experte",
    "expertin",
    "trainer",
    "trainerin",
)
_FOREIGN_NOT_NAMES = _words(
    """
    Bundeskanzler Bundeskanzlerin Kanzler Kanzlerin Minister Ministerin Bundesminister
    Bundesministerin Präsident Präsidentin Chef Chefin Sprecher Sprecherin Geschäftsführer
    Geschäftsführerin Vorsitzende Vorsitzender Bürgermeister Bürgermeisterin Trainer Trainerin
    Professor Professorin Prof Prof. Dr Dr. Herr Frau M. Mme Mlle Me Sr. Sra. Sr Sra Don Doña
    Dom Dona Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März
    April Mai Juni Juli August September Oktober November Dezember Jahr Jahren Ende Anfang
    Interview Gespräch Pressekonferenz Telefon Twitter Facebook Instagram
    """
)
# Words between a verb and its subject: `sagt dazu X`, `sagte uns die Quelle`, `a encore dit X`.
_FOREIGN_FILLERS = _words(
    """
    dazu auch uns mir ihm ihr nur aber noch jetzt dann weiter zudem außerdem etwa denn heute
    gestern später abschließend daher dagegen schließlich hierzu nun mittlerweile ebenfalls
    encore aussi alors ensuite également pourtant enfin
    también además luego entonces después ya ainda também depois então já
    """
)
_LANGUAGE_WORDS = {
    "en": _words("the and is of to that with for was are this have"),
    "de": _words("der die das und ist nicht ich auch sich dem den des ein eine wird mit"),
    "fr": _words("le les et est des du une pas pour dans qui avec sur au aux ce cette"),
    "es": _words("el los las y es del una para con por como pero más"),
    "pt": _words("os é do da dos das uma não para com em mais mas ao"),
}


def guess_language(text: str) -> str | None:
    """The language most of `text`'s common words belong to (en, de, fr, es, pt), if clear.

    Not py3langid (which ingest uses for the `language` field): only these five languages have
    attribution rules here, their function words decide it as well, and this runs for every
    article on every `chronicle enrich` (0.2 ms an article against py3langid's 0.7, which would
    double the enrichment of a 10,000-article archive). Not the stored `language` either: pages
    often declare the wrong one (English pages declared German in the shared corpus)."""
    counts = dict.fromkeys(_LANGUAGE_WORDS, 0)
    for word in re.findall(r"[^\W\d_]+", text[:20000].lower()):
        for lang, words in _LANGUAGE_WORDS.items():
            if word in words:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, n), (_second, m) = ranked[0], ranked[1]
    return best if n >= 20 and n >= 2 * m else None


def _foreign_verb_rx(lang: str) -> re.Pattern[str]:
    verbs = sorted(_FOREIGN_VERBS[lang], key=len, reverse=True)
    aux = _AUXILIARY.get(lang)
    participle = _PARTICIPLE.get(lang)
    plain = "|".join(v for v in verbs if not (participle and participle.search(v)) or v == "dit")
    alts = [rf"(?:{plain})(?:-t-(?:il|elle)|-(?:il|elle))?"]
    if aux:
        participles = "|".join(v for v in verbs if participle and participle.search(v))
        alts.insert(0, rf"{aux}(?:{participles})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


_FOREIGN_VERB_RX = {lang: _foreign_verb_rx(lang) for lang in _FOREIGN_VERBS}
_FOREIGN_ACCORDING_RX = {
    lang: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")
    for lang, words in _FOREIGN_ACCORDING.items()
}
_FOREIGN_NAME = re.compile(rf"[{_UPPER}]{_NAME_CHARS}*")


def _foreign_name_run(words: list[str]) -> str | None:
    """The name that opens `words`: capitalised words (roles dropped, `de`/`von` inside),
    ending at the first other word; the last name when roles separate two
    (`Zeit Online Geschäftsführer Enrique Tarragona` → `Enrique Tarragona`)."""
    run: list[str] = []
    names: list[list[str]] = []
    for i, word in enumerate(words):
        bare = word.rstrip(",.;:")
        if (
            len(bare) == 1
            and word == bare + "."
            and bare.isupper()
            and word not in _FOREIGN_NOT_NAMES
        ):
            run.append(word)  # an initial: `Sebastian K.`, `John F. Kennedy`
            continue
        if not run and bare.lower() in _FOREIGN_FUNCTION_WORDS:
            return None
        if (
            word in _FOREIGN_NOT_NAMES
            or bare in _FOREIGN_NOT_NAMES
            or _POSSESSIVE.sub("", bare) in _NOT_NAMES
            or bare.lower().endswith(_ROLE_ENDINGS)
        ):
            if run:
                names.append(run)
                run = []
            if word[-1:] in ",;:":  # `M.`, `Dr.` go on to the name
                break
            continue
        if _FOREIGN_NAME.fullmatch(bare) or (
            run
            and bare in ("de", "da", "do", "dos", "del", "van", "von", "der", "la", "le")
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
        ):
            run.append(bare)
            if bare != word:
                break
            continue
        break
    if run:
        names.append(run)
    if not names or (len(names[-1]) == 1 and names[-1][0] in _FOREIGN_NOT_NAMES):
        return None
    return " ".join(names[-1]).rstrip(".") if len(names[-1]) == 1 else " ".join(names[-1])


def _foreign_subject(
    text: str, abs_start: int, ctx: _Context, off: int, lang: str, whole: bool = False
) -> Speaker | None:
    """The speaker named by `text` (what follows an inverted verb, or precedes a verb with
    `whole`, when it must be all of it): a registry person or organisation, a name, a
    description (`der Minister`, `el presidente Pedro Sánchez` → the name) or a pronoun."""
    cut = re.split(r"[,;:()—–]", text, maxsplit=1)[0] if not whole else text.strip(" ,")
    words = cut.split()
    skip = 0
    while skip < len(words) - 1 and skip < 3 and words[skip].lower() in _FOREIGN_FILLERS:
        skip += 1
    words = words[skip:]
    if not words:
        return None
    first = words[0].lower()
    lead = cut.find(words[0]) if skip else len(cut) - len(cut.lstrip())
    if first in _FOREIGN_PRONOUNS[lang] and (not whole or len(words) == 1):
        return _foreign_pronoun(abs_start, ctx, off)
    span_end = abs_start + len(cut)
    mentions = [
        m
        for m in ctx.mentions_in(off + abs_start + lead, off + span_end)
        if m.entity.kind in ("person", "organisation")
    ]
    if first in _FOREIGN_DETERMINERS[lang] or words[0].startswith(("l’", "l'")):
        phrase = [words[0]]
        for i, word in enumerate(words[1:6], 1):
            bare = word.rstrip(",.;")
            if not any(c.isalpha() for c in bare) or bare.lower() in _FOREIGN_FILLERS:
                break
            if phrase[-1].lower() in _OF_WORDS:
                pass  # `un integrante del Poder Ejecutivo`: the name is the described's
            elif bare[:1].isupper() and (lang != "de" or (i >= 2 and phrase[-1][:1].isupper())):
                name = _foreign_name_run(words[i:])
                person = [m for m in mentions if m.entity.kind == "person"]
                if person:
                    return Speaker(person[0].surface, person[0].entity.name, None)
                if name and (" " in name or lang == "de"):
                    return Speaker(name, None, None)  # `der Ökonom Peter Bofinger`
            if lang == "de" and (
                # `der Minister am Montag`, `die 50-Jährige über die Schwierigkeiten`
                (bare[:1].islower() and phrase[-1][:1].isupper() and bare not in ("der", "des"))
                or bare in _FOREIGN_FUNCTION_WORDS
                or bare == "gegenüber"
            ):
                break
            if lang != "de" and bare.lower() in (
                "à",
                "au",
                "en",
                "a",
                "ao",
                "em",
                "no",
                "na",
                "ante",
            ):
                break
            phrase.append(bare)
            if bare != word:
                break
        if whole and len(phrase) != len(words):
            return None
        if len(phrase) >= 2 and (lang != "de" or any(w[:1].isupper() for w in phrase[1:])):
            return Speaker(" ".join(phrase), None, None)
        return None
    at_start = [m for m in mentions if m.start == off + abs_start + lead]
    people = [m for m in mentions if m.entity.kind == "person"]
    name = _foreign_name_run(words)
    if name is None:
        return None
    if whole and len(name.split()) != len(words):
        return None
    person = [m for m in people if name.endswith(m.surface) or m.surface.endswith(name)]
    if person:
        return Speaker(person[0].surface, person[0].entity.name, None)
    org = [m for m in at_start if m.surface == name]
    if org:
        return Speaker(org[0].surface, org[0].entity.name, None)
    return Speaker(name, None, None)


_OF_WORDS = _words("de del da do dos das des du d’ d' von vom der di of")


def _foreign_pronoun(abs_start: int, ctx: _Context, off: int) -> Speaker | None:
    """`er`, `il`, `elle`: the person who spoke last in this paragraph, else a person named
    before in it: a registry person, or a full name of two or three capitalised words that opens
    a sentence (`Meinhard Schroeder (76) hat …`; not `nach Intervention Cavallos`)."""
    if ctx.paragraph_speaker is not None:
        return ctx.paragraph_speaker
    person = ctx.last_before(off + abs_start, "person")
    named = []
    for name, start, _end in _names_in(ctx.masked[:abs_start]):
        if ". " in name:  # `Biyon. Oliver Pocher`: a sentence ended inside
            cut = name.rindex(". ") + 2
            name, start = name[cut:], start + cut
        words = name.split()
        opens = not ctx.masked[:start].strip() or ctx.masked[:start].rstrip()[-1] in '.!?:“”«»"'
        if (
            opens
            and 2 <= len(words) <= 3
            and not any(
                w in _FOREIGN_NOT_NAMES
                or not w[:1].isupper()
                or _is_foreign_determiner(w)
                or w.lower() in _FOREIGN_FUNCTION_WORDS
                or w.lower().endswith(_ROLE_ENDINGS)
                for w in words
            )
        ):
            named.append((name, start))
    if named and (person is None or off + named[-1][1] > person.start):
        return Speaker(named[-1][0], None, None)
    if person is not None and person.start >= off:
        return Speaker(person.surface, person.entity.name, None)
    return None


def _is_foreign_determiner(word: str) -> bool:
    return any(word.lower() in words for words in _FOREIGN_DETERMINERS.values())


def _foreign_trailing(
    paragraph: str, masked: str, span: Span, ctx: _Context, off: int, lang: str
) -> Speaker | None:
    """`„…“, sagte der Minister.`, `« … », a déclaré Macron.`, `“…”, so der CEO.`"""
    if span.close >= len(paragraph):
        return None
    text = masked[span.close + 1 :]
    cut = len(text)
    for stop in ("“", "„", '"', "«", "»", "‹", ";", "."):
        pos = text.find(stop)
        if 0 <= pos < cut and not (stop == "." and _is_abbreviation_dot(text, pos)):
            cut = pos
    clause = text[:cut]
    stripped = clause.lstrip(" ,—–")
    lead = len(clause) - len(stripped)
    last_inside = paragraph[span.close - 1] if span.close > span.open + 1 else ""
    if "," not in clause[:lead] and last_inside not in ",?!.…":
        return None  # `als „ungeeignet“ bezeichnet`: the writer's sentence goes on
    match = _FOREIGN_ACCORDING_RX[lang].match(stripped) or _FOREIGN_VERB_RX[lang].match(stripped)
    if match is None:
        return None
    verb = match.group(0)
    start = span.close + 1 + lead + match.end()
    subject = stripped[match.end() :]
    if re.search(r"-(?:il|elle)\b", verb):
        found = _foreign_pronoun(start, ctx, off)
    else:
        found = _foreign_subject(subject, start, ctx, off, lang)
    return Speaker(found.name, found.entity, _verb_name(verb)) if found else None


def _verb_name(verb: str) -> str:
    """`a-t-il dit` → `a dit`, `dit-elle` → `dit`, `a déclaré` as it is."""
    return " ".join(re.sub(r"-(?:t-)?(?:il|elle)$", "", w) for w in verb.split())


def _foreign_preceding(
    masked: str, span: Span, sentence: tuple[int, int], ctx: _Context, off: int, lang: str
) -> Speaker | None:
    """`Kohlmann sagte: „…“`, `Dazu sagte der Minister: „…“`, `Macron a déclaré : « … »`."""
    prefix = masked[sentence[0] : span.open].rstrip()
    if not prefix.endswith(":"):
        return None
    prefix = prefix[:-1].rstrip()
    verbs = list(_FOREIGN_VERB_RX[lang].finditer(prefix))
    if not verbs:
        return None
    verb = verbs[-1]
    after = prefix[verb.end() :]
    name = _verb_name(verb.group(0))
    if re.search(r"-(?:il|elle)\b", verb.group(0)):
        found = None if after.strip() else _foreign_pronoun(sentence[0], ctx, off)
        return Speaker(found.name, found.entity, name) if found else None
    found = None
    if after.strip():
        found = _foreign_subject(after, sentence[0] + verb.end(), ctx, off, lang, whole=True)
    if found is None:  # `Katrin Göring-Eckardt sagte den Zeitungen:`
        before = prefix[: verb.start()]
        head = before.split(",", 1)[0] if re.search(r",[^,]+,\s*$", before) else before
        found = _foreign_subject(head, sentence[0], ctx, off, lang, whole=True)
    return Speaker(found.name, found.entity, name) if found else None
