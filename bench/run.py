"""Decode-latency benchmark: what we promise performers (docs/design.md, 'Benchmark').

For each bundle: encode and decode latency (p50/p95/p99 over --runs calls after warm-up) at batch 1 and
batch 8 with ONNX Runtime; the same model in PyTorch eager in the same run when torch is installed and the
bundle carries its weights (pytorch/); the live decode once more at the sweep's cadence ("decode @100 Hz":
one call per 10 ms, caches cooling in between, as in the OSC sweep); the achieved GFLOP/s of each decode
next to this machine's measured float32 matrix-multiply (all cores and one thread) and matrix-vector rates;
and the end-to-end OSC round trip (send /alpha, receive /notes/end) on a live server under a 100 Hz alpha
sweep, with what it adds over the decode; and knob to notes over the α cache's 128 positions, warm and
cold, with the time to fill the cache (bench/knob.py). With --paper-size, random-weight decoders at the
paper's sizes too, fp32 and int8 (bench/paper_size.py). Prints tables; --json writes everything.

Decode rows sample at temperature 1 with a fresh seed per call (the costlier path: the Gumbel noise is
drawn in numpy every call, where a live session draws it once per seed); encode rows encode real-looking
token windows.

Example:
  musicvae bench --model models/mel_2bar_small --model models/mel_16bar_hier_small --json bench.json
  musicvae bench --paper-size            # only the paper-size decoders, 3 decodes each
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from bench.flops import decode_flops
from contract.noise import NOISE_MAX, NOISE_MIN
from bench.hardware import describe, matmul_gflops, matmul_gflops_one_thread, matvec_gflops
from bench.paper_size import DEFAULT_RUNS as PAPER_SIZE_RUNS
from bench.stats import Latency, time_calls
from bench.table import text_table
from contract.errors import UserError
from server.engine import PROVIDER_CHOICES, Engine, EngineOptions

BATCHES = (1, 8)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", type=Path, action="append", default=None,
                        help="bundle folder (repeatable; default: every bundle under models/)")
    parser.add_argument("--provider", choices=PROVIDER_CHOICES, default="cpu",
                        help="ONNX Runtime execution provider, as `serve --provider` (default %(default)s: the "
                             "benchmark measures the CPU unless asked; cuda falls back to cpu where it cannot load)")
    parser.add_argument("--runs", type=int, default=200, help="timed calls per row, after warm-up")
    parser.add_argument("--threads", type=int, default=EngineOptions.threads,
                        help="intra-op threads for ONNX Runtime and PyTorch alike (as `serve --threads`: more "
                             "than 1 spins, trading a busy core for speed)")
    parser.add_argument("--sweep-seconds", type=float, default=10.0, help="OSC alpha sweep length (0: skip)")
    parser.add_argument("--sweep-rate", type=float, default=100.0, help="OSC alpha messages per second")
    parser.add_argument("--knob-seconds", type=float, default=5.0,
                        help="knob-to-notes sweeps over the α cache's 128 positions, warm and cold (0: skip)")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch eager comparison")
    parser.add_argument("--paper-size", type=int, nargs="?", const=PAPER_SIZE_RUNS, default=None, metavar="RUNS",
                        help="also time random-weight decoders at the paper's sizes (mel_2bar_big, mel_16bar_hier "
                             "previous and start), fp32 and int8, RUNS decodes each (default %(const)s: each takes "
                             "about a second here); without --model, only these. Needs the train extra")
    parser.add_argument("--json", type=Path, default=None, help="write all results to this JSON file")


def run(args: argparse.Namespace) -> int:
    paper_size = args.paper_size is not None
    if paper_size and args.paper_size < 1:
        raise UserError(f"--paper-size RUNS must be at least 1, got {args.paper_size}")
    models = args.model or ([] if paper_size else sorted(p.parent for p in Path("models").glob("*/manifest.json")))
    if not models and not paper_size:
        raise UserError("no bundles given and none under models/")
    one_thread = matmul_gflops_one_thread()
    hardware = {**describe(), "matmul_gflops": round(matmul_gflops(), 1),
                "matmul_gflops_1_thread": round(one_thread, 1) if one_thread else None,
                "matvec_gflops": round(matvec_gflops(512), 1)}
    print(f"{hardware['cpu']}, {hardware['cores']} cores: float32 matmul {hardware['matmul_gflops']} GFLOP/s "
          f"({hardware['matmul_gflops_1_thread']} on one thread), matrix-vector {hardware['matvec_gflops']} GFLOP/s",
          flush=True)
    results = {"hardware": hardware, "provider": args.provider, "threads": args.threads, "models": []}
    for model in models:
        results["models"].append(bench_bundle(Path(model), args))
    if paper_size:
        results["paper_size"] = bench_paper_size(args.paper_size)
    print(text_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 0


def bench_bundle(path: Path, args: argparse.Namespace) -> dict:
    engine = Engine(path, EngineOptions(provider=args.provider, threads=args.threads))
    config = engine.bundle.manifest["config"]["model"]
    flops = decode_flops(config)
    print(f"{engine.bundle.name}: {engine.provider}, {flops / 1e6:.1f} MFLOP per decode", flush=True)
    rows = ort_rows(engine, args.runs, args.sweep_rate)
    torch_rows = [] if args.no_torch else torch_eager_rows(path, engine, args.runs, args.threads)
    for row in rows + torch_rows:
        if row["op"] == "decode":
            row["gflops"] = round(flops * row["batch"] / (row["latency"]["p50_ms"] * 1e-3) / 1e9, 2)
    _add_ratios(rows, torch_rows)
    result = {"bundle": str(path), "name": engine.bundle.name, "provider": engine.provider,
              "cuda_graph": engine.cuda_graph,
              "decode_mflop": round(flops / 1e6, 2), "rows": rows + torch_rows}
    if args.sweep_seconds > 0:
        from bench.roundtrip import alpha_sweep
        from bench.server_process import start_server_process

        with tempfile.TemporaryDirectory() as state, \
                start_server_process(path, Path(state), "--threads", str(args.threads)) as server:
            server.client.request("/sample", "a", 1.0, 1)
            server.client.request("/sample", "b", 1.0, 2)
            result["osc_sweep"] = alpha_sweep(server, args.sweep_rate, args.sweep_seconds).as_dict()
        result["osc_sweep"]["overhead_ms"] = sweep_overhead(rows, result["osc_sweep"]["latency"])
    if args.knob_seconds > 0:
        from bench.knob import bench_knob

        result["knob"] = bench_knob(path, args.threads, args.sweep_rate, args.knob_seconds).as_dict()
    return result


def bench_paper_size(runs: int) -> dict:
    try:
        from bench.paper_size import measure_paper_size, row_line

        print(f"paper-size decoders, random weights, {runs} decode(s) each:", flush=True)
        return measure_paper_size(runs, on_row=lambda row: print("  " + row_line(row), flush=True))
    except ImportError as exc:
        raise UserError(f"--paper-size builds the models with torch and onnx ({exc.name} is missing): "
                        f"pip install '.[train]'") from None


def sweep_overhead(rows: list[dict], round_trip: dict) -> dict:
    """What the OSC round trip adds to the decode itself: over the decode at the same cadence (the fair
    comparison: both run on cooled caches), and over the back-to-back decode (the issue's bar)."""
    live = [r for r in rows if r["runtime"] == "onnxruntime" and r["op"] == "decode" and r["batch"] == 1]
    paced = next((r["latency"] for r in live if "pace_hz" in r), None)
    back_to_back = next(r["latency"] for r in live if "pace_hz" not in r)
    over = {"p99_over_decode_p99": round(round_trip["p99_ms"] - back_to_back["p99_ms"], 3)}
    if paced:
        over["p50_over_paced_decode"] = round(round_trip["p50_ms"] - paced["p50_ms"], 3)
        over["p99_over_paced_decode"] = round(round_trip["p99_ms"] - paced["p99_ms"], 3)
    return over


def ort_rows(engine, runs: int, pace_hz: float) -> list[dict]:
    """Encode and decode at each batch size, back to back; and the live decode once more at the knob's
    cadence (`pace_hz`), where the caches cool between calls as they do in the OSC sweep."""
    rng = np.random.default_rng(0)
    rows = []
    windows = _token_windows(engine, rng, max(BATCHES))
    for batch in BATCHES:
        z = rng.normal(size=(batch, engine.z_size)).astype(np.float32)
        tokens = windows[:batch]
        seeds = iter(range(10**9))
        if batch == 1:
            decode = lambda: engine.decode_tokens(z[0], 1.0, next(seeds))  # noqa: E731 - the live path
        else:
            decode = lambda: engine.decode_batch(z, 1.0, next(seeds))  # noqa: E731
        rows.append(_row("onnxruntime", "encode", batch, time_calls(lambda: engine.encode_tokens(tokens), runs)))
        rows.append(_row("onnxruntime", "decode", batch, time_calls(decode, runs)))
        if batch == 1 and pace_hz > 0:
            paced = time_calls(decode, runs, interval=1.0 / pace_hz)
            rows.append({**_row("onnxruntime", "decode", batch, paced), "pace_hz": pace_hz})
    return rows


def torch_eager_rows(path: Path, engine, runs: int, threads: int) -> list[dict]:
    """The same weights in PyTorch eager, timed the same way (skipped without torch or weights)."""
    weights = path / "pytorch"
    try:
        import torch

        from vae.checkpoint import load_model
    except ImportError:
        print("  torch is not installed: no PyTorch comparison (pip install '.[train]')", flush=True)
        return []
    if not weights.exists():
        print(f"  {weights} is missing: no PyTorch comparison for this bundle", flush=True)
        return []
    torch.set_num_threads(threads)
    model, _, _ = load_model(weights)
    rng = np.random.default_rng(0)
    windows = torch.from_numpy(_token_windows(engine, rng, max(BATCHES)))
    rows = []
    with torch.no_grad():
        for batch in BATCHES:
            z = torch.from_numpy(rng.normal(size=(batch, engine.z_size)).astype(np.float32))
            temperature = torch.ones(batch)
            uniform = torch.rand(batch, engine.num_steps, engine.num_classes).clamp(NOISE_MIN, NOISE_MAX)
            rows.append(_row("pytorch", "encode", batch, time_calls(lambda: model.encode(windows[:batch]), runs)))
            rows.append(_row("pytorch", "decode", batch, time_calls(lambda: model.decode(z, temperature, uniform), runs)))
    return rows


def _token_windows(engine, rng, n: int) -> np.ndarray:
    """Decoded samples: token windows with the statistics of real music for the encoder to read."""
    z = rng.normal(size=(n, engine.z_size)).astype(np.float32)
    return np.ascontiguousarray(engine.decode_batch(z, 1.0, 0), dtype=np.int64)


def _row(runtime: str, op: str, batch: int, latency: Latency) -> dict:
    return {"runtime": runtime, "op": op, "batch": batch, "latency": latency.as_dict()}


def _add_ratios(ort: list[dict], eager: list[dict]) -> None:
    """ORT's speed-up over eager, for back-to-back rows (eager is never paced)."""
    by_key = {(r["op"], r["batch"]): r for r in eager}
    for row in ort:
        other = by_key.get((row["op"], row["batch"])) if "pace_hz" not in row else None
        if other:
            row["speedup_vs_pytorch"] = round(other["latency"]["p50_ms"] / row["latency"]["p50_ms"], 2)
