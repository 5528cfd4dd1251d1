"""Checkpoints: safetensors weights + JSON config and state, never pickle.

A checkpoint directory holds
    config.json            the full Config (the model is rebuilt from it, not from the registry)
    model.safetensors      weights
    optimizer.safetensors  optimizer state, flattened to tensors (+ param groups as JSON metadata); optional
    state.json             step, config name, format, metrics, anything `extra` adds; written last
A training run directory keeps them as `checkpoints/step-NNNNNNNN/`. A checkpoint is written to a hidden
sibling directory and renamed into place, so an interrupted save never leaves a half checkpoint behind.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch import nn

from vae.configs import Config
from vae.model import MusicVAE

FORMAT = "musicvae-checkpoint"
FORMAT_VERSION = 1
CONFIG_FILE = "config.json"
MODEL_FILE = "model.safetensors"
OPTIMIZER_FILE = "optimizer.safetensors"
STATE_FILE = "state.json"
CHECKPOINTS = "checkpoints"
BUNDLE_WEIGHTS = "pytorch"  # where an exported bundle keeps its checkpoint


def unwrap(model: nn.Module) -> nn.Module:
    """The MusicVAE inside a DistributedDataParallel wrapper (or the model itself)."""
    return getattr(model, "module", model)


def checkpoint_dir(run_dir: str | Path, step: int) -> Path:
    return Path(run_dir) / CHECKPOINTS / f"step-{step:08d}"


def save_checkpoint(directory: str | Path, model: nn.Module, config: Config, step: int,
                    optimizer: torch.optim.Optimizer | None = None, extra: dict | None = None) -> Path:
    directory = Path(directory)
    model = unwrap(model)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.parent / f".{directory.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        weights = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
        save_file(weights, staging / MODEL_FILE, metadata={"config": config.name, "step": str(step)})
        if optimizer is not None:
            tensors, metadata = flatten_optimizer(optimizer, model)
            save_file(tensors, staging / OPTIMIZER_FILE, metadata=metadata)
        _write_json(staging / CONFIG_FILE, config.to_dict())
        state = {"format": FORMAT, "format_version": FORMAT_VERSION, "config": config.name, "step": step,
                 "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"), **(extra or {})}
        _write_json(staging / STATE_FILE, state)
        if directory.exists():
            shutil.rmtree(directory)
        staging.rename(directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return directory


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n")


def flatten_optimizer(optimizer: torch.optim.Optimizer, model: nn.Module) -> tuple[dict, dict]:
    """Optimizer state as named tensors `state.<param name>.<key>` + param groups as JSON metadata."""
    state = optimizer.state_dict()
    names = _param_names(optimizer, model)
    tensors = {}
    for index, entries in state["state"].items():
        for key, value in entries.items():
            value = value if torch.is_tensor(value) else torch.tensor(value)
            tensors[f"state.{names[index]}.{key}"] = value.detach().cpu().contiguous()
    metadata = {"param_groups": json.dumps(state["param_groups"]), "param_names": json.dumps(names),
                "optimizer": type(optimizer).__name__}
    return tensors, metadata


def load_optimizer(optimizer: torch.optim.Optimizer, model: nn.Module, path: str | Path) -> None:
    """Restore state written by `flatten_optimizer` into an optimizer over the same model."""
    path = Path(path)
    with safe_open(str(path), "pt") as f:
        metadata = f.metadata()
    names = _param_names(optimizer, unwrap(model))
    if json.loads(metadata["param_names"]) != names:
        raise ValueError(f"{path}: optimizer state is for different parameters than this model")
    tensors = load_file(str(path))
    index_of = {name: i for i, name in enumerate(names)}
    state: dict[int, dict] = {}
    for key, value in tensors.items():
        _, rest = key.split(".", 1)
        name, entry = rest.rsplit(".", 1)
        state.setdefault(index_of[name], {})[entry] = value
    optimizer.load_state_dict({"state": state, "param_groups": json.loads(metadata["param_groups"])})


def _param_names(optimizer: torch.optim.Optimizer, model: nn.Module) -> list[str]:
    """Names of the optimizer's parameters in its own index order."""
    by_id = {id(p): name for name, p in unwrap(model).named_parameters()}
    return [by_id[id(p)] for group in optimizer.param_groups for p in group["params"]]


# ------------------------------------------------------------------------------------------------ loading


def list_checkpoints(run_dir: str | Path) -> list[Path]:
    """Complete checkpoints (state.json present) of a run, oldest first."""
    folder = Path(run_dir) / CHECKPOINTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith("step-") and (p / STATE_FILE).exists())


def resolve_checkpoint(path: str | Path) -> Path:
    """A checkpoint directory, a run directory's newest checkpoint, or a model bundle's `pytorch/` weights
    (so `musicvae evaluate models/NAME` scores a shipped bundle on a fresh clone, with no training run)."""
    path = Path(path)
    for candidate in (path, path / BUNDLE_WEIGHTS):
        if (candidate / MODEL_FILE).exists() and (candidate / STATE_FILE).exists():
            return candidate
    found = list_checkpoints(path)
    if found:
        return found[-1]
    if not path.exists():
        raise FileNotFoundError(f"checkpoint {path} does not exist")
    raise FileNotFoundError(f"{path} is neither a checkpoint ({MODEL_FILE} + {STATE_FILE}), a training run "
                            f"directory with {CHECKPOINTS}/step-*/, nor a model bundle with {BUNDLE_WEIGHTS}/")


def read_config(path: str | Path) -> Config:
    return Config.from_dict(json.loads((resolve_checkpoint(path) / CONFIG_FILE).read_text()))


def load_model(path: str | Path, expected: str | None = None,
               device: str | torch.device = "cpu") -> tuple[MusicVAE, Config, dict]:
    """-> (model in eval mode, its Config, state.json + "path"). `expected`: the config name asked for."""
    directory = resolve_checkpoint(path)
    config = Config.from_dict(json.loads((directory / CONFIG_FILE).read_text()))
    if expected is not None and expected != config.name:
        raise ValueError(f"checkpoint {directory} holds config {config.name!r}, but {expected!r} was asked for")
    meta = json.loads((directory / STATE_FILE).read_text())
    if meta.get("format") != FORMAT:
        raise ValueError(f"{directory / STATE_FILE} is not a {FORMAT} state file")
    model = MusicVAE(config.model)
    weights = load_file(str(directory / MODEL_FILE), device=str(device))
    try:
        model.load_state_dict(weights, strict=True)
    except RuntimeError as exc:
        raise ValueError(f"weights in {directory} do not fit config {config.name!r}: {exc}") from None
    meta["path"] = str(directory)
    return model.to(device).eval(), config, meta


def prune_checkpoints(run_dir: str | Path, keep: int) -> None:
    """Delete all but the newest `keep` checkpoints."""
    for old in list_checkpoints(run_dir)[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
