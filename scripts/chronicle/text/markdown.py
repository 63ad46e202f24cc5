"""Turning plain text into Markdown that renders back to exactly that text.

Plain text from a curator (or an extractor) is not Markdown: `*`, `_`, `<`, `[`, a leading `#`
or `1.` would change meaning or vanish. Python-Markdown has no "escape" helper, so this is the
small set of backslash escapes and entities it documents, applied only where needed so that the
stored file stays pleasant to read and edit by hand.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        lead, marker = match.group(1), match.group(2)
        if marker[0].isdigit():
            marker = marker[:-1] + "\\" + marker[-1]
        elif marker == "&gt;":
            pass
        else:
            marker = "\\" + marker
        text = lead + marker + text[match.end() :]
    return text.strip()


def paragraphs_to_markdown(blocks: list[tuple[str, str]]) -> str:
    """[(kind, text)] with kind "heading" or "paragraph" → Markdown, one blank line between."""
    out = []
    for kind, text in blocks:
        escaped = escape_markdown(text)
        out.append(f"## {escaped}" if kind == "heading" else escaped)
    return "\n\n".join(out) + "\n"
