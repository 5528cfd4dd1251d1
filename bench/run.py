"""Decode-latency benchmark: what we promise performers (DESIGN.md section 9).

For each bundle: encode and decode latency (p50/p95/p99 over --runs calls after warm-up) at batch 1 and
batch 8 with ONNX Runtime; the same model in PyTorch eager in the same run when torch is installed and the
bundle carries its weights (pytorch/); the achieved GFLOP/s of each decode next to this machine's measured
float32 matrix-multiply and matrix-vector rates; and the end-to-end OSC round trip (send /alpha, receive
/notes/end) on a live server under a 100 Hz alpha sweep. Prints a table; --json writes everything.

Decode rows sample at temperature 1 with a fresh seed per call (the costlier live path: the Gumbel noise is
drawn in numpy each call); encode rows encode real-looking token windows.

Example:
  musicvae bench --model models/mel_2bar_small --model models/mel_16bar_hier_small --json bench.json
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench.flops import decode_flops
from bench.hardware import describe, matmul_gflops, matvec_gflops
from bench.stats import Latency, time_calls

BATCHES = (1, 8)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", type=Path, action="append", default=None,
                        help="bundle folder (repeatable; default: every bundle under models/)")
    parser.add_argument("--provider", choices=("cpu", "cuda"), default="cpu",
                        help="ONNX Runtime execution provider (cuda falls back to cpu where it cannot load)")
    parser.add_argument("--runs", type=int, default=200, help="timed calls per row, after warm-up")
    parser.add_argument("--threads", type=int, default=1,
                        help="intra-op threads for ONNX Runtime and PyTorch alike (1 is fastest at batch 1)")
    parser.add_argument("--sweep-seconds", type=float, default=10.0, help="OSC alpha sweep length (0: skip)")
    parser.add_argument("--sweep-rate", type=float, default=100.0, help="OSC alpha messages per second")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch eager comparison")
    parser.add_argument("--json", type=Path, default=None, help="write all results to this JSON file")


def run(args: argparse.Namespace) -> int:
    models = args.model or sorted(p.parent for p in Path("models").glob("*/manifest.json"))
    if not models:
        print("musicvae bench: error: no bundles given and none under models/", file=sys.stderr)
        return 1
    hardware = {**describe(), "matmul_gflops": round(matmul_gflops(), 1),
                "matvec_gflops": round(matvec_gflops(512), 1)}
    print(f"{hardware['cpu']}, {hardware['cores']} cores: float32 matmul {hardware['matmul_gflops']} GFLOP/s, "
          f"matrix-vector {hardware['matvec_gflops']} GFLOP/s", flush=True)
    results = {"hardware": hardware, "provider": args.provider, "threads": args.threads, "models": []}
    for model in models:
        results["models"].append(bench_bundle(Path(model), args))
    print(format_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 0


def bench_bundle(path: Path, args: argparse.Namespace) -> dict:
    from server.engine import Engine, EngineOptions

    engine = Engine(path, EngineOptions(provider=args.provider, threads=args.threads))
    config = engine.bundle.manifest["config"]["model"]
    flops = decode_flops(config)
    print(f"{engine.bundle.name}: {engine.provider}, {flops / 1e6:.1f} MFLOP per decode", flush=True)
    rows = ort_rows(engine, args.runs)
    torch_rows = [] if args.no_torch else torch_eager_rows(path, engine, args.runs, args.threads)
    for row in rows + torch_rows:
        if row["op"] == "decode":
            row["gflops"] = round(flops * row["batch"] / (row["latency"]["p50_ms"] * 1e-3) / 1e9, 2)
    _add_ratios(rows, torch_rows)
    result = {"bundle": str(path), "name": engine.bundle.name, "provider": engine.provider,
              "decode_mflop": round(flops / 1e6, 2), "rows": rows + torch_rows}
    if args.sweep_seconds > 0:
        from bench.roundtrip import ServerProcess, alpha_sweep

        with tempfile.TemporaryDirectory() as state, ServerProcess(path, Path(state)) as server:
            server.send("/sample", "a", 1.0, 1)
            server.send("/sample", "b", 1.0, 2)
            result["osc_sweep"] = alpha_sweep(server, args.sweep_rate, args.sweep_seconds).as_dict()
    return result


def ort_rows(engine, runs: int) -> list[dict]:
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
            uniform = torch.rand(batch, engine.num_steps, engine.num_classes).clamp(1e-7, 1 - 1e-7)
            rows.append(_row("pytorch", "encode", batch, time_calls(lambda: model.encode(windows[:batch]), runs)))
            # Eager decode is slow: fewer runs keep the benchmark short; percentiles stay meaningful.
            rows.append(_row("pytorch", "decode", batch,
                             time_calls(lambda: model.decode(z, temperature, uniform), max(runs // 4, 50), 5)))
    return rows


def _token_windows(engine, rng, n: int) -> np.ndarray:
    """Decoded samples: token windows with the statistics of real music for the encoder to read."""
    z = rng.normal(size=(n, engine.z_size)).astype(np.float32)
    return np.ascontiguousarray(engine.decode_batch(z, 1.0, 0), dtype=np.int64)


def _row(runtime: str, op: str, batch: int, latency: Latency) -> dict:
    return {"runtime": runtime, "op": op, "batch": batch, "latency": latency.as_dict()}


def _add_ratios(ort: list[dict], eager: list[dict]) -> None:
    by_key = {(r["op"], r["batch"]): r for r in eager}
    for row in ort:
        other = by_key.get((row["op"], row["batch"]))
        if other:
            row["speedup_vs_pytorch"] = round(other["latency"]["p50_ms"] / row["latency"]["p50_ms"], 2)


def format_table(results: dict) -> str:
    lines = [f"\n{'model':<22} {'runtime':<12} {'op':<7} {'batch':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
             f"{'GFLOP/s':>8} {'ORT x':>6}"]
    for model in results["models"]:
        for r in model["rows"]:
            lat = r["latency"]
            lines.append(f"{model['name']:<22} {r['runtime']:<12} {r['op']:<7} {r['batch']:>5} {lat['p50_ms']:>8.3f} "
                         f"{lat['p95_ms']:>8.3f} {lat['p99_ms']:>8.3f} {r.get('gflops', ''):>8} "
                         f"{r.get('speedup_vs_pytorch', ''):>6}")
        sweep = model.get("osc_sweep")
        if sweep:
            lat = sweep["latency"]
            lines.append(f"{model['name']:<22} OSC /alpha at {sweep['rate_hz']:.0f} Hz for {sweep['seconds']:.0f} s: "
                         f"round trip p50 {lat['p50_ms']:.2f} / p95 {lat['p95_ms']:.2f} / p99 {lat['p99_ms']:.2f} ms, "
                         f"answered {sweep['answered_fraction']:.1%}, stale dropped {sweep['stale_dropped']}, "
                         f"last alpha answered: {sweep['last_alpha_answered']}")
    return "\n".join(lines)
