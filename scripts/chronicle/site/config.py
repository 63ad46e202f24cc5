"""Plugin options, declared and validated by MkDocs' own config machinery."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

# Shared with `chronicle add`, which finds the site's article memo without loading MkDocs.
from chronicle.archive.memo import PLUGIN_DEFAULTS


class ChronicleConfig(base.Config):
    # Where stored articles live, relative to docs_dir.
    articles_dir = c.Type(str, default=PLUGIN_DEFAULTS["articles_dir"])
    # Where derived pages are generated (site-relative folders).
    archive_url = c.Type(str, default="archive")
    topics_url = c.Type(str, default="topics")
    sources_url = c.Type(str, default="sources")
    # The whole archive oldest first; each topic's own timeline is at <topics_url>/<slug>/timeline/.
    timeline_url = c.Type(str, default="timeline")
    # Articles per listing page; longer listings are split into numbered pages, cut from the
    # oldest article so that later pages keep their articles as new ones arrive (page 1 holds
    # between one and two pages' worth; see views.page_bounds).
    listing_page_size = c.Type(int, default=50)
    # How many of the latest articles the home page shows.
    home_latest = c.Type(int, default=10)
    # How many articles each feed carries (RSS, Atom and JSON Feed, of the archive and of each
    # topic, source and entity; see feeds.py).
    feed_size = c.Type(int, default=50)
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
    people_url = c.Type(str, default="people")
    organisations_url = c.Type(str, default="organisations")
    places_url = c.Type(str, default="places")
    quotes_url = c.Type(str, default="quotes")
    # Full-text search with Pagefind, indexed at the end of every build (see site/search/).
    search_enabled = c.Type(bool, default=True)
    # Where the search page is generated (site-relative folder).
    search_url = c.Type(str, default="search")
    # Most articles per index shard (runs of whole years, newest first; see search.plan_shards).
    # 0, the default: one shard per year, so a rebuild re-indexes only the years that changed;
    # with a cap, adding articles can move a year into the next run and re-index all older ones.
    search_shard_size = c.Type(int, default=0)
    # With one shard per year: consecutive years of one decade with fewer articles than this
    # share a shard (each shard costs a reader's browser about 30 KB when all are searched).
    # 0: every year its own shard.
    search_small_year = c.Type(int, default=250)
    # With one shard per year: a year with more articles than this is indexed in parts of
    # whole months (halves, thirds, quarters… as few as keep a part near this size; see
    # search.plan_shards). The trade: after one article is added, a rebuild re-indexes only its
    # part, in time linear in the part's articles (about 1.6 ms each), so smaller parts mean
    # faster rebuilds; but every shard costs a reader's browser about 30 KB more whenever all
    # are searched (the search page's complete counts and date orders). 0: years stay whole.
    search_split_year = c.Type(int, default=1000)
    # How many shards are indexed at once, each by its own Pagefind process (about one core
    # and 0.2 MB per article of its shard): 0, the default, is one per core, at most 4.
    search_jobs = c.Type(int, default=0)
    # Above this many articles the search page needs words: listing by filters alone makes
    # Pagefind fetch the whole index (about 0.85 MB per 1,000 articles).
    search_browse_limit = c.Type(int, default=2_000)
