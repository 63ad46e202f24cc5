"""Pure per-field normalisers: text fingerprints, slugs, word counts, titles from ledes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from slugify import slugify

from chronicle.text.sentences import split_sentences

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)
# A whitespace-separated token with a letter or digit in it, from its first one: one match a
# counted word. `[^\W_]` is exactly `str.isalnum`, `\S` exactly what `str.split` keeps.
_COUNTED = re.compile(r"[^\W_]\S*")
_SPACE = re.compile(r"\s+")

INFERRED_TITLE_MAX_WORDS = 20
# ISO 639 language code, optionally with BCP 47 subtags (en, pt-BR, zh-Hant).
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*", re.IGNORECASE)


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fingerprint(text: str) -> str:
    """Identity of an article's text for duplicate detection: the same words in the same order.

    NFKC folds typographic variants (ligatures, full-width forms), casefold ignores case, and only
    word characters count, so curly vs straight quotes, markup and spacing do not matter.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = _WORD.findall(folded.replace("’", "'"))
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    """Words read, for word counts and reading time (model.WORDS_PER_MINUTE, 200 a minute).

    Whitespace-separated words, as `wc -w` counts them (Markdown markers are not words). Scripts
    written without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar;
    not Hangul: Korean puts spaces between its words) are counted in characters instead: a
    17,000-character Japanese article has only a few hundred spaces. Such text is read at about
    500 characters a minute (the figure usually given for adult silent reading of Japanese,
    400-600 字/分; the IReST study, Trauzettel-Klosinski & Dietz, IOVS 2012, measured about 360
    Japanese and 260 Chinese characters a minute read aloud), so 2.5 characters count as one
    word read: that article counts as 6,800 words, 34 minutes.
    """
    if not _UNSPACED.search(text):  # perf: most archives, in one pass
        return len(_COUNTED.findall(text))
    words = chars = 0
    for token in text.split():
        found = [ch for ch in _UNSPACED.findall(token) if ch.isalnum()]
        if not found:
            words += any(ch.isalnum() for ch in token)
            continue
        chars += len(found)
        # Latin words or figures inside the run ("AIが", "2025年") still count as words.
        words += sum(1 for w in _UNSPACED.sub(" ", token).split() if any(c.isalnum() for c in w))
    return words + round(chars / 2.5)


def has_words(text: str, at_least: int) -> bool:
    """`count_words(text) >= at_least`, reading no further than the words it needs when the
    text has no letters of a script written without spaces (where each word counts one).
    perf: the language check asks this of a 4,000-character sample of every article."""
    if _UNSPACED.search(text):
        return count_words(text) >= at_least
    return at_least <= 0 or any(n >= at_least for n, _ in enumerate(_COUNTED.finditer(text), 1))


# Letters of the scripts written without spaces between words (see count_words).
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf"
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f]"
)


# Names Windows gives to devices, whatever their extension; slugs are lower case.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)]
)
MAX_SLUG_BYTES = 240


def make_slug(title: str, max_length: int = 60) -> str:
    """A readable, stable slug for URLs and file names. Latin letters are transliterated to
    ASCII (python-slugify: "Émeute à Paris" → `emeute-a-paris`); the letters of every other
    script are kept as written ("ガザ停戦交渉" stays so, "الهدنة في غزة" → `الهدنة-في-غزة`):
    a guessed romanisation (a Mandarin reading of Japanese kanji, Arabic without its vowels)
    would be neither readable nor right."""
    title = title.replace("U.S.", "US")
    slug = _mixed_script_slug(title) if any(map(_other_script, title)) else slugify(title)
    if len(slug) > max_length:
        # Cut at a word boundary; python-slugify's word_boundary mode may skip words to fill
        # the length, which makes a slug that misquotes the title.
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    while len(slug.encode()) > MAX_SLUG_BYTES:
        # Letters of 4 bytes (CJK extensions, historic scripts): a file name's limit is 255
        # bytes, not characters, and the slug may get ".md" or "-2" after it.
        slug = slug[:-1]
    if slug in WINDOWS_RESERVED:
        # CON, NUL, COM1... (with any extension) are devices on Windows: an archive with such a
        # file or folder cannot be checked out there.
        slug += "-1"
    return slug or "article"


def _other_script(ch: str) -> bool:
    """A letter or digit of a script other than Latin (a combining mark goes with its letter)."""
    return unicodedata.category(ch)[0] in "LN" and not (
        ch.isascii() or unicodedata.name(ch, "").startswith(("LATIN", "FULLWIDTH LATIN"))
    )


def _mixed_script_slug(title: str) -> str:
    """Runs of other-script letters (with their combining marks, which `slugify(...,
    allow_unicode=True)` would drop, breaking Devanagari or Thai words) kept and lower-cased;
    everything between them slugified as before; the parts joined by hyphens."""
    parts: list[str] = []
    run, kept = "", False
    for ch in unicodedata.normalize("NFC", title):
        keep = _other_script(ch) or (kept and unicodedata.category(ch)[0] == "M")
        if run and keep != kept:
            parts.append(run.lower() if kept else slugify(run))
            run = ""
        run, kept = run + ch, keep
    if run:
        parts.append(run.lower() if kept else slugify(run))
    return "-".join(p for p in parts if p)


def title_from_lede(lede: str) -> str:
    """A title guessed from the first sentence of the lede, cut at a clause if it is long.

    The result is always a prefix of the lede's words, so nothing is invented; the caller marks it
    as inferred.
    """
    sentences = split_sentences(normalise_space(lede))
    first = sentences[0] if sentences else normalise_space(lede)
    first = first.rstrip(".")
    words = first.split(" ")
    if len(words) <= INFERRED_TITLE_MAX_WORDS:
        return first
    head = " ".join(words[:INFERRED_TITLE_MAX_WORDS])
    clause = max(head.rfind(", "), head.rfind("; "), head.rfind(" — "), head.rfind(": "))
    if clause > len(head) // 2:
        return head[:clause]
    return head + "…"


def web_address(value: str | None) -> str | None:
    """`value` if it is an absolute http(s) address, else None.

    Pages link to an article's address: any other scheme (javascript:, data:, file:) could run
    code in a reader's browser or point at the curator's own disk.
    """
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises for a port out of range, as any later reading would
    except ValueError:  # e.g. an unclosed IPv6 bracket, port 99999
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def language_tag(value: str | None) -> str | None:
    """`value` as a BCP 47 language tag in its usual case ('EN_gb' → 'en-GB', 'zh-hant' →
    'zh-Hant'), or None when it is not one ('english', '')."""
    value = (value or "").strip().replace("_", "-")
    if not _LANGUAGE.fullmatch(value):
        return None
    parts = value.lower().split("-")
    for i, part in enumerate(parts[1:], start=1):
        if len(part) == 1:
            break  # an extension ('-u-ca-gregory') stays lower case
        parts[i] = part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part
    return "-".join(parts)


def language_code(value: str | None) -> str | None:
    """The primary language subtag of `value` ('en-US', 'en_GB' → 'en'), or None when it is not
    a language code."""
    tag = language_tag(value)
    return tag.split("-")[0] if tag else None
