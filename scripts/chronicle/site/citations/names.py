"""Authors' names and titles as the citation styles print them. Pure."""

from __future__ import annotations

import re

from chronicle.archive.model import Article
from chronicle.text.lexicon import NAME_PARTICLES_IN_A_NAME

# Lower-case particles that belong to the family name: "von der Leyen, U.", not "Leyen, U. v. d.".
_PARTICLES = NAME_PARTICLES_IN_A_NAME
# A title already ending in one of these takes no added full stop ("Why?." is wrong), in any script.
_FINAL_PUNCT = tuple(".?!…。？！")


def one_line(text: str) -> str:
    """Runs of white space (a stray newline would break RIS and BibTeX lines) as one space."""
    return " ".join(text.split())


def stop(text: str) -> str:
    """`text` closed with a full stop unless it already ends a sentence."""
    return text if text.endswith(_FINAL_PUNCT) else text + "."


def devised(article: Article) -> bool:
    """A title the curator devised or Chronicle inferred: a description, not the headline."""
    return article.title_origin != "source"


def name_case(name: str) -> str:
    """A byline set in capitals ("JANE DOE") in ordinary case; mixed case is kept as written."""
    name = one_line(name)
    if name.upper() != name or name.lower() == name or len(name.split()) < 2:
        return name  # mixed case, a script without case, or one word (often an agency: "AFP")
    words = name.split()
    return " ".join(
        w.lower() if i and w.lower() in _PARTICLES else re.sub(r"[^\W\d_]+", _cap, w)
        for i, w in enumerate(words)
    )


def _cap(match: re.Match[str]) -> str:
    return match.group(0).capitalize()


def split_name(name: str) -> tuple[str, str]:
    """('Katz', 'Israel') from 'Israel Katz'; a single word is a family name.

    'Family, Given' is taken as already inverted; particles join the family name."""
    name = name_case(name)
    family, comma, given = name.partition(",")
    if comma and len(family.split()) == 1:  # "Doe, Jane"
        return family.strip(), given.strip()
    parts = name.split()
    if len(parts) < 2:
        return name, ""
    start = len(parts) - 1
    while start > 1 and parts[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(parts[start:]), " ".join(parts[:start])


def initials(given: str) -> str:
    """'J. Q.' from 'Jane Q.'; 'J.-P.' from 'Jean-Paul' (APA keeps the hyphen)."""
    return " ".join(
        "-".join(f"{part[0]}." for part in word.split("-") if part)
        for word in given.split()
        if word.strip("-")
    )


def inverted(name: str) -> str:
    """'Public, Jane Q.' (MLA and Chicago put the first author family name first)."""
    family, given = split_name(name)
    return f"{family}, {given}".rstrip(", ")
