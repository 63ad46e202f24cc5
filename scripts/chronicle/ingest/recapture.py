"""A changed capture of an address already in the archive: a new version of that article.

An article is a page at an address. Capturing the address again (a saved page, a WARC record,
a fetch) records how that page changed, not a second article, so:

- the article keeps its id, file and address: links to it and citations of it hold;
- its body (with summary, word count, entities and quotes, found again) and provenance become
  the *newest* capture's, by when each was captured (a WARC record's date, a fetch's time; else
  when it was added): the page as it now reads, corrections included, is the one to cite, and
  the first text stays one click away. The headline follows the page too, unless the curator
  devised the title; the date, source, topics and links to other articles stay as curated;
- every other capture is kept in the front matter (`captures`) with its own text, oldest first,
  and its original in `originals/`. The text is stored rather than extracted again from the
  original when the site is built: the site never runs the readers (they are the ingest
  side's), and extracting a saved page again takes a median 46–78 ms (20 corpus pages, two
  warm rounds on a shared 2-core machine), while reading an article with six stored captures
  (5.7 KB of text) takes 0.50 ms against 0.24 ms without them;
- the same text at the same address is 'unchanged' (nothing is written); a text too unlike the
  stored one (`SAME_PAGE`: a homepage, a reused address) is a new article, as before, with a
  note that the address is shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy

from chronicle.archive.catalogue import addresses_of
from chronicle.archive.limits import check_limits, without_controls
from chronicle.archive.model import Article, Capture, current_capture
from chronicle.archive.originals import OriginalsStore
from chronicle.archive.store import ArticleStore, StoredRef
from chronicle.ingest.again import Outcome, added_again
from chronicle.ingest.near_duplicates import minhash

if TYPE_CHECKING:
    from chronicle.ingest.enrich import Registry

# Estimated Jaccard similarity of 5-word shingle sets (near_duplicates.py) from which a new text
# at the same address is the same article edited. Far lower than the near-duplicate threshold
# (0.8), which must tell two articles apart anywhere in the archive: this one only decides
# whether one address still holds the same story, and an edited story loses shingles fast (each
# changed word breaks five). Measured by `python -m benchmarks recapture` on 40 corpus texts
# (none held out), each with some of its paragraphs replaced by another text's: one in five
# replaced scores a median 0.63 (88% of them ≥ 0.3), two in five 0.40 (68%), three in five 0.22
# (40%); another article scores 0.00 (none ≥ 0.3).
SAME_PAGE = 0.3
# Query parameters that say where a reader came from, never which page it is.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def address_key(url: str | None) -> str | None:
    """The page an address names, for comparing captures: without scheme, `www.`, fragment,
    trailing slash and tracking parameters, the host in lower case."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if not host or parts.scheme.lower() not in ("http", "https"):
        return None
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    )
    return f"{host}{port}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def _tracking(key: str) -> bool:
    return any(key.lower().startswith(prefix) for prefix in _TRACKING)


def address_of(article: Article) -> str | None:
    """The address an article was captured from: its own (a canonical link) or the one fetched."""
    prov = article.provenance
    return address_key(article.url) or address_key(prov.original_url if prov else None)


def similarity(older: str, newer: str) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (as near_duplicates)."""
    return float(numpy.mean(minhash(older) == minhash(newer)))


def capture_of(article: Article) -> Capture:
    """The capture an article's body and provenance are."""
    capture = current_capture(article)
    assert capture is not None  # only an added article, with provenance, is captured again
    return capture


def is_newer(new: Article, stored: Article) -> bool:
    """Whether `new` was captured after `stored`'s body was (the later added on a tie)."""
    return capture_of(new).when >= capture_of(stored).when


def with_capture(stored: Article, new: Article) -> Article:
    """`stored` with `new` (another capture of its address) recorded: as its body when it is the
    newest capture, else among its other captures. Pure."""
    if not is_newer(new, stored):
        captures = sorted((*stored.captures, capture_of(new)), key=lambda c: c.when)
        return stored.with_changes(captures=tuple(captures))
    captures = sorted((*stored.captures, capture_of(stored)), key=lambda c: c.when)
    changes: dict[str, object] = dict(
        body=new.body,
        summary=new.summary or stored.summary,
        word_count=new.word_count,
        language=new.language or stored.language,
        provenance=new.provenance,
        captures=tuple(captures),
    )
    if new.authors:
        changes["authors"] = new.authors
    # The page's own headline follows the page; a title the curator gave stays theirs.
    if new.title_origin == "curator" or (
        stored.title_origin != "curator" and new.title_origin == "source"
    ):
        changes.update(title=new.title, title_origin=new.title_origin)
    # How the values taken from the new capture were found (evidence.py) is that capture's.
    taken = [key for key in ("title", "authors") if key in changes]
    found, kept = new.extra.get("evidence"), stored.extra.get("evidence")
    if taken and isinstance(found, Mapping):
        merged = {**(kept if isinstance(kept, Mapping) else {})}
        merged.update({key: found[key] for key in taken if key in found})
        changes["extra"] = {**stored.extra, "evidence": merged}
    return stored.with_changes(**changes)


@dataclass(frozen=True)
class Match:
    """What the archive holds at a new capture's address."""

    article_id: str
    score: float  # estimated similarity of the texts

    @property
    def same_page(self) -> bool:
        return self.score >= SAME_PAGE


class AddressIndex:
    """Stored articles by the page their address names, kept up to date through a run.

    perf: articles are filed by the last step of their address (plain string work), and the
    full `address_key` is made only for the few that share it: making it for every stored
    article (`urlsplit`, the query parsed) took 0.18 s at 2,000 articles, on every add."""

    def __init__(self, refs: Iterable[StoredRef] = ()) -> None:
        # last step → article id → its addresses (catalogue.addresses_of: its own, then fetched)
        self._by_step: dict[str, dict[str, tuple[str, ...]]] = {}
        for ref in refs:
            if ref.sha256:  # written by hand (no original): no capture of it to keep
                self._file(ref.id, ref.addresses)

    def add(self, article: Article) -> None:
        if article.provenance is not None:
            self._file(article.id, addresses_of(article))

    def _file(self, article_id: str, urls: tuple[str, ...]) -> None:
        for url in urls:
            self._by_step.setdefault(_last_step(url), {})[article_id] = urls

    def ids(self, article: Article) -> list[str]:
        key = address_of(article)
        if key is None:
            return []
        found = dict.fromkeys(
            other
            for url in addresses_of(article)
            for other, urls in self._by_step.get(_last_step(url), {}).items()
            if _first_key(urls) == key
        )
        return list(found)


def _first_key(urls: tuple[str, ...]) -> str | None:
    """`address_of` from an article's addresses (`catalogue.addresses_of`)."""
    return next((key for key in map(address_key, urls) if key is not None), None)


def _last_step(url: str) -> str:
    """What any two addresses of one page share (`address_key` decides): the last step of the
    path, or the host, in lower case."""
    path = url.partition("#")[0].partition("?")[0].rstrip("/")
    return path.rpartition("/")[2].lower().removeprefix("www.")


def best_match(new: Article, stored: Iterable[Article]) -> Match | None:
    """The stored article (at the same address) whose text is most like `new`'s."""
    scored = [Match(a.id, similarity(a.body, new.body)) for a in stored]
    return max(scored, key=lambda m: m.score, default=None)


def at_address(
    store: ArticleStore, addresses: AddressIndex, article: Article
) -> tuple[Match, StoredRef, Article] | None:
    """The stored article at `article`'s address most like it, with its file; None when the
    archive holds nothing at that address."""
    stored: dict[str, tuple[StoredRef, Article]] = {}
    for article_id in addresses.ids(article):
        ref = store.by_id(article_id)
        if ref is not None:
            stored[article_id] = (ref, store.load(ref.path))
    match = best_match(article, (old for _, old in stored.values()))
    if match is None:
        return None
    ref, old = stored[match.article_id]
    return match, ref, old


def checked(where: str, article: Article) -> Article:
    """The article as the store writes a new one: control characters out, limits kept."""
    article = without_controls(article)
    check_limits(where, article)
    return article


class Recaptures:
    """`chronicle add`'s step for addresses already stored, between dedupe and near-duplicates
    (add.Ingester): records a new version, or says why a text at a known address is not one."""

    def __init__(
        self,
        store: ArticleStore,
        originals: OriginalsStore,
        registry: Callable[[], Registry],
        show: Callable[[Path], str],
    ) -> None:
        self.store, self.originals, self.registry, self.show = store, originals, registry, show
        self._addresses: AddressIndex | None = None

    @property
    def addresses(self) -> AddressIndex:
        """Stored articles by address, from the scan dedupe made already."""
        if self._addresses is None:
            self._addresses = AddressIndex(self.store.refs())
        return self._addresses

    def reread(self) -> None:
        self._addresses = None

    def added(self, article: Article) -> None:
        self.addresses.add(article)

    def same_page(self, article: Article, ref: StoredRef) -> bool:
        """Whether the stored article `ref` (the same text as `article`) is at its address."""
        return ref.id in self.addresses.ids(article)

    def record(
        self, name: str, article: Article, original: bytes, flags: Mapping[str, Any]
    ) -> tuple[Outcome | None, str]:
        """(the outcome, when `article` is a new capture of a stored article's page; a note,
        when the archive holds another text at its address). The command line's values
        (`flags`) then correct the article as for an original added again (again.py)."""
        shared = at_address(self.store, self.addresses, article)
        if shared is None:
            return None, ""
        match, ref, stored = shared
        if not match.same_page:
            return None, (
                f"the same address as {self.show(ref.path)} with another text "
                f"({match.score:.0%} similar): added as a new article"
            )
        new = with_capture(stored, article)
        if new.body != stored.body:  # the newest capture: its entities and quotes
            from chronicle.ingest.enrich import enrich_article  # perf: only when needed

            new = enrich_article(new, self.registry())
        new = checked(self.show(ref.path), new)
        with self.originals.keeping(original):
            self.store.rewrite(ref.path, new)
        self.addresses.add(new)
        which = "its text now" if new.body != stored.body else "an earlier capture"
        note = f"new version of {new.id} ({which})"
        version = Outcome(name, "new-version", self.show(ref.path), new, note)
        corrected = added_again(self.store, name, ref, flags, self.show)
        if corrected.status == "corrected" and corrected.article is not None:
            version = replace(
                version,
                detail=corrected.detail,
                article=corrected.article,
                changes=corrected.changes,
            )
        elif corrected.status == "failed":
            version = replace(version, warnings=(corrected.detail,))
        return version, ""
