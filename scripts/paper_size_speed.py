"""Decode speed of paper-size models on this CPU, fp32 against the int8 variant (export/quantize.py).

Random weights at the sizes of Magenta's cat-mel_2bar_big and hierdec-mel_16bar (vae/configs.py's
mel_2bar_big and mel_16bar_hier; the 16-bar one with bar_input "previous", Magenta's, and "start",
bars decoded as one batch). Only the decoder graphs are built: that is what a knob move runs. Each is
timed at batch 1 on one intra-op thread, wall clock and process CPU time: on a machine busy with other
work the CPU time is the better estimate of an idle machine's wall time (it leaves out the waits for a
core, not the cache misses other processes cause).

Where the time goes: at batch 1 every step reads each of its weights from memory once (they do not fit in the
caches), so a decode cannot be faster than the bytes it streams over one core's memory read bandwidth. The
script measures that bandwidth (a one-thread numpy dot over 256 MB, best of 5) and prints, next to each
time, the bytes streamed, the rate the decode streamed them at, and the floor they set.

  python scripts/paper_size_speed.py --runs 20 --json results/paper_size_speed.json
  python scripts/paper_size_speed.py --published --runs 20     # the magenta.js shapes, fp32
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # the bandwidth probe below must use one core, as the decoders
import numpy as np


def models(published: bool):
    """Paper sizes; with `published`, the four magenta.js shapes importer/published.py rebuilds instead."""
    from vae.configs import get_config

    if published:
        from importer.published import SHAPES

        return {f"magenta.js {name}": cfg for name, cfg in SHAPES.items()}
    hier = get_config("mel_16bar_hier").model
    return {"mel_2bar_big": get_config("mel_2bar_big").model,
            "mel_16bar_hier (previous)": replace(hier, bar_input="previous"),
            "mel_16bar_hier (start)": replace(hier, bar_input="start")}


def read_bandwidth_gbps(megabytes: int = 256, repeats: int = 5) -> float:
    """One core's memory read bandwidth: a float32 dot product streams its array once (best of `repeats`)."""
    a = np.ones(megabytes * 250_000, np.float32)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.dot(a, a)
        best = min(best, time.perf_counter() - start)
    return a.nbytes / best / 1e9


def streamed_bytes(path: Path) -> int:
    """Constant bytes one decode reads: each node's initializer inputs, once per node (the graph is unrolled, so a
    weight shared by every step counts once a step). A Gather's table is left out: it reads one row."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    sizes = {i.name: numpy_helper.to_array(i).nbytes for i in model.graph.initializer}
    return sum(sizes.get(name, 0) for node in model.graph.node if node.op_type != "Gather" for name in node.input)


def time_decoder(path: Path, cfg, runs: int) -> dict:
    import onnxruntime as ort

    from contract.graphs import decoder_feed
    from contract.noise import argmax_noise

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    z = np.random.default_rng(0).standard_normal((1, cfg.z_size)).astype(np.float32)
    feed = decoder_feed(z, np.zeros(1, np.float32), argmax_noise((1, cfg.num_steps, cfg.num_classes)))
    session.run(None, feed)  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        session.run(None, feed)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {"wall_p50_ms": round(1000 * float(np.median(wall)), 1), "cpu_p50_ms": round(1000 * float(np.median(cpu)), 1),
            "runs": runs, "mb": round(path.stat().st_size / 1e6, 1)}


def main() -> None:
    import onnx
    import torch

    from export.onnx_graphs import export_decoder
    from export.quantize import quantize_decoder
    from vae.model import MusicVAE

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--published", action="store_true", help="time the magenta.js model shapes (fp32 only)")
    args = parser.parse_args()
    bandwidth = read_bandwidth_gbps()
    print(f"one core's memory read bandwidth: {bandwidth:.1f} GB/s", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, cfg in models(args.published).items():
            torch.manual_seed(0)
            model = MusicVAE(cfg).eval()
            fp32, int8 = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
            export_decoder(model, fp32)
            if not args.published:
                onnx.save(quantize_decoder(onnx.load(str(fp32)))[0], str(int8))
            del model
            for precision, path in (("fp32", fp32), ("int8", int8))[: 1 if args.published else 2]:
                row = {"model": name, "precision": precision, **time_decoder(path, cfg, args.runs)}
                gb = streamed_bytes(path) / 1e9
                row.update(streamed_gb=round(gb, 2), streamed_gbps=round(gb / row["cpu_p50_ms"] * 1000, 1),
                           bandwidth_floor_ms=round(1000 * gb / bandwidth, 1), load_average=round(os.getloadavg()[0], 2))
                print(f"{name:28s} {precision}  wall p50 {row['wall_p50_ms']:8.1f} ms  cpu p50 {row['cpu_p50_ms']:8.1f} ms  "
                      f"{row['mb']:7.1f} MB  streams {gb:.2f} GB at {row['streamed_gbps']:.1f} GB/s (floor "
                      f"{row['bandwidth_floor_ms']:.1f} ms)  load {row['load_average']:.2f}", flush=True)
                rows.append(row)
    load = os.getloadavg()[0]
    print(f"load average during the run: {load:.1f} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "load_average": load, "cores": os.cpu_count(),
                                           "read_bandwidth_gbps": round(bandwidth, 1)}, indent=1) + "\n")


if __name__ == "__main__":
    main()
