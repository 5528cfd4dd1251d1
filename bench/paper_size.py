"""Decode speed of paper-size models on this CPU, fp32 against the int8 variant (export/quantize.py).

Random weights at the sizes of Magenta's cat-mel_2bar_big and hierdec-mel_16bar (vae/configs.py's
mel_2bar_big and mel_16bar_hier; the 16-bar one with bar_input "previous", Magenta's, and "start",
bars decoded as one batch). Only the decoder graphs are built: that is what a knob move runs. Each is
timed at batch 1 on one intra-op thread, wall clock and process CPU time: on a machine busy with other
work the CPU time is the better estimate of an idle machine's wall time (it leaves out the waits for a
core, not the cache misses other processes cause).

Where the time goes: at batch 1 each step reads every weight from memory once (they do not fit in the
caches), so a decode cannot beat the bytes it streams over one core's memory read bandwidth. Each row
gives those bytes, the rate the decode streamed them at, and the floor they set at the bandwidth measured
here (a one-core numpy reduction over 256 MB).

Used by `musicvae bench --paper-size [RUNS]` and scripts/paper_size_speed.py. Needs the train extra
(torch to build the weights, onnx to write and quantize the graphs). Each decode takes about a second
here, and building each model several: keep RUNS small.
"""
from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

import numpy as np

DEFAULT_RUNS = 3  # timed decodes per row for `bench --paper-size` (each ~1 s or more on this CPU)


def paper_configs(published: bool = False) -> dict:
    """Paper sizes; with `published`, the four magenta.js shapes importer/published.py rebuilds instead."""
    from vae.configs import get_config

    if published:
        from importer.published import SHAPES

        return {f"magenta.js {name}": cfg for name, cfg in SHAPES.items()}
    hier = get_config("mel_16bar_hier").model
    return {"mel_2bar_big": get_config("mel_2bar_big").model,
            "mel_16bar_hier (previous)": replace(hier, bar_input="previous"),
            "mel_16bar_hier (start)": replace(hier, bar_input="start")}


BANDWIDTH_PROBE_MB = 256  # far larger than any cache


def read_bandwidth_gbps(megabytes: int = BANDWIDTH_PROBE_MB, repeats: int = 5) -> float:
    """One core's memory read bandwidth: a reduction streams its array once (best of `repeats`). numpy's own
    reduction loop, not BLAS, so it stays on one core as the decoders do."""
    a = np.ones(megabytes * 250_000, np.float32)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.maximum.reduce(a)
        best = min(best, time.perf_counter() - start)
    return a.nbytes / best / 1e9


def streamed_bytes(path: Path) -> int:
    """Constant bytes one decode reads: each node's initializer inputs, once per node (the graph is unrolled,
    so a weight shared by every step counts once a step). A Gather's table is left out: it reads one row."""
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
    return {"wall_p50_ms": round(1000 * float(np.median(wall)), 1),
            "cpu_p50_ms": round(1000 * float(np.median(cpu)), 1), "runs": runs,
            "mb": round(path.stat().st_size / 1e6, 1)}


def measure_paper_size(runs: int, configs: dict | None = None, int8: bool = True,
                    on_row: Callable[[dict], None] = lambda row: None) -> dict:
    """Build each config's decoder with random weights (seed 0), fp32 and (with `int8`) quantized, and time
    it. -> {"rows": [{model, precision, wall_p50_ms, cpu_p50_ms, runs, mb, streamed_gb, streamed_gbps,
    bandwidth_floor_ms, load_average}], "load_average", "cores", "read_bandwidth_gbps"};
    `on_row` hears each row as it is measured (they are slow)."""
    import onnx
    import torch

    from export.onnx_graphs import export_decoder
    from export.quantize import quantize_decoder
    from vae.model import MusicVAE

    rows, bandwidth = [], read_bandwidth_gbps()
    with tempfile.TemporaryDirectory() as tmp:
        for name, cfg in (configs if configs is not None else paper_configs()).items():
            torch.manual_seed(0)
            model = MusicVAE(cfg).eval()
            fp32, quantized = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
            export_decoder(model, fp32)
            if int8:
                onnx.save(quantize_decoder(onnx.load(str(fp32)))[0], str(quantized))
            del model
            for precision, path in (("fp32", fp32), ("int8", quantized))[: 2 if int8 else 1]:
                row = {"model": name, "precision": precision, **time_decoder(path, cfg, runs)}
                gb = streamed_bytes(path) / 1e9
                row.update(streamed_gb=round(gb, 2), streamed_gbps=round(gb / row["cpu_p50_ms"] * 1000, 1),
                           bandwidth_floor_ms=round(1000 * gb / bandwidth, 1),
                           load_average=round(os.getloadavg()[0], 2))
                on_row(row)
                rows.append(row)
    return {"rows": rows, "load_average": round(os.getloadavg()[0], 2), "cores": os.cpu_count(),
            "read_bandwidth_gbps": round(bandwidth, 1)}


def row_line(row: dict) -> str:
    return (f"{row['model']:28s} {row['precision']}  wall p50 {row['wall_p50_ms']:8.1f} ms  "
            f"cpu p50 {row['cpu_p50_ms']:8.1f} ms  {row['mb']:7.1f} MB  streams {row['streamed_gb']:.2f} GB at "
            f"{row['streamed_gbps']:.1f} GB/s (floor {row['bandwidth_floor_ms']:.1f} ms)  "
            f"load {row['load_average']:.2f}")
