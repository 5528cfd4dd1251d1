"""Latent arithmetic: slerp, attributes, principal coordinates, seeded prior samples (numpy only)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contract.bundle import LatentStats
from server.latent import apply_attributes, coordinates_to_z, sample_prior, slerp, z_to_coordinates

Z = 32


def _angle(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return np.arccos(np.clip(a @ b / np.linalg.norm(a) / np.linalg.norm(b), -1, 1))


def test_slerp_endpoints_and_midpoint():
    a, b = sample_prior(Z, 1.0, 1), sample_prior(Z, 1.0, 2)
    np.testing.assert_allclose(slerp(a, b, 0.0), a, atol=1e-6)
    np.testing.assert_allclose(slerp(a, b, 1.0), b, atol=1e-6)
    b = b / np.linalg.norm(b) * np.linalg.norm(a)
    mid = slerp(a, b, 0.5)
    assert _angle(a, mid) == pytest.approx(_angle(mid, b), abs=1e-5), "the midpoint halves the angle"


def test_slerp_keeps_the_norm_for_equal_norms():
    """Unlike lerp, slerp between two vectors of one norm stays on that sphere (no dip toward 0)."""
    a, b = sample_prior(Z, 1.0, 3), sample_prior(Z, 1.0, 4)
    b = b / np.linalg.norm(b) * np.linalg.norm(a)
    for alpha in np.linspace(0, 1, 11):
        assert np.linalg.norm(slerp(a, b, alpha)) == pytest.approx(np.linalg.norm(a), rel=1e-5)
    lerp_mid = 0.5 * (a + b)
    assert np.linalg.norm(lerp_mid) < np.linalg.norm(a) * 0.9


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1), st.floats(-1e-6, 1e-6), st.integers(0, 2**16))
def test_slerp_is_finite_and_continuous_for_nearly_parallel_vectors(alpha, eps, seed):
    a = sample_prior(Z, 1.0, seed)
    b = a * 1.5 + eps  # parallel up to eps
    out = slerp(a, b, alpha)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out, (1 - alpha) * a + alpha * b, rtol=1e-4, atol=1e-5)


def test_slerp_degenerate_inputs_stay_finite():
    a = sample_prior(Z, 1.0, 5)
    zero = np.zeros(Z, np.float32)
    for b in (zero, -a, a):
        for alpha in (0.0, 0.3, 1.0):
            assert np.isfinite(slerp(a, b, alpha)).all()
    np.testing.assert_allclose(slerp(zero, a, 0.25), 0.25 * a, atol=1e-6)


def test_slerp_angle_moves_linearly():
    a, b = sample_prior(Z, 1.0, 6), sample_prior(Z, 1.0, 7)
    b = b / np.linalg.norm(b) * np.linalg.norm(a)
    total = _angle(a, b)
    for alpha in (0.1, 0.4, 0.9):
        assert _angle(a, slerp(a, b, alpha)) == pytest.approx(alpha * total, abs=1e-5)


def test_attributes_add_scaled_vectors():
    z = sample_prior(Z, 1.0, 8)
    vectors = {"density": sample_prior(Z, 1.0, 9), "interval": sample_prior(Z, 1.0, 10)}
    out = apply_attributes(z, {"density": 2.0, "interval": -0.5}, vectors)
    np.testing.assert_allclose(out, z + 2.0 * vectors["density"] - 0.5 * vectors["interval"], atol=1e-5)
    np.testing.assert_array_equal(apply_attributes(z, {"density": 0.0}, vectors), z)
    assert out is not z and np.array_equal(z, sample_prior(Z, 1.0, 8)), "the input is left alone"
    with pytest.raises(KeyError):
        apply_attributes(z, {"unknown": 1.0}, vectors)


def _stats(k=4, seed=0):
    rng = np.random.default_rng(seed)
    components = np.linalg.qr(rng.normal(size=(Z, Z)))[0][:k].astype(np.float32)
    return LatentStats(rng.normal(size=Z).astype(np.float32), components, np.linspace(3, 0.5, k).astype(np.float32))


def test_coordinates_are_stddevs_along_principal_directions():
    stats = _stats()
    np.testing.assert_allclose(coordinates_to_z([], stats), stats.mean)
    z = coordinates_to_z([1.0], stats)
    np.testing.assert_allclose(z - stats.mean, stats.stddevs[0] * stats.components[0], atol=1e-6)
    coords = [0.5, -1.0, 2.0, 0.25]
    np.testing.assert_allclose(z_to_coordinates(coordinates_to_z(coords, stats), stats), coords, atol=1e-5)
    with pytest.raises(ValueError, match="principal directions"):
        coordinates_to_z([0.0] * 5, stats)


def test_prior_samples_are_seeded_and_scaled():
    np.testing.assert_array_equal(sample_prior(Z, 1.0, 3), sample_prior(Z, 1.0, 3))
    assert not np.array_equal(sample_prior(Z, 1.0, 3), sample_prior(Z, 1.0, 4))
    np.testing.assert_allclose(sample_prior(Z, 0.5, 3), 0.5 * sample_prior(Z, 1.0, 3), atol=1e-7)
    np.testing.assert_array_equal(sample_prior(Z, 0.0, 3), np.zeros(Z))
    big = np.stack([sample_prior(Z, 1.0, s) for s in range(300)])
    assert abs(big.mean()) < 0.05 and abs(big.std() - 1.0) < 0.05, "N(0, I)"
    assert sample_prior(Z).dtype == np.float32
