"""Classes of attribution in German, French and Spanish: who a quote belongs to when the
attribution is a clause away (an opening `según`, a dropped subject, reported speech), and when
a quote has no one who can be named (a plural verb, a genitive, nouns after an adjective).
Each case is a small text written for it."""

from __future__ import annotations

import pytest

from chronicle.ingest.enrich.quotes import extract_quotes


def speakers(text: str, language: str) -> dict[str, str | None]:
    quotes = extract_quotes(text, [], language)
    for quote in quotes:
        assert quote.text in text
    return {q.text: q.speaker for q in quotes}


@pytest.mark.parametrize(
    ("text", "language", "quote", "speaker"),
    [
        # an `according to` that opens the sentence, capitalised
        (
            "Según informó la Dirección de Aguas a la prensa, se detectó “una fuga en la red "
            "principal del barrio”.",
            "es",
            "una fuga en la red principal del barrio",
            "Dirección de Aguas",
        ),
        # a description, then the name set off by commas, after an opening clause
        (
            "Ese mismo martes, el presidente del gremio médico, Tomás Ibarra Ruiz, señaló ante "
            "la prensa que la huelga “está muy cerca”.",
            "es",
            "está muy cerca",
            "Tomás Ibarra Ruiz",
        ),
        # a dropped subject after a phrase of time
        (
            "Marta Sosa Vidal dirige la cooperativa desde 2010. En aquel momento afirmó que había "
            "deudas por “los créditos del banco estatal”.",
            "es",
            "los créditos del banco estatal",
            "Marta Sosa Vidal",
        ),
        # `quien` after a name set off by commas and a clause
        (
            "El diario llamó al alcalde de la ciudad, Rubén Ortiz Lema, para saber su opinión, "
            "quien manifestó que “el puerto necesita más inversión”.",
            "es",
            "el puerto necesita más inversión",
            "Rubén Ortiz Lema",
        ),
        # French: a pluperfect verb, and `a fait valoir`
        (
            "Avant le vote, la ministre Claire Vautrin avait déclaré à la radio que « le budget "
            "ne sera pas modifié ».",
            "fr",
            "le budget ne sera pas modifié",
            "Claire Vautrin",
        ),
        (
            "Des amendes « aideront les villes à garder leurs rues propres », a fait valoir le "
            "maire Paul Servant au journal local.",
            "fr",
            "aideront les villes à garder leurs rues propres",
            "Paul Servant",
        ),
        # French: `Il ajoute, « … »`, a verb and a comma before the quote
        (
            "L’ingénieur Marc Dubreuil a visité le chantier lundi. Il ajoute, « nous finirons "
            "le pont avant l’hiver ».",
            "fr",
            "nous finirons le pont avant l’hiver",
            "Marc Dubreuil",
        ),
        # German: a reflexive verb of feeling, and a genitive after the description
        (
            "Ina Gerlach prüft die Ware im Lager. Ina Gerlach zeigt auf eine Kiste, „eine sehr "
            "gute Ernte aus Spanien“, freut sich die Chefin des Bremer Händlers über die Ware.",
            "de",
            "eine sehr gute Ernte aus Spanien",
            "Ina Gerlach",
        ),
        # German: reported speech (Konjunktiv I) goes on with the one who spoke
        (
            "Der Bürgermeister Jan Albers sprach am Montag. „Wir bauen die Schule neu“, sagte "
            "Albers. Dafür müsse die Stadt aber „deutlich mehr Geld ausgeben“.",
            "de",
            "deutlich mehr Geld ausgeben",
            "Jan Albers",
        ),
    ],
)
def test_attribution_a_clause_away(text, language, quote, speaker):
    assert speakers(text, language)[quote] == speaker


def test_a_later_partial_quote_in_the_same_sentence_keeps_the_speaker():
    text = (
        "La ministra Elena Prado Gil expresó en la sesión que “el agua es un derecho” y que "
        "“termina siendo injusto para los vecinos”, ya que implica “el cierre de los pozos "
        "rurales”."
    )
    found = speakers(text, "es")
    assert found["el cierre de los pozos rurales"] == "Elena Prado Gil"


def test_a_dropped_subject_is_the_last_speaker_when_no_one_is_named_near():
    text = (
        "El investigador Hugo Ferrán asegura que “habría causado un escándalo mayor”.\n\n"
        "Señaló que la mayoría de los coches robados están en manos de autoridades.\n\n"
        "“Yo le diría que casi todos los tienen policías y militares”, dijo a la radio."
    )
    found = speakers(text, "es")
    assert found["Yo le diría que casi todos los tienen policías y militares"] == "Hugo Ferrán"


def test_a_plural_verb_with_no_subject_is_no_one_named_before():
    text = (
        "La ministra Antonia Reyes Soto criticó la decisión de la orden.\n\n"
        "Finalmente, indicaron que “mientras dure la investigación el sacerdote queda "
        "suspendido de sus funciones”."
    )
    found = speakers(text, "es")
    quote = "mientras dure la investigación el sacerdote queda suspendido de sus funciones"
    assert found.get(quote) is None


def test_nouns_after_an_inflected_word_are_no_person():
    text = (
        "Rita Vogt leitet den Betrieb. Vor mehreren Hundert Zuhörern bekräftigte der Chef die "
        "Pläne. „Wolfsburg ist wichtig für den Konzern“, betonte der Chef."
    )
    assert speakers(text, "de").get("Wolfsburg ist wichtig für den Konzern") != "Hundert Zuhörern"


def test_a_name_in_marks_between_two_quotes_is_no_quote_of_the_speaker():
    text = (
        "„Wir haben täglich Meldungen von toten Tieren bekommen“, erklärte Nadia Kranz von "
        "„Tierhilfe“, „da hätte sofort reagiert werden müssen.“"
    )
    found = speakers(text, "de")
    assert found.get("Tierhilfe") is None
    assert found["da hätte sofort reagiert werden müssen."] == "Nadia Kranz"


def test_a_sentence_ends_before_the_spaces_inside_guillemets():
    text = (
        "Léa Morin écrit ses Mémoires. « Je repense souvent à ce quartier, écrit-elle. Ces "
        "scènes me manquent parfois cruellement. » Il arrive à l’architecte de regarder son "
        "travail : « Les miens sont surtout des souvenirs de chantiers »."
    )
    found = speakers(text, "fr")
    assert (
        found[
            "Je repense souvent à ce quartier, écrit-elle. Ces scènes me manquent parfois "
            "cruellement."
        ]
        == "Léa Morin"
    )
    assert found.get("Les miens sont surtout des souvenirs de chantiers") is None


def test_words_after_the_phrase_are_mentioned_not_said():
    text = (
        "Gray said he first searched online for the phrase “cheap flights to nowhere” before "
        "he booked the trip."
    )
    assert speakers(text, "en").get("cheap flights to nowhere") is None
    assert (
        speakers("Le maire a employé le mot « catastrophe naturelle majeure ».", "fr").get(
            "catastrophe naturelle majeure"
        )
        is None
    )


def test_a_paragraph_that_is_one_quote_goes_on_with_the_last_speaker():
    text = (
        "“We will always warn them about the roads,” said Nora Banks, who has lived in the "
        "valley for decades.\n\n"
        "“The thing is, the bridge has been closing for years. Nobody listens to us.”"
    )
    found = speakers(text, "en")
    assert found["The thing is, the bridge has been closing for years. Nobody listens to us."] == (
        "Nora Banks"
    )


def test_a_heading_in_marks_does_not_go_on_with_the_last_speaker():
    text = (
        "“It is only a matter of luck that no one was hurt,” Lederman said.\n\n"
        "‘A messy, messy mess’\n\n"
        "“Officials released misleading statements about the protest,” the report says."
    )
    assert speakers(text, "en").get("A messy, messy mess") is None


def test_asserted_is_a_speech_verb():
    text = (
        "The police chief, Jason Miller, has asserted that officers “can use whatever force "
        "is necessary to keep the peace”."
    )
    assert speakers(text, "en")["can use whatever force is necessary to keep the peace"] == (
        "Jason Miller"
    )


def test_a_first_name_after_a_role_is_a_person_in_its_paragraph():
    text = (
        "Die Konsole steht im Sitzungszimmer. Co-Redaktionsleiter Gabriel schlägt sich schlecht. "
        "«Weisst du, im ganz alten Spiel hätte ich euch alle geschlagen», sagt er."
    )
    assert (
        speakers(text, "de")["Weisst du, im ganz alten Spiel hätte ich euch alle geschlagen"]
        == "Gabriel"
    )


def test_a_possessive_opens_no_name():
    text = (
        "Ihre Tochter hat sicher viele Fragen – dabei geht es vor allem um die Frage: „Bin ich "
        "heute wirklich ganz normal?“"
    )
    assert speakers(text, "de")["Bin ich heute wirklich ganz normal?"] is None


def test_unnamed_sources_speak_as_a_group():
    text = (
        "El ministro Pablo Mieres habló el lunes con el sindicato.\n\n"
        "En tanto, fuentes de Navicom dijeron a la prensa que “la empresa tomó esta medida para "
        "ordenar la situación”. “Tenemos un compromiso con el puerto y con el país”, explicaron "
        "las fuentes."
    )
    found = speakers(text, "es")
    assert found["la empresa tomó esta medida para ordenar la situación"] == "fuentes de Navicom"
    assert found["Tenemos un compromiso con el puerto y con el país"] == "las fuentes"


def test_a_name_and_a_colon_before_a_quote_is_a_headline_attribution():
    text = "Más fuego amigo. Larroque: “El presidente fuerza la ruptura con el gobierno”"
    assert speakers(text, "es")["El presidente fuerza la ruptura con el gobierno"] == "Larroque"
    # German capitalises every noun: `Fazit:` is no one.
    assert speakers("Fazit: „Wir brauchen mehr Personal in den Schulen.“", "de") == {
        "Wir brauchen mehr Personal in den Schulen.": None
    }


def test_she_is_the_spokeswoman_of_the_last_paragraph():
    text = (
        "The strikers do not aim to disrupt flights, a spokeswoman for the Harbour Workers "
        "Union said at a press conference.\n\n"
        "“They do want to win public support,” she said."
    )
    assert speakers(text, "en")["They do want to win public support,"] == "Harbour Workers Union"
    other = text.replace("spokeswoman", "spokesman")
    assert speakers(other, "en").get("They do want to win public support,") is None


def test_an_opening_as_said_clause_names_the_speaker():
    text = (
        "Wie Sprecher Stefan Gobbel erklärte, wollte sich die Firma darum kümmern, dass die Tiere "
        "versorgt werden: „Das war auch mit dem Veterinäramt so abgesprochen.“"
    )
    found = speakers(text, "de")
    assert found["Das war auch mit dem Veterinäramt so abgesprochen."] == "Stefan Gobbel"


def test_a_pronoun_of_the_other_gender_is_someone_else():
    text = (
        "Dans son livre, Claire Vasseur, historienne, raconte la fermeture de l’usine. « Les "
        "ouvriers savaient depuis longtemps, écrit-elle. Personne ne les a écoutés. »\n\n"
        "Il ajoute, « la direction avait déjà vendu les machines à l’étranger »."
    )
    found = speakers(text, "fr")
    first = "Les ouvriers savaient depuis longtemps, écrit-elle. Personne ne les a écoutés."
    assert found[first] == "Claire Vasseur"
    assert found["la direction avait déjà vendu les machines à l’étranger"] is None
    same = text.replace("Il ajoute", "Elle ajoute")
    assert speakers(same, "fr")["la direction avait déjà vendu les machines à l’étranger"] == (
        "Claire Vasseur"
    )


def test_he_is_no_place_in_a_list_of_names():
    text = (
        "The company has long worked with Canada, Australia, New Zealand and the US on the "
        "project.\n\n"
        "Critics doubt the plan. “We have seen this kind of promise many times before,” he "
        "asserts, “and it never ends well for the workers.”"
    )
    found = speakers(text, "en")
    assert found["We have seen this kind of promise many times before,"] is None


def test_a_nationality_alone_speaks_only_for_an_organisation_named_so():
    text = (
        "Denver is a hub for American Airlines and for two smaller carriers.\n\n"
        "“We expect to restore every cancelled flight by Friday,” American said in a statement."
    )
    quote = "We expect to restore every cancelled flight by Friday,"
    assert speakers(text, "en")[quote] == "American"
    other = text.replace("American Airlines", "an American airline")
    assert speakers(other, "en")[quote] is None


def test_he_never_stands_for_an_organisation_that_spoke_last():
    text = (
        "“The network will appeal the ruling this week,” CNN said in a statement.\n\n"
        "“We are confident in our reporting and our staff,” he said."
    )
    found = speakers(text, "en")
    assert found["The network will appeal the ruling this week,"] == "CNN"
    assert found.get("We are confident in our reporting and our staff,") is None
