"""The source registry (`sources.yml`): its schema, how a value is matched to a publisher, and
how `accept` edits the file. Pure: registries are parsed from text written here."""

from __future__ import annotations

import pytest

from chronicle.archive.registry import RegistryError
from chronicle.archive.sources import Source, host_of, merge_source, parse_sources

REGISTRY = """# Publishers of the harbour archive
- name: The New York Times
  aliases: [NYT]
  domains: [nytimes.com]
  country: us
# British papers
- name: The Guardian
  domains: [https://www.theguardian.com/]
  country: GB
- name: Miami Herald
  domains: [miamiherald.com]
- name: AP
  aliases: [Associated Press]
"""


@pytest.fixture
def registry():
    return parse_sources(REGISTRY, "sources.yml")


@pytest.mark.parametrize(
    ("value", "name", "how"),
    [
        ("The New York Times", "The New York Times", "name"),
        ("the new york times", "The New York Times", "name"),
        ("NYT", "The New York Times", "alias"),
        ("nytimes.com", "The New York Times", "domain"),
        ("www.nytimes.com", "The New York Times", "domain"),
        ("https://edition.nytimes.com/2025/03/04/harbour.html", "The New York Times", "domain"),
        ("the Guardian", "The Guardian", "name"),
        ("Guardian", "The Guardian", "alias"),  # the registry's name has "The": it may go
        ("miamiherald", "Miami Herald", "spelling"),
        ("MIAMI HERALD", "Miami Herald", "name"),
        ("N.Y.T.", None, None),  # three letters: matched only as written
        ("Herald", None, None),
        ("ap", "AP", "name"),
        ("WASHINGTON", None, None),
        ("", None, None),
    ],
)
def test_a_value_is_matched_to_its_publisher(registry, value, name, how):
    found = registry.match(value)
    assert (found.source.name, found.how) == (name, how) if name else found is None


def test_the_is_cut_only_against_a_name_the_registry_holds():
    registry = parse_sources("- name: Guardian\n", "sources.yml")
    assert registry.canonical("The Guardian") == "Guardian"
    assert registry.canonical("The Observer") == "The Observer"  # unknown: kept as given


def test_domains_and_countries_are_normalised(registry):
    guardian = registry.get("The Guardian")
    assert guardian == Source("The Guardian", domains=("theguardian.com",), country="GB")
    assert registry.get("The New York Times").country == "US"
    assert registry.by_url("https://amp.theguardian.com/world/1") is guardian
    assert registry.by_url("https://notnytimes.com/") is None  # a host that ends alike


def test_host_of_reads_addresses_and_bare_hosts_only():
    assert host_of("https://WWW.Example.co.uk/a?b") == "example.co.uk"
    assert host_of("m.example.org") == "example.org"
    assert host_of("Miami Herald") is None
    assert host_of("U.S.") is None
    assert host_of("http://[::1") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- name: A\n  domain: [a.com]\n", "'[0].domain': unknown key (did you mean 'domains'?)"),
        ("- name: A\n  domains: [not a host]\n", "must be a host such as nytimes.com"),
        ("- name: A\n  country: England\n", "must be a two-letter country code"),
        ("- name: A\n- name: B\n  aliases: [a]\n", "'a' is already a name of 'A'"),
        ("- name: A\n- name: a\n", "is already a name of 'A'"),
        ("- {name: A, domains: [a.com]}\n- {name: B, domains: [www.a.com]}\n", "already a domain"),
        ("name: A\n", "must be a YAML list of sources"),
        ("- name: [A\n", "not valid YAML (line 2)"),
        ("- aliases: [A]\n", "'[0].name': is required"),
    ],
)
def test_a_broken_registry_is_one_line_naming_the_file_and_the_key(text, message):
    with pytest.raises(RegistryError) as caught:
        parse_sources(text, "sources.yml")
    assert str(caught.value).startswith("sources.yml: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_accepting_a_new_source_appends_it_and_keeps_the_comments():
    text, source = merge_source(REGISTRY, Source("Reuters", domains=("reuters.com",)), "x")
    assert text.startswith(REGISTRY)
    assert text.endswith("- name: Reuters\n  domains: [reuters.com]\n")
    assert parse_sources(text, "x").get("Reuters") == source


def test_accepting_a_held_name_joins_its_aliases_and_domains_in_place():
    more = Source("The Guardian", aliases=("the Grauniad",), domains=("guardian.co.uk",))
    text, merged = merge_source(REGISTRY, more, "x")
    assert merged.domains == ("theguardian.com", "guardian.co.uk")
    assert merged.country == "GB"  # kept when not given again
    assert "# British papers\n- name: The Guardian\n" in text  # the comment above is kept
    assert text.index("Grauniad") < text.index("- name: Miami Herald")
    assert parse_sources(text, "x").match("the grauniad").source.name == "The Guardian"


def test_accepting_a_name_another_source_holds_is_refused():
    with pytest.raises(RegistryError, match="'nyt' is already a name of 'The New York Times'"):
        merge_source(REGISTRY, Source("Reuters", aliases=("nyt",)), "x")


def test_the_site_reads_articles_under_the_registered_name(registry, articles):
    stored = articles.make(source="nytimes.com")
    assert registry.settle(stored).source == "The New York Times"
    unknown = articles.make(source="Harbour Times")
    assert registry.settle(unknown) is unknown  # the same object: nothing to change


def test_accepting_into_a_list_written_on_one_line_keeps_every_entry():
    text, _ = merge_source("[{name: A, domains: [a.com]}, {name: B}]\n", Source("A", ("Ay",)), "x")
    registry = parse_sources(text, "x")
    assert [s.name for s in registry.sources] == ["A", "B"]
    assert registry.get("A") == Source("A", aliases=("Ay",), domains=("a.com",))
