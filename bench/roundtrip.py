"""End-to-end OSC round trip under a knob sweep: a real server process, real UDP on 127.0.0.1.

A client sends `/alpha` at a fixed rate (a MIDI knob sends about 100 messages a second), sweeping
alpha 0 -> 1 -> 0, and timestamps every `/notes/end` that comes back. Each reply is charged to the newest
request sent before the server began answering it; at 100 Hz with a decode of a few milliseconds
that request is unambiguous. Reported: latency percentiles, the answered fraction, the server's count of
stale requests it dropped, and whether the last alpha of the sweep was answered.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import numpy as np

from bench.server_process import ServerProcess
from bench.stats import Latency


TAIL_S = 1.0  # after the last send, how long replies are still collected


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
    """Send /alpha at `rate_hz` for `seconds`; -> (each send's time, each /notes/end's arrival time).

    Both are time.perf_counter() stamps: the sends here, the arrivals on the client's receiving thread, which
    gets the GIL at once because this thread sleeps between sends."""
    client = server.client
    client.settle(0.3)  # replies to earlier requests (the slots' /sample) must not count
    client.mark()
    n = int(rate_hz * seconds)
    alphas = np.abs(np.linspace(-1.0, 1.0, n))  # 1 -> 0 -> 1: a knob turned down and back up
    sent_at = np.empty(n)
    start = time.perf_counter()
    for i, alpha in enumerate(alphas):
        due = start + i / rate_hz
        if (ahead := due - time.perf_counter()) > 0:
            time.sleep(ahead)
        sent_at[i] = time.perf_counter()
        client.send("/alpha", float(alpha))
    time.sleep(TAIL_S)  # the last replies
    return sent_at, [p.time for p in client.since_mark() for m in p.messages if m.address == "/notes/end"]
