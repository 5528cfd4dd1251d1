"""Attribute measures and the latent statistics a bundle ships (numpy only, hand-built inputs)."""
import numpy as np
import pytest

from contract.codec import CODECS, Note
from export.latent_stats import attribute_vectors, principal_coordinates
from vae.attributes import avg_interval, c_diatonic, measure_all, note_density, syncopation_8th, syncopation_16th


def melody(*notes, steps=32):
    return CODECS["melody"].encode([Note(start=s, pitch=p, velocity=v, duration=d) for p, v, s, d in notes],
                                   steps)[None, :]


def test_c_diatonic_counts_pitch_classes_of_c_major():
    tokens = melody((60, 100, 0, 1), (61, 100, 1, 1), (62, 100, 2, 1), (66, 100, 3, 1))
    assert c_diatonic(tokens)[0] == pytest.approx(0.5)


def test_density_and_interval():
    tokens = melody((60, 100, 0, 1), (67, 100, 1, 1), (64, 100, 2, 1))
    assert note_density(tokens, "melody")[0] == pytest.approx(3 / 32)
    assert avg_interval(tokens)[0] == pytest.approx((7 + 3) / 2)


def test_syncopation_positions():
    # onsets at steps 0 (downbeat), 1 (16th off-beat), 2 (8th off-beat), 3 (16th off-beat)
    tokens = melody((60, 100, 0, .25), (62, 100, .25, .25), (64, 100, .5, .25), (65, 100, .75, .25))
    assert syncopation_16th(tokens, "melody")[0] == pytest.approx(0.5)
    assert syncopation_8th(tokens, "melody")[0] == pytest.approx(0.25)


def test_empty_window_measures_zero_not_nan():
    values = measure_all(np.zeros((1, 32), dtype=np.int64), "melody")
    assert all(np.isfinite(v).all() and v[0] == 0 for v in values.values())


def test_drums_have_no_pitch_attributes_but_the_balance_of_the_kit():
    drums = CODECS["drums"].encode([Note(start=0, pitch=36), Note(start=.25, pitch=42)], 32)[None, :]
    values = measure_all(drums, "drums")
    assert set(values) == {"note_density", "syncopation_16th", "syncopation_8th", "kick", "snare", "hihats",
                           "toms", "cymbals"}
    assert values["syncopation_16th"][0] == pytest.approx(0.5)
    # one kick and one closed hi-hat: each half of the hits
    assert values["kick"][0] == pytest.approx(0.5) and values["hihats"][0] == pytest.approx(0.5)
    assert values["snare"][0] == 0 and values["toms"][0] == 0 and values["cymbals"][0] == 0


def test_principal_coordinates_recover_the_dominant_direction():
    rng = np.random.default_rng(0)
    direction = np.zeros(8)
    direction[3] = 1.0
    mu = rng.normal(size=(2000, 1)) * 5.0 * direction + rng.normal(size=(2000, 8)) * 0.1 + 2.0
    coords = principal_coordinates(mu, k=4)
    assert abs(coords.components[0] @ direction) > 0.99
    assert coords.stddevs[0] == pytest.approx(5.0, rel=0.1)
    assert np.allclose(np.linalg.norm(coords.components, axis=1), 1, atol=1e-5)
    assert np.allclose(coords.mean, 2.0, atol=0.3)


def test_attribute_vector_points_from_sparse_to_dense_windows():
    rng = np.random.default_rng(1)
    dense = np.array([[2 + 40] * 32])  # a note-on every step
    sparse = melody((60, 100, 0, 8))
    tokens = np.concatenate([np.repeat(dense, 50, 0), np.repeat(sparse, 50, 0)])
    z_dir = rng.normal(size=16)
    mu = np.where(np.arange(100)[:, None] < 50, z_dir, -z_dir) + rng.normal(size=(100, 16)) * 0.01
    vectors, info = attribute_vectors(mu, tokens, "melody")
    assert np.allclose(vectors["note_density"], 2 * z_dir, atol=0.05)
    assert info["note_density"]["n_top"] == 50
