"""`chronicle add https://…`: fetch one page, politely and within limits.

The standard library's urllib is enough for one GET with a timeout: no session, cookies or
retries are needed, so no HTTP client dependency. The body is read in chunks up to the size
limit plus one byte and within the timeout as a whole, so an oversized or endless response, or a
server that sends one byte every few seconds, is refused without being held in memory or waited
for without end.
"""

from __future__ import annotations

import datetime as dt
import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from chronicle import __version__
from chronicle.errors import ReaderError

USER_AGENT = (
    f"Chronicle/{__version__} (news archive ingest; +https://pypi.org/project/chronicle-archive/)"
)
DEFAULT_TIMEOUT = 20.0
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    retrieved: dt.datetime


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """The page at `url`. The whole download must end within `timeout` seconds (checked as
    bytes arrive, and each wait for bytes is itself bounded by `timeout`)."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*"}
    deadline = time.monotonic() + timeout
    try:
        # Inside the try: urllib parses the address here, and a malformed one ("http://[::1")
        # is the user's mistake, not a bug.
        request = urllib.request.Request(as_ascii(url), headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ReaderError(url, _too_big(int(length), max_bytes))
            data = _read_body(response, max_bytes + 1, deadline)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise ReaderError(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise ReaderError(url, f"cannot fetch the page ({exc.reason})") from None
    except TimeoutError:
        raise ReaderError(url, f"the page did not arrive within {timeout:g} s") from None
    except (ValueError, http.client.InvalidURL) as exc:  # how urllib refuses a malformed address
        raise ReaderError(url, f"not a valid URL ({exc})") from None
    except http.client.HTTPException as exc:  # a server that breaks the protocol
        raise ReaderError(url, f"cannot fetch the page ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        raise ReaderError(url, f"cannot fetch the page ({exc})") from None
    if len(data) > max_bytes:
        raise ReaderError(url, _too_big(len(data), max_bytes))
    return Fetched(data, final, dt.datetime.now(dt.UTC).replace(microsecond=0))


def _read_body(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    """At most `limit` bytes of the body, read as they arrive until `deadline`."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(min(CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


# What may stay as written in a URL's path, query and fragment: its delimiters and escapes.
_URL_SAFE = "/:@!$&'()*+,;=?%~#[]"


def as_ascii(url: str) -> str:
    """The address as a browser sends it: an internationalised host name in its IDNA form,
    other characters (accented letters, spaces) percent-encoded in UTF-8; existing escapes
    kept. urllib sends addresses as written and refuses any that is not ASCII."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii() and parts.hostname:
        netloc = netloc.replace(parts.hostname, parts.hostname.encode("idna").decode("ascii"))
    path, query, fragment = (quote(p, safe=_URL_SAFE) for p in parts[2:])
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _too_big(size: int, limit: int) -> str:
    return (
        f"the page is over the {limit / 1e6:g} MB limit"
        f"{f' ({size / 1e6:.0f} MB)' if size > limit + 1 else ''} (raise it with --max-size)"
    )
