"""An article's stored file (archive/render.py) is exactly what PyYAML's own safe dumper
writes, whatever the values: the quicker representer changes no byte."""

from __future__ import annotations

import dataclasses

import yaml
from benchmarks import corpus

from chronicle.archive import render
from chronicle.archive.model import Quote


class _Plain(yaml.CSafeDumper):
    pass


_Plain.add_representer(
    render._Block,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"),
)

# Texts YAML would read as something else unless quoted, and others it must write with care.
AWKWARD = [
    "yes",
    "No",
    "null",
    "~",
    "",
    " lead",
    "trail ",
    "123",
    "0x1F",
    "1.5e3",
    "2024-05-01",
    "a: b",
    "- item",
    "#hash",
    "'single'",
    '"double"',
    "multi\nline",
    "tab\there",
    "ünïcode — “quoted”",
    "@at",
    "*star",
    "&amp",
    "!bang",
    "%pct",
    "{flow}",
    "[list]",
    "=",
    "<<",
    ".inf",
    "-.nan",
    "x" * 150,
]


def test_rendering_equals_pyyamls_own_dumper():
    for index in range(40):
        article = corpus.make_post(index, 7, "realistic").article
        assert render.render_article(article) == render.render_article(article, _Plain)
    article = corpus.make_post(0, 7, "realistic").article
    for text in AWKWARD:
        odd = dataclasses.replace(
            article,
            title=text or "t",
            summary=text,
            topics=(text or "t", "Refugees"),
            quotes=(Quote(text=text or "q", speaker=text or None),),
            word_count=len(text),
            reading_grade=len(text) / 7,
        )
        assert render.render_article(odd) == render.render_article(odd, _Plain), text
