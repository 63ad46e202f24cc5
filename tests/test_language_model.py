"""py3langid's model kept decompressed in the user's cache: the same answers as py3langid's own
loading, made once, remade when damaged, and never needed (py3langid's own loading instead)."""

from __future__ import annotations

import json

import numpy
import py3langid
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.text import language_model, language_walk

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


def _byte_by_byte(found):
    """py3langid's own identifier over the same arrays: its DFA walked one byte at a time."""
    import py3langid.langid as langid

    return langid.LanguageIdentifier(
        found.nb_ptc,
        found.nb_pc,
        found.nb_classes,
        found.tk_nextmove,
        found.tk_output,
        tk_row=found.tk_row,
    )


MIXED = [
    *TEXTS,
    "",
    " ",
    "a",
    "ab" * 3000,
    "MINISTER SAID ON MONDAY",
    "Ελλάδα και Κύπρος συμφώνησαν χθες" + " 🙂 " + "नई दिल्ली में बैठक",
    "\x00\x01\ufeff\u202e mixed-up bytes \udcff",
    " ".join(TEXTS) * 20,
]


def test_the_whole_text_walk_scores_as_the_byte_walk_does(cache):
    found = language_model.identifier()
    assert found.walk is not None
    manifest = json.loads(next(cache.iterdir()).joinpath("manifest.json").read_text("utf-8"))
    assert manifest["depth"] == 6  # worked out once, kept for the next process
    plain = _byte_by_byte(found)
    for text in MIXED:
        assert found._decide(text).tobytes() == plain._decide(text).tobytes(), text[:40]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores_as_the_byte_walk_does(text):
    found = language_model.identifier()
    if found is None or not hasattr(found, "walk"):
        return
    assert found._decide(text).tobytes() == _byte_by_byte(found)._decide(text).tobytes()


def _rows(table):
    """A small DFA as language_walk takes it: a flat table and each state's shifted row."""
    flat = numpy.zeros(len(table) * 256, dtype=numpy.uint32)
    for state, moves in enumerate(table):
        for byte, target in moves.items():
            flat[state * 256 + byte] = target
    return flat, numpy.arange(len(table), dtype=numpy.int64) << 8


def test_only_an_aho_corasick_automaton_is_walked_by_windows():
    a, b = ord("a"), ord("b")
    # the trie of "a" and "ab", completed with failure moves: 0 -a-> 1 -b-> 2
    good = [{a: 1}, {a: 1, b: 2}, {a: 1}]
    assert language_walk.trie_depth(*_rows(good)) == 2
    # a DFA that counts a's modulo 3 remembers more than its last bytes: never windowed
    counter = [{a: 1}, {a: 2, b: 1}, {a: 0, b: 2}]
    assert language_walk.trie_depth(*_rows(counter)) is None
    flat, rows = _rows(good)
    walk = language_walk.FeatureWalk(flat, rows, numpy.array([-1, 5, 7]), depth=2)
    counts = walk(b"xabab")
    assert counts is not None
    assert counts[0].tolist() == [5, 7] and counts[1].tolist() == [2.0, 2.0]
    assert walk(b"b") is None  # no feature
    features, times = language_walk.FeatureWalk(flat, rows, numpy.array([-1, 7, 5]), depth=2)(
        b"abaab"
    )
    assert features.tolist() == [7, 5] and times.tolist() == [3.0, 2.0]  # first seen, first
    assert walk(b"xabab")[1].tolist() == [2.0, 2.0]  # nothing kept from the texts before
