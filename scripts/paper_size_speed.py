"""Decode speed of paper-size models on this CPU, fp32 against the int8 variant (export/quantize.py).

Random weights at the sizes of Magenta's cat-mel_2bar_big and hierdec-mel_16bar (vae/configs.py's
mel_2bar_big and mel_16bar_hier; the 16-bar one with bar_input "previous", Magenta's, and "start",
bars decoded as one batch). Only the decoder graphs are built: that is what a knob move runs. Each is
timed at batch 1 on one intra-op thread, wall clock and process CPU time: on a machine busy with other
work the CPU time is the better estimate of an idle machine's wall time (it leaves out the waits for a
core, not the cache misses other processes cause).

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
                print(f"{name:28s} {precision}  wall p50 {row['wall_p50_ms']:8.1f} ms  cpu p50 {row['cpu_p50_ms']:8.1f} ms  "
                      f"{row['mb']:7.1f} MB", flush=True)
                rows.append(row)
    load = os.getloadavg()[0]
    print(f"load average during the run: {load:.1f} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "load_average": load, "cores": os.cpu_count()}, indent=1) + "\n")


if __name__ == "__main__":
    main()
