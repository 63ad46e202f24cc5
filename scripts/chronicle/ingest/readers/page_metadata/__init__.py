"""A web page's own metadata (title, date, authors, publisher), one module a field; the cascade
that joins them is `cascade.py`."""

from chronicle.ingest.readers.page_metadata.cascade import PageMetadata, extract_page_metadata

__all__ = ["PageMetadata", "extract_page_metadata"]
