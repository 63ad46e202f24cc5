"""A rebuild makes again only the feeds and references of the groups (topics, sources, years,
entities) whose articles changed; the others are left as the last build wrote them. That the
result equals a clean build is asserted by tests/test_incremental.py on whole sites."""

from __future__ import annotations

from pathlib import Path

from chronicle.archive.index import build_archive
from chronicle.site.build.cache import Fingerprinter
from chronicle.site.entity_pages import build_entity_site
from chronicle.site.labels import english
from chronicle.site.publish import Reuse, Site, outputs

BASES = {"archive": "archive/", "topics": "topics/", "sources": "sources/"}


def _site(tmp_path: Path) -> Site:
    return Site(
        site_dir=tmp_path / "site",
        docs_dir=tmp_path / "docs",
        site_url="https://example.org/",
        name="Test archive",
        description="",
        feed_size=20,
        bases=BASES,
        labels=english(),
        language="en",
    )


def _outputs(entries, site: Site, reuse: Reuse | None):
    archive = build_archive(entries)
    entity_site = build_entity_site(
        archive,
        None,
        bases={"person": "people/", "organisation": "organisations/", "place": "places/"},
        quotes_base="quotes/",
        page_size=50,
    )
    return outputs(archive, entity_site, site, reuse)


def test_only_the_groups_whose_articles_changed_are_made_again(articles, tmp_path: Path):
    site = _site(tmp_path)
    a = articles.entry(title="Port strike", date="2025-03-01", source="Wire A", topics=["Ports"])
    b = articles.entry(title="Budget vote", date="2025-03-02", source="Wire B", topics=["Money"])
    first, made = _outputs([a, b], site, Reuse("salt", Fingerprinter(), {}))
    for path, text in first.items():  # as write_outputs leaves them
        (site.site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site.site_dir / path).write_text(text, encoding="utf-8")
    assert any(p.startswith("topics/ports/") for p in first)

    c = articles.entry(title="Strike ends", date="2025-03-03", source="Wire C", topics=["Ports"])
    again, made_again = _outputs([a, b, c], site, Reuse("salt", Fingerprinter(), made))
    remade = {path.split("/")[0] + "/" + path.split("/")[1] for path in again if "/" in path}
    assert "topics/ports" in remade and "sources/wire-c" in remade  # the new article's groups
    assert "topics/money" not in remade and "sources/wire-b" not in remade  # untouched
    assert made_again["topics/money/"] == made["topics/money/"]

    # Everything is made again when the site-wide salt changes, or a file went missing.
    salted, _ = _outputs([a, b, c], site, Reuse("other salt", Fingerprinter(), made_again))
    assert any(p.startswith("topics/money/") for p in salted)
    for path in made_again["sources/wire-b/"][1]:
        (site.site_dir / path).unlink()
    missing, _ = _outputs([a, b, c], site, Reuse("salt", Fingerprinter(), made_again))
    assert any(p.startswith("sources/wire-b/") for p in missing)
    assert not any(p.startswith("topics/money/") for p in missing)
