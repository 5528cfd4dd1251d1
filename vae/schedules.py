"""Training schedules as pure functions of the step (so a resumed run continues them exactly).

`step` is the number of optimizer updates already done (0 for the first batch), as Magenta's global_step.
"""
from __future__ import annotations

import math

from vae.configs import TrainConfig


def learning_rate(step: int, train: TrainConfig) -> float:
    """Exponential decay from learning_rate toward the floor min_learning_rate (Magenta's schedule)."""
    return (train.learning_rate - train.min_learning_rate) * train.lr_decay_rate ** step + train.min_learning_rate


def beta(step: int, train: TrainConfig) -> float:
    """KL weight beta_max * (1 - rate^step): 0 at step 0 when rate > 0; constant beta_max when rate == 0."""
    if train.beta_rate == 0.0:
        return train.beta_max
    return train.beta_max * (1.0 - train.beta_rate ** step)


def free_nats(train: TrainConfig) -> float:
    """The per-sequence KL allowance: Magenta's free_bits hparam is in bits, the loss works in nats."""
    return train.free_bits * math.log(2.0)


def sampling_probability(step: int, train: TrainConfig) -> float:
    """Inverse-sigmoid scheduled sampling: p = 1 - k / (k + exp(step / k)) (Magenta, Bengio et al. 2015).

    The probability of feeding the decoder its own sample instead of the true previous token. Written as
    sigmoid(step / k - ln k), which is the same value without overflowing exp for large steps.
    """
    k = train.sampling_rate
    if k <= 0:
        return 0.0
    x = step / k - math.log(k)
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
