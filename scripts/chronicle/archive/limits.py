"""How large a stored article may be, and which characters it may not hold.

Checked on every read of a stored file (`schema.article_from_mapping`) and before every write of
a new one, so one hand-placed or hostile file cannot hold every build hostage, and `chronicle
check` finds it; errors name the file, the key and the limit, in one line.

The curator sets them in one place, the plugin's options in mkdocs.yml (`max_body_chars: …`),
which the site and every `chronicle` command working on the site's articles read; `chronicle
add` also takes them as flags (`--max-body-chars`) for one run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from chronicle.archive.model import Article, Quote
from chronicle.errors import ChronicleError, FrontMatterError


@dataclass(frozen=True)
class Limits:
    """How large a stored article may be. Past a limit, reading it is refused with one line that
    names the file, the key and the limit: a single hand-placed or hostile file must not make
    every build slow (a 20 MB title is printed on a hundred pages; Python-Markdown takes minutes
    over a paragraph of thousands of '['). Each is far above any real news article."""

    text: int = 2_000  # characters of a one-line value: title, source, an author, a topic …
    summary: int = 20_000  # characters of the summary, and of one quote
    body: int = 5_000_000  # characters of the body (a long feature is under 100,000)
    brackets: int = 2_000  # '[', and '<', in one paragraph of the body
    items: int = 2_000  # entries of one list: authors, topics, people, quotes …
    extra_depth: int = 20  # nesting of the curator's `extra` data
    extra_items: int = 10_000  # values in the curator's `extra` data, all levels together


LIMITS = Limits()

# Each limit's plugin option (mkdocs.yml) and, with dashes, `chronicle add` flag; what it bounds.
LIMIT_OPTIONS: dict[str, tuple[str, str]] = {
    "max_text_chars": (
        "text",
        "characters of a one-line value: title, source, an author, a topic…",
    ),
    "max_summary_chars": ("summary", "characters of the summary, and of one quote"),
    "max_body_chars": ("body", "characters of an article's body"),
    "max_paragraph_brackets": (
        "brackets",
        "'[' or '<' in one paragraph of a body (Markdown is slow over many)",
    ),
    "max_list_items": ("items", "entries of one list: authors, topics, people, quotes…"),
    "max_extra_depth": ("extra_depth", "levels of nesting of the curator's `extra` data"),
    "max_extra_values": ("extra_items", "values in the curator's `extra` data, all levels"),
}


def limits_from(settings: Mapping[str, Any], where: str) -> Limits:
    """The limits `settings` (plugin options, or flags, by their option names) set; the others
    keep their default. ChronicleError naming `where` and the option for a value that is not a
    whole number of at least 1."""
    values = {}
    for option, (field, _) in LIMIT_OPTIONS.items():
        value = settings.get(option)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ChronicleError(where, f"'{option}' must be a whole number of 1 or more")
        values[field] = value
    return dataclasses.replace(LIMITS, **values)


def limits_tag(limits: Limits) -> str:
    """'' for the default limits, else a short digest of them: parsed articles are kept between
    runs (archive/memo.py) only for the limits they were checked against."""
    if limits == LIMITS:
        return ""
    return hashlib.sha256(repr(limits).encode("utf-8")).hexdigest()[:12]


# Characters no article text may hold: C0 controls but tab, newline and carriage return, DEL, and
# the two non-characters. XML (the feeds) cannot carry them, terminals obey them, and they are
# never part of what an article says.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def check_limits(where: str, article: Article, limits: Limits = LIMITS) -> None:
    """FrontMatterError naming the first key of `article` over a limit, or a control character
    in its body."""
    for key, value, limit in _sized(article, limits):
        if len(value) > limit:
            what = "entries" if isinstance(value, tuple) else "characters"
            raise FrontMatterError(
                where, key, f"{len(value):,} {what}, over the limit of {limit:,}"
            )
    control = CONTROL.search(article.body)
    if control:
        line = article.body.count("\n", 0, control.start()) + 1
        code = f"U+{ord(control.group(0)):04X}"
        raise FrontMatterError(where, "body", f"holds the control character {code} (line {line})")
    for paragraph in _PARAGRAPH_BREAK.split(article.body):
        # Python-Markdown reads from each '<' (an HTML tag) to the end of the paragraph when
        # no '>' closes it: 66,000 "<a " took minutes in a build, 2,000 take 0.2 s.
        for mark in ("[", "<"):
            if paragraph.count(mark) > limits.brackets:
                raise FrontMatterError(
                    where,
                    "body",
                    f"a paragraph has {paragraph.count(mark):,} '{mark}', over the limit of "
                    f"{limits.brackets:,} (Markdown takes minutes over it)",
                )
    _check_extra(where, article.extra, limits)


def _sized(article: Article, limits: Limits) -> Iterator[tuple[str, Any, int]]:
    yield "title", article.title, limits.text
    yield "source", article.source or "", limits.text
    yield "summary", article.summary, limits.summary
    yield "body", article.body, limits.body
    for key in ("authors", "topics", "people", "organisations", "places", "other_versions"):
        values = getattr(article, key)
        yield key, values, limits.items
        for index, value in enumerate(values):
            yield f"{key}[{index}]", value, limits.text
    yield "quotes", article.quotes, limits.items
    yield "captures", article.captures, limits.items
    for index, capture in enumerate(article.captures):
        yield f"captures[{index}].body", capture.body, limits.body
    for index, quote in enumerate(article.quotes):
        yield f"quotes[{index}].text", quote.text, limits.summary
        for name in ("speaker", "entity", "verb"):
            yield f"quotes[{index}].{name}", getattr(quote, name) or "", limits.text


def _check_extra(where: str, extra: Any, limits: Limits) -> None:
    """`extra` holds nothing deeper or larger than the limits (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(extra, 1)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > limits.extra_items:
            raise FrontMatterError(
                where, "extra", f"over the limit of {limits.extra_items:,} values"
            )
        if depth > limits.extra_depth:
            raise FrontMatterError(
                where, "extra", f"nested deeper than the limit of {limits.extra_depth} levels"
            )
        if isinstance(value, Mapping):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, str) and CONTROL.search(value):
            raise FrontMatterError(where, "extra", "holds a control character")


def without_controls(article: Article) -> Article:
    """`article` with the control characters (`CONTROL`) taken out of every text it holds: what
    a reader extracted from a damaged or hostile input, cleaned before it is stored (reading
    refuses them). A one-line value has its line breaks made spaces."""

    def line(text: str | None) -> str | None:
        return None if text is None else " ".join(CONTROL.sub("", text).split())

    def lines(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(t for t in (line(v) for v in values) if t)

    def quote(q: Quote) -> Quote:
        text, speaker = CONTROL.sub("", q.text), line(q.speaker)
        entity, verb = line(q.entity), line(q.verb)
        if text == q.text and speaker == q.speaker and entity == q.entity and verb == q.verb:
            return q  # perf: most are clean, and a copy of each cost more than the check
        return dataclasses.replace(q, text=text, speaker=speaker, entity=entity, verb=verb)

    changes: dict[str, Any] = {
        "title": line(article.title) or "",
        "body": CONTROL.sub("", article.body),
        "source": line(article.source),
        "summary": CONTROL.sub("", article.summary),
        "authors": lines(article.authors),
        "topics": lines(article.topics),
        "people": lines(article.people),
        "organisations": lines(article.organisations),
        "places": lines(article.places),
        "quotes": tuple(quote(q) for q in article.quotes),
    }
    if all(getattr(article, key) == value for key, value in changes.items()):
        return article
    return article.with_changes(**changes)
