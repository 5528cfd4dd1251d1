"""Which token windows lie within a few differing steps of a reference set (Hamming distance), fast.

Evaluation should not score a test window that is a training window with a hit or a note moved: a model
that memorised training would look like it generalises. Comparing every test window with every training
window is quadratic (13k x 55k x 32 steps for 2-bar melodies), so candidates come from exact matches on
pieces of the sequence (multi-index hashing): cut the steps into `max_distance + k` contiguous blocks; two
sequences that differ in at most `max_distance` steps agree exactly on at least `k` whole blocks
(pigeonhole). So for each choice of `k` blocks, only pairs agreeing on all of them are compared, and each
candidate pair's full distance decides. k = 2 makes the keys long enough that a common block (a bar of
held notes, an empty hi-hat bar) does not make every pair a candidate; the answer is exact either way.
numpy only.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np

EXACT_BLOCKS = 2  # k above
CHUNK_ELEMENTS = 1 << 23  # candidate pairs x steps compared at once: bounds memory to ~tens of MB


def near_duplicates(reference: np.ndarray, queries: np.ndarray, max_distance: int = 2) -> np.ndarray:
    """Boolean [len(queries)]: True where some reference row differs from that query row in at most
    `max_distance` positions. Both arrays are [N, steps] of integer tokens with the same number of steps."""
    reference, queries = np.asarray(reference), np.asarray(queries)
    if reference.ndim != 2 or queries.ndim != 2 or reference.shape[1] != queries.shape[1]:
        raise ValueError(f"expected [N, steps] arrays of equal steps, got {reference.shape} and {queries.shape}")
    found = np.zeros(len(queries), dtype=bool)
    steps = reference.shape[1]
    if len(reference) == 0 or len(queries) == 0:
        return found
    if max_distance < 0:
        return found
    if max_distance >= steps:
        found[:] = True
        return found
    small = max(int(reference.max()), int(queries.max())) < 2**15 and min(int(reference.min()), int(queries.min())) >= -2**15
    dtype = np.int16 if small else np.int64
    reference, queries = reference.astype(dtype, copy=False), queries.astype(dtype, copy=False)
    exact = min(EXACT_BLOCKS, steps - max_distance)
    blocks = np.array_split(np.arange(steps), max_distance + exact)
    for chosen in combinations(range(len(blocks)), exact):
        todo = np.flatnonzero(~found)
        if len(todo) == 0:
            break
        columns = np.concatenate([blocks[b] for b in chosen])
        ref_keys, query_keys = _keys(reference[:, columns], queries[todo][:, columns])
        hits = _close_pairs(reference, queries, ref_keys, query_keys, todo, max_distance)
        found[hits] = True
    return found


def _keys(ref_part: np.ndarray, query_part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One integer per row: equal rows of the two arrays get equal integers."""
    both = np.ascontiguousarray(np.concatenate([ref_part, query_part]))
    rows = both.view(np.dtype((np.void, both.dtype.itemsize * both.shape[1]))).ravel()
    _, ids = np.unique(rows, return_inverse=True)
    ids = ids.ravel()
    return ids[:len(ref_part)], ids[len(ref_part):]


def _close_pairs(reference, queries, ref_keys, query_keys, todo, max_distance) -> np.ndarray:
    """Indices (into queries) of `todo` rows within max_distance of a reference row sharing their key."""
    order = np.argsort(ref_keys, kind="stable")
    sorted_keys = ref_keys[order]
    lo = np.searchsorted(sorted_keys, query_keys, side="left")
    counts = np.searchsorted(sorted_keys, query_keys, side="right") - lo
    has = np.flatnonzero(counts)
    found = []
    start = 0
    pairs_per_chunk = max(1, CHUNK_ELEMENTS // reference.shape[1])
    while start < len(has):
        # a run of queries whose candidates fit one chunk (at least one query per chunk)
        cumulative = np.cumsum(counts[has[start:]])
        stop = start + max(1, int(np.searchsorted(cumulative, pairs_per_chunk, side="right")))
        rows = has[start:stop]
        n = counts[rows]
        query_rows = np.repeat(rows, n)
        offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        ref_rows = order[np.repeat(lo[rows], n) + offsets]
        distance = (reference[ref_rows] != queries[todo[query_rows]]).sum(axis=1)
        found.append(np.unique(todo[query_rows[distance <= max_distance]]))
        start = stop
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
