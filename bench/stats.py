"""Timing helpers: run a callable after warm-up and summarise its latency distribution."""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Callable

import numpy as np


@dataclass
class Latency:
    runs: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    min_ms: float

    @classmethod
    def from_seconds(cls, samples: list[float] | np.ndarray) -> "Latency":
        ms = np.asarray(samples, dtype=np.float64) * 1e3
        p50, p95, p99 = np.percentile(ms, [50, 95, 99])
        return cls(len(ms), float(p50), float(p95), float(p99), float(ms.mean()), float(ms.min()))

    def as_dict(self) -> dict:
        return asdict(self)


def time_calls(fn: Callable[[], object], runs: int = 200, warmup: int = 20, interval: float = 0.0) -> Latency:
    """Latency of `runs` calls after `warmup`; back to back, or one call every `interval` seconds (the
    cadence a knob sends at, where caches go cold between calls)."""
    for _ in range(warmup):
        fn()
    samples = np.empty(runs)
    due = time.perf_counter()
    for i in range(runs):
        if interval:
            due += interval
            time.sleep(max(0.0, due - time.perf_counter()))
        start = time.perf_counter()
        fn()
        samples[i] = time.perf_counter() - start
    return Latency.from_seconds(samples)
