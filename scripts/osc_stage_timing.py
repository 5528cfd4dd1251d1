"""Where an OSC round trip's time goes, stage by stage, under the benchmark's 100 Hz /alpha sweep.

    python scripts/osc_stage_timing.py models/mel_2bar_small [--seconds 10]

Runs the real server in a child process with a timestamp at each stage (datagram received, decode job
submitted, job started, decode started and finished, reply being sent) and a client in this process that sends
/alpha at 100 Hz and timestamps each /notes/end. time.perf_counter is CLOCK_MONOTONIC on Linux, so the two
processes' stamps share one clock (this script is Linux-only for that reason). A diagnostic for the
developers; `musicvae bench` is the benchmark.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench.roundtrip import timed_alpha_sweep
from bench.server_process import start_server_process

RATE_HZ = 100.0

# The child: `musicvae serve`, with the methods of each stage wrapped (on their classes, before serve
# builds its objects) to record (stage, time); the stamps are written when serve exits on SIGTERM.
INSTRUMENTED_SERVE = r"""
import atexit, json, sys, time
from pathlib import Path
from server.engine import Engine
from server.dispatcher import Dispatcher
from server.session import Session
from server.worker import LatestOnlyWorker
out = Path(sys.argv[1])
stamps = {s: [] for s in ("received", "submitted", "job started", "decode started", "decode done", "sending")}
def wrap(cls, name, before=None, after=None):
    inner = getattr(cls, name)
    def wrapped(*a, **k):
        if before: stamps[before].append(time.perf_counter())
        result = inner(*a, **k)
        if after: stamps[after].append(time.perf_counter())
        return result
    setattr(cls, name, wrapped)
wrap(Dispatcher, "handle_datagram", before="received")
wrap(Engine, "decode", before="decode started", after="decode done")
wrap(Session, "reply", before="sending")
submit = LatestOnlyWorker.submit
def timed_submit(self, key, job):
    stamps["submitted"].append(time.perf_counter())
    run = job.run
    def timed_run():
        stamps["job started"].append(time.perf_counter())
        run()
    job.run = timed_run
    submit(self, key, job)
LatestOnlyWorker.submit = timed_submit
atexit.register(lambda: out.write_text(json.dumps(stamps)))
from musicvae.cli import main
sys.exit(main(["serve", *sys.argv[2:]]))
"""


def sweep(model: Path, seconds: float) -> tuple[int, dict[str, np.ndarray]]:
    """-> (messages sent, each answered message's time at every stage, client and server, in order)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stamps.json"
        launcher = [sys.executable, "-c", INSTRUMENTED_SERVE, str(out)]
        with start_server_process(model, Path(tmp), launcher=launcher) as server:
            sent, answered = timed_alpha_sweep(server, RATE_HZ, seconds)
        stamps = json.loads(out.read_text())
    return len(sent), pair_stages(np.asarray(sent), stamps, np.asarray(answered))


def pair_stages(sent: np.ndarray, stamps: dict[str, list[float]], answered: np.ndarray) -> dict[str, np.ndarray]:
    """Walk back from each /notes/end the client got to the stamps of the message it answers: at every stage,
    the latest stamp not after the next stage's. One receiving thread and one decode worker keep each
    message's stages in that order, so this pairs what was answered even when the server dropped stale
    requests (which leave received and submitted stamps but no decode), and skips the /ping handshake."""
    chain = [("client sent", sent), *((k, np.sort(np.asarray(v, dtype=float))) for k, v in stamps.items())]
    series = {"client got /notes/end": answered[answered > sent[0]]}
    later = series["client got /notes/end"]
    for name, times in reversed(chain):
        index = np.searchsorted(times, later, side="right") - 1
        keep = index >= 0
        series = {k: v[keep] for k, v in series.items()}
        later = series[name] = times[index[keep]]
    return dict(reversed(list(series.items())))


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
    sent, series = sweep(args.model, args.seconds)
    paired = len(series["client sent"])
    if not paired:
        sys.exit(f"osc_stage_timing: none of {sent} /alpha messages was answered")
    print(f"{sent} /alpha messages at 100 Hz, {paired} answered and paired (the server drops a request that a "
          f"newer one overtook)\n" + report(series))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
