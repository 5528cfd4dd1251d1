"""What the hardware can do, so each decode's achieved GFLOP/s can be read against it."""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import time

import numpy as np

BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


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


def matmul_gflops_one_thread() -> float | None:
    """The same rate on one thread, the ceiling for ONNX Runtime decoding on one: measured in a child
    process whose BLAS thread-count variables are 1 (a running BLAS cannot be narrowed portably)."""
    env = {**os.environ, **{name: "1" for name in BLAS_THREAD_VARIABLES}}
    done = subprocess.run([sys.executable, "-c", "from bench.hardware import matmul_gflops; print(matmul_gflops())"],
                          env=env, capture_output=True, text=True, timeout=300)
    return float(done.stdout.strip()) if done.returncode == 0 else None


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
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__}
