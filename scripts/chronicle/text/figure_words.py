"""Word lists of figures (numbers the text attributes to someone), as data: the words
`ingest/enrich/figures.py` reads, per language. Beside `lexicon.py` rather than in it, which
holds the lists every other rule shares; these are read by the figure rules alone.
"""

from __future__ import annotations

from chronicle.text.lexicon import TIME_WORDS_EN


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words printed before a number that say how exact it is (`nearly 600`, `mehr als 100`).
FIGURE_QUALIFIERS = {
    "en": (
        "more than",
        "less than",
        "fewer than",
        "at least",
        "up to",
        "as many as",
        "close to",
        "upwards of",
        "an estimated",
        "nearly",
        "almost",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "over",
        "under",
        "only",
        "just",
    ),
    "de": ("mehr als", "weniger als", "mindestens", "fast", "knapp", "etwa", "rund", "über", "gut"),
    "fr": ("plus de", "moins de", "au moins", "près de", "environ", "quelque", "quelques"),
    "es": ("más de", "menos de", "al menos", "por lo menos", "casi", "cerca de", "unos", "unas"),
    "it": ("più di", "meno di", "almeno", "quasi", "circa", "oltre"),
    "pt": ("mais de", "menos de", "pelo menos", "quase", "cerca de", "perto de"),
}
# Scale words that are part of a number (`3.5 million`, `2 Millionen`).
FIGURE_SCALES = _words(
    """
    hundred thousand million millions billion billions trillion tausend million millionen
    milliarde milliarden mille millions milliard milliards mil millón millones milhão milhões
    mila milione milioni miliardo miliardi bn m
    """
)
# Units that make a number a measure rather than a count of things.
FIGURE_UNITS = _words(
    """
    % percent per-cent prozent pourcent km kilometres kilometers miles metres meters kg tonnes
    tons $ € £
    """
)
# Auxiliaries between a reporter and its verb (`the ministry has said`, `a annoncé`).
FIGURE_AUXILIARIES = _words("has have had is was a ont ha han hat haben tem têm also")
# Words a counted thing never is: a figure's `what` stops at them (`600 deaths and …`).
FIGURE_STOPS = _words(
    """
    and or but since in on at to for with from by of as that which who whom whose while when
    after before during over under than have has had were was are is be been being will would
    could can may might should the a an this these those its their his her our
    und oder aber seit in im am an auf zu für mit von vom aus bei als dass die der das den dem
    des ist sind war waren wurden wurde haben hat sei seien worden wird werden
    et ou mais depuis dans en à au aux pour avec de du des par que qui ont a été sont était le
    la les un une
    y o pero desde en a al con por para de del que quien han ha fueron son era el la los las
    e ou mas desde em no na nos nas com por para de do da dos das que foram são era o os as
    e o ma da in con per di del della dei che sono è stati stato il lo gli le
    """
)
# Verbs of reporting, per language: who comes before them (or after, inverted) reported the
# figure (`the ministry said`, `with the Government Media Office reporting`).
FIGURE_VERBS = {
    "en": _words(
        """
        said says saying reported reports reporting estimated estimates estimating counted
        announced announcing confirmed confirming stated told recorded claimed
        claiming put puts tallied showed shows
        """
    ),
    "de": _words(
        "sagte sagt teilte teilt meldete meldet berichtete berichtet erklärte erklärt "
        "bestätigte bestätigt schätzte schätzt zählte zählt"
    ),
    "fr": _words(
        "annoncé annonce indiqué indique déclaré déclare rapporté rapporte estime estimé "
        "recensé recense"
    ),
    "es": _words(
        "dijo informó informa reportó reporta anunció anuncia declaró estimó estima cifró "
        "contabilizó confirmó"
    ),
    "it": _words("detto dice annunciato annuncia riferito riferisce stima stimato"),
    "pt": _words("disse informou informa anunciou anuncia declarou estimou estima confirmou"),
}
# Phrases that name the reporter after them (`according to the city's authorities`,
# `laut dem Ministerium`, `selon le ministère`).
FIGURE_SOURCES = {
    "en": ("according to", "citing", "cited by"),
    "de": ("laut", "nach angaben", "zufolge"),
    "fr": ("selon", "d'après", "d’après", "de source"),
    "es": ("según", "de acuerdo con", "citando"),
    "it": ("secondo", "stando a"),
    "pt": ("segundo", "de acordo com", "conforme"),
}
# A number of these is a duration or a date, not a count (`the past three days`).
FIGURE_TIME_WORDS = TIME_WORDS_EN | _words(
    """
    tage tagen wochen monate monaten jahre jahren stunden jours semaines mois ans années heures
    días semanas meses años horas giorni settimane mesi anni ore dias semanas meses anos horas
    """
)
# Verbs after a counted thing that tell what happened to it (`100 civilians … have been
# killed`): they become part of what was counted.
FIGURE_OUTCOMES_EN = _words(
    "killed injured wounded dead displaced arrested detained evacuated missing hurt died "
    "rescued freed released abducted kidnapped infected hospitalised hospitalized"
)
# A reporter named after a cue ends at one of these (`according to the ministry on Friday`).
FIGURE_REPORTER_ENDS = _words(
    "that which who whom when while since on in after before as if because during and but "
    "que qui dass der die das quien cuando che"
)
# A reporter that is one of these alone names no one the reader can see.
FIGURE_PRONOUNS = _words(
    "he she they it we i er sie es il elle ils elles él ella ellos lui lei ele ela"
)
FIGURE_DETERMINERS = _words(
    "the a an der die das den dem des le la les l’ l' el los las il lo gli o os as"
)
# Words inside a reporter's name that would otherwise end it (`le ministère de la Santé`).
FIGURE_NAME_JOINERS = _words("of the de du des del della la le les el von der dem di do da")
