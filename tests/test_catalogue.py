"""The archive's catalogue (archive/catalogue.py): `chronicle add` answers "already added?" and
"near duplicate?" from one file of ids, hashes and signatures, parsing only stored files that
changed since; whatever happened to the files or to the catalogue, the answers are the ones a
full read of the archive gives."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from chronicle.archive import stored_keys
from chronicle.archive.catalogue import CATALOGUE_FILE, Catalogue, listing
from chronicle.archive.memo import site_cache_folder
from chronicle.archive.model import Capture, Provenance
from chronicle.archive.store import ArticleStore, render_article
from tests.test_article_memo import STORY, SYNDICATED, clipping, parsed, project_of

__all__ = ["parsed"]  # the fixture, shared with test_article_memo

OTHER = " ".join(
    f"Line {i} of a separate report on the new bridge tolls and the ferry timetable."
    for i in range(40)
)


def _add(cli, archive: Path, *args: str | Path) -> str:
    return cli("add", *args, "--archive", archive).output


def _catalogue(project: Path) -> Path:
    cache = site_cache_folder(project / "docs" / "articles")
    assert cache is not None
    return cache / CATALOGUE_FILE


def test_a_second_add_parses_no_stored_file(tmp_path, parsed, cli):
    project = project_of(tmp_path, 8)
    archive = project / "docs" / "articles"
    first = clipping(tmp_path, "wire.txt", STORY)
    _add(cli, archive, first, "--title", "Harbour repairs")
    assert _catalogue(project).is_file()
    parsed.clear()
    assert "unchanged" in _add(cli, archive, first)  # the same file: by its original's hash
    again = clipping(tmp_path, "again.txt", "  " + STORY)  # other bytes, the same text
    assert "duplicate" in _add(cli, archive, again, "--title", "Again")  # by its fingerprint
    other = clipping(tmp_path, "other.txt", OTHER)
    out = _add(cli, archive, other, "--title", "Bridge tolls")
    assert "added" in out and "another version" not in out
    assert parsed == []  # every answer came from the catalogue
    copy = clipping(tmp_path, "copy.txt", SYNDICATED)
    out = _add(cli, archive, copy, "--title", "Harbour works")
    assert "another version of" in out  # the stored story's signature, from the catalogue
    assert [p.name for p in parsed] == ["harbour-repairs.md"]  # the link written back into it


def test_a_file_changed_by_hand_is_parsed_again_and_a_removed_one_forgotten(tmp_path, parsed, cli):
    project = project_of(tmp_path, 8)
    archive = project / "docs" / "articles"
    first = clipping(tmp_path, "wire.txt", STORY)
    _add(cli, archive, first, "--title", "Harbour repairs")
    (stored,) = archive.rglob("harbour-repairs.md")
    # Edited by hand: the text is now another story, so a copy of the old one is no version
    # of it, and a copy of the new one is.
    text = stored.read_text(encoding="utf-8")
    stored.write_text(text.replace(STORY, OTHER), encoding="utf-8")
    parsed.clear()
    out = _add(cli, archive, clipping(tmp_path, "copy.txt", SYNDICATED), "--title", "Works")
    assert "another version" not in out
    assert [p.name for p in parsed] == ["harbour-repairs.md"]  # only the edited file
    parsed.clear()
    tolls = OTHER.replace("Line 39 of", "A closing line, of")
    out = _add(cli, archive, clipping(tmp_path, "tolls.txt", tolls), "--title", "Tolls")
    assert "another version of" in out
    # Removed by hand: its original is no longer "already added".
    for path in archive.rglob("*.md"):
        if "harbour" in path.name or "works" in path.name:
            path.unlink()
    out = _add(cli, archive, first, "--title", "Harbour repairs")
    assert out.startswith("added")


def test_a_damaged_or_foreign_catalogue_is_read_as_none(tmp_path, parsed, cli):
    project = project_of(tmp_path, 6)
    archive = project / "docs" / "articles"
    first = clipping(tmp_path, "wire.txt", STORY)
    _add(cli, archive, first, "--title", "Harbour repairs")
    file = _catalogue(project)
    for damage in (b"\x80\x05garbage", b"", pickle.dumps({"version": "0", "entries": []})):
        file.write_bytes(damage)
        parsed.clear()
        assert "unchanged" in _add(cli, archive, first)
        # Every stored file read through the article memo, as with no catalogue: parsed is
        # only the file the first add wrote, which that memo did not hold yet.
        assert [p.name for p in parsed] in ([], ["harbour-repairs.md"])
        assert pickle.loads(file.read_bytes())["version"] != "0"  # written again


def test_the_catalogue_agrees_with_a_full_read(tmp_path):
    project = project_of(tmp_path, 12)
    archive = project / "docs" / "articles"
    store = ArticleStore(archive)
    catalogue = Catalogue(archive, tmp_path / "catalogue.pickle")
    entries = list(catalogue.refresh(store.read, store.iter_articles))
    assert [path for path, _ in entries] == store.files()
    assert [Path(name) for name, _ in listing(archive)] == store.files()
    for path, entry in entries:
        article = store.read(path)
        assert article.provenance is not None
        assert (entry.id, entry.sha256, entry.fingerprint) == (
            article.id,
            article.provenance.sha256,
            article.provenance.fingerprint,
        )
    catalogue.save()
    again = Catalogue(archive, tmp_path / "catalogue.pickle")
    assert list(again.refresh(_never, _never)) == entries  # nothing changed: nothing parsed


def _never(*_args: object) -> object:
    raise AssertionError("parsed a file whose stamp did not change")


def test_reading_only_the_catalogues_keys_agrees_with_a_full_read(tmp_path):
    """With no article memo, the catalogue reads each file for its keys only (stored_keys.py):
    the same entries as parsing it whole, and an unusual front matter is parsed whole."""
    project = project_of(tmp_path, 6)
    archive = project / "docs" / "articles"
    store = ArticleStore(archive)
    first, second, *_ = store.files()
    when = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    article = store.read(first).with_changes(
        url="https://news.example/harbour",
        provenance=Provenance(
            "feed.xml#entry-7", "a" * 64, when, "feed", "b" * 64, when, "https://x.example/f"
        ),
        captures=(Capture("c" * 64, when, "An earlier text.\n\nTwo paragraphs.", None, "p.html"),),
    )
    first.write_text(render_article(article), encoding="utf-8")
    text = second.read_text(encoding="utf-8")
    odd = {
        "comment.md": text.replace("---\n", "---\n# a curator's note\n", 1),
        "flow.md": "---\n{id: flow-1, title: Flow}\n---\nA body.\n",
        "twice.md": text.replace("---\n", "---\nurl: https://a.example/\n", 1),  # url again
        "unknown.md": text.replace("---\n", "---\nsubtitle: Not a key\n", 1),
    }
    for name, content in odd.items():
        (second.parent / name).write_text(content, encoding="utf-8")
    for path in store.files():
        kept = stored_keys.read_keys(path, store.name(path))
        if path.name in odd:
            assert kept is None, path.name  # unusual: parsed whole
            continue
        assert kept is not None
        whole = Catalogue._entry(None, store.read(path), (1, 2, 3))
        assert Catalogue._entry(None, kept, (1, 2, 3)) == whole
    whole_entry = Catalogue._entry(None, store.read(first), (1, 2, 3))
    assert whole_entry.locator == "entry-7" and whole_entry.captures  # the keys were there
    assert whole_entry.addresses == ("https://news.example/harbour", "https://x.example/f")
