"""A static server that gzips text, as most hosts of a static site do (the audit kit's
`python -m http.server` does not): to measure what a phone downloads from such a host.

Pagefind's own files (its index, fragments and wasm, already gzipped by Pagefind) are sent as
they are; pages, styles, scripts, JSON, XML and SVG are compressed when the client accepts it.
"""

from __future__ import annotations

import gzip
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


class CompressingHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with `Content-Encoding: gzip` for text files."""

    def send_head(self):  # type: ignore[override]  # the base class returns a file or None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(TEXT)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # a Lighthouse run makes dozens of requests; the benchmark prints its own lines


@contextmanager
def serving(site: Path, port: int) -> Iterator[str]:
    """`site` served on 127.0.0.1:`port` from a thread while the block runs; its base URL."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), partial(CompressingHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
