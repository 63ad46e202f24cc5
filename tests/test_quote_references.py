"""Quote speakers the attribution does not name outright: a pronoun, a dropped subject, a
description or a relative pronoun that refers back to someone named before; attributions in
Italian and Portuguese, inside the quotation marks, after `que`/`dass`; one name per person;
quotation marks as printed. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from chronicle.ingest.enrich.quotes import extract_quotes
from chronicle.ingest.enrich.quotes.spans import find_spans


def speakers(text: str, language: str) -> list[tuple[str, str | None]]:
    quotes = extract_quotes(text, [], language)
    for quote in quotes:
        assert quote.text in text  # kept exactly as printed
    return [(q.text, q.speaker) for q in quotes]


def speaker_of(text: str, language: str) -> str | None:
    (found,) = speakers(text, language)
    return found[1]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # Italian and Portuguese attributions
        (
            "«Continueremo a lavorare ogni giorno per la città», ha detto il sindaco Mario Rossi.",
            "it",
            "Mario Rossi",
        ),
        ("«Continueremo a lavorare ogni giorno per la città», ha detto Rossi.", "it", "Rossi"),
        (
            "“Vamos continuar a trabalhar todos os dias”, afirmou o ministro João Silva.",
            "pt",
            "João Silva",
        ),
        ("“Vamos continuar a trabalhar todos os dias”, disse Ana Costa.", "pt", "Ana Costa"),
        # a French attribution set inside the marks
        (
            "« La crise est plus grave que prévu, rappelle Marie Dubois, chercheuse. Il faut agir"
            " vite. »",
            "fr",
            "Marie Dubois",
        ),
        # a German name after a prepositional phrase, and after a compound role
        (
            "„Das Verfahren läuft noch immer“, erklärt auf Nachfrage Martin Rölen aus der"
            " Pressestelle.",
            "de",
            "Martin Rölen",
        ),
        (
            "„Der kleine Tank wäre so in kürzester Zeit voll“, rät Auto-Experte Achmed Leser.",
            "de",
            "Achmed Leser",
        ),
        # the organisation after `von` belongs to the speaker's description
        (
            'Ousman Noor von "Kampagne" sagt: "Wir fordern ein verbindliches Abkommen."',
            "de",
            "Ousman Noor",
        ),
        # a description and then its name between commas
        (
            "« Il y aura un examen du Conseil », a mentionné le directeur général du Conseil,"
            " Norman Sabourin.",
            "fr",
            "Norman Sabourin",
        ),
        (
            "A esto se suma que el presidente, Luis Lacalle Pou, expresó en 2020 que “no vamos a"
            " poder cumplir la normativa”.",
            "es",
            "Luis Lacalle Pou",
        ),
        # a sentence that opens with its verb (`Comentó que …`), the subject dropped
        (
            "El periodista Mauricio Bustos viajó a Bolivia.\n\nAhora Bustos asegura que no mostró"
            " todo. Comentó que si mostrara todas las pruebas"
            " “habría causado un escándalo mayor”.",
            "es",
            "Mauricio Bustos",
        ),
        # a manner adverb is no part of the speaker
        (
            "“I had no idea what was happening on stage,” said the actress authoritatively.",
            "en",
            "the actress",
        ),
    ],
)
def test_attributions(text, language, speaker):
    assert speaker_of(text, language) == speaker


def test_a_dropped_spanish_subject_is_the_person_named_before():
    text = (
        "Laura Pérez, vecina del área, visitó la escuela el lunes. “La situación es grave y nadie"
        " responde a nuestras denuncias”, lamentó."
    )
    assert speaker_of(text, "es") == "Laura Pérez"


def test_a_quote_after_que_is_the_clause_subjects():
    text = "Ana Gómez también sostuvo que “no hay ningún plan de manejo para la zona”."
    (quote,) = extract_quotes(text, [], "es")
    assert (quote.speaker, quote.kind) == ("Ana Gómez", "partial")
    text = "Pedro Ruiz señaló en rueda de prensa que el conflicto “está en la puerta del puerto”."
    assert speaker_of(text, "es") == "Pedro Ruiz"


def test_a_relative_pronoun_stands_for_the_name_before_it():
    text = (
        "También se le preguntó a Pedro Ruiz, quien señaló que “todo está en negociación con el"
        " ministerio”."
    )
    assert speaker_of(text, "es") == "Pedro Ruiz"


def test_two_quotes_joined_by_a_conjunction_have_one_speaker():
    text = (
        "El presidente Luis Lacalle Pou expresó en 2020 que “no vamos a poder cumplir la"
        " normativa” y que “termina siendo injusto para los pobladores”."
    )
    assert [s for _q, s in speakers(text, "es")] == ["Luis Lacalle Pou"] * 2


def test_a_french_pronoun_refers_to_the_person_named_in_the_previous_paragraph():
    text = (
        "Dans un document déposé en cour, le juge Bocock explique sa décision.\n\n"
        "« Ma conjointe et moi avons brièvement assisté à la réception », écrit-il."
    )
    assert speaker_of(text, "fr") == "Bocock"


def test_a_description_is_the_person_the_sentence_opened_with():
    # a German full name counts when it comes up twice (German capitalises every noun)
    text = (
        "Gabi Berger prüft die Lieferungen.\n\n"
        "Gabi Berger, die bei der Firma den Import organisiert, nennt die Hürden: „Die"
        " Luftfrachtkosten sind um das Dreifache gestiegen“, berichtet die Kauffrau."
    )
    assert speaker_of(text, "de") == "Gabi Berger"


def test_a_quote_standing_alone_speaks_for_the_person_just_named():
    text = (
        "Die fehlenden Lieferungen machen sich bemerkbar, ergänzt Eliane Koch. „Die Preise für"
        " Erdbeeren sind niedrig.“"
    )
    assert speaker_of(text, "de") == "Eliane Koch"


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised German adjective and noun opening a sentence name no one
        "Ähnliche Probleme bereitet der Transport mit Schiffen. „Der Kreislauf ist unterbrochen,"
        " wir exportieren zu wenig“, sagt die Branchenkennerin.",
        # a title in marks in the previous paragraph names no one
        "Also wird die Konsole aus der Ecke gekramt und «Mario Kart» gespielt.\n\n«Freunde, ist"
        " jemand morgen um neun hier?», sagt er.",
    ],
)
def test_no_one_invented(text):
    for _quote, speaker in speakers(text, "de"):
        assert speaker in (None, "die Branchenkennerin")


def test_an_honorific_is_dropped_and_the_full_name_taken():
    text = (
        "« La désinformation est grave », dit Ana Sofia Cardenal.\n\n« Lutter contre les fausses"
        " informations est très difficile », détaille Mme Cardenal."
    )
    assert [s for _q, s in speakers(text, "fr")] == ["Ana Sofia Cardenal"] * 2


def test_a_surname_is_the_full_name_given_in_the_article():
    text = (
        "John Burke, the mayor, spoke on Monday.\n\n“We will rebuild the bridge,” Burke said.\n\n"
        "“Nothing will stop us now,” said John Burke."
    )
    assert [s for _q, s in speakers(text, "en")] == ["John Burke", "John Burke"]


def test_two_people_with_one_surname_keep_the_surname():
    text = "Anna Burke and John Burke both spoke.\n\n“We will rebuild the bridge,” Burke said."
    assert speaker_of(text, "en") == "Burke"


@pytest.mark.parametrize(
    ("paragraph", "inside"),
    [
        ("「我们会继续努力」，他说。", "我们会继续努力"),
        ("『新しい時代が始まる』と述べた。", "新しい時代が始まる"),
        ("« Nous continuerons », a-t-il dit.", " Nous continuerons "),
        ("„Wir machen weiter“, sagte sie.", "Wir machen weiter"),
    ],
)
def test_quotation_marks_as_printed(paragraph, inside):
    (span,) = find_spans(paragraph)
    start, end = span.text_range
    assert paragraph[start:end] == inside
    assert paragraph[span.open] + inside + paragraph[span.close] in paragraph


def test_an_apostrophe_inside_a_single_quoted_quote_does_not_end_it():
    text = "‘The players’ union is strong and it won’t give in,’ said Tom Hale."
    assert speakers(text, "en") == [
        ("The players’ union is strong and it won’t give in,", "Tom Hale")
    ]


def test_a_paragraph_that_is_one_quote_goes_on_with_the_person_reported_before():
    text = (
        "Le juge Bocock ajoute qu’il est important que justice se fasse.\n\n"
        "« Bien que je n’aie pas encore rendu de décision, je pourrais être appelé à le faire. »"
    )
    assert speaker_of(text, "fr") == "Bocock"
    # with no report in the previous paragraph's last sentence, no one
    text = "Le juge Bocock est arrivé tôt.\n\n« Nous verrons bien ce que la cour décidera. »"
    assert speakers(text, "fr") == [("Nous verrons bien ce que la cour décidera.", None)]


def test_before_a_colon_the_person_the_sentence_names_first_speaks():
    text = (
        "Lundi 6 mai, Sebastian Kurz, le chancelier autrichien, n’a pas hésité à montrer du doigt"
        " la situation, dans un entretien à la Stampa : « L’Italie risque de menacer l’ensemble de"
        " la zone euro. »"
    )
    assert speaker_of(text, "fr") == "Sebastian Kurz"
    # a sentence that names no one gives no speaker
    text = "Eine offenbar fast unendliche Geschichte: „Das Verfahren wird zur Zeit abgestimmt.“"
    assert speakers(text, "de") == [("Das Verfahren wird zur Zeit abgestimmt.", None)]


def test_a_title_of_a_work_is_no_speaker():
    text = (
        "The film “La La Land” won six awards.\n\n"
        "“It was a mistake to read the wrong envelope on stage,” La La Land said."
    )
    assert speakers(text, "en") == [("It was a mistake to read the wrong envelope on stage,", None)]
    # a place used as an adjective is no speaker either
    text = "“We are going to bring back every job,” Rust Belt voters said."
    assert speakers(text, "en") == [("We are going to bring back every job,", None)]
