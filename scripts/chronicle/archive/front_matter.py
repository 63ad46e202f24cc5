"""A stored article's text: its front matter split from its body and read as bounded, safe YAML.

Every stored file and every sidecar goes through here: front matter over a size, YAML that
expands past a number of values through its aliases, or nesting too deep for the parser is a
one-line error naming the file, never a hung build.
"""

from __future__ import annotations

import yaml

from chronicle.errors import FrontMatterError

try:  # libyaml is 10× faster; the pure-Python loader is the fallback
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

# Front matter larger than this is refused before YAML reads it (a stored article's is a few KB).
MAX_FRONT_MATTER = 1_000_000
# Values a front matter may expand to once YAML's aliases (`*name`) are followed: a file of 1 KB
# whose aliases repeat each other nine levels deep is a billion values (an "alias bomb").
MAX_YAML_VALUES = 100_000


class _ArticleLoader(Loader):  # type: ignore[misc,valid-type]
    """Safe YAML without implicit timestamps: `date: 2025-03-21` stays text, so `schema.py`
    reads every date the same way and a bad one is reported with its key, not as a YAML crash."""


_ArticleLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, where: str) -> tuple[str, str]:
    """'---\\nYAML\\n---\\nbody' → (yaml, body). Raises FrontMatterError when there is none."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise FrontMatterError(where, "", "no front matter: the file must start with a '---' line")
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", "\r", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        raise FrontMatterError(where, "", "the front matter has no closing '---' line")
    body = text[end + 4 :]
    return text[3:end], body.lstrip("\r\n")


def parse_yaml(text: str, where: str, *, what: str = "front matter") -> dict:
    """YAML mapping → dict. `text` must start on the first line of its file (a sidecar) or on
    the `---` line (what `split_front_matter` returns), so YAML's line numbers, counted from 0,
    are the file's, counted from 1. `what` names the document in messages."""
    if len(text) > MAX_FRONT_MATTER:
        raise FrontMatterError(
            where,
            "",
            f"the {what} is {len(text):,} characters, over the limit of {MAX_FRONT_MATTER:,}",
        )
    try:
        if "*" in text:  # perf: only a document with an alias can be an alias bomb
            _check_expansion(yaml.compose(text, Loader=_ArticleLoader), where, what)
        data = yaml.load(text, Loader=_ArticleLoader)
    except (yaml.YAMLError, ValueError) as exc:
        problem = _yaml_problem(exc, text)
        raise FrontMatterError(where, "", f"the {what} is not valid YAML{problem}") from None
    except RecursionError:
        raise FrontMatterError(where, "", f"the {what} is nested too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(where, "", f"the {what} must be a mapping of keys to values")
    return data


def _check_expansion(root: yaml.Node | None, where: str, what: str) -> None:
    """Refuse a document that expands, aliases followed, past MAX_YAML_VALUES values. Each node
    is sized once (a shared node's size is remembered), so measuring costs what the file is,
    not what it expands to."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        sizes[id(node)] = min(1 + sum(sizes.get(id(c), 1) for c in children), MAX_YAML_VALUES + 1)
        if sizes[id(node)] > MAX_YAML_VALUES:
            raise FrontMatterError(
                where,
                "",
                f"the {what} expands to over {MAX_YAML_VALUES:,} values through "
                "its aliases (*name); not read",
            )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _yaml_problem(exc: Exception, text: str) -> str:
    """' (line 2): found unexpected end of stream, in a quoted scalar that starts on line 1'
    (lines counted from 1, and no further than the last: the end of a file is on its last line)."""
    last = max(1, len(text.splitlines()))
    mark = getattr(exc, "problem_mark", None)
    out = f" (line {min(mark.line + 1, last)})" if mark else ""
    out += f": {getattr(exc, 'problem', None) or 'invalid YAML'}"
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and start is not None and (mark is None or start.line != mark.line):
        what = context.removeprefix("while scanning ").removeprefix("while parsing ")
        out += f", in {what} that starts on line {start.line + 1}"
    return out


def body_of(text: str, where: str) -> str:
    """A stored file's body, its front matter left out (read and checked elsewhere)."""
    return split_front_matter(text, where)[1]
