"""The live engine on the real exported tiny bundle: checks at load, encode, seeded decode, batch decode."""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys

import numpy as np
import pytest

from contract.bundle import BundleError, load_bundle
from server.model_dir import resolve_model_dir
from server.bound_decoder import BoundDecoder
from contract.noise import NOISE_MAX, NOISE_MIN, fill_noise
from server.engine import Engine, EngineOptions
from server.latent import sample_prior


@pytest.fixture
def bundle_copy(live_engine, tmp_path):
    dest = tmp_path / "bundle"
    shutil.copytree(live_engine.bundle.path, dest)
    return dest


def _edit_manifest(path, **changes):
    manifest = json.loads((path / "manifest.json").read_text())
    manifest.update(changes)
    (path / "manifest.json").write_text(json.dumps(manifest))


def test_bundle_fields(live_engine):
    b = live_engine.bundle
    assert b.num_steps == b.num_bars * b.steps_per_bar
    assert live_engine.codec.name == b.codec
    assert b.latent is not None and b.latent.components.shape[1] == b.z_size
    assert all(v.shape == (b.z_size,) for v in b.attributes.values())


@pytest.mark.parametrize("change, message", [
    ({"format": "something-else"}, "format"),
    ({"format_version": 99}, "format_version 99 is not supported"),
    ({"z_size": None}, "z_size"),
])
def test_manifest_problems_are_named(bundle_copy, change, message):
    if change.get("z_size", 0) is None:
        manifest = json.loads((bundle_copy / "manifest.json").read_text())
        del manifest["z_size"]
        (bundle_copy / "manifest.json").write_text(json.dumps(manifest))
    else:
        _edit_manifest(bundle_copy, **change)
    with pytest.raises(BundleError, match=message):
        load_bundle(bundle_copy)


def test_a_changed_graph_fails_its_sha256(bundle_copy):
    with open(bundle_copy / "decoder.onnx", "ab") as f:
        f.write(b"\x00")
    with pytest.raises(BundleError, match="decoder.onnx: sha256 .* does not match"):
        load_bundle(bundle_copy)


def test_missing_pieces_are_named(bundle_copy, tmp_path):
    (bundle_copy / "encoder.onnx").unlink()
    with pytest.raises(BundleError, match="encoder.onnx is missing"):
        load_bundle(bundle_copy)
    with pytest.raises(BundleError, match="no manifest.json"):
        load_bundle(tmp_path)
    (bundle_copy / "manifest.json").write_text("{not json")
    with pytest.raises(BundleError, match="not readable JSON"):
        load_bundle(bundle_copy)
    with pytest.raises(BundleError, match="does not exist; pass --model"):
        resolve_model_dir(tmp_path / "nowhere")


def test_a_corrupt_graph_with_a_matching_hash_is_refused(bundle_copy):
    (bundle_copy / "decoder.onnx").write_bytes(b"not an onnx graph")
    from contract.bundle import sha256_file
    manifest = json.loads((bundle_copy / "manifest.json").read_text())
    manifest["graphs"]["decoder"]["sha256"] = sha256_file(bundle_copy / "decoder.onnx")
    (bundle_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="cannot load this graph"):
        Engine(bundle_copy, EngineOptions(provider="cpu"))


def test_engine_logs_the_provider_once(live_engine, caplog):
    with caplog.at_level(logging.INFO, logger="musicvae.server"):
        engine = Engine(live_engine.bundle)
    lines = [r.getMessage() for r in caplog.records if "ready in" in r.getMessage()]
    assert len(lines) == 1 and engine.provider in lines[0]
    assert engine.provider == engine.decoder.get_providers()[0]
    assert engine.provider in ("CPUExecutionProvider", "CUDAExecutionProvider")


def test_decode_is_seeded_and_argmax_at_temperature_zero(live_engine):
    z = sample_prior(live_engine.z_size, 1.0, 0)
    tokens = live_engine.decode_tokens(z, 1.0, seed=5)
    assert tokens.shape == (live_engine.num_steps,) and tokens.dtype == np.int64
    assert np.array_equal(tokens, live_engine.decode_tokens(z, 1.0, seed=5))
    different = [live_engine.decode_tokens(z, 1.0, seed=s) for s in range(6, 10)]
    assert any(not np.array_equal(tokens, d) for d in different), "other seeds sample other tokens"
    argmax = live_engine.decode_tokens(z, 0.0, seed=1)
    assert np.array_equal(argmax, live_engine.decode_tokens(z, 0.0, seed=2))
    # The noise of the last seed is kept between decodes: switching seeds and back must redraw it.
    for s, expected in zip(range(6, 10), different):
        assert np.array_equal(live_engine.decode_tokens(z, 0.7, seed=5), live_engine.decode_tokens(z, 0.7, seed=5))
        assert np.array_equal(live_engine.decode_tokens(z, 1.0, seed=s), expected)
    assert np.array_equal(live_engine.decode_tokens(z, 1.0, seed=5), tokens)


def test_noise_follows_the_bundle_contract(live_engine):
    """The decoder is fed default_rng(seed).random float32 clipped into (0, 1) (what export's parity uses)."""
    engine = live_engine
    z = sample_prior(engine.z_size, 1.0, 3)
    rng = np.random.default_rng(42)
    noise = np.clip(rng.random((1, engine.num_steps, engine.num_classes), dtype=np.float32), NOISE_MIN, NOISE_MAX)
    direct = engine.decoder.run(None, {"z": z[None], "temperature": np.ones(1, np.float32), "uniform": noise})[0][0]
    assert np.array_equal(engine.decode_tokens(z, 1.0, seed=42), direct)


def test_bound_decoder_matches_run_and_keeps_its_noise(live_engine):
    """IO binding (the live path) gives run()'s tokens; without new noise it decodes with the last noise."""
    e = live_engine
    shape = (1, e.num_steps, e.num_classes)
    z, t, noise = np.zeros((1, e.z_size), np.float32), np.ones(1, np.float32), np.full(shape, 0.5, np.float32)
    bound = BoundDecoder(e.decoder, "cpu", z, t, noise)
    outputs = []
    for seed in range(3):
        z = sample_prior(e.z_size, 1.0, 10 + seed)[None]
        noise = fill_noise(np.empty(shape, np.float32), seed)
        direct = e.decoder.run(None, {"z": z, "temperature": t, "uniform": noise})[0][0]
        assert np.array_equal(bound.run(z, t, noise), direct)
        assert np.array_equal(bound.run(z, t), direct)  # the bound noise is kept
        outputs.append(direct)
    assert any(not np.array_equal(outputs[0], o) for o in outputs[1:])  # the runs differ, so the check bites
    noise[:] = 0.5  # the caller's array is not the bound buffer
    assert np.array_equal(bound.run(z, t), outputs[-1])


def test_two_spinning_threads_decode_the_same_tokens(live_engine):
    two = Engine(live_engine.bundle, EngineOptions(provider="cpu", threads=2))
    for seed in range(4):
        z = sample_prior(two.z_size, 1.0, 20 + seed)
        for temperature in (0.0, 1.0):
            assert np.array_equal(two.decode_tokens(z, temperature, seed),
                                  live_engine.decode_tokens(z, temperature, seed))


def test_batch_decode_matches_single_decodes(live_engine):
    engine = live_engine
    zs = np.stack([sample_prior(engine.z_size, 1.0, s) for s in range(4)])
    batch = engine.decode_batch(zs, 0.0)
    assert batch.shape == (4, engine.num_steps)
    for z, row in zip(zs, batch):
        assert np.array_equal(row, engine.decode_tokens(z, 0.0))
    # one seed draws the whole batch's noise; its first row is exactly the single decode's noise
    sampled = engine.decode_batch(zs, 1.0, seed=9)
    assert np.array_equal(sampled[0], engine.decode_tokens(zs[0], 1.0, seed=9))


def test_encode_gives_mu_and_round_trips_notes(live_engine):
    engine = live_engine
    notes = engine.decode(sample_prior(engine.z_size, 1.0, 1), 0.0)
    mu = engine.encode(notes)
    assert mu.shape == (engine.z_size,) and mu.dtype == np.float32 and np.isfinite(mu).all()
    tokens = engine.codec.encode(notes, engine.num_steps)
    np.testing.assert_allclose(engine.encode_tokens(tokens[None])[0], mu, atol=1e-6)
    assert engine.codec.decode(tokens) == notes, "decoded notes are on the grid: the codec round-trips them"
    with pytest.raises(ValueError, match="steps"):
        engine.encode_tokens(np.zeros(engine.num_steps + 1, np.int64))


def test_decoded_notes_are_plain_python_types(live_engine):
    notes = live_engine.decode(sample_prior(live_engine.z_size, 1.0, 2), 1.0, seed=3)
    assert notes
    for n in notes:
        assert type(n.pitch) is int and type(n.velocity) is int
        assert type(n.start) is float and type(n.duration) is float


def test_server_package_never_imports_torch():
    code = ("import sys, server.cli, server.osc, server.engine, server.playback, server.synth, server.midi_out, "
            "server.audio; bad = [m for m in sys.modules if m in ('torch', 'vae') "
            "or m.startswith(('torch.', 'vae.'))]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
