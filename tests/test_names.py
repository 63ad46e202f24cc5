"""Names start with any Unicode capital and may hold a particle: the one finder that quotes and
`chronicle entities suggest` share."""

from __future__ import annotations

from pathlib import Path

from chronicle.text.names import cut_compound, is_name, name_runs

CLIPPING = (
    "On Monday, Łukasz Nowak met Ḥamas officials in Cairo, where Łukasz Nowak spoke first.\n\n"
    "Later Łukasz Nowak left, and Ḥamas issued a statement about Łukasz Nowak.\n"
)


def runs(text: str) -> list[str]:
    return [m.group(0) for m in name_runs(text)]


def test_a_name_starts_with_any_capital():
    assert runs("Later Łukasz Nowak met Ḥamas and Ümit Özdağ in Øresund.") == [
        "Later Łukasz Nowak",
        "Ḥamas",
        "Ümit Özdağ",
        "Øresund.",
    ]
    assert runs("Me\u0301shaal spoke.") == ["Me\u0301shaal"]  # a combining accent inside


def test_particles_join_the_words_of_a_name():
    assert runs("Then Charles de Gaulle met Abdel Fattah al-Sisi and Lula da Silva.") == [
        "Then Charles de Gaulle",
        "Abdel Fattah al-Sisi",
        "Lula da Silva.",
    ]
    assert runs("the Ministry of Defense") == ["Ministry", "Defense"]
    assert [m.group(0) for m in name_runs("the Ministry of Defense", {"of"})] == [
        "Ministry of Defense"
    ]
    assert is_name("Ursula von der Leyen") and not is_name("Ursula said")
    assert cut_compound("Hamas-run") == "Hamas" and cut_compound("Al-Aqsa") == "Al-Aqsa"


def test_suggest_offers_names_with_capitals_beyond_latin_1_whole(tmp_path: Path, monkeypatch, cli):
    archive = tmp_path / "docs" / "articles"
    archive.mkdir(parents=True)
    (tmp_path / "entities.yml").write_text("- {name: Cairo, kind: place}\n", encoding="utf-8")
    clipping = tmp_path / "clipping.txt"
    clipping.write_text(CLIPPING, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "250")  # the table's names whole, not wrapped
    cli("add", clipping, "--date", "2025-03-21", "--source", "Test Wire", "--archive", archive)
    suggested = cli("entities", "suggest", "--no-spacy", "--archive", archive)
    names = [line.split("│")[0].strip() for line in suggested.output.splitlines() if "│" in line]
    assert "Łukasz Nowak" in names and "Ḥamas" in names, suggested.output
    assert "Nowak" not in names and "amas" not in suggested.output.replace("Ḥamas", "")


def test_suggest_lists_another_spelling_of_a_registered_name_with_the_entity_it_is_linked_to(
    articles,
):
    """Matching ignores accents, so `Ḥamas` is already linked to the registered `Hamas`; the
    curator still sees the spelling (an accent can tell two surnames apart: Pena, Peña)."""
    from chronicle.archive.registry import parse_registry
    from chronicle.ingest.enrich.suggest import suggest

    registry = parse_registry(
        "- {name: Hamas, kind: organisation}\n- {name: Cairo, kind: place}\n", "entities.yml"
    )
    article = articles.make(body=CLIPPING + "\nHAMAS and Hamas met in Cairo.\n")
    found = {s.name: s for s in suggest([article], registry, use_spacy=False)}
    assert found["Ḥamas"].linked_to == "Hamas" and found["Ḥamas"].kind == "organisation"
    assert found["Łukasz Nowak"].linked_to is None
    # The registered spelling itself, in any case, is not suggested.
    assert not {"Hamas", "HAMAS", "Cairo"} & set(found)


def test_suggest_names_a_person_without_the_honorific():
    from chronicle.ingest.enrich.suggest import candidates_in

    assert ("Netanyahu", "person", "after Mr.") in candidates_in(
        "Mr. Netanyahu said on Tuesday that the talks would resume."
    )
