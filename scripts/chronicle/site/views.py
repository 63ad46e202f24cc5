"""What a generated page shows, as plain data: one `View` type for every page Chronicle makes
(date listings, topics, sources, timelines, entities, quotes, and the home page's figures), and
the one paginator that cuts a long listing into pages. Pure: no I/O, no MkDocs.

pages.py and entity_pages.py make the views; the plugin hands each to its template as
`chronicle.view`. A generated page's view is also its input key in incremental builds
(build/incremental.py): a page may show nothing that is not in its view, its template or the
site-wide salt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from chronicle.archive.index import Entry
from chronicle.archive.model import Figure, Quote
from chronicle.site.charts import Chart
from chronicle.site.diff import Diff
from chronicle.site.labels import Labels, english
from chronicle.site.periods import CalendarMonth
from chronicle.site.timeline import TimelineSection

LISTING = "chronicle/listing.html"
ENTITY = "chronicle/entity.html"
QUOTES = "chronicle/quotes.html"
HOME = "chronicle/home.html"
DIFF = "chronicle/diff.html"
# The quotes page and entity pages show a speaker's newest quotes; a speaker with more gets a
# page of their own under quotes/, so no page grows with the whole archive's quotes.
QUOTES_PREVIEW = 10


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int | None = None
    note: str = ""  # shown beside the link, e.g. a source's country


@dataclass(frozen=True)
class SourceFacts:
    """What the source registry says of a publisher, shown on its page."""

    country: str = ""  # its name in the archive's language
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityInfo:
    name: str
    kind: str
    url: str  # site-relative, e.g. "people/israel-katz/"
    description: str = ""
    wikidata: str | None = None

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


@dataclass(frozen=True)
class QuoteRef:
    """A quote where it is shown: its article and its speaker's page (when in the registry)."""

    quote: Quote
    entry: Entry
    speaker: str  # the name shown: the registry name when resolved, else as written
    speaker_url: str | None = None

    @property
    def partial(self) -> bool:
        return self.quote.kind == "partial"

    @property
    def marks(self) -> tuple[str, str] | None:
        """The quotation marks the article printed, None when not recorded (the site
        language's are shown). French sets guillemets off by a narrow no-break space, which
        the stored text (the words between the marks) does not keep."""
        marks = self.quote.marks
        if not marks or len(marks) != 2:
            return None
        opening, closing = marks[0], marks[1]
        language = (self.entry.article.language or "").lower()
        if opening == "«" and closing == "»" and language.split("-")[0] == "fr":
            return opening + "\u202f", "\u202f" + closing
        return opening, closing


@dataclass(frozen=True)
class Sideways:
    """A date page's neighbours: the previous and next day, month or year that has articles."""

    period: str  # "day", "month" or "year"
    earlier: Link | None = None
    later: Link | None = None


@dataclass(frozen=True)
class FigureRef:
    """A figure where it is listed: with its article (its date and title)."""

    figure: Figure
    entry: Entry


@dataclass(frozen=True)
class OnThisDay:
    """The home page's "On this day": the day it was built for and that day in other years."""

    day: str  # "5 December"
    iso: str  # the build's date, "2026-12-05"
    years: list[tuple[int, list[Entry]]] = field(default_factory=list)  # newest year first


@dataclass
class SpeakerGroup:
    label: str
    anchor: str  # id on the quotes page, e.g. "speaker-israel-katz"
    url: str | None  # the speaker's entity page, when in the registry
    quotes: list[QuoteRef] = field(default_factory=list)  # all, newest first
    page_url: str | None = None  # quotes/<slug>/ when there are more than the preview

    @property
    def preview(self) -> list[QuoteRef]:
        return self.quotes[:QUOTES_PREVIEW]


@dataclass
class View:
    """One generated page: where it lives, its template, and everything that template shows.
    Not frozen: the paginator and the timeline fill in each page's share of a listing after
    copying page 1."""

    src_uri: str
    title: str
    # archive-index | year | month | day | approximate | undated | topic | source | timeline |
    # topic-timeline | topic-index | source-index | person | organisation | place |
    # entity-index | quotes | speaker-quotes | home | diff
    kind: str
    template: str  # LISTING, ENTITY, QUOTES, HOME or DIFF
    heading: str = ""
    intro: str = ""
    up: list[Link] = field(default_factory=list)  # breadcrumbs, outermost first
    children: list[Link] = field(default_factory=list)  # sub-pages with counts
    see_also: list[Link] = field(default_factory=list)  # the same articles another way
    entries: list[Entry] = field(default_factory=list)  # this page's share of the articles
    # A timeline page lists its entries under these headings instead of as one list.
    timeline: list[TimelineSection] = field(default_factory=list)
    total: int = 0  # articles in the whole listing (page 1 only)
    page_number: int = 1
    page_count: int = 1
    previous_page: str | None = None
    next_page: str | None = None
    previous_label: str = ""  # the pagination's links, in the archive's language
    next_label: str = ""
    previous_aria: str = ""  # the same links' names for screen readers, with the page they open
    next_aria: str = ""
    # Whole-listing figures of an entity's first page (and of the home page).
    entity: EntityInfo | None = None
    first: Entry | None = None  # the oldest dated article
    last: Entry | None = None  # the newest dated article
    undated: int = 0
    speaker: SpeakerGroup | None = None  # this entity's quotes (entity and speaker pages)
    related: list[tuple[EntityInfo, int]] = field(default_factory=list)
    index: list[tuple[EntityInfo, int]] = field(default_factory=list)  # on entity index pages
    speakers: list[SpeakerGroup] = field(default_factory=list)  # on the quotes page
    # Page 1 only: the neighbouring periods of a date page, a year page's calendar, a listing's
    # attention charts and the figures its articles attribute (newest first).
    sideways: Sideways | None = None
    calendar: list[CalendarMonth] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    figures: list[FigureRef] = field(default_factory=list)
    on_this_day: OnThisDay | None = None  # the home page's
    diff: Diff | None = None  # a comparison page's
    source: SourceFacts | None = None  # a source page's, when the source registry holds it

    @property
    def url(self) -> str:
        return self.src_uri.removesuffix("index.md")


def page_bounds(total: int, page_size: int, *, newest_first: bool = True) -> list[range]:
    """Which of a listing's `total` entries each of its pages holds, page 1 first.

    A newest-first listing is cut into pages from its *oldest* end: page 1 holds the newest
    `page_size` to `2 × page_size − 1` articles and every later page exactly `page_size`. New
    articles are mostly the newest, so they join page 1 while every later page keeps its
    articles (and its address: a reader's link or a worksheet's citation stays right) until page 1
    is full and a page is added, once every `page_size` articles. An incremental build then
    rebuilds page 1 alone instead of every page of the listing (build/incremental.py).
    An oldest-first listing (a timeline) is cut from its start, which is already its old end."""
    if total <= page_size:
        return [range(0, total)]
    if not newest_first:
        return [range(i, min(i + page_size, total)) for i in range(0, total, page_size)]
    count = total // page_size
    first = total - (count - 1) * page_size
    return [range(0, first)] + [
        range(first + i * page_size, first + (i + 1) * page_size) for i in range(count - 1)
    ]


def page_src(base: str, number: int) -> str:
    return f"{base}index.md" if number == 1 else f"{base}page/{number}/index.md"


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def paginate(
    first: View,
    entries: list[Entry],
    page_size: int,
    *,
    labels: Labels | None = None,
    newest_first: bool = True,
) -> list[View]:
    """A listing's pages (see `page_bounds`), `first` being page 1 without its entries. Only
    page 1 counts the whole listing (its intro, total, sub-pages, first and last mentions,
    related entities, quotes): a later page shows nothing that changes when an article joins
    page 1, so its input key, and its output, stay the same."""
    labels = labels or english()
    bounds = page_bounds(len(entries), page_size, newest_first=newest_first)
    count = len(bounds)
    base = first.url
    views: list[View] = []
    for number, share in enumerate(bounds, start=1):
        if number == 1:
            view = replace(first, total=len(entries))
        else:
            view = replace(
                first,
                src_uri=page_src(base, number),
                title=labels("archive.title_page", title=first.title, number=number, count=count),
                intro=labels(
                    "archive.later_intro" if newest_first else "archive.timeline_later_intro"
                ),
                children=[],
                total=0,
                first=None,
                last=None,
                undated=0,
                speaker=None,
                related=[],
                sideways=None,
                calendar=[],
                charts=[],
                figures=[],
            )
        view.entries = entries[share.start : share.stop]
        views.append(view)
    return link_pages(views, labels)


def _words(label: str) -> str:
    """A link's visible words without its arrow, which a screen reader would read out."""
    return label.strip("←→ \u200f\u200e")


def link_pages(
    views: list[View], labels: Labels, *, previous_key: str = "newer", next_key: str = "older"
) -> list[View]:
    """Number a listing's pages (already cut, page 1 first, each at `page_src`) and link each to
    its neighbours. `previous_key`, `next_key`: the catalogue keys of the links' words, unless a
    view brings its own."""
    count = len(views)
    base = views[0].url if views else ""
    for number, view in enumerate(views, start=1):
        view.page_number, view.page_count = number, count
        view.previous_label = view.previous_label or labels(previous_key)
        view.next_label = view.next_label or labels(next_key)
        view.previous_page = None if number == 1 else page_url(base, number - 1)
        view.next_page = page_url(base, number + 1) if number < count else None
        view.previous_aria = labels(
            "page_link", label=_words(view.previous_label), number=number - 1, count=count
        )
        view.next_aria = labels(
            "page_link", label=_words(view.next_label), number=number + 1, count=count
        )
    return views
