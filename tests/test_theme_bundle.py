"""Material's bundle started after the page's load event (site/theme_bundle.py)."""

from __future__ import annotations

from markupsafe import Markup

from chronicle.site.theme_bundle import HOLD_AT_MOST_MS, after_load

BLOCK = (
    '\n<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
    '<script src="../assets/chronicle/tables.js" type="module"></script>'
)


def test_the_bundle_tag_becomes_a_loader_and_the_other_scripts_stay():
    out = after_load(Markup(BLOCK))  # as Jinja's super() gives it: not escaped on the way
    assert '<script src="../assets/javascripts/bundle' not in out
    assert 'bundle.src = "../assets/javascripts/bundle.a5f9d56c.min.js";' in out
    assert '"DOMContentLoaded"' in out and "&lt;" not in out and "&#34;" not in out
    assert out.endswith('<script src="../assets/chronicle/tables.js" type="module"></script>')


def test_a_block_without_the_bundle_it_knows_is_only_deferred():
    block = '<script src="../assets/javascripts/other.min.js"></script>'
    assert after_load(block) == '<script src="../assets/javascripts/other.min.js" defer></script>'


def test_a_page_can_hold_the_bundle_until_its_first_answer_but_not_for_ever():
    out = after_load(Markup(BLOCK))
    assert '"[data-chronicle-theme-hold]"' in out and '"chronicle:shown"' in out
    assert f"setTimeout(start, {HOLD_AT_MOST_MS})" in out
