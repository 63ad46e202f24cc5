"""Plugin options, declared and validated by MkDocs' own config machinery; an option name
Chronicle does not know is an error that suggests the closest one (MkDocs only warns, and a
typo would silently leave the default in force). `HELP` says what each option does for the
reference page (docs/guide/plugin-options.md, made by `options_reference`)."""

from __future__ import annotations

import difflib

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

# Shared with `chronicle add`, which finds the site's article memo without loading MkDocs.
from chronicle.archive.limits import LIMIT_OPTIONS, LIMITS, Limits, limits_from
from chronicle.archive.memo import PLUGIN_DEFAULTS


class Count(c.Type[int]):
    """A whole number of at least `least`: a negative page size or `true` is a mistake to name,
    not a value to build with."""

    def __init__(self, default: int, least: int = 0) -> None:
        super().__init__(int, default=default)
        self.least = least

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise ValidationError(f"expected a whole number, not {str(value).lower()}")
        number = super().run_validation(value)
        if number < self.least:
            raise ValidationError(f"must be {self.least} or more, not {number}")
        return number


class ChronicleConfig(base.Config):
    # Where stored articles live, relative to docs_dir.
    articles_dir = c.Type(str, default=PLUGIN_DEFAULTS["articles_dir"])
    # Where derived pages are generated (site-relative folders).
    archive_url = c.Type(str, default="archive")
    topics_url = c.Type(str, default="topics")
    sources_url = c.Type(str, default="sources")
    # The whole archive oldest first; each topic's own timeline is at <topics_url>/<slug>/timeline/.
    timeline_url = c.Type(str, default="timeline")
    stories_url = c.Type(str, default="stories")
    # Articles per listing page; longer listings are split into numbered pages, cut from the
    # oldest article so that later pages keep their articles as new ones arrive (page 1 holds
    # between one and two pages' worth; see views.page_bounds).
    listing_page_size = Count(default=50, least=1)
    # How many of the latest articles the home page shows.
    home_latest = Count(default=10)
    # How many articles each feed carries (RSS, Atom and JSON Feed, of the archive and of each
    # topic, source and entity; see feeds.py).
    feed_size = Count(default=50)
    # perf: converted bodies and rendered pages are kept here between builds (relative to the
    # folder of mkdocs.yml); `cache: false` builds everything from scratch every time.
    cache = c.Type(bool, default=PLUGIN_DEFAULTS["cache"])
    cache_dir = c.Type(str, default=PLUGIN_DEFAULTS["cache_dir"])
    # perf: on `mkdocs build`, a forked helper fills the cache from the last page backwards
    # while MkDocs works forwards (parallel.py), so a clean build uses two cores.
    parallel = c.Type(bool, default=True)
    # The entity registry, relative to mkdocs.yml (absent: the front matter's names
    # are shown as they are), and where entity and quote pages are generated.
    entities_file = c.Type(str, default="entities.yml")
    # The source registry, relative to mkdocs.yml: articles whose sources are one publisher's
    # aliases or domains are listed under its name (absent: sources are shown as stored).
    sources_file = c.Type(str, default="sources.yml")
    people_url = c.Type(str, default="topics/people")
    organisations_url = c.Type(str, default="topics/organisations")
    places_url = c.Type(str, default="topics/places")
    quotes_url = c.Type(str, default="quotes")
    # Quotes per quotes page (whole speakers to a page, each with their newest quotes) and per
    # page of a speaker's own quotes; so no page grows with the archive.
    quotes_page_size = Count(default=50, least=1)
    # Full-text search with Pagefind, indexed at the end of every build (see site/search/).
    search_enabled = c.Type(bool, default=True)
    # Where the search page is generated (site-relative folder).
    search_url = c.Type(str, default="search")
    # Most articles per index shard (runs of whole years, newest first; see search.plan_shards).
    # 0, the default: one shard per year, so a rebuild re-indexes only the years that changed;
    # with a cap, adding articles can move a year into the next run and re-index all older ones.
    search_shard_size = Count(default=0)
    # With one shard per year: consecutive years of one decade with fewer articles than this
    # share a shard (each shard costs a reader's browser about 30 KB when all are searched).
    # 0: every year its own shard.
    search_small_year = Count(default=250)
    # With one shard per year: a year with more articles than this is indexed in parts of
    # whole months (halves, thirds, quarters… as few as keep a part near this size; see
    # search.plan_shards). The trade: after one article is added, a rebuild re-indexes only its
    # part, in time linear in the part's articles (about 1.6 ms each), so smaller parts mean
    # faster rebuilds; but every shard costs a reader's browser about 30 KB more whenever all
    # are searched (the search page's complete counts and date orders). 0: years stay whole.
    search_split_year = Count(default=1000)
    # How many shards are indexed at once, each by its own Pagefind process (about one core
    # and 0.2 MB per article of its shard): 0, the default, is one per core, at most 4.
    search_jobs = Count(default=0)
    # Above this many articles the search page needs words: listing by filters alone makes
    # Pagefind fetch the whole index (about 0.85 MB per 1,000 articles).
    search_browse_limit = Count(default=2_000)
    # How large a stored article may be (archive/limits.py): a file over a limit is left out
    # of the site with a warning naming it (`strict` fails); `chronicle add` and `check` read
    # these options too.
    max_text_chars = Count(default=LIMITS.text, least=1)
    max_summary_chars = Count(default=LIMITS.summary, least=1)
    max_body_chars = Count(default=LIMITS.body, least=1)
    max_paragraph_brackets = Count(default=LIMITS.brackets, least=1)
    max_list_items = Count(default=LIMITS.items, least=1)
    max_extra_depth = Count(default=LIMITS.extra_depth, least=1)
    max_extra_values = Count(default=LIMITS.extra_items, least=1)

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        unknown = [key for key in self if key not in OPTIONS]
        failed += [(key, ValidationError(unknown_option(key))) for key in sorted(unknown)]
        return failed, [(key, w) for key, w in warnings if key not in unknown]

    def limits(self) -> Limits:
        """How large a stored article may be, as the `max_*` options set it (validated)."""
        return limits_from(self, "mkdocs.yml")


# Every option's name, in the order of the class.
OPTIONS: tuple[str, ...] = tuple(
    name for name, value in vars(ChronicleConfig).items() if isinstance(value, c.BaseConfigOption)
)


def unknown_option(key: str) -> str:
    """The error for an option name Chronicle does not know, with the closest known names."""
    close = difflib.get_close_matches(key, OPTIONS, n=2, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(name) for name in close)}? " if close else ""
    return f"unknown option {key!r}: {hint}(every option: 'Plugin options' in Chronicle's guide)"


# What each option does, for curators; the reference page is made from it and the defaults.
HELP: dict[str, str] = {
    "articles_dir": "where stored articles live, inside `docs/`",
    "archive_url": "where the date archive (year, month, day pages) is generated",
    "topics_url": "where topic pages are generated",
    "sources_url": "where source pages are generated",
    "timeline_url": "where the whole archive's timeline is generated (each topic's is at "
    "`<topics_url>/<slug>/timeline/`)",
    "listing_page_size": "articles per listing page; longer listings are split into numbered "
    "pages, cut from the oldest article so that later pages keep their articles",
    "home_latest": "how many of the latest articles the home page shows",
    "feed_size": "how many of the latest articles the Atom and RSS feeds carry",
    "cache": "keep the build cache; `false` builds everything from scratch every time",
    "cache_dir": "where the build cache lives, beside `mkdocs.yml`",
    "parallel": "on `mkdocs build`, let a helper process use a second core",
    "entities_file": "the entity registry, beside `mkdocs.yml` (absent: names are shown as the "
    "articles give them)",
    "sources_file": "the source registry, beside `mkdocs.yml`: a source stored as one of a "
    "publisher's aliases or domains is shown and listed under its name (absent: as stored)",
    "stories_url": "where story pages are generated (articles grouped by the names they share, "
    "close in time: who covered each story, and when)",
    "people_url": "where people's pages are generated (beside the topics, as news sites file "
    "people and places; a topic called People, Organisations or Places is then at "
    "`topics/people-topic/` and so on)",
    "organisations_url": "where organisations' pages are generated",
    "places_url": "where places' pages are generated",
    "quotes_url": "where the quotes page is generated",
    "quotes_page_size": "quotes per quotes page and per page of one speaker's quotes; longer "
    "lists are split into numbered pages",
    "search_enabled": "build the search index, the search box and the search page",
    "search_url": "where the search page is generated",
    "search_shard_size": "`0`: one search index shard per year; N: runs of whole years of at "
    "most N articles",
    "search_small_year": "with one shard per year, consecutive years of one decade with fewer "
    "articles than this share a shard; `0`: every year its own",
    "search_split_year": "with one shard per year, a year with more articles than this is "
    "indexed in parts of whole months (a rebuild after adding one article re-indexes one part; "
    "a reader's complete counts fetch about 30 KB more per part); `0`: years stay whole",
    "search_jobs": "shards indexed at the same time; `0`: one per core, at most 4",
    "search_browse_limit": "above this many articles, the search page needs words",
    **{
        option: f"most {what} in a stored article; over it, the article is left out (see "
        "Front matter); `chronicle add` refuses it"
        for option, (_, what) in LIMIT_OPTIONS.items()
    },
}


def options_reference() -> str:
    """The text of docs/guide/plugin-options.md: every option, its default and what it does."""
    defaults = ChronicleConfig()
    defaults.load_dict({})
    defaults.validate()
    rows = []
    for name in OPTIONS:
        value = defaults[name]
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        rows.append(f"| `{name}` | `{shown}` | {HELP[name]} |")
    return (
        "# Plugin options\n\n"
        "<!-- Made from the code (chronicle/site/config.py); tests/test_plugin_config.py keeps\n"
        "     it in step. After changing an option: python -m chronicle.site.options_page -->\n\n"
        "Chronicle's options go in `mkdocs.yml`, under the plugin:\n\n"
        "```yaml\nplugins:\n  - chronicle:\n      listing_page_size: 50\n```\n\n"
        "Every option has a default; an option name Chronicle does not know stops the build "
        "with an error that suggests the closest one.\n\n"
        "| option | default | meaning |\n|---|---|---|\n" + "\n".join(rows) + "\n"
    )
