"""A deterministic, news-like corpus written three ways: Chronicle, Material's blog, Hugo.

Every article comes from its own `random.Random(seed, index)`, so article *i* is the same in a
corpus of 300 and one of 10,000, and "add one article" means generating index N. The text is
assembled from a fixed vocabulary of outlets, topics, people, organisations and places (about 740
words, a lede, two or three subheads, quotes), dated over several years. The vocabulary is made
up here rather than downloaded: the benchmark must run offline and be the same everywhere.

The Chronicle copy goes through the real front matter (`schema.article_to_mapping` via
`store.render_article`); the Material and Hugo copies carry the same title, date, topics and
body, so every tool converts the same Markdown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronicle.archive.dates import ArticleDate
from chronicle.archive.model import Article, Provenance, Quote
from chronicle.archive.store import relative_dir, render_article
from chronicle.text.normalize import make_slug

from .real_shape import draw_shape

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2019, 1, 1)
DAYS = 6 * 365  # six years of news
ADDED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # fixed, so output is byte-identical run to run

SOURCES = [
    "Harbour Times", "The Northern Ledger", "Coastline Daily", "Meridian Post", "Valley Courier",
    "The Evening Standard-Bearer", "Capital Wire", "Riverside Gazette", "Global Dispatch",
    "The Morning Record", "Frontier Herald", "Union Observer", "Highland Chronicle",
    "Metro Bulletin", "The Weekly Lantern", "Atlas News Agency", "Pacific Tribune",
    "Continental Review", "The Civic Voice", "Eastern Telegraph",
]  # fmt: skip
TOPICS = [
    "Ceasefire talks", "Humanitarian aid", "Elections", "Climate policy", "Energy prices",
    "Public health", "Trade agreements", "Refugees", "Courts and justice", "Housing",
    "Education reform", "Transport", "Labour disputes", "Central banks", "Drought",
    "Flooding", "Cybersecurity", "Space programme", "Fisheries", "Border disputes",
    "Corruption inquiries", "Press freedom", "Agriculture", "Water rights", "Mining",
    "Tourism", "Public transport strikes", "Wildfires", "Vaccination", "Digital services",
    "Pensions", "Minimum wage", "Peace accords", "Sanctions", "Shipping lanes",
    "Urban planning", "Local government", "Parliamentary reform", "Heritage sites", "Sport",
]  # fmt: skip
FIRST = [
    "Amira", "Daniel", "Leila", "Tomas", "Grace", "Yusuf", "Ingrid", "Mateo", "Hana", "Samuel",
    "Noor", "Piotr", "Elena", "Kwame", "Sofia", "Ravi", "Marta", "Jonas", "Aisha", "Luca",
    "Fatima", "Oskar", "Chen", "Ibrahim", "Clara", "Diego", "Mei", "Tariq", "Ana", "Viktor",
]  # fmt: skip
LAST = [
    "Haddad", "Okafor", "Lindqvist", "Moreau", "Castillo", "Nakamura", "Petrov", "Mensah",
    "Rahman", "Kowalski", "Ferreira", "Osei", "Novak", "Brennan", "Sato", "Aziz", "Varga",
    "Delacroix", "Mbeki", "Romano", "Halvorsen", "Qureshi", "Adeyemi", "Costa", "Berg",
]  # fmt: skip
PLACES = [
    "Cairo", "Doha", "Geneva", "Nairobi", "Lisbon", "Oslo", "Jakarta", "Lima", "Tunis", "Accra",
    "Riga", "Manila", "Quito", "Amman", "Dakar", "Tbilisi", "Montevideo", "Hanoi", "Kigali",
    "Valletta", "the northern province", "the coastal region", "the capital", "the border town",
]  # fmt: skip
ORGS = [
    "the United Nations", "the health ministry", "the central bank", "the Red Crescent",
    "the electoral commission", "the port authority", "the supreme court", "the World Bank",
    "the transport union", "the finance ministry", "the regional council", "the opposition bloc",
    "the farmers' cooperative", "the meteorological office", "the defence ministry",
]  # fmt: skip
VERBS = ["said", "told reporters", "warned", "added", "insisted", "confirmed", "argued", "noted"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend",
        "late on Sunday", "earlier this week", "in a statement", "during a briefing"]  # fmt: skip
SUBJECTS = [
    "negotiators", "officials", "residents", "aid workers", "analysts", "lawmakers",
    "diplomats", "local leaders", "investors", "doctors", "farmers", "teachers", "engineers",
]  # fmt: skip
ACTIONS = [
    "met for a third round of talks", "rejected the latest proposal", "called for calm",
    "agreed on a provisional timetable", "raised concerns about funding",
    "pressed for an independent inquiry", "delayed the vote until next month",
    "published new figures", "signed a preliminary agreement", "warned of further shortages",
    "announced emergency measures", "postponed the planned visit", "opened a new crossing",
    "reported a sharp rise in prices", "suspended the programme", "extended the deadline",
]  # fmt: skip
DETAILS = [
    "according to people familiar with the matter",
    "despite repeated warnings from independent monitors",
    "after weeks of uncertainty over the terms",
    "as pressure mounted from neighbouring governments",
    "in a move that surprised many observers",
    "although the details have not been made public",
    "amid growing frustration among the public",
    "while both sides traded accusations over the delay",
    "in what officials described as a necessary first step",
    "following a series of closed-door meetings",
]  # fmt: skip
QUOTES = [
    "We cannot wait another month while families go without",
    "This agreement is fragile, and everyone knows it",
    "The numbers speak for themselves",
    "Our priority is to keep people safe and informed",
    "Nothing is agreed until everything is agreed",
    "We have asked for guarantees and we have not received them",
    "It is too early to say whether this will hold",
    "The next few days will be decisive",
]  # fmt: skip
HEADS = [
    "What was agreed", "Reactions", "Background", "What happens next", "The numbers",
    "A difficult week", "Pressure from abroad", "On the ground", "Questions remain",
]  # fmt: skip


@dataclass(frozen=True)
class Post:
    """One generated article, before it is written in any tool's format."""

    index: int
    slug: str
    article: Article

    @property
    def date(self) -> dt.date:
        assert self.article.date is not None
        return self.article.date.as_date()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(
    rng: random.Random,
    people: list[str],
    places: list[str],
    orgs: list[str],
    quotes: bool = True,
) -> str:
    kind = rng.random() if quotes else 0.25 + 0.75 * rng.random()
    if kind < 0.25:
        who = rng.choice(people)
        return (
            f"“{rng.choice(QUOTES)},” {who}, who speaks for {rng.choice(orgs)}, "
            f"{rng.choice(VERBS)} {rng.choice(WHEN)}."
        )
    if kind < 0.6:
        return (
            f"In {rng.choice(places)}, {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}, "
            f"{rng.choice(DETAILS)}."
        )
    subject = rng.choice(SUBJECTS).capitalize()
    return (
        f"{subject} from {rng.choice(orgs)} {rng.choice(ACTIONS)} {rng.choice(WHEN)}, "
        f"{rng.choice(DETAILS)}, and {rng.choice(SUBJECTS)} in {rng.choice(places)} "
        f"{rng.choice(ACTIONS)}."
    )


def _paragraph(rng: random.Random, *pools: list[str]) -> str:
    return " ".join(_sentence(rng, *pools) for _ in range(rng.randint(3, 5)))


# "light": every article about 740 words, quotes only in the text (as the benchmarks were first
# written); "realistic": each article's length, sections, quotes, speakers and authors drawn from
# what the shared corpus holds (benchmarks/real_shape.py), quotes stored as enrichment stores them.
PROFILES = ("light", "realistic")


def _realistic_body(
    rng: random.Random, people: list[str], places: list[str], orgs: list[str]
) -> tuple[str, tuple[Quote, ...], int]:
    """Body, its quote records and the number of authors, shaped like a real article."""
    shape = draw_shape(rng)
    speakers = (people + [_person(rng) for _ in range(shape.speakers)])[: shape.speakers]
    quotes: list[Quote] = []
    said: list[str] = []
    for number in range(shape.quotes):
        text = rng.choice(QUOTES)
        if number < shape.named:
            who, verb = rng.choice(speakers), rng.choice(VERBS)
            said.append(f"“{text},” {who} {verb} {rng.choice(WHEN)}.")
            quotes.append(Quote(text=text, speaker=who, verb=verb, kind="full"))
        else:
            said.append(f"“{text},” read a statement from {rng.choice(orgs)}.")
            quotes.append(Quote(text=text, kind="full"))
    rng.shuffle(said)
    words = sum(len(s.split()) for s in said)
    plain = []
    while words < shape.words or not plain:
        plain.append(_sentence(rng, people, places, orgs, quotes=False))
        words += len(plain[-1].split())
    sentences = plain[:1] + sorted(
        plain[1:] + said, key=lambda _: rng.random()
    )  # the lede opens with a plain sentence, as news does
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(3, 5)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    parts = paragraphs[:1]
    step = max(1, len(paragraphs) // (shape.sections + 1)) if shape.sections else 0
    headings = 0
    for at, paragraph in enumerate(paragraphs[1:], start=1):
        if step and at % step == 0 and headings < shape.sections:
            parts.append(f"## {rng.choice(HEADS)}")
            headings += 1
        parts.append(paragraph)
    return "\n\n".join(parts) + "\n", tuple(quotes), shape.authors


def make_post(index: int, seed: int = 7, profile: str = "light") -> Post:
    rng = random.Random(f"{seed}:{index}")
    people = [_person(rng) for _ in range(rng.randint(2, 4))]
    places = rng.sample(PLACES, 3)
    orgs = rng.sample(ORGS, 3)
    topics = tuple(rng.sample(TOPICS, rng.choice((1, 1, 2, 2, 3))))
    source = rng.choice(SOURCES)
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    title = (
        f"{rng.choice(SUBJECTS).capitalize()} in {places[0]} {rng.choice(ACTIONS)} "
        f"as {topics[0].lower()} dominate the agenda"
    )
    quotes: tuple[Quote, ...] = ()
    if profile == "realistic":
        body, quotes, author_count = _realistic_body(rng, people, places, orgs)
        lede = body.split("\n\n", 1)[0]
        authors = tuple(_person(rng) for _ in range(author_count))
    else:
        lede = _paragraph(rng, people, places, orgs)
        parts = [lede]
        words = len(lede.split())
        while words < 700:
            if len(parts) % 4 == 2:
                parts.append(f"## {rng.choice(HEADS)}")
            para = _paragraph(rng, people, places, orgs)
            parts.append(para)
            words += len(para.split())
        body = "\n\n".join(parts) + "\n"
        authors = (_person(rng),)
    slug = f"{make_slug(title, 50)}-{index}"
    digest = hashlib.sha256(body.encode()).hexdigest()
    article = Article(
        id=f"{day.isoformat()}-{slug}",
        title=title,
        title_origin="source",
        body=body,
        date=ArticleDate(day.year, day.month, day.day),
        date_origin="source",
        source=source,
        source_origin="source",
        url=f"https://news.example/{day:%Y/%m/%d}/{slug}",
        authors=authors,
        language="en",
        topics=topics,
        summary=lede,
        word_count=len(body.split()),
        provenance=Provenance(
            original_name=f"{slug}.txt",
            sha256=digest,
            added=ADDED,
            reader="text",
            fingerprint=digest,
        ),
        people=tuple(sorted(set(people))),
        organisations=tuple(sorted(o.removeprefix("the ") for o in orgs)),
        places=tuple(sorted(p for p in places if not p.startswith("the "))),
        quotes=quotes,
    )
    return Post(index=index, slug=slug, article=article)


def posts(count: int, seed: int = 7, profile: str = "light") -> Iterator[Post]:
    for index in range(count):
        yield make_post(index, seed, profile)


# --- Chronicle ----------------------------------------------------------------------------------


def chronicle_path(project: Path, post: Post) -> Path:
    return project / "docs" / "articles" / relative_dir(post.article) / f"{post.slug}.md"


def write_chronicle_post(project: Path, post: Post) -> Path:
    path = chronicle_path(project, post)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A plain write, not files.write_atomic: its fsync per file would make generating 10,000
    # articles a disk benchmark. The text is exactly what the store writes.
    path.write_text(render_article(post.article), encoding="utf-8")
    return path


def write_chronicle(project: Path, count: int, seed: int = 7, profile: str = "light") -> Path:
    """The repository's own site scaffolding (mkdocs.yml, guide pages) + N articles."""
    _fresh(project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    for post in posts(count, seed, profile):
        write_chronicle_post(project, post)
    return project


def set_material_search(project: Path, on: bool) -> None:
    """Switch Material's own (lunr) search plugin on or off in a project's mkdocs.yml, whichever
    way the repository's config has it (it goes off when search is Pagefind's)."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [line for line in lines if line.strip() != "- search"]
    if on:
        at = next(i for i, line in enumerate(lines) if line.rstrip() == "plugins:")
        lines.insert(at + 1, "  - search\n")
    config.write_text("".join(lines), encoding="utf-8")


# --- Material's blog plugin ---------------------------------------------------------------------

MATERIAL_CONFIG = """\
site_name: Material blog benchmark
site_url: https://example.org/blog/
theme:
  name: material
  font: false
plugins:
  - search
  - blog:
      # Same page size as Chronicle's listings, so both make the same number of listing pages.
      pagination_per_page: 50
"""


def write_material(project: Path, count: int, seed: int = 7, profile: str = "light") -> Path:
    _fresh(project)
    (project / "mkdocs.yml").write_text(MATERIAL_CONFIG, encoding="utf-8")
    posts_dir = project / "docs" / "blog" / "posts"
    posts_dir.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for post in posts(count, seed, profile):
        a = post.article
        lede, _, rest = a.body.partition("\n\n")
        categories = "".join(f"  - {t}\n" for t in a.topics)
        text = (
            f"---\ndate: {post.date.isoformat()}\ncategories:\n{categories}---\n\n"
            f"# {a.title}\n\n{lede}\n\n<!-- more -->\n\n{rest}"
        )
        (posts_dir / f"{post.slug}.md").write_text(text, encoding="utf-8")
    return project


# --- Plain MkDocs: the floor -------------------------------------------------------------------

# What any MkDocs site spends on these posts before a plugin adds anything: one Markdown
# conversion and one Material page per post, no listings, no search, the same Markdown
# extensions as the archive's mkdocs.yml. A plugin cannot build the same article pages faster
# in one MkDocs process, so this bounds what the ratios against Hugo can reach.
FLOOR_CONFIG = """\
site_name: MkDocs floor benchmark
site_url: https://example.org/floor/
theme:
  name: material
  font: false
plugins: []
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - admonition
  - tables
nav:
  - index.md
not_in_nav: |
  /posts/
"""


def write_mkdocs_floor(project: Path, count: int, seed: int = 7, profile: str = "light") -> Path:
    _fresh(project)
    (project / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")
    posts_dir = project / "docs" / "posts"
    posts_dir.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for post in posts(count, seed, profile):
        text = f"# {post.article.title}\n\n{post.article.body}"
        (posts_dir / f"{post.slug}.md").write_text(text, encoding="utf-8")
    return project


# --- Hugo ---------------------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://example.org/hugo/"
title = "Hugo benchmark"
disableKinds = []
[pagination]
  pagerSize = 50
[taxonomies]
  topic = "topics"
  source = "sources"
"""

# A minimal layout of our own: a base page, an article, and one list template for home, sections
# and taxonomy terms (paginated like the others). Written here, not downloaded.
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ range .Params.sources }} · {{ . }}{{ end }}</p>
<p>{{ range .Params.topics }}<a href="{{ (printf "/topics/%s/" (urlize .)) | relURL }}">
{{ . }}</a> {{ end }}</p>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := where site.RegularPages "Section" "posts" }}
{{ if not .IsHome }}{{ $pages = .Pages }}{{ end }}
{{ $pager := .Paginate $pages }}<ol>{{ range $pager.Pages }}
<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p>{{ .Date.Format "2 January 2006" }}</p><p>{{ .Params.summary }}</p></li>{{ end }}</ol>
{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
{{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo(project: Path, count: int, seed: int = 7, profile: str = "light") -> Path:
    _fresh(project)
    (project / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = project / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    posts_dir = project / "content" / "posts"
    posts_dir.mkdir(parents=True)
    for post in posts(count, seed, profile):
        a = post.article
        topics = "".join(f"  - {_yaml_str(t)}\n" for t in a.topics)
        text = (
            f"---\ntitle: {_yaml_str(a.title)}\ndate: {post.date.isoformat()}\n"
            f"summary: {_yaml_str(a.summary)}\ntopics:\n{topics}"
            f"sources:\n  - {_yaml_str(a.source or '')}\n---\n\n{a.body}"
        )
        (posts_dir / f"{post.slug}.md").write_text(text, encoding="utf-8")
    return project


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fresh(project: Path) -> None:
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
