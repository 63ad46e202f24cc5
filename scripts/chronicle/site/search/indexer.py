"""A small client of Pagefind's indexer, `pagefind --service`.

Pagefind (PyPI `pagefind`, whose wheel ships the indexer binary) builds a static, chunked index
that a browser fetches piece by piece, so a reader downloads only the parts a query needs.

`PagefindWriter` talks to the binary's `--service` mode (base64 JSON messages separated by
commas, the protocol of the official Python and Node wrappers). Why not the
`pagefind.index.PagefindIndex` wrapper itself: its reader loop sleeps 100 ms before each
response, i.e. 10 records a second (measured: 50 records, 5.0 s), about three hours for 100,000
articles; this client streams requests and reads responses on a thread, so indexing runs at the
binary's own speed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import threading
import time
from pathlib import Path

from chronicle.errors import ChronicleError
from chronicle.site.search.records import SearchRecord, text_of


class SearchIndexError(ChronicleError):
    """The Pagefind indexer failed or is missing."""


def pagefind_binary() -> Path:
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError(
            "pagefind", "the Pagefind binary is missing; install 'pagefind[extended]'"
        )
    return binary


PIPE_BYTES = 1 << 20


def _widen(pipe: object) -> None:
    """Make a pipe hold PIPE_BYTES (Linux: F_SETPIPE_SZ; elsewhere, or over the system's limit,
    it keeps its size)."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)  # type: ignore[attr-defined]
    except (ImportError, OSError, AttributeError, ValueError):
        pass


class PagefindWriter:
    """One Pagefind index in a `pagefind --service` subprocess: `add` records, then `write`.

    Requests are streamed; a reader thread collects responses so neither side's pipe fills up.
    No language is forced: Pagefind keeps one index per record language in the bundle, and
    segments Chinese, Japanese, Korean and Thai words only in an index that it knows is in that
    language (one forced language left every word of a Japanese run but its first characters
    unfindable). search.js merges every language's index, so one search box finds them all.
    """

    def __init__(self) -> None:
        # perf: requests go out in writes of about 1 MB through pipes of 1 MB, not one write
        # per record through the default 64 KB. Indexing runs in a thread while MkDocs' own
        # thread keeps the interpreter busy, and every write that blocks must win the
        # interpreter lock back before the next: per record, that starved the indexer
        # (measured: one year's shard, 1,700 articles, 4.8 s alone, 7 s beside a rebuild).
        self._process = subprocess.Popen(
            [str(pagefind_binary()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=PIPE_BYTES,
        )
        for pipe in (self._process.stdin, self._process.stdout):
            _widen(pipe)
        self._lock = threading.Condition()
        self._responses: dict[int, dict] = {}
        self._errors: list[str] = []
        self._next_id = 0
        self.records = 0
        self.peak_rss_mb: float | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        reply = self._call({"type": "NewIndex", "config": {}})
        self._index_id = reply["index_id"]

    @property
    def pid(self) -> int:
        return self._process.pid

    def _read(self) -> None:
        assert self._process.stdout is not None
        pending: list[bytes] = []  # parts of a message not yet ended by a comma
        while chunk := self._process.stdout.read1(1 << 20):
            if b"," not in chunk:
                pending.append(chunk)  # the bundle comes as one large message: no re-copying
                continue
            *messages, rest = chunk.split(b",")
            messages[0] = b"".join([*pending, messages[0]])
            pending = [rest]
            for message in messages:
                if not message.strip():
                    continue
                response = json.loads(base64.b64decode(message))
                payload = response.get("payload", {})
                with self._lock:
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    message_id = response.get("message_id")
                    # A record's reply carries nothing we need: keep only the others.
                    if message_id is not None and payload.get("type") != "IndexedFile":
                        self._responses[message_id] = payload
                    self._lock.notify_all()
        with self._lock:
            self._errors.append("the Pagefind service exited")
            self._lock.notify_all()

    def _send(self, payload: dict) -> int:
        self._next_id += 1
        request = {"message_id": self._next_id, "payload": payload}
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(request).encode()) + b",")
        except BrokenPipeError:
            self._raise()
        return self._next_id

    def _wait(self, message_id: int) -> dict:
        with self._lock:
            while message_id not in self._responses and not self._errors:
                self._lock.wait(timeout=1)
            if self._errors:
                self._raise()
            return self._responses.pop(message_id)

    def _call(self, payload: dict) -> dict:
        message_id = self._send(payload)
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except BrokenPipeError:
            self._raise()
        return self._wait(message_id)

    def _raise(self) -> None:
        # A broken pipe must not escape as itself: click turns EPIPE into a silent exit 1.
        errors = [e for e in self._errors if e != "the Pagefind service exited"]
        if not errors:  # it stopped without a word: say how
            try:
                code = self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            binary = self._process.args[0] if isinstance(self._process.args, list) else "pagefind"
            errors.append(f"the Pagefind indexer ({binary}) stopped, exit code {code}")
        raise SearchIndexError("pagefind", "; ".join(errors[:3]))

    def add(self, record: SearchRecord) -> None:
        """Queue one record; errors surface at the latest when the index is written."""
        if self._errors:
            self._raise()
        self._send(
            {
                "type": "AddRecord",
                "index_id": self._index_id,
                "url": record.url,
                "content": text_of(record),
                "language": record.language,
                "meta": record.meta,
                "filters": record.filters,
                "sort": record.sort,
            }
        )
        self.records += 1

    def write(self, output: Path) -> None:
        """Write the bundle (pagefind.js, index chunks, fragments…) into `output`, then stop.

        The files are fetched and written here rather than with Pagefind's WriteFiles, which
        answers before its files are on disk: stopping the service then truncated some
        (measured: 1 bundle in 20 with an empty pagefind-entry.json)."""
        try:
            reply = self._call({"type": "GetFiles", "index_id": self._index_id})
            for item in reply["files"]:
                path = output / item["path"]
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    path.write_bytes(base64.b64decode(item["content"]))
                except OSError as exc:  # a full disk names no file: say which
                    exc.filename = exc.filename or str(path)
                    raise
        finally:
            self.close()

    def close(self) -> None:
        # Closing its input ends the service; it is stopped only if it does not.
        if self._process.poll() is None:
            self.peak_rss_mb = _high_water_mb(self._process.pid)
            with contextlib.suppress(OSError):
                assert self._process.stdin is not None
                self._process.stdin.close()
            if self._reap(timeout=120):
                return
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def _reap(self, timeout: float) -> bool:
        """Wait for the service to exit (its peak memory is read before, in `close`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self._process.pid, os.WNOHANG)
            if pid:
                self._process.returncode = os.waitstatus_to_exitcode(status)
                if self.peak_rss_mb is None:  # not Linux: the kernel's figure, see _high_water_mb
                    self.peak_rss_mb = usage.ru_maxrss / 1024  # KB on Linux
                return True
            time.sleep(0.02)
        return False

    def __enter__(self) -> PagefindWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _high_water_mb(pid: int) -> float | None:
    """The indexer's own peak resident memory (Linux: VmHWM), None elsewhere. Not the kernel's
    ru_maxrss once it has exited: that also counts the copy of MkDocs' process that the fork
    before `exec` made (measured: an indexer started by a process of 800 MB "peaked" at 1.6 GB
    while its own peak was 0.1 GB)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None
