"""Training-time augmentation of drum windows: recombining the kit of two grooves.

A drum window is a groove's kick, snare and toms (the "body") played under its hi-hats and cymbals (the
"metal"). Our drum data holds a few thousand distinct 2-bar patterns, and a 2-bar drum model overfits
them: trained on them, it reconstructs grooves it never saw far worse than the ones it did
(results/drum_pilots.json). Recombination puts one window's body under another window's metal, which
gives patterns a drummer plays (a rock beat with a shuffled ride, a half-time groove with 16th hats)
that the data set lacks, so the encoder must describe the two layers separately rather than recall
whole grooves.

Pure on tokens (bit i of a drum token = drum class i hit on that step, contract/codec.py) and driven by
a torch.Generator, so a step's augmentation is a function of (seed, step) and resuming repeats it.
"""
from __future__ import annotations

import torch

from contract.codec import DRUM_CLASS_NAMES

METAL_CLASSES = ("closed_hihat", "open_hihat", "crash", "ride")
METAL_MASK = sum(1 << DRUM_CLASS_NAMES.index(name) for name in METAL_CLASSES)
BODY_MASK = (1 << len(DRUM_CLASS_NAMES)) - 1 - METAL_MASK


def recombine_kits(tokens: torch.Tensor, probability: float, generator: torch.Generator) -> torch.Tensor:
    """Drum windows [batch, steps] where each window, with `probability`, keeps its body and takes the
    metal of another window of the batch (a random one, not itself); the others are returned as they are.
    A window whose recombination would be silent keeps its own tokens (all-rest windows are not data)."""
    batch = tokens.shape[0]
    if probability <= 0.0 or batch < 2:
        return tokens
    chosen = torch.rand(batch, generator=generator, device=tokens.device) < probability
    offset = torch.randint(1, batch, (batch,), generator=generator, device=tokens.device)
    partner = (torch.arange(batch, device=tokens.device) + offset) % batch
    mixed = (tokens & BODY_MASK) | (tokens[partner] & METAL_MASK)
    keep = chosen & mixed.ne(0).any(dim=1)
    return torch.where(keep[:, None], mixed, tokens)
