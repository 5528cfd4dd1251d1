"""Latent-space arithmetic for live control (docs/design.md, 'Latent math'), numpy only.

- slerp between two latents (spherical: a Gaussian prior's mass lies near a sphere, and a straight line
  between two samples cuts through the low-density middle);
- attribute arithmetic: z + sum(amount * attribute vector);
- coordinates: z from a few numbers in units of standard deviation along the data's principal directions;
- seeded prior sampling N(0, I) * temperature.
Every function returns a new float32 vector and leaves its inputs alone.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from contract.bundle import LatentStats

# Below this angle (radians) sin(omega) is too small to divide by: slerp and lerp agree to ~1e-12 there.
PARALLEL_EPS = 1e-4


def slerp(z1: np.ndarray, z2: np.ndarray, alpha: float) -> np.ndarray:
    """Spherical interpolation from z1 (alpha 0) to z2 (alpha 1), as Magenta's MusicVAE does it.

    The angle comes from the unit vectors and the weights apply to the vectors themselves, so the norm
    moves smoothly between the two ends. Nearly parallel vectors (or a zero vector) fall back to lerp,
    whose limit slerp is; nearly opposite ones also fall back to lerp (no unique great circle).
    """
    # Scalars in Python's math, vectors in numpy: this runs on every knob message.
    a = np.asarray(z1, dtype=np.float64)
    b = np.asarray(z2, dtype=np.float64)
    alpha = float(alpha)
    norm_a, norm_b = math.sqrt(a @ a), math.sqrt(b @ b)
    if norm_a == 0.0 or norm_b == 0.0:
        return _lerp(a, b, alpha)
    omega = math.acos(min(1.0, max(-1.0, float(a @ b) / (norm_a * norm_b))))
    if omega < PARALLEL_EPS or math.pi - omega < PARALLEL_EPS:
        return _lerp(a, b, alpha)
    sin = math.sin(omega)
    out = (math.sin((1.0 - alpha) * omega) / sin) * a + (math.sin(alpha * omega) / sin) * b
    return out.astype(np.float32)


def _lerp(a: np.ndarray, b: np.ndarray, alpha: float) -> np.ndarray:
    return ((1.0 - alpha) * a + alpha * b).astype(np.float32)


def apply_attributes(z: np.ndarray, amounts: Mapping[str, float], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """z + sum(amount * vector) over the named attributes (KeyError names an unknown attribute)."""
    out = np.array(z, dtype=np.float32, copy=True)
    for name, amount in amounts.items():
        if amount:
            out += np.float32(amount) * vectors[name]
    return out


def coordinates_to_z(coords: Sequence[float], stats: LatentStats) -> np.ndarray:
    """mean + sum(c_i * stddev_i * component_i) for the first len(coords) principal directions."""
    coords = np.asarray(coords, dtype=np.float64).reshape(-1)
    k = len(coords)
    if k > stats.num_coordinates:
        raise ValueError(f"{k} coordinates given, the bundle has {stats.num_coordinates} principal directions")
    offset = (coords * stats.stddevs[:k].astype(np.float64)) @ stats.components[:k].astype(np.float64)
    return (stats.mean.astype(np.float64) + offset).astype(np.float32)


def z_to_coordinates(z: np.ndarray, stats: LatentStats) -> np.ndarray:
    """The inverse view: z's projection on each principal direction, in stddevs (for display and tests)."""
    centered = np.asarray(z, dtype=np.float64) - stats.mean
    return (stats.components.astype(np.float64) @ centered / stats.stddevs).astype(np.float32)


def sample_prior(z_size: int, temperature: float = 1.0, seed: int = 0) -> np.ndarray:
    """A seeded draw from N(0, I) scaled by temperature (0 gives the prior's mode, the origin)."""
    draw = np.random.default_rng(seed).standard_normal(z_size)
    return (draw * float(temperature)).astype(np.float32)
