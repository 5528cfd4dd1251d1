"""The numpy reader of TensorFlow V2 checkpoints against a checkpoint TensorFlow itself wrote.

tests/fixtures/tf_checkpoint/ holds a tiny MusicVAE-named checkpoint and expected.npz, every tensor as
TensorFlow's own reader returned it (make_fixture.py, run once with TensorFlow).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from importer.errors import CheckpointError
from importer.tf_checkpoint import read_tf_checkpoint

FIXTURE = Path(__file__).parent / "fixtures" / "tf_checkpoint"
PREFIX = FIXTURE / "tiny_mel_2bar.ckpt"


def expected() -> dict[str, np.ndarray]:
    with np.load(FIXTURE / "expected.npz") as npz:
        return {name.replace("|", "/"): npz[name] for name in npz.files}


def test_reads_every_tensor_exactly_as_tensorflow():
    tensors = read_tf_checkpoint(PREFIX, keep_training_tensors=True)
    truth = expected()
    assert set(tensors) == set(truth) and len(truth) == 34
    for name, value in truth.items():
        assert tensors[name].dtype == value.dtype and tensors[name].shape == value.shape, name
        assert np.array_equal(tensors[name], value), name
    assert tensors["global_step"] == 12345  # an int64 scalar


def test_training_tensors_are_left_out_by_default():
    tensors = read_tf_checkpoint(f"{PREFIX}.index")  # the .index path works as well as the prefix
    assert "global_step" not in tensors and "beta1_power" not in tensors
    assert not any(name.endswith("/Adam") for name in tensors)
    assert tensors["decoder/output_projection/kernel"].shape == (5, 90) and len(tensors) == 16


def test_truncated_data_file_is_named(tmp_path):
    for file in FIXTURE.glob("tiny_mel_2bar.ckpt.*"):
        shutil.copy(file, tmp_path / file.name)
    data = tmp_path / "tiny_mel_2bar.ckpt.data-00000-of-00001"
    data.write_bytes(data.read_bytes()[:1000])
    with pytest.raises(CheckpointError, match="truncated"):
        read_tf_checkpoint(tmp_path / "tiny_mel_2bar.ckpt")


def test_not_a_checkpoint(tmp_path):
    with pytest.raises(CheckpointError, match="does not exist"):
        read_tf_checkpoint(tmp_path / "nothing")
    (tmp_path / "junk.index").write_bytes(b"\0" * 100)
    with pytest.raises(CheckpointError, match="not a TensorFlow V2 checkpoint"):
        read_tf_checkpoint(tmp_path / "junk")
