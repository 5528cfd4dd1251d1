"""An int8 variant of a bundle: the decoder's weight matrix products in 8-bit integers, for paper-size models.

At batch 1 a decode step streams every decoder weight once, so a big model's step time is its weight bytes
over the memory bandwidth (mel_2bar_big: 84 M gate weights, 336 MB a step in fp32). Storing those weights
as int8 cuts the bytes by 4. Each Gemm of the decoder graph whose weight is a constant matrix becomes one
com.microsoft DynamicQuantizeMatMul (ONNX Runtime's dynamic quantization: the activation row is quantized
to uint8 on the fly, the weight is int8 with one symmetric scale per output column), plus an Add where the
Gemm's C is not a constant. The output projection (the logits) and the token table stay fp32: they are
small, and the argmax is decided there. The encoder stays fp32 (encoding is not on the knob's path).

The variant is a new bundle folder: the original's manifest with the new decoder's sha256, a `precision`
field, and the greedy-token agreement with the fp32 decoder measured on the windows given (a trained model's
test windows: random weights have near-ties that make agreement meaningless).

Example:
  musicvae quantize models/mel_2bar_small --out models/mel_2bar_small_int8 --data data
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Callable

import numpy as np
import onnx
from onnx import helper, numpy_helper

MIN_WEIGHTS = 16384  # smaller products are not worth a quantize step (its fixed cost exceeds the saving)
KEEP_FP32 = ("out_w",)  # initializer stems left in fp32: the logits decide the argmax
CONTRIB = "com.microsoft"


def quantize_decoder(model: onnx.ModelProto) -> tuple[onnx.ModelProto, int]:
    """-> (the graph with its big constant-weight Gemms in int8, how many were rewritten)."""
    def node(x: str, stem: str, bias: str, output: str, shape: tuple[int, int]) -> onnx.NodeProto:
        return helper.make_node("DynamicQuantizeMatMul", [x, stem, f"{stem}_scale", f"{stem}_zero", bias], [output],
                                domain=CONTRIB)

    return rewrite_gemms(model, "_int8", _int8_weight, node)


def rewrite_gemms(model: onnx.ModelProto, suffix: str, pack: Callable[[np.ndarray, str], list[onnx.TensorProto]],
                  make_node: Callable[[str, str, str, str, tuple[int, int]], onnx.NodeProto]
                  ) -> tuple[onnx.ModelProto, int]:
    """Each big constant-weight Gemm (`_worth_it`) as one node of a reduced-precision kind, plus an Add where
    its C is not a constant bias. `pack(w [K, N], stem)` -> the weight's initializers, made once per weight
    (every step's Gemm shares it); `make_node(x, stem, bias or "", output, (K, N))` -> the product node.
    -> (the new graph, how many Gemms were rewritten)."""
    weights = {init.name: init for init in model.graph.initializer}
    nodes, extra, rewritten, done = [], [], 0, set()
    for node in model.graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "Gemm" and len(node.input) > 1 else None
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        if weight is None or not _worth_it(weight, attrs):
            nodes.append(node)
            continue
        w = numpy_helper.to_array(weight)
        w = np.ascontiguousarray(w.T if attrs.get("transB", 0) else w)  # [K, N]
        stem = f"{node.input[1]}{suffix}"
        if stem not in done:
            done.add(stem)
            extra += pack(w, stem)
        bias = node.input[2] if len(node.input) > 2 and node.input[2] in weights and \
            numpy_helper.to_array(weights[node.input[2]]).ndim == 1 else ""
        product = node.output[0] if (len(node.input) < 3 or bias) else f"{node.output[0]}_product"
        nodes.append(make_node(node.input[0], stem, bias, product, w.shape))
        if product != node.output[0]:
            nodes.append(helper.make_node("Add", [product, node.input[2]], [node.output[0]]))
        rewritten += 1
    graph = model.graph
    used = {name for n in nodes for name in n.input}
    initializers = [i for i in graph.initializer if i.name in used] + extra
    new_graph = helper.make_graph(nodes, graph.name, graph.input, graph.output, initializers)
    opsets = list(model.opset_import) + [helper.make_opsetid(CONTRIB, 1)]
    out = helper.make_model(new_graph, opset_imports=opsets, producer_name=model.producer_name)
    out.ir_version = model.ir_version
    return out, rewritten


def _int8_weight(w: np.ndarray, stem: str) -> list[onnx.TensorProto]:
    """[K, N] int8 with one symmetric scale per output column, and the zero points DynamicQuantizeMatMul takes."""
    scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return [numpy_helper.from_array(q, stem), numpy_helper.from_array(scale.astype(np.float32), f"{stem}_scale"),
            numpy_helper.from_array(np.zeros(q.shape[1], np.int8), f"{stem}_zero")]


def _worth_it(weight: onnx.TensorProto, attrs: dict) -> bool:
    if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0 or attrs.get("beta", 1.0) != 1.0:
        return False
    if len(weight.dims) != 2 or any(weight.name.startswith(stem) for stem in KEEP_FP32):
        return False
    return int(np.prod(weight.dims)) >= MIN_WEIGHTS


# ---------------------------------------------------------------------------------------------- bundles


def token_agreement(fp32_decoder: Path, int8_decoder: Path, z: np.ndarray, num_steps: int, classes: int) -> float:
    """Share of greedy (T = 0) tokens the int8 decoder gets the same as the fp32 one, over the rows of z."""
    from contract.graphs import decoder_feed
    from contract.noise import argmax_noise
    from export.parity import cpu_session

    outs = []
    for path in (fp32_decoder, int8_decoder):
        session = cpu_session(path)
        tokens = [session.run(None, decoder_feed(z[i: i + 64], np.zeros(len(z[i: i + 64]), np.float32),
                                                 argmax_noise((len(z[i: i + 64]), num_steps, classes))))[0]
                  for i in range(0, len(z), 64)]
        outs.append(np.concatenate(tokens))
    return float((outs[0] == outs[1]).mean())


def quantize_bundle(bundle_dir: Path, out: Path, data: Path | None = None, windows: int = 1000,
                    force: bool = False) -> dict:
    from contract.bundle import MANIFEST_FILE, load_bundle, sha256_file
    from contract.graphs import DECODER, ENCODER, encoder_feed, graph_file
    from export.manifest import write_json
    from export.parity import cpu_session

    bundle = load_bundle(bundle_dir)
    if out.exists() and not force:
        raise FileExistsError(f"{out} exists; pass --force to replace it")
    model, rewritten = quantize_decoder(onnx.load(str(bundle.graph_paths[DECODER])))
    if not rewritten:
        raise ValueError(f"{bundle_dir}: no weight matrix of {MIN_WEIGHTS} or more entries to quantize")
    staging = out.parent / f".{out.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle_dir, staging)
    onnx.save(model, str(staging / graph_file(DECODER)))
    # z to compare on: the posterior means of real windows where given, else draws from the prior.
    if data is not None:
        from vae.shards import load_windows

        tokens = load_windows(data, bundle.manifest["config"]["dataset"], "test")[:windows]
        z = cpu_session(bundle.graph_paths[ENCODER]).run(None, encoder_feed(np.ascontiguousarray(tokens, np.int64)))[0]
        origin = f"{len(z)} test windows' mu"
    else:
        z = np.random.default_rng(0).standard_normal((min(windows, 256), bundle.z_size)).astype(np.float32)
        origin = f"{len(z)} prior draws (random weights have near-ties: measure agreement on a trained model)"
    agreement = token_agreement(bundle.graph_paths[DECODER], staging / graph_file(DECODER), z, bundle.num_steps,
                                bundle.num_classes)
    manifest = json.loads((staging / MANIFEST_FILE).read_text())
    manifest["graphs"][DECODER]["sha256"] = sha256_file(staging / graph_file(DECODER))
    manifest["name"] = out.name
    manifest["precision"] = {"decoder": "int8 weights (DynamicQuantizeMatMul), fp32 logits", "encoder": "fp32",
                             "quantized_products": rewritten, "greedy_token_agreement_with_fp32": round(agreement, 5),
                             "measured_on": origin, "from": str(bundle_dir)}
    write_json(staging / MANIFEST_FILE, manifest)
    load_bundle(staging)  # the variant must read back as a valid bundle
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)
    return manifest


def run(args: argparse.Namespace) -> int:
    try:
        manifest = quantize_bundle(args.bundle, args.out, args.data, args.windows, args.force)
    except (FileNotFoundError, FileExistsError, ValueError) as exc:
        print(f"musicvae quantize: error: {exc}", file=sys.stderr)
        return 1
    precision = manifest["precision"]
    print(f"wrote {args.out}: {precision['quantized_products']} weight products in int8; greedy tokens agree with "
          f"fp32 on {100 * precision['greedy_token_agreement_with_fp32']:.2f}% ({precision['measured_on']})")
    return 0
