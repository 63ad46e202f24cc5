import random
import re

import markdown
import pytest

from chronicle.errors import ReaderError
from chronicle.ingest.readers import read_bytes
from chronicle.ingest.readers.decode import Decoded, EncodingAssumed, decode, oddities
from chronicle.ingest.readers.text import is_heading, read_text, split_blocks


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
        # Short, undeclared: Hebrew was read as Cyrillic or Greek ("дфсчъ ащ бтжд"), Russian in
        # KOI8-R as half-width katakana in Shift JIS.
        ("הפסקת אש בעזה", "cp1255"),
        ("הממשלה הודיעה היום על הפסקת אש", "cp1255"),
        ("Прекращение огня", "koi8_r"),
        ("МВД и ФСБ заявили о прекращении огня", "koi8_r"),
        ("МВД и ФСБ заявили", "cp1251"),
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
    assert oddities("дфсчъ ащ бтжд") > oddities("МВД и ФСБ") == 0  # no vowel; acronyms
    assert oddities("δτρχϊ ΰω αςζδ") > oddities("Ελλάς") == 0  # a final sigma inside a word
    assert oddities("崹ﾅﾋﾒﾁﾝﾅﾎﾉﾅ") > 0  # half-width katakana


@pytest.mark.parametrize(
    "text, encoding",
    [
        # Punctuation closed up between letters is not a symbol inside a word: these were read as
        # mac_latin2/cp775 ("cafť … Mondayóafter"), cp437 ("ParisûBerlin"), cp852, cp874 (Thai).
        ("The café reopened on Monday—after a year of repairs—and…", "cp1252"),
        ("The Paris–Berlin train is late.", "cp1252"),
        ("He waited…and waited at the café.", "cp1252"),
        ("A soft\xadhyphen in the news\xadpaper.", "cp1252"),
        ("Москва—столица России.", "cp1251"),
        # A Turkish capital İ ("İ".lower() is two characters): was read as cp1252 "Ýstanbul".
        ("İstanbul ve İzmir.", "cp1254"),
        ("İzmir’de ünlü bir müzisyen konser verdi.", "cp1254"),
        # On a tie cp1252 goes before charset-normalizer's coherence: was cp850 "Faþade".
        ("The new … Façade … of the town hall is ready.", "cp1252"),
    ],
)
def test_closed_up_punctuation_and_turkish_capitals_are_not_garbled(text, encoding):
    decoded = decode(text.encode(encoding), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_cp1252_is_named_only_for_the_cp1252_text():
    # charset-normalizer lists cp1252 among the encodings of a UTF-16-LE reading ("瓉⃩敬").
    assert decode("Été le".encode("cp1252"), "x") == Decoded("Été le", "cp1252", assumed=True)


def test_dos_and_mac_code_pages_are_never_guessed():
    for text in ("… Façade …", "Monday—after", "Déjà vu—again…", "Grüße, Zürich!", "naïve…"):
        decoded = decode(text.encode("cp1252"), "x")
        assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_oddities_do_not_count_punctuation_or_format_characters_inside_a_word():
    for text in (
        "Monday—after",
        "Paris–Berlin",
        "waited…and",
        "soft\xadhyphen",
        "„Tak”—odpowiedział",
    ):
        assert oddities(text) == 0, text
    assert oddities("می\u200cخواهم") == 0  # a zero-width non-joiner in Persian
    assert oddities("İstanbul ve İzmir.") == 0  # İ is a Turkish letter
    assert oddities("cafÚ¬s") > 0 and oddities("mo¿e") > 0 and oddities("£ukasz") > 0


# Sentences, names and quotes of each language, in its usual Windows code page.
SENTENCES = {
    "cp1252": [
        "The café on the corner reopened on Monday after a year of repairs.",
        "Officials in Zürich said the talks with Mr. Müller would resume next week.",
        "The minister called the plan naïve but promised a new façade for the station.",
        "Le maire a annoncé que les travaux commenceraient après l’été.",
        "Les élèves du lycée ont déjà reçu leurs résultats à Noël.",
        "Die Regierung in Berlin will die Brücke über den Fluss bis März erneuern.",
        "Grüße aus Österreich, schrieb der Bürgermeister am späten Abend.",
        "El presidente del Gobierno se reunió con los agricultores de Andalucía.",
        "La compañía española anunció que abrirá una nueva fábrica en León.",
    ],
    "cp1254": [
        "Türkiye’nin en büyük şehri İstanbul’da yeni bir köprü açıldı.",
        "Cumhurbaşkanı, İzmir’deki fabrikayı ziyaret ettiğini söyledi.",
        "Öğretmenler sendikası, maaşların artırılması için greve gidiyor.",
        "Ankara’da yapılan toplantıda ekonomik kriz konuşuldu.",
        "Belediye başkanı, yağmur nedeniyle okulların kapalı olacağını açıkladı.",
    ],
    "cp1251": [
        "Москва — столица России и крупнейший город страны.",
        "Министр заявил, что переговоры продолжатся на следующей неделе.",
        "Жители Санкт-Петербурга вышли на улицы, чтобы отметить праздник.",
        "Новый мост через реку откроют в конце года, сообщили в мэрии.",
        "Президент подписал указ о повышении пенсий с первого января.",
    ],
    "cp1253": [
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία της χώρας.",
        "Ο δήμαρχος της Θεσσαλονίκης είπε ότι το έργο θα ολοκληρωθεί φέτος.",
        "Χιλιάδες πολίτες διαδήλωσαν στην Αθήνα για τις συντάξεις.",
        "Ο υπουργός δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν.",
    ],
    "cp1250": [
        "Rząd zapowiedział, że nowy most na Wiśle zostanie otwarty w przyszłym roku.",
        "Prezydent spotkał się z mieszkańcami Gdańska i Łodzi.",
        "Minister powiedział, że ceny energii muszą spaść jeszcze w tym miesiącu.",
        "Źródła w ministerstwie potwierdziły, że rozmowy będą kontynuowane.",
        "W Krakowie odbył się koncert, na który przyszło kilka tysięcy osób.",
    ],
}
NAMES = {
    "cp1252": [
        "José Martínez",
        "François Hollande",
        "Jürgen Müller",
        "Begoña Ibáñez",
        "Zoë Saldaña",
    ],
    "cp1254": ["Ayşe Yılmaz", "Çağrı Öztürk", "İsmail Şahin", "Gülşen Doğan"],
    "cp1251": ["Сергей Иванов", "Ольга Смирнова", "Пётр Соколов", "Юлия Фёдорова"],
    "cp1253": ["Γιώργος Παπαδόπουλος", "Μαρία Οικονόμου", "Νίκος Δημητρίου"],
    "cp1250": ["Łukasz Wójcik", "Małgorzata Kowalczyk", "Paweł Żak", "Agnieszka Wiśniewska"],
}
QUOTES = {
    "cp1252": [("“", "”"), ("„", "“"), ("«\xa0", "\xa0»"), ("‘", "’")],
    "cp1254": [("“", "”")],
    "cp1251": [("«", "»"), ("„", "“")],
    "cp1253": [("«", "»")],
    "cp1250": [("„", "”"), ("«", "»")],
}
JOINS = ["—", " — ", " – ", "…", "… ", " "]


def _sentence(rng: random.Random, encoding: str) -> str:
    first, second = rng.sample(SENTENCES[encoding], 2)
    opening, closing = rng.choice(QUOTES[encoding])
    name = rng.choice(NAMES[encoding])
    return rng.choice(
        [
            f"{opening}{first[:-1]}{closing}{rng.choice(JOINS)}{name}{rng.choice(JOINS)}{second}",
            f"{first[:-1]}{rng.choice(JOINS)}{name}{rng.choice(['…', '.', '!'])}",
            f"{name}: {opening}{first}{closing}",
            f"{first} {second[:-1]}…",
        ]
    )


def test_fuzz_sentences_in_their_usual_windows_code_page_decode_back_exactly():
    rng = random.Random(20240601)
    wrong = []
    for encoding in SENTENCES:
        for _ in range(40):
            text = _sentence(rng, encoding)
            decoded = decode(text.encode(encoding), "x.txt")
            if (decoded.text, decoded.encoding) != (text, encoding):
                wrong.append((encoding, decoded.encoding, decoded.text))
    assert not wrong


@pytest.mark.parametrize(
    "data, reason", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary", "binary")]
)
def test_bad_text_inputs_raise_clear_errors(data, reason):
    with pytest.raises(ReaderError, match=reason):
        read_bytes(data, "bad.txt")


@pytest.mark.parametrize(
    "text, heading",
    [
        (
            "أعلنت الحكومة اليوم عن اتفاق لوقف إطلاق النار في غزة بعد أسابيع من المفاوضات.\n\n"
            "ردود الفعل الدولية\n\n"
            "رحبت الأمم المتحدة بالاتفاق ودعت جميع الأطراف إلى الالتزام به.\n",
            "ردود الفعل الدولية",
        ),
        (
            "政府は本日、停戦合意を発表した。交渉は数週間続いた。\n\n国際社会の反応\n\n"
            "国連は合意を歓迎し、すべての当事者に順守を求めた。\n",
            "国際社会の反応",
        ),
        (
            "政府今天宣布停火协议。谈判持续了数周。\n\n国际反应\n\n联合国欢迎该协议，并呼吁各方遵守。\n",
            "国际反应",
        ),
    ],
)
def test_bare_headings_are_found_in_scripts_without_capitals(text, heading):
    blocks = split_blocks(text)
    assert [kind for kind, _ in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[1][1] == heading


def test_short_caseless_lines_without_a_sentence_after_them_stay_paragraphs():
    poem = "شعر\n\nسطر قصير\n\nسطر آخر\n"  # short lines, none a sentence: no headings
    assert [kind for kind, _ in split_blocks(poem)] == ["paragraph"] * 3
    # a short line that ends a sentence is not a heading
    text = "政府今天宣布停火协议。谈判持续了数周。\n\n各方同意。\n\n"
    text += "联合国欢迎该协议，并呼吁各方遵守。\n"
    assert [kind for kind, _ in split_blocks(text)] == ["paragraph"] * 3
