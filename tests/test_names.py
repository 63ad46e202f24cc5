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
