"""One article memo for both sides: `chronicle add`, `check` and `enrich` parse a stored file only
when neither an earlier command nor the site's last build has, and what they leave in the memo
never makes the site reuse a wrong page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmarks import corpus

import chronicle.archive.store as store_module
from chronicle.archive.memo import ARTICLES_FILE, ArticleMemo, site_cache_folder
from chronicle.archive.store import ArticleStore, render_article
from chronicle.site.build.cache import Fingerprinter

STORY = " ".join(
    f"Sentence {i} of the wire story about the harbour repairs and what the council decided."
    for i in range(40)
)
SYNDICATED = STORY.replace("Sentence 39 of", "A last line added by the syndicating paper, of")


@pytest.fixture
def parsed(monkeypatch) -> list[Path]:
    """Every stored file parsed from now on (the one reader both sides give the memo)."""
    calls: list[Path] = []
    read = ArticleStore.read

    def counted(self: ArticleStore, path: Path):
        calls.append(path)
        return read(self, path)

    monkeypatch.setattr(store_module.ArticleStore, "read", counted)
    return calls


def project_of(tmp_path: Path, size: int) -> Path:
    project = corpus.write_chronicle(tmp_path / "project", size)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- chronicle:\n", "- chronicle:\n      search_enabled: false\n"))
    return project


def clipping(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_the_site_fills_in_the_fingerprint_of_an_entry_the_command_line_kept(tmp_path):
    article_file = corpus.write_chronicle_post(tmp_path, corpus.make_post(0))
    store = ArticleStore(article_file.parents[3])
    pickle = tmp_path / "cache" / ARTICLES_FILE
    ingest_side = ArticleMemo(pickle)  # what `chronicle add` keeps: no fingerprint
    ingest_side.read(article_file, store.read)
    ingest_side.save()

    site_side = ArticleMemo(pickle, Fingerprinter())
    article = site_side.read(article_file, store.read)
    assert site_side.parsed == 0  # the command line's entry is used…
    ((value, text),) = site_side.fingerprints()  # …with the fingerprint a fresh parse gets
    assert value is article and text == Fingerprinter()(article) and text
    site_side.save()
    assert ArticleMemo(pickle).previous[str(article_file.absolute())][3] == text


def test_site_cache_folder_only_for_the_archive_the_site_reads(tmp_path):
    project = project_of(tmp_path, 1)
    assert site_cache_folder(project / "docs" / "articles") == project / ".cache" / "chronicle"
    assert site_cache_folder(project / "docs" / "drafts") is None
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "- chronicle:\n", "- chronicle:\n      cache: false\n"
        )
        + "\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert site_cache_folder(project / "docs" / "articles") is None


def test_a_second_add_parses_only_the_new_file(tmp_path, parsed, cli):
    project = project_of(tmp_path, 6)
    archive = str(project / "docs" / "articles")
    first = clipping(tmp_path, "wire.txt", STORY)
    cli("add", first, "--archive", archive, "--title", "Harbour repairs")
    # No memo yet: every stored file read once for the catalogue's keys only, none parsed whole.
    assert parsed == []
    parsed.clear()
    copy = clipping(tmp_path, "copy.txt", SYNDICATED)
    out = cli("add", copy, "--archive", archive, "--title", "Harbour works").output
    # Only the file the first add wrote; the syndicated copy is still found (its signature
    # from the memo of near-duplicate signatures).
    assert [p.name for p in parsed] == ["harbour-repairs.md"]
    assert "another version of" in out
    parsed.clear()
    # The corpus keeps no originals: check reports each as an error (exit 1) and still counts.
    assert "8 articles checked" in cli("check", "--archive", archive, exit_code=1).output
    assert len(parsed) == 8  # the adds kept no memo (they read no file whole): all, once
    parsed.clear()
    assert "8 articles checked" in cli("check", "--archive", archive, exit_code=1).output
    assert parsed == []  # the memo check kept


def test_an_incremental_build_after_adds_equals_a_clean_build(tmp_path, parsed, cli, mkdocs_build):
    """The site reuses what `chronicle add` parsed, and its pages are what a clean build makes:
    an article retitled by hand and parsed first by `chronicle add` (kept without the site's
    fingerprint) changes the listings that show it, every time it changes."""
    project = project_of(tmp_path, 8)
    archive = str(project / "docs" / "articles")
    assert mkdocs_build(project).returncode == 0
    edited = corpus.chronicle_path(project, corpus.make_post(3))
    for round_, text in enumerate((STORY, SYNDICATED.replace("wire", "agency"))):
        article = ArticleStore(Path(archive)).read(edited)
        body = article.body.replace("\n\n", f"\n\nCorrection {round_}: a figure was wrong.\n\n", 1)
        retitled = article.with_changes(title=f"Corrected report {round_}", body=body)
        edited.write_text(render_article(retitled), encoding="utf-8")
        parsed.clear()
        new = clipping(tmp_path, f"new-{round_}.txt", text)
        cli("add", new, "--archive", archive, "--title", f"Report {round_}")
        assert edited in parsed and len(parsed) <= 2  # the edit (and the last add's file)
        result = mkdocs_build(project, "--dirty")
        assert result.returncode == 0, result.stderr
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".cache"))
    config = clean / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- chronicle:\n", "- chronicle:\n      cache: false\n"))
    assert mkdocs_build(clean).returncode == 0

    built, expected = files_of(project / "site"), files_of(clean / "site")
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_memo_that_cannot_be_written_does_not_fail_the_add(tmp_path, cli):
    project = project_of(tmp_path, 2)
    (project / "blocker").write_text("a file where the cache folder would be\n")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- chronicle:\n", "- chronicle:\n      cache_dir: blocker\n"))
    archive = project / "docs" / "articles"
    assert site_cache_folder(archive) == project / "blocker"
    out = cli("add", clipping(tmp_path, "wire.txt", STORY), "--archive", archive).output
    assert out.startswith("added") and len(ArticleStore(archive).files()) == 3
