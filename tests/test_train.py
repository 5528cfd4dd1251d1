"""Training: exact resume, DDP with two CPU ranks, time budget, and refusal of bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

import vae.train
from vae.checkpoint import list_checkpoints, load_model
from vae.configs import tiny_config
from vae.shards import write_shards
from vae.train import NonFiniteLossError, TrainOptions, train

REPO = Path(__file__).resolve().parents[1]
QUIET = dict(threads=1, progress=False)


def synthetic_melodies(n: int, steps: int = 32, seed: int = 0) -> np.ndarray:
    """Scale-wise random-walk melodies with held notes and rests (fallback data for these tests)."""
    rng = np.random.default_rng(seed)
    scale = np.array([0, 2, 4, 5, 7, 9, 11])
    out = np.zeros((n, steps), np.int64)
    for i in range(n):
        degree, t = int(rng.integers(7, 21)), 0
        while t < steps:
            if rng.random() < 0.1:
                out[i, t] = 1
            else:
                degree = int(np.clip(degree + rng.integers(-2, 3), 0, 34))
                out[i, t] = 2 + 48 + 12 * (degree // 7) + scale[degree % 7] - 21
            t += int(rng.choice([1, 2, 2, 4, 4, 8]))
    return out


@pytest.fixture(scope="module")
def data_dir(request, tmp_path_factory) -> Path:
    try:
        return request.getfixturevalue("tiny_data_dir")
    except pytest.FixtureLookupError:  # the data stage's fixture has not landed yet
        folder = tmp_path_factory.mktemp("synthetic_data")
        for split, n, seed in (("train", 512, 0), ("valid", 64, 1), ("test", 64, 2)):
            write_shards(folder, "mel_2bar", split, synthetic_melodies(n, seed=seed), np.zeros(n, np.int32))
        return folder


def tiny(**train_overrides):
    defaults = dict(steps=6, checkpoint_every=3, eval_every=3, eval_windows=32, sampling_rate=2.0)
    defaults.update(train_overrides)
    return tiny_config(**defaults)


def weights(run: Path, step: int) -> dict:
    return load_file(str(run / "checkpoints" / f"step-{step:08d}" / "model.safetensors"))


def test_resume_continues_exactly(data_dir, tmp_path):
    """N steps, stop, resume to 2N == 2N uninterrupted: weights and optimizer state bit for bit."""
    config = tiny()  # scheduled sampling on (k=2), so the per-step random draws are exercised too
    train(config, data_dir, tmp_path / "once", TrainOptions(steps=6, **QUIET))
    train(config, data_dir, tmp_path / "twice", TrainOptions(steps=3, **QUIET))
    summary = train(config, data_dir, tmp_path / "twice", TrainOptions(steps=6, resume=True, **QUIET))
    assert summary["step"] == 6 and summary["steps_this_run"] == 3
    a, b = weights(tmp_path / "once", 6), weights(tmp_path / "twice", 6)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    opt_a = load_file(str(tmp_path / "once/checkpoints/step-00000006/optimizer.safetensors"))
    opt_b = load_file(str(tmp_path / "twice/checkpoints/step-00000006/optimizer.safetensors"))
    assert all(torch.equal(opt_a[k], opt_b[k]) for k in opt_a)
    lines = (tmp_path / "twice" / "metrics.jsonl").read_text().splitlines()
    assert [json.loads(line)["step"] for line in lines] == [3, 6]
    model, _, meta = load_model(tmp_path / "twice")
    assert meta["step"] == 6 and meta["validation"]["teacher_forced_accuracy"] > 0


def test_resume_refuses_changed_training_settings(data_dir, tmp_path):
    """A registry edit between runs must not silently change a run's schedule halfway."""
    train(tiny(), data_dir, tmp_path / "run", TrainOptions(steps=3, **QUIET))
    with pytest.raises(ValueError, match=r"learning_rate: 0.003 -> 0.01.*config.json --resume"):
        train(tiny(learning_rate=1e-2), data_dir, tmp_path / "run", TrainOptions(steps=6, resume=True, **QUIET))
    assert [c.name for c in list_checkpoints(tmp_path / "run")][-1] == "step-00000003"
    assert json.loads((tmp_path / "run" / "config.json").read_text())["train"]["learning_rate"] == 3e-3


def test_resume_ignores_where_the_run_was_warm_started_from(data_dir, tmp_path):
    """warm_start only initialises a new run: a resumed second stage may name its first stage elsewhere
    (another --runs folder, a renamed run), and still resumes exactly."""
    train(tiny(), data_dir, tmp_path / "first", TrainOptions(steps=3, **QUIET))
    warm = str(tmp_path / "first/checkpoints/step-00000003")
    train(tiny(warm_start=warm), data_dir, tmp_path / "second", TrainOptions(steps=3, **QUIET))
    moved = str(tmp_path / "elsewhere/checkpoints/step-00000003")  # does not exist: never read on resume
    summary = train(tiny(warm_start=moved), data_dir, tmp_path / "second", TrainOptions(steps=5, resume=True, **QUIET))
    assert summary["step"] == 5 and summary["steps_this_run"] == 2


def test_ddp_two_cpu_ranks_hold_identical_weights(data_dir, tmp_path):
    config_path = tmp_path / "tiny.json"
    config_path.write_text(json.dumps(tiny(steps=4, batch_size=16).to_dict()))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
           "-m", "vae.train", str(config_path), "--data", str(data_dir), "--out", str(tmp_path / "ddp"),
           "--no-progress", "--threads", "1"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=REPO, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((tmp_path / "ddp" / "summary.json").read_text())
    assert summary["world_size"] == 2 and summary["step"] == 4
    digests = summary["rank_weights"]
    assert len(digests) == 2 and digests[0] == digests[1]
    # Training changed the weights (so "identical" is not "untouched").
    torch.manual_seed(0)
    from vae.model import MusicVAE
    initial = MusicVAE(tiny().model).state_dict()
    trained = weights(tmp_path / "ddp", 4)
    assert any(not torch.equal(initial[k], trained[k]) for k in trained)


def test_ranks_train_on_distinct_windows():
    from vae.batches import BatchSchedule
    ranks = [BatchSchedule(100, 32, seed=1, world_size=2, rank=r) for r in (0, 1)]
    single = BatchSchedule(100, 32, seed=1)
    for step in range(7):  # crosses epoch boundaries (3 batches per epoch)
        a, b = (r.position(step).indices for r in ranks)
        assert len(a) == len(b) == 16 and not set(a) & set(b)
        assert sorted(np.concatenate([a, b])) == sorted(single.position(step).indices)


def test_time_budget_stops_and_checkpoints(data_dir, tmp_path):
    summary = train(tiny(steps=100_000), data_dir, tmp_path / "run", TrainOptions(max_minutes=0.02, **QUIET))
    assert summary["stopped_by_time_budget"] and 0 < summary["step"] < 100_000
    assert list_checkpoints(tmp_path / "run")[-1].name == f"step-{summary['step']:08d}"


# ----------------------------------------------------------------------------------------------- bad input


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "musicvae.cli", *args], capture_output=True, text=True,
                          timeout=120, cwd=REPO)


def test_unknown_config_lists_valid_ones(tmp_path):
    result = run_cli("train", "mel_99bar", "--data", str(tmp_path), "--out", str(tmp_path / "run"))
    assert result.returncode == 1  # a user error (contract.errors.ExitCode.ERROR), not a traceback
    assert "unknown config 'mel_99bar'" in result.stderr and "mel_2bar_small" in result.stderr


def test_empty_data_dir_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="mel_2bar"):
        train(tiny(), tmp_path, tmp_path / "run", TrainOptions(**QUIET))
    write_shards(tmp_path, "mel_2bar", "train", np.zeros((0, 32), np.int64), np.zeros(0, np.int32))
    with pytest.raises(ValueError, match="no windows"):
        train(tiny(), tmp_path, tmp_path / "run", TrainOptions(**QUIET))
    assert not (tmp_path / "run" / "checkpoints").exists()


def test_resuming_another_configs_run_is_refused(data_dir, tmp_path):
    train(tiny(steps=3), data_dir, tmp_path / "run", TrainOptions(**QUIET))
    other = tiny_config(name="tiny_other", steps=6)
    with pytest.raises(ValueError, match="'tiny'.*'tiny_other'"):
        train(other, data_dir, tmp_path / "run", TrainOptions(resume=True, **QUIET))
    with pytest.raises(ValueError, match="--resume"):
        train(tiny(steps=6), data_dir, tmp_path / "run", TrainOptions(**QUIET))


def test_nan_loss_stops_with_step_and_batch_and_keeps_last_checkpoint(data_dir, tmp_path, monkeypatch):
    real_loss = vae.train.vae_loss
    calls = []

    def poisoned(*args, **kwargs):
        terms = real_loss(*args, **kwargs)
        calls.append(1)
        if len(calls) == 5:  # the 5th step (step index 4), after the checkpoint at step 3
            terms.loss = terms.loss * float("nan")
        return terms

    monkeypatch.setattr(vae.train, "vae_loss", poisoned)
    with pytest.raises(NonFiniteLossError, match=r"step 4 \(epoch \d+, batch \d+ of the epoch.*step-00000003"):
        train(tiny(steps=6), data_dir, tmp_path / "run", TrainOptions(**QUIET))
    assert [p.name for p in list_checkpoints(tmp_path / "run")] == ["step-00000003"]
    model, _, meta = load_model(tmp_path / "run")
    assert meta["step"] == 3
    assert all(torch.isfinite(p).all() for p in model.parameters())


def test_warm_start_copies_matching_tensors_and_only_on_a_new_run(data_dir, tmp_path):
    from dataclasses import replace

    source = tmp_path / "source"
    train(tiny(steps=3), data_dir, source, TrainOptions(**QUIET))
    config = tiny(steps=3, warm_start=str(source))
    # another z size: mu/sigma and the decoder's z-dependent tensors differ in shape; the rest is copied
    config = replace(config, model=replace(config.model, z_size=8))
    train(config, data_dir, tmp_path / "warm", TrainOptions(steps=0, **QUIET))
    src, warm = weights(source, 3), weights(tmp_path / "warm", 0)
    same = [k for k in src if src[k].shape == warm[k].shape]
    assert "encoder.rnn.weight_hh_l0" in same and "decoder.core.rnn.weight_hh_l1" in same
    assert "encoder.mu.weight" not in same
    assert all(torch.equal(src[k], warm[k]) for k in same)
    # resuming never re-copies: the resumed step-3 weights are the run's own, not the source's
    train(config, data_dir, tmp_path / "warm", TrainOptions(steps=3, resume=True, **QUIET))
    assert not torch.equal(weights(tmp_path / "warm", 3)["encoder.rnn.weight_hh_l0"], src["encoder.rnn.weight_hh_l0"])


def test_word_dropout_replaces_inputs_by_the_start_token():
    from vae.model import MusicVAE

    config = tiny_config()
    model = MusicVAE(config.model)
    tokens = torch.randint(0, config.model.num_classes, (4, config.model.num_steps))
    z = torch.randn(4, config.model.z_size)
    g = lambda: torch.Generator().manual_seed(0)  # noqa: E731
    plain = model.reconstruction_logits(z, tokens, generator=g())
    assert torch.equal(plain, model.reconstruction_logits(z, tokens, generator=g(), word_dropout=0.0))
    all_dropped = model.reconstruction_logits(z, tokens, generator=g(), word_dropout=1.0)
    start_only = model.decoder.teacher_forced(z, torch.full_like(tokens, -1))
    assert torch.allclose(all_dropped, start_only, atol=1e-6) and not torch.allclose(all_dropped, plain)
