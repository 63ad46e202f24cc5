"""A Material for MkDocs blog folder is added as it is, and its old addresses keep working.

The blog is built here from strings, as Material's blog plugin expects it: `.authors.yml` in the
blog folder, posts under `posts/` with `date` (plain, or `created`/`updated`), `categories`,
`tags`, `authors`, `slug`, `draft`, an excerpt above `<!-- more -->`, and other page keys.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from chronicle.archive.changes import ChangeLog
from chronicle.archive.store import ArticleStore
from chronicle.ingest.readers.blog import material_slug, published_address

AUTHORS = """\
authors:
  ana:
    name: Ana Lima
    description: Reporter
    avatar: https://example.org/ana.png
  ben:
    name: Ben Okafor
    description: Editor
"""

POSTS = {
    "2024-talks.md": """\
---
date: 2024-01-31
slug: talks-resume
categories:
  - Talks
tags:
  - Cairo
  - ceasefire
authors:
  - ana
  - ben
description: Delegations return to Cairo.
pin: true
---

# Talks resume in Cairo

Delegations met in Cairo on Tuesday, officials said, and agreed to meet again.

<!-- more -->

## What was agreed

The sides exchanged lists of names and a timetable for aid convoys.
""",
    "nested/aid.md": """\
---
date:
  created: 2024-02-10
  updated: 2024-02-12
categories:
  - Aid
tags:
  - Rafah
authors:
  - ben
  - carla
readtime: 3
links:
  - about.md
---

# Aid convoys cross at Rafah

Forty lorries of flour crossed into Gaza on Saturday, the first in a week.

<!-- more -->

The crossing closed again at dusk.
""",
    "draft.md": """\
---
date: 2024-03-01
draft: true
categories:
  - Talks
---

# Not yet written

A draft the blog never published.
""",
    "plain.md": """\
---
date: 2024-03-05 10:30:00
authors: [ana]
---

# A short note on the truce

The truce held through the night, residents said.
""",
}


def write_blog(root: Path) -> Path:
    """A Material blog folder; returns its posts/ folder."""
    (root / "blog").mkdir(parents=True)
    (root / "blog" / ".authors.yml").write_text(AUTHORS, encoding="utf-8")
    posts = root / "blog" / "posts"
    for name, text in POSTS.items():
        (posts / name).parent.mkdir(parents=True, exist_ok=True)
        (posts / name).write_text(text, encoding="utf-8")
    return posts


@pytest.fixture(scope="module")
def imported(site_scaffold, cli, tmp_path_factory):
    """A new site with the blog added (--redirects), one article later re-dated; built."""
    project = site_scaffold("blog")
    posts = write_blog(tmp_path_factory.mktemp("old-site") / "docs")
    archive = project / "docs" / "articles"
    result = cli("add", posts, "--archive", archive, "--redirects", "--jobs", "1")
    stored = {a.id: (p, a) for p, a in ArticleStore(archive).iter_articles()}
    return project, archive, result, stored, posts


def test_every_published_post_is_stored_and_the_draft_is_skipped_with_a_note(imported):
    _, _, result, stored, _ = imported
    assert sorted(stored) == [
        "2024-01-31-talks-resume",
        "2024-02-10-aid-convoys-cross-at-rafah",
        "2024-03-05-a-short-note-on-the-truce",
    ]
    assert "draft.md: a blog draft (draft: true); not added" in result.output
    assert re.search(r"failed\s+│\s+0", result.output), result.output


def test_front_matter_is_mapped_and_nothing_the_post_said_is_lost(imported):
    _, archive, _, stored, _ = imported
    path, talks = stored["2024-01-31-talks-resume"]
    assert path == archive / "2024" / "01" / "31" / "talks-resume.md"  # the slug, kept
    assert talks.title == "Talks resume in Cairo"
    assert talks.topics == ("Talks", "Cairo", "ceasefire")
    assert talks.authors == ("Ana Lima", "Ben Okafor")
    assert talks.summary == (
        "Delegations met in Cairo on Tuesday, officials said, and agreed to meet again."
    )
    assert "<!-- more -->" not in talks.body and "## What was agreed" in talks.body
    record = talks.extra["blog"]
    assert record["authors"] == ["ana", "ben"] and record["slug"] == "talks-resume"
    assert record["pin"] is True and record["description"] == "Delegations return to Cairo."
    assert record["url"] == "blog/2024/01/31/talks-resume/"

    _, aid = stored["2024-02-10-aid-convoys-cross-at-rafah"]
    assert aid.date is not None and aid.date.edtf == "2024-02-10"  # created, not updated
    assert aid.extra["blog"]["date"] == {"updated": "2024-02-12"}
    # An author .authors.yml does not know stays as the post wrote it.
    assert aid.authors == ("Ben Okafor", "carla")
    assert aid.extra["blog"]["readtime"] == 3 and aid.extra["blog"]["links"] == ["about.md"]
    assert aid.extra["blog"]["url"] == "blog/2024/02/10/aid-convoys-cross-at-rafah/"

    _, note = stored["2024-03-05-a-short-note-on-the-truce"]
    assert note.date is not None and note.date.edtf == "2024-03-05"
    assert note.authors == ("Ana Lima",)
    assert note.summary.startswith("The truce held")  # no excerpt: the lede


def test_adding_the_blog_again_changes_nothing(imported, cli):
    _, archive, _, stored, posts = imported
    again = cli("add", posts, "--archive", archive, "--redirects", "--jobs", "1")
    assert again.output.count("unchanged") >= len(stored)
    assert len(list(archive.rglob("*.md"))) == len(stored)
    log = ChangeLog.of_archive(archive).entries()
    assert sorted(c.redirect for c in log if c.action == "import") == [
        "blog/2024/01/31/talks-resume/",
        "blog/2024/02/10/aid-convoys-cross-at-rafah/",
        "blog/2024/03/05/a-short-note-on-the-truce/",
    ]


def test_old_post_addresses_and_a_moved_article_redirect_in_the_built_site(
    imported, cli, build_site, page_html
):
    project, archive, _, _, _ = imported
    note = "2024-03-05-a-short-note-on-the-truce"
    cli("move", note, "--date", "2024-03-06", "--archive", archive)
    cli("move", note, "--date", "2024-03-07", "--archive", archive)  # twice: still one hop
    site = build_site(project)
    moved = "articles/2024/03/07/a-short-note-on-the-truce/"
    for old, new in [
        ("blog/2024/01/31/talks-resume/", "articles/2024/01/31/talks-resume/"),
        ("blog/2024/03/05/a-short-note-on-the-truce/", moved),
        ("articles/2024/03/05/a-short-note-on-the-truce/", moved),
        ("articles/2024/03/06/a-short-note-on-the-truce/", moved),
    ]:
        redirect = page_html(site, old)
        target = (site / old / redirect.split("url=")[1].split('"')[0]).resolve()
        assert target == (site / new).resolve(), old
        assert (target / "index.html").is_file()
        assert 'name="robots" content="noindex"' in redirect


def test_a_person_following_an_old_link_lands_on_the_article(imported, cli, serve_site, page):
    project = imported[0]
    base = serve_site(project / "site")
    page.goto(base + "blog/2024/02/10/aid-convoys-cross-at-rafah/#what")
    page.wait_for_url("**/articles/2024/02/10/aid-convoys-cross-at-rafah/#what")
    assert page.locator("h1").first.inner_text() == "Aid convoys cross at Rafah"


def test_the_old_address_is_materials_default():
    blog = Path("/site/docs/news")
    assert published_address(blog, "2024-01-31", "x") == "news/2024/01/31/x/"
    assert published_address(Path("/elsewhere/blog"), "2024-01-31", "x") == "blog/2024/01/31/x/"
    assert published_address(blog, "2024-01", "x") is None  # Material needs a day
    assert published_address(Path("/site/docs"), "2024-01-31", "x") == "2024/01/31/x/"
    assert material_slug("Talks resume in Cairo, round 2") == "talks-resume-in-cairo-round-2"


def test_a_misspelt_key_in_a_post_is_an_error_not_metadata_lost(tmp_path, cli):
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    (posts / "p.md").write_text("---\ndate: 2024-01-01\nslug: p\ntitel: T\n---\n\nText.\n")
    result = cli("add", posts, "--archive", tmp_path / "articles", exit_code=1)
    assert "'titel': unknown key (did you mean 'title'?)" in result.output


def test_add_json_reports_each_post(tmp_path, cli):
    posts = write_blog(tmp_path)
    result = cli("add", posts, "--archive", tmp_path / "articles", "--json", "--jobs", "1")
    data = json.loads(result.stdout)
    assert data["counts"] == {"added": 3, "skipped": 1}
    added = [o for o in data["outcomes"] if o["status"] == "added"]
    assert {o["id"] for o in added} >= {"2024-01-31-talks-resume"}
    front = Path(added[0]["file"]).read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["id"] == added[0]["id"]
