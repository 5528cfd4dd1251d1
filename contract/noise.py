"""The decoder graph's noise: Gumbel-max sampling reads one uniform u per step and class (the `uniform`
input), drawn by the caller so that a seed gives the same notes on every provider and machine.
"""
from __future__ import annotations

import numpy as np

# u is clipped into the open interval so that log(-log u) stays finite: then T·G is exactly 0 at T = 0.
# The decoder graph applies the same clip to whatever it is fed.
NOISE_MIN, NOISE_MAX = 1e-7, 1 - 1e-7
ARGMAX_NOISE = 0.5  # any u in (0, 1) serves at temperature 0; 0.5 makes the Gumbel term a constant


def fill_noise(out: np.ndarray, seed: int) -> np.ndarray:
    """Fill float32 `out` with default_rng(seed).random, clipped into (0, 1); returns `out`."""
    np.random.default_rng(seed).random(dtype=np.float32, out=out)
    np.clip(out, NOISE_MIN, NOISE_MAX, out=out)
    return out


def uniform_noise(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """A fresh float32 array of the seeded, clipped noise."""
    return fill_noise(np.empty(shape, dtype=np.float32), seed)


def argmax_noise(shape: tuple[int, ...]) -> np.ndarray:
    """Noise for a temperature-0 decode, where the graph ignores it."""
    return np.full(shape, ARGMAX_NOISE, dtype=np.float32)
