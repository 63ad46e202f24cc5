"""What the source registry (`sources.yml`) says of a source, as the source and story pages
show it: its country in the archive's language, its aliases and its domains. Pure: no I/O.
"""

from __future__ import annotations

from chronicle.archive.sources import SourceRegistry
from chronicle.site.labels import Labels
from chronicle.site.views import SourceFacts


def source_facts(registry: SourceRegistry | None, name: str, labels: Labels) -> SourceFacts | None:
    """What the source registry says of the source listed as `name` (its country in the
    archive's language, its aliases and domains); None when it holds nothing of it."""
    found = registry.get(name) if registry is not None else None
    if found is None or not (found.country or found.aliases or found.domains):
        return None
    country = labels.country(found.country) if found.country else ""
    return SourceFacts(country, found.aliases, found.domains)


def country_note(registry: SourceRegistry | None, name: str, labels: Labels) -> str:
    """The country of the source listed as `name`, when the source registry knows it."""
    found = registry.get(name) if registry is not None else None
    return labels.country(found.country) if found is not None and found.country else ""
