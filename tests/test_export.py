"""Export: checkpoint -> bundle, parity with PyTorch, atomic publishing, and a torch-free consumer."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from contract.bundle import sha256_file
from export.bundle import ExportOptions, export_bundle
from export.parity import ParityError
from vae.attributes import MELODY_ATTRIBUTES
from vae.shards import load_windows

REPO = Path(__file__).resolve().parent.parent
FAST = ExportOptions(parity_windows=64, latent_windows=500, metric_windows=0)


def _manifest(bundle: Path) -> dict:
    return json.loads((bundle / "manifest.json").read_text())


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".partial-" in p.name or ".old-" in p.name]


def test_manifest_describes_the_bundle(tiny_bundle, tiny_config):
    m = _manifest(tiny_bundle)
    assert (m["format"], m["format_version"]) == ("musicvae-bundle", 1)
    assert (m["codec"], m["num_steps"], m["z_size"]) == ("melody", 32, tiny_config.model.z_size)
    for name in ("encoder", "decoder"):
        assert m["graphs"][name]["sha256"] == sha256_file(tiny_bundle / m["graphs"][name]["file"])
    assert set(m["attributes"]) == set(MELODY_ATTRIBUTES)
    assert all(len(v) == m["z_size"] for v in m["attributes"].values())
    components = np.array(m["latent"]["components"])
    assert 1 <= len(components) <= 16 and components.shape[1] == m["z_size"]
    assert np.allclose(np.linalg.norm(components, axis=1), 1.0, atol=1e-4)
    assert np.all(np.diff(m["latent"]["stddevs"]) <= 1e-6)  # by decreasing variance
    parity = m["parity"]
    assert parity["windows"] >= 256 and parity["argmax_token_mismatches"] == 0
    assert parity["mu_max_abs_diff"] <= 1e-4 and parity["sampling_deterministic"]
    assert 0.0 <= m["metrics"]["teacher_forced_accuracy"] <= 1.0


def test_bundle_decodes_like_pytorch_in_a_process_without_torch(tiny_bundle, tiny_data_dir):
    """The bar: a torch-free process loads the bundle and decodes the tokens PyTorch decodes."""
    import torch

    from vae.checkpoint import load_model

    model, _, _ = load_model(tiny_bundle / "pytorch")
    windows = load_windows(tiny_data_dir, "mel_2bar", "test")[:64]
    with torch.no_grad():
        mu, _ = model.encode(torch.from_numpy(windows))
        expected = model.decode(mu, torch.zeros(len(mu)), torch.full((len(mu), 32, 90), 0.5)).numpy()
    np.save(tiny_bundle.parent / "windows.npy", windows)
    script = textwrap.dedent(f"""
        import sys
        sys.modules["torch"] = None  # any `import torch` now raises ImportError
        import numpy as np
        from server.engine import Engine, EngineOptions
        engine = Engine({str(tiny_bundle)!r}, EngineOptions(provider="cpu"))
        windows = np.load({str(tiny_bundle.parent / "windows.npy")!r})
        tokens = engine.decode_batch(engine.encode_tokens(windows), 0.0)
        np.save({str(tiny_bundle.parent / "decoded.npy")!r}, tokens)
        assert "torch" not in [m for m in sys.modules if sys.modules[m] is not None and m.startswith("torch")]
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    np.testing.assert_array_equal(np.load(tiny_bundle.parent / "decoded.npy"), expected)


def test_sampling_with_a_seed_is_reproducible(tiny_bundle):
    from server.engine import Engine, EngineOptions

    engine = Engine(tiny_bundle, EngineOptions(provider="cpu"))
    z = np.random.default_rng(3).normal(size=(8, engine.z_size)).astype(np.float32)
    first = engine.decode_batch(z, 1.0, seed=7)
    np.testing.assert_array_equal(first, engine.decode_batch(z, 1.0, seed=7))
    assert not np.array_equal(first, engine.decode_batch(z, 1.0, seed=8))


def test_existing_output_is_refused_without_force(tiny_checkpoint, tiny_data_dir, tmp_path):
    out = tmp_path / "bundle"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="--force"):
        export_bundle(tiny_checkpoint, tiny_data_dir, out, FAST)
    assert (out / "keep.txt").read_text() == "mine"
    export_bundle(tiny_checkpoint, tiny_data_dir, out, ExportOptions(**{**FAST.__dict__, "force": True}))
    assert (out / "manifest.json").exists() and not (out / "keep.txt").exists()
    assert _leftovers(tmp_path) == []


def test_missing_and_truncated_checkpoints_are_clear_errors(tiny_checkpoint, tiny_data_dir, tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        export_bundle(tmp_path / "nope", tiny_data_dir, tmp_path / "b1", FAST)
    from vae.checkpoint import resolve_checkpoint

    broken = tmp_path / "broken"
    subprocess.run(["cp", "-r", str(resolve_checkpoint(tiny_checkpoint)), str(broken)], check=True)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    with pytest.raises(ValueError, match="cannot load checkpoint"):
        export_bundle(broken, tiny_data_dir, tmp_path / "b2", FAST)
    assert not (tmp_path / "b1").exists() and not (tmp_path / "b2").exists()
    assert _leftovers(tmp_path) == []


def test_parity_failure_writes_nothing(tiny_checkpoint, tiny_data_dir, tmp_path, monkeypatch):
    """A graph that diverges from PyTorch is caught, named, and no bundle appears."""
    import torch

    import export.onnx_graphs as graphs

    real_export_decoder = graphs.export_decoder

    def export_perturbed(model, *args, **kwargs):
        with torch.no_grad():
            saved = {k: v.clone() for k, v in model.state_dict().items()}
            for p in model.parameters():
                p.add_(torch.randn_like(p) * 0.5)
            real_export_decoder(model, *args, **kwargs)
            model.load_state_dict(saved)

    monkeypatch.setattr(graphs, "export_decoder", export_perturbed)
    out = tmp_path / "bundle"
    with pytest.raises(ParityError, match="decoder tokens at temperature 0 differ in"):
        export_bundle(tiny_checkpoint, tiny_data_dir, out, FAST)
    assert not out.exists() and _leftovers(tmp_path) == []


def test_export_cli_help_and_error_exit(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    shown = subprocess.run([sys.executable, "-m", "musicvae.cli", "export", "--help"], capture_output=True,
                           text=True, cwd=REPO, env=env, timeout=120)
    assert shown.returncode == 0 and "--force" in shown.stdout and "parity" in shown.stdout
    failed = subprocess.run([sys.executable, "-m", "musicvae.cli", "export", str(tmp_path / "missing"), "--data",
                             str(tmp_path), "--out", str(tmp_path / "b")], capture_output=True, text=True,
                            cwd=REPO, env=env, timeout=120)
    assert failed.returncode == 1 and "does not exist" in failed.stderr


def test_evaluate_scores_a_bundle_from_its_pytorch_weights(tiny_bundle, tiny_checkpoint, tiny_data_dir):
    """A fresh clone has models/, not runs/: `musicvae evaluate models/NAME` must give the run's numbers."""
    from vae.evaluate import evaluate_checkpoint

    from_bundle = evaluate_checkpoint(tiny_bundle, tiny_data_dir, limit=64, progress=False)
    from_run = evaluate_checkpoint(tiny_checkpoint, tiny_data_dir, limit=64, progress=False)
    assert from_bundle["checkpoint"].endswith("pytorch")
    for key in ("teacher_forced_accuracy", "sampled_accuracy", "kl_total", "active_dims", "step"):
        assert from_bundle[key] == from_run[key], key
