"""Quote speakers: a name qualifying a noun is not the speaker; German, French, Spanish and
Portuguese attributions and quotation marks."""

from __future__ import annotations

import pytest

from chronicle.archive.registry import parse_registry
from chronicle.ingest.enrich.entities import matcher_for
from chronicle.ingest.enrich.quotes import extract_quotes
from chronicle.text.language import decide_language

REGISTRY = parse_registry(
    """
- {name: United States, kind: place, aliases: [US, U.S.]}
- {name: White House, kind: organisation}
- {name: Hamas, kind: organisation}
- {name: United Nations, kind: organisation, aliases: [UN]}
- {name: Olaf Scholz, kind: person}
- {name: Emmanuel Macron, kind: person, aliases: [Macron]}
""",
    "test registry",
)


def speakers(text: str, language: str | None = None) -> list[tuple[str, str | None, str | None]]:
    quotes = extract_quotes(text, matcher_for(REGISTRY).find(text), language)
    for quote in quotes:
        assert quote.text in text
    return [(q.text, q.speaker, q.entity) for q in quotes]


# --- a name that only qualifies a noun ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not give up on this,” the US President said.", "the US President"),
        ("“We will not give up on this,” said the US President.", "the US President"),
        ("The US President said: “We will not give up on this.”", "The US President"),
        (
            "“We will not give up on this,” a White House spokesperson said.",
            "a White House spokesperson",
        ),
        ("“We will not give up on this,” US officials said.", "US officials"),
        ("“We will not give up on this,” Hamas officials said.", "Hamas officials"),
        ("“We will not give up on this,” US President Donald Trump said.", "Donald Trump"),
    ],
)
def test_a_name_qualifying_a_noun_is_not_the_speaker(text, speaker):
    assert speakers(text) == [(text[text.index("“") + 1 : text.index("”")].strip(), speaker, None)]


def test_the_organisation_itself_still_speaks():
    text = (
        "“We will not give up on this,” Hamas officials said.\n\n"
        "“We will not give up on this,” Hamas said."
    )
    assert [q[1:] for q in speakers(text)] == [("Hamas officials", None), ("Hamas", "Hamas")]


def test_the_object_of_a_preposition_is_not_the_speaker():
    text = "The US ambassador to the UN warned: “We will not give up on this ever.”"
    assert all(s[2] is None for s in speakers(text))


# --- German, French, Spanish, Portuguese ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "speaker", "entity"),
    [
        ("„Wir werden das schaffen“, sagte der Minister.", "de", "der Minister", None),
        ("„Wir werden das schaffen“, warnte Rostek.", "de", "Rostek", None),
        ("„Wir werden das schaffen“ , erklärte Olaf Scholz.", "de", "Olaf Scholz", "Olaf Scholz"),
        ("„Das ist schlimm“, fügte Müller hinzu.", "de", "Müller", None),
        ("„Das hatten wir nicht einmal vor der Krise“, so der CEO.", "de", "der CEO", None),
        (
            "»Das ist schlimm«, betonte Bundeskanzler Olaf Scholz.",
            "de",
            "Olaf Scholz",
            "Olaf Scholz",
        ),
        ("Dazu sagte Kohlmann: „Beide haben es sich verdient.“", "de", "Kohlmann", None),
        ("«Das ist schlimm», sagt uns die Quelle.", "de", "die Quelle", None),
        ("« Nous allons gagner », a déclaré Macron.", "fr", "Macron", "Emmanuel Macron"),
        ("«Nous allons gagner», selon le ministre.", "fr", "le ministre", None),
        ("« Nous allons gagner », estime Jean Dupont, le maire.", "fr", "Jean Dupont", None),
        ("‹ Nous allons gagner ›, a dit M. Caldwell.", "fr", "Caldwell", None),
        ("“Vamos a ganar”, dijo el presidente.", "es", "el presidente", None),
        ("“Vamos a ganar”, dijo el presidente Pedro Sánchez.", "es", "Pedro Sánchez", None),
        ("«Vamos a ganar», según el ministerio.", "es", "el ministerio", None),
        ("“Vamos ganhar”, disse Lula.", "pt", "Lula", None),
        ("“Vamos ganhar”, segundo o ministro.", "pt", "o ministro", None),
        ("O presidente afirmou: “Vamos ganhar o jogo.”", "pt", "O presidente", None),
    ],
)
def test_attributions_in_other_languages(text, language, speaker, entity):
    found = speakers(text, language)
    assert [(s, e) for _q, s, e in found] == [(speaker, entity)]


def test_split_german_quote_keeps_its_speaker():
    text = "»Wenn Transposons springen«, erklärt Shahid, »bringen sie Teile der DNA mit.«"
    assert speakers(text, "de") == [
        ("Wenn Transposons springen", "Shahid", None),
        ("bringen sie Teile der DNA mit.", "Shahid", None),
    ]


def test_pronoun_is_the_person_named_before():
    text = (
        "Meinhard Schroeder (76) hat es auf die Steine abgesehen. „Ich habe schon eine Reihe"
        " Steine zu Hause“, sagt er."
    )
    assert speakers(text, "de")[0][1] == "Meinhard Schroeder"


@pytest.mark.parametrize(
    "text",
    [
        # what follows is no name: a capitalised noun after a preposition, a sentence's opening
        "Zum Glück klopft da Renato an. „Ist jemand morgen um neun hier?“, sagt er.",
        "Der Chef kam nach Intervention Cavallos. „Nur gemeinsam schaffen wir das“, meinte er.",
        "„Nur gemeinsam schaffen wir das“, sagte den Zeitungen der Funke Mediengruppe.",
        # the writer's sentence goes on after a word in quotation marks
        "Das Unternehmen bezeichnet den Entwurf als „ungeeignet“ sagte er.",
    ],
)
def test_no_invented_speakers(text):
    # each time, the next paragraph's attribution is found: only the doubtful one is left out
    text += "\n\n„Ich komme gerne morgen früh vorbei“, sagte Müller."
    found = speakers(text, "de")
    assert [s for _q, s, _e in found][-1] == "Müller"
    assert all(s is None for _q, s, _e in found[:-1]), found


def test_a_member_of_an_organisation_is_described():
    text = "“La empresa cambió las reglas de juego”, afirmó un integrante del Poder Ejecutivo."
    assert speakers(text, "es")[0][1] == "un integrante del Poder Ejecutivo"


def test_language_is_decided_from_the_text():
    text = (
        "Die Regierung hat am Montag die neuen Regeln vorgestellt, die ab März gelten. Der"
        " Minister ist mit dem Ergebnis nicht zufrieden, und auch die Opposition sieht das so."
        " Es ist nicht das erste Mal, dass sich die Koalition über das Thema streitet, und die"
        " Gespräche sollen in der nächsten Woche weitergehen.\n\n"
        "„Wir werden das schaffen, auch wenn es dauert“, sagte der Minister."
    )
    assert decide_language(None, text) == "de"
    assert speakers(text, decide_language(None, text)) == [
        ("Wir werden das schaffen, auch wenn es dauert", "der Minister", None)
    ]


def test_english_text_is_not_read_as_another_language():
    text = (
        "The government presented the new rules on Monday, and they are to apply from March."
        " The minister is not happy with the result, and the opposition sees it that way too."
        " It is not the first time that the coalition has argued over the subject."
    )
    assert decide_language(None, text * 2) == "en"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("»Das ist schlimm«, sagte Müller.", "Das ist schlimm"),
        ("„Das ist schlimm”, sagte Müller.", "Das ist schlimm"),
        ('„Das ist schlimm", sagte Müller.', "Das ist schlimm"),
        ("‹Das ist schlimm›, sagte Müller.", "Das ist schlimm"),
        ("« Das ist schlimm », sagte Müller.", "Das ist schlimm"),
    ],
)
def test_quotation_marks_of_other_languages(text, quote):
    assert speakers(text, "de") == [(quote, "Müller", None)]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("'It's over,' said Anne Smith.", "It's over,", "Anne Smith"),
        ("‘It’s over,’ said Anne Smith.", "It’s over,", "Anne Smith"),
        (
            "Anne Smith left. 'We didn't lose, we weren't there,' she said.",
            "We didn't lose, we weren't there,",
            "Anne Smith",
        ),
        (
            "'The players' union won't sign,' said Tom Brown.",
            "The players' union won't sign,",
            "Tom Brown",
        ),
        (
            "Tom Brown said: 'They'd gone and we couldn't wait.'",
            "They'd gone and we couldn't wait.",
            "Tom Brown",
        ),
    ],
)
def test_an_apostrophe_does_not_end_a_single_quoted_quote(text, quote, speaker):
    assert speakers(text, "en") == [(quote, speaker, None)]


def test_straight_apostrophes_open_no_quote():
    assert speakers("Rock 'n' roll was born in the '50s, and the players' union knew it.") == []


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("«Siamo pronti a collaborare», ha detto il sindaco Marco Rossi.", "it", "Marco Rossi"),
        (
            "“La situazione è grave”, ha detto Giulia Bianchi ai giornalisti.",
            "it",
            "Giulia Bianchi",
        ),
        ("«Il governo farà la sua parte», ha aggiunto il ministro Neri.", "it", "Neri"),
        ("«Non ci fermeremo», ha dichiarato Luca Verdi.", "it", "Luca Verdi"),
        ("«Non ci fermeremo», disse Luca Verdi.", "it", "Luca Verdi"),
        ("Il ministro Paolo Neri ha detto: «Il governo farà la sua parte».", "it", "Paolo Neri"),
        ("Paolo Neri è arrivato. «Il governo farà la sua parte», ha spiegato.", "it", "Paolo Neri"),
        ("«Abbiamo vinto la partita», secondo Carlo Ancelotti.", "it", "Carlo Ancelotti"),
        ("“Estamos prontos para trabalhar”, disse o prefeito João Silva.", "pt", "João Silva"),
        ("“A economia vai crescer este ano”, afirmou a ministra Ana Souza.", "pt", "Ana Souza"),
        ("Ana Souza afirmou: “A economia vai crescer este ano”.", "pt", "Ana Souza"),
        ("Ana Souza chegou. “A economia vai crescer este ano”, disse.", "pt", "Ana Souza"),
        ("“Não vamos desistir da luta”, garantiu o presidente Lula.", "pt", "Lula"),
        ("“Não vamos desistir da luta”, reforçou a deputada Maria Lima.", "pt", "Maria Lima"),
    ],
)
def test_italian_and_portuguese_attributions(text, language, speaker):
    assert [s for _q, s, _e in speakers(text, language)] == [speaker]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # a document or a thing is no speaker; its author is not named here
        ("“We will appeal the ruling in full,” the statement said.", "en", None),
        ("“We will appeal the ruling in full,” a letter said.", "en", None),
        # a description runs into its verb no further
        ("“We will appeal the ruling in full,” the man could be heard saying.", "en", "the man"),
        # a capitalised word opening the sentence names no one
        ("Worse, as one executive said, “I distrust most of them, so I miss some.”", "en", None),
        (
            "Critics argue that “this is neoliberal identity politics,” and critics are many.",
            "en",
            None,
        ),
        # a sentence's end inside a name, a verb before it
        (
            "Anne Vincent sat. Penny left. “I will see you soon, my friend,” replied Penny.",
            "en",
            "Penny",
        ),
        # German: told the paper, by someone not named; a name and whom it was said to
        ("„Ich werde sehr stark auf ihn einreden“, sagte der Zeitung ein Sprecher.", "de", None),
        (
            "„Die Liste wird immer länger“, sagte Allendorf der Frankfurter Zeitung.",
            "de",
            "Allendorf",
        ),
        ("„Das hatten wir nicht erwartet“, sagte dem Spiegel ein Sprecher.", "de", None),
    ],
)
def test_speakers_are_someone(text, language, speaker):
    assert [s for _q, s, _e in speakers(text, language)] == [speaker]


def test_a_pronoun_does_not_stand_for_a_name_after_an_article_or_a_common_noun():
    text = (
        "Jim Cantrell runs Vector Space Systems. He spoke about the New Race to Build a"
        " Space-Based Internet.\n\n“These accidents are tough to come back from,” he said."
    )
    assert speakers(text, "en")[0][1] == "Jim Cantrell"
    text = (
        "John Fa works on land rights. Countries signed the Paris Agreement, and the agreement"
        " holds.\n\n“These areas are under threat from development,” he said."
    )
    assert speakers(text, "en")[0][1] == "John Fa"


def test_a_name_is_kept_whole_and_a_verb_before_it_dropped():
    from chronicle.ingest.enrich.quotes.plausible import plausible

    for name in ("Billy Donovan", "Will McClay", "Reilly Opelka", "John F. Kennedy", "WHO"):
        assert plausible(name) == name
    assert plausible("Replied Stephen") == "Stephen" and plausible("Temple. Bear") == "Bear"
    assert plausible("the man could be heard") == "the man" and plausible("the letter") is None


def test_a_pronoun_does_not_stand_for_a_work_or_a_place_after_a_preposition():
    text = (
        "Ryan Gosling said working on La La Land was a joy.\n\n"
        "“You know, people are breaking into song and dancing,” he says."
    )
    assert speakers(text, "en")[0][1] == "Ryan Gosling"
