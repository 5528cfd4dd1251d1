"""The benchmark's results as table rows, rendered as text (the command's stdout) or markdown (README).

One row iterator per table, so the two renderings cannot drift apart.
"""
from __future__ import annotations

import statistics
from typing import Iterator

LATENCY_COLUMNS = ("model", "runtime", "op", "batch", "p50 ms", "p95 ms", "p99 ms", "GFLOP/s", "ORT ×")
SWEEP_COLUMNS = ("model", "/alpha sweep", "round trip p50 ms", "p95 ms", "p99 ms", "answered", "stale dropped",
                 "last α answered", "over the paced decode p50 / p99 ms")
KNOB_COLUMNS = ("model", "knob sweep", "warm p50 ms", "warm p99 ms", "cold p50 ms", "cold p99 ms", "fill s",
                "cache hits", "server hit p50 / p99 µs", "UDP echo p50 / p99 ms", "load")
PAPER_SIZE_COLUMNS = ("decoder (random weights)", "precision", "CPU p50 ms", "wall p50 ms", "runs", "decoder.onnx MB",
                      "GB streamed", "bandwidth floor ms")


def latency_rows(results: dict) -> Iterator[list[str]]:
    for model in results["models"]:
        for r in model["rows"]:
            lat = r["latency"]
            op = r["op"] + (f" @{r['pace_hz']:g} Hz" if "pace_hz" in r else "")
            yield [model["name"], r["runtime"], op, str(r["batch"]), f"{lat['p50_ms']:.2f}", f"{lat['p95_ms']:.2f}",
                   f"{lat['p99_ms']:.2f}", str(r.get("gflops", "")), str(r.get("speedup_vs_pytorch", ""))]


def sweep_rows(results: dict) -> Iterator[list[str]]:
    for model in results["models"]:
        s = model.get("osc_sweep")
        if not s:
            continue
        lat, over = s["latency"], s.get("overhead_ms") or {}
        overhead = (f"{over['p50_over_paced_decode']:+.2f} / {over['p99_over_paced_decode']:+.2f}"
                    if "p50_over_paced_decode" in over else "")
        yield [model["name"], f"{s['rate_hz']:g} Hz × {s['seconds']:g} s", f"{lat['p50_ms']:.2f}",
               f"{lat['p95_ms']:.2f}", f"{lat['p99_ms']:.2f}", f"{s['answered_fraction']:.1%}", str(s["stale_dropped"]),
               str(s["last_alpha_answered"]), overhead]


def paper_size_rows(results: dict) -> Iterator[list[str]]:
    """Random-weight decoders at the paper's sizes (bench/paper_size.py): CPU time is the better estimate of
    an idle machine's wall time when others share the cores."""
    for r in (results.get("paper_size") or {}).get("rows", []):
        yield [r["model"], r["precision"], f"{r['cpu_p50_ms']:.1f}", f"{r['wall_p50_ms']:.1f}", str(r["runs"]),
               f"{r['mb']:.1f}", f"{r['streamed_gb']:.2f}", f"{r['bandwidth_floor_ms']:.1f}"]


def knob_rows(results: dict) -> Iterator[list[str]]:
    """Knob to notes (bench/knob.py): the OSC round trip warm and cold, the fill, and a warm hit's own time in
    the server (datagram in to reply ready to send), a bare UDP echo asked after each warm answer (the machine's
    floor, bench/udp_floor.py); `load` is the machine's 1-minute load at the start and the end."""
    for model in results["models"]:
        k = model.get("knob")
        if not k:
            continue
        hit, echo = k.get("server_hit_us"), k.get("echo")
        yield [model["name"], f"{k['rate_hz']:g} Hz × {k['seconds']:g} s", f"{k['warm']['p50_ms']:.2f}",
               f"{k['warm']['p99_ms']:.2f}", f"{k['cold']['p50_ms']:.2f}", f"{k['cold']['p99_ms']:.2f}",
               f"{statistics.median(k['fill_seconds']):.2f}", str(k["server_cache_hits"] if k["server_cache_hits"] is not None else "?"),
               f"{hit['p50']} / {hit['p99']}" if hit else "",
               f"{echo['p50_ms']:.2f} / {echo['p99_ms']:.2f}" if echo else "", "%.1f–%.1f" % tuple(k["load_average"])]


def _tables(results: dict) -> Iterator[tuple[tuple[str, ...], list[list[str]], int]]:
    """(columns, rows, how many leading columns are text) of each non-empty table."""
    for columns, rows, text_columns in ((LATENCY_COLUMNS, list(latency_rows(results)), 3),
                                        (SWEEP_COLUMNS, list(sweep_rows(results)), 2),
                                        (KNOB_COLUMNS, list(knob_rows(results)), 2),
                                        (PAPER_SIZE_COLUMNS, list(paper_size_rows(results)), 2)):
        if rows:
            yield columns, rows, text_columns


def text_table(results: dict) -> str:
    blocks = []
    for columns, rows, text_columns in _tables(results):
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
        blocks.append("\n".join("  ".join(v.ljust(w) if i < text_columns else v.rjust(w)
                                          for i, (v, w) in enumerate(zip(line, widths)))
                                for line in [list(columns), *rows]))
    return "\n\n" + "\n\n".join(blocks)


def markdown_table(results: dict) -> str:
    blocks = []
    for columns, rows, text_columns in _tables(results):
        align = ["---" if i < text_columns else "---:" for i in range(len(columns))]
        blocks.append("\n".join("| " + " | ".join(line) + " |" for line in [list(columns), align, *rows]))
    return "\n\n".join(blocks)
