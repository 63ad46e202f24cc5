import re

import markdown
import pytest

from chronicle.errors import ReaderError
from chronicle.readers import read_bytes
from chronicle.readers.decode import EncodingAssumed, decode, oddities
from chronicle.readers.text import is_heading, read_text, split_blocks


def test_seed_has_a_lede_five_headings_and_ten_paragraphs(seed_text):
    blocks = split_blocks(seed_text)
    headings = [t for k, t in blocks if k == "heading"]
    assert headings == [
        "Ceasefire Collapses Amid Renewed Fighting",
        "Hamas’ Stance on Ceasefire Proposal",
        "Israel Expands Military Operations",
        "International Reactions and Humanitarian Concerns",
        "Uncertain Path Forward",
    ]
    # The lede opens the article, then ten paragraphs under the five headings.
    assert blocks[0][0] == "paragraph" and blocks[0][1].startswith("Hamas is considering")
    assert sum(1 for k, _ in blocks[1:] if k == "paragraph") == 10


def test_every_sentence_survives_rendering(seed_text):
    (draft,) = read_text(seed_text.encode(), "seed.txt")
    html = markdown.markdown(draft.body)
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text)
    for line in seed_text.splitlines():
        for sentence in re.split(r"(?<=[.!?”])\s+", line.strip()):
            if sentence:
                assert sentence in text, sentence
    assert html.count("<h2>") == 5


def test_typography_is_kept(seed_text):
    (draft,) = read_text(seed_text.encode(), "seed.txt")
    for ch in "“”’—":
        assert seed_text.count(ch) == draft.body.count(ch) > 0


def test_title_is_inferred_from_the_lede(seed_text):
    (draft,) = read_text(seed_text.encode(), "seed.txt")
    assert draft.title.startswith("Hamas is considering a new U.S.-backed ceasefire proposal")
    assert "title" in draft.inferred
    assert draft.summary.startswith("Hamas is considering")


def test_blank_line_paragraphs_and_soft_wraps():
    text = "First para line one\ncontinues here.\n\nA Heading Here\n\nSecond para.\n"
    blocks = split_blocks(text)
    assert blocks == [
        ("paragraph", "First para line one continues here."),
        ("heading", "A Heading Here"),
        ("paragraph", "Second para."),
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Uncertain Path Forward", True),
        ("Hamas’ Stance on Ceasefire Proposal", True),
        ("The fragile truce collapsed.", False),
        ("It held for two months and then, on Tuesday, it broke", False),
        ("Ends with a colon:", False),
    ],
)
def test_heading_heuristic(line, expected):
    assert is_heading(line) is expected


def test_markdown_characters_are_escaped_not_interpreted():
    raw = (
        "Lede with *stars*, _under_ and <b>tags</b> & an [link](x).\n# not a heading\n1. not a list"
    )
    (draft,) = read_text(raw.encode(), "odd.txt")
    html = markdown.markdown(draft.body)
    assert "<b>" not in html and "<em>" not in html and "<ol>" not in html and "<h1>" not in html
    text = (
        re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    for part in (
        "*stars*",
        "_under_",
        "<b>tags</b> &",
        "[link](x)",
        "# not a heading",
        "1. not a list",
    ):
        assert part in text


def test_non_utf8_text_is_detected():
    text = "Café au lait für Zürich: Grüße aus Österreich, sagte die Ministerin heute früh."
    with pytest.warns(EncodingAssumed, match=r"decoded as cp1252 \(not UTF-8\)"):
        (draft,) = read_bytes(text.encode("cp1252"), "latin.txt")
    assert "Grüße" in draft.body and "Zürich" in draft.body


def test_short_latin1_french_is_not_garbled_and_the_guess_is_reported():
    # charset-normalizer alone picks cp1250 here: "aprčs", "déjŕ", silently.
    data = b"Le caf\xe9 ... apr\xe8s ... d\xe9j\xe0 ...\n"
    with pytest.warns(EncodingAssumed, match=r"decoded as cp1252 \(not UTF-8\)"):
        (draft,) = read_bytes(data, "fr.txt")
    assert "Le café ... après ... déjà ..." in draft.text


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Le café ... après ... déjà ...", "cp1252"),
        ("Été à Noël, ça va. “Bonjour” – dit-il.", "cp1252"),
        ("A ação do governo não foi clara.", "cp1252"),
        ("Zażółć gęślą jaźń.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Привет мир", "cp1251"),
        ("Καλημέρα κόσμε, τι κάνεις;", "cp1253"),
        ("Türkçe şimdi öğreniyorum, ağır ışık.", "cp1254"),
    ],
)
def test_legacy_encodings_are_told_apart_by_plausibility(text, encoding):
    decoded = decode(text.encode(encoding), "x.txt")
    assert decoded.text == text and decoded.assumed and encoding in decoded.note


def test_utf8_and_declared_encodings_are_not_guesses():
    assert not decode("déjà".encode(), "x").assumed
    assert not decode("déjà".encode("cp1252"), "x", declared="cp1252").assumed


def test_oddities_count_traces_of_a_wrong_decoding():
    assert oddities("Le café ... après ... déjà ... Œuvre, Noël, garçon") == 0
    french = "Le café ferme après midi. Noël est déjà là."
    # Read as cp1250: "aprčs", "déjŕ", "Noël": letters of no one language.
    assert oddities(french.encode("cp1252").decode("cp1250")) > oddities(french) == 0
    assert oddities("Le cafй") > 0  # Latin and Cyrillic in one word
    assert oddities("Za¿ó³æ") > 0  # symbols inside a word
    assert oddities("Ïðèâåò ìèð") > oddities("Привет мир") == 0


@pytest.mark.parametrize(
    "data, reason", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary", "binary")]
)
def test_bad_text_inputs_raise_clear_errors(data, reason):
    with pytest.raises(ReaderError, match=reason):
        read_bytes(data, "bad.txt")
