"""Bytes → text, refusing what is not text."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import ReaderError


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_text(data: bytes, name: str, *, declared: str | None = None, what: str = "text") -> str:
    """UTF-8 when the bytes are valid UTF-8 (a wrong declaration is common, invalid UTF-8 that
    decodes by accident is not), else the encoding the document `declared`, else the one
    charset-normalizer detects, else an error. `what` names the document in messages."""
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    if looks_binary(data):
        raise ReaderError(name, f"this is a binary file, not {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise ReaderError(name, f"the {what} is not UTF-8 and its encoding could not be detected")
    return str(best)
