"""One model's live session: everything an OSC handler (server/handlers.py) acts on, and nothing of the
transport.

A Session holds the model's engine, the performer's state and the lock that guards it, the presets, the
subscribers, the decode worker and the playback loop. Handlers change the state under `lock`, hand slow
work to `submit_current` / `submit_slot` / `submit`, and answer with `answer`, `ok` or `reply`. Replies
leave through the `send` function the transport gives the session (server/osc.py), so a session can be
driven and tested without knowing which socket carries its datagrams.

Replies go to the sender's host at the reply port (Max's [udpsend] cannot receive, so replies go to a
[udpreceive] port) and to every subscribed port. Where a server plays several models, each has its own
Session and address prefix (/drums/alpha); a reply carries the prefix of the message it answers (the
sender is then an `Origin`), so a client always recognises the answers to what it sent. /error never
carries one: its first argument is the address as sent.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, NamedTuple

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
CURRENT = "current"  # the worker key of decodes of the current point (a newer one replaces a pending one)
Send = Callable[[bytes, Sender], None]  # one datagram to one (host, port); must not raise
HIT_TIMES_KEPT = 100_000  # α cache hits answered on the receiving thread whose time (hit_seconds) is kept


class Origin(NamedTuple):
    """A sender, with the model prefix its message came with ("" or e.g. "/drums"): replies carry it; and
    when its message arrived (time.perf_counter(); 0: unknown), to time the answers from the α cache."""
    host: str
    port: int
    prefix: str = ""
    received: float = 0.0


def prefix_of(sender: Sender) -> str:
    return sender.prefix if isinstance(sender, Origin) else ""


@dataclass(frozen=True)
class Subscription:
    streams: frozenset[str] = frozenset()  # what it asked for beyond replies (addresses.STREAMS)
    prefix: str = ""  # the model prefix it subscribed with: streamed messages carry it


class Session:
    def __init__(self, engine: Engine, presets: PresetStore, send: Send, reply_port: int, playback=None,
                 prefix: str = ""):
        self.engine = engine
        self.tracks = engine.codec.tracks > 1  # a trio model's /note replies carry each note's track
        self.prefix = prefix  # this model's address prefix, e.g. "/mel" (the dispatcher routes by it)
        self.presets = presets
        self.playback = playback
        self.reply_port = reply_port
        self.lock = threading.Lock()  # guards state, subscribers and counters
        self.state = LiveState.initial(engine.z_size, tuple(engine.bundle.attributes))
        self.subscribers: dict[Sender, Subscription] = {}
        self.sample_count = 0
        self.decode_id = 0
        self.received: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.worker = LatestOnlyWorker()
        # α cache hits answered on the receiving thread: message in to reply ready to send. Not past the send:
        # on a busy machine the client woken by it may take this core, and that wait is not the answer's.
        self.hit_seconds: deque[float] = deque(maxlen=HIT_TIMES_KEPT)
        # The current point whose notes were last sent and played. It starts as the initial point, unheard:
        # the loop starts with the first decode that moves it (or /alpha), never with a preview.
        self._playing_z = self.current_z(self.state)
        self._send = send
        self.instrument = None  # server/instrument.py (MIDI in, the α cache, tempo sync), set by LiveServer
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

    def answer(self, sender: Sender, address: str, *args) -> None:
        """Reply one message, in the namespace the sender used."""
        self.reply(sender, wire.message(prefix_of(sender) + address, *args))

    def ok(self, sender: Sender, address: str, *values, extra: Iterable[Sender] = ()) -> None:
        """Acknowledge a state change: /ok address value ... (the address as sent)."""
        prefix = prefix_of(sender)
        self.reply(sender, wire.message(prefix + "/ok", prefix + address, *values), extra)

    def broadcast(self, stream: str, address: str, *args) -> None:
        """One message to the subscribers that asked for `stream`, each in the namespace it subscribed with."""
        with self.lock:
            targets = [(target, sub.prefix) for target, sub in self.subscribers.items() if stream in sub.streams]
        for target, prefix in targets:
            self._send(wire.message(prefix + address, *args), target)

    def _beat(self, bar: int, step: int) -> None:
        self.broadcast(BEATS, "/beat", int(bar), int(step))

    def error(self, sender: Sender, address: str, reason: str) -> None:
        """/error address reason, `address` as sent (the sender's prefix, if any, and the address)."""
        with self.lock:
            self.errors[address if address in ADDRESSES else "(other)"] += 1
        sent = prefix_of(sender) + address
        log.debug("error %s: %s", sent, reason)
        self.reply(sender, wire.message("/error", printable(sent), reason[:500]))

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

    def submit_current(self, address: str, sender: Sender) -> None:
        """Reply the current point's notes and play them: from the α cache right here if it holds them and
        the worker is idle, else decoded on the worker (with the state as it is when the job runs)."""
        if self._answer_from_cache(address, sender):
            return

        def run() -> None:
            state = self._snapshot()
            z = _finite(self.current_z(state))
            notes = self._decode_current(state, z)
            decode_id = self._next_id()
            self.reply(sender, wire.notes_bundle(decode_id, notes, prefix_of(sender), self.tracks))
            self._play(z, notes)

        self.submit(CURRENT, address, sender, run)

    def _answer_from_cache(self, address: str, sender: Sender) -> bool:
        """A knob position the α cache holds is answered in the calling (receiving) thread, in the worker's
        place: no decode and no wait for the worker thread to wake, which on a busy machine costs more than
        the answer. Only while the worker is idle, so replies keep their order. False: not answered."""
        if self.instrument is None or self.instrument.cache is None:
            return False

        def answer() -> bool:
            state = self._snapshot()
            cached = self.instrument.cached_current(state, count_miss=False)  # a miss is counted by the job
            if cached is None:
                return False
            received = sender.received if isinstance(sender, Origin) else None
            self._send_hit(cached, self._next_id(), self.targets(sender), prefix_of(sender), received)
            self._play(self.current_z(state), cached.notes)  # after the reply: it is not on the way there
            return True

        return self.worker.run_here_if_idle(address, answer)

    def answer_knob(self, k: int, alpha: float, sender: Sender, prefix: str, received: float) -> bool:
        """`/alpha` at knob position k (alpha = k/127 as a float32), answered from the α cache in the calling
        thread with as little as possible before the send (server/knob_path.py). The same answer, counters
        and playing as the general path's; False, with nothing changed, if the cache does not hold it or the
        worker is busy (then the general path takes the message)."""
        instrument = self.instrument
        if instrument is None or instrument.cache is None:
            return False

        def answer() -> bool:
            with self.lock:
                cached = instrument.cache.entry(instrument.morph_key(self.state), k)
                if cached is None:
                    return False
                self.state.alpha = alpha
                self.received["/alpha"] += 1
                self.decode_id += 1
                decode_id, targets = self.decode_id, {(sender[0], self.reply_port), *self.subscribers}
            self._send_hit(cached, decode_id, targets, prefix, received)
            self._play(self.current_z(self._snapshot()), cached.notes)
            return True

        return self.worker.run_here_if_idle("/alpha", answer)

    def _send_hit(self, cached: wire.EncodedNotes, decode_id: int, targets: Iterable[Sender], prefix: str,
                  received: float | None) -> None:
        """Send an α cache hit's notes, timed from the datagram's arrival to the send (hit_seconds: the
        part of the round trip that is ours; what follows the send is not on the reply's way)."""
        payload = cached.bundle(decode_id, prefix)
        if received:
            self.hit_seconds.append(time.perf_counter() - received)
        for target in targets:
            self._send(payload, target)

    def submit_slot(self, slot: str, address: str, sender: Sender) -> None:
        """Cue a slot on the worker: reply its preview; only if that moved the current point (slot a at
        alpha < 1, slot b at alpha > 0) decode the current point too, in the same datagram, and play it."""
        def run() -> None:
            state = self._snapshot()
            z = _finite(state.slot_z(slot))  # may run the encoder (a pending /encode): outside the lock
            preview = self.engine.decode(z, state.temperature, state.seed)
            preview_id = self._next_id()
            prefix = prefix_of(sender)
            elements = [wire.preview_elements(slot, preview_id, preview, prefix, self.tracks)]
            current = _finite(self.current_z(state))
            if not np.array_equal(current, self._playing_z):
                same = np.array_equal(current, z)  # alpha at this slot's end, no attributes: one decode
                notes = preview if same else self._decode_current(state, current)
                elements.append(wire.notes_elements(preview_id if same else self._next_id(), notes, prefix,
                                                    self.tracks))
                self._play(current, notes)
            self.reply(sender, wire.bundle_of(*elements))

        self.submit(("slot", slot), address, sender, run)

    def _snapshot(self) -> LiveState:
        with self.lock:
            return self.state.snapshot()

    def _decode_current(self, state: LiveState, z: np.ndarray) -> list:
        # The current point may be on the α cache's knob grid (its decode, made ahead of the hand).
        cached = self.instrument.cached_current(state) if self.instrument is not None else None
        return cached.notes if cached is not None else self.engine.decode(z, state.temperature, state.seed)

    def _next_id(self) -> int:
        with self.lock:
            self.decode_id += 1
            return self.decode_id

    def _play(self, z: np.ndarray, notes: list) -> None:
        """`notes`, decoded at `z`, are now what plays (from the next bar line where a loop runs)."""
        self._playing_z = z  # the worker's alone: only jobs, and what runs in the worker's place, touch it
        if self.playback is not None:
            self.playback.set_notes(notes)

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


def _finite(z: np.ndarray) -> np.ndarray:
    if not np.isfinite(z).all():
        raise ArgumentError("the latent is not finite (attribute amounts or z values too large)")
    return z


def printable(address: str) -> str:
    return address if address.isprintable() and len(address) <= 200 else repr(address)[:200]
