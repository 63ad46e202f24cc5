"""Text from an article, shown safely on the curator's terminal.

A title or file name is someone else's text: printed raw, an escape sequence in it could clear
the screen, set the window title, write the clipboard (OSC 52) or hide what follows; a
right-to-left override could reverse the rest of the line. Each such character is shown as its
escape instead (`\\x1b`, `\\u202e`), so the curator sees that it is there.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, and the bidirectional embeddings, overrides and
# isolates (the marks LRM/RLM only steer neutral characters and cannot reorder a line).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control and direction override written as its escape."""
    return _UNSAFE.sub(_escaped, text)
