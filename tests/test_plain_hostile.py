"""The plain-text stripper on hostile lines: no single line can hold enrichment or a build (the
diff pages read it) for minutes. Its patterns used to scan to the end of the line from every
mark; a line of 40,000 "**a " took 195 s. The linear pairing must say what the old regexes said
on ordinary lines, which Hypothesis checks against them."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.text.plain import plain_text

# The old patterns, quadratic on long lines but right: the oracle for short ones.
_OLD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_OLD_EM = re.compile(r"(?<![\w\\])(\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_OLD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")

HOSTILE = [
    "**a " * 40_000,
    "__a " * 40_000,
    "*a " * 40_000,
    "[a " * 40_000,
    "![a " * 40_000,
    "[a](" * 40_000,
    "[a][b" * 40_000,
    "<a " * 40_000,
    "{#a " * 40_000,
    "# a" + " " * 200_000 + "b",
    "# " + " #" * 40_000 + " x",
]


@pytest.mark.parametrize("line", HOSTILE, ids=lambda line: repr(line[:6]))
def test_a_hostile_line_is_read_in_linear_time(line: str):
    started = time.process_time()
    text = plain_text(line)
    # Linear work is a few hundredths of a second here; the old patterns took 30 s to minutes.
    assert time.process_time() - started < 5
    assert text.strip()


@given(st.text(alphabet="*_ ab.", max_size=40))
@settings(max_examples=400, deadline=None)
def test_emphasis_is_removed_as_the_regexes_did(text: str):
    line = ("x " + text).strip()  # not a list item or a rule
    expected = _OLD_EM.sub(r"\2", _OLD_STRONG.sub(r"\2", line))
    assert plain_text(line) == expected.strip()


@given(st.text(alphabet="# a", max_size=30))
@settings(max_examples=300, deadline=None)
def test_heading_text_is_found_as_the_regex_did(text: str):
    line = "## " + text
    expected = _OLD_HEADING.match(line)
    assert expected is not None
    assert plain_text(line) == expected.group(1).strip()
