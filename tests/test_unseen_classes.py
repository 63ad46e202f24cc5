"""Classes of error found by writing pages the way common CMSs and local newsrooms mark up
news (WordPress, Drupal, Spanish, Italian, German and French datelines, bylines with roles),
none of them from the shared corpus: each test is a small page written for its class."""

from __future__ import annotations

import lxml.html

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.page_metadata import PageMetadata, extract_page_metadata
from chronicle.ingest.readers.page_metadata.byline import split_authors
from chronicle.ingest.readers.page_metadata.dates import headline_dateline, parse_visible_date

TEXT = "<p>The council met on Tuesday to discuss the new bridge over the river. </p>" * 8


def metadata(body: str, head: str = "", lang: str = "en") -> PageMetadata:
    page = f"<html lang='{lang}'><head>{head}</head><body>{body}{TEXT}</body></html>"
    return extract_page_metadata(lxml.html.document_fromstring(page))


def test_datelines_with_month_names_of_other_languages_are_read():
    assert parse_visible_date("Publicado el 3 de marzo de 2024, 10:15") == "2024-03-03"
    assert parse_visible_date("Pubblicato il 3 settembre 2024 alle 10:15") == "2024-09-03"
    assert parse_visible_date("3 de março de 2024") == "2024-03-03"
    assert parse_visible_date("3 d'abril de 2024") == "2024-04-03"
    assert parse_visible_date("3 marca 2024") == "2024-03-03"
    assert parse_visible_date("3 марта 2024 г.") == "2024-03-03"
    assert parse_visible_date("3 août 2024") == "2024-08-03"
    # Short forms are English words too: a text with "set" or "out" in it is not a date.
    assert parse_visible_date("Sold out 3 2024") is None
    meta = metadata(
        "<h1>Sevilla amplía el horario del metro</h1><p>Por María García</p>"
        "<p>Publicado el 3 de marzo de 2024, 10:15</p>",
        lang="es",
    )
    assert meta.date == ArticleDate(2024, 3, 3, uncertain=True)


def test_a_line_with_the_publication_and_the_update_gives_the_publication():
    lines = {
        "de": "Von Hans Müller | Veröffentlicht am 3. März 2024, 10:15 Uhr | "
        "Aktualisiert am 5. März 2024, 08:00 Uhr",
        "fr": "Publié le 3 mars 2024 à 10h15, modifié le 5 mars 2024 à 08h00",
        "en": "Updated: 14:20, 5 Mar 2024 | Published: 08:05, 3 Mar 2024",
        "es": "Actualizado: 05/03/2024 08:00 · Publicado el 3 de marzo de 2024",
    }
    for lang, line in lines.items():
        meta = metadata(f"<h1>The bridge is approved</h1><p>{line}</p>", lang=lang)
        assert meta.date is not None and meta.date.iso == "2024-03-03", lang
        assert not meta.date.is_exact, lang
    # The words before a label inside a sentence are no dateline of their own.
    sentence = (
        "<h1>Studie zur Brücke</h1><p>Die Studie wurde am 3. März 2024 veröffentlicht und "
        "zeigt, dass die Brücke älter ist als gedacht, sagen die Forscher.</p>"
    )
    assert headline_dateline(lxml.html.document_fromstring(sentence)) is None


def test_the_update_shown_under_the_headline_is_not_a_second_witness():
    # htmldate reads the update's day from the same line; the dateline's day wins, and on a
    # page that shows only the update it is still the best (uncertain) guess.
    both = "<h1>Water main bursts</h1><p>Updated 9 Jan 2024</p><p>Published 8 Jan 2024</p>"
    assert metadata(both).date == ArticleDate(2024, 1, 8, uncertain=True)
    only = "<h1>Water main bursts</h1><p>Updated: Jan 9, 2024 2:57 PM UTC</p>"
    assert metadata(only).date == ArticleDate(2024, 1, 9, uncertain=True)


def test_a_time_element_that_says_it_is_the_update_is_not_the_publication():
    body = (
        "<h1>Hochwasser: Pegel sinkt</h1>"
        "<time datetime='2024-01-08T17:40:00+01:00'>Aktualisiert: 08.01.2024, 17:40 Uhr</time>"
        "<p>Von Eva Schmidt</p><p>Erstellt: 06.01.2024, 09:12 Uhr</p>"
    )
    meta = metadata(body, lang="de")
    assert meta.date == ArticleDate(2024, 1, 6, uncertain=True)


def test_a_wordpress_time_marked_published_and_updated_is_the_publication():
    # Themes mark a post never edited "entry-date published updated".
    body = (
        "<h2 class='entry-title'>Notes from the allotment</h2><span class='posted-on'>Posted on "
        "<time class='entry-date published updated' datetime='2021-08-30T19:12:44+01:00'>"
        "August 30, 2021</time></span>"
    )
    meta = metadata(body)
    assert meta.date == ArticleDate(2021, 8, 30) and meta.date.is_exact
    # A <time> marked only "updated" is still the update's.
    edited = body.replace("published updated", "updated")
    assert metadata(edited).date is None or not metadata(edited).date.is_exact


def test_a_drupal_byline_submitted_by_names_its_author():
    body = (
        "<h1>Library reopens after renovation</h1><div class='node__meta'><span>Submitted by"
        "</span> <a>Maria Lopez</a> on <span>Mon, 02/12/2024 - 09:30</span></div>"
    )
    assert metadata(body).authors == ("Maria Lopez",)


def test_a_byline_sharing_its_line_with_the_dateline_names_its_author():
    line = "Von Hans Müller | Veröffentlicht am 3. März 2024, 10:15 Uhr | Aktualisiert am 5. März"
    assert metadata(f"<h1>Neue Brücke über die Lahn</h1><p>{line}</p>").authors == ("Hans Müller",)


def test_a_job_title_after_a_comma_is_no_second_author():
    assert split_authors("By Gareth Jones, Local Democracy Reporter") == ["Gareth Jones"]
    assert split_authors("Jane Doe and John Roe, Health and Science Correspondents") == [
        "Jane Doe",
        "John Roe",
    ]
    assert split_authors("Jane Doe, Staff Writer, and John Roe, Editor") == ["Jane Doe", "John Roe"]
    # Names in a list stay names.
    assert split_authors("By Ann Lee, Bob Smith and Carl Jones") == [
        "Ann Lee",
        "Bob Smith",
        "Carl Jones",
    ]


def test_a_date_after_the_name_in_a_byline_is_cut_off():
    for line in ("Written by Jane Doe on March 3, 2024", "By Jane Doe - March 3, 2024"):
        meta = metadata(f"<h1>Local choir wins award</h1><p class='meta'>{line}</p>")
        assert meta.authors == ("Jane Doe",), line
    assert split_authors("Jane Doe, 3. März 2024, 10:15 Uhr") == ["Jane Doe"]
    # A hyphenated name is no name and a date.
    assert split_authors("By Anne-Marie Smith") == ["Anne-Marie Smith"]


def test_an_italian_byline_di_names_its_author():
    body = "<h1>Pescara, riapre il ponte</h1><p>di Marco Rossi</p><p>3 marzo 2024</p>"
    assert metadata(body, lang="it").authors == ("Marco Rossi",)
    # "Di" with a capital begins a surname, not a byline.
    assert metadata("<h1>Pescara, riapre il ponte</h1><p>Di Maria racconta</p>").authors == ()


def test_a_numeric_dateline_read_month_first_agrees_with_the_declared_day():
    # "03/04/2024" is 3 April day-first and March 4 as US pages write it: no contradiction.
    head = "<meta property='article:published_time' content='2024-03-04T21:00:00-05:00'>"
    meta = metadata("<h1>School board election results</h1><p>03/04/2024</p>", head)
    assert meta.date == ArticleDate(2024, 3, 4) and meta.date.is_exact
    # A day that reads only one way still disagrees.
    meta = metadata("<h1>School board election results</h1><p>13/04/2024</p>", head)
    assert meta.date is not None and not meta.date.is_exact


def test_an_update_label_in_an_element_of_its_own_marks_the_time_after_it():
    body = (
        "<h1>Tram line extended</h1><div class='dates'><span class='label'>Updated</span> "
        "<time datetime='2024-03-05T09:00:00Z'>March 5, 2024</time> <span>Published</span> "
        "<time datetime='2024-03-03T10:00:00Z'>March 3, 2024</time></div>"
    )
    meta = metadata(body)
    assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact
    # An update's <time> just before the publication's is no label of it.
    body = (
        "<h1>Tram line extended</h1><p><time class='updated' datetime='2024-03-05'>Updated "
        "March 5, 2024</time><time datetime='2024-03-03'>March 3, 2024</time></p>"
    )
    assert metadata(body).date == ArticleDate(2024, 3, 3)


def ld_script(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def test_an_article_inside_a_web_pages_main_entity_is_read():
    head = ld_script(
        '{"@type": "WebPage", "name": "Tram line extended | City Wire", "mainEntity": '
        '{"@type": "NewsArticle", "headline": "Tram line extended", "datePublished": '
        '"2024-03-03T10:00:00Z", "author": {"@type": "Person", "name": "Jane Doe"}}}'
    )
    meta = metadata("<h1>Tram line extended</h1>", head)
    assert meta.authors == ("Jane Doe",)
    assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact


def test_json_ld_with_a_trailing_comma_is_still_read():
    head = ld_script(
        '{"@type": "NewsArticle", "headline": "Tram line extended", "datePublished": '
        '"2024-03-03T10:00:00Z", "author": {"@type": "Person", "name": "Jane Doe"},}'
    )
    meta = metadata("<h1>Tram line extended</h1>", head)
    assert meta.authors == ("Jane Doe",) and meta.date is not None and meta.date.is_exact


def test_an_agency_in_brackets_after_a_name_is_not_part_of_it():
    assert split_authors("Jane Doe (Reuters)") == ["Jane Doe"]
    assert split_authors("Jane Doe (dpa) und John Roe (AFP)") == ["Jane Doe", "John Roe"]
    assert split_authors("Jane (Janie) Doe") == ["Jane (Janie) Doe"]


def test_the_declared_modification_day_is_no_witness_against_the_publication():
    # A Joomla article: htmldate reads the "Last Updated" <time> marked dateModified first.
    body = (
        "<h2 itemprop='headline'>Village hall gets new roof</h2><dl class='article-info'>"
        "<dd class='modified'><time datetime='2024-03-05T09:00:00+00:00' "
        "itemprop='dateModified'>Last Updated: 05 March 2024</time></dd>"
        "<dd class='published'><time datetime='2024-03-03T10:15:00+00:00' "
        "itemprop='datePublished'>Published: 03 March 2024</time></dd></dl>"
    )
    meta = metadata(body)
    assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact


def test_a_blog_posts_published_microformat_dates_it():
    body = (
        "<h2 class='date-header'><span>Sunday, March 3, 2024</span></h2>"
        "<h3 class='post-title'>Snow on the ridge</h3>" + TEXT + "<div class='post-footer'>"
        "Posted by <span class='fn'>Jane Doe</span> at <abbr class='published' "
        "title='2024-03-03T10:15:00-08:00'>10:15 AM</abbr></div>"
    )
    meta = metadata(body)
    assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact


def test_a_time_of_day_after_the_name_is_cut_off():
    body = "<h1>Snow on the ridge</h1><p>Posted by Jane Doe at 10:15 AM</p>"
    assert metadata(body).authors == ("Jane Doe",)
    assert split_authors("Von Hans Müller um 10:15 Uhr") == ["Hans Müller"]
    # "at" before a name is kept: who the person works for, not a time.
    assert split_authors("Jane Doe at The Times") == ["Jane Doe at The Times"]


def test_a_newsroom_alone_gives_way_to_a_named_person():
    head = "<meta name='author' content='Redacción'>"
    body = "<h1>Llega la ola de calor</h1><p>Por Ana López</p>"
    assert metadata(body, head, lang="es").authors == ("Ana López",)
    # Beside a person it is one of the authors; alone it signs the article.
    assert metadata(
        "<h1>Llega la ola</h1>", "<meta name='author' content='Ana López, Redacción'>"
    ).authors == ("Ana López", "Redacción")
    assert metadata("<h1>Llega la ola de calor</h1>", head).authors == ("Redacción",)


def test_scholarly_citation_tags_give_every_author_and_the_day():
    head = (
        "<meta name='citation_title' content='Soil carbon in upland meadows'>"
        "<meta name='citation_author' content='Doe, Jane'>"
        "<meta name='citation_author' content='Roe, John'>"
        "<meta name='citation_publication_date' content='2024/03/03'>"
    )
    meta = metadata("<h1>Soil carbon in upland meadows</h1>", head)
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact


def test_a_blog_name_before_a_colon_is_cut_from_the_title():
    head = (
        "<title>Hill Walker: Snow on the ridge</title>"
        "<link rel='canonical' href='https://hillwalker.example.com/2024/03/snow.html'>"
    )
    body = "<h1 class='title'>Hill Walker</h1><h3 class='post-title'>Snow on the ridge</h3>"
    assert metadata(body, head).title == "Snow on the ridge"
    # A kicker that is not the site's name stays.
    head = "<title>Tanz: Mit allen Sinnen</title>"
    assert metadata("<div>Tanz</div>", head).title == "Tanz: Mit allen Sinnen"


def test_ap_style_month_abbreviations_are_read():
    assert parse_visible_date("Mar. 3, 2024") == "2024-03-03"
    assert parse_visible_date("Published Sept. 3, 2024 at 10:15 a.m. ET") == "2024-09-03"
    meta = metadata("<h1>School board meets</h1><p>By Jane Doe</p><p>Aug. 31, 2023</p>")
    assert meta.date == ArticleDate(2023, 8, 31, uncertain=True)


def test_a_dateline_label_or_a_photo_credit_run_into_the_byline_is_cut():
    assert split_authors("Par Jean Dupont Publié le 03/03/2024 à 10h15") == ["Jean Dupont"]
    assert split_authors("Von Hans Müller Aktualisiert am 3. März") == ["Hans Müller"]
    assert split_authors("Text: Hans Müller, Fotos: Eva Schmidt") == ["Hans Müller"]
    assert split_authors("By Jane Doe, photos by John Roe") == ["Jane Doe"]


def test_a_tagline_after_the_site_name_is_cut_from_the_title():
    head = (
        "<title>Ferry fares to rise in April – Island Voice – News for the islands</title>"
        "<link rel='canonical' href='https://www.islandvoice.example/news/fares'>"
    )
    assert metadata("<div></div>", head).title == "Ferry fares to rise in April"


def test_a_heading_glued_at_its_spans_takes_the_spacing_of_a_declared_title_with_a_suffix():
    head = "<title>Ferry fares to rise in April | Island Voice</title>"
    body = "<h1><span class='line'>Ferry fares to rise</span><span>in April</span></h1>"
    assert metadata(body, head).title == "Ferry fares to rise in April"


UNDATED = "<h1>How to apply for a parking permit</h1>"


def test_times_of_teasers_events_responses_and_the_footer_do_not_date_the_article():
    others = [
        "<footer><p>Page last reviewed: <time datetime='2024-03-03'>3 March 2024</time></p>"
        "</footer>",
        "<section class='more-stories'><h3><a>Bins collected late</a></h3>"
        "<time datetime='2024-02-10T09:00:00Z'>10 February 2024</time></section>",
        "<div class='teaser-list'><a>Road closures</a><time datetime='2024-02-10'>10.02.2024"
        "</time></div>",
        "<div class='event'><p>When: <time datetime='2024-04-12T18:00'>12 April 2024, 6pm"
        "</time></p></div>",
        "<div class='most-popular'><a>Council tax rises</a><time datetime='2024-01-05'>5 Jan"
        "</time></div>",
        "<div class='responses'><time datetime='2024-02-11T10:00:00Z'>11 Feb 2024</time>"
        "<p>Thanks</p></div>",
    ]
    for other in others:
        date = metadata(UNDATED + other).date
        assert date is None or not date.is_exact, other
    # A post's own footer inside the article still dates it.
    post = (
        "<article><h1>Snow on the ridge</h1><p>Fresh snow fell overnight on the ridge.</p>"
        "<footer class='entry-footer'>Posted on <time datetime='2024-03-03T10:15:00+00:00'>"
        "March 3, 2024</time></footer></article>"
    )
    assert metadata(post).date == ArticleDate(2024, 3, 3)


def test_a_reviews_microdata_date_is_not_the_pages():
    review = (
        "<div itemscope itemtype='https://schema.org/Product'><div itemprop='review' itemscope "
        "itemtype='https://schema.org/Review'><span itemprop='author'>Bob</span>"
        "<meta itemprop='datePublished' content='2024-02-02'><p>Great service</p></div></div>"
    )
    date = metadata(UNDATED + review).date
    assert date is None or not date.is_exact
    # The article's own microdata still counts.
    article = (
        "<article itemscope itemtype='https://schema.org/NewsArticle'><h1 itemprop='headline'>"
        "Bakery wins award</h1><meta itemprop='datePublished' content='2024-02-20'></article>"
    )
    assert metadata(article).date == ArticleDate(2024, 2, 20)


def byline(line: str) -> tuple[str, ...]:
    return metadata(f"<h1>Ferry fares to rise in April</h1><p>{line}</p>").authors


def test_bylines_in_more_languages_name_their_authors():
    assert byline("Av Anna Andersson") == ("Anna Andersson",)
    assert byline("Af Lars Nielsen") == ("Lars Nielsen",)
    assert byline("Автор: Иван Петров") == ("Иван Петров",)
    assert byline("Auteur : Jean Dupont") == ("Jean Dupont",)
    assert byline("Escrito por Ana López") == ("Ana López",)
    assert byline("Scritto da Marco Rossi") == ("Marco Rossi",)
    # "Da" with a capital begins a surname (Da Silva), not a byline.
    assert byline("Da Silva Santos") == ()


def test_an_agency_after_the_names_of_a_byline_is_not_one_more_author():
    assert byline("Von Hans Müller und Eva Schmidt, dpa") == ("Hans Müller", "Eva Schmidt")


def test_a_publisher_typed_as_a_person_is_no_source():
    head = ld_script(
        '{"@type": "BlogPosting", "headline": "Ferry fares rise", "author": {"@type": '
        '"Person", "name": "Jane Doe"}, "publisher": {"@type": "Person", "name": "Jane Doe"}}'
    )
    head += "<meta property='og:site_name' content='Island Notes'>"
    meta = metadata("<h1>Ferry fares rise</h1>", head)
    assert meta.source == "Island Notes" and meta.authors == ("Jane Doe",)
    organisation = head.replace(
        '"Person", "name": "Jane Doe"}}', '"Organization", "name": "Island Media"}}'
    )
    assert metadata("<h1>Ferry fares rise</h1>", organisation).source == "Island Media"


def test_scandinavian_update_labels_and_a_dated_update_before_the_dateline():
    lines = [
        "<p>Publisert 3. mars 2024 kl. 10:15 | Oppdatert 5. mars 2024</p>",
        "<p>Oppdatert 5. mars 2024</p><p>Publisert 3. mars 2024</p>",
        # A dated update labels only itself, not the piece after it.
        "<time datetime='2024-03-05'>Uppdaterad 5 mars 2024</time><p>Publicerad 3 mars 2024</p>",
    ]
    for line in lines:
        date = metadata(f"<h1>Ferry fares to rise in April</h1>{line}", lang="no").date
        assert date == ArticleDate(2024, 3, 3, uncertain=True), line


def test_other_names_of_the_publication_time_tag_are_declared_dates():
    for name in ("article:published", "ptime", "publication_date", "og:pubdate"):
        head = f"<meta name='{name}' content='2024-03-03T10:15:00+08:00'>"
        meta = metadata("<h1>Ferry fares to rise in April</h1>", head)
        assert meta.date == ArticleDate(2024, 3, 3) and meta.date.is_exact, name
