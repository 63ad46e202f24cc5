"""The limits of a stored article (archive/limits.py) are the curator's to set: as plugin
options in mkdocs.yml, which the site and the command line both read, and as `chronicle add`
flags for one run. A limit set wrong is one line naming it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chronicle.archive.limits import LIMIT_OPTIONS, LIMITS, limits_from
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.site.config import ChronicleConfig

MKDOCS = "site_name: Limits\ntheme:\n  name: material\nplugins:\n  - chronicle{options}\n"
LONG = "A report on the harbour works, long enough to pass a small limit. " * 4


def project_with(tmp_path: Path, **options: object) -> Path:
    project = tmp_path / "project"
    (project / "docs" / "articles").mkdir(parents=True, exist_ok=True)
    lines = "".join(f"\n      {key}: {value}" for key, value in options.items())
    text = MKDOCS.format(options=":" + lines if options else "")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


def clip(tmp_path: Path, text: str = LONG) -> Path:
    path = tmp_path / "clip.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_every_limit_is_a_plugin_option_with_its_default():
    config = ChronicleConfig()
    config.load_dict({})
    assert config.validate()[0] == []
    assert config.limits() == LIMITS
    for option, (field, _) in LIMIT_OPTIONS.items():
        assert config[option] == getattr(LIMITS, field)
    config = ChronicleConfig()
    config.load_dict({"max_body_chars": 100, "max_list_items": 3})
    assert config.validate()[0] == []
    assert (config.limits().body, config.limits().items) == (100, 3)


@pytest.mark.parametrize("value", [0, -5, True, "many"])
def test_a_limit_set_wrong_is_named(value):
    config = ChronicleConfig()
    config.load_dict({"max_body_chars": value})
    (failed,) = config.validate()[0]
    assert failed[0] == "max_body_chars"
    with pytest.raises(ChronicleError, match="'max_body_chars' must be a whole number"):
        limits_from({"max_body_chars": value}, "mkdocs.yml")


def test_add_takes_a_limit_as_a_flag_for_one_run(tmp_path, cli):
    project = project_with(tmp_path)
    archive = project / "docs" / "articles"
    result = cli("add", clip(tmp_path), "--archive", archive, "--max-body-chars", "50", exit_code=1)
    assert "'body'" in result.output and "over the limit of 50" in result.output
    assert list(archive.rglob("*.md")) == []
    cli("add", clip(tmp_path), "--archive", archive)  # the next run: the default limits
    assert len(list(archive.rglob("*.md"))) == 1


def test_add_and_check_read_the_limits_in_the_sites_mkdocs_yml(tmp_path, cli):
    project = project_with(tmp_path)
    archive = project / "docs" / "articles"
    cli("add", clip(tmp_path), "--archive", archive)
    cli("check", "--archive", archive)  # parsed once, and kept in the site's memo
    # A lower limit applies to an article read (and remembered) under the old one.
    project_with(tmp_path, max_body_chars=50)
    result = cli("check", "--archive", archive, exit_code=1)
    assert "over the limit of 50" in result.output
    other = clip(tmp_path, "Another report, on the bridge. " * 4)
    result = cli("add", other, "--archive", archive, exit_code=1)
    assert "over the limit of 50" in result.output
    # A flag wins over mkdocs.yml for its run.
    cli("add", other, "--archive", archive, "--max-body-chars", "100000")
    assert len(list(archive.rglob("*.md"))) == 2


def test_a_limit_set_wrong_in_mkdocs_yml_is_one_line_for_add(tmp_path, cli):
    project = project_with(tmp_path, max_text_chars=0)
    result = cli("add", clip(tmp_path), "--archive", project / "docs" / "articles", exit_code=1)
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert "mkdocs.yml" in line and "'max_text_chars' must be a whole number" in line


def test_add_refuses_a_flag_below_one(tmp_path, cli):
    result = cli("add", clip(tmp_path), "--max-list-items", "0", exit_code=2)
    assert "--max-list-items" in result.output


def test_a_site_leaves_out_an_article_over_its_own_limit(tmp_path, articles, mkdocs_build):
    project = project_with(tmp_path, max_body_chars=100)
    archive = project / "docs" / "articles"
    articles.write(archive, title="Short report", date="2025-03-21", body="Talks resumed.")
    ArticleStore(archive).add(articles.make(title="Long report", date="2025-03-22", body=LONG))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "'body'" in result.stderr and "over the limit of 100" in result.stderr
    html = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    assert "Short report" in html and "Long report" not in html
    strict = mkdocs_build(project, "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr


def test_an_article_over_a_limit_is_refused_before_any_work_on_it(tmp_path, cli):
    """Enrichment reads the body with regular expressions that take minutes over a paragraph
    of 90,000 '[' (measured: 444 s on a loaded machine before the limit came first)."""
    storm = tmp_path / "storm.md"
    storm.write_text(
        "---\ntitle: Bracket storm\ndate: 2025-03-21\nsource: Test Wire\n---\n" + "[" * 90_000,
        encoding="utf-8",
    )
    started = time.monotonic()
    result = cli("add", storm, "--archive", tmp_path / "articles", exit_code=1)
    assert "a paragraph has 90,000 '['" in result.output
    assert time.monotonic() - started < 20
