"""Near-duplicates: syndicated copies of one story, found with MinHash over word shingles.

Exact duplicates share a fingerprint (`normalize.fingerprint`); copies that differ by a
headline, a byline or a trimmed paragraph do not. MinHash estimates the Jaccard similarity of
the sets of 5-word shingles, and `datasketch`'s LSH index finds candidates in constant time per
query instead of comparing every pair. Each text's signature is kept between runs in a memo
(`PickleMemo`, in the site's cache folder) by the digest of the text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from chronicle.archive.memo import PickleMemo

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported where it is used: it pulls in scipy (about 1.5 s), which `chronicle add`
# worker processes, reading pages only, should not pay for.

THRESHOLD = 0.8  # estimated Jaccard of shingle sets; syndicated copies score 0.85–1.0
NUM_PERM = 128
SHINGLE_WORDS = 5
MODES = ("link", "report", "add")

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def minhash(text: str) -> MinHash:
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(shingles(text)))
    return m


class NearDuplicateIndex:
    """Articles' text by id; `similar(text)` lists stored ids at or above the threshold.

    perf: a text's MinHash takes 1.5 ms (10,000 stored articles: 15 s on every `chronicle add`),
    rebuilding it from its memoised signature 0.01 ms, inserting it into the LSH index 0.07 ms.
    """

    def __init__(
        self,
        items: Iterable[tuple[str, str]] = (),
        threshold: float = THRESHOLD,
        signatures: PickleMemo | None = None,
    ):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.signatures = signatures if signatures is not None else PickleMemo(None)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        self._blank: MinHash | None = None  # its permutations, shared by restored signatures
        for article_id, text in items:
            self.add(article_id, text)

    def add(self, article_id: str, text: str) -> None:
        if article_id in self._hashes:
            return
        m = self._signature(text)
        self._hashes[article_id] = m
        self._lsh.insert(article_id, m)

    def _signature(self, text: str) -> MinHash:
        import datasketch
        import numpy

        key = hashlib.sha256(
            f"{datasketch.__version__}:{NUM_PERM}:{SHINGLE_WORDS}\n{text}".encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
        kept = self.signatures.get(key)
        if isinstance(kept, bytes):
            if self._blank is None:
                self._blank = datasketch.MinHash(num_perm=NUM_PERM, seed=1)
            m = self._blank.copy()  # perf: its permutations, not made again
            m.hashvalues = numpy.frombuffer(kept, dtype=m.hashvalues.dtype)
            return m
        m = minhash(text)
        self.signatures.put(key, m.hashvalues.tobytes())
        return m

    def similar(self, text: str) -> list[tuple[str, float]]:
        """[(id, estimated similarity)], most similar first."""
        m = minhash(text)
        found = []
        for article_id in self._lsh.query(m):
            score = m.jaccard(self._hashes[article_id])
            if score >= self.threshold:
                found.append((article_id, score))
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))
