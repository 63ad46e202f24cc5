"""Citations of archived articles: the reading styles (styles.py: APA, MLA, Chicago as plain text
and HTML), the machine formats (records.py: BibTeX, RIS, CSL-JSON) and the names and titles both
print (names.py). Written here rather than with citeproc-py because CSL engines need the style
files, which no PyPI package we could install ships, and a news article in these formats is a
handful of fixed patterns, tested against each manual's examples."""
