"""Full-text search: articles → Pagefind records (records.py), grouped into shards of years
(shards.py), indexed by Pagefind's own processes (indexer.py) into the site's bundle
(bundle.py). What the plugin uses is importable from here.
"""

from chronicle.site.search.bundle import LateRecords, write_bundle
from chronicle.site.search.records import (
    FACETS,
    SearchRecord,
    html_to_text,
    packed,
    record_for,
    text_of,
)
from chronicle.site.search.shards import Shard

__all__ = [
    "FACETS",
    "LateRecords",
    "SearchRecord",
    "Shard",
    "html_to_text",
    "packed",
    "record_for",
    "text_of",
    "write_bundle",
]
