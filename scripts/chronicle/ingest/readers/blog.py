"""A Material for MkDocs blog post's front matter → the curator's keys and a record of the post.

Material's blog plugin reads posts from `<blog>/posts/` with front matter of its own: `date`
(a date, or `{created, updated}`), `categories` and `tags`, `authors` (ids looked up in
`<blog>/.authors.yml`), `slug`, `draft`, `pin`, `links`, `readtime`, `description`. The Markdown
reader hands a post's front matter here, so a blog folder is added as it is:

- `date` (or `date.created`) is the publication date; `date.updated` is kept in the record;
- `categories` then `tags` become topics;
- `authors` become the names `.authors.yml` gives them (an id it does not know stays as written);
- `slug` is kept as the article's slug (its id and file name);
- `draft: true` posts are not added (`is_draft`; `chronicle add` says so);
- the excerpt before `<!-- more -->` is the summary;
- every other key of the post, and the address Material published it at, stay in
  `extra.blog`, so nothing the post said is lost and `chronicle add --redirects` can keep the old
  address working.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from chronicle.archive.dates import parse_date
from chronicle.archive.evidence import evidence_words
from chronicle.archive.schema import CURATOR_KEYS
from chronicle.errors import ChronicleError, FrontMatterError
from chronicle.text.normalize import make_slug

# Keys only Material's blog gives a post (MkDocs' `title` and Chronicle's keys are shared).
BLOG_KEYS = frozenset({"categories", "tags", "slug", "draft", "pin", "links", "readtime"})
# Other page keys MkDocs and Material read; kept in the record, never an error.
PAGE_KEYS = frozenset(
    {"description", "hide", "icon", "search", "status", "subtitle", "template", "comments"}
)
AUTHORS_FILE = ".authors.yml"
EXCERPT_SEPARATOR = "<!-- more -->"
_SEPARATOR = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.M | re.I)


def is_blog_post(meta: Mapping[str, Any], name: str) -> bool:
    """Front matter that only a Material blog post has, or a file inside a blog's `posts/`
    folder (one with `.authors.yml` beside it)."""
    if BLOG_KEYS & set(meta) or isinstance(meta.get("date"), Mapping):
        return True
    return "authors" in meta and authors_file_for(name) is not None


def is_draft(meta: Mapping[str, Any]) -> bool:
    return meta.get("draft") is True or str(meta.get("draft")).lower() == "true"


def blog_folder(name: str) -> Path | None:
    """The blog's own folder: the one holding the `posts/` folder the post is in."""
    path = Path(name)
    for folder in path.parents:
        if folder.name == "posts":
            return folder.parent
    return None


def authors_file_for(name: str) -> Path | None:
    blog = blog_folder(name)
    candidates = [blog] if blog else list(Path(name).parents)[:3]
    for folder in candidates:
        if (folder / AUTHORS_FILE).is_file():
            return folder / AUTHORS_FILE
    return None


def author_names(path: Path | None) -> dict[str, str]:
    """id → name from a blog's `.authors.yml` (`authors: {id: {name: …}}`)."""
    if path is None:
        return {}
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ChronicleError(where, f"cannot read the blog's authors ({exc})") from None
    authors = data.get("authors") if isinstance(data, Mapping) else None
    if not isinstance(authors, Mapping):
        raise ChronicleError(where, "has no 'authors:' mapping of ids to names")
    out = {}
    for key, value in authors.items():
        if isinstance(value, Mapping) and isinstance(value.get("name"), str):
            out[str(key)] = value["name"].strip()
    return out


def _as_list(where: str, key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list):
        raise FrontMatterError(where, key, f"must be a list, not {type(value).__name__}")
    return [str(item).strip() for item in value if str(item).strip()]


def _dates(where: str, value: Any) -> tuple[Any, dict[str, Any]]:
    """The publication date and the other dates of a post's `date`."""
    if not isinstance(value, Mapping):
        return value, {}
    if "created" not in value:
        raise FrontMatterError(where, "date", "a mapping of dates must have 'created'")
    others = {str(k): str(v) for k, v in value.items() if k != "created"}
    for key, other in others.items():
        try:
            parse_date(other, where)
        except ChronicleError as exc:
            raise FrontMatterError(where, f"date.{key}", exc.reason) from None
    return value["created"], others


def published_address(blog: Path | None, date: str | None, slug: str) -> str | None:
    """Where Material published the post, with its default `post_url_format` "{date}/{slug}"
    and `post_url_date_format` "yyyy/MM/dd": `blog/2024/01/31/slug/`, the blog folder taken
    relative to the `docs/` folder above it (else by its own name)."""
    if blog is None or date is None:
        return None
    found = parse_date(date)
    if found is None or found.day is None:
        return None
    prefix = blog.name + "/"
    for folder in [blog, *blog.parents]:
        if folder.name == "docs":
            # `blog_dir: .` puts the blog at the site's root
            inside = blog.relative_to(folder).as_posix()
            prefix = "" if inside == "." else inside + "/"
            break
    return f"{prefix}{found.year:04d}/{found.month:02d}/{found.day:02d}/{slug}/"


def material_slug(title: str) -> str:
    """The slug Material makes from a title when a post has none (Python-Markdown's `toc`
    slugify, Material's default `post_slugify`)."""
    from markdown.extensions.toc import slugify

    return slugify(title, "-")


def read_post(
    meta: Mapping[str, Any], name: str
) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """A post's front matter → (curator keys, the record kept in `extra.blog`, its slug).
    Unknown keys are kept in the record; one that looks like a misspelt curator key is an
    error, as it is for any Markdown file."""
    curator: dict[str, Any] = {}
    record: dict[str, Any] = {}
    for key, value in meta.items():
        key = str(key)
        if key in CURATOR_KEYS and key not in ("authors", "date"):
            curator[key] = value
        elif key not in BLOG_KEYS | PAGE_KEYS | {"authors", "date"}:
            close = difflib.get_close_matches(key, CURATOR_KEYS, n=1, cutoff=0.8)
            if close:
                raise FrontMatterError(name, key, f"unknown key (did you mean '{close[0]}'?)")
            record[key] = value
    for key in sorted(PAGE_KEYS | {"pin", "links", "readtime"}):
        if key in meta:
            record[key] = meta[key]
    date, others = _dates(name, meta.get("date"))
    if date is not None:
        curator["date"] = str(date)
    if others:
        record["date"] = others
    topics = _as_list(name, "categories", meta.get("categories"))
    topics += _as_list(name, "tags", meta.get("tags"))
    if topics and "topics" not in curator:
        curator["topics"] = list(dict.fromkeys(topics))
    for key in ("categories", "tags"):
        if key in meta:
            record[key] = _as_list(name, key, meta[key])
    ids = _as_list(name, "authors", meta.get("authors"))
    if ids:
        names = author_names(authors_file_for(name))
        curator["authors"] = [names.get(i, i) for i in ids]
        record["authors"] = ids
    slug = None
    if meta.get("slug") is not None:
        given = str(meta["slug"]).strip()
        slug = make_slug(given)
        record["slug"] = given
    return curator, record, slug


def evidence_of(record: Mapping[str, Any], curator: Mapping[str, Any]) -> dict[str, str]:
    """The evidence a post's own keys add: its authors' names read from `.authors.yml` (an id
    the file does not know is the front matter's word as written)."""
    ids = list(record.get("authors") or ())
    names = list(curator.get("authors") or ())
    if ids and names != ids:
        return {"authors": evidence_words(["front-matter", "authors-file"])}
    return {}


def split_excerpt(body: str) -> tuple[str, str | None]:
    """The body without its `<!-- more -->` line, and the excerpt above it (None: none)."""
    match = _SEPARATOR.search(body)
    if match is None:
        return body, None
    excerpt = body[: match.start()].strip()
    rest = (body[: match.start()].rstrip() + "\n\n" + body[match.end() :].lstrip()).strip()
    return rest, excerpt


def finish_record(
    record: dict[str, Any], name: str, date: str | None, slug: str | None, title: str
) -> dict[str, Any]:
    """The record with the address Material published the post at."""
    address = published_address(
        blog_folder(name), date, record.get("slug") or slug or material_slug(title)
    )
    if address:
        record["url"] = address
    return record


def is_draft_file(path: Path) -> bool:
    """A Markdown file that is a blog post marked `draft: true` (anything unreadable: False,
    and adding it reports why)."""
    from chronicle.archive.front_matter import parse_yaml, split_front_matter

    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    try:
        text = path.read_text(encoding="utf-8")
        raw, _ = split_front_matter(text, str(path))
        meta = parse_yaml(raw, str(path))
    except (OSError, UnicodeDecodeError, ChronicleError):
        return False
    return is_blog_post(meta, str(path)) and is_draft(meta)
