"""People, organisations and places are filed among the topics (topics/people/ ...): a topic
that shares one of their names keeps its own page beside them."""

from chronicle.archive.index import build_archive, topic_slug


def test_a_topic_named_like_an_entity_folder_takes_a_suffix():
    assert topic_slug("People") == "people-topic"
    assert topic_slug("Places") == "places-topic"
    assert topic_slug("Organisations") == "organisations-topic"
    assert topic_slug("People of Gaza") == "people-of-gaza"
    assert topic_slug("Gaza ceasefire") == "gaza-ceasefire"


def test_the_archive_files_such_a_topic_under_its_own_folder(articles):
    archive = build_archive([articles.entry(id="a", topics=["People", "Talks"])])
    assert {g.slug for g in archive.topics.values()} == {"people-topic", "talks"}
