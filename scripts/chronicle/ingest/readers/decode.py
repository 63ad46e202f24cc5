"""Bytes → text, refusing what is not text, and never garbling it silently.

Bytes that are not UTF-8 and declare no encoding are a guess. charset-normalizer lists the
encodings the bytes could be in, but on a short text it cannot tell them apart (its language
scores are 0) and its first choice is often an unlikely code page: a French "après" read as
cp1250 becomes "aprčs". So every candidate it lists, plus cp1252 (by far the most common legacy
encoding of Western text) and the other Windows code pages, is decoded and scored by how
plausible the result is as prose (`oddities`); the least odd wins, ties going to a reading not
explained only by a minor language's letters, then to cp1252, then to a language charset-normalizer
recognises. DOS and Mac code pages are not candidates: saved web and news text is practically never
in them, and they read Western text as other plausible-looking letters ("Façade" → "Faþade" in
cp850). The encoding assumed is reported (`EncodingAssumed`), so a curator can check the accents.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes

from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import ReaderNote

# The most a compressed input (a .html.gz, a .warc.gz) may expand to: past it, it is refused
# without being expanded further. A news page, or a web archive of a few hundred, is far smaller.
MAX_DECOMPRESSED = 200 * 1024 * 1024

WESTERN = "cp1252"
WINDOWS = ("cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258")
# Tried too: charset-normalizer leaves KOI8 out of its list for a short text, which then reads as
# half-width katakana in Shift JIS ("Прекращение огня" → "崹ﾅﾋﾒﾁﾝﾅﾎﾉﾅ ﾏﾇﾎﾑ").
CYRILLIC_LEGACY = ("koi8_r", "koi8_u")
# A word of the Cyrillic or Greek languages nearly always has a vowel: a lower-case word of three
# or more letters without one is another alphabet read in the wrong code page (Hebrew "הפסקת" in
# cp1255 read as cp1251 → "дфсчъ", as cp1253 → "δτρχϊ ΰω αςζδ"; upper-case acronyms have none).
VOWELS = set("аеёиоуыэюяіїєўАЕЁИОУЫЭЮЯІЇЄЎαεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏΪΫ")
_VOWELLED_WORD = re.compile(r"(?<![^\W\d_])(?:[\u0400-\u04ff]{3,}|[\u0370-\u03ff]{3,})(?![^\W\d_])")
_GREEK_FINAL_SIGMA_INSIDE = re.compile(r"ς(?=[^\W\d_])")  # "αςζδ": ς ends a Greek word
# Scoring looks at this much of each candidate's words beyond ASCII, in this much of its text:
# enough to judge, cheap on a large page.
SAMPLE_CHARS = 50_000
SAMPLE_SCAN = 2_000_000

# The letters beyond a–z of the languages written in Latin script with a legacy 8-bit code page.
# A decoding whose accented letters no single language uses ("aprčs … déjŕ" mixes French and
# Czech; "Ïðèâåò" is Russian read as cp1252) is less plausible than one whose letters one does.
ICELANDIC = "áðéíóúýþæö"
FAROESE = "áðíóúýæø"
ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíóúñü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "àçéèíïòóúü",  # Catalan
    "éëïóöü",  # Dutch
    "æøåé",  # Danish, Norwegian
    "åäöé",  # Swedish
    "äöåšž",  # Finnish
    ICELANDIC,  # Icelandic
    FAROESE,  # Faroese
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Bosnian, Serbian (Latin), Slovenian
    "âçğıİîöşûü",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äöõüšž",  # Estonian
    "çë",  # Albanian
    "áéíóú",  # Irish
    "âêîôûŵŷäëïöüáéíóúàèìòù",  # Welsh
)
# Languages few legacy pages are written in: on a tie, a reading only they explain loses. So does
# a word beginning with ý, as only they have (never Czech or Slovak): Turkish İ and ı in cp1252.
MINOR_ALPHABETS = (ICELANDIC, FAROESE)
MINOR_INITIALS = "ý"
# Symbols (category S) that belong inside a word: "C++", and the accents typed for an apostrophe
# ("Let´s"). Punctuation never counts ("l'été", "Monday—after", "waited…and", "Paris–Berlin"),
# nor do format characters (a soft hyphen, a zero-width non-joiner).
_IN_WORD = set("+´`")
# Punctuation that is never inside a word: inverted marks open a sentence ("mo¿e" is Polish "może"
# read as cp1252). Superscripts and fractions (category No) count too ("Za¿ó³æ" for "Zażółć").
_ODD_IN_WORD = set("¿¡")
# Scripts told apart when they meet inside one word; Japanese and Korean mix their own freely.
_SCRIPTS = {
    "LATIN": "LATIN",
    "CYRILLIC": "CYRILLIC",
    "GREEK": "GREEK",
    "ARABIC": "ARABIC",
    "HEBREW": "HEBREW",
    "THAI": "THAI",
    "ARMENIAN": "ARMENIAN",
    "GEORGIAN": "GEORGIAN",
    "CJK": "CJK",
    "HIRAGANA": "CJK",
    "KATAKANA": "CJK",
    "HANGUL": "CJK",
}
_CONTROL = {"Cc", "Cn", "Co", "Cs"}
# DOS, Mac, EBCDIC and HP code pages, never candidates (see the module docstring).
_DOS_MAC = (
    "cp037 cp273 cp424 cp437 cp500 cp720 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp858 cp860 "
    "cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp875 cp1006 cp1026 cp1125 cp1140 hp_roman8"
)
_NOT_CANDIDATES = frozenset(_DOS_MAC.split())  # and mac_*
# A word (between ASCII spaces: the control characters a wrong decoding yields stay inside) with a
# character beyond ASCII; it starts after a space, so a long ASCII run is scanned once.
_NON_ASCII_WORD = re.compile(r"(?<![^ \t\n\r\f\v])[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class EncodingAssumed(ReaderNote):
    """Text that was not UTF-8 and declared no encoding was decoded with a guessed one."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used ("utf-8" when the bytes were UTF-8)
    assumed: bool = False  # guessed: neither UTF-8 nor the encoding the document declared

    @property
    def note(self) -> str:
        return f"decoded as {self.encoding} (not UTF-8); check the accents" if self.assumed else ""


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_text(data: bytes, name: str, *, declared: str | None = None, what: str = "text") -> str:
    """`decode` for readers that only need the text; a guessed encoding is reported as an
    `EncodingAssumed` warning, which `chronicle add` collects and prints with the input."""
    decoded = decode(data, name, declared=declared, what=what)
    if decoded.assumed:
        warnings.warn(EncodingAssumed(decoded.note), stacklevel=2)
    return decoded.text


def decode(data: bytes, name: str, *, declared: str | None = None, what: str = "text") -> Decoded:
    """UTF-8 when the bytes are valid UTF-8 (a wrong declaration is common, invalid UTF-8 that
    decodes by accident is not), else the encoding the document `declared`, else the most
    plausible of the encodings the bytes could be in, else an error. `what` names the document
    in messages."""
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    if looks_binary(data):
        raise ReaderError(name, f"this is a binary file, not {what}")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return Decoded(_decode_declared(data, declared), declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guess = guess_encoding(data)
    if guess is None:
        raise ReaderError(name, f"the {what} is not UTF-8 and its encoding could not be detected")
    return guess


# The labels a browser reads as windows-1252 (WHATWG Encoding Standard): pages declared as
# Latin-1 are written in it, and Python's own Latin-1 would turn their „curly quotes“ and dashes
# into invisible control characters.
_WINDOWS_1252_LABELS = {
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
    "latin-1",
}


def _decode_declared(data: bytes, declared: str) -> str:
    if declared.strip().lower() not in _WINDOWS_1252_LABELS:
        return data.decode(declared)
    # The five bytes windows-1252 leaves undefined are their Latin-1 characters, as in browsers.
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(_UNDEFINED_IN_1252.split(data))
    )


_UNDEFINED_IN_1252 = re.compile(rb"([\x81\x8d\x8f\x90\x9d]+)")


def guess_encoding(data: bytes) -> Decoded | None:
    """The most plausible decoding among charset-normalizer's candidates, cp1252 and the other
    Windows code pages; None when charset-normalizer finds none (the bytes are not text in any
    encoding it knows)."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    # text → [encoding, language coherence]. Encodings that decode alike are one candidate, named
    # cp1252 when it is one of them: that is the name a curator will recognise. (The encodings
    # charset-normalizer says "could" have produced a match need not decode to the same text.)
    candidates: dict[str, list] = {}
    western = _decoded(data, WESTERN)  # None for bytes cp1252 leaves undefined
    if western is not None:
        candidates[western] = [WESTERN, 0.0]
    for match in matches:
        text = str(match)
        if text in candidates:
            candidates[text][1] = max(candidates[text][1], match.coherence)
        elif encoding := _candidate_name(data, match.encoding, match.could_be_from_charset, text):
            candidates[text] = [encoding, match.coherence]
    # charset-normalizer sometimes leaves out the right one (Greek in cp1253 with a "…").
    for encoding in WINDOWS + CYRILLIC_LEGACY:
        text = _decoded(data, encoding)
        if text is not None and text not in candidates:
            candidates[text] = [encoding, 0.0]
    if not candidates:
        return None
    rank = {text: i for i, text in enumerate(candidates)}

    def key(text: str) -> tuple[int, int, bool, float, int]:
        # On a tie cp1252 goes first: charset-normalizer's coherence is noise on a short or
        # English text (it ranked "Faþade" above "Façade").
        encoding, coherence = candidates[text]
        score, minor = _oddities(_sample(text))
        return (score, minor, encoding != WESTERN, -coherence, rank[text])

    text = min(candidates, key=key)
    return Decoded(text, candidates[text][0], assumed=True)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _candidate_name(data: bytes, encoding: str, aliases: list[str], text: str) -> str | None:
    """The name to report for a match, None when it is no candidate: a DOS or Mac code page
    (unless an encoding that is neither decodes the bytes to the same text), or UTF-16/32 without
    a byte order mark (which only reaches here for bytes with no NUL in them: no ASCII at all)."""
    if encoding.startswith(("utf_16", "utf_32")):
        return encoding if data.startswith(_BOMS) else None
    if _usual(encoding):
        return encoding
    for alias in aliases:
        if _usual(alias) and not alias.startswith(("utf_16", "utf_32")):
            with contextlib.suppress(LookupError):
                if _decoded(data, alias) == text:
                    return alias
    return None


def _usual(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return not name.startswith("mac") and name not in _NOT_CANDIDATES


def _sample(text: str) -> str:
    """What tells the candidates apart: the words with a character beyond ASCII (candidates
    decode ASCII alike, and the score of a word depends on that word alone), up to SAMPLE_CHARS.
    Cheap on a large page that is mostly markup."""
    return " ".join(_NON_ASCII_WORD.findall(text, 0, SAMPLE_SCAN))[:SAMPLE_CHARS]


# --- plausibility -----------------------------------------------------------------------------


def oddities(text: str) -> int:
    """How implausible `text` is as prose: 0 for ordinary text in any language, more for each
    trace of a wrong decoding (control characters, a word mixing scripts or glued to a symbol,
    box-drawing characters, accented letters no one language uses together). Pure."""
    return _oddities(text)[0]


def _oddities(text: str) -> tuple[int, int]:
    """`oddities`, and 1 when the accented letters fit only a minor language (Turkish read as
    cp1252 looks Icelandic: ğ ı ş İ → ð ý þ Ý), to break a tie; else 0."""
    score = 0
    minor = False
    previous = ""
    previous_script = ""
    latin_extra: set[str] = set()
    for word in _VOWELLED_WORD.findall(text):
        if not word.isupper() and not VOWELS.intersection(word):
            score += 2  # "дфсчъ", "бтжд" (an acronym such as "МВД" is upper case)
    score += 2 * len(_GREEK_FINAL_SIGMA_INSIDE.findall(text))
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if (category in _CONTROL and ch not in "\t\n\r\f\v") or ch == "\ufffd":
            score += 5
        elif "\u2500" <= ch <= "\u25ff" or "\uff61" <= ch <= "\uff9f":
            # box drawing and blocks: a DOS code page read wrongly; half-width katakana: 8-bit
            # text read as Shift JIS
            score += 2
        elif category[0] == "L":
            script = _script(ch)
            if script and previous_script and script != previous_script:
                score += 2  # "cafй": one word, two alphabets
            if previous.islower() and ch.isupper() and not ch.isascii():
                score += 1  # "cafÈ"
            if script == "LATIN" and not ch.isascii():
                lower = ch.lower()  # "İ".lower() is "i̇", two characters
                latin_extra.add(lower if len(lower) == 1 else ch)
                minor = minor or (lower in MINOR_INITIALS and not previous.isalpha())
            previous_script = script or previous_script
        elif category[0] == "M":
            script = _script(ch)
            if script and script != previous_script:
                score += 2  # "Saldaٌa", "Fa็ade": an Arabic or Thai sign on another letter
        else:
            symbol = category[0] == "S" and ch not in _IN_WORD
            if text[i + 1 : i + 2].isalpha() and (
                (previous.isalpha() and (symbol or category == "No" or ch in _ODD_IN_WORD))
                or (category in ("Sc", "Sk") and symbol)
            ):
                score += 2  # "Za¿ó³æ": a symbol inside a word; "£ukasz", "¯ak": opening one
            previous_script = ""
        previous = ch
    if latin_extra:
        missing, only_minor = min(
            (len(latin_extra - set(alphabet)), alphabet in MINOR_ALPHABETS)
            for alphabet in ALPHABETS
        )
        score += missing
        minor = minor or only_minor
    return score, int(minor)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """The script of a letter ('LATIN', 'CYRILLIC', 'CJK'…), '' when its name does not say."""
    words = unicodedata.name(ch, "").split()
    if words[:1] in (["HALFWIDTH"], ["FULLWIDTH"]):
        words = words[1:]
    return _SCRIPTS.get(words[0], "") if words else ""
