"""Cookie-consent banners stay out of the archived body, and a site's tagline is not taken for the
article's summary. Small pages written for each case."""

from __future__ import annotations

from chronicle.ingest.readers.boilerplate import article_description, is_consent_text
from chronicle.ingest.readers.html import read_html

ARTICLE = (
    "<p>The northern harbour wall was closed to walkers after the storm tore away a section of "
    "the breakwater, the port authority said on Tuesday.</p><p>Repairs will take until the "
    "spring, and the ferry to the island will leave from the southern quay until then.</p>"
)
BANNER = (
    "We use cookies to improve your experience and to show you personalised content. By "
    "clicking Accept you agree to our use of cookies. Manage your settings at any time."
)


def page(body: str, head: str = "") -> bytes:
    return (
        f"<html lang='en'><head><title>Harbour wall closed</title>{head}</head><body>"
        f"<article><h1>Harbour wall closed</h1>{body}</article></body></html>"
    ).encode()


def test_a_marked_consent_banner_is_not_in_the_body():
    body = f"<div id='cookie-banner' class='consent'><p>{BANNER}</p><button>Accept</button></div>"
    (draft,) = read_html(page(body + ARTICLE), "page.html")
    assert "cookies" not in draft.body and "cookies" not in draft.text
    assert "breakwater" in draft.body


def test_an_unmarked_consent_paragraph_is_not_in_the_body():
    (draft,) = read_html(page(ARTICLE + f"<p>{BANNER}</p>"), "page.html")
    assert "cookies" not in draft.body and "breakwater" in draft.body


def test_an_article_about_cookies_is_kept():
    text = "<p>The bakery sells cookies every morning, and people accept long queues.</p>"
    assert not is_consent_text("x" * 800 + " cookies accept")
    (draft,) = read_html(page(ARTICLE + text), "page.html")
    assert "bakery" in draft.body


def test_a_site_tagline_is_not_the_summary():
    head = "<meta name='description' content='Coastal news and views, every day since 1998'>"
    (draft,) = read_html(page(ARTICLE, head), "page.html")
    assert draft.summary is not None and "breakwater" in draft.summary
    assert article_description("Why the harbour wall was closed", "Harbour wall closed", "") == (
        "Why the harbour wall was closed"
    )
