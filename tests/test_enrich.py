"""Enrichment: entities, quotes and reading level, on the seed and on small fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.archive.model import Article, Quote
from chronicle.archive.registry import RegistryError, parse_registry
from chronicle.ingest.enrich import enrich_article, load_registry, plain_text
from chronicle.ingest.enrich.entities import matcher_for
from chronicle.ingest.enrich.quotes import extract_quotes
from chronicle.text.fold import fold
from chronicle.text.markdown import paragraphs_to_markdown
from tests.conftest import ROOT

REGISTRY = load_registry(ROOT / "entities.yml")

FIXTURE_REGISTRY = parse_registry(
    """
- {name: José Martí, kind: person, description: Cuban poet}
- {name: Mary Steenburgen, kind: person}
- {name: Sarah Cohen, kind: person}
- {name: David Cohen, kind: person}
- {name: Hamas, kind: organisation}
- {name: Israel, kind: place}
- {name: Israel Katz, kind: person}
- {name: United States, kind: place, aliases: [US, U.S.]}
- {name: United Nations, kind: organisation, aliases: [UN]}
- {name: UNICEF, kind: organisation}
- {name: Disney, kind: organisation}
- {name: São Paulo, kind: place}
""",
    "fixture registry",
)


def markdown_of(text: str) -> str:
    """Plain text as an article stores it: each line a Markdown paragraph."""
    return paragraphs_to_markdown([("paragraph", p) for p in text.split("\n") if p.strip()])


def quotes_of(text: str, registry=FIXTURE_REGISTRY) -> list[tuple]:
    mentions = matcher_for(registry).find(text)
    return [(q.text, q.speaker, q.entity, q.verb, q.kind) for q in extract_quotes(text, mentions)]


def names(text: str, registry=FIXTURE_REGISTRY) -> list[tuple[str, str]]:
    return [(m.surface, m.entity.name) for m in matcher_for(registry).find(text)]


# --- the seed -----------------------------------------------------------------------------


@pytest.fixture
def seed_article(seed_text: str, articles) -> Article:
    return enrich_article(articles.make(body=markdown_of(seed_text)), REGISTRY)


def test_seed_plain_text_is_the_seed(seed_text):
    assert plain_text(markdown_of(seed_text)) == "\n\n".join(seed_text.strip().split("\n"))


def test_seed_entities(seed_article):
    assert seed_article.people == (
        "Steve Witkoff",
        "Khaled Meshaal",
        "Israel Katz",
        "Tamim Khallaf",
    )
    assert seed_article.organisations == (
        "Hamas",
        "Government Media Office",
        "UNICEF",
        "United Nations",
        "Egyptian Foreign Ministry",
    )
    assert seed_article.places == ("United States", "Israel", "Gaza", "Rafah", "Egypt")


def test_seed_longest_name_wins_and_surnames_resolve(seed_text):
    text = plain_text(markdown_of(seed_text))
    found = {(m.surface, m.entity.name) for m in matcher_for(REGISTRY).find(text)}
    assert ("Israel Katz", "Israel Katz") in found
    assert ("Katz", "Israel Katz") in found and ("Meshaal", "Khaled Meshaal") in found
    assert ("Hamas", "Hamas") in found  # `Hamas’ rejection`, `Hamas’ Stance`
    start = text.index("Israel Katz")
    spans = [(m.start, m.entity.name) for m in matcher_for(REGISTRY).find(text)]
    assert (start, "Israel Katz") in spans and (start, "Israel") not in spans
    # `Israeli` and `Egyptian` are not the places; `Hamas-run` still names Hamas.
    assert all(m.surface not in ("Israeli", "Egyptian") for m in matcher_for(REGISTRY).find(text))


SEED_QUOTES = [
    (
        "Israel wants to retrieve hostages while avoiding the next phase of the deal, which "
        "includes a full withdrawal from Gaza,",
        "Meshaal",
        "Khaled Meshaal",
        "said",
        "full",
    ),
    ("permanent", "Israel Katz", "Israel Katz", "stating", "partial"),
    (
        "The more Hamas continues its refusal, the more territory it will lose,",
        "Katz",
        "Israel Katz",
        "warned",
        "full",
    ),
    (
        "one of the largest single-day child casualties in the past year.",
        "UNICEF",
        "UNICEF",
        "reporting",
        "partial",
    ),
    ("blatant violation", "Tamim Khallaf", "Tamim Khallaf", "described", "partial"),
    ("isolationist policy", "Tamim Khallaf", "Tamim Khallaf", "accused", "partial"),
    ("various ideas", "Hamas", "Hamas", "stating", "partial"),
]


def test_seed_quotes(seed_article, seed_text):
    got = [(q.text, q.speaker, q.entity, q.verb, q.kind) for q in seed_article.quotes]
    assert got == SEED_QUOTES
    for quote in seed_article.quotes:
        assert quote.text in seed_text  # never altered


def test_seed_reading_level(seed_article):
    assert seed_article.word_count == 518
    assert seed_article.reading_time == 3
    assert 8 <= seed_article.reading_grade <= 16


def test_enrichment_is_idempotent(seed_article):
    assert enrich_article(seed_article, REGISTRY) is seed_article


# --- entities: hard cases -------------------------------------------------------------------


def test_diacritics_and_case():
    text = "JOSÉ MARTÍ wrote it. Jose Marti, or José Martí’s heirs, and Sao Paulo."
    assert names(text) == [
        ("JOSÉ MARTÍ", "José Martí"),
        ("Jose Marti", "José Martí"),
        ("José Martí", "José Martí"),
        ("Sao Paulo", "São Paulo"),
    ]
    assert fold("José Martí’s") == "jose marti's"


def test_lowercase_words_and_short_acronyms_are_not_names():
    assert names("us and them; hamas in lower case; un-American") == []
    assert names("The US and the UN; Unicef and UNICEF.") == [
        ("US", "United States"),
        ("UN", "United Nations"),
        ("Unicef", "UNICEF"),
        ("UNICEF", "UNICEF"),
    ]


def test_possessives_with_straight_and_curly_apostrophes():
    text = "Hamas’ leaders, Hamas' rivals, Israel’s army and Israel's allies."
    assert [n for _, n in names(text)] == ["Hamas", "Hamas", "Israel", "Israel"]


def test_surname_alone_is_not_guessed():
    assert names("Katz warned again.") == []
    assert names("Israel Katz spoke. Later Katz warned.")[-1] == ("Katz", "Israel Katz")


def test_shared_surname_is_left_unresolved():
    text = "Sarah Cohen and David Cohen met. Cohen said nothing."
    assert [n for _, n in names(text)] == ["Sarah Cohen", "David Cohen"]


def test_registry_errors_name_file_and_key():
    with pytest.raises(RegistryError, match=r"reg.yml: '\[1\].aliases\[0\]'.*already a name"):
        parse_registry(
            "- {name: Israel, kind: place}\n- {name: Israel Katz, kind: person, "
            "aliases: [israel]}\n",
            "reg.yml",
        )
    with pytest.raises(RegistryError, match=r"'\[0\].kind': must be one of"):
        parse_registry("- {name: X, kind: country}\n", "reg.yml")
    with pytest.raises(RegistryError, match=r"'\[0\].alias'.*did you mean 'aliases'"):
        parse_registry("- {name: X, kind: place, alias: [Y]}\n", "reg.yml")
    with pytest.raises(RegistryError, match=r"wikidata"):
        parse_registry("- {name: X, kind: place, wikidata: 42}\n", "reg.yml")


def test_example_registry_is_valid():
    assert len(REGISTRY) >= 14
    assert REGISTRY.get("Israel Katz").kind == "person"


# --- quotes: hard cases ---------------------------------------------------------------------


def test_straight_quotes_and_said_before_the_name():
    assert quotes_of('"The verdict is a big positive for banks," said Oza.') == [
        ("The verdict is a big positive for banks,", "Oza", None, "said", "full")
    ]


def test_quote_split_around_the_attribution():
    text = (
        "Mary Steenburgen spoke on Monday. “I didn’t fall out of love with acting,” she said, "
        "“and I still haven’t.”"
    )
    assert quotes_of(text) == [
        (
            "I didn’t fall out of love with acting,",
            "Mary Steenburgen",
            "Mary Steenburgen",
            "said",
            "full",
        ),
        ("and I still haven’t.", "Mary Steenburgen", "Mary Steenburgen", "said", "full"),
    ]


def test_next_quote_continues_the_same_speaker():
    text = '"We know we arrived late," Mahut said. "There was a lot of intensity in the win."'
    assert [q[1] for q in quotes_of(text)] == ["Mahut", "Mahut"]


def test_attribution_before_the_quote():
    assert quotes_of("Parise said: “We’ve been there. You could tell.”")[0][1:4] == (
        "Parise",
        None,
        "said",
    )


def test_apposition_and_title_before_the_name():
    got = quotes_of(
        "“We had some issues,” Mayer, Disney’s chairman of international, said Tuesday."
    )
    assert got[0][1:4] == ("Mayer", None, "said")  # not Disney
    got = quotes_of('"It is fun," JPL scientist and study co-author Michael Malaska said.')
    assert got[0][1] == "Michael Malaska"
    got = quotes_of(
        "In May, Zippy Duvall, the president of the American Farm Bureau, said farmers faced "
        "“near-unprecedented economic uncertainty” from tariffs."
    )
    assert got[0][1:] == ("Zippy Duvall", None, "said", "partial")


def test_described_speakers_and_according_to():
    assert quotes_of('"Come on. You are going to be OK," an officer told the girl.')[0][1] == (
        "an officer"
    )
    assert quotes_of("“It is over,” according to Hamas.")[0][1:4] == (
        "Hamas",
        "Hamas",
        "according to",
    )


def test_pronoun_resolves_to_the_last_person_named():
    text = "Israel Katz visited the border. “We will stay,” he said."
    assert quotes_of(text)[0][1:4] == ("Israel Katz", "Israel Katz", "said")


def test_scare_quotes_are_not_quotes():
    assert quotes_of("The so-called “peace plan” was dead on arrival.") == []


def test_a_name_inside_a_quote_is_not_its_speaker():
    got = quotes_of("“Hamas must go,” the minister said.")
    assert got[0][1:3] == ("the minister", None)


def test_a_quote_that_ends_its_sentence_takes_no_speaker_from_the_next():
    text = "UNICEF said the toll was “one of the worst days.” The United Nations urged calm."
    assert quotes_of(text) == [("one of the worst days.", "UNICEF", "UNICEF", "said", "partial")]


def test_quote_text_is_always_a_substring():
    text = (
        '“A,” she said, “b c.” He told them: «Ça suffit.» The "so-called" deal. '
        "Unclosed “quote runs on"
    )
    for quote, *_ in quotes_of(text):
        assert quote in text


def test_enrich_from_markdown_with_escapes_and_links(articles):
    body = (
        "## A heading\n\nSteve Witkoff \\*really\\* met [Hamas](https://e.org) &amp; others.\n\n"
        "“Talks are \\_stalled\\_ \\[sic\\],” Witkoff said.\n"
    )
    a = enrich_article(articles.make(body=body), REGISTRY)
    assert a.people == ("Steve Witkoff",) and a.organisations == ("Hamas",)
    assert a.quotes == (
        Quote("Talks are _stalled_ [sic],", "Witkoff", "Steve Witkoff", "said", "full", "“”"),
    )


def test_example_archive_front_matter_is_enriched():
    from chronicle.archive.store import ArticleStore

    store = ArticleStore(ROOT / "docs" / "articles")
    for _path, stored in store.iter_articles():
        assert enrich_article(stored, REGISTRY) == stored, "run `chronicle enrich`"


def test_corpus_quotes_are_substrings():
    """Every quote found in the shared corpus's English article texts is exact."""
    import json

    gold = ROOT.parent / "shared" / "corpus" / "scrapinghub-aeb" / "gold.jsonl"
    if not gold.exists():
        pytest.skip("../shared/corpus is absent")
    count = 0
    for line in gold.read_text(encoding="utf-8").splitlines()[:60]:
        text = json.loads(line).get("text") or ""
        text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
        for quote in extract_quotes(text, []):
            assert quote.text in text
            count += 1
    assert count > 50
    assert Path(gold).exists()


def test_attribution_after_a_question_or_exclamation_mark():
    text = "“Matt did a wonderful job for Kentucky!” Trump tweeted before Election Day."
    assert quotes_of(text)[0][1:3] == ("Trump", None)


def test_a_clause_after_the_quote_is_not_its_attribution():
    text = (
        "The Pentagon rejected the accusations as “patently false,” and both analysts and "
        "sources in the camp told reporters otherwise."
    )
    assert quotes_of(text)[0][1:4] == ("Pentagon", None, "rejected")
    text = (
        "Australian Prime Minister Scott Morrison said in a statement, “We are profoundly "
        "pleased and relieved” at the hostages’ release, adding that talks continue."
    )
    assert quotes_of(text)[0][1:4] == ("Scott Morrison", None, "said")


def test_titles_are_not_part_of_a_speaker_name():
    text = "“It is weak,” InfoNation President Dan McDowell said."
    assert quotes_of(text)[0][1] == "Dan McDowell"
    text = "Secretary of State Mike Pompeo said the release “gives us hope for the talks.”"
    assert quotes_of(text)[0][1] == "Mike Pompeo"


def test_a_common_noun_subject_is_not_a_named_speaker():
    text = "The campaign runs TV commercials in which people say, “I’m on meth, and so on.”"
    assert quotes_of(text)[0][1] is None


def test_short_unattributed_quotes_are_titles_not_quotes():
    assert quotes_of("The band played “Black Water,” then left the stage.") == []


def test_honorifics_are_not_names():
    assert quotes_of("Ms Persson said: “The account is credible and reliable.”")[0][1] == "Persson"


def test_front_matter_guide_documents_every_key():
    from chronicle.archive.schema import FIELDS

    guide = (ROOT / "docs" / "guide" / "front-matter.md").read_text(encoding="utf-8")
    for key in FIELDS:
        assert f"| `{key}` |" in guide, key
    assert "`{text, speaker, entity, verb, kind, marks}`" in guide


def test_a_quote_running_over_two_paragraphs_keeps_its_speaker():
    text = (
        "“Heads needed to roll the day he died,” Sasse said. “These arrests are important, but "
        "they are not the end of this.\n\n"
        "“These guards are not the only ones who should stand trial.”\n\n"
        "“A new paragraph with nobody attributed at all here.”"
    )
    assert [q[1] for q in quotes_of(text)] == ["Sasse", "Sasse", "Sasse", None]


def test_benchmark_runs(seed_path, capsys):
    from benchmarks.enrich import main

    assert main(["--articles", "20", "--registry-size", "10"]) == 0
    out = capsys.readouterr().out
    assert "| 20 |" in out and "20 of 20 unchanged" in out


# --- diacritics, alias surnames, speakers, single quotes ----------------------------------


def test_decomposed_accents_and_latin_extended_letters_are_folded():
    registry = parse_registry(
        "- {name: Khaled Meshaal, kind: person}\n- {name: Hamas, kind: organisation}\n"
        "- {name: Nguye\u0302\u0303n Va\u0306n An, kind: person}\n",  # decomposed
        "r",
    )
    text = "Khaled Me\u0301shaal spoke. “We will not yield,” Me\u0301shaal said. Ḥamas agreed."
    found = matcher_for(registry).find(text)
    assert [(m.surface, m.entity.name) for m in found] == [
        ("Khaled Me\u0301shaal", "Khaled Meshaal"),
        ("Me\u0301shaal", "Khaled Meshaal"),
        ("Ḥamas", "Hamas"),
    ]
    assert all(text[m.start : m.end] == m.surface for m in found)  # the article's characters
    assert quotes_of(text, registry)[0][:3] == (
        "We will not yield,",
        "Me\u0301shaal",
        "Khaled Meshaal",
    )
    # Without the registry the speaker is not cut at the accent (`Me`), and the surname takes
    # the full name the article gives it.
    assert quotes_of(text, parse_registry("", "r"))[0][1] == "Khaled Me\u0301shaal"
    # Decomposed in the registry, precomposed in the text (Latin Extended Additional).
    name = "Nguye\u0302\u0303n Va\u0306n An"
    assert names("NGUYỄN VĂN AN and Nguyen Van An.", registry) == [
        ("NGUYỄN VĂN AN", name),
        ("Nguyen Van An", name),
    ]
    assert fold("Ḥamas Nguyễn İz") == "hamas nguyen iz"


def test_a_quote_with_decomposed_accents_is_kept_as_written():
    text = "“Le\u0301on will come,” Khaled Meshaal said."
    got = quotes_of(text, REGISTRY)
    assert got[0][:3] == ("Le\u0301on will come,", "Khaled Meshaal", "Khaled Meshaal")
    assert got[0][0] in text


def test_the_surname_of_an_alias_names_the_person():
    assert REGISTRY.get("Khaled Meshaal").short_names == ("Meshaal", "Mashal", "Mashaal", "Mishal")
    assert names("Khaled Mashal spoke. Mashal said no.", REGISTRY) == [
        ("Khaled Mashal", "Khaled Meshaal"),
        ("Mashal", "Khaled Meshaal"),
    ]
    assert quotes_of("Khaled Mashal spoke. “No,” Mashal said, “never.”", REGISTRY)[0][1:3] == (
        "Mashal",
        "Khaled Meshaal",
    )
    assert names("Mashal said no.", REGISTRY) == []  # never named in full: not guessed
    # An alias's surname shared with another person named in the article stays unresolved.
    registry = parse_registry(
        "- {name: Sarah Cohen, kind: person}\n"
        "- {name: David Levi, kind: person, aliases: [David Cohen]}\n",
        "r",
    )
    text = "Sarah Cohen and David Cohen met. Cohen said nothing."
    assert [n for _, n in names(text, registry)] == ["Sarah Cohen", "David Levi"]


def test_time_expressions_and_objects_are_not_speakers():
    text = (
        "Boudreau gave his players a pep talk Tuesday, telling them to “believe in yourselves” "
        "and that the Wild are a “good team.”"
    )
    assert [q[1] for q in quotes_of(text)] == ["Boudreau", "Boudreau"]
    text = (
        "Smoke will descend upon Delhi this week, with forecasters warning that pollution will "
        "reach “severe” or “emergency” levels on Wednesday."
    )
    assert quotes_of(text) == []  # `this week` said nothing
    text = (
        "The group sent a letter to management earlier this month stating that they “don’t "
        "want to be defined by the scandals.”"
    )
    assert quotes_of(text) == []  # not `this month`
    text = (
        "Disney’s tech teams isolated the problem, and “patched” the software as the company "
        "continued to sign up subscribers."
    )
    assert quotes_of(text) == []  # not `the software`


def test_numbers_and_nationalities_are_not_speakers():
    text = "Fifty-one percent say that “President Trump’s actions were wrong and he erred.”"
    assert quotes_of(text)[0][1] is None
    text = (
        "In a joint statement, the Russian and Syrian defense ministries accused U.S. forces of "
        "controlling “bandit formations” in the south."
    )
    assert quotes_of(text) == []  # not `Syrian`
    text = (
        'Pompeo said the settlements were "not, per se, inconsistent with international law", '
        "saying he trusted the Israeli courts to decide."
    )
    assert quotes_of(text)[0][1:3] == ("Pompeo", None)
    text = 'The French foreign ministry said it "regrets any decision likely to encourage it".'
    assert quotes_of(text)[0][1] == "The French foreign ministry"


def test_roles_are_stripped_from_speaker_names():
    text = 'Apple was "pulled into the enterprise," CEO Tim Cook said Tuesday.'
    assert quotes_of(text)[0][1] == "Tim Cook"
    text = "“It is a crisis,” said SciSpacE Team Leader Jennifer Ngo-Anh."
    assert quotes_of(text)[0][1] == "Jennifer Ngo-Anh"
    text = "“We will see,” Yet Sondland said, and Rep. Brian Babin agreed."
    assert quotes_of(text)[0][1] == "Sondland"


def test_a_possessive_names_someone_else():
    got = quotes_of("“We are close to a deal,” said Steve Witkoff’s deputy.", REGISTRY)
    assert got[0][1:3] == ("Steve Witkoff’s deputy", None)  # not Witkoff himself
    got = quotes_of("Steve Witkoff’s deputy said: “We are close to a deal.”", REGISTRY)
    assert got[0][1:3] == ("Steve Witkoff’s deputy", None)


def test_single_curly_quotes_when_they_clearly_delimit_a_quote():
    text = "‘We will not give up,’ the minister said. ‘Never.’"
    assert quotes_of(text) == [
        ("We will not give up,", "the minister", None, "said", "full"),
        ("Never.", "the minister", None, "said", "full"),
    ]
    text = "Katz described the players’ union as ‘deeply divided’ on Friday."
    assert quotes_of(text)[0][:2] == ("deeply divided", "Katz")
    # Apostrophes are not quotes; a title in single marks with no speaker is no quote.
    assert quotes_of("In the ‘90s, rock ‘n’ roll fans’ clubs didn’t close, the band said.") == []
    assert quotes_of("The festival’s theme is ‘The Medium is the Message’ this year.") == []
    text = "“They do not ‘control’ anyone there,” Simpson said."
    assert quotes_of(text) == [
        ("They do not ‘control’ anyone there,", "Simpson", None, "said", "full")
    ]
