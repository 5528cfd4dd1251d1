"""Knob to notes with the α cache: what a MIDI knob (or a patch sending k/127) costs, warm and cold.

A real `musicvae serve` in a child process, real UDP on 127.0.0.1. A client turns a knob at `rate_hz`:
/alpha over the 128 knob positions, 0 -> 127 -> 0, one request in flight at a time, timing each from its
send to its /notes/end (the client's receive stamp).

- warm: after the server has logged a complete fill of the swept morph; every position answers from the
  cache. The server's own count of cache hits (logged when it stops) is reported, and its own time for
  the hits it answered on the receiving thread, from the datagram's arrival to the reply ready to send (the send itself, a few µs, left out): the
  server's share of the round trip (the rest is the kernel, the client and waiting for a core).
- cold: the same sweep half a position off the grid, (k + 0.5)/127: no answer can come from the cache, so
  each request is decoded, as a request on an empty cache is.
- echo: a bare Python UDP echo in another process, asked right after each warm answer (bench/udp_floor.py):
  the round trip this machine allows at that moment, whatever the server does.
- fill: seconds from a change of morph until all 128 positions are cached (the model's decoder in batches
  in this process, nothing else running), over a few morphs.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bench.server_process import ServerProcess, start_server_process
from bench.stats import Latency
from bench.udp_floor import UdpEcho
from server.alpha_cache import FILLED_LOG, POSITIONS

FILLS = 3  # morphs timed for the fill time
FILL_TIMEOUT_S = 120.0
REPLY_TIMEOUT_S = 2.0  # a request unanswered this long counts as unanswered
HITS_LOG = re.compile(r"α cache: (\d+) hit\(s\), (\d+) miss")
HIT_TIMES_LOG = re.compile(r"(\d+) answered on the receiving thread in p50 (\d+) µs, p99 (\d+) µs")


@dataclass
class KnobResult:
    rate_hz: float
    seconds: float
    warm: Latency
    warm_answered: int
    cold: Latency
    cold_answered: int
    sent_per_sweep: int
    fill_seconds: list[float]
    server_cache_hits: int | None
    server_cache_misses: int | None
    load_average: tuple[float, float]  # the machine's 1-minute load at the start and the end: latency needs a core
    server_hit_us: dict | None = None  # hits answered on the receiving thread: count, p50, p99 (µs, in to ready to send)
    echo: Latency | None = None  # a bare UDP echo process asked after each warm answer: the machine's floor

    def as_dict(self) -> dict:
        d = asdict(self)
        d["warm"], d["cold"] = self.warm.as_dict(), self.cold.as_dict()
        d["echo"] = self.echo.as_dict() if self.echo else None
        return d


def fill_times(path: Path, threads: int = 1, fills: int = FILLS) -> list[float]:
    """Seconds to cache all 128 positions of `fills` different morphs, on an idle engine."""
    from server.alpha_cache import AlphaCache, MorphKey, decode_rows_as_live
    from server.engine import Engine, EngineOptions
    from server.latent import sample_prior, slerp

    engine = Engine(path, EngineOptions(provider="cpu", threads=threads))
    cache = AlphaCache(decode_rows_as_live(engine), engine.codec.decode)
    times = []
    try:
        for i in range(fills):
            a, b = sample_prior(engine.z_size, 1.0, 2 * i), sample_prior(engine.z_size, 1.0, 2 * i + 1)
            cache.refresh(MorphKey(a, b, (), 0.5, i), lambda alpha, a=a, b=b: slerp(a, b, alpha))
            if not cache.wait_filled(120):
                raise RuntimeError(f"the α cache of {path} did not fill within 120 s")
            times.append(round(cache.fill_seconds, 4))
    finally:
        cache.close()
    return times


def knob_sweep(server: ServerProcess, alphas: np.ndarray, rate_hz: float,
               echo: UdpEcho | None = None) -> tuple[Latency, int, Latency | None]:
    """Send each alpha on a `rate_hz` grid, one in flight at a time: each /notes/end is then its request's
    own (an open-loop sweep pairs replies by arrival, which goes wrong once decodes take longer than the
    interval, as on a loaded machine). `echo`: also time a bare UDP echo right after each answer.
    -> (latency of each answered request, how many were answered, the echoes' latency or None)."""
    client = server.client
    client.settle(0.3)
    latencies, echoes = [], []
    due = time.perf_counter()
    for alpha in alphas:
        due = max(due + 1.0 / rate_hz, time.perf_counter())
        if (ahead := due - time.perf_counter()) > 0:
            time.sleep(ahead)
        client.mark()
        sent = time.perf_counter()
        client.send("/alpha", float(alpha))
        end = client.next_packet(lambda p: any(m.address == "/notes/end" for m in p.messages), REPLY_TIMEOUT_S)
        if end is not None:
            latencies.append(end.time - sent)
        if echo is not None and (echoed := echo.round_trip()) is not None:
            echoes.append(echoed)
    if not latencies:
        raise RuntimeError(f"no /notes/end came back from {len(alphas)} /alpha messages; server log:\n"
                           f"{server.log()[-2000:]}")
    return Latency.from_seconds(latencies), len(latencies), Latency.from_seconds(echoes) if echoes else None


def _wait_filled(server: ServerProcess, before: int, timeout: float = FILL_TIMEOUT_S) -> None:
    """Until the server logs a complete fill after `before` of them: once /sample b has been answered, the
    fill of slot a's morph can no longer complete, so the next one logged is the morph being swept."""
    deadline = time.monotonic() + timeout
    while server.log().count(FILLED_LOG) <= before:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server's α cache did not fill within {timeout} s")
        time.sleep(0.05)


def knob_positions(seconds: float, rate_hz: float, offset: float = 0.0) -> np.ndarray:
    """k/127 (plus `offset` positions) for a knob swept 0 -> 127 -> 0 and on, `seconds` long."""
    top = POSITIONS - 1 - int(np.ceil(offset))  # the last position whose offset point stays in [0, 1]
    n = max(1, int(seconds * rate_hz))
    triangle = np.concatenate([np.arange(top + 1), np.arange(top - 1, 0, -1)])
    k = triangle[np.arange(n) % len(triangle)].astype(np.float64)
    return (k + offset) / (POSITIONS - 1)


def bench_knob(path: Path, threads: int = 1, rate_hz: float = 100.0, seconds: float = 5.0) -> KnobResult:
    load_at_start = os.getloadavg()[0]
    fills = fill_times(path, threads)
    with tempfile.TemporaryDirectory() as state:
        server = start_server_process(path, Path(state), "--threads", str(threads), "--verbose")
        try:
            server.client.request("/sample", "a", 1.0, 1)
            server.client.request("/sample", "b", 1.0, 2)
            _wait_filled(server, before=server.log().count(FILLED_LOG))
            with UdpEcho() as udp_echo:
                warm, warm_answered, echo = knob_sweep(server, knob_positions(seconds, rate_hz), rate_hz, udp_echo)
            cold, cold_answered, _ = knob_sweep(server, knob_positions(seconds, rate_hz, offset=0.5), rate_hz)
            server.interrupt()
            found, timed = HITS_LOG.search(server.log()), HIT_TIMES_LOG.search(server.log())
        finally:
            server.close()
    hits, misses = (int(found.group(1)), int(found.group(2))) if found else (None, None)
    hit_us = {"count": int(timed.group(1)), "p50": int(timed.group(2)), "p99": int(timed.group(3))} if timed else None
    return KnobResult(rate_hz, seconds, warm, warm_answered, cold, cold_answered, int(seconds * rate_hz), fills,
                      hits, misses, (round(load_at_start, 2), round(os.getloadavg()[0], 2)), hit_us, echo)
