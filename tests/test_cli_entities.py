"""`chronicle enrich` and `chronicle entities suggest|accept`, through the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from chronicle.archive.store import ArticleStore
from chronicle.cli.main import main
from tests.conftest import ROOT


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def project(tmp_path: Path, registry: bool = True) -> tuple[Path, Path]:
    root = tmp_path / "project"
    (root / "docs" / "articles").mkdir(parents=True)
    if registry:
        shutil.copy(ROOT / "entities.yml", root / "entities.yml")
    return root, root / "docs" / "articles"


def test_add_enriches_with_the_project_registry(tmp_path, seed_path):
    _root, archive = project(tmp_path)
    assert run("add", str(seed_path), "--archive", str(archive)).exit_code == 0
    ((_, article),) = ArticleStore(archive).iter_articles()
    assert "Israel Katz" in article.people and "Hamas" in article.organisations
    assert [q.speaker for q in article.quotes][:3] == ["Meshaal", "Israel Katz", "Katz"]
    assert article.reading_grade is not None
    assert "0 updated" in run("enrich", "--archive", str(archive)).output  # add = enrich


def test_enrich_is_idempotent_and_follows_the_registry(tmp_path, seed_path):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("# my registry\n- {name: Hamas, kind: organisation}\n")
    run("add", str(seed_path), "--archive", str(archive))
    (path,) = archive.rglob("*.md")
    assert ArticleStore(archive).read(path).people == ()
    accepted = run(
        "entities", "accept", "Israel Katz", "--kind", "person", "--description",
        "Israeli Defence Minister", "--archive", str(archive),
    )  # fmt: skip
    assert accepted.exit_code == 0, accepted.output
    registry_text = (root / "entities.yml").read_text()
    assert registry_text.startswith("# my registry\n")  # appended, comments kept
    dry = run("enrich", "--archive", str(archive), "--dry-run")
    assert dry.exit_code == 1 and "would update" in dry.output
    first = run("enrich", "--archive", str(archive))
    assert first.exit_code == 0 and "1 updated" in first.output
    article = ArticleStore(archive).read(path)
    assert article.people == ("Israel Katz",)
    assert any(q.entity == "Israel Katz" and q.verb == "warned" for q in article.quotes)
    before = path.read_bytes(), path.stat().st_mtime_ns
    second = run("enrich", "--archive", str(archive))
    assert second.exit_code == 0 and "0 updated" in second.output
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_accept_refuses_a_name_already_held(tmp_path):
    root, _archive = project(tmp_path)
    result = CliRunner().invoke(
        main, ["entities", "accept", "Katz", "--kind", "person", "--alias", "ISRAEL",
               "--entities", str(root / "entities.yml")],
    )  # fmt: skip
    assert result.exit_code == 1 and "already a name of 'Israel'" in result.output
    assert "Traceback" not in result.output


def test_broken_registry_is_one_line(tmp_path):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("- {name: X, kind: country}\n")
    result = CliRunner().invoke(main, ["enrich", "--archive", str(archive)])
    assert result.exit_code == 1 and "entities.yml: '[0].kind'" in result.output


def test_suggest_lists_missing_names_with_counts_and_examples(tmp_path, seed_path):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("- {name: Hamas, kind: organisation}\n")
    run("add", str(seed_path), "--archive", str(archive))
    result = run("entities", "suggest", "--archive", str(archive), "--no-spacy")
    assert result.exit_code == 0
    out = " ".join(result.output.split())
    assert "Steve Witkoff" in out and "Tamim Khallaf" in out and "person" in out
    assert "envoy Steve Witkoff" in out  # the example sentence


def test_suggest_on_the_example_archive_finds_nothing_missing():
    from chronicle.ingest.enrich import load_registry
    from chronicle.ingest.enrich.suggest import suggest

    articles = [a for _, a in ArticleStore(ROOT / "docs" / "articles").iter_articles()]
    assert suggest(articles, load_registry(ROOT / "entities.yml"), use_spacy=False) == []


def test_every_new_command_has_an_example():
    for args in (["enrich"], ["entities"], ["entities", "suggest"], ["entities", "accept"]):
        result = run(*args, "--help")
        assert result.exit_code == 0 and "Example" in result.output, args


def test_check_warns_when_enrichment_is_out_of_date(tmp_path, seed_path):
    root, archive = project(tmp_path)
    run("add", str(seed_path), "--archive", str(archive))
    assert "chronicle enrich" not in run("check", "--archive", str(archive)).output
    # The curator drops an entity from the registry: its pages go, and check says what to do.
    registry = root / "entities.yml"
    registry.write_text(registry.read_text().replace("- name: Rafah\n", "- name: Rafah City\n"))
    result = run("check", "--archive", str(archive))
    assert result.exit_code == 0
    assert "('Rafah' is not in the registry); run `chronicle enrich`" in result.output
    assert "0 updated" not in run("enrich", "--archive", str(archive)).output
    assert "chronicle enrich" not in run("check", "--archive", str(archive)).output
    assert "0 updated" in run("enrich", "--archive", str(archive)).output


def test_accept_refuses_a_registered_persons_surname_without_force(tmp_path, seed_path):
    root, archive = project(tmp_path)
    run("add", str(seed_path), "--archive", str(archive))
    args = ("entities", "accept", "Katz", "--kind", "person", "--archive", str(archive))
    refused = CliRunner().invoke(main, list(args))
    assert refused.exit_code == 1
    assert "'Katz' is the surname of Israel Katz" in refused.output and "--force" in refused.output
    assert "name: Katz\n" not in (root / "entities.yml").read_text()
    # The same for an alias's surname (`Khaled Mashal` → `Mashal`), and for an alias given.
    refused = CliRunner().invoke(
        main, ["entities", "accept", "Hamas politburo", "--kind", "organisation",
               "--alias", "Mashal", "--archive", str(archive)],
    )  # fmt: skip
    assert refused.exit_code == 1 and "'Mashal' is the surname of Khaled Meshaal" in refused.output
    forced = run(*args, "--force")
    assert (
        forced.exit_code == 0 and "warning: 'Katz' is the surname of Israel Katz" in forced.output
    )
    run("enrich", "--archive", str(archive))
    ((_, article),) = ArticleStore(archive).iter_articles()
    assert any(q.entity == "Katz" and q.verb == "warned" for q in article.quotes)  # as warned


def test_suggest_prints_article_text_as_text_not_markup(tmp_path):
    _root, archive = project(tmp_path)
    source = tmp_path / "talks.txt"
    source.write_text(
        "Talks collapse in Doha\n\nMediator Basem Naim said the talks [/button] ended. "
        "Basem Naim [bold]left[/bold] the city.\n",
        encoding="utf-8",
    )
    assert run("add", str(source), "--archive", str(archive)).exit_code == 0
    result = run("entities", "suggest", "--archive", str(archive), "--no-spacy")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Basem Naim" in out and "[/button]" in out
