"""A committed checkpoint seeds a new run that resumes it exactly, and the newest state is stored back."""
from __future__ import annotations

import torch

import musicvae.committed_checkpoint as cc
from tests.test_train import QUIET, data_dir, tiny, weights  # noqa: F401  (data_dir is a fixture)
from vae.train import TrainOptions, train


def test_store_seed_and_resume_exactly(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(cc, "COMMITTED", tmp_path / "checkpoints")
    config = tiny()
    train(config, data_dir, tmp_path / "uninterrupted", TrainOptions(steps=6, **QUIET))
    train(config, data_dir, tmp_path / "session1", TrainOptions(steps=3, **QUIET))
    stored = cc.store(config.name, tmp_path / "session1")
    assert stored.name == "step-00000003" and cc.committed(config.name) == stored
    assert sorted(p.name for p in stored.glob("*.safetensors*")) == ["model.safetensors.gz",
                                                                     "optimizer.safetensors.gz"]

    fresh_clone_run = tmp_path / "session2"
    assert cc.seed_run(config.name, fresh_clone_run).name == "step-00000003"
    assert cc.seed_run(config.name, fresh_clone_run) is None  # never over a run that has checkpoints
    train(config, data_dir, fresh_clone_run, TrainOptions(steps=6, resume=True, **QUIET))
    a, b = weights(tmp_path / "uninterrupted", 6), weights(fresh_clone_run, 6)
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert cc.store(config.name, fresh_clone_run).name == "step-00000006"
    assert [p.name for p in (tmp_path / "checkpoints" / config.name).iterdir()] == ["step-00000006"]


def test_store_refuses_a_run_without_checkpoints(tmp_path, monkeypatch):
    import pytest

    monkeypatch.setattr(cc, "COMMITTED", tmp_path / "checkpoints")
    with pytest.raises(FileNotFoundError):
        cc.store("tiny", tmp_path / "empty")
