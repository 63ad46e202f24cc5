"""The other captures of an article's own address in front matter (`captures`): read, checked and
written back. Each keeps its text, so the site can compare captures without the readers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronicle.archive.model import Capture
from chronicle.archive.values import datetime_value, iso_time, sha256_value, text_value, unknown_key
from chronicle.errors import FrontMatterError

CAPTURE_KEYS = ("sha256", "added", "captured", "original_name", "title", "fingerprint", "body")


def read_captures(where: str, value: Any) -> tuple[Capture, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FrontMatterError(where, "captures", "must be a list")
    captures = []
    for index, item in enumerate(value):
        key = f"captures[{index}]"
        if not isinstance(item, Mapping):
            raise FrontMatterError(where, key, "must be a mapping with sha256, added and body")
        for name in item:
            if name not in CAPTURE_KEYS:
                raise unknown_key(where, f"{key}.{name}", [f"{key}.{k}" for k in CAPTURE_KEYS])
        added = datetime_value(where, f"{key}.added", item.get("added"))
        if added is None:
            raise FrontMatterError(where, f"{key}.added", "is required")
        body = item.get("body")
        if not isinstance(body, str):  # its text may hold anything but must be text
            raise FrontMatterError(where, f"{key}.body", "is required and must be text")
        captures.append(
            Capture(
                sha256=sha256_value(where, f"{key}.sha256", item.get("sha256")),
                added=added,
                body=body.strip(),
                captured=datetime_value(where, f"{key}.captured", item.get("captured")),
                original_name=text_value(where, f"{key}.original_name", item.get("original_name"))
                or "",
                title=text_value(where, f"{key}.title", item.get("title")) or "",
                fingerprint=text_value(where, f"{key}.fingerprint", item.get("fingerprint")) or "",
            )
        )
    return tuple(captures)


def captures_to_list(captures: tuple[Capture, ...]) -> list[dict[str, Any]]:
    return [
        {
            k: v
            for k, v in (
                ("sha256", c.sha256),
                ("added", iso_time(c.added)),
                ("captured", iso_time(c.captured)),
                ("original_name", c.original_name),
                ("title", c.title),
                ("fingerprint", c.fingerprint),
                ("body", c.body),
            )
            if v
        }
        for c in captures
    ]
