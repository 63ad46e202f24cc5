"""Authors' names and titles as the citation styles print them. Pure."""

from __future__ import annotations

import re
from unicodedata import bidirectional

from chronicle.archive.model import Article
from chronicle.text.lexicon import NAME_PARTICLES_IN_A_NAME

# Lower-case particles that belong to the family name: "von der Leyen, U.", not "Leyen, U. v. d.".
_PARTICLES = NAME_PARTICLES_IN_A_NAME
# A title already ending in one of these takes no added full stop ("Why?." is wrong), in any script.
_FINAL_PUNCT = tuple(".?!…。？！")


def one_line(text: str) -> str:
    """Runs of white space (a stray newline would break RIS and BibTeX lines) as one space, and
    the field's directional controls balanced (see `balanced`)."""
    return balanced(" ".join(text.split()))


# Explicit directional formatting (Unicode's bidirectional algorithm, UAX #9): embeddings and
# overrides are closed by PDF, isolates by PDI.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
PDF, FSI, PDI = "\u202c", "\u2068", "\u2069"
_CONTROLS = _EMBEDDINGS | _ISOLATES | {PDF, PDI}
_RIGHT_TO_LEFT = frozenset(("R", "AL"))


def balanced(text: str) -> str:
    """`text` with every directional embedding, override or isolate it opens closed at its end,
    and every close that opened nothing dropped: a right-to-left override in a title (U+202E)
    then reverses the title alone, never the date, the publisher or the next line of a file."""
    if not _CONTROLS.intersection(text):
        return text
    out: list[str] = []
    opened: list[str] = []  # "e" an embedding or override, "i" an isolate
    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            opened.append("e" if ch in _EMBEDDINGS else "i")
        elif ch == PDF:
            if not opened or opened[-1] != "e":
                continue  # closes nothing here (and may not close past an isolate)
            opened.pop()
        elif ch == PDI:
            if "i" not in opened:
                continue  # would close the isolate the field itself is set in
            while opened.pop() != "i":  # a PDI ends the embeddings opened inside its isolate
                pass
        out.append(ch)
    out.extend(PDF if kind == "e" else PDI for kind in reversed(opened))
    return "".join(out)


def isolated(text: str) -> str:
    """`text` (a title, a name, a publication) set apart from the words around it, as HTML's
    <bdi> does, when it has right-to-left letters or directional controls: its direction is its
    own and cannot reorder the reference. Other text is left as it is (no invisible marks)."""
    text = balanced(text)
    if not text or not any(ch in _CONTROLS or bidirectional(ch) in _RIGHT_TO_LEFT for ch in text):
        return text
    return FSI + text + PDI


def stop(text: str) -> str:
    """`text` closed with a full stop unless it already ends a sentence (looked for inside an
    isolated field: the stop goes after the isolate, where the reference's direction puts it)."""
    return text if text.removesuffix(PDI).endswith(_FINAL_PUNCT) else text + "."


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

    'Family, Given' is taken as already inverted; particles join the family name. Each part
    closes the directions it opens: a name's halves are printed apart."""
    family, given = _split_name(name_case(name))
    return balanced(family), balanced(given)


def _split_name(name: str) -> tuple[str, str]:
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
