"""The typed values front matter keys hold, each checked with an error that names the file and
the key in one line: the checks `schema.py` and the lists it reads (`captures.py`) share."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from chronicle.archive.limits import CONTROL
from chronicle.errors import FrontMatterError


def unknown_key(where: str, key: str, allowed: tuple[str, ...] | list[str]) -> FrontMatterError:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(allowed)}"
    return FrontMatterError(where, key, f"unknown key{hint}")


def text_value(where: str, key: str, value: Any, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FrontMatterError(where, key, "is required and may not be empty")
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        control = CONTROL.search(text)
        if control:
            code = f"U+{ord(control.group(0)):04X}"
            raise FrontMatterError(where, key, f"holds the control character {code}")
        return text
    raise FrontMatterError(where, key, f"must be text, not {type(value).__name__}")


def datetime_value(where: str, key: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise FrontMatterError(where, key, f"'{value}' is not an ISO 8601 date-time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def sha256_value(where: str, key: str, value: Any) -> str:
    sha = text_value(where, key, value, required=True) or ""
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise FrontMatterError(where, key, "must be 64 lowercase hex digits")
    return sha


def iso_time(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
