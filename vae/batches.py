"""Which training windows each step uses: a pure function of (seed, step), so resuming repeats nothing.

Each epoch is a fresh permutation seeded by (seed, epoch). Step s takes the s-th global batch of the
epoch; with DDP, rank r takes the r-th slice of that global batch, so ranks see distinct windows and
the world together sees what a single process with the same global batch would.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BatchPosition:
    epoch: int
    batch: int  # index of the batch within its epoch
    indices: np.ndarray  # window indices this rank trains on


class BatchSchedule:
    def __init__(self, num_windows: int, global_batch: int, seed: int, world_size: int = 1, rank: int = 0):
        if num_windows <= 0:
            raise ValueError("no training windows")
        # A batch larger than the data set would never complete an epoch: shrink it to the data.
        global_batch = min(global_batch, num_windows)
        self.per_rank = max(1, global_batch // world_size)
        self.global_batch = self.per_rank * world_size
        if self.global_batch > num_windows:
            raise ValueError(f"{num_windows} windows cannot feed {world_size} ranks a batch each")
        self.num_windows = num_windows
        self.batches_per_epoch = num_windows // self.global_batch
        self.seed, self.rank = seed, rank
        self._epoch, self._perm = -1, np.empty(0, dtype=np.int64)

    def position(self, step: int) -> BatchPosition:
        epoch, batch = divmod(step, self.batches_per_epoch)
        if epoch != self._epoch:
            self._epoch = epoch
            self._perm = np.random.default_rng([self.seed, epoch]).permutation(self.num_windows)
        start = batch * self.global_batch + self.rank * self.per_rank
        return BatchPosition(epoch, batch, np.sort(self._perm[start: start + self.per_rank]))
