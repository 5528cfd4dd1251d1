"""ONNX Runtime's weight-only block quantization (com.microsoft MatMulNBits) against our int8 variant.

MatMulNBits is ONNX Runtime's kernel for LLM decoding at batch 1: weights in 8 or 4 bits per block of
`block` rows of K, one scale (and zero point unless symmetric) per block; accuracy_level 4 quantizes the
activation row to int8 and multiplies in integers. Each candidate rewrites the decoder's big constant-weight
Gemms as in export/quantize.py (the logits stay fp32) and is measured two ways:
  - greedy-token agreement with fp32 on the trained models/mel_2bar_small at temperature 0, on the posterior
    means of the first 1000 test windows (export/quantize.py's measure), and
  - decode time of the random-weight mel_2bar_big decoder at batch 1 on one thread (bench/paper_size.py).
accuracy_level 0 (fp32 compute) is left out by default: measured on this CPU it took 26-47 s a decode at
8 bits (the weights dequantized on every call) and 0.95 s at 4 bits.

  python scripts/weight_only_candidates.py --runs 10 --json results/weight_only_candidates.json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere: the repository's packages


@dataclass(frozen=True)
class Candidate:
    bits: int
    block: int
    accuracy_level: int = 4
    symmetric: bool = False

    @property
    def name(self) -> str:
        return f"nbits{self.bits} block {self.block} acc {self.accuracy_level}{' sym' if self.symmetric else ''}"


CANDIDATES = [Candidate(8, 32), Candidate(8, 128), Candidate(8, 32, symmetric=True),
              Candidate(4, 16), Candidate(4, 32), Candidate(4, 128), Candidate(4, 32, symmetric=True)]


def nbits_decoder(model: onnx.ModelProto, c: Candidate) -> onnx.ModelProto:
    """The decoder with each big constant-weight Gemm as MatMulNBits (+ Add where C is not a constant bias)."""
    from onnxruntime.quantization.matmul_nbits_quantizer import (
        DefaultWeightOnlyQuantConfig,
        DefaultWeightOnlyQuantizer,
    )

    from export.quantize import CONTRIB, rewrite_gemms

    packer = DefaultWeightOnlyQuantizer(DefaultWeightOnlyQuantConfig(block_size=c.block, is_symmetric=c.symmetric,
                                                                     bits=c.bits))

    def pack(w: np.ndarray, stem: str) -> list[onnx.TensorProto]:
        packed, scales, zero = packer.qbits_block_quant(w)
        return [numpy_helper.from_array(packed, stem), numpy_helper.from_array(scales, f"{stem}_scales"),
                *([] if c.symmetric else [numpy_helper.from_array(zero, f"{stem}_zero")])]

    def node(x: str, stem: str, bias: str, output: str, shape: tuple[int, int]) -> onnx.NodeProto:
        inputs = [x, stem, f"{stem}_scales", "" if c.symmetric else f"{stem}_zero", "", bias]
        while not inputs[-1]:
            inputs.pop()
        return helper.make_node("MatMulNBits", inputs, [output], domain=CONTRIB, K=shape[0], N=shape[1],
                                bits=c.bits, block_size=c.block, accuracy_level=c.accuracy_level)

    return rewrite_gemms(model, f"_q{c.bits}", pack, node)[0]


def agreement(variants: dict, data: Path, bundle_dir: Path, windows: int, tmp: Path) -> dict[str, float]:
    """Greedy-token agreement with fp32 of each variant (name -> rewrite) on the trained bundle's test windows."""
    from contract.bundle import load_bundle
    from contract.graphs import DECODER, ENCODER, encoder_feed
    from export.quantize import token_agreement
    from vae.shards import load_windows

    bundle = load_bundle(bundle_dir)
    tokens = load_windows(data, bundle.manifest["config"]["dataset"], "test")[:windows]
    z = _session(bundle.graph_paths[ENCODER]).run(None, encoder_feed(np.ascontiguousarray(tokens, np.int64)))[0]
    fp32, out = onnx.load(str(bundle.graph_paths[DECODER])), {}
    for name, rewrite in variants.items():
        path = tmp / "small.onnx"
        onnx.save(rewrite(fp32), str(path))
        out[name] = token_agreement(bundle.graph_paths[DECODER], path, z, bundle.num_steps, bundle.num_classes)
    return out


def _session(path: Path):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def main() -> None:
    import torch

    import export.parity
    from bench.paper_size import paper_configs, time_decoder
    from export.onnx_graphs import export_decoder
    from export.quantize import quantize_decoder
    from vae.model import MusicVAE

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--bundle", type=Path, default=Path("models/mel_2bar_small"))
    parser.add_argument("--windows", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    export.parity.cpu_session = _session  # one thread for the agreement runs too
    variants = {"int8 (DynamicQuantizeMatMul)": lambda m: quantize_decoder(m)[0],
                **{c.name: (lambda m, c=c: nbits_decoder(m, c)) for c in CANDIDATES}}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        agree = agreement(variants, args.data, args.bundle, args.windows, Path(tmp))
        cfg = paper_configs()["mel_2bar_big"]
        torch.manual_seed(0)
        fp32 = Path(tmp) / "fp32.onnx"
        export_decoder(MusicVAE(cfg).eval(), fp32)
        for name, rewrite in {"fp32": None, **variants}.items():
            path = fp32 if rewrite is None else Path(tmp) / "variant.onnx"
            if rewrite is not None:
                onnx.save(rewrite(onnx.load(str(fp32))), str(path))
            row = {"precision": name, "agreement_mel_2bar_small": round(agree.get(name, 1.0), 5),
                   **time_decoder(path, cfg, args.runs), "load_average": round(os.getloadavg()[0], 2)}
            print(f"{name:30s} agreement {100 * row['agreement_mel_2bar_small']:6.2f}%  mel_2bar_big wall p50 "
                  f"{row['wall_p50_ms']:7.1f} ms  cpu p50 {row['cpu_p50_ms']:7.1f} ms  {row['mb']:6.1f} MB  "
                  f"load {row['load_average']:.2f}", flush=True)
            rows.append(row)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "windows": args.windows, "cores": os.cpu_count()}, indent=1)
                             + "\n")


if __name__ == "__main__":
    main()
