"""The MkDocs side: reads the archive (never imports ingest) and builds the site."""
