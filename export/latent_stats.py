"""What a bundle says about its latent space: attribute vectors and principal coordinates (numpy only).

Both are computed from the posterior means (mu) of real windows, so they describe where the data lives in
z, not the prior: a knob that moves along a principal direction stays among plausible melodies.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vae.attributes import measure_all

NUM_COORDINATES = 16


@dataclass
class LatentCoordinates:
    mean: np.ndarray  # [z]
    components: np.ndarray  # [k, z], unit rows, by decreasing variance
    stddevs: np.ndarray  # [k]

    def as_dict(self) -> dict:
        return {
            "mean": _floats(self.mean),
            "components": [_floats(row) for row in self.components],
            "stddevs": _floats(self.stddevs),
        }


def principal_coordinates(mu: np.ndarray, k: int = NUM_COORDINATES) -> LatentCoordinates:
    """Mean of the latents and their top-k principal directions with standard deviations."""
    mu = np.asarray(mu, dtype=np.float64)
    mean = mu.mean(axis=0)
    centered = mu - mean
    # SVD of the centred data: right singular vectors are the principal directions.
    _, singular, vt = np.linalg.svd(centered, full_matrices=False)
    k = min(k, vt.shape[0])
    stddevs = singular[:k] / np.sqrt(max(len(mu) - 1, 1))
    return LatentCoordinates(mean.astype(np.float32), vt[:k].astype(np.float32), stddevs.astype(np.float32))


def attribute_vectors(mu: np.ndarray, tokens: np.ndarray, codec: str) -> tuple[dict[str, np.ndarray], dict]:
    """For each attribute: mean mu of the windows in its top quartile minus that of its bottom quartile.

    Returns the vectors and, per attribute, the quartile thresholds and group sizes (for the manifest).
    """
    vectors: dict[str, np.ndarray] = {}
    info: dict[str, dict] = {}
    for name, values in measure_all(tokens, codec).items():
        low, high = np.quantile(values, [0.25, 0.75])
        top, bottom = values >= high, values <= low
        if high <= low or not top.any() or not bottom.any():
            continue  # a constant attribute (e.g. all-diatonic data) has no direction to offer
        vectors[name] = (mu[top].mean(axis=0) - mu[bottom].mean(axis=0)).astype(np.float32)
        info[name] = {"bottom_quartile": float(low), "top_quartile": float(high),
                      "n_top": int(top.sum()), "n_bottom": int(bottom.sum())}
    return vectors, info


def _floats(values: np.ndarray) -> list[float]:
    return [round(float(v), 7) for v in np.asarray(values).reshape(-1)]
