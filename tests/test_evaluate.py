"""Evaluation: metrics agree with direct computation; the CLI prints a table and writes JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from tests.test_train import QUIET, data_dir, tiny  # noqa: F401  (data_dir is a fixture)
from vae.checkpoint import load_model
from vae.evaluate import evaluate_windows, format_table
from vae.losses import kl_per_dim
from vae.shards import load_windows
from vae.train import TrainOptions, train

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run_dir(data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "run"
    train(tiny(steps=30, checkpoint_every=30, eval_every=30, learning_rate=1e-2), data_dir, out,
          TrainOptions(**QUIET))
    return out


def test_metrics_match_direct_computation(run_dir, data_dir):
    model, config, _ = load_model(run_dir)
    windows = load_windows(data_dir, config.dataset, "test")[:50]
    metrics = evaluate_windows(model, windows, batch_size=16)  # several batches, a ragged last one
    tokens = torch.from_numpy(windows)
    with torch.no_grad():
        mu, sigma = model.encode(tokens)
        tf = (model.reconstruction_logits(mu, tokens).argmax(-1) == tokens).float().mean().item()
        n, cfg = len(tokens), model.config
        decoded = model.decode(mu, torch.zeros(n), torch.full((n, cfg.num_steps, cfg.num_classes), 0.5))
        kl = kl_per_dim(mu, sigma).mean(0).numpy()
    assert metrics["windows"] == 50
    assert metrics["teacher_forced_accuracy"] == pytest.approx(tf, abs=1e-6)
    assert metrics["sampled_accuracy"] == pytest.approx((decoded == tokens).float().mean().item(), abs=1e-6)
    assert np.allclose(metrics["kl_per_dim"], kl, atol=1e-5)
    assert metrics["active_dims"] == int((kl > 0.01).sum())
    assert metrics["kl_total"] == pytest.approx(float(kl.sum()), rel=1e-4)
    assert np.mean(metrics["teacher_forced_accuracy_by_bar"]) == pytest.approx(tf, abs=1e-5)
    assert 0 < metrics["majority_baseline_accuracy"] <= 1
    assert "teacher-forced accuracy" in format_table(metrics)


def test_evaluate_cli_writes_json(run_dir, data_dir, tmp_path):
    out = tmp_path / "metrics.json"
    result = subprocess.run([sys.executable, "-m", "musicvae.cli", "evaluate", str(run_dir), "--data", str(data_dir),
                             "--json", str(out), "--threads", "1"], capture_output=True, text=True, timeout=120,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "sampled accuracy" in result.stdout and "active dims" in result.stdout
    metrics = json.loads(out.read_text())
    assert metrics["split"] == "test" and metrics["config"] == "tiny" and metrics["step"] == 30
    assert 0 <= metrics["sampled_accuracy"] <= 1 and len(metrics["kl_per_dim"]) == metrics["z_size"]


def test_evaluate_cli_reports_missing_checkpoint(tmp_path):
    result = subprocess.run([sys.executable, "-m", "musicvae.cli", "evaluate", str(tmp_path / "none"), "--data",
                             str(tmp_path)], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_shuffled_z_decodes_each_window_from_another_windows_mu(run_dir, data_dir):
    from vae.evaluate import derangement

    model, _, _ = load_model(run_dir)
    windows = load_windows(data_dir, "mel_2bar", "test")[:40]
    metrics = evaluate_windows(model, windows, batch_size=16)
    order = derangement(len(windows))
    assert (order != np.arange(len(windows))).all() and sorted(order) == list(range(len(windows)))
    tokens = torch.from_numpy(windows)
    with torch.no_grad():
        mu, _ = model.encode(tokens)
        n, cfg = len(tokens), model.config
        decoded = model.decode(mu[order], torch.zeros(n), torch.full((n, cfg.num_steps, cfg.num_classes), 0.5))
    expected = (decoded == tokens).float().mean().item()
    assert metrics["shuffled_z_sampled_accuracy"] == pytest.approx(expected, abs=1e-6)
    assert metrics["z_use_drop"] == pytest.approx(metrics["sampled_accuracy"] - expected, abs=1e-6)
    assert 1 <= metrics["prior_distinct_decodes"] <= metrics["prior_samples"] == 64


def test_a_decoder_that_ignores_z_shows_no_z_use(run_dir, data_dir):
    """Zeroing the decoder's z weights makes every decode identical: no drop, one distinct prior decode."""
    model, _, _ = load_model(run_dir)
    with torch.no_grad():
        w = model.decoder.core.rnn.weight_ih_l0
        w[:, model.config.num_classes:] = 0
        for p in model.decoder.core.init.parameters():
            p.zero_()
    metrics = evaluate_windows(model, load_windows(data_dir, "mel_2bar", "test")[:40], batch_size=16)
    assert metrics["z_use_drop"] == pytest.approx(0.0, abs=1e-9)
    assert metrics["prior_distinct_decodes"] == 1


def test_per_collection_accuracy_covers_every_window(run_dir, data_dir):
    from vae.evaluate import evaluate_checkpoint

    metrics = evaluate_checkpoint(run_dir, data_dir, "test", progress=False)
    groups = metrics["sampled_accuracy_by_group"]
    assert sum(g["windows"] for g in groups.values()) == metrics["windows"]
    weighted = sum(g["windows"] * g["sampled_accuracy"] for g in groups.values()) / metrics["windows"]
    assert weighted == pytest.approx(metrics["sampled_accuracy"], abs=1e-4)
