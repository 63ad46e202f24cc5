"""The curator's corrections to stored articles: set a field, re-date (move), edit, remove.

Each one writes the article through the store (atomically), keeps its id (ids never change,
so links between articles hold) and records what changed in the project's `changes.yml`
(`archive/changes.py`), with the old address when the file moved, so the site keeps a redirect
from it. A removed article's original stays in `originals/`, and the articles that named it as
another version stop naming it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.changes import Change, ChangeLog, now
from chronicle.archive.evidence import FIELDS as EVIDENCE_FIELDS
from chronicle.archive.evidence import TRANSCRIBED
from chronicle.archive.front_matter import parse_yaml, split_front_matter
from chronicle.archive.lock import archive_lock
from chronicle.archive.model import Article
from chronicle.archive.schema import article_from_mapping, article_to_mapping, read_curator
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.check import fix_links


@dataclass(frozen=True)
class Found:
    path: Path
    article: Article


def find(store: ArticleStore, wanted: str) -> Found:
    """The article whose id is `wanted` (or whose file it names). A one-line error naming the
    closest ids when there is none."""
    as_path = Path(wanted)
    if as_path.suffix == ".md" and as_path.is_file():
        return Found(as_path, store.load(as_path))
    ids = []
    for path, article in store.scan():
        if isinstance(article, ChronicleError):
            continue  # `chronicle check` reports it; it cannot be the one asked for by id
        if article.id == wanted:
            return Found(path, article)
        ids.append(article.id)
    close = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ChronicleError("", f"no article with the id '{wanted}' in {store.root}{hint}")


def site_path(store: ArticleStore, path: Path) -> str:
    """A stored file's path from the docs folder (`articles/2025/03/21/x.md`): the source path
    MkDocs publishes it from, recorded so the site can redirect from its old address."""
    return path.resolve().relative_to(store.root.resolve().parent).as_posix()


def differences(old: Article, new: Article) -> dict[str, list[Any]]:
    """Front matter key → [old, new] for every key that differs (the body as 'body')."""
    before, after = article_to_mapping(old), article_to_mapping(new)
    out = {
        key: [before.get(key), after.get(key)]
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key) and key != "reading_time"
    }
    if old.body.strip() != new.body.strip():
        out["body"] = ["(edited)", "(edited)"]
    return out


def corrected(article: Article, given: Mapping[str, Any]) -> Article:
    """`article` with the curator's values (checked as a sidecar's are); what the curator sets
    is theirs ('curator' origin), and 'unknown' is recorded as unknown."""
    return with_curator_values(article, read_curator("command line", given))


def with_curator_values(article: Article, values: Mapping[str, Any]) -> Article:
    """`article` with curator values already checked (`read_curator`'s): `corrected`'s work,
    and `chronicle add`'s when the same original comes again with other values."""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("title", "date", "source"):
            changes[f"{key}_origin"] = "curator" if value else None
        if key != "title_origin":
            changes[key] = value
    if values.get("title_origin") == "source" and changes.get("title"):
        changes["title_origin"] = "source"  # typed in from the original: the source's headline
    if "title" in changes and not changes["title"]:
        raise ChronicleError("command line", "'title' may not be empty")
    if changes.get("source") in ("unknown", "Unknown"):
        changes["source"], changes["source_origin"] = None, None
    if "summary" in changes:
        changes["summary"] = changes["summary"] or ""
    given_fields = [key for key in EVIDENCE_FIELDS if key in changes]
    evidence = article.extra.get("evidence")
    if isinstance(evidence, Mapping) and given_fields:
        # The reader's word no longer backs a value the curator replaced (the change log keeps
        # it); as at ingest (metadata.py), the curator's value is said to be the curator's.
        fresh = {**evidence, **dict.fromkeys(given_fields, "curator")}
        if changes.get("title_origin") == "source":
            fresh["title"] = TRANSCRIBED
        changes["extra"] = {**article.extra, "evidence": fresh}
    elif changes.get("title_origin") == "source":  # a reader that keeps no evidence (text)
        changes["extra"] = {**article.extra, "evidence": {"title": TRANSCRIBED}}
    return article.with_changes(**changes)


def save(
    store: ArticleStore, log: ChangeLog, found: Found, new: Article, action: str, note: str = ""
) -> tuple[Path, Change | None]:
    """Write `new` in place of `found` (moving it when its date folder changed) and record the
    change; (the article's path, the change recorded, None when nothing changed)."""
    with archive_lock(store.root):
        return save_held(store, log, found, new, action, note)


def save_held(
    store: ArticleStore, log: ChangeLog, found: Found, new: Article, action: str, note: str = ""
) -> tuple[Path, Change | None]:
    """`save` for a caller that holds the archive's lock already (`chronicle add`)."""
    if new.id != found.article.id:
        raise ChronicleError(store.name(found.path), "the id never changes once added")
    diff = differences(found.article, new)
    if not diff:
        return found.path, None
    return _save_locked(store, log, found, new, action, note, diff)


def _save_locked(
    store: ArticleStore,
    log: ChangeLog,
    found: Found,
    new: Article,
    action: str,
    note: str,
    diff: dict[str, list[Any]],
) -> tuple[Path, Change]:
    _unchanged_since_read(store, found)
    log.entries()  # a record that cannot be read stops the change before anything is written
    path = store.move(found.path, new)
    moved = path != found.path
    change = Change(
        when=now(),
        action="move" if moved and action == "set" else action,
        id=new.id,
        changes=diff,
        redirect=site_path(store, found.path) if moved else "",
        note=note,
    )
    log.record(change)
    return path, change


def read_edited(text: str, where: str) -> Article:
    """A stored article's text as a person edited it → the article, or a one-line error."""
    raw, body = split_front_matter(text, where)
    return article_from_mapping(where, parse_yaml(raw, where), body)


def remove(store: ArticleStore, log: ChangeLog, found: Found) -> list[Change]:
    """Delete the article's file (never its original) and the other articles' links to it;
    record the removal (title, file, original) and each link fixed."""
    with archive_lock(store.root):
        _unchanged_since_read(store, found)
        return _remove_locked(store, log, found)


def _unchanged_since_read(store: ArticleStore, found: Found) -> None:
    """Under the lock: the article is still as `found` read it. Another command (an `add` that
    linked a version, `enrich`, a second curator) may have written it since, and writing the
    copy read before would silently undo that."""
    try:
        current = store.read(found.path)
    except (OSError, ChronicleError):
        current = None
    if current != found.article:
        raise ChronicleError(
            store.name(found.path),
            "the article changed since this command read it (another command wrote it); "
            "nothing was written: run the command again",
        )


def _remove_locked(store: ArticleStore, log: ChangeLog, found: Found) -> list[Change]:
    log.entries()  # a record that cannot be read stops the removal before anything is written
    gone = found.article
    prov = gone.provenance
    removal = Change(
        when=now(),
        action="remove",
        id=gone.id,
        changes={
            "title": [gone.title, None],
            "file": [site_path(store, found.path), None],
            **({"original": [prov.sha256, None]} if prov else {}),
            **({"captures": [[c.sha256 for c in gone.captures], None]} if gone.captures else {}),
        },
        note="the original is kept in originals/",
    )
    fixes = []
    for path, article in list(store.iter_articles()):
        if path != found.path and gone.id in article.other_versions:
            kept = tuple(i for i in article.other_versions if i != gone.id)
            fixed = article.with_changes(other_versions=kept)
            store.write(path, fixed)
            fixes.append(
                Change(
                    when=removal.when,
                    action="fix",
                    id=article.id,
                    changes={"other_versions": [list(article.other_versions), list(kept)]},
                    note=f"{gone.id} was removed",
                )
            )
    store.remove(found.path)
    log.record(removal, *fixes)
    return [removal, *fixes]


def record_blog_redirects(log: ChangeLog, articles: list[Article]) -> int:
    """Record each imported blog post's old address (`extra.blog.url`) as a redirect to it,
    once; how many were new."""
    known = {c.redirect for c in log.entries() if c.redirect}
    new = []
    for article in articles:
        blog = article.extra.get("blog")
        old = blog.get("url") if isinstance(blog, Mapping) else None
        if isinstance(old, str) and old and old not in known:
            known.add(old)
            new.append(Change(when=now(), action="import", id=article.id, redirect=old))
    log.record(*new)
    return len(new)


def mend_links(store: ArticleStore, log: ChangeLog) -> list[tuple[Path, str]]:
    """`chronicle check --fix`: mend other_versions (check.fix_links) and record each fix;
    (file, what was done) for each."""
    with archive_lock(store.root):
        return _mend_links_locked(store, log)


def _mend_links_locked(store: ArticleStore, log: ChangeLog) -> list[tuple[Path, str]]:
    out = []
    changes = []
    when = now()
    for path, before, after in fix_links(store):
        dropped = [i for i in before.other_versions if i not in after.other_versions]
        added = [i for i in after.other_versions if i not in before.other_versions]
        parts = []
        if dropped:
            parts.append(f"no longer names {', '.join(dropped)} (not in the archive)")
        if added:
            parts.append(f"now names {', '.join(added)} back")
        message = "other_versions " + "; ".join(parts)
        mended = after.other_versions
        out.append((path, message))
        changes.append(
            Change(
                when=when,
                action="fix",
                id=after.id,
                changes={"other_versions": [list(before.other_versions), list(mended)]},
                note=message,
            )
        )
    log.record(*changes)
    return out
