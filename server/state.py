"""What a performer controls: two latent slots, the morph position, attribute amounts, temperature, seed
and tempo. The receiving thread changes it as messages arrive; the decode worker reads it when it runs.

An /encode must not run the encoder on the receiving thread, yet a /preset/save right behind it must
store the encoded slot. So a slot may hold a `PendingLatent`: the clip's tokens, encoded on first use
(by the worker) and then cached. Everything that reads a slot goes through `resolve`.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from contract.codec import DEFAULT_BPM
from server.addresses import SLOTS
from server.latent import apply_attributes, sample_prior, slerp

DEFAULT_TEMPERATURE = 0.5  # Magenta's default sampling temperature


class PendingLatent:
    """The mu of a clip, computed once on first `value()` (thread-safe)."""

    def __init__(self, tokens: np.ndarray, encode: Callable[[np.ndarray], np.ndarray]):
        self.tokens = tokens
        self._encode = encode
        self._value: np.ndarray | None = None
        self._lock = threading.Lock()

    def value(self) -> np.ndarray:
        with self._lock:
            if self._value is None:
                self._value = np.asarray(self._encode(self.tokens), dtype=np.float32).copy()
            return self._value


def resolve(latent) -> np.ndarray:
    return latent.value() if isinstance(latent, PendingLatent) else latent


@dataclass
class LiveState:
    slots: dict  # slot name -> np.ndarray [z] or PendingLatent
    attribute_names: tuple[str, ...] = ()
    alpha: float = 0.0
    attributes: dict[str, float] = field(default_factory=dict)
    temperature: float = DEFAULT_TEMPERATURE
    seed: int = 0
    bpm: float = DEFAULT_BPM

    @classmethod
    def initial(cls, z_size: int, attribute_names: tuple[str, ...]) -> "LiveState":
        """Two different seeded prior samples, so /alpha morphs between something from the first message."""
        slots = {name: sample_prior(z_size, 1.0, seed=i) for i, name in enumerate(SLOTS)}
        return cls(slots=slots, attribute_names=tuple(attribute_names),
                   attributes={name: 0.0 for name in attribute_names})

    def slot_z(self, name: str) -> np.ndarray:
        return resolve(self.slots[name])

    def current_z(self, vectors: dict[str, np.ndarray]) -> np.ndarray:
        """The morph point: slerp(a, b, alpha) plus every attribute's amount times its vector."""
        a, b = (self.slot_z(name) for name in SLOTS)
        return apply_attributes(slerp(a, b, self.alpha), self.attributes, vectors)

    def snapshot(self) -> "LiveState":
        """A copy safe to read on another thread (slots are replaced, never mutated in place)."""
        return LiveState(dict(self.slots), self.attribute_names, self.alpha, dict(self.attributes),
                         self.temperature, self.seed, self.bpm)

    # ------------------------------------------------------------------------------------------ presets

    def to_preset(self) -> dict:
        """JSON-ready: both slots (resolving pending encodes), alpha, attributes, temperature, seed."""
        return {
            "slots": {name: [float(v) for v in self.slot_z(name)] for name in SLOTS},
            "alpha": float(self.alpha),
            "attributes": {k: float(v) for k, v in self.attributes.items() if v},
            "temperature": float(self.temperature),
            "seed": int(self.seed),
        }

    def apply_preset(self, preset: dict, z_size: int) -> None:
        """Recall a preset; raises ValueError (state untouched) if it does not fit this model."""
        slots = {}
        for name in SLOTS:
            z = np.asarray(preset["slots"][name], dtype=np.float32)
            if z.shape != (z_size,) or not np.isfinite(z).all():
                raise ValueError(f"preset slot {name} has {z.size} values, this model's z size is {z_size}")
            slots[name] = z
        unknown = sorted(set(preset.get("attributes", {})) - set(self.attribute_names))
        if unknown:
            raise ValueError(f"preset uses attributes this model lacks: {', '.join(unknown)}")
        self.slots = slots
        self.alpha = float(preset.get("alpha", 0.0))
        self.attributes = {name: float(preset.get("attributes", {}).get(name, 0.0)) for name in self.attribute_names}
        self.temperature = float(preset.get("temperature", self.temperature))
        self.seed = int(preset.get("seed", self.seed))
