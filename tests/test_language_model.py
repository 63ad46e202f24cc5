"""py3langid's model kept decompressed in the user's cache: the same answers as py3langid's own
loading, made once, remade when damaged, and never needed (py3langid's own loading instead)."""

from __future__ import annotations

import json

import py3langid
import pytest

from chronicle.text import language_model

TEXTS = [
    "The minister said on Monday that the harbour repairs would be finished by the spring.",
    "Der Minister sagte am Montag, die Arbeiten am Hafen seien im Frühjahr fertig.",
    "Le ministre a déclaré lundi que les travaux du port seraient achevés au printemps.",
    "El ministro dijo el lunes que las obras del puerto terminarán en primavera.",
    "Министр заявил в понедельник, что ремонт порта завершится весной.",
    "部長は月曜日、港の修理は春までに終わると述べた。",
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    language_model.identifier.cache_clear()
    yield tmp_path / "cache" / "chronicle"
    language_model.identifier.cache_clear()


def test_the_decompressed_copy_answers_as_py3langid_does(cache):
    found = language_model.identifier()
    assert found is not None
    for text in TEXTS:
        assert found.classify(text) == py3langid.classify(text)
        assert language_model.classify(text) == py3langid.classify(text)[0]
    (folder,) = cache.iterdir()  # one folder, named after the version and the model's hash
    assert folder.name.startswith("py3langid-")
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_damaged_copy_is_made_again_and_a_kept_one_reused(cache):
    language_model.identifier()
    (folder,) = cache.iterdir()
    made = (folder / "ptc.npy").stat().st_mtime_ns
    language_model.identifier.cache_clear()
    language_model.identifier()
    assert (folder / "ptc.npy").stat().st_mtime_ns == made  # reused, not written again
    with (folder / "nextmove.npy").open("r+b") as handle:
        handle.truncate(1000)  # a disk that filled up, a copy cut short
    language_model.identifier.cache_clear()
    assert language_model.identifier() is not None
    assert (folder / "nextmove.npy").stat().st_size == json.loads(
        (folder / "manifest.json").read_text(encoding="utf-8")
    )["nextmove"]
    assert language_model.classify(TEXTS[1]) == "de"


def test_without_a_usable_cache_py3langid_loads_its_own(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    language_model.identifier.cache_clear()
    try:
        assert language_model.identifier() is None
        assert [language_model.classify(t) for t in TEXTS[:3]] == ["en", "de", "fr"]
    finally:
        language_model.identifier.cache_clear()
