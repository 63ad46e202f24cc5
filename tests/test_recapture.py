"""A changed capture of an address already in the archive is a new version of that article, not a
new article: it keeps its id and file, its body becomes the newest capture's, the other captures
stay in its front matter with their texts, and the site lists them with a word-level diff of
each against the one before. Through the real command line and real MkDocs builds."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from chronicle.archive.model import Article, Capture, Provenance
from chronicle.archive.schema import article_from_mapping, article_to_mapping
from chronicle.archive.store import ArticleStore
from chronicle.errors import FrontMatterError
from chronicle.ingest.recapture import (
    SAME_PAGE,
    AddressIndex,
    address_key,
    similarity,
    with_capture,
)
from chronicle.site.labels import available, labels_for

ADDRESS = "https://news.example.org/world/talks-in-cairo"
PARAGRAPHS = [
    "Negotiators from both sides met in Cairo on Monday for a third round of talks on a "
    "ceasefire, officials said, as mediators pressed for a deal before the end of the month.",
    "The talks focused on the release of hostages and the withdrawal of troops from the border "
    "crossing, according to two people familiar with the discussions.",
    "Egyptian and Qatari mediators have been shuttling between the delegations since the "
    "weekend, carrying proposals on the sequencing of a truce and the return of families.",
    "Aid agencies warned that the humanitarian situation was deteriorating quickly, with food "
    "and fuel running short in the south and hospitals struggling to treat the wounded.",
    "A spokesman for the mediators said the gaps between the two sides had narrowed but that "
    "important questions remained open, including the duration of any pause in the fighting.",
]
EDITED = [
    *PARAGRAPHS[:3],
    "Aid agencies said on Tuesday that the humanitarian situation had worsened overnight, with "
    "fuel for generators almost gone in the south.",
    PARAGRAPHS[4],
    "Late on Monday, the mediators said both delegations had agreed to meet again on Thursday.",
]


def saved_page(title: str, paragraphs: list[str], address: str = ADDRESS, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{address}">{extra}
<meta property="article:published_time" content="2025-03-21T08:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><article><h1>{title}</h1>
{body}</article></body></html>"""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "first.html").write_text(saved_page("Talks resume in Cairo", PARAGRAPHS), "utf-8")
    (folder / "second.html").write_text(
        saved_page("Talks resume as mediators push for a deal", EDITED), "utf-8"
    )
    return folder


def add(cli, archive: Path, *inputs: Path | str, exit_code: int = 0):
    return cli("add", *inputs, "--archive", archive, exit_code=exit_code)


def only_article(archive: Path) -> tuple[Path, Article]:
    (found,) = list(ArticleStore(archive).iter_articles())
    return found


# --- through the command line ------------------------------------------------------------------


def test_a_changed_capture_of_the_same_address_is_a_new_version(cli, tmp_path, inbox):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html")
    first_path, first = only_article(archive)
    out = add(cli, archive, inbox / "second.html").stdout
    assert out.startswith(f"new version of {first.id}: ")
    path, article = only_article(archive)  # still one article, in the same file, same id
    assert path == first_path and article.id == first.id
    assert "agreed to meet again on Thursday" in article.body  # the newest capture's text
    assert article.title == "Talks resume as mediators push for a deal"
    assert article.provenance.original_name == "second.html"
    (older,) = article.captures
    assert older.sha256 == first.provenance.sha256 and older.title == "Talks resume in Cairo"
    assert "deteriorating quickly" in older.body and "Thursday" not in older.body
    # Both originals are kept.
    originals = {p.name for p in (tmp_path / "originals").rglob("*") if p.is_file()}
    assert any(name.startswith(older.sha256) for name in originals)
    assert any(name.startswith(article.provenance.sha256) for name in originals)


def test_either_capture_added_again_is_unchanged(cli, tmp_path, inbox):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html", inbox / "second.html")
    path, _ = only_article(archive)
    before = path.read_bytes()
    for name in ("first.html", "second.html"):
        assert add(cli, archive, inbox / name).stdout.startswith("unchanged")
    # The same text at the same address from other bytes (another ad, another script) too.
    (inbox / "again.html").write_text(
        saved_page("Talks resume in Cairo", PARAGRAPHS, extra='<meta name="x" content="1">'),
        "utf-8",
    )
    assert add(cli, archive, inbox / "again.html").stdout.startswith("unchanged")
    assert path.read_bytes() == before


def test_the_command_lines_values_correct_the_new_version_as_for_an_original_again(
    cli, tmp_path, inbox
):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html")
    out = add(cli, archive, inbox / "second.html", "--topic", "Gaza ceasefire").stdout
    assert out.startswith("new version of ") and "topics: None → ['Gaza ceasefire']" in out
    _, article = only_article(archive)
    assert article.topics == ("Gaza ceasefire",) and len(article.captures) == 1


def test_a_batch_counts_new_versions_apart_from_linked_copies(cli, tmp_path, inbox):
    out = add(cli, tmp_path / "docs" / "articles", inbox).stdout
    assert re.search(r"new version \(its address captured again\)\s*│\s*1", out)
    assert "linked as other versions" not in out


def test_json_says_new_version_with_the_id(cli, tmp_path, inbox):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html")
    result = cli("add", inbox / "second.html", "--archive", archive, "--json")
    data = json.loads(result.stdout)
    assert data["counts"] == {"new-version": 1}
    (row,) = data["outcomes"]
    _, article = only_article(archive)
    assert row["status"] == "new-version" and row["id"] == article.id and row["captures"] == 2
    assert row["note"] == f"new version of {article.id} (its text now)"


def test_another_text_at_the_same_address_is_a_new_article_with_a_note(cli, tmp_path, inbox):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html")
    (inbox / "home.html").write_text(
        saved_page(
            "Example News: front page",
            [
                "Weather: sunny spells and showers across the region this weekend, mild.",
                "Sport: the home side won the cup final after extra time before a record crowd.",
            ],
            address=ADDRESS + "/?utm_source=feed",  # the same page, as addresses go
        ),
        "utf-8",
    )
    out = add(cli, archive, inbox / "home.html").stdout
    assert out.startswith("added")
    assert "the same address as" in out and "added as a new article" in out
    assert len(list(ArticleStore(archive).iter_articles())) == 2


def test_check_knows_every_captures_original_even_after_a_removal(cli, tmp_path, inbox):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html", inbox / "second.html")
    out = cli("check", "--archive", archive).output
    assert "no article names this original" not in out
    _, article = only_article(archive)
    kept = tmp_path / "originals" / article.captures[0].sha256[:2] / article.captures[0].sha256
    kept.write_bytes(b"tampered")
    out = cli("check", "--archive", archive, exit_code=1).output
    assert "no longer matches its hash" in out
    kept.unlink()
    add(cli, archive, inbox / "first.html")  # heals the originals folder, as for any original
    cli("remove", article.id, "--archive", archive, "--yes")
    out = cli("check", "--archive", archive).output
    assert "no article names this original" not in out  # both removed on purpose, both kept


def warc_capture(when: str, paragraphs: list[str], title: str) -> bytes:
    """A WARC with one capture of ADDRESS, made at `when`."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = WARCWriter(out, gzip=True).create_warc_record(
        ADDRESS,
        "response",
        payload=io.BytesIO(saved_page(title, paragraphs).encode("utf-8")),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": when},
    )
    WARCWriter(out, gzip=True).write_record(record)
    return out.getvalue()


def test_captures_are_ordered_by_when_they_were_captured_not_added(cli, tmp_path):
    """A web archive's older capture, found and added later, joins the list; the article keeps
    the newest capture's text."""
    archive = tmp_path / "docs" / "articles"
    newer, older = tmp_path / "newer.warc.gz", tmp_path / "older.warc.gz"
    newer.write_bytes(
        warc_capture("2025-03-23T09:00:00Z", EDITED, "Talks resume as mediators push")
    )
    older.write_bytes(warc_capture("2025-03-21T09:00:00Z", PARAGRAPHS, "Talks resume in Cairo"))
    add(cli, archive, newer)
    out = add(cli, archive, older).stdout
    assert out.startswith("new version of ")
    _, article = only_article(archive)
    assert "agreed to meet again on Thursday" in article.body
    (capture,) = article.captures
    assert capture.captured == dt.datetime(2025, 3, 21, 9, tzinfo=dt.UTC)
    assert "deteriorating quickly" in capture.body
    assert add(cli, archive, older).stdout.startswith("unchanged")  # either WARC again


# --- the model, pure ---------------------------------------------------------------------------


def captured(text: str, when: dt.datetime | None, added: int, title: str = "T") -> Article:
    sha = f"{added:064x}"
    return Article(
        id="2025-03-21-t",
        title=title,
        title_origin="source",
        body=text,
        url=ADDRESS,
        provenance=Provenance(
            "page.html",
            sha,
            dt.datetime(2026, 1, added, tzinfo=dt.UTC),
            "warc",
            retrieved=when,
        ),
    )


def test_an_older_capture_added_later_joins_the_list_and_leaves_the_body():
    newer = captured("new text", dt.datetime(2025, 3, 23, tzinfo=dt.UTC), 1)
    older = captured("old text", dt.datetime(2025, 3, 21, tzinfo=dt.UTC), 2)
    merged = with_capture(newer, older)
    assert merged.body == "new text" and merged.provenance == newer.provenance
    assert [c.body for c in merged.captures] == ["old text"]
    later = captured("newest text", None, 3, title="T2")  # no capture time: when it was added
    merged = with_capture(merged, later)
    assert merged.body == "newest text" and merged.title == "T2"
    assert [c.body for c in merged.captures] == ["old text", "new text"]


def test_the_new_headlines_evidence_comes_with_it():
    stored = captured("a", None, 1).with_changes(extra={"evidence": {"title": "<title>"}})
    new = captured("b", None, 2, title="H").with_changes(
        extra={"evidence": {"title": "<h1>", "date": "meta tag"}}
    )
    assert with_capture(stored, new).extra == {"evidence": {"title": "<h1>"}}


def test_an_article_written_by_hand_at_the_address_is_left_alone(cli, tmp_path, inbox):
    archive = tmp_path / "docs" / "articles"
    add(cli, archive, inbox / "first.html")
    path, _ = only_article(archive)
    path.write_text(
        path.read_text(encoding="utf-8").split("provenance:")[0].rstrip() + "\n---\n\nBy hand.\n",
        encoding="utf-8",
    )
    assert add(cli, archive, inbox / "second.html").stdout.startswith("added")


def test_a_curators_title_stays_when_the_page_is_captured_again():
    stored = captured("a", None, 1).with_changes(title="Devised", title_origin="curator")
    assert with_capture(stored, captured("b", None, 2, title="Headline")).title == "Devised"


def test_addresses_compare_as_pages():
    assert address_key("http://www.Example.org/a/b/?utm_medium=x#top") == "example.org/a/b"
    assert address_key("https://example.org/a/b?id=2") == "example.org/a/b?id=2"
    assert address_key("https://example.org/a/b?id=2") != address_key("https://example.org/a/c")
    assert address_key("ftp://example.org/a") is None and address_key(None) is None


def test_the_index_finds_an_article_by_any_address_of_its_page():
    home = captured("front page", None, 1).with_changes(id="home", url="https://www.example.org/")
    story = captured("story", None, 2).with_changes(id="story")
    index = AddressIndex()
    for article in (home, story):
        index.add(article)
    assert index.ids(home.with_changes(url="http://example.org")) == ["home"]
    assert index.ids(story.with_changes(url=ADDRESS.upper())) == []  # a path's case counts
    assert index.ids(story.with_changes(url=ADDRESS + "/?fbclid=1#comments")) == ["story"]
    assert index.ids(story.with_changes(url=None)) == []


def test_edited_text_scores_as_the_same_page_and_another_text_does_not():
    old, new = "\n\n".join(PARAGRAPHS), "\n\n".join(EDITED)
    assert similarity(old, new) >= SAME_PAGE
    assert similarity(old, "Weather: sunny spells and showers across the region.") < 0.2


def test_captures_round_trip_and_bad_ones_are_one_line_errors():
    article = with_capture(captured("old\n\ntext", None, 1), captured("new", None, 2))
    mapping = article_to_mapping(article)
    assert article_from_mapping("a.md", mapping, article.body) == article
    bad = {**mapping, "captures": [{"sha256": "xyz", "added": "2026-01-01", "body": "t"}]}
    with pytest.raises(FrontMatterError, match=r"captures\[0\]\.sha256.*64 lowercase hex"):
        article_from_mapping("a.md", bad, "b")
    bad = {**mapping, "captures": [{**mapping["captures"][0], "when": "x"}]}
    with pytest.raises(FrontMatterError, match=r"unknown key"):
        article_from_mapping("a.md", bad, "b")
    assert isinstance(article.captures[0], Capture)


@pytest.mark.parametrize("code", available())
def test_every_language_says_when_a_capture_was_made(code):
    L = labels_for(code)
    when = L.moment(dt.datetime(2025, 3, 21, 12, 3, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    assert "10:03" in when and L.day(2025, 3, 21) in when  # in UTC
    assert L.number(3) in L("captures.note", count=3)
    assert when in L("captures.captured", when=when)


# --- the site ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def versions_site(tmp_path_factory, site_scaffold, build_log, cli, set_plugin_options):
    """A site whose one article was captured twice (built incrementally after the second), and a
    clean build of the same project without the cache."""
    inbox = tmp_path_factory.mktemp("captures")
    (inbox / "first.html").write_text(saved_page("Talks resume in Cairo", PARAGRAPHS), "utf-8")
    (inbox / "second.html").write_text(
        saved_page("Talks resume as mediators push for a deal", EDITED), "utf-8"
    )
    project = site_scaffold("recapture", plugin_options={"search_enabled": "false"})
    archive = project / "docs" / "articles"
    cli("add", inbox / "first.html", "--archive", archive)
    build_log(project)
    cli("add", inbox / "second.html", "--archive", archive)
    build_log(project, "--dirty")  # what `chronicle build` runs
    clean = project.parent / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".cache"))
    set_plugin_options(clean, cache="false")
    build_log(clean)
    return project / "site", clean / "site"


def test_the_article_page_lists_both_captures_and_links_the_diff(versions_site, page_html):
    site, _ = versions_site
    page = page_html(site, "articles/2025/03/21/talks-resume-in-cairo/")
    section = re.search(r'<section class="[^"]*chronicle-captures.*?</section>', page, re.S)
    assert section, "no captures section"
    listed = section.group()
    assert "Talks resume in Cairo" in listed and "Talks resume as mediators push" in listed
    assert listed.count("<li") == 2 and "(shown here)" in listed
    compare = re.search(r'href="([^"]*/versions/[^"]*capture-[0-9a-f]{12}/)"', listed)
    assert compare, listed
    diff = (site / "archive" / "versions").glob("*/capture-*/index.html")
    text = next(diff).read_text(encoding="utf-8")
    assert "Two captures of this page compared" in text
    assert re.search(r"<del><span class=\"chronicle-sr\">\[removed: </span>warned", text)
    assert "agreed to meet again on Thursday" in re.search(r"<ins>.*", text, re.S).group()
    assert text.count("Captured ") == 2


def test_the_incremental_build_equals_a_clean_one(versions_site, site_tree):
    incremental, clean = versions_site
    got, want = site_tree(incremental), site_tree(clean)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
