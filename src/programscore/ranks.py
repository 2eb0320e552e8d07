"""The ranks of every programme in every weight sample, and what the sensitivity report takes from them.

A programme's rank in a sample is 1 + the number of programmes that score more, + the number of
earlier programmes (in the ranking's order) that score exactly the same: the order of a stable sort
of the scores, best first. Each sample's order comes from one sort of 64-bit keys (the score's bits,
best first, with the programme's position in the lowest bits), which is exact: where two keys agree
once the position's bits are dropped, those programmes are put in order by their full scores.

The report needs, per programme, how often it holds each of the first K places (counted for every
programme), and the 5th, 50th and 95th percentiles of its rank (the ranks of every sample, kept for
``tracked`` programmes, the first in the ranking, and sorted once at the end).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np

LEVELS = (0.05, 0.5, 0.95)
HIGH_BIT = np.uint64(1 << 63)
EVERY_BIT = np.uint64(0xFFFF_FFFF_FFFF_FFFF)


def position_bits(n: int) -> int:
    return max(1, int(n - 1).bit_length())


def descending_order(
    scores: np.ndarray, buffers: tuple[np.ndarray, np.ndarray] | None = None, threads: bool = True
) -> np.ndarray:
    """(samples, n) programme positions, each row from the highest score to the lowest, equal scores in
    position order and NaN last: exactly ``np.argsort(-scores, axis=1, kind="stable")``. ``buffers``:
    two uint64 arrays of at least the size of ``scores`` to work in (the result is a view of the first)."""
    scores = np.ascontiguousarray(scores, dtype=np.float64)
    n = scores.shape[1]
    bits = position_bits(n)
    low = np.uint64((1 << bits) - 1)
    if buffers is None:
        buffers = (np.empty(scores.shape, dtype=np.uint64), np.empty(scores.shape, dtype=np.uint64))
    u = buffers[0].reshape(-1)[: scores.size].reshape(scores.shape)
    spare = buffers[1].reshape(-1)[: scores.size].reshape(scores.shape)
    least = scores.min() if scores.size else 0.0
    if least > 0 or (least == 0 and not np.signbit(scores).any()):
        # non-negative numbers (no -0.0, no NaN): their bits are in order; inverted, best first
        np.bitwise_or(scores.view(np.uint64), low, out=u)
        np.invert(u, out=u)
    else:  # flip every bit of a negative number, the sign bit of the others
        np.add(scores, 0.0, out=u.view(np.float64))  # -0.0 becomes 0.0 (they are equal)
        np.right_shift(u.view(np.int64), np.int64(63), out=spare.view(np.int64))
        spare |= HIGH_BIT
        u ^= spare
        np.invert(u, out=u)  # best first
        u[np.isnan(scores)] = EVERY_BIT  # last, in position order
        u &= ~low
    u |= np.arange(n, dtype=np.uint64)[None, :]
    if threads:
        sort_rows(u)
    else:  # already on one of the pool's threads
        u.sort(axis=1)
    np.right_shift(u, np.uint64(bits), out=spare)
    same = np.flatnonzero(spare[:, 1:] == spare[:, :-1])  # in (samples, n - 1) coordinates
    if len(same):
        _settle(u, same, scores, low)
    u &= low
    return u.view(np.int64)


@cache
def _pool() -> tuple[ThreadPoolExecutor, int] | None:
    workers = min(4, len(os.sched_getaffinity(0)))
    return (ThreadPoolExecutor(workers), workers) if workers > 1 else None


os.register_at_fork(after_in_child=_pool.cache_clear)  # a forked child has none of the pool's threads


def sort_rows(keys: np.ndarray, least: int = 1 << 20) -> None:
    """Sort each row of ``keys`` in place, blocks of rows on the processors the process may use (numpy
    sorts without holding the interpreter's lock); each row's sort is the same whoever does it."""
    found = _pool()
    if found is None or keys.size < least or len(keys) < 2:
        keys.sort(axis=1)
        return
    pool, workers = found
    parts = np.array_split(np.arange(len(keys)), workers)
    list(pool.map(lambda rows: keys[rows[0] : rows[-1] + 1].sort(axis=1), [p for p in parts if len(p)]))


def _settle(keys: np.ndarray, same: np.ndarray, scores: np.ndarray, low: np.uint64) -> None:
    """Put the runs of keys that agree above the position bits in order by full score (best first),
    then position: the only places where the sorted keys may differ from a stable sort of the scores.
    ``same``: the flat indices, in (samples, n - 1), of the keys the next key of the row agrees with.
    A run of equal scores (programmes with the same values) is in position order already."""
    n = keys.shape[1]
    pairs = same // (n - 1) * n + same % (n - 1)  # the key at pairs + 1 agrees with the key at pairs
    at = np.union1d(pairs, pairs + 1)  # every key of a run, in order
    starts = ~np.isin(at - 1, pairs)
    flat = keys.reshape(-1)
    who = (flat[at] & low).astype(np.intp)
    value = scores.reshape(-1)[at // n * n + who]
    value = np.where(np.isnan(value), np.inf, -value)  # NaN last, as the stable sort puts it
    first = np.maximum.accumulate(np.where(starts, np.arange(len(at)), 0))
    group = np.cumsum(starts)
    mixed = np.zeros(group[-1] + 1, dtype=bool)
    mixed[group[value != value[first]]] = True
    keep = mixed[group]
    if not keep.any():
        return
    at, who, value, group = at[keep], who[keep], value[keep], group[keep]
    flat[at] = flat[at][np.lexsort((who, value, group))]


def quantile_positions(samples: int, histogram: bool) -> list[int]:
    """For each of LEVELS, which of a programme's ``samples`` ranks (1 = the smallest) is its quantile.

    ``histogram``: the nearest rank (the first rank at which the cumulative share reaches the level,
    less 1e-12), as the report has always computed for up to HISTOGRAM_LIMIT programmes; otherwise
    ``np.quantile(..., method="inverted_cdf")``, as for more.
    """
    if histogram:
        counts = np.arange(samples + 1)
        return [int(np.argmax(~(counts / samples < level - 1e-12))) for level in LEVELS]
    picked = np.quantile(np.arange(samples), LEVELS, method="inverted_cdf")
    return [int(p) + 1 for p in picked]


class _Scratch:
    """The working arrays of one thread: the sort's two key buffers and one piece's ranks."""

    buffers: tuple[np.ndarray, np.ndarray] | None = None
    ranks: np.ndarray | None = None


class RankTally:
    """Counts of the first ``top`` places of every programme and the ranks of the first ``tracked``
    programmes, sample chunk by chunk."""

    def __init__(self, n: int, samples: int, top: int, tracked: int) -> None:
        self.n, self.samples, self.top, self.tracked = n, samples, top, tracked
        self.places = np.zeros((top, n), dtype=np.int64)  # [place, programme]
        self.ranks = np.empty((tracked, samples), dtype=np.uint16 if n < 1 << 16 else np.uint32)
        self.done = 0
        self._places = np.arange(1, n + 1, dtype=self.ranks.dtype)
        self._scratch: dict[int, _Scratch] = {}  # one per thread at work

    def add(self, scores: np.ndarray) -> None:
        """Rank a chunk of samples: pieces of it on the processors the process may use, each piece's
        samples ranked exactly as alone (its own buffers; the counts are summed, the kept ranks of
        different samples are different columns)."""
        step = max(1, min(500, 4_000_000 // max(self.n, 1)))  # the sort's keys stay near 32 MB
        starts = list(range(0, len(scores), step))
        found = _pool()
        if found is None or len(starts) < 2 or self.n * step < 1 << 20:
            for start in starts:
                self.places += self._add(scores[start : start + step], self.done + start, 0, threads=True)
        else:
            pool, workers = found

            def run(worker: int) -> np.ndarray:
                counts = np.zeros_like(self.places)
                for start in starts[worker::workers]:
                    counts += self._add(scores[start : start + step], self.done + start, worker, threads=False)
                return counts

            for counts in pool.map(run, range(min(workers, len(starts)))):
                self.places += counts
        self.done += len(scores)

    def _add(self, scores: np.ndarray, at: int, worker: int, threads: bool) -> np.ndarray:
        """Rank the samples ``scores`` (kept ranks from column ``at``): their counts of the first places."""
        size, n = scores.shape
        scratch = self._scratch.setdefault(worker, _Scratch())
        if scratch.buffers is None or size * n > scratch.buffers[0].size:
            scratch.buffers = (np.empty((size, n), dtype=np.uint64), np.empty((size, n), dtype=np.uint64))
        if scratch.ranks is None or size > len(scratch.ranks):
            scratch.ranks = np.empty((size, n), dtype=self.ranks.dtype)
        order = descending_order(scores, scratch.buffers, threads=threads)
        ahead = order[:, : self.top]
        counts = np.bincount((np.arange(self.top)[None, :] * n + ahead).ravel(), minlength=self.top * n)
        ranks = scratch.ranks[:size]
        for row in range(size):  # one scatter per sample: within one row, so fast
            ranks[row, order[row]] = self._places
        self.ranks[:, at : at + size] = ranks[:, : self.tracked].T  # a programme's ranks a row
        return counts.reshape(self.top, n)

    def quantiles(self, histogram: bool, block: int = 1_000) -> np.ndarray:
        """(tracked, len(LEVELS)) rank percentiles: the kept ranks sorted, a block of programmes at a time."""
        picks = [p - 1 for p in quantile_positions(self.samples, histogram)]
        found = np.empty((self.tracked, len(LEVELS)), dtype=np.int64)
        for start in range(0, self.tracked, block):
            part = self.ranks[start : start + block].astype(np.int32)
            sort_rows(part)
            found[start : start + block] = part[:, picks]
        return found
