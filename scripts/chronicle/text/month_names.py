"""Month names in the languages a dateline is written in, rewritten to English so one parser
reads them all: "3 de marzo de 2024" → "3 March 2024", "3 marca 2024" → "3 March 2024".

htmldate's text parser knows English, German, French, Dutch, Turkish and Indonesian month
names; a Spanish, Italian, Portuguese, Catalan, Polish, Czech, Russian or Scandinavian dateline
was read as no date at all. Only full names are listed: the short forms of these languages are
English words too ("set", "out", "gen"), which would turn text into dates.
"""

from __future__ import annotations

import re

from chronicle.text.lexicon import MONTH_NAMES_EN

# Per month (January first): the names in each language, in the forms a date uses (Polish,
# Czech and Russian write the genitive after a day: "3 marca", "3. března", "3 марта").
_NAMES: tuple[tuple[str, ...], ...] = (
    ("enero", "gennaio", "janeiro", "gener", "stycznia", "styczeń", "ledna", "января", "janvier"),
    ("febrero", "febbraio", "fevereiro", "febrer", "lutego", "luty", "února", "февраля", "février"),
    ("marzo", "março", "març", "maart", "marca", "marzec", "března", "марта", "marts"),
    ("abril", "aprile", "kwietnia", "kwiecień", "dubna", "апреля", "avril"),
    ("mayo", "maggio", "maio", "maig", "maja", "května", "мая", "maj"),
    ("junio", "giugno", "junho", "juny", "czerwca", "czerwiec", "června", "июня", "juin"),
    ("julio", "luglio", "julho", "juliol", "lipca", "lipiec", "července", "июля", "juillet"),
    ("agosto", "agost", "augustus", "augusti", "sierpnia", "sierpień", "srpna", "августа", "août"),
    ("septiembre", "setiembre", "settembre", "setembro", "setembre", "września", "září"),
    ("octubre", "ottobre", "outubro", "października", "října", "октября", "octobre"),
    ("noviembre", "novembre", "novembro", "listopada", "listopadu", "ноября"),
    ("diciembre", "dicembre", "dezembro", "desembre", "grudnia", "prosince", "декабря", "décembre"),
)
_ENGLISH = {
    name.casefold(): english
    for names, english in zip(_NAMES, MONTH_NAMES_EN, strict=True)
    for name in names
}
# "3 de marzo de 2024", "3 d'abril de 2024", "marzo del 2024": the words that join a day, a
# month and a year in Spanish, Portuguese, Catalan and Italian.
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}(?![^\W\d_])")
_JOINED = re.compile(
    r"(\d{1,2})\.?\s+(?:de\s+|d['’]\s*)?(" + "|".join(MONTH_NAMES_EN) + r")\b"
    r"(?:\s+(?:de|del)\b)?",
)


def english_months(text: str) -> str:
    """`text` with each month name of the languages above written in English, and the joining
    words of "3 de marzo de 2024" dropped; other text is left as it is."""
    rewritten = _WORD.sub(lambda m: _ENGLISH.get(m.group().casefold(), m.group()), text)
    return _JOINED.sub(r"\1 \2", rewritten)
