"""Pull quotes and interview answers: words in marks set apart from the body take the speaker
of the body's words they repeat. Each case is a small text written for it."""

from __future__ import annotations

from chronicle.ingest.enrich.quotes import extract_quotes


def speakers(text: str, language: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text, [], language)}


def test_a_pull_quote_takes_the_speaker_of_the_longer_quote_it_repeats():
    text = (
        "The clinic has closed its doors.\n\n"
        "“We ran out of fuel and the lights are off.”\n\n"
        "“For days we warned about it,” Dr. Lena Park, the clinic’s director, said last week. "
        "“Now it has happened: we ran out of fuel and the lights are off.”"
    )
    assert speakers(text, "en")["We ran out of fuel and the lights are off."] == "Lena Park"


def test_a_heading_quote_of_an_interview_is_the_one_who_answers():
    text = (
        "Was heißt Freiheit für Sie, Jonas Brenner?\n\n"
        "»Der Zeitgeist ist nun wirklich kein freundlicher«\n\n"
        "DIE ZEIT: Herr Brenner, was verstehen Sie darunter?\n\n"
        "Jonas Brenner: Das ist erst mal ein Nichteinverständnis mit der Ordnung.\n\n"
        "ZEIT: Und weiter?\n\n"
        "Brenner: Das bleibt so."
    )
    found = speakers(text, "de")
    assert found["Der Zeitgeist ist nun wirklich kein freundlicher"] == "Jonas Brenner"


def test_a_name_and_a_colon_before_a_quote_name_its_speaker_when_named_again():
    text = (
        "Schauspielerin Mara Voss: „Der Film zeigt Stärke in all ihren Facetten“\n\n"
        "Wir haben mit Mara Voss gesprochen."
    )
    assert speakers(text, "de")["Der Film zeigt Stärke in all ihren Facetten"] == "Mara Voss"


def test_a_noun_and_a_colon_before_a_quote_is_no_speaker():
    text = (
        "Barisic scherzt gern.\n\n"
        "Ernster Nachsatz: „Ich muss noch mit meiner Frau reden, dann sehen wir weiter.“"
    )
    found = speakers(text, "de")
    assert (
        found["Ich muss noch mit meiner Frau reden, dann sehen wir weiter."] != "Ernster Nachsatz"
    )
