"""The source registry through the real command line and a real build: `chronicle add` stores
the registry's names, `chronicle sources suggest|accept` grow the registry, `chronicle check`
names what it lacks, and the site lists one publisher's aliases on one source page."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from chronicle.archive.store import ArticleStore

SOURCES = """# the harbour archive's publishers
- name: The New York Times
  aliases: [NYT]
  domains: [nytimes.com]
"""
TEXT = "The harbour reopened on {day} after repairs. The first ferries left at dawn.\n"


def page(title: str, site_name: str, url: str, dateline: str = "") -> str:
    """A small news page: headline, og:site_name, canonical address, a paragraph."""
    lede = f"{dateline} — " if dateline else ""
    return f"""<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="{url}"></head>
<body><article><h1>{title}</h1>
<p>{lede}{title}: the work on the pier took two weeks longer than planned, officials said.</p>
<p>Traders said the closure of the port had cost them dearly this {title.split()[0]} season.</p>
</article></body></html>"""


def project(tmp_path: Path, sources: str | None = SOURCES) -> tuple[Path, Path]:
    root = tmp_path / "project"
    (root / "docs" / "articles").mkdir(parents=True)
    if sources is not None:
        (root / "sources.yml").write_text(sources, encoding="utf-8")
    return root, root / "docs" / "articles"


def stored_sources(archive: Path) -> dict[str, str | None]:
    return {a.title: a.source for _, a in ArticleStore(archive).iter_articles()}


def test_add_stores_the_registrys_name_and_refuses_a_dateline_place(tmp_path, cli):
    root, archive = project(tmp_path)
    inbox = root / "inbox"
    inbox.mkdir()
    pages = {
        "a.html": page("Harbour reopens", "nytimes.com", "https://www.nytimes.com/a"),
        "b.html": page("Ferries return", "WASHINGTON", "https://news.example/b", "WASHINGTON"),
        "c.html": page("Pier rebuilt", "Coast Weekly", "https://coast.example/c"),
    }
    for name, html in pages.items():
        (inbox / name).write_text(html, encoding="utf-8")
    cli("add", inbox, "--archive", archive, "--near-duplicates", "add")
    assert stored_sources(archive) == {
        "Harbour reopens": "The New York Times",
        "Ferries return": None,
        "Pier rebuilt": "Coast Weekly",
    }
    curated = inbox / "d.txt"
    curated.write_text(TEXT.format(day="Monday"), encoding="utf-8")
    cli("add", curated, "--title", "Talks", "--source", "Harbour Daily", "--archive", archive)
    assert stored_sources(archive)["Talks"] == "Harbour Daily"
    # Added again with a corrected source: stored under the registry's name too.
    cli("add", curated, "--title", "Talks", "--source", "nyt", "--archive", archive)
    assert stored_sources(archive)["Talks"] == "The New York Times"
    report = cli("check", "--archive", archive).output
    assert "source unknown (evidence “og:site_name; “WASHINGTON” refused: the place" in report
    assert "sources.yml: source 'Coast Weekly' is not in the source registry (1 article:" in report


@pytest.fixture
def mixed(tmp_path, articles):
    """Articles stored before the registry knew their publishers: four spellings of two."""
    root, archive = project(tmp_path)
    for n, (source, url) in enumerate(
        [
            ("Miami Herald", "https://www.miamiherald.com/1"),
            ("miamiherald", "https://www.miamiherald.com/2"),
            ("Miami Herald", None),
            ("NYT", None),
            ("New-York Times", None),
            ("Coast Weekly", "https://coastweekly.example/3"),
        ]
    ):
        articles.write(archive, title=f"Report {n}", source=source, url=url)
    return root, archive


def test_suggest_groups_spellings_and_proposes_the_accept_line(mixed, cli):
    _root, archive = mixed
    out = cli("sources", "suggest", "--archive", archive).output
    lines = out.splitlines()
    assert (
        "chronicle sources accept 'Miami Herald' --alias miamiherald --domain miamiherald.com"
        in lines
    )
    # A near spelling of a registered name is proposed as its alias; a registered alias
    # (NYT) is not suggested at all.
    assert "chronicle sources accept 'The New York Times' --alias 'New-York Times'" in lines
    assert "chronicle sources accept 'Coast Weekly' --domain coastweekly.example" in lines
    assert "NYT " not in out and "3 suggestions" in out
    assert out.index("Miami Herald") < out.index("Coast Weekly")  # most used first


def test_a_suggested_line_is_safe_to_paste_into_a_shell(tmp_path, articles, cli):
    _root, archive = project(tmp_path)
    articles.write(archive, title="Odd", source="Harbour $(touch x) 'News'")
    out = cli("sources", "suggest", "--archive", archive).output
    (line,) = [line for line in out.splitlines() if line.startswith("chronicle sources accept")]
    assert shlex.split(line)[3:] == ["Harbour $(touch x) 'News'"]  # one word, run as written


def test_accept_appends_or_joins_and_check_follows(mixed, cli):
    root, archive = mixed
    before = cli("check", "--archive", archive).output
    assert before.count("sources.yml: source '") == 4  # one line per name
    cli("sources", "accept", "Miami Herald", "--alias", "miamiherald", "--domain",
        "https://www.miamiherald.com/", "--country", "us", "--archive", archive)  # fmt: skip
    cli("sources", "accept", "The New York Times", "--alias", "New-York Times",
        "--archive", archive)  # fmt: skip
    text = (root / "sources.yml").read_text(encoding="utf-8")
    assert text.startswith(SOURCES.splitlines()[0])  # comments kept
    assert "aliases: [NYT, New-York Times]" in text
    assert "- name: Miami Herald\n  aliases: [miamiherald]\n  domains: [miamiherald.com]\n" in text
    after = cli("check", "--archive", archive).output
    assert after.count("sources.yml: source '") == 1 and "'Coast Weekly'" in after
    assert "no suggestions" not in cli("sources", "suggest", "--archive", archive).output


def test_accept_refuses_a_clash_in_one_line(mixed, cli):
    root, archive = mixed
    result = cli("sources", "accept", "Reuters", "--alias", "nyt", "--archive", archive,
                 exit_code=1)  # fmt: skip
    assert "'nyt' is already a name of 'The New York Times'" in result.output
    bad = cli("sources", "accept", "Reuters", "--domain", "not a host", "--archive", archive,
              exit_code=1)  # fmt: skip
    assert "must be a host such as nytimes.com" in bad.output
    assert (root / "sources.yml").read_text(encoding="utf-8") == SOURCES  # nothing written


def test_a_broken_registry_stops_check_in_one_line(tmp_path, cli):
    _root, archive = project(tmp_path, sources="- name: A\n  domain: a.com\n")
    result = cli("check", "--archive", archive, exit_code=1)
    assert "did you mean 'domains'?" in result.output and "Traceback" not in result.output


def test_the_site_lists_a_publishers_aliases_on_one_source_page(
    site_scaffold, articles, build_site, page_html, text_of
):
    project_dir = site_scaffold("sources")
    archive = project_dir / "docs" / "articles"
    articles.write(archive, title="Harbour reopens", source="nytimes.com", date="2025-03-04")
    articles.write(archive, title="Ferries return", source="NYT", date="2025-03-05")
    articles.write(archive, title="Pier rebuilt", source="The New York Times", date="2025-03-06")
    site = build_site(project_dir)
    assert (site / "sources" / "nytimes-com").is_dir()  # no registry: three sources
    # The registry is read by the next build, incremental as it is: one publisher, one page.
    (project_dir / "sources.yml").write_text(SOURCES, encoding="utf-8")
    site = build_site(project_dir)
    listing = text_of(page_html(site, "sources/the-new-york-times"))
    for title in ("Harbour reopens", "Ferries return", "Pier rebuilt"):
        assert title in listing
    assert not (site / "sources" / "nytimes-com").exists()
    assert not (site / "sources" / "nyt").exists()
    article = text_of(page_html(site, "articles/2025/03/04/harbour-reopens"))
    assert "The New York Times" in article and "nytimes.com" not in article


def test_set_source_resolves_through_the_registry_and_says_what_it_stored(tmp_path, articles, cli):
    root, archive = project(tmp_path)
    (root / "entities.yml").write_text(
        "- {name: Gaza City, kind: place}\n- {name: Jane Roe, kind: person}\n", encoding="utf-8"
    )
    articles.write(archive, title="Harbour reopens", source="Coast Weekly", date="2025-03-04")
    (ref,) = [a.id for _, a in ArticleStore(archive).iter_articles()]

    def source_of() -> str | None:
        return stored_sources(archive)["Harbour reopens"]

    out = cli("set", ref, "--source", "https://www.nytimes.com/x", "--archive", archive).output
    assert source_of() == "The New York Times"
    assert "source: 'Coast Weekly' → 'The New York Times'" in out
    assert "“https://www.nytimes.com/x” is a domain of The New York Times in the source" in out
    out = cli("set", ref, "--source", "nyt", "--archive", archive).output
    assert "unchanged" in out and "“nyt” is an alias of The New York Times" in out
    # A person or a place of the entity registry is no publisher: refused, nothing written.
    for value, kind in (("Gaza City", "place"), ("jane roe", "person")):
        refused = cli("set", ref, "--source", value, "--archive", archive, exit_code=1).output
        assert f"is a {kind} in the entity registry, not a publisher; nothing was changed" in (
            refused
        )
        assert "Traceback" not in refused and source_of() == "The New York Times"
    # A name the registry lacks is stored as given, and the command says how to register it.
    out = cli("set", ref, "--source", "www.harbour.example", "--archive", archive).output
    assert source_of() == "harbour.example"
    assert "is not in the source registry; `chronicle sources accept harbour.example`" in out
    cli("set", ref, "--source", "unknown", "--archive", archive)
    assert source_of() is None
