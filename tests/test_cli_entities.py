"""`chronicle enrich` and `chronicle entities suggest|accept`, through the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

from chronicle.archive.store import ArticleStore
from tests.conftest import ROOT


def project(tmp_path: Path, registry: bool = True) -> tuple[Path, Path]:
    root = tmp_path / "project"
    (root / "docs" / "articles").mkdir(parents=True)
    if registry:
        shutil.copy(ROOT / "entities.yml", root / "entities.yml")
    return root, root / "docs" / "articles"


def test_add_enriches_with_the_project_registry(tmp_path, seed_path, cli):
    _root, archive = project(tmp_path)
    cli("add", seed_path, "--archive", archive)
    ((_, article),) = ArticleStore(archive).iter_articles()
    assert "Israel Katz" in article.people and "Hamas" in article.organisations
    assert [q.speaker for q in article.quotes][:3] == ["Meshaal", "Israel Katz", "Katz"]
    assert article.reading_grade is not None
    assert "0 updated" in cli("enrich", "--archive", archive).output  # add = enrich


def test_enrich_is_idempotent_and_follows_the_registry(tmp_path, seed_path, cli):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("# my registry\n- {name: Hamas, kind: organisation}\n")
    cli("add", seed_path, "--archive", archive)
    (path,) = archive.rglob("*.md")
    assert ArticleStore(archive).read(path).people == ()
    cli(
        "entities", "accept", "Israel Katz", "--kind", "person", "--description",
        "Israeli Defence Minister", "--archive", archive,
    )  # fmt: skip
    registry_text = (root / "entities.yml").read_text()
    assert registry_text.startswith("# my registry\n")  # appended, comments kept
    dry = cli("enrich", "--archive", archive, "--dry-run", exit_code=1)
    assert "would update" in dry.output
    first = cli("enrich", "--archive", archive)
    assert "1 updated" in first.output
    article = ArticleStore(archive).read(path)
    assert article.people == ("Israel Katz",)
    assert any(q.entity == "Israel Katz" and q.verb == "warned" for q in article.quotes)
    before = path.read_bytes(), path.stat().st_mtime_ns
    second = cli("enrich", "--archive", archive)
    assert "0 updated" in second.output
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_accept_refuses_a_name_already_held(tmp_path, cli):
    root, _archive = project(tmp_path)
    result = cli(
        "entities", "accept", "Katz", "--kind", "person", "--alias", "ISRAEL",
        "--entities", root / "entities.yml", exit_code=1,
    )  # fmt: skip
    assert "already a name of 'Israel'" in result.output
    assert "Traceback" not in result.output


def test_broken_registry_is_one_line(tmp_path, cli):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("- {name: X, kind: country}\n")
    result = cli("enrich", "--archive", archive, exit_code=1)
    assert "entities.yml: '[0].kind'" in result.output


def test_suggest_lists_missing_names_with_counts_and_examples(tmp_path, seed_path, cli):
    root, archive = project(tmp_path, registry=False)
    (root / "entities.yml").write_text("- {name: Hamas, kind: organisation}\n")
    cli("add", seed_path, "--archive", archive)
    result = cli("entities", "suggest", "--archive", archive, "--no-spacy")
    out = " ".join(result.output.split())
    assert "Steve Witkoff" in out and "Tamim Khallaf" in out and "person" in out
    assert "envoy Steve Witkoff" in out  # the example sentence


def test_suggest_on_the_example_archive_finds_nothing_missing():
    from chronicle.ingest.enrich import load_registry
    from chronicle.ingest.enrich.suggest import suggest

    articles = [a for _, a in ArticleStore(ROOT / "docs" / "articles").iter_articles()]
    assert suggest(articles, load_registry(ROOT / "entities.yml"), use_spacy=False) == []


def test_every_new_command_has_an_example(cli):
    for args in (["enrich"], ["entities"], ["entities", "suggest"], ["entities", "accept"]):
        assert "Example" in cli(*args, "--help").output, args


def test_check_warns_when_enrichment_is_out_of_date(tmp_path, seed_path, cli):
    root, archive = project(tmp_path)
    cli("add", seed_path, "--archive", archive)
    assert "chronicle enrich" not in cli("check", "--archive", archive).output
    # The curator drops an entity from the registry: its pages go, and check says what to do.
    registry = root / "entities.yml"
    registry.write_text(registry.read_text().replace("- name: Rafah\n", "- name: Rafah City\n"))
    result = cli("check", "--archive", archive)
    assert "('Rafah' is not in the registry); run `chronicle enrich`" in result.output
    assert "0 updated" not in cli("enrich", "--archive", archive).output
    assert "chronicle enrich" not in cli("check", "--archive", archive).output
    assert "0 updated" in cli("enrich", "--archive", archive).output


def test_accept_refuses_a_registered_persons_surname_without_force(tmp_path, seed_path, cli):
    root, archive = project(tmp_path)
    cli("add", seed_path, "--archive", archive)
    args = ("entities", "accept", "Katz", "--kind", "person", "--archive", archive)
    refused = cli(*args, exit_code=1)
    assert "'Katz' is the surname of Israel Katz" in refused.output and "--force" in refused.output
    assert "name: Katz\n" not in (root / "entities.yml").read_text()
    # The same for an alias's surname (`Khaled Mashal` → `Mashal`), and for an alias given.
    refused = cli(
        "entities", "accept", "Hamas politburo", "--kind", "organisation",
        "--alias", "Mashal", "--archive", archive, exit_code=1,
    )  # fmt: skip
    assert "'Mashal' is the surname of Khaled Meshaal" in refused.output
    forced = cli(*args, "--force")
    assert "warning: 'Katz' is the surname of Israel Katz" in forced.output
    cli("enrich", "--archive", archive)
    ((_, article),) = ArticleStore(archive).iter_articles()
    assert any(q.entity == "Katz" and q.verb == "warned" for q in article.quotes)  # as warned


def test_suggest_prints_article_text_as_text_not_markup(tmp_path, cli):
    _root, archive = project(tmp_path)
    source = tmp_path / "talks.txt"
    source.write_text(
        "Talks collapse in Doha\n\nMediator Basem Naim said the talks [/button] ended. "
        "Basem Naim [bold]left[/bold] the city.\n",
        encoding="utf-8",
    )
    cli("add", source, "--archive", archive)
    result = cli("entities", "suggest", "--archive", archive, "--no-spacy")
    out = " ".join(result.output.split())
    assert "Basem Naim" in out and "[/button]" in out
