"""The α cache: the notes of all 128 knob positions of the current morph, decoded ahead of the hand.

A MIDI CC has 128 positions, alpha = k/127. Whenever what those decodes depend on changes (slot a or b,
the attribute amounts, the temperature or the seed: a `MorphKey`), a background thread decodes the 128
points in batches (one decoder run per batch), nearest the knob first, each batch only once the live
decode worker is idle, so a live request never queues behind the cache. A knob move then answers from
the cache; an OSC /alpha answers from it too when alpha*127 is an integer to within 1e-9, and decodes as
before otherwise (an OSC float32 argument counts as exact when it is k/127 rounded to float32).

Exactness: a batch row is decoded with the same noise the live single decode binds for the seed, and the
points are computed by the same function as the live path, so a cached answer equals the live decode
(tests/test_alpha_cache.py checks it on every position).

A hit never waits for the fill: the fill decodes with no lock held, and takes the cache's lock only to store
a finished batch. What an entry is comes from `to_entry` (the server keeps the notes with their reply
already packed, server/wire.py's EncodedNotes, so a hit costs a lookup, two small packs and a send).

Staleness: every change of key bumps a generation and clears the table; a batch decoded for an older
generation is thrown away, and a lookup must present the key it wants, so a stale fill is never served.
"""
from __future__ import annotations

import logging
import math
import struct
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

log = logging.getLogger("musicvae.server")

POSITIONS = 128  # a MIDI CC's values 0..127
EXACT = 1e-9  # alpha*127 within this of an integer counts as that knob position
DEFAULT_BATCH = 8  # rows per decoder run: short enough that a batch never holds a core for long
FILLED_LOG = "α cache filled:"  # the debug line a complete fill logs (the benchmark waits for it)
IDLE_POLL_S = 0.05  # how often a filler waiting for the live worker rechecks for a newer generation
_FLOAT32 = struct.Struct("f")
_FLOAT32_POSITIONS = [float(np.float32(k / (POSITIONS - 1))) for k in range(POSITIONS)]  # k/127 as OSC sends it


def knob_alpha(k: int) -> float:
    """Knob position k's alpha as an OSC float carries it: k/127 rounded to float32."""
    return _FLOAT32_POSITIONS[k]


def position(alpha: float) -> int | None:
    """The knob position k with alpha == k/127, or None. Exact means alpha*127 within EXACT of k, or alpha
    being k/127 rounded to float32: an OSC `f` argument cannot carry k/127 any closer than that."""
    scaled = float(alpha) * (POSITIONS - 1)
    if not math.isfinite(scaled):
        return None
    k = round(scaled)
    if not 0 <= k < POSITIONS:
        return None
    if abs(scaled - k) <= EXACT or _FLOAT32.unpack(_FLOAT32.pack(alpha))[0] == _FLOAT32_POSITIONS[k]:
        return k  # (struct, not numpy, rounds to float32: this runs on every knob move)
    return None


@dataclass(frozen=True, eq=False)
class MorphKey:
    """What the 128 decodes depend on. Slots are compared by identity: the server replaces a slot's
    latent on every change and never mutates one in place, and holding them here keeps ids unique."""

    a: object
    b: object
    attributes: tuple[tuple[str, float], ...]
    temperature: float
    seed: int

    def same(self, other: "MorphKey | None") -> bool:
        return (other is not None and self.a is other.a and self.b is other.b
                and self.attributes == other.attributes and self.temperature == other.temperature
                and self.seed == other.seed)


@dataclass
class _Fill:
    generation: int
    key: MorphKey
    point: Callable[[float], np.ndarray]  # alpha -> the latent, as the live decode computes it
    near: int  # the knob position to fill outwards from


class AlphaCache:
    def __init__(self, decode_rows: Callable[[np.ndarray, float, int], np.ndarray],
                 to_entry: Callable[[np.ndarray], object],
                 wait_live_idle: Callable[[float], bool] | None = None, batch: int = DEFAULT_BATCH):
        """decode_rows(z [n, Z], temperature, seed) -> tokens [n, steps], each row as the live decode gives
        it; to_entry(tokens [steps]) -> what a hit returns (the notes, e.g. codec.decode, or the notes
        with their reply packed); wait_live_idle(timeout) -> True once no live decode is pending or running
        (None: never wait)."""
        self._decode_rows = decode_rows
        self._to_entry = to_entry
        self._wait_live_idle = wait_live_idle or (lambda timeout: True)
        self.batch = max(1, int(batch))
        self._cond = threading.Condition()
        self._generation = 0
        self._key: MorphKey | None = None
        self._entries: list[object | None] = [None] * POSITIONS
        self._filled = 0
        self._job: _Fill | None = None
        self._stopping = False
        self.hits = 0
        self.misses = 0
        self.fill_seconds: float | None = None  # the last complete fill, from its request to its last batch
        self._requested = 0.0
        self._thread = threading.Thread(target=self._loop, name="musicvae-alpha-cache", daemon=True)
        self._thread.start()

    # ---------------------------------------------------------------------------------------- queries

    def lookup(self, key: MorphKey, alpha: float, count_miss: bool = True) -> object | None:
        """The cached entry of `alpha` under `key`, or None (not a knob position, another key, not yet).
        `count_miss=False`: a try whose miss is looked up again elsewhere (counted there)."""
        k = position(alpha)
        with self._cond:
            entry = self._entries[k] if k is not None and key.same(self._key) else None
            if entry is not None:
                self.hits += 1
            elif count_miss:
                self.misses += 1
            return entry

    def entry(self, key: MorphKey, k: int) -> object | None:
        """Knob position k's entry under `key`, or None; a hit is counted, a miss is not (the caller falls
        back to `lookup`, which counts it)."""
        with self._cond:
            found = self._entries[k] if key.same(self._key) else None
            if found is not None:
                self.hits += 1
            return found

    @property
    def filled(self) -> int:
        with self._cond:
            return self._filled

    @property
    def generation(self) -> int:
        with self._cond:
            return self._generation

    def wait_filled(self, timeout: float | None = None) -> bool:
        """Block until all 128 positions of the current key are cached (tests, the benchmark)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._filled == POSITIONS or self._stopping, timeout) \
                and self._filled == POSITIONS

    # ---------------------------------------------------------------------------------------- changes

    def refresh(self, key: MorphKey, point: Callable[[float], np.ndarray], alpha: float = 0.0) -> bool:
        """Make `key` the cached morph; a no-op when it already is. True when a new fill was started."""
        with self._cond:
            if key.same(self._key):
                return False
            self._generation += 1
            self._key = key
            self._entries = [None] * POSITIONS
            self._filled = 0
            near = min(POSITIONS - 1, max(0, round(float(alpha) * (POSITIONS - 1)))) if math.isfinite(alpha) else 0
            self._job = _Fill(self._generation, key, point, near)
            self._requested = time.perf_counter()
            self._cond.notify_all()
            return True

    def invalidate(self) -> None:
        """Forget everything (the next refresh fills again, whatever its key)."""
        with self._cond:
            self._generation += 1
            self._key = None
            self._entries = [None] * POSITIONS
            self._filled = 0
            self._job = None
            self._cond.notify_all()

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._job = None
            self._cond.notify_all()
        self._thread.join(timeout)

    # ----------------------------------------------------------------------------------------- filling

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._job is not None or self._stopping)
                if self._stopping:
                    return
                job, self._job = self._job, None
            try:
                self._fill(job)
            except Exception as exc:  # a latent that cannot be decoded: live decodes will say so
                log.warning("α cache: fill stopped: %s: %s", type(exc).__name__, exc)

    def _fill(self, job: _Fill) -> None:
        order = sorted(range(POSITIONS), key=lambda k: (abs(k - job.near), k))
        for i in range(0, POSITIONS, self.batch):
            if not self._wait_for_live(job):
                return
            ks = order[i:i + self.batch]
            z = np.stack([np.asarray(job.point(k / (POSITIONS - 1)), dtype=np.float32) for k in ks])
            if not np.isfinite(z).all():
                log.warning("α cache: the morph has non-finite latents; not cached")
                return
            tokens = self._decode_rows(z, job.key.temperature, job.key.seed)
            entries = [self._to_entry(row) for row in tokens]
            with self._cond:
                if self._generation != job.generation:  # the morph changed while we decoded: drop it
                    return
                for k, entry in zip(ks, entries):
                    self._entries[k] = entry
                self._filled += len(ks)
                if self._filled == POSITIONS:
                    self.fill_seconds = time.perf_counter() - self._requested
                    log.debug("%s %d positions in %.3f s", FILLED_LOG, POSITIONS, self.fill_seconds)
                self._cond.notify_all()

    def _wait_for_live(self, job: _Fill) -> bool:
        """Wait until the live worker is idle; False if the job went stale or we are stopping meanwhile."""
        while True:
            with self._cond:
                if self._stopping or self._generation != job.generation:
                    return False
            if self._wait_live_idle(IDLE_POLL_S):
                return True


def decode_rows_as_live(engine) -> Callable[[np.ndarray, float, int], np.ndarray]:
    """`decode_rows` for an Engine: one decoder run per batch, every row with the noise the live single
    decode binds for the seed (not the batch decode's per-row draws), so each row equals the live answer."""
    from contract.graphs import TOKENS, decoder_feed
    from contract.noise import argmax_noise, uniform_noise

    shape = (1, engine.num_steps, engine.num_classes)
    noise_of_seed: dict[int, np.ndarray] = {}  # the filler thread's alone

    def decode_rows(z: np.ndarray, temperature: float, seed: int) -> np.ndarray:
        n = len(z)
        if temperature > 0:
            if seed not in noise_of_seed:
                noise_of_seed.clear()  # one seed at a time: a session decodes with its one /seed
                noise_of_seed[seed] = uniform_noise(shape, seed)
            noise = noise_of_seed[seed]
        else:
            noise = argmax_noise(shape)
        feeds = decoder_feed(np.ascontiguousarray(z, dtype=np.float32), np.full(n, temperature, dtype=np.float32),
                             np.ascontiguousarray(np.broadcast_to(noise, (n, *shape[1:]))))
        return engine.decoder.run([TOKENS], feeds)[0]

    return decode_rows
