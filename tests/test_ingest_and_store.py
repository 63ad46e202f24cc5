import datetime as dt
import os
from pathlib import Path

import pytest

from chronicle.archive.schema import read_curator
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError, FrontMatterError
from chronicle.ingest.add import add_path

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
TEXT = (
    "A lede sentence about the harbour works. It goes on.\n"
    "Harbour Works Resume\nA body paragraph.\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_add_without_metadata_is_undated_and_inferred(tmp_path, seed_path):
    store = ArticleStore(tmp_path / "articles")
    (outcome,) = add_path(store, seed_path, {}, now=NOW)
    assert outcome.status == "added"
    assert "/undated/" in outcome.detail
    ((path, article),) = store.iter_articles()
    assert article.title_origin == "inferred" and article.title.startswith("Hamas is considering")
    assert article.date is None and article.source is None
    text = path.read_text(encoding="utf-8")
    assert "date: null" in text and "source: null" in text


def test_curator_flags_beat_sidecar_beat_inference(tmp_path):
    src = write(tmp_path / "clip.txt", TEXT)
    write(tmp_path / "clip.yml", "title: Sidecar title\ndate: 2024-05\nsource: The Sidecar\n")
    store = ArticleStore(tmp_path / "articles")
    flags = read_curator("flags", {"title": "Flag title", "topics": ["Ports"]})
    (outcome,) = add_path(store, src, flags, now=NOW)
    a = outcome.article
    assert (a.title, a.title_origin) == ("Flag title", "curator")
    assert a.date.edtf == "2024-05" and a.date_origin == "curator"
    assert (a.source, a.source_origin) == ("The Sidecar", "curator")
    assert a.topics == ("Ports",)
    assert outcome.detail.endswith("articles/2024/05/flag-title.md")


def test_re_adding_the_same_file_changes_nothing(tmp_path):
    src = write(tmp_path / "clip.txt", TEXT)
    store = ArticleStore(tmp_path / "articles")
    (first,) = add_path(store, src, {}, now=NOW)
    before = {p: p.read_bytes() for p in store.files()}
    (again,) = add_path(ArticleStore(tmp_path / "articles"), src, {}, now=NOW)
    assert again.status == "unchanged" and again.detail == first.detail
    assert {p: p.read_bytes() for p in store.files()} == before


def test_same_text_from_another_file_is_refused_naming_the_original(tmp_path):
    store = ArticleStore(tmp_path / "articles")
    (first,) = add_path(store, write(tmp_path / "a.txt", TEXT), {}, now=NOW)
    retyped = TEXT.replace("harbour", "HARBOUR").replace("\n", "\n\n")  # case and layout differ
    (dup,) = add_path(store, write(tmp_path / "b.txt", retyped), {}, now=NOW)
    assert dup.status == "duplicate" and dup.detail == first.detail
    assert len(store.files()) == 1


def test_interrupted_write_leaves_no_file(tmp_path, monkeypatch):
    store = ArticleStore(tmp_path / "articles")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        add_path(store, write(tmp_path / "a.txt", TEXT), {}, now=NOW)
    leftovers = [p for p in (tmp_path / "articles").rglob("*") if p.is_file()]
    assert leftovers == []


def test_round_trip_keeps_every_field(tmp_path):
    src = write(tmp_path / "clip.txt", TEXT)
    store = ArticleStore(tmp_path / "articles")
    flags = read_curator(
        "flags", {"date": "2025-03-21~", "authors": ["A. Writer"], "url": "https://example.org/x"}
    )
    (outcome,) = add_path(store, src, flags, now=NOW)
    ((_, stored),) = store.iter_articles()
    assert stored == outcome.article


def test_bad_sidecar_fails_that_file_only(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "a.yml", "date: 21/03/2025\n")
    (outcome,) = add_path(ArticleStore(tmp_path / "articles"), tmp_path / "a.txt", {}, now=NOW)
    assert outcome.status == "failed" and "21/03/2025" in outcome.detail


def test_unknown_front_matter_key_names_file_and_key(tmp_path):
    path = tmp_path / "articles" / "x.md"
    path.parent.mkdir()
    write(path, "---\nid: x\ntittle: Oops\ntitle: T\n---\nbody\n")
    with pytest.raises(FrontMatterError) as info:
        ArticleStore(tmp_path / "articles").read(path)
    assert "tittle" in str(info.value) and "did you mean 'title'" in str(info.value)
    assert "x.md" in str(info.value)


@pytest.mark.parametrize(
    "front, key",
    [
        ("id: x\ntitle: T\ndate: 2025-99-99\n", "date"),
        ("id: x\ntitle: T\nauthors: {a: 1}\n", "authors"),
        ("id: x\n", "title"),
        ("id: x\ntitle: T\ntitle_origin: guessed\n", "title_origin"),
        ("id: x\ntitle: [unclosed\n", ""),
    ],
)
def test_schema_errors(tmp_path, front, key):
    path = tmp_path / "a.md"
    write(path, f"---\n{front}---\nbody\n")
    with pytest.raises(ChronicleError) as info:
        ArticleStore(tmp_path).read(path)
    assert key in str(info.value)
