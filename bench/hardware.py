"""What the hardware can do, so each decode's achieved GFLOP/s can be read against it."""
from __future__ import annotations

import platform
import time

import numpy as np


def matmul_gflops(n: int = 1024, repeats: int = 10) -> float:
    """Measured float32 n x n matrix-multiply rate (GFLOP/s), best of `repeats`."""
    rng = np.random.default_rng(0)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    a @ b  # warm-up: BLAS thread pool start
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2.0 * n ** 3 / best / 1e9


def matvec_gflops(n: int = 1024, repeats: int = 200) -> float:
    """Measured float32 matrix-vector rate: the memory-bound regime a batch-1 LSTM step lives in."""
    rng = np.random.default_rng(0)
    a = rng.random((n, 4 * n), dtype=np.float32)
    x = rng.random((1, n), dtype=np.float32)
    x @ a
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        x @ a
        best = min(best, time.perf_counter() - start)
    return 2.0 * n * 4 * n / best / 1e9


def describe() -> dict:
    import os

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__}
