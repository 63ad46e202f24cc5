"""Pure language helpers used by both sides: sentences, names, language, word lists, Markdown."""
