"""What an article page shows besides its body, and what that is made from. Pure: no I/O, no
MkDocs.

An incremental build keys an article page by `article_inputs` rather than by its whole context
(build/incremental.py): `article_context` is made from those inputs alone (and the plugin's
options, mkdocs.yml and the registry, all in the site-wide salt), so what is not in there cannot
change the page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urljoin

from chronicle.archive.evidence import record_evidence
from chronicle.archive.index import Archive, Entry, topic_slug
from chronicle.site.citations.highwire import highwire
from chronicle.site.cite import citations, downloads, place_of
from chronicle.site.entity_pages import EntitySite
from chronicle.site.pages import article_breadcrumbs
from chronicle.site.search import record_for
from chronicle.site.story_pages import StoryLinks
from chronicle.text.normalize import make_slug

ArticleInputs = tuple[Entry, Entry | None, Entry | None, tuple[object, ...], StoryLinks]


def article_inputs(
    archive: Archive,
    entity_site: EntitySite,
    entry: Entry,
    story: dict[str, StoryLinks] | None = None,
) -> ArticleInputs:
    """The article's entry, its neighbours in time, the registry entries it links to, and its
    other versions and related coverage (`story`: story_pages.story_links).

    perf: the key of each of 10,000 article pages is made on every build, most of them to
    find the page up to date; digesting these few values (the entries are digested once a
    build) costs a fraction of making and digesting the context they give (measured: 4.8 s
    → 1 s at 10,000 articles)."""
    src = entry.src_uri
    entities = entity_site.article_inputs(entry.article)
    links = (story or {}).get(src) or StoryLinks()
    return (entry, archive.previous.get(src), archive.following.get(src), entities, links)


def article_context(
    inputs: ArticleInputs,
    entity_site: EntitySite,
    *,
    archive_base: str,
    site_url: str,
    site_name: str = "",
) -> dict[str, Any]:
    """Everything an article page shows besides its body, made from `inputs` alone (what the
    entity site adds is what `EntitySite.article_inputs` put in them)."""
    entry, previous, following, _, story = inputs
    place = place_of(entry.article, urljoin(site_url, entry.url), site_name)
    return dict(
        entry=entry,
        versions=story.versions,
        captures=story.captures,
        related=story.related,
        story=story.story,
        previous=previous,
        next=following,
        citations=citations(entry.article, place, entity_site.labels),
        cite_downloads=downloads(entry.article, place),
        highwire=highwire(entry.article, place),
        permalink=place.url,
        # The permanent link as a reader reads it: MkDocs percent-encodes a non-Latin slug.
        shown_url=unquote(place.url),
        archive_name=site_name,
        breadcrumbs=article_breadcrumbs(entry.article.date, archive_base, entity_site.labels),
        sources_slug=make_slug(entry.article.source or "Unknown source"),
        topic_links=[(t, topic_slug(t)) for t in entry.article.topics],
        # How the date, title, authors and source were found (partials/evidence.html).
        evidence=record_evidence(entry.article),
        # What the template marks for Pagefind (data-pagefind-*): the same record
        # search/records.py indexes, so the HTML and the index cannot disagree.
        search=record_for(entry, "", labels=entity_site.labels),
        # Entity links, who said what.
        **entity_site.article_context(entry.article, entry),
    )
