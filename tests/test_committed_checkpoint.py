"""A committed checkpoint seeds a new run that resumes it exactly, and the newest state is stored back."""
from __future__ import annotations

import numpy as np
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
    assert sorted(p.name for p in stored.glob("*.safetensors*")) == ["model.safetensors.planes4.gz",
                                                                     "optimizer.safetensors.planes4.gz"]

    fresh_clone_run = tmp_path / "session2"
    assert cc.seed_run(config.name, fresh_clone_run).name == "step-00000003"
    assert cc.seed_run(config.name, fresh_clone_run) is None  # never over a run that has checkpoints
    train(config, data_dir, fresh_clone_run, TrainOptions(steps=6, resume=True, **QUIET))
    a, b = weights(tmp_path / "uninterrupted", 6), weights(fresh_clone_run, 6)
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert cc.store(config.name, fresh_clone_run).name == "step-00000006"
    assert [p.name for p in (tmp_path / "checkpoints" / config.name).iterdir()] == ["step-00000006"]


def test_a_checkpoint_stored_as_plain_gzip_still_seeds_a_run(data_dir, tmp_path, monkeypatch):
    """Checkpoints committed before the byte planes are each tensor file gzipped as it is."""
    import gzip
    import shutil

    monkeypatch.setattr(cc, "COMMITTED", tmp_path / "checkpoints")
    config = tiny()
    train(config, data_dir, tmp_path / "run", TrainOptions(steps=3, **QUIET))
    newest = tmp_path / "run/checkpoints/step-00000003"
    legacy = tmp_path / "checkpoints" / config.name / newest.name
    shutil.copytree(newest, legacy, ignore=shutil.ignore_patterns("*.safetensors"))
    for f in newest.glob("*.safetensors"):
        (legacy / (f.name + ".gz")).write_bytes(gzip.compress(f.read_bytes()))
    seeded = cc.seed_run(config.name, tmp_path / "fresh")
    assert sorted(p.name for p in seeded.glob("*.safetensors*")) == ["model.safetensors", "optimizer.safetensors"]
    assert all((seeded / f.name).read_bytes() == f.read_bytes() for f in newest.glob("*.safetensors"))


def test_byte_planes_round_trip_any_length():
    rng = np.random.default_rng(0)
    for length in (0, 1, 3, 4, 5, 4096, 4099):
        data = rng.integers(0, 256, length, dtype=np.uint8).tobytes()
        packed = cc.to_planes(data)
        assert cc.from_planes(packed) == data
        assert len(packed) == cc.LENGTH_BYTES + -(-length // cc.WORD) * cc.WORD
    floats = np.arange(8, dtype=np.float32).tobytes()  # the exponent bytes end up side by side
    assert cc.to_planes(floats)[cc.LENGTH_BYTES:][3 * 8:] == floats[3::4]


def test_store_refuses_a_run_without_checkpoints(tmp_path, monkeypatch):
    import pytest

    monkeypatch.setattr(cc, "COMMITTED", tmp_path / "checkpoints")
    with pytest.raises(FileNotFoundError):
        cc.store("tiny", tmp_path / "empty")
