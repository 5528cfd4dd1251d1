"""The data folder contract: dataset specs, shard writing and the numpy-only loader.

A data folder (written by `musicvae data`) holds `report.json`, `pieces.json` (piece index -> id, collection,
split) and one folder per dataset with compressed shards `<split>-NNNNN.npz`, each holding `tokens` (int16,
[N, steps]) and `piece` (int32 index into pieces.json, [N]). Readers need numpy only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SPLITS = ("train", "valid", "test")
SHARD_SIZE = 20_000  # windows per shard: a 16-bar shard is ~10 MB in memory, far less on disk
_SHARD_NAME = re.compile(r"^(train|valid|test)-(\d{5})\.npz$")


@dataclass(frozen=True)
class DatasetSpec:
    """One window dataset: which codec, how many 16-step bars."""

    name: str
    codec: str  # "melody" | "drums" (contract.codec.get_codec)
    num_bars: int
    steps_per_bar: int = 16

    @property
    def num_steps(self) -> int:
        return self.num_bars * self.steps_per_bar


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec("mel_2bar", "melody", 2),
        DatasetSpec("mel_16bar", "melody", 16),
        DatasetSpec("drums_2bar", "drums", 2),
    )
}


def get_spec(dataset: str) -> DatasetSpec:
    try:
        return DATASETS[dataset]
    except KeyError:
        raise ValueError(f"unknown dataset {dataset!r}; known: {', '.join(DATASETS)}") from None


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")


def shard_paths(data_dir: str | Path, dataset: str, split: str) -> list[Path]:
    """The shards of one dataset split, in order. Raises FileNotFoundError when there are none."""
    get_spec(dataset)
    _check_split(split)
    folder = Path(data_dir) / dataset
    if not folder.is_dir():
        raise FileNotFoundError(
            f"no dataset folder {folder}: build the data first with `musicvae data --out {data_dir}`"
        )
    paths = sorted(p for p in folder.iterdir() if (m := _SHARD_NAME.match(p.name)) and m.group(1) == split)
    if not paths:
        raise FileNotFoundError(f"no {split} shards in {folder} (expected {split}-00000.npz ...)")
    return paths


def _load(data_dir: str | Path, dataset: str, split: str, key: str) -> np.ndarray:
    arrays = []
    for path in shard_paths(data_dir, dataset, split):
        with np.load(path) as shard:
            if key not in shard:
                raise ValueError(f"{path} has no array {key!r} (has {', '.join(shard.files)})")
            arrays.append(shard[key])
    return np.concatenate(arrays, axis=0)


def load_windows(data_dir: str | Path, dataset: str, split: str) -> np.ndarray:
    """All token windows of a dataset split as int64 [N, steps]."""
    tokens = _load(data_dir, dataset, split, "tokens").astype(np.int64)
    spec = get_spec(dataset)
    if tokens.ndim != 2 or tokens.shape[1] != spec.num_steps:
        raise ValueError(f"{dataset}/{split}: expected [N, {spec.num_steps}] tokens, found {list(tokens.shape)}")
    if len(tokens) == 0:
        raise ValueError(f"{dataset}/{split} in {data_dir} holds no windows (see {Path(data_dir) / 'report.json'})")
    return tokens


def load_pieces(data_dir: str | Path, dataset: str, split: str) -> np.ndarray:
    """The piece index (into pieces.json) of every window, int32 [N], in load_windows order."""
    return _load(data_dir, dataset, split, "piece").astype(np.int32)


def write_shards(
    data_dir: str | Path, dataset: str, split: str, tokens: np.ndarray, pieces: np.ndarray,
    shard_size: int = SHARD_SIZE,
) -> list[Path]:
    """Write one dataset split as compressed shards (replacing any old ones). Returns the paths written."""
    spec = get_spec(dataset)
    _check_split(split)
    tokens = np.asarray(tokens)
    if tokens.ndim != 2 or tokens.shape[1] != spec.num_steps or len(tokens) != len(pieces):
        raise ValueError(f"{dataset}/{split}: bad shapes tokens {tokens.shape}, pieces {np.shape(pieces)}")
    folder = Path(data_dir) / dataset
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{split}-*.npz"):
        old.unlink()
    paths = []
    for index, begin in enumerate(range(0, max(len(tokens), 1), shard_size)):
        path = folder / f"{split}-{index:05d}.npz"
        np.savez_compressed(
            path,
            tokens=tokens[begin:begin + shard_size].astype(np.int16),
            piece=np.asarray(pieces[begin:begin + shard_size], dtype=np.int32),
        )
        paths.append(path)
    return paths
