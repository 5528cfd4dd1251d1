"""End-to-end OSC round trip under a knob sweep: a real server process, real UDP on 127.0.0.1.

A client sends `/alpha` at a fixed rate (a MIDI knob sends about 100 messages a second), sweeping
alpha 0 -> 1 -> 0, and timestamps every `/notes/end` that comes back. Each reply is charged to the newest
request sent before the server began answering it; at 100 Hz with a decode of a few milliseconds
that request is unambiguous. Reported: latency percentiles, the answered fraction, the server's count of
stale requests it dropped, and whether the last alpha of the sweep was answered.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from pythonosc.osc_packet import OscPacket

from bench.stats import Latency
from server.addresses import STATUS_FIELDS
from server.wire import message


@dataclass
class SweepResult:
    rate_hz: float
    seconds: float
    sent: int
    answered: int
    answered_fraction: float
    stale_dropped: int
    last_alpha_answered: bool
    latency: Latency

    def as_dict(self) -> dict:
        d = asdict(self)
        d["latency"] = self.latency.as_dict()
        return d


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVE = [sys.executable, "-m", "musicvae.cli", "serve"]


class ServerProcess:
    """`musicvae serve` in a child process on free ports, stopped on exit. `launcher` replaces the
    command before serve's options (scripts/osc_stage_timing.py launches an instrumented serve)."""

    def __init__(self, model: Path, state_dir: Path, threads: int = 1, launcher: list[str] = SERVE):
        self.port = _free_udp_port()
        self.reply = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.reply.bind(("127.0.0.1", 0))
        self.reply.settimeout(0.5)
        reply_port = self.reply.getsockname()[1]
        cmd = [*launcher, "--model", str(model), "--port", str(self.port), "--reply-port", str(reply_port),
               "--state", str(state_dir), "--threads", str(threads)]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.send_socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._wait_ready()

    def send(self, address: str, *args) -> None:
        self.send_socket.sendto(message(address, *args), ("127.0.0.1", self.port))

    def receive(self, timeout: float) -> list[tuple[float, str, tuple]]:
        """Messages that arrive within `timeout`, each with its arrival time."""
        self.reply.settimeout(timeout)
        try:
            data = self.reply.recv(65536)
        except socket.timeout:
            return []
        now = time.perf_counter()
        return [(now, m.message.address, tuple(m.message.params)) for m in OscPacket(data).messages]

    def _wait_ready(self, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read().decode(errors='replace')[-2000:]}")
            self.send("/ping")
            if any(addr == "/pong" for _, addr, _ in self.receive(0.2)):
                return
        raise RuntimeError("server did not answer /ping within 30 s")

    def status(self) -> dict:
        self.send("/status")
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            for _, addr, args in self.receive(0.2):
                if addr == "/status":
                    return dict(zip(STATUS_FIELDS, args))
        return {}

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.reply.close()
        self.send_socket.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def alpha_sweep(server: ServerProcess, rate_hz: float = 100.0, seconds: float = 10.0) -> SweepResult:
    sent_at, replies = timed_alpha_sweep(server, rate_hz, seconds)
    n = len(sent_at)
    latencies = [arrival - sent_at[np.searchsorted(sent_at, arrival) - 1] for arrival in replies
                 if arrival > sent_at[0]]
    status = server.status()
    return SweepResult(rate_hz, seconds, n, len(latencies), len(latencies) / n,
                       int(status.get("dropped", -1)), bool(replies and replies[-1] > sent_at[-1]),
                       Latency.from_seconds(latencies or [float("nan")]))


def timed_alpha_sweep(server: ServerProcess, rate_hz: float, seconds: float) -> tuple[np.ndarray, list[float]]:
    """Send /alpha at `rate_hz` for `seconds`; -> (each send's time, each /notes/end's arrival time)."""
    while server.receive(0.3):  # replies to earlier requests (the slots' /sample) must not count
        pass
    n = int(rate_hz * seconds)
    alphas = np.abs(np.linspace(-1.0, 1.0, n))  # 1 -> 0 -> 1: a knob turned down and back up
    sent_at = np.empty(n)
    replies: list[float] = []
    start = time.perf_counter()
    for i, alpha in enumerate(alphas):
        due = start + i / rate_hz
        while (now := time.perf_counter()) < due:
            replies += _ends(server.receive(max(due - now, 1e-4)))
        sent_at[i] = time.perf_counter()
        server.send("/alpha", float(alpha))
    tail_deadline = time.perf_counter() + 1.0
    while time.perf_counter() < tail_deadline:
        replies += _ends(server.receive(0.05))
    return sent_at, replies


def _ends(messages: list[tuple[float, str, tuple]]) -> list[float]:
    return [t for t, addr, _ in messages if addr == "/notes/end"]
