"""An article as its stored file: YAML front matter between `---` lines, then the body.

perf: PyYAML's C emitter writes the text, but its representer (which turns every value into a
node) and its resolver (which, for every value, tries the implicit types' regular expressions
twice) are Python: 0.6 ms an article, most of it on the 200 or so plain values of an enriched
article's front matter. `_Dumper` makes those nodes directly and remembers each value's
resolved tag; the text written is the same, byte for byte (a test compares it with PyYAML's own
dumper over varied articles).
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml
from yaml.nodes import ScalarNode

from chronicle.archive.model import Article
from chronicle.archive.schema import article_to_mapping

try:  # libyaml is 10× faster; the pure-Python dumper is the fallback
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]

STR, INT, BOOL, NULL = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null"))
# Values whose resolved tag is remembered, at most: the front matter's keys and the values that
# recur (verbs, kinds, speakers) are most of them.
RESOLVED_KEPT = 50_000


class _Block(str):
    """A text written as a YAML block, as it reads (an earlier capture's body); every other
    value keeps the style it always had, so rewriting an article changes only what changed."""


class _Dumper(Dumper):  # type: ignore[misc,valid-type]
    """PyYAML's safe dumper, with plain values' nodes made as its representers make them."""

    _resolved: ClassVar[dict[tuple[str, tuple[bool, bool]], str]] = {}

    def represent_data(self, data: Any) -> Any:
        # As SafeRepresenter's represent_str, _int, _bool and _none, for exactly those types
        # (a subclass goes the usual way); none of them is ever an alias.
        kind = type(data)
        if kind is str:
            node = ScalarNode(STR, data)
        elif kind is int:
            node = ScalarNode(INT, str(data))
        elif kind is bool:
            node = ScalarNode(BOOL, "true" if data else "false")
        elif data is None:
            node = ScalarNode(NULL, "null")
        else:
            return super().represent_data(data)
        self.alias_key = None
        return node

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # A plain value's tag depends only on its text (no path resolvers here).
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._resolved.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._resolved) >= RESOLVED_KEPT:
                self._resolved.clear()
            self._resolved[key] = tag
        return tag


_Dumper.add_representer(
    _Block,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"),
)


def render_article(article: Article, dumper: type = _Dumper) -> str:
    mapping = article_to_mapping(article)
    for capture in mapping.get("captures", ()):
        capture["body"] = _Block(capture["body"])
    meta = yaml.dump(
        mapping,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return f"---\n{meta}---\n\n{article.body.strip()}\n"
