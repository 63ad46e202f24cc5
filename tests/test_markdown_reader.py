import pytest

from chronicle.errors import ChronicleError, ReaderError
from chronicle.ingest.readers.markdown import read_markdown

from .conftest import FIXTURES


def test_front_matter_is_curator_metadata_and_the_body_is_kept_as_written():
    data = (FIXTURES / "article_with_front_matter.md").read_bytes()
    (draft,) = read_markdown(data, "a.md")
    curator = draft.extra["curator"]
    assert curator["title"] == "Council approves harbour budget"
    assert curator["date"].edtf == "2024-05-20" and curator["topics"] == ("Harbour",)
    assert draft.body.startswith("The council approved") and draft.reader == "markdown"


def test_a_leading_h1_is_the_title_not_repeated_in_the_body():
    (draft,) = read_markdown(b"# Bridge opens\n\nThe bridge *opened* today.\n", "b.md")
    assert draft.title == "Bridge opens" and "inferred" not in draft.extra
    assert draft.body == "The bridge *opened* today.\n" and not draft.inferred


def test_without_h1_the_title_is_inferred_from_the_lede():
    (draft,) = read_markdown(b"The bridge opened today. Crowds came.\n", "c.md")
    assert draft.title == "The bridge opened today" and draft.inferred == {"title"}


@pytest.mark.parametrize(
    "text, reason",
    [
        ("---\ntitle: Only metadata\n---\n", "no text"),
        ("---\ndate: 31/02/2024\n---\nBody.\n", "31/02/2024"),
    ],
)
def test_bad_markdown_inputs(text, reason):
    with pytest.raises(ChronicleError) as info:
        read_markdown(text.encode(), "d.md")
    assert reason in str(info.value)


def test_empty_markdown_is_refused():
    with pytest.raises(ReaderError, match="empty"):
        read_markdown(b"  \n", "e.md")


def test_a_misspelt_front_matter_key_is_refused_as_in_a_sidecar():
    with pytest.raises(ChronicleError) as info:
        read_markdown(b"---\ntittle: Oops\n---\nThe bridge opened today.\n", "typo.md")
    message = str(info.value)
    assert "typo.md" in message and "'tittle'" in message and "did you mean 'title'" in message
    assert "\n" not in message


def test_keys_chronicle_writes_itself_are_set_again_not_refused():
    data = b"---\nid: x\ntitle: Bridge opens\nword_count: 4\n---\nThe bridge opened today.\n"
    (draft,) = read_markdown(data, "stored.md")
    assert draft.extra["curator"] == {"title": "Bridge opens"}


def test_front_matter_yaml_errors_give_the_line_in_the_file():
    data = b"---\ntitle: ok\nsource: x\n  b: c\n---\nBody.\n"
    with pytest.raises(ChronicleError, match=r"front matter is not valid YAML \(line 4\)"):
        read_markdown(data, "f.md")
