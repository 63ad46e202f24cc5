"""Chronicle: curated news articles → a searchable, dated archive built with MkDocs."""

__version__ = "0.1.0"
