"""Web archives (WARC, WARC.gz) → one Draft per captured HTML page, with `warcio`.

Only `response` records with status 200 and an HTML content type are articles; requests,
metadata, redirects, images and scripts are skipped. Each draft carries the record's payload as
its own original (so a WARC of fifty pages gives fifty separately verifiable originals), the
capture's URL as the article's address and the capture time as its retrieval date. A record
whose page has no article text is skipped; the WARC fails only when no record gives an article.

A compressed web archive is a possible decompression bomb (a few KB can expand to gigabytes):
the whole stream is checked, streamed, against `MAX_DECOMPRESSED` before any record is read, and
each page is read up to `MAX_PAGE`, so neither memory nor time grows with what it expands to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import warnings
import zlib
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import Draft, ReaderNote
from chronicle.ingest.readers.decode import MAX_DECOMPRESSED
from chronicle.ingest.readers.html import read_html

NAME = "warc"
# A captured page larger than this is not an article (the largest news page of the corpus is
# under 3 MB); it is skipped as a record without article text would be.
MAX_PAGE = 20 * 1024 * 1024


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, for a record without a WARC-Target-URI too: warcio reads the URI
    to decide whether a record has HTTP headers and fails with an AttributeError on None."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        if uri is None:
            return None
        return super().load_http_headers(rec_type, uri, stream, length)


def _capture_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def check_gzip(data: bytes, name: str) -> None:
    """warcio reads a truncated .warc.gz up to the cut without complaint; a full pass over the
    gzip members (streamed, not kept) finds the cut, so half a capture is never an article."""
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > MAX_DECOMPRESSED:
                    raise ReaderError(
                        name,
                        f"the web archive expands to more than {MAX_DECOMPRESSED >> 20} MB "
                        "(a compression bomb?); not read",
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise ReaderError(name, f"the web archive is damaged or truncated ({exc})") from None


def read_warc(data: bytes, name: str) -> list[Draft]:
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    if data.startswith(b"\x1f\x8b"):
        check_gzip(data, name)
    drafts: list[Draft] = []
    html_records = 0
    try:
        records = ArchiveIterator(io.BytesIO(data))
        records.loader = _Loader(verify_http=False)  # as ArchiveIterator makes its own
        for number, record in enumerate(records, 1):
            if record.rec_type == "response" and not record.rec_headers.get_header(
                "WARC-Target-URI"
            ):
                # A capture of no address: nothing says what page it is. The others are read.
                warnings.warn(
                    ReaderNote(f"record {number} names no target URI; skipped"), stacklevel=1
                )
                continue
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or "html" not in content_type:
                continue
            html_records += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(MAX_PAGE + 1)
            if len(payload) > MAX_PAGE:
                continue
            try:
                (draft,) = read_html(payload, url or name, url=url)
            except ReaderError:
                continue
            drafts.append(
                dataclasses.replace(
                    draft,
                    reader=NAME,
                    url=url or draft.url,  # the capture's address is the provenance
                    retrieved=_capture_time(record.rec_headers.get_header("WARC-Date")),
                    locator=url or f"record-{html_records}",
                    original=payload,
                )
            )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise ReaderError(name, f"the web archive is damaged or truncated ({exc})") from None
    if not html_records:
        raise ReaderError(name, "the web archive has no HTML page captures")
    if not drafts:
        raise ReaderError(name, "none of the captured pages has article text")
    return drafts
