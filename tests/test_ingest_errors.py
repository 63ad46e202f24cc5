"""`chronicle add` and `chronicle check` when something is wrong: every problem is one line that
names the right file (and line), with the right exit status, and leaves nothing behind."""

from pathlib import Path

import pytest

from chronicle.archive.files import write_atomic
from chronicle.archive.store import ArticleStore
from chronicle.errors import ReaderError
from chronicle.ingest.add import add_path
from chronicle.ingest.fetch import fetch

TEXT = "A lede sentence about the harbour works. It goes on.\n"


def clip(folder: Path, name: str = "clip.txt") -> Path:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    return path


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


# --- writing fails -------------------------------------------------------------------------------


def test_an_archive_that_is_a_file_is_one_line_and_nothing_is_written(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    clip(tmp_path)
    Path("README.md").write_text("# not a folder\n")
    before = files_under(tmp_path)
    result = cli("add", "clip.txt", "--archive", "README.md", exit_code=1)
    assert "README.md" in result.output and "Traceback" not in result.output
    assert files_under(tmp_path) == before


def test_a_write_error_is_one_line_naming_the_path_and_leaves_nothing(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    clip(tmp_path)
    Path("README.md").write_text("# not a folder\n")
    before = files_under(tmp_path)
    # The archive's folder cannot be made (a file is in the way); the original was kept first.
    result = cli(
        "add", "clip.txt", "--archive", "README.md/articles", "--originals", "kept", exit_code=1
    )
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert line.startswith("Error: cannot write README.md/articles")
    assert files_under(tmp_path) == before  # no article, no original, no empty folder


def test_a_failed_write_removes_the_folders_it_made(tmp_path, monkeypatch):
    import os

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "a" / "b" / "c.md", b"text")
    assert files_under(tmp_path) == []


# --- URLs ----------------------------------------------------------------------------------------


def test_a_malformed_url_is_a_user_error_not_a_bug(tmp_path, cli):
    with pytest.raises(ReaderError, match="not a valid URL"):
        fetch("http://[::1", max_bytes=1000)
    result = cli("add", "http://[::1", "--archive", tmp_path / "articles", exit_code=1)
    assert "not a valid URL" in result.output
    assert "unexpected error" not in result.output and "please report" not in result.output


# --- sidecars name themselves --------------------------------------------------------------------


def test_a_bad_date_in_a_sidecar_names_the_sidecar(tmp_path):
    source = clip(tmp_path, "sc.txt")
    (tmp_path / "sc.yml").write_text("title: T\ndate: 21/03/2025\n")
    (outcome,) = add_path(ArticleStore(tmp_path / "articles"), source, {})
    assert outcome.status == "failed"
    assert "sc.yml" in outcome.detail and "'date'" in outcome.detail
    assert "21/03/2025" in outcome.detail


@pytest.mark.parametrize(
    "sidecar, line",
    [
        ('title: "unclosed\nsource: b\n', 2),  # the end of the file, on its last line
        ("title: a\n  b: c\n", 2),
        ("title: a\nsource: b\ntopics: [x, y\n", 3),
    ],
)
def test_broken_yaml_in_a_sidecar_gives_its_own_line(tmp_path, sidecar, line):
    source = clip(tmp_path, "sc.txt")
    (tmp_path / "sc.yml").write_text(sidecar)
    (outcome,) = add_path(ArticleStore(tmp_path / "articles"), source, {})
    assert outcome.status == "failed"
    assert "sc.yml" in outcome.detail and f"(line {line})" in outcome.detail
    assert "front matter" not in outcome.detail


def test_broken_yaml_in_a_stored_article_gives_the_line_in_the_file(tmp_path, cli):
    path = tmp_path / "a.md"
    path.write_text("---\nid: x\ntitle: T\n  b: c\n---\nbody\n")  # line 4 is wrong
    result = cli("check", "--archive", tmp_path, exit_code=1)
    assert "(line 4)" in result.output


# --- --max-size ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["0", "-1"])
def test_max_size_must_be_at_least_one_mb(tmp_path, size, cli):
    archive = tmp_path / "a"
    result = cli("add", clip(tmp_path), "--archive", archive, "--max-size", size, exit_code=2)
    assert "--max-size" in result.output
    assert not (tmp_path / "a").exists()


# --- paths from where the command runs -----------------------------------------------------------


def test_paths_are_printed_from_the_current_folder(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    clip(tmp_path)
    archive = Path("z3", "docs", "articles")
    result = cli("add", "clip.txt", "--archive", archive)
    (stored,) = archive.rglob("*.md")
    assert f"added      {stored}\n" in result.output
    again = cli("add", "clip.txt", "--archive", archive)
    assert f"already in the archive as {stored}" in again.output
    check = cli("check", "--archive", archive)
    assert f"warning  {stored}:" in check.output


def test_paths_outside_the_current_folder_are_absolute(tmp_path, monkeypatch, cli):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    archive = tmp_path / "elsewhere" / "docs" / "articles"
    result = cli("add", clip(tmp_path), "--archive", archive)
    (stored,) = archive.rglob("*.md")
    assert f"added      {stored.resolve()}\n" in result.output
