"""py3langid's automaton walked over a whole text at once (numpy), with the same counts.

py3langid counts its features by walking a DFA one byte at a time in Python: about 0.75 ms for
the 4,000-character sample `language.py` classifies, the largest single cost of reading a
Markdown post. The DFA is an Aho-Corasick automaton over byte n-grams: the state after any text
is the longest suffix of that text that is a node of the automaton's trie, so it depends only
on the text's last `depth` bytes (the trie's depth, 6 for py3langid 0.4's model). Walking every
position's last `depth` bytes from the start state, all positions at once, therefore gives each
position the state the byte-by-byte walk reaches there; `depth` gathers over the text instead
of one Python step per byte (about 0.05 ms).

That property is checked on the model, not assumed (`trie_depth`): level by level from the start
state, every transition must either go to a child, each state having exactly one parent, or
agree with the transition from the state's failure state, as an Aho-Corasick automaton's do. A
model that fails the check gets `None` and is walked byte by byte, as py3langid does. The check
takes about a second and runs once a model: its answer is kept in the model's manifest
(language_model.py).
"""

from __future__ import annotations

from typing import Any

import numpy

_BYTES = numpy.arange(256, dtype=numpy.int64)
_CHUNK = 4096  # states a step: 4096 × 256 transitions, 8 MB of indexes
_NEVER = numpy.iinfo(numpy.int64).max


def trie_depth(nextmove: Any, rowbase: numpy.ndarray) -> int | None:
    """The depth of the automaton's trie when `nextmove` (rows at `rowbase`, a state's row
    offset already shifted by 8) is an Aho-Corasick automaton from state 0; else None."""
    nextmove = numpy.asarray(nextmove)
    states = len(rowbase)
    depth = numpy.full(states, -1, dtype=numpy.int64)
    fail = numpy.zeros(states, dtype=numpy.int64)
    parents = numpy.zeros(states, dtype=numpy.int64)
    depth[0] = 0
    level, d = numpy.zeros(1, dtype=numpy.int64), 0
    while len(level):
        found = []
        for start in range(0, len(level), _CHUNK):
            block = level[start : start + _CHUNK]
            moves = nextmove[rowbase[block][:, None] + _BYTES].astype(numpy.int64)
            fresh = depth[moves] < 0
            depth[moves[fresh]] = d + 1
            child = depth[moves] == d + 1
            if d == 0:  # the root's failure is itself: every other move returns to it
                if (moves[~child] != 0).any():
                    return None
            else:
                failed = nextmove[rowbase[fail[block]][:, None] + _BYTES].astype(numpy.int64)
                if (moves[~child] != failed[~child]).any():
                    return None
                fail[moves[child]] = failed[child]
            parents += numpy.bincount(moves[child], minlength=states)
            found.append(numpy.unique(moves[child]))
        level = numpy.unique(numpy.concatenate(found)) if found else level[:0]
        d += 1 if len(level) else 0
    reached = depth >= 0
    if (parents[reached][1:] != 1).any() or parents[0] != 0:
        return None
    return int(depth.max())


class FeatureWalk:
    """The features a text holds, in order of first occurrence, and how often each occurs (as
    float32): what py3langid's `visit_counts` gives as a Counter from its byte-by-byte walk,
    and its `_sparse_score` reads as those two arrays (None when the text holds none).

    The automaton: `nextmove`, each state's row at `rowbase` (its offset, shifted by 8), each
    state's feature in `output` (-1 for none), and its trie's `depth` (`trie_depth`). Not for
    two threads at once: two arrays a feature long are kept between texts (perf:
    made for each text, they cost more than the walk), and only their touched entries reset."""

    def __init__(
        self, nextmove: numpy.ndarray, rowbase: numpy.ndarray, output: numpy.ndarray, depth: int
    ) -> None:
        self.nextmove, self.rowbase, self.output, self.depth = nextmove, rowbase, output, depth
        features = int(output.max(initial=-1)) + 1
        self.first = numpy.full(features, _NEVER, dtype=numpy.int64)
        self.times = numpy.zeros(features, dtype=numpy.int64)

    def __call__(self, data: bytes) -> tuple[numpy.ndarray, numpy.ndarray] | None:
        text = numpy.frombuffer(data, dtype=numpy.uint8).astype(numpy.int64)
        size = len(text)
        state = numpy.zeros(size, dtype=numpy.int64)
        for back in range(self.depth - 1, -1, -1):
            # every position i reads byte i - back; those before the text's start stay at 0
            if back < size:
                state[back:] = self.nextmove[self.rowbase[state[back:]] + text[: size - back]]
        features = self.output[state]
        features = features[features >= 0]
        if not len(features):
            return None
        # Each feature's first position: the order the Counter keeps, which fixes the order of
        # the float32 sum, so the scores' last bits.
        where = numpy.arange(len(features))
        numpy.minimum.at(self.first, features, where)
        numpy.add.at(self.times, features, 1)
        found = features[self.first[features] == where]
        counts = self.times[found].astype(numpy.float32)
        self.first[found] = _NEVER
        self.times[found] = 0
        return found.astype(numpy.intp), counts


class WideRows:
    """The rows of py3langid's float16 weight table as float32, each converted the first time
    a text asks for it. perf: py3langid multiplies the counts by the float16 rows it gathers,
    and numpy converts those 150,000 or so half-precision values again for every text (0.2 ms
    of a guess); the conversion is exact, and numpy multiplies the float32 values it makes with
    the same routine, so the scores are the same to the bit. Rows never asked for are never
    converted, nor their memory touched (about 4 MB for one article, at most 57 MB)."""

    def __init__(self, table: numpy.ndarray) -> None:
        self.table = table
        self.wide = numpy.empty(table.shape, dtype=numpy.float32)
        self.done = numpy.zeros(len(table), dtype=bool)

    def __call__(self, rows: numpy.ndarray) -> numpy.ndarray:
        new = rows[~self.done[rows]]
        if len(new):
            self.wide[new] = self.table[new]
            self.done[new] = True
        return self.wide[rows]
