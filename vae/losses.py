"""The MusicVAE objective: reconstruction cross-entropy + beta * max(KL - free_nats, 0) (Magenta's form).

Both terms are per sequence (cross-entropy summed over steps, KL summed over latent dimensions) and then
averaged over the batch, so free bits are an allowance per sequence, as in Magenta.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass
class LossTerms:
    loss: torch.Tensor  # scalar, what is differentiated
    reconstruction: torch.Tensor  # mean over the batch of the per-sequence cross-entropy (nats)
    kl: torch.Tensor  # mean over the batch of the per-sequence KL (nats)
    accuracy: torch.Tensor  # teacher-forced (or scheduled-sampling) per-step argmax accuracy


def kl_per_dim(mu: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """KL(N(mu, sigma^2) || N(0, 1)) per example and dimension, [B, Z], in nats."""
    return 0.5 * (mu.square() + sigma.square() - 1.0) - torch.log(sigma.clamp_min(1e-12))


def vae_loss(logits: torch.Tensor, targets: torch.Tensor, mu: torch.Tensor, sigma: torch.Tensor,
             beta: float, free_nats: float) -> LossTerms:
    ce = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none").view(targets.shape).sum(1)
    kl = kl_per_dim(mu, sigma).sum(1)
    kl_cost = torch.clamp(kl - free_nats, min=0.0)
    loss = ce.mean() + beta * kl_cost.mean()
    with torch.no_grad():
        accuracy = (logits.argmax(-1) == targets).float().mean()
    return LossTerms(loss, ce.mean().detach(), kl.mean().detach(), accuracy)
