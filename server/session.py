"""One model's live session: everything an OSC handler (server/handlers.py) acts on, and nothing of the
transport.

A Session holds the model's engine, the performer's state and the lock that guards it, the presets, the
subscribers, the decode worker and the playback loop. Handlers change the state under `lock`, hand slow
work to `submit` / `submit_decode`, and answer with `reply`. Replies leave through the `send` function
the transport gives the session (server/osc.py), so a session can be driven and tested without knowing
which socket carries its datagrams.

Replies go to the sender's host at the reply port (Max's [udpsend] cannot receive, so replies go to a
[udpreceive] port) and to every subscribed port.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter
from typing import Callable, Hashable, Iterable

import numpy as np

from server import wire
from server.addresses import ADDRESSES, BEATS, STATUS_FIELDS
from server.args import ArgumentError
from server.engine import Engine
from server.presets import PresetStore
from server.state import LiveState
from server.worker import Job, LatestOnlyWorker

log = logging.getLogger("musicvae.server")

Sender = tuple[str, int]
Send = Callable[[bytes, Sender], None]  # one datagram to one (host, port); must not raise


class Session:
    def __init__(self, engine: Engine, presets: PresetStore, send: Send, reply_port: int, playback=None):
        self.engine = engine
        self.presets = presets
        self.playback = playback
        self.reply_port = reply_port
        self.lock = threading.Lock()  # guards state, subscribers and counters
        self.state = LiveState.initial(engine.z_size, tuple(engine.bundle.attributes))
        self.subscribers: dict[Sender, frozenset[str]] = {}  # -> the streams it asked for (addresses.STREAMS)
        self.sample_count = 0
        self.decode_id = 0
        self.received: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.worker = LatestOnlyWorker()
        self._send = send
        if playback is not None:
            playback.on_beat = self._beat  # called on the playback thread

    # ------------------------------------------------------------------------------------------- replies

    def targets(self, sender: Sender) -> set[Sender]:
        with self.lock:
            return {(sender[0], self.reply_port), *self.subscribers}

    def reply(self, sender: Sender, payload: bytes, extra: Iterable[Sender] = ()) -> None:
        """To the sender's reply port, every subscriber and `extra`."""
        for target in self.targets(sender).union(extra):
            self._send(payload, target)

    def ok(self, sender: Sender, address: str, *values, extra: Iterable[Sender] = ()) -> None:
        """Acknowledge a state change: /ok address value ..."""
        self.reply(sender, wire.message("/ok", address, *values), extra)

    def broadcast(self, payload: bytes, stream: str) -> None:
        """To the subscribers that asked for `stream`."""
        with self.lock:
            targets = [target for target, streams in self.subscribers.items() if stream in streams]
        for target in targets:
            self._send(payload, target)

    def _beat(self, bar: int, step: int) -> None:
        self.broadcast(wire.message("/beat", int(bar), int(step)), BEATS)

    def error(self, sender: Sender, address: str, reason: str) -> None:
        with self.lock:
            self.errors[address if address in ADDRESSES else "(other)"] += 1
        log.debug("error %s: %s", address, reason)
        self.reply(sender, wire.message("/error", printable(address), reason[:500]))

    # ------------------------------------------------------------------------------------------- decoding

    def current_z(self, state: LiveState) -> np.ndarray:
        return state.current_z(self.engine.bundle.attributes)

    def submit(self, key: Hashable, address: str, sender: Sender, run: Callable[[], None]) -> None:
        """Run `run` on the decode worker; a newer job under the same key replaces a pending one."""
        def on_error(exc: Exception) -> None:
            if not isinstance(exc, ArgumentError):
                log.error("%s failed: %s: %s", address, type(exc).__name__, exc)
            self.error(sender, address, str(exc) if isinstance(exc, ArgumentError)
                       else f"failed: {type(exc).__name__}: {exc}")

        self.worker.submit(key, Job(address, run, on_error))

    def submit_decode(self, key: Hashable, address: str, sender: Sender,
                      latent: Callable[[LiveState], np.ndarray]) -> None:
        """Decode `latent(state)` on the worker, with the state as it is when the job runs."""
        def run() -> None:
            with self.lock:
                state = self.state.snapshot()
            z = latent(state)  # may run the encoder (a pending /encode): outside the lock
            if not np.isfinite(z).all():
                raise ArgumentError("the latent is not finite (attribute amounts or z values too large)")
            notes = self.engine.decode(z, state.temperature, state.seed)
            with self.lock:
                self.decode_id += 1
                decode_id = self.decode_id
            self.reply(sender, wire.notes_bundle(decode_id, notes))
            if self.playback is not None:
                self.playback.set_notes(notes)

        self.submit(key, address, sender, run)

    def next_sample_seed(self) -> int:
        """Seeds for /sample without one: a reproducible sequence per /seed."""
        with self.lock:
            self.sample_count += 1
            entropy = [self.state.seed, self.sample_count]
        return int(np.random.SeedSequence(entropy).generate_state(1, np.uint64)[0] >> 1)

    # -------------------------------------------------------------------------------------------- status

    def status_values(self) -> list:
        """The /status reply's arguments, in the order of server.addresses.STATUS_FIELDS."""
        e = self.engine
        with self.lock:
            s = self.state
            fields = {"model": e.bundle.name, "provider": e.provider, "z_size": e.z_size, "bars": e.bundle.num_bars,
                      "steps": e.num_steps, "temperature": float(s.temperature), "bpm": float(s.bpm),
                      "alpha": float(s.alpha), "seed": int(s.seed), "decodes": self.decode_id,
                      "dropped": sum(self.worker.dropped.values()), "errors": sum(self.errors.values()),
                      "subscribers": len(self.subscribers)}
        return [fields[name] for name in STATUS_FIELDS]

    def stats(self) -> dict:
        """Counters for tests and the benchmark."""
        with self.lock:
            return {"received": dict(self.received), "errors": dict(self.errors), "decodes": self.decode_id,
                    "dropped": dict(self.worker.dropped), "done": dict(self.worker.done),
                    "failed": dict(self.worker.failed), "subscribers": sorted(self.subscribers)}

    def close(self) -> None:
        """Finish pending jobs (a save in flight lands), then silence playback."""
        self.worker.stop()
        if self.playback is not None:
            self.playback.close()


def printable(address: str) -> str:
    return address if address.isprintable() and len(address) <= 200 else repr(address)[:200]
