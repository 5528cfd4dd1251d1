"""The live OSC server (DESIGN.md section 7): one receiving thread, one decode worker.

The receiving thread reads datagrams from a plain UDP socket, parses them (bundles unpacked, time tags
ignored), checks each message against the address table and runs its handler (server/handlers.py), which
applies cheap state changes at once and submits decodes to the worker. The worker decodes only the newest
pending request of each kind, so a burst of knob messages never builds a backlog, and /ping is answered
by the receiving thread itself, whatever the worker is doing.

Replies go to the sender's host at the reply port (Max's [udpsend] cannot receive, so replies go to a
[udpreceive] port) and to every subscribed port. Decoded notes are ONE bundle, one datagram:
/notes/begin id count, count x /note pitch velocity start duration, /notes/end id; id increases with
every decode. Bad input of any kind gets `/error address "reason"` and the server keeps serving.

/status replies the fields of server.addresses.STATUS_FIELDS in that order: model provider z_size bars
steps temperature bpm alpha seed decodes dropped errors subscribers (dropped: stale requests skipped in
favour of newer ones).
"""
from __future__ import annotations

import logging
import socket
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable

import numpy as np

from server import wire
from server.addresses import ADDRESSES, STATUS_FIELDS
from server.args import ArgumentError, count
from server.engine import Engine
from server.handlers import HANDLERS
from server.presets import PresetStore, default_state_dir, presets_path
from server.state import LiveState
from server.worker import Job, LatestOnlyWorker

log = logging.getLogger("musicvae.server")

Sender = tuple[str, int]
MAX_DATAGRAM = 65535
RECEIVE_BUFFER = 4 << 20  # room for a burst while the thread is busy; the OS may cap it
POLL_SECONDS = 0.2  # how often a blocked receive checks for shutdown
MALFORMED = "(malformed)"  # the /error address for a datagram that is not OSC at all


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 9000  # 0 picks a free port (tests)
    reply_port: int = 9001
    state_dir: Path | None = None  # presets live here; None: the platform's user data folder


class OscServer:
    def __init__(self, engine: Engine, config: ServerConfig = ServerConfig(), playback=None):
        self.engine = engine
        self.config = config
        self.playback = playback
        self.lock = threading.Lock()  # guards state, subscribers and counters
        self.state = LiveState.initial(engine.z_size, tuple(engine.bundle.attributes))
        self.subscribers: set[Sender] = set()
        self.sample_count = 0
        self.decode_id = 0
        self.received: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        state_dir = Path(config.state_dir) if config.state_dir else default_state_dir()
        self.presets = PresetStore(presets_path(state_dir, engine.bundle.name))
        self.sock = self._bind(config.host, config.port)
        self.port = self.sock.getsockname()[1]
        self.worker = LatestOnlyWorker()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def _bind(host: str, port: int) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        except OSError:
            pass
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise OSError(f"cannot listen on udp {host}:{port} ({exc.strerror or exc}); is another server "
                          f"running there? choose another with --port") from exc
        sock.settimeout(POLL_SECONDS)
        return sock

    # ------------------------------------------------------------------------------------------- running

    def serve_forever(self) -> None:
        """Receive and dispatch until stop() (or KeyboardInterrupt in the calling thread)."""
        log.info("listening on udp %s:%d, replies to port %d", self.config.host, self.port, self.config.reply_port)
        while not self._stopping.is_set():
            try:
                data, sender = self.sock.recvfrom(MAX_DATAGRAM)
            except socket.timeout:
                continue
            except ConnectionResetError:  # Windows reports an earlier reply's ICMP "port unreachable" here
                continue
            except OSError:
                if self._stopping.is_set():
                    return
                raise
            if self._stopping.is_set():
                return
            self.handle_datagram(data, sender)

    def start(self) -> "OscServer":
        """Serve on a background thread (tests, embedding)."""
        self._thread = threading.Thread(target=self.serve_forever, name="musicvae-osc", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop receiving, finish pending jobs (a save in flight lands), silence playback, close."""
        self._stopping.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(2 * POLL_SECONDS + 1)
        self.worker.stop()
        if self.playback is not None:
            self.playback.close()
        self.sock.close()

    def _wake(self) -> None:
        """An empty datagram to ourselves ends a blocked receive now rather than at the next poll."""
        host = self.config.host if self.config.host not in ("0.0.0.0", "") else "127.0.0.1"
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.sendto(b"", (host, self.port))
        except OSError:
            pass

    # ------------------------------------------------------------------------------------------ dispatch

    def handle_datagram(self, data: bytes, sender: Sender) -> None:
        try:
            messages = wire.parse(data)
        except wire.OscParseError as exc:
            self.error(sender, MALFORMED, str(exc))
            return
        for address, args in messages:
            self.handle_message(address, args, sender)

    def handle_message(self, address: str, args: list, sender: Sender) -> None:
        spec = ADDRESSES.get(address)
        handler = HANDLERS.get(address)
        if spec is None or handler is None:
            with self.lock:
                self.received["(unknown)"] += 1
            self.error(sender, address, "unknown address; send /ping, /status, /sample, /alpha ... "
                                        "(see server/addresses.py)")
            return
        with self.lock:
            self.received[address] += 1
        try:
            count(args, spec.min_args, spec.max_args, address, spec.signature)
            handler(self, args, sender)
        except ArgumentError as exc:
            self.error(sender, address, str(exc))
        except Exception as exc:  # a bug must cost one reply, not the server
            log.exception("handler for %s failed", address)
            self.error(sender, address, f"internal error: {type(exc).__name__}: {exc}")

    # ------------------------------------------------------------------------------------------- replies

    def targets(self, sender: Sender) -> set[Sender]:
        with self.lock:
            return {(sender[0], self.config.reply_port), *self.subscribers}

    def send(self, sender: Sender, payload: bytes) -> None:
        for target in self.targets(sender):
            try:
                self.sock.sendto(payload, target)
            except OSError as exc:  # an unreachable listener must not stop the others
                log.debug("reply to %s failed: %s", target, exc)

    def error(self, sender: Sender, address: str, reason: str) -> None:
        with self.lock:
            self.errors[address if address in ADDRESSES else "(other)"] += 1
        log.debug("error %s: %s", address, reason)
        self.send(sender, wire.message("/error", _printable(address), reason[:500]))

    # ------------------------------------------------------------------------------------------- decoding

    def current_z(self, state: LiveState) -> np.ndarray:
        return state.current_z(self.engine.bundle.attributes)

    def submit_job(self, key: Hashable, address: str, sender: Sender, run: Callable[[], None]) -> None:
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
            self.send(sender, wire.notes_bundle(decode_id, notes))
            if self.playback is not None:
                self.playback.set_notes(notes)

        self.submit_job(key, address, sender, run)

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


def _printable(address: str) -> str:
    return address if address.isprintable() and len(address) <= 200 else repr(address)[:200]
