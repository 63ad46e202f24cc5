"""py3langid's model, kept decompressed in the user's cache folder and mapped, not read.

py3langid ships its model as an LZMA-compressed NumPy archive and decompresses all 68 MB of it
in every process that guesses a language (0.5–0.8 s, and a 68 MB temporary file): a third of
adding one clipping to an archive. Here it is decompressed once into
`$XDG_CACHE_HOME/chronicle/` (else `~/.cache/chronicle/`), one `.npy` file an array, written
into a temporary folder renamed into place (so never seen half-written), named after
py3langid's version and the compressed model's SHA-256 (a new model is a new folder), and each
file's size checked against the manifest written with them. The large arrays are mapped from
there (`numpy.load(mmap_mode="r")`): a guess reads only the pages it touches (about 0.01 s).

Anything unexpected (no cache folder, a full disk, another py3langid) falls back to py3langid's
own loading: slower, never a different answer (a test compares them).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import lzma
import os
import shutil
import tempfile
import threading
from importlib.metadata import version
from pathlib import Path
from typing import Any

from chronicle.text import language_walk

MANIFEST = "manifest.json"
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
MAPPED = ("ptc", "nextmove")  # the two large ones: 28 MB and 39 MB


def cache_root() -> Path | None:
    """Chronicle's folder in the user's cache (XDG), None when there is no home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory known
            return None
    return Path(base) / "chronicle"


@functools.cache
def identifier() -> Any:
    """py3langid's `LanguageIdentifier` from the decompressed copy (made if missing), or None
    when that is not possible: the caller then uses py3langid's own."""
    try:
        import py3langid.langid as langid

        source = Path(langid.MODEL_DIR) / langid.MODEL_FILE
        root = cache_root()
        if root is None or not source.is_file():
            return None
        folder = root / _folder_name(source)
        if not _complete(folder):
            _decompress(source, folder)
        return _load(folder, langid)
    except Exception:  # a cache is never worth a failed add: py3langid's own loading instead
        return None


def classify(text: str) -> str:
    """The language py3langid assigns to `text` (its ISO 639-1 code)."""
    found = identifier()
    if found is None:
        import py3langid

        return py3langid.classify(text)[0]
    return found.classify(text)[0]


def _folder_name(source: Path) -> str:
    """py3langid's version and the compressed model's SHA-256 (4.6 MB, 0.01 s to hash)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:32]
    return f"py3langid-{version('py3langid')}-{digest}"


def _complete(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return all((folder / f"{name}.npy").stat().st_size == manifest[name] for name in ARRAYS)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _decompress(source: Path, folder: Path) -> None:
    """The model's arrays as `.npy` files in `folder`, made in a temporary folder beside it
    and renamed into place; a run that loses the race keeps the other's."""
    import numpy

    folder.parent.mkdir(parents=True, exist_ok=True)
    # The temporary folder first: a cache that cannot be written costs no decompression.
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        data = lzma.decompress(source.read_bytes())
        sizes = {}
        with numpy.load(io.BytesIO(data), allow_pickle=False) as arrays:
            for name in ARRAYS:
                path = tmp / f"{name}.npy"
                numpy.save(path, arrays[name], allow_pickle=False)
                sizes[name] = path.stat().st_size
        (tmp / MANIFEST).write_text(json.dumps(sizes), encoding="utf-8")
        if folder.exists() and not _complete(folder):  # damaged: a mapped file stays readable
            shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):  # another process renamed its copy first
            os.rename(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load(folder: Path, langid: Any) -> Any:
    import numpy

    def array(name: str) -> Any:
        mode = "r" if name in MAPPED else None
        # perf: a plain array over the mapped memory: `numpy.memmap`'s own indexing (a Python
        # method on every lookup) was a fifth of a guess
        return numpy.asarray(numpy.load(folder / f"{name}.npy", mmap_mode=mode, allow_pickle=False))

    # The DFA's tables are indexed one byte of text at a time: a memoryview gives Python ints
    # as fast as py3langid's own `array`, without copying the 39 MB table.
    nextmove, rows, output = array("nextmove"), array("nextmove_row"), array("out_feat")
    args = (array("ptc"), array("pc"), array("classes").tolist(), memoryview(nextmove))
    depth = _trie_depth(folder, nextmove, rows.astype(numpy.int64) << 8)
    if depth is None:
        return langid.LanguageIdentifier(*args, output.tolist(), tk_row=rows.tolist())
    walk = language_walk.FeatureWalk(
        nextmove, rows.astype(numpy.int64) << 8, output.astype(numpy.int64), depth
    )
    found = _walked(langid)(*args, output.tolist(), tk_row=rows.tolist())
    found.walk = walk
    found.wide = language_walk.WideRows(found.nb_ptc)
    found.lock = threading.Lock()
    return found


def _trie_depth(folder: Path, nextmove: Any, rowbase: Any) -> int | None:
    """The model's trie depth (language_walk.py), from the manifest, else worked out (about a
    second, once a model) and written into it; None when the walk must go byte by byte."""
    path = folder / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if "depth" not in manifest:
        manifest["depth"] = language_walk.trie_depth(nextmove, rowbase)
        with contextlib.suppress(OSError):  # not kept: worked out again by the next process
            tmp = folder / f".{MANIFEST}.{os.getpid()}"
            tmp.write_text(json.dumps(manifest), encoding="utf-8")
            os.replace(tmp, path)
    depth = manifest["depth"]
    return depth if isinstance(depth, int) and depth > 0 else None


@functools.cache
def _walked(langid: Any) -> type:
    """py3langid's identifier, counting its features with `language_walk` (same counts, in the
    same order) and weighing them with float32 rows (`WideRows`): the same scores to the bit."""
    import numpy

    class Walked(langid.LanguageIdentifier):  # type: ignore[misc, name-defined]
        __slots__ = ("lock", "walk", "wide")

        def _raw_score(self, text: bytes) -> Any:
            with self.lock:  # the walk and the rows keep arrays between texts
                found = self.walk(text)
                if found is None or self.nb_ptc is not self.wide.table:
                    return super()._raw_score(text)  # no feature, or other weights: py3langid's
                # py3langid's `_sparse_score`, with the weights' rows already made float32
                features, counts = found
                return numpy.log1p(counts) @ self.wide(features) + self.nb_pc

    return Walked
