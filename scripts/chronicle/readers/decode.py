"""Bytes → text, refusing what is not text, and never garbling it silently.

Bytes that are not UTF-8 and declare no encoding are a guess. charset-normalizer lists the
encodings the bytes could be in, but on a short text it cannot tell them apart (its language
scores are 0) and its first choice is often an unlikely code page: a French "après" read as
cp1250 becomes "aprčs". So every candidate it lists, plus cp1252 (by far the most common legacy
encoding of Western text), is decoded and scored by how plausible the result is as prose
(`oddities`); the least odd wins, ties going to a language it recognises, then to cp1252. The
encoding assumed is reported (`EncodingAssumed`), so a curator can check the accents.
"""

from __future__ import annotations

import contextlib
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes

from ..errors import ReaderError

WESTERN = "cp1252"
# Scoring looks at this much of each candidate: enough to judge, cheap on a large page.
SAMPLE_CHARS = 50_000

# The letters beyond a–z of the languages written in Latin script with a legacy 8-bit code page.
# A decoding whose accented letters no single language uses ("aprčs … déjŕ" mixes French and
# Czech; "Ïðèâåò" is Russian read as cp1252) is less plausible than one whose letters one does.
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
    "áðéíóúýþæö",  # Icelandic
    "áðíóúýæø",  # Faroese
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Bosnian, Serbian (Latin), Slovenian
    "âçğıîöşûü",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äöõüšž",  # Estonian
    "çë",  # Albanian
    "áéíóú",  # Irish
    "âêîôûŵŷäëïöüáéíóúàèìòù",  # Welsh
)
# Punctuation that belongs inside a word ("l'été", "col·legi", "e-mail", "3.5", "AT&T").
_IN_WORD = set("'’‘·.-‐‑_/&@:,+")
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


class EncodingAssumed(UserWarning):
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
            return Decoded(data.decode(declared), declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guess = guess_encoding(data)
    if guess is None:
        raise ReaderError(name, f"the {what} is not UTF-8 and its encoding could not be detected")
    return guess


def guess_encoding(data: bytes) -> Decoded | None:
    """The most plausible decoding among charset-normalizer's candidates and cp1252; None when
    charset-normalizer finds none (the bytes are not text in any encoding it knows)."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    # (encoding, text, language coherence); charset-normalizer merges encodings that decode
    # alike, so name cp1252 when it is one of them: it is the one a curator will recognise.
    candidates = [
        (
            WESTERN if WESTERN in m.could_be_from_charset else m.encoding,
            str(m),
            m.coherence,
        )
        for m in matches
    ]
    if all(encoding != WESTERN for encoding, _, _ in candidates):
        # cp1252 leaves five bytes undefined: bytes using them are in another encoding.
        with contextlib.suppress(UnicodeDecodeError):
            candidates.append((WESTERN, data.decode(WESTERN), 0.0))
    rank = {encoding: i for i, (encoding, _, _) in enumerate(candidates)}

    def key(candidate: tuple[str, str, float]) -> tuple[int, float, bool, int]:
        encoding, text, coherence = candidate
        return (oddities(text[:SAMPLE_CHARS]), -coherence, encoding != WESTERN, rank[encoding])

    encoding, text, _ = min(candidates, key=key)
    return Decoded(text, encoding, assumed=True)


# --- plausibility -----------------------------------------------------------------------------


def oddities(text: str) -> int:
    """How implausible `text` is as prose: 0 for ordinary text in any language, more for each
    trace of a wrong decoding (control characters, a word mixing scripts or glued to a symbol,
    box-drawing characters, accented letters no one language uses together). Pure."""
    score = 0
    previous = ""
    previous_script = ""
    latin_extra: set[str] = set()
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if (category in _CONTROL and ch not in "\t\n\r\f\v") or ch == "\ufffd":
            score += 5
        elif "\u2500" <= ch <= "\u25ff":  # box drawing, blocks: DOS code pages read wrongly
            score += 2
        elif category[0] == "L":
            script = _script(ch)
            if script and previous_script and script != previous_script:
                score += 2  # "cafй": one word, two alphabets
            if previous.islower() and ch.isupper() and not ch.isascii():
                score += 1  # "cafÈ"
            if script == "LATIN" and not ch.isascii():
                latin_extra.add(ch.lower())
            previous_script = script or previous_script
        elif category[0] != "M":
            between_letters = previous.isalpha() and text[i + 1 : i + 2].isalpha()
            if between_letters and category not in ("Nd", "Zs") and ch not in _IN_WORD:
                score += 2  # "Za¿ó³æ": a symbol inside a word
            previous_script = ""
        previous = ch
    if latin_extra:
        score += min(len(latin_extra - set(alphabet)) for alphabet in ALPHABETS)
    return score


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """The script of a letter ('LATIN', 'CYRILLIC', 'CJK'…), '' when its name does not say."""
    words = unicodedata.name(ch, "").split()
    if words[:1] in (["HALFWIDTH"], ["FULLWIDTH"]):
        words = words[1:]
    return _SCRIPTS.get(words[0], "") if words else ""
