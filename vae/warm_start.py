"""Warm start: initialise a model from another trained model's tensors of the same name and shape.

Why: a 16-bar model trained from scratch on two cores sits for thousands of steps on a plateau where its
decoder predicts "hold" everywhere and its encoder is ignored. The trained 2-bar melody model already
knows melodies, and its decoder has exactly the shape of the small hierarchical model's bottom decoder
(condition 128 -> 2 x 192 -> 90 classes), its encoder BiLSTM the shape of the 16-bar encoder. Copying
them lets the conductor learn to point into a space the bottom decoder already reads (docs/design.md,
"Training").
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file
from torch import nn

from vae.checkpoint import MODEL_FILE, resolve_checkpoint

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class WarmStartReport:
    source: str
    copied: list[str]
    skipped_shape: list[str]  # same name, other shape (e.g. mu/sigma when z sizes differ)

    def summary(self) -> str:
        return (f"warm start from {self.source}: {len(self.copied)} tensors copied, "
                f"{len(self.skipped_shape)} of the same name left as initialised (shape differs)")


def locate(source: str) -> Path:
    """A checkpoint/run/bundle path, taken from the working directory, then from the repository root."""
    for base in (Path.cwd(), REPO_ROOT):
        candidate = base / source
        if candidate.exists():
            return resolve_checkpoint(candidate)
    raise FileNotFoundError(f"warm start source {source!r} exists neither here nor under {REPO_ROOT}")


def warm_start(model: nn.Module, source: str) -> WarmStartReport:
    """Copy every tensor of `source` whose name and shape match one of `model`'s; the rest stay as they are."""
    directory = locate(source)
    theirs = load_file(str(directory / MODEL_FILE))
    ours = model.state_dict()
    copied = [name for name, t in theirs.items() if name in ours and ours[name].shape == t.shape]
    skipped = [name for name, t in theirs.items() if name in ours and ours[name].shape != t.shape]
    if not copied:
        raise ValueError(f"warm start from {directory}: no tensor matches the model in name and shape")
    with torch.no_grad():
        for name in copied:
            ours[name].copy_(theirs[name])
    return WarmStartReport(str(directory), copied, skipped)
