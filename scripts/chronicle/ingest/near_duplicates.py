"""Near-duplicates: syndicated copies of one story, found with MinHash over word shingles.

Exact duplicates share a fingerprint (`normalize.fingerprint`); copies that differ by a
headline, a byline or a trimmed paragraph do not. MinHash estimates the Jaccard similarity of
the sets of 5-word shingles; a query is compared with every stored signature at once (numpy),
or, in a large batch, through an LSH index of signature bands (see `NearDuplicateIndex`). Each
text's signature is kept between runs in a memo (`PickleMemo`, in the site's cache folder) by the
digest of the text.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

import numpy

from chronicle.archive.memo import SIGNATURES_FILE, PickleMemo
from chronicle.archive.store import ArticleStore, StoredRef

THRESHOLD = 0.8  # estimated Jaccard of shingle sets; syndicated copies score 0.85–1.0
NUM_PERM = 128
SHINGLE_WORDS = 5
MODES = ("link", "report", "add")
_DTYPE = numpy.uint32  # the scheme's values
# The LSH index's bands: BANDS runs of ROWS signature values, the split datasketch's
# `MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)` chooses (a test keeps them equal). Kept
# here: datasketch works them out with scipy, whose import took 0.5 s of a batch's main process,
# and it made a `MinHash` (0.25 ms) for every signature inserted and every query.
BANDS, ROWS = 9, 13
# From this many signatures to make (a first run over a large archive), worker processes make
# them, a slice of texts at a time.
PARALLEL_FROM, PARALLEL_SLICE = 1000, 2000

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    return {shingle.encode("utf-8") for shingle in _shingle_texts(text)}


def _shingle_texts(text: str) -> set[str]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    # perf: the words zipped with themselves, shifted: a third faster than slicing each run
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def minhash(text: str) -> numpy.ndarray:
    """The text's MinHash signature over its shingles: exactly datasketch's
    `MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")` after `update_batch`, a test keeps
    them equal. perf: computed here because importing datasketch loads scipy for its LSH
    classes (0.8 s, a third of adding one clipping to a 10,000-article archive); the LSH index
    is made here too (`BANDS`)."""
    sha1 = hashlib.sha1
    # perf: each digest's first four bytes joined and read as one array, not unpacked one by one
    head = b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in _shingle_texts(text)])
    if not head:
        return numpy.full(NUM_PERM, numpy.iinfo(_DTYPE).max, dtype=_DTYPE)
    a, b = _permutations()
    mixed = _fmix32(numpy.frombuffer(head, dtype="<u4").astype(_DTYPE)).reshape(-1, 1)
    values = mixed * a  # uint32 arithmetic wraps: modulo 2³², as intended
    values += b  # in place: one array fewer the size of shingles × permutations
    return values.min(axis=0)


@functools.cache
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """datasketch's affine permutations for seed 1: h → a·h + b mod 2³², a odd."""
    gen = numpy.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=_DTYPE) * _DTYPE(2) + _DTYPE(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=_DTYPE)
    return a, b


def _fmix32(values: numpy.ndarray) -> numpy.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch applies before permuting."""
    values = values ^ (values >> _DTYPE(16))
    values = values * _DTYPE(0x85EBCA6B)
    values = values ^ (values >> _DTYPE(13))
    values = values * _DTYPE(0xC2B2AE35)
    return values ^ (values >> _DTYPE(16))


class NearDuplicateIndex:
    """Articles' text by id; `similar(text)` lists stored ids at or above the threshold.

    perf: a text's MinHash takes 1.5 ms (10,000 stored articles: 15 s on every `chronicle add`),
    rebuilding it from its memoised signature 0.01 ms. Stored signatures are compared with one
    vectorised numpy pass per query (10,000 × 128 values: about 2 ms) for the first
    `BRUTE_FORCE_QUERIES` queries of a run; a run with more queries (a large batch) builds
    an LSH index once (a dictionary insert per band: about 0.1 s at 10,000) and queries it. Adding
    one clipping thus never pays for the LSH index. Both paths use the same estimate (the share of
    equal signature values); the direct comparison finds every stored text at or above the
    threshold, the LSH index almost every one.
    """

    BRUTE_FORCE_QUERIES = 32

    def __init__(
        self,
        items: Iterable[tuple[str, str]] = (),
        threshold: float = THRESHOLD,
        signatures: PickleMemo | None = None,
    ):
        self.threshold = threshold
        self.signatures = signatures if signatures is not None else PickleMemo(None)
        self._ids: list[str] = []
        self._rows: list[numpy.ndarray] = []
        self._position: dict[str, int] = {}  # id → its row
        self._matrix: numpy.ndarray | None = None  # `_rows` stacked, up to `_stacked` rows
        self._stacked = 0
        self._queries = 0
        self._lsh: list[dict[bytes, list[str]]] | None = None  # per band: its values → ids
        self.kept = 0  # texts added by a kept signature (`add_signatures`)
        self._last: tuple[str, numpy.ndarray] | None = None  # the last query and its signature
        # A datasketch release that changed how signatures are made must not meet signatures of
        # the old one: its version is part of each memoised signature's key. (Read once: it
        # parses the package's metadata.)
        self._key_prefix = f"{self.scheme}\n"
        for article_id, text in items:
            self.add(article_id, text)

    @property
    def scheme(self) -> str:
        """How signatures are made: a kept signature of another scheme is made again."""
        return _scheme()

    def add(self, article_id: str, text: str) -> None:
        if article_id not in self._position:
            self._append(article_id, self._signature(text))

    def add_signatures(self, kept: Iterable[tuple[str, bytes]]) -> None:
        """Add stored texts by their kept signatures (`signature_of`, same `scheme`). perf: one
        array for all of them (10,000 one by one: 0.1 s)."""
        fresh = {i: signature for i, signature in kept if i not in self._position}
        if not fresh:
            return
        joined = b"".join(fresh.values())
        rows = numpy.frombuffer(joined, dtype=_DTYPE).reshape(len(fresh), NUM_PERM)
        empty = not self._rows
        for article_id, row in zip(fresh, rows, strict=True):
            self._append(article_id, row)
        if empty and self._lsh is None:  # already stacked, as `_compare_all` would
            self._matrix, self._stacked = rows, len(fresh)
        self.kept += len(fresh)

    def add_signature(self, article_id: str, signature: bytes) -> None:
        """Add a stored text by its signature, made already (`minhash(text).tobytes()`)."""
        if article_id not in self._position:
            self._append(article_id, numpy.frombuffer(signature, dtype=_DTYPE))

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._position

    def signature_of(self, article_id: str) -> bytes:
        """The signature of the text added under `article_id`, to keep (`add_signatures`)."""
        return self._rows[self._position[article_id]].tobytes()

    def _append(self, article_id: str, row: numpy.ndarray) -> None:
        self._position[article_id] = len(self._ids)
        self._ids.append(article_id)
        self._rows.append(row)
        if self._lsh is not None:
            _insert(self._lsh, article_id, row)

    def _signature(self, text: str) -> numpy.ndarray:
        if self._last is not None and self._last[0] == text:
            return self._last[1]  # perf: a text asked about, then added (1.5 ms each)
        if self.kept:  # the catalogue keeps signatures: the memo would cost only its loading
            return minhash(text)
        key = hashlib.sha256((self._key_prefix + text).encode("utf-8", "surrogatepass")).hexdigest()
        kept = self.signatures.get(key)
        if isinstance(kept, bytes):
            return numpy.frombuffer(kept, dtype=_DTYPE)
        values = minhash(text)
        self.signatures.put(key, values.tobytes())
        return values

    def save_signatures(self) -> None:
        """Save the signature memo, which keeps only the signatures a run used: when every
        stored text's came through it (no catalogue yet), not when kept ones gave most."""
        if self.signatures.loaded and not self.kept:
            self.signatures.save()

    def similar(self, text: str, signature: bytes | None = None) -> list[tuple[str, float]]:
        """[(id, estimated similarity)], most similar first; `signature`: the text's, made
        already (`minhash(text).tobytes()`, in a worker)."""
        query = minhash(text) if signature is None else numpy.frombuffer(signature, dtype=_DTYPE)
        self._last = (text, query)
        self._queries += 1
        if self._lsh is None and self._queries > self.BRUTE_FORCE_QUERIES:
            self._build_lsh()
        if self._lsh is not None:
            candidates = dict.fromkeys(
                i
                for band, key in zip(self._lsh, _bands(query), strict=True)
                for i in band.get(key, ())
            )
            scored = [
                (i, float(numpy.mean(self._rows[self._position[i]] == query))) for i in candidates
            ]
        else:
            scored = self._compare_all(query)
        found = [(i, score) for i, score in scored if score >= self.threshold]
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))

    def _compare_all(self, query: numpy.ndarray) -> list[tuple[str, float]]:
        if not self._rows:
            return []
        if self._matrix is None or len(self._rows) - self._stacked > 256:
            self._matrix, self._stacked = numpy.vstack(self._rows), len(self._rows)
        parts = [self._matrix]
        if len(self._rows) > self._stacked:
            parts.append(numpy.vstack(self._rows[self._stacked :]))
        scores = numpy.concatenate([(part == query).mean(axis=1) for part in parts])
        return [
            (self._ids[n], float(scores[n])) for n in numpy.flatnonzero(scores >= self.threshold)
        ]

    def _build_lsh(self) -> None:
        self._lsh = [{} for _ in range(BANDS)]
        for article_id, row in zip(self._ids, self._rows, strict=True):
            _insert(self._lsh, article_id, row)


@functools.cache
def _scheme() -> str:
    return f"{version('datasketch')}:{NUM_PERM}:{SHINGLE_WORDS}"


def _bands(values: numpy.ndarray) -> list[bytes]:
    return [values[b * ROWS : (b + 1) * ROWS].tobytes() for b in range(BANDS)]


def _insert(lsh: list[dict[bytes, list[str]]], article_id: str, values: numpy.ndarray) -> None:
    for band, key in zip(lsh, _bands(values), strict=True):
        band.setdefault(key, []).append(article_id)


def stored_index(store: ArticleStore, jobs: int = 1) -> NearDuplicateIndex:
    """The index of every stored text, by the signatures kept in the store's catalogue
    (`archive/catalogue.py`); one is made (or taken from the signature memo) only for a text
    new or changed since, and kept there. With `jobs` > 1 and many to make (a first run), they
    are made in that many worker processes."""
    cache = store.cache
    index = NearDuplicateIndex(
        signatures=PickleMemo(None if cache is None else cache / SIGNATURES_FILE)
    )
    refs = store.refs()
    kept = store.catalogue.signatures(index.scheme)
    index.add_signatures((ref.id, kept[ref.id]) for ref in refs if ref.id in kept)
    ids: set[str] = set()
    # The first file of each id only (as the store's lookups by id).
    missing = [r for r in refs if r.id not in index and not (r.id in ids or ids.add(r.id))]
    label = "Signatures of the stored articles (once)"
    with progress_of(store, label, len(missing)) as advance:
        if jobs > 1 and len(missing) >= PARALLEL_FROM:
            for ref, signature in _made_in_workers(store, missing, jobs):
                index.add_signature(ref.id, signature)
                store.catalogue.keep_signature(ref.path, index.scheme, signature)
                advance()
            return index
        for ref in missing:
            # Not parsed again: a few changed files were parsed one by one, the others (a first
            # run) went through the article memo, or were read for their keys only.
            remember(store, index, ref.id, ref.path, store.body(ref.path))
            advance()
    return index


def _made_in_workers(
    store: ArticleStore, refs: list[StoredRef], jobs: int
) -> Iterator[tuple[StoredRef, bytes]]:
    """Each ref with its text's signature, made in `jobs` worker processes, in order; the texts
    are read here, a slice at a time (a slice's texts are in memory at once, not the
    archive's)."""
    from chronicle.ingest.workers import exit_with_parent

    with ProcessPoolExecutor(jobs, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        for start in range(0, len(refs), PARALLEL_SLICE):
            part = refs[start : start + PARALLEL_SLICE]
            texts = [store.body(ref.path) for ref in part]
            yield from zip(part, pool.map(_signature_bytes, texts, chunksize=32), strict=True)


def _signature_bytes(text: str) -> bytes:
    return minhash(text).tobytes()


@contextlib.contextmanager
def progress_of(store: ArticleStore, label: str, total: int) -> Iterator[Callable[[], None]]:
    """The store's progress bar (the command line's), or none."""
    if store.progress is None:
        yield lambda: None
        return
    with store.progress(label, total) as advance:
        yield advance


def remember(
    store: ArticleStore, index: NearDuplicateIndex, article_id: str, path: Path, text: str
) -> None:
    """Add a stored text to the index and keep its signature in the store's catalogue."""
    if article_id not in index:
        index.add(article_id, text)
        store.catalogue.keep_signature(path, index.scheme, index.signature_of(article_id))
