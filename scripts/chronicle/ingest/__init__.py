"""Everything that writes the archive: readers, the metadata cascade, fetch, enrichment, check."""
