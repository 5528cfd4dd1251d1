"""Soak test: a real `musicvae serve` under a 100 Hz /alpha knob sweep for an hour (or --minutes), reporting
what only shows over time. Not a CI test: run it by hand before a release or after touching the hot path.

    python scripts/soak.py [--model models/mel_2bar_small] [--minutes 60] [--json soak.json]

Each minute is one sweep (alpha 1 -> 0 -> 1, bench/roundtrip.py's alpha_sweep, then a second's tail to
collect the last replies), and one line:
  - the server's resident memory (VmRSS from /proc, Linux) at the minute's end, and its growth since the
    first minute: a leak shows as steady growth;
  - round-trip latency p50 and p99 (send /alpha -> /notes/end arrives) and their drift from the first minute;
  - how many requests were answered, and how many the server dropped as stale (newest-request-wins: a
    busy machine drops more; that is by design);
  - whether the sweep's final /alpha was answered. It must always be: the final position of a knob is the
    one a performer hears. A minute whose final message went unanswered is counted as a dropped final.
The summary repeats the totals; --json writes every minute and the summary.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.roundtrip import alpha_sweep  # noqa: E402 - after the repository is on the path
from bench.server_process import start_server_process  # noqa: E402

SWEEP_SECONDS = 60.0  # one line of the report per sweep
HEADER = (f"{'min':>4} {'rss MiB':>8} {'growth':>7} {'p50 ms':>7} {'p99 ms':>7} {'drift p50':>9} {'drift p99':>9} "
          f"{'answered':>9} {'stale':>6} {'final':>6}")


def rss_mib(pid: int) -> float | None:
    """The process's resident set size in MiB (Linux /proc), None where there is no /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def soak(model: Path, minutes: int, rate_hz: float, threads: int) -> list[dict]:
    minutes_done: list[dict] = []
    with tempfile.TemporaryDirectory() as state, \
            start_server_process(model, Path(state), "--threads", str(threads)) as server:
        server.client.request("/sample", "a", 1.0, 1)
        server.client.request("/sample", "b", 1.0, 2)
        print(f"soak: {model} for {minutes} min at {rate_hz:g} Hz, server pid {server.proc.pid}\n{HEADER}",
              flush=True)
        dropped_before = 0
        for minute in range(1, minutes + 1):
            result = alpha_sweep(server, rate_hz, SWEEP_SECONDS)
            if server.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {server.proc.returncode}:\n{server.log()[-2000:]}")
            record = {"minute": minute, "time": time.time(), "rss_mib": rss_mib(server.proc.pid),
                      "sent": result.sent, "answered": result.answered,
                      "stale_dropped": result.stale_dropped - dropped_before,
                      "final_answered": result.last_alpha_answered, "latency": result.latency.as_dict()}
            dropped_before = result.stale_dropped
            minutes_done.append(record)
            print(line(record, minutes_done[0]), flush=True)
            server.client.forget()  # the client keeps every packet otherwise: a leak of our own
    return minutes_done


def line(record: dict, first: dict) -> str:
    lat, first_lat = record["latency"], first["latency"]
    rss = record["rss_mib"]
    growth = rss - first["rss_mib"] if rss is not None and first["rss_mib"] is not None else float("nan")
    return (f"{record['minute']:>4} {rss if rss is not None else float('nan'):>8.1f} {growth:>+7.1f} "
            f"{lat['p50_ms']:>7.2f} {lat['p99_ms']:>7.2f} {lat['p50_ms'] - first_lat['p50_ms']:>+9.2f} "
            f"{lat['p99_ms'] - first_lat['p99_ms']:>+9.2f} {record['answered']:>4}/{record['sent']:<4} "
            f"{record['stale_dropped']:>6} {'yes' if record['final_answered'] else 'NO':>6}")


def summary(minutes: list[dict]) -> dict:
    first, last = minutes[0], minutes[-1]
    rss = [m["rss_mib"] for m in minutes if m["rss_mib"] is not None]
    return {"minutes": len(minutes),
            "rss_first_mib": rss[0] if rss else None, "rss_last_mib": rss[-1] if rss else None,
            "rss_max_mib": max(rss) if rss else None,
            "rss_growth_mib": rss[-1] - rss[0] if rss else None,
            "p50_drift_ms": last["latency"]["p50_ms"] - first["latency"]["p50_ms"],
            "p99_drift_ms": last["latency"]["p99_ms"] - first["latency"]["p99_ms"],
            "sent": sum(m["sent"] for m in minutes), "answered": sum(m["answered"] for m in minutes),
            "stale_dropped": sum(m["stale_dropped"] for m in minutes),
            "dropped_finals": sum(not m["final_answered"] for m in minutes)}


def main() -> int:
    from server.model_dir import resolve_model_dir

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="bundle folder (default: the shipped default)")
    parser.add_argument("--minutes", type=int, default=60, help="how long, one sweep a minute (default %(default)s)")
    parser.add_argument("--rate", type=float, default=100.0, help="/alpha messages a second (default %(default)g)")
    parser.add_argument("--threads", type=int, default=1, help="serve --threads (default %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="write every minute and the summary here")
    args = parser.parse_args()
    minutes = soak(resolve_model_dir(args.model), args.minutes, args.rate, args.threads)
    total = summary(minutes)
    mib = {k: f"{v:.1f}" if v is not None else "?" for k, v in total.items() if k.startswith("rss")}
    print(f"summary: rss {mib['rss_first_mib']} -> {mib['rss_last_mib']} MiB "
          f"(growth {mib['rss_growth_mib']}, max {mib['rss_max_mib']}); latency drift p50 "
          f"{total['p50_drift_ms']:+.2f} ms, p99 {total['p99_drift_ms']:+.2f} ms; answered {total['answered']} of "
          f"{total['sent']}, {total['stale_dropped']} dropped as stale; dropped finals: {total['dropped_finals']}")
    if args.json:
        args.json.write_text(json.dumps({"minutes": minutes, "summary": total}, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 1 if total["dropped_finals"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
