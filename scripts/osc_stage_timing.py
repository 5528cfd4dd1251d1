"""Where an OSC round trip's time goes, stage by stage, under the benchmark's 100 Hz /alpha sweep.

    python scripts/osc_stage_timing.py models/mel_2bar_small [--seconds 10]

Runs the real server in a child process with a timestamp at each stage (datagram received, decode job
submitted, job started, decode started and finished, reply sent) and a client in this process that sends
/alpha at 100 Hz and timestamps each /notes/end. time.perf_counter is CLOCK_MONOTONIC on Linux, so the two
processes' stamps share one clock (this script is Linux-only for that reason). A diagnostic for the
developers; `musicvae bench` is the benchmark.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from server.wire import message

STAGES = ("received", "submitted", "job started", "decode started", "decode done", "sent")

# Runs in the child: the real OscServer, its methods wrapped to record (stage, time).
SERVER = r'''
import json, signal, sys, time
from pathlib import Path
from server.engine import Engine, EngineOptions
from server.osc import OscServer, ServerConfig
model, port, reply_port, state, out = sys.argv[1:6]
stamps = {s: [] for s in ("received", "submitted", "job started", "decode started", "decode done", "sent")}
engine = Engine(model, EngineOptions(provider="cpu"))
srv = OscServer(engine, ServerConfig(port=int(port), reply_port=int(reply_port), state_dir=Path(state)))
def wrap(obj, name, before=None, after=None):
    inner = getattr(obj, name)
    def wrapped(*a, **k):
        if before: stamps[before].append(time.perf_counter())
        result = inner(*a, **k)
        if after: stamps[after].append(time.perf_counter())
        return result
    setattr(obj, name, wrapped)
wrap(srv, "handle_datagram", before="received")
wrap(engine, "decode", before="decode started", after="decode done")
wrap(srv, "send", after="sent")
submit = srv.worker.submit
def timed_submit(key, job):
    stamps["submitted"].append(time.perf_counter())
    run = job.run
    def timed_run():
        stamps["job started"].append(time.perf_counter())
        run()
    job.run = timed_run
    submit(key, job)
srv.worker.submit = timed_submit
def stop(*_):
    Path(out).write_text(json.dumps(stamps))
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
srv.serve_forever()
'''


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sweep(model: Path, seconds: float, rate: float = 100.0) -> dict[str, np.ndarray]:
    reply = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    reply.bind(("127.0.0.1", 0))
    send = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stamps.json"
        child = subprocess.Popen([sys.executable, "-c", SERVER, str(model), str(port),
                                  str(reply.getsockname()[1]), tmp, str(out)])
        try:
            _wait_for_pong(reply, send, port)
            _drain(reply, 0.5)
            sent, answered = _send_alphas(reply, send, port, int(rate * seconds), rate)
            _drain(reply, 0.3)
        finally:
            child.terminate()
            child.wait(10)
        stamps = json.loads(out.read_text())
    # The pings before the sweep were received too; keep the sweep's own datagrams.
    n = min(len(sent), len(answered), *(len(v) for v in stamps.values()))
    series = {"client sent": np.array(sent[-n:]), **{k: np.array(v[-n:]) for k, v in stamps.items()},
              "client got /notes/end": np.array(answered[-n:])}
    return series


def _wait_for_pong(reply, send, port) -> None:
    reply.settimeout(0.2)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        send.sendto(message("/ping"), ("127.0.0.1", port))
        try:
            if b"/pong" in reply.recv(65536):
                return
        except socket.timeout:
            pass
    raise RuntimeError("the server did not answer /ping within 60 s")


def _drain(reply, seconds: float) -> None:
    reply.settimeout(seconds)
    try:
        while True:
            reply.recv(65536)
    except socket.timeout:
        pass


def _send_alphas(reply, send, port, n: int, rate: float) -> tuple[list[float], list[float]]:
    sent, answered = [], []
    start = time.perf_counter()
    for i in range(n):
        due = start + i / rate
        while (now := time.perf_counter()) < due:
            reply.settimeout(max(due - now, 1e-4))
            try:
                data = reply.recv(65536)
            except socket.timeout:
                continue
            if b"/notes/end" in data:
                answered.append(time.perf_counter())
        sent.append(time.perf_counter())
        send.sendto(message("/alpha", abs(1 - 2 * i / n)), ("127.0.0.1", port))
    reply.settimeout(0.5)
    try:
        while len(answered) < len(sent):
            if b"/notes/end" in reply.recv(65536):
                answered.append(time.perf_counter())
    except socket.timeout:
        pass
    return sent, answered


def report(series: dict[str, np.ndarray]) -> str:
    names = list(series)
    lines = [f"{'stage':<48} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"]
    for a, b in zip(names, names[1:]):
        ms = (series[b] - series[a]) * 1e3
        p50, p95, p99 = np.percentile(ms, [50, 95, 99])
        lines.append(f"{a + ' -> ' + b:<48} {p50:>8.3f} {p95:>8.3f} {p99:>8.3f}")
    total = (series[names[-1]] - series[names[0]]) * 1e3
    lines.append(f"{'round trip':<48} " + " ".join(f"{v:>8.3f}" for v in np.percentile(total, [50, 95, 99])))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="bundle folder, e.g. models/mel_2bar_small")
    parser.add_argument("--seconds", type=float, default=10.0, help="sweep length at 100 Hz")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        sys.exit("osc_stage_timing: Linux only (it compares perf_counter across processes)")
    series = sweep(args.model, args.seconds)
    n = len(series["client sent"])
    if n < int(100 * args.seconds):
        sys.exit(f"osc_stage_timing: only {n} of {int(100 * args.seconds)} /alpha answered (stale drops): "
                 "stages cannot be paired; rerun on a quieter machine")
    print(f"{n} /alpha messages at 100 Hz, each answered\n" + report(series))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
