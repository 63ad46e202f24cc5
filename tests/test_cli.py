from chronicle.cli.main import main


def test_add_then_check_reports_inferred_title_and_unknown_date(tmp_path, seed_path, cli):
    archive = tmp_path / "articles"
    result = cli("add", seed_path, "--archive", archive)
    assert "added" in result.output and "undated" in result.output
    again = cli("add", seed_path, "--archive", archive)
    assert "unchanged" in again.output
    assert len(list(archive.rglob("*.md"))) == 1
    check = cli("check", "--archive", archive)
    assert "title inferred" in check.output and "date unknown" in check.output
    assert "source unknown" in check.output


def test_curated_add_with_flags(tmp_path, seed_path, cli):
    archive = tmp_path / "articles"
    cli(
        "add",
        seed_path,
        "--archive",
        archive,
        "--title",
        "Devised title",
        "--date",
        "2025-03-21~",
        "--source",
        "unknown",
        "--topic",
        "Gaza ceasefire",
    )
    (path,) = archive.rglob("*.md")
    assert path.relative_to(archive).parts[:3] == ("2025", "03", "21")
    text = path.read_text()
    assert "title_origin: curator" in text and "date: 2025-03-21~" in text


def test_check_fails_on_a_broken_file(tmp_path, cli):
    archive = tmp_path / "articles"
    archive.mkdir()
    (archive / "bad.md").write_text("---\nid: x\ntitle: T\ndate: soon\n---\nbody\n")
    result = cli("check", "--archive", archive, exit_code=1)
    assert "bad.md" in result.output and "'date'" in result.output


def test_user_mistakes_get_one_line_not_a_traceback(tmp_path, cli):
    result = cli("add", tmp_path / "nope.txt", "--archive", tmp_path, exit_code=1)
    assert "no such file" in result.output
    assert "Traceback" not in result.output
    bad_date = cli("add", tmp_path, "--date", "next week", exit_code=1)
    assert "Error:" in bad_date.output and "YYYY-MM-DD" in bad_date.output


def test_batch_continues_past_bad_files(tmp_path, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A good lede sentence here. More.\n")
    (inbox / "b.txt").write_bytes(b"")
    (inbox / "c.txt").write_text("Another good lede sentence. More text.\n")
    result = cli("add", inbox, "--archive", tmp_path / "articles", exit_code=1)
    assert len(list((tmp_path / "articles").rglob("*.md"))) == 2
    assert "b.txt" in result.output and "empty" in result.output


def test_every_command_has_help_with_an_example(cli):
    for name, command in main.commands.items():
        result = cli(name, "--help")
        assert command.help and ("Example" in result.output), name


def test_add_reports_a_guessed_encoding(tmp_path, cli):
    clip = tmp_path / "fr.txt"
    clip.write_bytes(b"Le caf\xe9 ... apr\xe8s ... d\xe9j\xe0 ...\n")
    result = cli("add", clip, "--archive", tmp_path / "articles")
    assert "warning: decoded as cp1252 (not UTF-8)" in result.output
    (path,) = (tmp_path / "articles").rglob("*.md")
    assert "Le café ... après ... déjà ..." in path.read_text(encoding="utf-8")


def test_names_sharing_a_page_are_reported_by_check(tmp_path, cli):
    archive = tmp_path / "articles"
    ledes = ["Templates compile slowly.", "Garbage collection pauses.", "Pointers dangle."]
    for n, (topic, lede) in enumerate(zip(["C++", "C#", "C"], ledes, strict=True), start=1):
        clip = tmp_path / f"{n}.txt"
        clip.write_text(f"{lede} More.\n")
        args = ["--topic", topic, "--source", "Le Monde" if n < 3 else "le monde"]
        cli("add", clip, "--archive", archive, *args)
    result = cli("check", "--archive", archive)  # a warning, not an error
    (topics,) = [line for line in result.output.splitlines() if "page address, 'c/'" in line]
    assert "'C++' (" in topics and "'C#' (" in topics and "'C' (" in topics
    for path in archive.rglob("*.md"):
        assert path.name in topics
    (sources,) = [line for line in result.output.splitlines() if "'le-monde/'" in line]
    assert "'Le Monde' (" in sources and "'le monde' (" in sources


def test_name_collisions_names_each_spelling_and_where_it_is_used(articles):
    from chronicle.archive.index import name_collisions

    pairs = [
        ("a.md", articles.make(topics=["C++", "Python"], source="Le Monde")),
        ("b.md", articles.make(topics=["C#"], source="Le Monde")),
        ("c.md", articles.make(topics=["C", "python"])),
    ]
    found = {(c.kind, c.slug): c.names for c in name_collisions(pairs)}
    assert found == {
        ("topic", "c"): {"C++": ("a.md",), "C#": ("b.md",), "C": ("c.md",)},
        ("topic", "python"): {"Python": ("a.md",), "python": ("c.md",)},
    }
