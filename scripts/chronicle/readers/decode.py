"""Bytes → text, refusing what is not text."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import ReaderError


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 first (the norm); otherwise the encoding charset-normalizer detects, or an error."""
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    if looks_binary(data):
        raise ReaderError(name, "this is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReaderError(name, "the text is not UTF-8 and its encoding could not be detected")
    return str(best)
