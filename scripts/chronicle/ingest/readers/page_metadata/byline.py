"""Bylines as text: "By Ada Lovelace and Grace Hopper, PhD" → [Ada Lovelace, Grace Hopper], and
the byline among the short pieces of text printed after a headline. Pure functions of text; the
page is read in `authors.py`."""

from __future__ import annotations

import html
import re

from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.dates import parse_visible_date
from chronicle.ingest.readers.page_metadata.headings import SHORT_TEXT_MAX_CHARS
from chronicle.text.lexicon import MONTH_WORDS_EN, NAME_PARTICLES_IN_A_NAME

_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
# "By", "Von", "Par"… before a byline; not "di" or "de", which begin surnames (Di Maria).
_BYLINE_LEAD = re.compile(
    r"^view (?:all )?(?:posts|articles|stories) by\s+"
    r"|^(?:more|all) (?:posts |articles |stories )?(?:by|from)\s+|^alle?s? (?:artikel )?von\s+"
    r"|^(?:(?:written|posted|submitted|text|interview|artikel|article|story|words|photos?"
    r"|geschrieben|escrito|écrit|scritto)\s+)?(?:by|von|par|por|door|av|af)\s+"
    r"|^(?:autor(?:in|a|e)?|author|auteur|text|interview|автор|författare|forfatter)\s*:?\s+",
    re.I,
)
# Words that follow a name in bylines but are not part of it (roles, degrees, page furniture).
_BYLINE_TAIL = re.compile(
    r"\s+(?:view\b|get author|follow\b|more by\b|updated\b|published\b|share[sd]?\b"
    r"|link copied|\||·).*$"
    # The dateline's label run into the name in other languages: "Par Jean Dupont Publié le…".
    r"|\s+(?:publié|mis à jour|modifié|veröffentlicht|aktualisiert|erstellt|publicado"
    r"|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)(?!\w).*$"
    # A photographer's credit after the writer: "Text: Hans Müller, Fotos: Eva Schmidt".
    r"|\s*[,;]?\s+(?:fotos?|photos?|bilder?|illustrations?|grafik|video)\s*(?::|by\b|von\b).*$"
    # A widget's label glued to the name by the page's markup: "Jane DoeShow all articles…".
    r"|\s*(?:show all|view all|view my|see all|all (?:posts|articles|stories) (?:by|of|from)"
    r"|more (?:posts|articles|stories)|alle (?:artikel|beiträge)|archive\b|→|»).*$",
    re.I,
)
# What a widget, a link or a theme's credit says where a name should be.
_JUNK = re.compile(
    r"\b(?:profile|theme|powered by|designed by|wordpress|all rights reserved|subscribe"
    r"|newsletter|read more|click here|log ?in|sign ?in|cookie)\b|©|→",
    re.I,
)
_ROLE_WORD = (
    r"(?:senior|chief|deputy|contributing|managing|staff|political|politics|news|associate"
    r"|executive|special|foreign|sports?|business|science|features?|digital|web|guest|"
    r"freelance|editor|editors|writer|reporter|correspondent|contributor|columnist|journalist"
    r"|producer|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|in|at|of|chief|the|and)"
)
# A part that is only a job title: "Senior Politics Editor" split off "Sam Stein, Senior …".
_ONLY_ROLE = re.compile(rf"^(?:{_ROLE_WORD}\s+)*{_ROLE_WORD}$", re.I)
_MONTHS = "|".join(sorted(MONTH_WORDS_EN, key=len, reverse=True))
# A job title or a date after the name: "Sam Stein Senior Politics Editor", "… December".
_ROLE_TAIL = re.compile(
    r"\s+(?:(?:senior|chief|deputy|contributing|managing|staff|political|politics|news|"
    r"associate|executive|special)\s+)*(?:editor|writer|reporter|correspondent|contributor|"
    rf"columnist|journalist|producer)\b.*$|\s+(?:{_MONTHS})\.?$",
    re.I,
)
# A part after a comma that holds a job's noun is the writer's job, whatever words come before
# it: "Gareth Jones, Local Democracy Reporter", "…, Health and Science Correspondents".
_ROLE_AFTER_COMMA = re.compile(
    r",[^,;]*?\b(?:editor|writer|reporter|correspondent|contributor|columnist|journalist"
    r"|producer|redakteur(?:in)?|korrespondent(?:in)?|rédact(?:eur|rice)|journaliste"
    r"|corresponsal|periodista|redactora?|giornalista)(?:s|en|innen|es)?\b[^,;]*",
    re.I,
)
_MONTH_ONLY = re.compile(rf"^(?:{_MONTHS})\.?$", re.I)
_DEGREES = {"phd", "md", "msc", "ma", "ba", "mba", "rd", "dr", "jr", "sr", "staff", "tnn"}
# Placeholders CMSs put where a byline belongs.
_NOT_NAMES = {
    *("posted", "follow", "no author", "admin", "administrator", "wordpressadmin", "author"),
    *("see full bio", "full bio", "bio", "profile", "view profile", "more"),
    *("xxx", "xx", "n/a", "unknown", "anonymous user", "user", "tbd"),
}


def _undoubled(name: str) -> str:
    """ "Confreaks Confreaks" → "Confreaks": a profile's first and last name fields both filled
    with one name, or a byline printed twice in one element."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _letters(word: str) -> int:
    return sum(ch.isalpha() for ch in word)


def _caps_tail(name: str) -> str:
    """ "Meg Wagner NEW YORK DAILY NEWS" → "Meg Wagner": capitals after a mixed-case name are
    the outlet. An all-capitals byline ("JOSH HASKELL") is left alone, and so is an initial
    ending a name ("Nicolas Gutierrez C.", a second surname as Spanish bylines shorten it)."""
    words = name.split()
    keep = len(words)
    while keep > 2 and words[keep - 1].isupper() and _letters(words[keep - 1]) > 1:
        keep -= 1
    if keep < len(words) and not all(w.isupper() for w in words[:keep]):
        return " ".join(words[:keep])
    return name


# An organisation's name: a web address ("hessenschau.de") or a legal form ("Olympia-Verlag GmbH").
_ORGANISATION = re.compile(
    r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$|\b(?:GmbH|AG|KG|e\.\s?V\.|Ltd|Inc|LLC|S\.A\.|S\.p\.A\.|B\.V\.)"
    r"(?=\W|$)|\bVerlag\b",
    re.I,
)
# A place in an imprint: a word or three, capitalised, without digits ("Nürnberg", "New York").
_PLACE = re.compile(r"^(?:[^\W\d_][\w'’.-]*)(?:\s[^\W\d_][\w'’.-]*){0,2}$")


def imprint(text: str) -> tuple[str, list[str]] | None:
    """The organisation and the places of an imprint line written into an author field:
    "hessenschau.de, Frankfurt, Germany", "Olympia-Verlag GmbH, Nürnberg, Germany" name one
    publisher and its address, not three people."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 3 or not _ORGANISATION.search(parts[0]):
        return None
    places = parts[1:]
    if all(p[:1].isupper() and _PLACE.match(p) for p in places):
        return parts[0], places
    return None


def split_authors(text: str) -> list[str]:
    """A byline → names: "By Ada Lovelace and Grace Hopper, PhD" → [Ada Lovelace, Grace Hopper]."""
    text = _BYLINE_TAIL.sub("", _BYLINE_LEAD.sub("", normalise(html.unescape(text))))
    address = imprint(text)
    if address:
        return [address[0]]
    text = _ROLE_AFTER_COMMA.sub("", text)
    text = _TIME_AFTER_NAME.sub("", text)
    dated = _DATE_AFTER_NAME.search(text)
    if dated and parse_visible_date(dated.group("date")):
        text = text[: dated.start()]
    inverted = re.fullmatch(r"([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’.-]+)", text)
    if inverted:  # "Gillman, Steve": one surname, one given name, as library catalogues write
        text = f"{inverted.group(2)} {inverted.group(1)}"
    names = []
    for part in _AUTHOR_SPLIT.split(text):
        part = _ROLE_TAIL.sub("", _BYLINE_LEAD.sub("", part.strip(" :-|·")))
        # "Jane Doe (Reuters)", "Jane Doe (dpa)": the agency or a note in brackets after a name.
        part = re.sub(r"(?<=\w)\s*\([^()]*\)$", "", part)
        if not re.search(r"\b\w\.$", part):  # keep the period of a final initial ("C.")
            part = part.rstrip(". ")
        part = _undoubled(_caps_tail(part))
        if not part or part.casefold().strip(".") in _DEGREES | _NOT_NAMES:
            continue
        if _JUNK.search(part) or _ONLY_ROLE.match(part):
            continue
        if _MONTH_ONLY.match(part):
            continue
        if part.startswith(("http", "@")) or "@" in part or "[at]" in part or len(part) > 60:
            continue
        if re.search(r"\w\.[a-z]{2,}/", part):  # "facebook.com/someone": a profile address
            continue
        # Digits mark a date or a time, except in a one-word user name ("freeman1984").
        if re.search(r"\d", part) and not re.fullmatch(r"[^\W\d_]\w*", part):
            continue
        names.append(part)
    return names


# "By", "Von", "Par", "Por", "Door" on their own or before a name: a byline's first word, maybe
# after what is signed ("Ein Artikel von", "Written by"); or a label ("Autor", "Author:").
_BYLINE_WORD = re.compile(
    r"^(?:(?:ein |an? )?(?:artikel|article|beitrag|text|story|written|posted|submitted|words"
    r"|geschrieben|escrito|écrit)\s+)?"
    r"(?:by|von|par|por|door|av|af)(?:\s+(.+))?$"
    r"|^(?:autor(?:in|a|e)?|author|auteur|verfasser(?:in)?|автор|författare|forfatter)\s*:?"
    r"(?:\s+(.+))?$",
    re.I,
)
# Italian "di Marco Rossi": only in lower case, since "Di" begins surnames (Di Maria).
_ITALIAN_BYLINE = re.compile(r"^(?:di|[Ss]critto da)\s+(?=[A-Z])(.+)$")
# A date after the name: "Written by Jane Doe on March 3, 2024", "By Jane Doe - 03.03.2024".
_DATE_AFTER_NAME = re.compile(r"(?:\s+(?:on|am|le|el|il)|\s*[,–—-])\s+(?P<date>[^,]*\d.*)$")
# A time of day after the name: "Posted by Jane Doe at 10:15 AM" (Blogger), "… um 10:15 Uhr".
_TIME_AFTER_NAME = re.compile(
    r"\s+(?:at|um|à|a las|alle|kl\.?)\s+\d{1,2}(?:[:.h]\d\d)?\s*(?:[ap]\.?m\.?|uhr|h)?\b.*$", re.I
)
# A dated byline: "Posted on September 21, 2020 by Adi Tzlil", "Veröffentlicht am 3. März 2022
# von Jane Doe", "21/09/2020 par Jean Dupont", as blog themes print it under the headline.
_DATED_BYLINE = re.compile(
    r"^(?:(?:posted|published|veröffentlicht|publié|publicado|pubblicato)\s+)?"
    r"(?:(?:on|am|le|el|il)\s+)?(?P<date>.+?),?\s+(?:by|von|par|por|door|da)\s+(?P<name>.+)$",
    re.I,
)
_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# How much text after the headline is read for its byline: past a standfirst, not into the body.
BYLINE_WINDOW = 600
_JOINER = re.compile(r"^(?:,|;|&|and|und|et|y|e)$", re.I)
# Lower-case words that begin surnames ("de", "van"): a name's words may start with them.


def byline_names(texts: list[str]) -> list[str]:
    """The names of the byline among the pieces of text after a headline: "By <span>Yomi
    Kazeem</span>", "von Andreas Kürten". A short piece of text that starts with the byline's
    word, with the name in it or in the next piece, or a day then the byline's word and the
    name ("Posted on 21 September 2020 by Adi Tzlil"); a sentence that happens to start with
    "By" is longer than a byline."""
    # One line may hold the byline and the dateline, cut by a separator ("Von Hans Müller |
    # Veröffentlicht am 3. März 2024, 10:15 Uhr"): each part is read as a piece of its own.
    texts = [part for text in texts for part in _SEPARATOR.split(text) if part]
    read = 0
    for i, text in enumerate(texts):
        read += len(text)
        if read > BYLINE_WINDOW:
            break
        if len(text) > SHORT_TEXT_MAX_CHARS:
            continue
        match = _BYLINE_WORD.match(text) or _ITALIAN_BYLINE.match(text)
        dated = None if match else _DATED_BYLINE.match(text)
        if dated and parse_visible_date(dated.group("date")):
            name = dated.group("name")
        elif match:
            name = match.group(1) or match.group(2) or _names_after(texts[i + 1 : i + 8])
        else:
            continue
        names = split_authors(name) if len(name) <= SHORT_TEXT_MAX_CHARS else []
        # An agency after the names ("Von Hans Müller und Eva Schmidt, dpa") is not one more.
        while len(names) > 1 and len(names[-1].split()) == 1 and not _looks_like_a_name(names[-1]):
            names.pop()
        if names and all(_looks_like_a_name(n) for n in names):
            return names
    return []


def _names_after(texts: list[str]) -> str:
    """The names after a lone "By": "Lars Fischer", "und", "Alina Schadwinkel" are one byline,
    each name in its own link; it ends where names and joiners stop alternating."""
    out: list[str] = []
    for text in texts:
        want_name = not out or _JOINER.match(out[-1])
        fits = _looks_like_a_name(text) if want_name else _JOINER.match(text)
        if not fits:  # two names in a row: the second is the outlet ("Joe Davidson", "Post")
            break
        out.append(text)
    while out and _JOINER.match(out[-1]):
        out.pop()
    return " ".join(out) if out else (texts[0] if texts else "")


def _looks_like_a_name(name: str) -> bool:
    """Two to four words, each starting with a capital (or a particle: "de", "van")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        w[0].isupper() or w in NAME_PARTICLES_IN_A_NAME for w in words
    )
