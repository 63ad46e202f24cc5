"""Words in quotation marks that name a thing (a firm, a show, a book) rather than report what
someone said, and quotes whose speaker is only named nearby. Each case is a small text written
for it."""

from __future__ import annotations

from chronicle.ingest.enrich.quotes import extract_quotes


def speakers(text: str, language: str) -> dict[str, str | None]:
    quotes = extract_quotes(text, [], language)
    for quote in quotes:
        assert quote.text in text
    return {q.text: q.speaker for q in quotes}


def test_a_name_in_marks_printed_again_and_again_is_no_quote():
    text = (
        "Der Verein „Hafenfreunde“ hat Anzeige erstattet.\n\n"
        "Wie Sprecherin Jana Krüger erklärte, wollte sich „Hafenfreunde“ um die Boote kümmern: "
        "„Das war mit der Stadt so abgesprochen.“"
    )
    found = speakers(text, "de")
    assert "Hafenfreunde" not in found
    assert found["Das war mit der Stadt so abgesprochen."] == "Jana Krüger"


def test_a_show_named_after_a_preposition_is_said_by_no_one():
    text = (
        "Oliver Meier ist Moderator. Bei „Abendschau Spezial: Die Gäste des Jahres“ (ZDF) "
        "sagt Meier: „Ich habe nichts zu verbergen, das wissen alle.“"
    )
    found = speakers(text, "de")
    assert found.get("Abendschau Spezial: Die Gäste des Jahres") is None
    assert found["Ich habe nichts zu verbergen, das wissen alle."] == "Oliver Meier"


def test_a_quote_after_a_preposition_set_off_for_its_attribution_keeps_its_speaker():
    text = (
        "Marta Gil vive allí. La lista de problemas es encabezada por “el temor de que se "
        "cierre el hospital”, según contó Marta Gil."
    )
    assert speakers(text, "es")["el temor de que se cierre el hospital"] == "Marta Gil"


def test_speech_before_a_preposition_keeps_the_speaker():
    text = "Karl Brandt said the plan was against “every rule of the house we know”."
    assert speakers(text, "en")["every rule of the house we know"] == "Karl Brandt"


def test_a_pronoun_that_stands_for_no_one_leaves_the_paper_it_told_out():
    text = "„Das ist doch alles viel zu teuer für uns“, sagte er der Süddeutschen Zeitung."
    assert speakers(text, "de")["Das ist doch alles viel zu teuer für uns"] is None


def test_a_description_of_another_role_is_not_the_person_named_before():
    text = (
        "Die Kanzlerin Angela Merkel traf am Montag den Präsidenten. „Wir haben gut gesprochen "
        "und viel erreicht“, sagte der Präsident."
    )
    found = speakers(text, "de")["Wir haben gut gesprochen und viel erreicht"]
    assert found == "der Präsident"


def test_a_description_of_the_same_role_is_the_person_named_before():
    text = (
        "„Wir haben viele Aufträge“, sagte Konzernchef Robert Machtler am Dienstag. „Das "
        "hatten wir nicht einmal vor der Krise“, so der CEO. „Die Branche ist ausverkauft“, "
        "sagte der Chef."
    )
    found = speakers(text, "de")
    assert found["Das hatten wir nicht einmal vor der Krise"] == "Robert Machtler"
    assert found["Die Branche ist ausverkauft"] == "Robert Machtler"


def test_a_minister_is_the_federal_minister_named_before():
    text = (
        "Bundeswirtschaftsminister Robert Habeck kam nach Kiel. „Wir brauchen mehr Windräder "
        "im ganzen Land“, sagte der Minister."
    )
    assert speakers(text, "de")["Wir brauchen mehr Windräder im ganzen Land"] == "Robert Habeck"


def test_whom_a_named_speaker_speaks_for_is_no_part_of_the_name():
    text = "In Hamburg sagte Tom Reiter von Greenpeace: „Das ist doch alles viel zu teuer für uns.“"
    assert speakers(text, "de")["Das ist doch alles viel zu teuer für uns."] == "Tom Reiter"
    text = "„Wir bleiben im Amt, das ist klar“, sagte Ursula von der Leyen in Brüssel."
    assert speakers(text, "de")["Wir bleiben im Amt, das ist klar"] == "Ursula von der Leyen"


def test_a_possessor_is_not_the_speaker():
    text = "Der Kanzler schwieg. „Das ist doch alles viel zu teuer für uns“, sagt Scholz’ Sprecher."
    assert speakers(text, "de")["Das ist doch alles viel zu teuer für uns"] is None


def test_a_role_before_a_name_opening_the_sentence_is_no_part_of_the_speaker():
    text = "Bundeskanzler Olaf Scholz sagte am Montag: „Wir werden das Gesetz bald ändern.“"
    assert speakers(text, "de")["Wir werden das Gesetz bald ändern."] == "Olaf Scholz"


def test_a_german_speech_verb_then_a_comma_and_reported_speech_names_the_speaker():
    text = "Karl Brandt sagte am Montag, der Plan sei „ein sehr teurer Fehler der Regierung“."
    assert speakers(text, "de")["ein sehr teurer Fehler der Regierung"] == "Karl Brandt"
    text = "Elder fand in Alvin Thomas, auch bekannt als „Titanic“ Thompson, einen Freund."
    assert speakers(text, "de").get("Titanic") is None


def test_an_opening_in_the_view_of_names_the_speaker():
    text = "Nach Ansicht von Tom Reiter ist das „ein großer Fehler der alten Regierung“."
    assert speakers(text, "de")["ein großer Fehler der alten Regierung"] == "Tom Reiter"
    text = "En opinión de Luis Arce, el plan es “un gran error del gobierno anterior”."
    assert speakers(text, "es")["un gran error del gobierno anterior"] == "Luis Arce"
    text = "Según Luis Arce, el plan es un error: “Es un gran error del gobierno anterior”."
    assert speakers(text, "es")["Es un gran error del gobierno anterior"] == "Luis Arce"
