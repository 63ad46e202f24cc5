"""An article's language is decided once, at ingest, stored, and followed by enrichment: quote
rules and reading level read the stored value, and an article stored without one gets it decided
by the same function and written back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from chronicle.archive.store import ArticleStore
from chronicle.text.language import decide_language, detect_language
from chronicle.text.plain import plain_text

# German attribution in a text whose common words are mostly English: a guess from the words
# would apply English rules only and find no speaker.
MIXED = (
    "The minister spoke in Berlin on Monday about the budget and the new rules for the year, and"
    " the opposition said that it was not the first time that the coalition had argued over it."
    " It is the third such debate this year, and the talks are to go on next week in the city.\n\n"
    "„Wir werden das schaffen, auch wenn es lange dauert“, sagte der Minister.\n"
)


def add(cli: Callable[..., Result], folder: Path, text: str, *flags: str) -> tuple[Path, Path]:
    """`chronicle add` of `text` into a new archive under `folder`: the archive, the file."""
    archive = folder / "docs" / "articles"
    archive.mkdir(parents=True, exist_ok=True)
    clipping = folder / "clipping.txt"
    clipping.write_text(text, encoding="utf-8")
    cli("add", clipping, "--date", "2025-03-21", "--source", "Test Wire", *flags,
        "--archive", archive)  # fmt: skip
    ((path, _article),) = ArticleStore(archive).iter_articles()
    return archive, path


def test_declared_language_wins_when_it_is_a_tag_else_the_text_decides():
    assert decide_language("EN_gb", "Der Minister sagte am Montag, das sei gut so.") == "en-GB"
    text = "Der Minister sagte am Montag, dass die Regierung die neuen Regeln vorstellen wird."
    assert decide_language("english", text) == decide_language(None, text) == "de"
    assert detect_language("Too short.") is None


def test_enrichment_follows_the_stored_language(tmp_path, cli):
    archive, path = add(cli, tmp_path, MIXED, "--language", "de")
    article = ArticleStore(archive).read(path)
    assert article.language == "de"
    assert [(q.speaker, q.verb) for q in article.quotes] == [("der Minister", "sagte")]
    assert article.reading_grade is None  # the English formula is not applied to German
    # Stored as English, the same words get English rules and an English grade.
    archive, path = add(cli, tmp_path / "en", MIXED, "--language", "en")
    article = ArticleStore(archive).read(path)
    assert [q.speaker for q in article.quotes] == [None]
    assert article.reading_grade is not None


def test_an_article_stored_without_a_language_gets_it_decided_and_stored(tmp_path, cli):
    archive, path = add(cli, tmp_path, MIXED, "--language", "de")
    store = ArticleStore(archive)
    bare = store.read(path).with_changes(language=None, quotes=(), reading_grade=None)
    store.write(path, bare)
    assert "language:" not in path.read_text(encoding="utf-8")
    result = cli("enrich", "--archive", archive)
    assert "1 updated" in result.output, result.output
    article = store.read(path)
    assert article.language == decide_language(None, plain_text(article.body)) == "en"
    assert [q.speaker for q in article.quotes] == [None]  # the stored language's rules
    assert "0 updated" in cli("enrich", "--archive", archive).output


GERMAN = (
    "Die Regierung hat am Montag in Berlin neue Regeln für den Wohnungsbau vorgestellt. "
    "Nach Angaben des Ministeriums sollen Genehmigungen künftig schneller erteilt werden, "
    "damit in den Städten mehr bezahlbare Wohnungen entstehen. Die Opposition kritisierte "
    "den Entwurf als unzureichend und forderte zusätzliche Mittel für den sozialen Wohnungsbau."
)
DANISH = (
    "Regeringen fremlagde mandag nye regler for boligbyggeri i København. Ifølge ministeriet "
    "skal tilladelser fremover gives hurtigere, så der kan bygges flere billige boliger i "
    "byerne. Oppositionen kritiserede forslaget og krævede flere penge til almene boliger, "
    "mens kommunerne bad om mere tid til at forberede sig på de nye regler."
)


def test_a_publishers_wrong_declaration_is_overruled_by_a_long_text():
    # A template's lang="en" on a German article: the text says otherwise, on enough words.
    assert decide_language("en-US", GERMAN) == "de"
    assert decide_language("de-AT", GERMAN) == "de-AT"  # agreeing: the declared tag is kept
    # A near neighbour the classifier confuses on news text: the declaration stands.
    assert decide_language("nb", DANISH) == "nb"
    # Too few words to overrule a page.
    assert decide_language("en", "Die Regierung hat am Montag neue Regeln vorgestellt.") == "en"
