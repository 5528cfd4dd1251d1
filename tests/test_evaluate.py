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
